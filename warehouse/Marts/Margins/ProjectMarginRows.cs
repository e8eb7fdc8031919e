namespace Analytics.Warehouse.Marts.Margins;

/// <summary>Alert names of metrics.md §3, in the order of its table (and of every alerts list).</summary>
public static class MarginAlerts
{
    public const string NegativeMargin = "negative_margin";
    public const string BelowTarget = "below_target";
    public const string DispatchCap = "dispatch_cap";
    public const string SiBaseLow = "si_base_low";
    public const string ShortContract = "short_contract";
    public const string OverdueReceivable = "overdue_receivable";

    public static readonly IReadOnlyList<string> All = [NegativeMargin, BelowTarget, DispatchCap, SiBaseLow, ShortContract, OverdueReceivable];
}

/// <summary>
/// One project and month (metrics.md §3); money rounded to 2 decimals at the end. The fields
/// after OverdueAmount are the figures behind the alerts: TargetMarginPct (below_target),
/// DispatchSharePct = headcount ÷ client_total_workforce × 100 (dispatch_cap),
/// SiBaseLowWorkers, ShortContractWorkers, MaxDaysOverdue (the oldest outstanding invoice).
/// </summary>
public sealed record ProjectMonthMargin(
    string ProjectId,
    string? ProjectName,
    string AgencyId,
    DateOnly Month,
    int Headcount,
    decimal Payroll,
    decimal EmployerSi,
    decimal EmployerHf,
    decimal PassThrough,
    decimal BilledRevenue,
    decimal ServiceRevenue,
    decimal? Vat,
    decimal? Surtax,
    decimal DirectCost,
    decimal? GrossMargin,
    decimal? MarginPct,
    decimal? ServiceMarginPct,
    decimal? RevenueVariance,
    decimal? CostVariance,
    decimal OverdueAmount,
    decimal? TargetMarginPct,
    decimal? DispatchSharePct,
    int SiBaseLowWorkers,
    int ShortContractWorkers,
    int MaxDaysOverdue,
    IReadOnlyList<string> Alerts);

/// <summary>A project over a longer period: money summed, percentages recomputed from the sums, headcount averaged; OverdueAmount at the last month.</summary>
public sealed record ProjectPeriodMargin(
    string ProjectId,
    string? ProjectName,
    string AgencyId,
    int Months,
    decimal AverageHeadcount,
    decimal Payroll,
    decimal EmployerSi,
    decimal EmployerHf,
    decimal PassThrough,
    decimal BilledRevenue,
    decimal ServiceRevenue,
    decimal? Vat,
    decimal? Surtax,
    decimal DirectCost,
    decimal? GrossMargin,
    decimal? MarginPct,
    decimal? ServiceMarginPct,
    decimal? RevenueVariance,
    decimal? CostVariance,
    decimal OverdueAmount);
