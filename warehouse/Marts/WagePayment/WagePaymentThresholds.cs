namespace Analytics.Warehouse.Marts.WagePayment;

/// <summary>
/// The thresholds of metrics.md §6 with its defaults (configuration "Metrics:WagePayment:…",
/// bound with <see cref="MetricsOptions"/>). Each reaches SQL as a bound parameter.
/// </summary>
public sealed class WagePaymentThresholds
{
    /// <summary>A payment is late when paid_on − due_on is more than this many days.</summary>
    public int LateDays { get; set; } = 0;

    /// <summary>wage_arrears fires when a month's arrears exceed this amount.</summary>
    public decimal ArrearsAbove { get; set; } = 0m;

    /// <summary>labour_cost_not_transferred fires when labour_cost_transferred is below this percentage of labour_cost_expected.</summary>
    public decimal LabourCostTransferredPct { get; set; } = 80m;

    /// <summary>not_via_special_account fires when the unrounded paid_via_account_pct is below this.</summary>
    public decimal SpecialAccountPct { get; set; } = 100m;

    /// <summary>Hex characters of the stored hash shown as a drill-down's worker_key.</summary>
    public int WorkerKeyChars { get; set; } = 8;
}
