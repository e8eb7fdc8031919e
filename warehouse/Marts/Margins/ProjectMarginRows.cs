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
    public const string NoContract = "no_contract";
    public const string ContractExpiring = "contract_expiring";
    public const string SiMissing = "si_missing";
    public const string SiBaseBelowFloor = "si_base_below_floor";
    public const string InvoiceDueSoon = "invoice_due_soon";

    /// <summary>compliance-and-statistics.md A.4, in output order.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        NegativeMargin, BelowTarget, DispatchCap, SiBaseLow, ShortContract, OverdueReceivable,
        NoContract, ContractExpiring, SiMissing, SiBaseBelowFloor, InvoiceDueSoon,
    ];
}

/// <summary>
/// One project and month (metrics.md §3, compliance-and-statistics.md A.3); money rounded to 2
/// decimals at the end. The fields after OverdueAmount are the figures behind the alerts:
/// TargetMarginPct (below_target), DispatchSharePct = ClientHeadcount ÷ ClientWorkforce × 100, the
/// client's share (dispatch_cap), SiBaseLowWorkers, ShortContractWorkers, MaxDaysOverdue (the oldest
/// outstanding invoice), then the counts of A.3 (no_contract … invoice_due_soon). Joiners and Leavers
/// are against the project's previous month.
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
    int Joiners,
    int Leavers,
    int ClientHeadcount,
    int? ClientWorkforce,
    int NoContractWorkers,
    int ExpiringContractWorkers,
    int SiMissingWorkers,
    decimal? SiFloor,
    int SiBelowFloorWorkers,
    int DueSoonInvoices,
    IReadOnlyList<string> Alerts);

/// <summary>A project over a longer period: money, joiners and leavers summed, percentages recomputed from the sums, headcount averaged; OverdueAmount at the last month.</summary>
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
    decimal OverdueAmount,
    int Joiners,
    int Leavers);
