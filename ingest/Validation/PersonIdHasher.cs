using System.Security.Cryptography;

namespace Analytics.Ingest.Validation;

/// <summary>
/// Replaces a person identifier by HMAC-SHA256(key, id) as lower-case hex, first 32 characters.
/// The same key must be used forever: it is what lets a later file's row find the earlier one.
/// </summary>
public sealed class PersonIdHasher
{
    private readonly byte[] _key;

    public PersonIdHasher(byte[] key)
    {
        if (key.Length < 16) throw new ArgumentException("The identifier hashing key must be at least 16 bytes.");
        _key = key;
    }

    public string Hash(ReadOnlySpan<byte> normalizedId)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, normalizedId, mac);
        return Convert.ToHexStringLower(mac[..16]);
    }

    /// <summary>
    /// The key from configuration (hex or base64), else the one persisted under the data directory,
    /// else a new random one persisted there (owner-only permissions where the OS has them).
    /// </summary>
    public static byte[] LoadOrCreateKey(string? configured, string keyFile)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return Decode(configured.Trim());
        if (File.Exists(keyFile)) return Decode(File.ReadAllText(keyFile).Trim());
        var key = RandomNumberGenerator.GetBytes(32);
        Directory.CreateDirectory(Path.GetDirectoryName(keyFile)!);
        var temp = keyFile + ".tmp";
        File.WriteAllText(temp, Convert.ToHexStringLower(key) + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temp, keyFile); // never overwrite a key another process persisted first
        return key;
    }

    private static byte[] Decode(string text)
    {
        try { return text.Length % 2 == 0 && text.All(Uri.IsHexDigit) ? Convert.FromHexString(text) : Convert.FromBase64String(text); }
        catch (FormatException) { throw new InvalidOperationException("The identifier hashing key is neither hex nor base64."); }
    }

    /// <summary>What a rejects file shows instead of a raw identifier: the first 4 and last 2 characters.</summary>
    public static string Mask(string raw) =>
        raw.Length < 8 ? new string('*', raw.Length) : raw[..4] + new string('*', raw.Length - 6) + raw[^2..];
}
