namespace Analytics.Tests.Publish;

/// <summary>The four products as the verb is called, with the JSON/CSV fields product.md and metrics.md name, in order.</summary>
public static class Products
{
    public static readonly string[] Rankings = ["rankings", "--period", "2026Q3"];
    public static readonly string[] Wages = ["wages", "--year", "2026"];
    public static readonly string[] Margins = ["margins", "--from", "2026-01", "--to", "2026-06"];
    public static readonly string[] Indicators = ["indicators", "--month", "2026-09"];
    public static readonly string[] Structure = ["structure", "--period", "2026-09", "--breakdown", "education"];

    public static string[] Arguments(string product) => product switch
    {
        "rankings" => Rankings,
        "wages" => Wages,
        "margins" => Margins,
        "indicators" => Indicators,
        "structure" => Structure,
        _ => throw new ArgumentOutOfRangeException(nameof(product)),
    };

    public static string[] Fields(string product) => product switch
    {
        "rankings" => ["rank", "occupation_code", "occupation_name", "demand", "supply", "gap", "ratio", "previous_rank", "rank_change", "typical_cities"],
        "wages" => ["region_code", "occupation_code", "occupation_name", "level", "n", "p10", "p25", "p50", "p75", "p90", "mean", "suppressed", "change_pct"],
        "margins" =>
        [
            "project_id", "project_name", "agency_id", "month", "headcount", "payroll", "employer_si", "employer_hf", "pass_through",
            "billed_revenue", "service_revenue", "vat", "surtax", "direct_cost", "gross_margin", "margin_pct", "service_margin_pct",
            "target_margin_pct", "revenue_variance", "cost_variance", "overdue_amount", "dispatch_share_pct", "si_base_low_workers",
            "short_contract_workers", "max_days_overdue", "joiners", "leavers", "client_headcount", "client_workforce",
            "no_contract_workers", "expiring_contract_workers", "si_missing_workers", "si_floor", "si_below_floor_workers",
            "due_soon_invoices", "alerts",
        ],
        "indicators" => ["region_code", "region_name", "is_child", .. IndicatorFields],
        "structure" => ["key", "demand", "supply", "demand_share_pct", "supply_share_pct", "ratio"],
        _ => throw new ArgumentOutOfRangeException(nameof(product)),
    };

    /// <summary>Fields that are JSON numbers in every row (never null) — the counts and money a product always states.</summary>
    public static string[] AlwaysNumbers(string product) => product switch
    {
        "rankings" => ["rank", "demand", "supply", "gap"],
        "wages" => ["n"],
        "margins" => ["headcount", "payroll", "pass_through", "billed_revenue", "service_revenue", "direct_cost", "overdue_amount",
            "joiners", "leavers", "client_headcount", "no_contract_workers", "si_below_floor_workers", "due_soon_invoices"],
        "indicators" => ["demand", "supply", "new_employment", "registered_unemployed", "ui_recipients", "ui_paid", "retirees", "dispatch_billed",
            "demand_ytd", "new_employment_ly", "long_term_unemployed", "ui_with_employment", "ui_recipients_ytd", "new_retirees", "dispatch_margin_ytd_ly"],
        "structure" => ["supply"],
        _ => throw new ArgumentOutOfRangeException(nameof(product)),
    };

    public static readonly string[] All = ["rankings", "wages", "margins", "indicators", "structure"];

    /// <summary>
    /// The indicators of metrics.md §4 and compliance-and-statistics.md B.2, each followed by its B.3
    /// companions: a flow by _ly, _yoy_pct, _ytd, _ytd_ly, _ytd_yoy_pct; a stock by _ly, _yoy_pct
    /// (ui_recipients also by its distinct year-to-date count); the ratio by differences (_yoy);
    /// long_term_share_pct by _ly and _yoy.
    /// </summary>
    public static readonly string[] IndicatorFields =
    [
        .. Flow("demand"), .. Flow("supply"),
        "ratio", "ratio_ly", "ratio_yoy", "ratio_ytd", "ratio_ytd_ly", "ratio_ytd_yoy",
        .. Flow("new_employment"), .. Flow("new_employment_employee"), .. Flow("new_employment_flexible"),
        .. Flow("new_employment_self_employed"), .. Flow("new_employment_public_welfare_post"), .. Flow("new_unemployed"),
        .. Stock("registered_unemployed"), .. Stock("long_term_unemployed"),
        "long_term_share_pct", "long_term_share_pct_ly", "long_term_share_pct_yoy",
        .. Flow("reemployed"),
        .. Stock("ui_recipients"), "ui_recipients_ytd", "ui_recipients_ytd_ly", "ui_recipients_ytd_yoy_pct",
        .. Flow("ui_paid"), .. Stock("ui_with_employment"), .. Flow("ui_paid_while_employed"),
        .. Stock("retirees"), .. Stock("retirees_80_plus"), .. Stock("retirees_special"),
        .. Flow("new_retirees"), .. Flow("retiree_deaths"), .. Flow("retiree_transfers_out"),
        .. Stock("dispatch_headcount"), .. Flow("dispatch_billed"), .. Flow("dispatch_margin"),
    ];

    private static string[] Flow(string x) => [x, x + "_ly", x + "_yoy_pct", x + "_ytd", x + "_ytd_ly", x + "_ytd_yoy_pct"];
    private static string[] Stock(string x) => [x, x + "_ly", x + "_yoy_pct"];
}
