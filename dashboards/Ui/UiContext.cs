using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Analytics.Dashboards.Ui;

/// <summary>
/// Per request, and per open page (circuit): the user, the language (Chinese first; <c>?lang=en</c>
/// switches and is remembered in a cookie) and the number formats of the pages. A plain HTTP request
/// reads both from its HttpContext; a page's circuit has none, so <c>Routes</c> hands them over once
/// (<see cref="Attach"/>) from what the page's first request carried.
/// </summary>
public sealed class UiContext(IHttpContextAccessor accessor)
{
    public const string LanguageCookie = "lang";
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    private bool? _english;
    private ClaimsPrincipal? _user;

    public ClaimsPrincipal User => _user ?? accessor.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());

    public bool IsEnglish => _english ?? EnglishOf(accessor.HttpContext);

    /// <summary>The language a request asks for: its <c>?lang=</c>, else the cookie a switch left.</summary>
    public static bool EnglishOf(HttpContext? http)
    {
        if (http is null) return false;
        // An error page re-executed for another address reads that address's ?lang=.
        var query = http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is { } original
            ? Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(original.OriginalQueryString)
            : http.Request.Query.ToDictionary(q => q.Key, q => q.Value);
        return query.TryGetValue("lang", out var lang) ? lang == "en" : http.Request.Cookies[LanguageCookie] == "en";
    }

    /// <summary>Fixes the language and user of an open page (its circuit has no HttpContext).</summary>
    public void Attach(bool english, ClaimsPrincipal user)
    {
        _english = english;
        _user = user;
    }

    /// <summary>A revalidated sign-in state (the stamp check of an open page) replaces the user.</summary>
    public void Attach(AuthenticationState state) => _user = state.User;

    public string T(string chinese, string english) => IsEnglish ? english : chinese;

    /// <summary>
    /// The current URL with the language switched; a full load (the link carries target="_top"), so the
    /// server remembers the choice in its cookie and the page renders in the other language.
    /// </summary>
    public string SwitchLanguageLink(NavigationManager navigation) =>
        navigation.GetUriWithQueryParameter("lang", IsEnglish ? "zh" : "en");

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
