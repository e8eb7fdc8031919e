using System.Collections.Concurrent;

namespace Analytics.Dashboards.Auth;

/// <summary>
/// The users who may sign in: from configuration ("Users": [{ "UserName", "DisplayName", "Role",
/// "AgencyId", "PasswordHash" }]), plus the demo users when the data folder holds the demo data,
/// plus those an admin adds at run time (kept in memory for the life of the process).
/// </summary>
public sealed class UserStore
{
    private readonly ConcurrentDictionary<string, AppUser> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly string? _file;
    private readonly object _saving = new();

    /// <param name="file">where users added by an admin are kept (data/users.json); null keeps them in memory</param>
    public UserStore(IEnumerable<AppUser> configured, string? file = null)
    {
        _file = file;
        foreach (var user in configured) Add(user);
        if (file is not null && File.Exists(file))
            foreach (var user in System.Text.Json.JsonSerializer.Deserialize<List<AppUser>>(File.ReadAllText(file)) ?? []) Add(user);
    }

    public IReadOnlyCollection<AppUser> All => _users.Values.OrderBy(u => u.UserName).ToList();

    public AppUser? Find(string userName) => _users.GetValueOrDefault(userName);

    public void Add(AppUser user, bool persist = false)
    {
        if (!Roles.All.Contains(user.Role)) throw new ArgumentException($"Unknown role '{user.Role}'.");
        if (user.Role == Roles.AgencyManager && string.IsNullOrWhiteSpace(user.AgencyId))
            throw new ArgumentException($"User '{user.UserName}' is an agency manager and needs an agency_id.");
        _users[user.UserName] = user;
        if (persist && _file is not null) Save(user);
    }

    private void Save(AppUser user)
    {
        lock (_saving)
        {
            var saved = File.Exists(_file) ? System.Text.Json.JsonSerializer.Deserialize<List<AppUser>>(File.ReadAllText(_file!)) ?? [] : [];
            saved.RemoveAll(u => string.Equals(u.UserName, user.UserName, StringComparison.OrdinalIgnoreCase));
            saved.Add(user);
            Directory.CreateDirectory(Path.GetDirectoryName(_file!)!);
            var temp = _file + ".tmp";
            File.WriteAllText(temp, System.Text.Json.JsonSerializer.Serialize(saved, new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
            File.Move(temp, _file!, overwrite: true);
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

    /// <summary>The demo users listed in the README; only ever added for the generated demo data.</summary>
    public static IEnumerable<AppUser> DemoUsers() =>
    [
        new("stat", "统计人员（演示）", Roles.Statistician, null, PasswordHasher.Hash("stat-demo")),
        new("policy", "决策者（演示）", Roles.Policymaker, null, PasswordHasher.Hash("policy-demo")),
        new("agency1", "派遣机构管理员 A001（演示）", Roles.AgencyManager, "A001", PasswordHasher.Hash("agency1-demo")),
        new("agency2", "派遣机构管理员 A002（演示）", Roles.AgencyManager, "A002", PasswordHasher.Hash("agency2-demo")),
        new("admin", "管理员（演示）", Roles.Admin, null, PasswordHasher.Hash("admin-demo")),
    ];
}
