namespace Analytics.Dashboards.Auth;

/// <summary>
/// The size of what the sign-in form may carry. Everything beyond is refused before a password is
/// hashed or a name is remembered, so no amount of posting can make the server hold more than this.
/// </summary>
public static class SignInForm
{
    public const int MaxUserNameLength = 64;
    public const int MaxPasswordLength = 256;

    /// <summary>The whole form body: both fields (percent-encoded, up to 9 bytes a character), the return URL and the antiforgery token.</summary>
    public const long MaxBodyBytes = 8 * 1024;

    /// <summary>Why the fields cannot be a sign-in, or null when they fit.</summary>
    public static string? Problem(string userName, string password) =>
        userName.Length > MaxUserNameLength ? $"用户名过长（最多 {MaxUserNameLength} 个字符）。 The user name is too long (at most {MaxUserNameLength} characters)."
        : password.Length > MaxPasswordLength ? $"密码过长（最多 {MaxPasswordLength} 个字符）。 The password is too long (at most {MaxPasswordLength} characters)."
        : null;
}
