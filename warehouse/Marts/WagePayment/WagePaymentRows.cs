namespace Analytics.Warehouse.Marts.WagePayment;

/// <summary>Alert names of metrics.md §6, in the order of its table (and of every alerts list).</summary>
public static class WageAlerts
{
    public const string WageArrears = "wage_arrears";
    public const string LatePay = "late_pay";
    public const string AttendedNotPaid = "attended_not_paid";
    public const string PaidNotOnRoster = "paid_not_on_roster";
    public const string NoContract = "no_contract";
    public const string NotViaSpecialAccount = "not_via_special_account";
    public const string LabourCostNotTransferred = "labour_cost_not_transferred";
    public const string NoSpecialAccount = "no_special_account";
    public const string NoGuarantee = "no_guarantee";
    public const string NoNoticeBoard = "no_notice_board";

    public static readonly IReadOnlyList<string> All =
    [
        WageArrears, LatePay, AttendedNotPaid, PaidNotOnRoster, NoContract, NotViaSpecialAccount,
        LabourCostNotTransferred, NoSpecialAccount, NoGuarantee, NoNoticeBoard,
    ];
}

/// <summary>One project and work month at a cut-off day (metrics.md §6); money rounded to cents, the share to 1 decimal.</summary>
public sealed record WageProjectMonth(
    string ProjectId,
    string ProjectName,
    string RegionCode,
    string Sector,
    string ContractorName,
    DateOnly Month,
    DateOnly DueOn,
    int WorkersOnRoster,
    int WorkersAttended,
    int WorkersPaid,
    decimal WageDue,
    decimal WagePaid,
    decimal Arrears,
    int ArrearsWorkers,
    int LatePayments,
    decimal? PaidViaAccountPct,
    int UnsignedRows,
    int AttendedNotPaid,
    int PaidNotOnRoster,
    int NoContractWorkers,
    int NoBankCard,
    decimal LabourCostTransferred,
    decimal? LabourCostExpected,
    IReadOnlyList<string> Alerts);

/// <summary>One row of the inspector's roll-up: the scope, a direct child region, or a sector (metrics.md §6).</summary>
public sealed record WageRollupRow(
    string Level,
    string? RegionCode,
    string? Sector,
    int Projects,
    int ProjectsNotReporting,
    int ProjectsWageArrears,
    int ProjectsLatePay,
    int ProjectsAttendedNotPaid,
    int ProjectsPaidNotOnRoster,
    int ProjectsNoContract,
    int ProjectsNotViaSpecialAccount,
    int ProjectsLabourCostNotTransferred,
    int ProjectsNoSpecialAccount,
    int ProjectsNoGuarantee,
    int ProjectsNoNoticeBoard,
    int WorkersOnRoster,
    decimal WageDue,
    decimal WagePaid,
    decimal Arrears,
    int ArrearsWorkers,
    decimal ArrearsOutstanding,
    int ArrearsWorkersOutstanding)
{
    /// <summary>projects_⟨alert⟩: the project rows raising <paramref name="alert"/>.</summary>
    public int ProjectsRaising(string alert) => alert switch
    {
        WageAlerts.WageArrears => ProjectsWageArrears,
        WageAlerts.LatePay => ProjectsLatePay,
        WageAlerts.AttendedNotPaid => ProjectsAttendedNotPaid,
        WageAlerts.PaidNotOnRoster => ProjectsPaidNotOnRoster,
        WageAlerts.NoContract => ProjectsNoContract,
        WageAlerts.NotViaSpecialAccount => ProjectsNotViaSpecialAccount,
        WageAlerts.LabourCostNotTransferred => ProjectsLabourCostNotTransferred,
        WageAlerts.NoSpecialAccount => ProjectsNoSpecialAccount,
        WageAlerts.NoGuarantee => ProjectsNoGuarantee,
        WageAlerts.NoNoticeBoard => ProjectsNoNoticeBoard,
        _ => throw new ArgumentException($"'{alert}' is not an alert of metrics.md §6.", nameof(alert)),
    };
}

/// <summary>One project of the arrears ranking (欠薪项目排行) at a cut-off day.</summary>
public sealed record WageArrearsRow(
    int Rank,
    string ProjectId,
    string ProjectName,
    string RegionCode,
    string Sector,
    string ContractorName,
    decimal ArrearsTotal,
    int ArrearsWorkersTotal,
    int ArrearsMonths,
    DateOnly OldestDueOn,
    int DaysOverdue);

/// <summary>
/// One row of the wage officer's drill-down: which list it is behind, the worker's 8-character key
/// (never the hash or an id), the values the figure used, and the file and line it came from.
/// </summary>
public sealed record WageDrillDownRow(
    string List,
    string WorkerKey,
    string? SubcontractorId,
    decimal? WageDue,
    decimal? WagePaid,
    DateOnly? PaidOn,
    DateOnly? DueOn,
    int? DaysLate,
    int? DaysWorked,
    DateOnly? EnteredOn,
    DateOnly? LeftOn,
    DateOnly? ContractSignedOn,
    string? SourceFile,
    int? SourceLine);

/// <summary>A project's header facts (construction_projects): the contract and notice-board facts its page heads with.</summary>
public sealed record WageProject(
    string ProjectId,
    string ProjectName,
    string RegionCode,
    string Sector,
    string ContractorId,
    string ContractorName,
    string? BuilderName,
    decimal ContractValue,
    decimal? LabourCostSharePct,
    DateOnly StartOn,
    DateOnly PlannedEndOn,
    int PayDay,
    string PayMonth,
    DateOnly? SpecialAccountOpenedOn,
    string? GuaranteeForm,
    decimal? GuaranteeAmount,
    bool? NoticeBoard,
    string? OfficerName);
