namespace Analytics.Dashboards.Auth;

/// <summary>
/// Where a sign-in may send the user afterwards: a path on this site, in its normal form, or "/".
/// Browsers drop tabs and line breaks inside a URL and read '\' as '/', so "/\t/evil.example" is
/// "//evil.example" to them: no control character, whitespace or backslash may appear, neither as
/// given nor percent-decoded, and the path is checked again after dot segments are resolved.
/// </summary>
public static class LocalReturnUrl
{
    private const int MaxLength = 2048;
    private static readonly Uri Site = new("http://site.invalid/");

    public static string Normalise(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Length > MaxLength || !IsPlainLocalPath(returnUrl)) return "/";
        var decoded = returnUrl;
        for (var round = 0; round < 3; round++)   // an attacker may encode more than once
        {
            var next = Uri.UnescapeDataString(decoded);
            if (next == decoded) break;
            decoded = next;
        }
        if (!IsPlainLocalPath(decoded)) return "/";
        // Resolves ./ and ../ and percent-encodes what a header cannot carry (non-ASCII).
        var resolved = new Uri(Site, returnUrl);
        var local = resolved.PathAndQuery + resolved.Fragment;
        return resolved.Authority == Site.Authority && IsPlainLocalPath(local) ? local : "/";
    }

    private static bool IsPlainLocalPath(string url) =>
        url.Length > 0 && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal)
        && !url.Any(c => c == '\\' || char.IsControl(c) || char.IsWhiteSpace(c));
}
