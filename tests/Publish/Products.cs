namespace Analytics.Tests.Publish;

/// <summary>The four products as the verb is called, with the JSON/CSV fields product.md and metrics.md name, in order.</summary>
public static class Products
{
    public static readonly string[] Rankings = ["rankings", "--period", "2026Q3"];
    public static readonly string[] Wages = ["wages", "--year", "2026"];
    public static readonly string[] Margins = ["margins", "--from", "2026-01", "--to", "2026-06"];
    public static readonly string[] Indicators = ["indicators", "--month", "2026-09"];

    public static string[] Arguments(string product) => product switch
    {
        "rankings" => Rankings,
        "wages" => Wages,
        "margins" => Margins,
        "indicators" => Indicators,
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
        "indicators" =>
        [
            "region_code", "region_name", "is_child", "demand", "supply", "ratio", "new_employment", "new_employment_employee",
            "new_employment_flexible", "new_employment_self_employed", "new_employment_public_welfare_post", "new_unemployed",
            "registered_unemployed", "reemployed", "ui_recipients", "ui_paid", "retirees", "retirees_80_plus", "retirees_special",
            "dispatch_headcount", "dispatch_billed", "dispatch_margin",
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(product)),
    };

    /// <summary>Fields that are JSON numbers in every row (never null) — the counts and money a product always states.</summary>
    public static string[] AlwaysNumbers(string product) => product switch
    {
        "rankings" => ["rank", "demand", "supply", "gap"],
        "wages" => ["n"],
        "margins" => ["headcount", "payroll", "pass_through", "billed_revenue", "service_revenue", "direct_cost", "overdue_amount",
            "joiners", "leavers", "client_headcount", "no_contract_workers", "si_below_floor_workers", "due_soon_invoices"],
        "indicators" => ["demand", "supply", "new_employment", "registered_unemployed", "ui_recipients", "ui_paid", "retirees", "dispatch_billed"],
        _ => throw new ArgumentOutOfRangeException(nameof(product)),
    };

    public static readonly string[] All = ["rankings", "wages", "margins", "indicators"];
}
