using System.Collections.Concurrent;

namespace Analytics.Dashboards.Auth;

/// <summary>
/// The users who may sign in: from configuration ("Users": [{ "UserName", "DisplayName", "Role",
/// "AgencyId", "PasswordHash" }]), plus those kept in data/users.json: the demo users (written once,
/// when the demo data folder is first served) and those an admin adds or changes at run time.
/// </summary>
public sealed class UserStore
{
    private readonly ConcurrentDictionary<string, AppUser> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly string? _file;
    private readonly object _saving = new();
    private readonly SecurityStamps _stamps;

    /// <param name="file">where users added by an admin are kept (data/users.json); null keeps them in memory</param>
    public UserStore(IEnumerable<AppUser> configured, string? file = null)
    {
        _file = file;
        _stamps = new SecurityStamps(file is null ? null : Path.Combine(Path.GetDirectoryName(file)!, "sign-outs.json"));
        foreach (var user in configured) Add(user);
        if (file is not null)
            foreach (var user in JsonFile.Read<List<AppUser>>(file) ?? []) Add(user);
    }

    public IReadOnlyCollection<AppUser> All => _users.Values.OrderBy(u => u.UserName).ToList();

    public AppUser? Find(string userName) => _users.GetValueOrDefault(userName);

    public void Add(AppUser user, bool persist = false)
    {
        Validate(user);
        _users[user.UserName] = user;
        if (persist && _file is not null) Save([user]);
    }

    /// <summary>
    /// Adds <paramref name="users"/> only if the users file does not exist yet, so users seeded once
    /// (the demo users) are never re-created over an admin's later changes.
    /// </summary>
    public void SeedOnce(IReadOnlyCollection<AppUser> users)
    {
        if (_file is not null && File.Exists(_file)) return;
        foreach (var user in users) Validate(user);
        foreach (var user in users) _users[user.UserName] = user;
        if (_file is not null) Save(users);
    }

    /// <summary>The user's current security stamp (see <see cref="SecurityStamps"/>), or null for a user who no longer exists.</summary>
    public string? StampOf(string userName) => Find(userName) is { } user ? _stamps.Of(user) : null;

    /// <summary>Ends every session of the user: cookies issued before are refused from the next request on.</summary>
    public void EndSessions(string userName) => _stamps.SignOut(userName);

    private static void Validate(AppUser user)
    {
        if (!Roles.All.Contains(user.Role)) throw new ArgumentException($"Unknown role '{user.Role}'.");
        if (user.Role == Roles.AgencyManager && string.IsNullOrWhiteSpace(user.AgencyId))
            throw new ArgumentException($"User '{user.UserName}' is an agency manager and needs an agency_id.");
        if (user.Role == Roles.LabourInspector && !(user.RegionScope is { Length: 6 } scope && scope.All(char.IsAsciiDigit)))
            throw new ArgumentException($"User '{user.UserName}' is a labour inspector and needs a 6-digit region scope.");
        if (user.Role == Roles.WageOfficer && user.ProjectIds.Count == 0)
            throw new ArgumentException($"User '{user.UserName}' is a wage officer and needs at least one project_id.");
    }

    private void Save(IReadOnlyCollection<AppUser> users)
    {
        lock (_saving)
        {
            var saved = JsonFile.Read<List<AppUser>>(_file!) ?? [];
            saved.RemoveAll(u => users.Any(n => string.Equals(u.UserName, n.UserName, StringComparison.OrdinalIgnoreCase)));
            saved.AddRange(users);
            JsonFile.Write(_file!, saved);
        }
    }

    /// <summary>Verifies a password; a missing user costs the same hashing time as a wrong password.</summary>
    public AppUser? Verify(string userName, string password)
    {
        var user = Find(userName);
        var ok = PasswordHasher.Verify(password, user?.PasswordHash ?? DummyHash);
        return ok && user is not null ? user : null;
    }

    private static readonly string DummyHash = PasswordHasher.Hash(Guid.NewGuid().ToString());

    /// <summary>A demo user's password as generated (README; the start-up banner shows it while it still works).</summary>
    public static string DemoPassword(string userName) => userName + "-demo";

    /// <summary>The demo users listed in the README; only ever added for the generated demo data.</summary>
    public static IReadOnlyCollection<AppUser> DemoUsers() =>
    [
        new("stat", "统计人员（演示）", Roles.Statistician, null, PasswordHasher.Hash(DemoPassword("stat"))),
        new("policy", "决策者（演示）", Roles.Policymaker, null, PasswordHasher.Hash(DemoPassword("policy"))),
        new("agency1", "派遣机构管理员 A001（演示）", Roles.AgencyManager, "A001", PasswordHasher.Hash(DemoPassword("agency1"))),
        new("agency2", "派遣机构管理员 A002（演示）", Roles.AgencyManager, "A002", PasswordHasher.Hash(DemoPassword("agency2"))),
        new("admin", "管理员（演示）", Roles.Admin, null, PasswordHasher.Hash(DemoPassword("admin"))),
        new("inspector", "劳动监察员 广州市（演示）", Roles.LabourInspector, null, PasswordHasher.Hash(DemoPassword("inspector"))) { RegionScope = "440100" },
        new("officer1", "劳资专管员 GC-001（演示）", Roles.WageOfficer, null, PasswordHasher.Hash(DemoPassword("officer1"))) { ProjectIds = ["GC-001"] },
        new("officer2", "劳资专管员 GC-002、GC-003（演示）", Roles.WageOfficer, null, PasswordHasher.Hash(DemoPassword("officer2"))) { ProjectIds = ["GC-002", "GC-003"] },
    ];
}
