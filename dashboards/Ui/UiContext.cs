using Analytics.Reports.Formatting;
using Analytics.Reports.Model;
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

    // The few figures a page shows outside a published table (the drill-down's counts, the data page's batch
    // rows) are formatted as a card formats them (FigureText): one rule for 万, rounding and ratios.
    private static readonly ReportColumn CountColumn = new("count", "人数", "Count", ColumnKind.Integer);
    private static readonly ReportColumn RatioColumn = new("ratio", "比率", "Ratio", ColumnKind.Ratio);

    /// <summary>Counts the way a Chinese reader expects: 12.3万 from 100,000 up (English: 123,456).</summary>
    public string Count(long? value) => FigureText.Format(CountColumn, value, IsEnglish);

    public string Ratio(decimal? value) => FigureText.Format(RatioColumn, value, IsEnglish);

    private static readonly ReportColumn MoneyColumn = new("amount", "金额", "Amount", ColumnKind.Money);
    private static readonly ReportColumn PercentColumn = new("share", "比例", "Share", ColumnKind.Percent) { Decimals = 1 };

    /// <summary>Money to the cent with its ¥ (the reports' one rule, HumanText.Shown), for the wage-payment pages' figures.</summary>
    public string Money(decimal? value) => HumanText.Shown(MoneyColumn, value, IsEnglish);

    /// <summary>Money as a card shows it (¥12.3万 from 100,000 up in Chinese).</summary>
    public string MoneyCompact(decimal? value) => FigureText.Format(MoneyColumn, value, IsEnglish);

    public string Percent(decimal? value) => HumanText.Shown(PercentColumn, value, IsEnglish);
}
