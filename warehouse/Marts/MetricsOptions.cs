namespace Analytics.Warehouse.Marts;

/// <summary>
/// The thresholds of metrics.md, with its defaults; bind from the configuration section
/// "Metrics" (e.g. <c>configuration.GetSection(MetricsOptions.SectionName).Bind(options)</c>).
/// Every value reaches SQL as a bound parameter.
/// </summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>§1: a shortage row needs demand ≥ this, a surplus row supply ≥ this.</summary>
    public int RankingMinimum { get; set; } = 10;

    /// <summary>§1: rows kept in a ranking.</summary>
    public int RankingTop { get; set; } = 100;

    /// <summary>§1: typical cities per ranking row.</summary>
    public int TypicalCities { get; set; } = 3;

    /// <summary>§2: outlier fences at Q1 − k·IQR and Q3 + k·IQR.</summary>
    public decimal IqrFactor { get; set; } = 3m;

    /// <summary>§2: a wage cell with fewer rows is suppressed.</summary>
    public int MinSample { get; set; } = 30;

    /// <summary>§3: surtax on VAT (city construction 7 %, education 3 %, local education 2 %).</summary>
    public decimal SurtaxRate { get; set; } = 0.12m;

    /// <summary>§3: dispatched share of the client's workforce above which dispatch_cap fires, in percent.</summary>
    public decimal DispatchCapPct { get; set; } = 10m;

    /// <summary>§3: si_base below this percentage of gross_wage raises si_base_low.</summary>
    public decimal SiBasePct { get; set; } = 60m;

    /// <summary>§3: days past due_on after which an outstanding invoice raises overdue_receivable.</summary>
    public int OverdueDays { get; set; } = 30;

    /// <summary>§3 (compliance A.3): a contract ending within this many days after the month's last day raises contract_expiring.</summary>
    public int ContractExpiringDays { get; set; } = 60;

    /// <summary>§3 (compliance A.3): a worker's first month on a project is spared si_missing (registration may take 30 days).</summary>
    public bool SiJoinerGrace { get; set; } = true;

    /// <summary>§3 (compliance A.3): si_floor = this percentage of the si_bases avg_wage when no base_floor is given.</summary>
    public decimal SiFloorPct { get; set; } = 60m;

    /// <summary>§3 (compliance A.4): an outstanding invoice due within this many days of the cut-off raises invoice_due_soon.</summary>
    public int DueSoonDays { get; set; } = 2;

    /// <summary>§4 (compliance-and-statistics.md B.2): days registered at the month's end from which a registered unemployed person is long-term.</summary>
    public int LongTermUnemployedDays { get; set; } = 365;

    /// <summary>§1 release figures (compliance-and-statistics.md C): k of "into and out of the top k".</summary>
    public int ReleaseTopMovers { get; set; } = 10;
    /// <summary>§6: construction wage-payment thresholds (section "Metrics:WagePayment").</summary>
    public WagePayment.WagePaymentThresholds WagePayment { get; set; } = new();
}
