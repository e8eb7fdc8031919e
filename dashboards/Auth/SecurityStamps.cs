using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Analytics.Dashboards.Auth;

/// <summary>
/// A user's security stamp: a digest of what a sign-in grants them (role, agency, password hash) and
/// of their last sign-out. Every cookie carries the stamp it was issued with and is refused once the
/// stamp differs, so an admin's change of role, agency or password, and a sign-out, end the user's
/// sessions at the next request. Signing out ends all of that user's sessions (every browser): the
/// stamp is per user, which keeps this store one entry per user and lets it survive restarts.
/// </summary>
public sealed class SecurityStamps
{
    private readonly ConcurrentDictionary<string, string> _signOuts = new(StringComparer.OrdinalIgnoreCase);
    private readonly string? _file;
    private readonly object _saving = new();

    /// <param name="file">where each user's last sign-out is kept (data/sign-outs.json); null keeps it in memory</param>
    public SecurityStamps(string? file)
    {
        _file = file;
        if (file is not null)
            foreach (var (user, signOut) in JsonFile.Read<Dictionary<string, string>>(file) ?? []) _signOuts[user] = signOut;
    }

    public string Of(AppUser user)
    {
        var fields = string.Join('\0', user.UserName.ToUpperInvariant(), user.Role, user.AgencyId ?? "", user.PasswordHash,
            user.RegionScope ?? "", string.Join(',', user.ProjectIds),
            _signOuts.GetValueOrDefault(user.UserName, ""));
        return Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(fields)));
    }

    /// <summary>Changes the user's stamp, so every cookie issued before is refused.</summary>
    public void SignOut(string userName)
    {
        _signOuts[userName] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        if (_file is null) return;
        lock (_saving) JsonFile.Write(_file, new SortedDictionary<string, string>(_signOuts, StringComparer.OrdinalIgnoreCase));
    }
}
