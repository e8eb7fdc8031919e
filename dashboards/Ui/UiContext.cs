using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.WebUtilities;

namespace Analytics.Dashboards.Ui;

/// <summary>
/// Per request: the user, the language (Chinese first; <c>?lang=en</c> switches and is remembered
/// in a cookie) and helpers for links that keep the page's filters in the URL.
/// </summary>
public sealed class UiContext(IHttpContextAccessor accessor)
{
    public const string LanguageCookie = "lang";
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    private HttpContext Http => accessor.HttpContext ?? throw new InvalidOperationException("No current request.");

    public ClaimsPrincipal User => Http.User;
    public string Path => Http.Request.Path.Value ?? "/";

    public bool IsEnglish =>
        Http.Request.Query.TryGetValue("lang", out var q) ? q == "en" : Http.Request.Cookies[LanguageCookie] == "en";

    public string T(string chinese, string english) => IsEnglish ? english : chinese;

    /// <summary>A link to another page of the app (the language is carried by its cookie).</summary>
    public string Link(string path) => path;

    public string SwitchLanguageLink()
    {
        var query = QueryHelpers.ParseQuery(Http.Request.QueryString.Value);
        var values = query.Where(kv => kv.Key != "lang").ToDictionary(kv => kv.Key, kv => (string?)kv.Value.ToString());
        values["lang"] = IsEnglish ? "zh" : "en";
        return QueryHelpers.AddQueryString(Path, values);
    }

    /// <summary>The current URL with one filter changed; other filters are kept.</summary>
    public string WithFilter(string name, string? value)
    {
        var query = QueryHelpers.ParseQuery(Http.Request.QueryString.Value);
        var values = query.Where(kv => kv.Key != name).ToDictionary(kv => kv.Key, kv => (string?)kv.Value.ToString());
        if (!string.IsNullOrEmpty(value)) values[name] = value;
        return QueryHelpers.AddQueryString(Path, values);
    }

    public string? Query(string name) => Http.Request.Query.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v) ? v.ToString() : null;

    /// <summary>Counts the way a Chinese reader expects: 12.3万 from 100,000 up (English: 123,456).</summary>
    public string Count(long? value) => value switch
    {
        null => "—",
        >= 100_000 when !IsEnglish => (value.Value / 10_000m).ToString("0.#", Chinese) + "万",
        _ => value.Value.ToString("N0", CultureInfo.InvariantCulture),
    };

    public string Money(decimal? value) => value switch
    {
        null => "—",
        < 0 => "-¥" + (-value.Value).ToString("N2", CultureInfo.InvariantCulture),
        _ => "¥" + value.Value.ToString("N2", CultureInfo.InvariantCulture),
    };

    /// <summary>Money on a card: ¥350.9万 from ¥100,000 up in Chinese, whole yuan in English.</summary>
    public string MoneyCompact(decimal? value) => value switch
    {
        null => "—",
        _ when Math.Abs(value.Value) >= 100_000 && !IsEnglish => (value < 0 ? "-¥" : "¥") + Math.Round(Math.Abs(value.Value) / 10_000m, 1, MidpointRounding.AwayFromZero).ToString("0.#", Chinese) + "万",
        _ => (value < 0 ? "-¥" : "¥") + Math.Round(Math.Abs(value.Value), 0, MidpointRounding.AwayFromZero).ToString("N0", CultureInfo.InvariantCulture),
    };

    /// <summary>Wages are shown in whole yuan, rounded half away from zero.</summary>
    public string Wage(decimal? value) => value is null ? "—" : "¥" + Math.Round(value.Value, 0, MidpointRounding.AwayFromZero).ToString("N0", CultureInfo.InvariantCulture);

    public string Ratio(decimal? value) => value is null ? "—" : value.Value.ToString("0.00", CultureInfo.InvariantCulture);
    public string Percent(decimal? value) => value is null ? "—" : value.Value.ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
