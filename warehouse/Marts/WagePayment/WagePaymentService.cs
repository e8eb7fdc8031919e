using System.Data.Common;
using System.Globalization;
using Analytics.Warehouse.DuckDb;

namespace Analytics.Warehouse.Marts.WagePayment;

/// <summary>
/// Construction wage payment (metrics.md §6; models int_wage_*.sql and mart_wage_*.sql): the
/// project-month figures and alerts, the inspector's roll-up and arrears ranking, and the wage
/// officer's drill-down, each at a cut-off day. Access (product.md) is the caller's: a scope for a
/// labour inspector, the bound project ids for a wage officer, and the drill-down only for the latter.
/// </summary>
public sealed class WagePaymentService(DuckDbDataSource catalog, MetricsOptions? options = null)
{
    private readonly WagePaymentThresholds _thresholds = (options ?? new MetricsOptions()).WagePayment;

    /// <summary>Project-month rows in project_id then month order: of one work month, or of every month up to the cut-off's.</summary>
    public IReadOnlyList<WageProjectMonth> GetProjectMonths(DateOnly asOf, DateOnly? month = null, string? scope = null, string? projectId = null,
        CancellationToken cancellationToken = default) =>
        catalog.Use(db =>
        {
            var parameters = Thresholds(asOf, RegionScope.Validate(db, scope));
            parameters["month"] = month is { } m ? FirstDay(m) : null;
            parameters["project"] = string.IsNullOrWhiteSpace(projectId) ? null : projectId.Trim();
            return MartQuery.Run(db, "mart_wage_project_months", parameters, MapProjectMonth, cancellationToken);
        });

    /// <summary>The roll-up of one work month: the scope, its direct child regions, then the sectors.</summary>
    public IReadOnlyList<WageRollupRow> GetRollup(DateOnly month, DateOnly asOf, string? scope = null, CancellationToken cancellationToken = default) =>
        catalog.Use(db =>
        {
            var parameters = Thresholds(asOf, RegionScope.Validate(db, scope));
            parameters["month"] = FirstDay(month);
            return MartQuery.Run(db, "mart_wage_rollup", parameters, MapRollup, cancellationToken);
        });

    /// <summary>Projects with arrears over every work month due before the cut-off day, largest first; <paramref name="top"/> null = all.</summary>
    public IReadOnlyList<WageArrearsRow> GetArrearsRanking(DateOnly asOf, string? scope = null, int? top = null, CancellationToken cancellationToken = default)
    {
        if (top is < 1) throw new MartValidationException("--top must be at least 1.");
        return catalog.Use(db => MartQuery.Run(db, "mart_wage_arrears_ranking", new Dictionary<string, object?>
        {
            ["as_of"] = asOf,
            ["scope"] = RegionScope.Validate(db, scope),
            ["top"] = top,
        }, MapArrears, cancellationToken));
    }

    /// <summary>
    /// The worker rows behind each count of one project and month. Only for a wage officer bound to
    /// <paramref name="projectId"/>: the caller checks the binding before calling.
    /// </summary>
    public IReadOnlyList<WageDrillDownRow> GetDrillDown(string projectId, DateOnly month, DateOnly asOf, CancellationToken cancellationToken = default) =>
        catalog.Use(db => MartQuery.Run(db, "mart_wage_drilldown", new Dictionary<string, object?>
        {
            ["project"] = projectId,
            ["month"] = FirstDay(month),
            ["as_of"] = asOf,
            ["late_days"] = _thresholds.LateDays,
            ["key_chars"] = _thresholds.WorkerKeyChars,
        }, MapDrillDown, cancellationToken));

    /// <summary>One project's header facts, or null when construction_projects has no such project (access is the caller's).</summary>
    public WageProject? GetProject(string projectId, CancellationToken cancellationToken = default) =>
        catalog.Use(db => MartQuery.Run(db, "mart_wage_project", new Dictionary<string, object?> { ["project"] = projectId }, MapProject, cancellationToken))
            .SingleOrDefault();

    /// <summary>The project's region_code, or null when construction_projects has no such project.</summary>
    public string? RegionOf(string projectId) => catalog.Use(db =>
    {
        using var command = db.CreateCommand();
        command.CommandText = "SELECT region_code FROM construction_projects WHERE project_id = $project";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "project";
        parameter.Value = projectId;
        command.Parameters.Add(parameter);
        return command.ExecuteScalar() as string;
    });

    /// <summary>Method, thresholds and data-as-of batch for a published wage-payment table.</summary>
    public PublicationNotes GetNotes(DateOnly asOf) => catalog.Use(db => new PublicationNotes(
        MethodZh: $"依据《保障农民工工资支付条例》，按项目和工资月份（做工月份）统计，截止日 {asOf:yyyy-MM-dd}：截止日之后的支付、流水和进场均不计。"
                  + "工资支付日为次月（或当月）约定日，超过当月天数取月末，不顺延节假日；截止日晚于支付日才计欠薪；分期支付以最后一次为准（后来的文件替换整行）。"
                  + "预期人工费用 = 合同价款 × 人工费用比例 ÷ 计划工期月数。金额四舍五入到分，比例到一位小数。",
        MethodEn: $"Per construction project and work month at cut-off {asOf:yyyy-MM-dd} (metrics.md §6): nothing dated after it counts. The pay date is "
                  + "pay_day of the next (or current) month, clamped to the month's length, never moved for holidays; arrears count once it has passed. "
                  + "Expected labour cost = contract value × labour cost share ÷ planned months. Money rounded to cents, shares to 1 decimal.",
        Thresholds:
        [
            new("late_days", _thresholds.LateDays.ToString(CultureInfo.InvariantCulture), "迟发天数（超过即迟发）"),
            new("arrears_above", Invariant(_thresholds.ArrearsAbove), "欠薪预警金额（超过即预警）"),
            new("labour_cost_transferred_pct", Invariant(_thresholds.LabourCostTransferredPct), "人工费用拨付下限（占预期 %）"),
            new("special_account_pct", Invariant(_thresholds.SpecialAccountPct), "专用账户代发比例下限（%）"),
        ],
        DataAsOf: DataAsOf.NewestCommittedBatch(db)));

    private static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static DateOnly FirstDay(DateOnly month) => new(month.Year, month.Month, 1);

    private Dictionary<string, object?> Thresholds(DateOnly asOf, string? scope) => new()
    {
        ["as_of"] = asOf,
        ["scope"] = scope,
        ["late_days"] = _thresholds.LateDays,
        ["arrears_above"] = _thresholds.ArrearsAbove,
        ["transfer_pct"] = _thresholds.LabourCostTransferredPct,
        ["account_pct"] = _thresholds.SpecialAccountPct,
    };

    private static WageProjectMonth MapProjectMonth(MartRow r) => new(
        r.Field<string>("project_id")!, r.Field<string>("project_name")!, r.Field<string>("region_code")!, r.Field<string>("sector")!,
        r.Field<string>("contractor_name")!, r.Field<DateOnly>("month"), r.Field<DateOnly>("due_on"),
        r.Field<int>("workers_on_roster"), r.Field<int>("workers_attended"), r.Field<int>("workers_paid"),
        r.Field<decimal>("wage_due"), r.Field<decimal>("wage_paid"), r.Field<decimal>("arrears"), r.Field<int>("arrears_workers"),
        r.Field<int>("late_payments"), r.Field<decimal?>("paid_via_account_pct"), r.Field<int>("unsigned_rows"),
        r.Field<int>("attended_not_paid"), r.Field<int>("paid_not_on_roster"), r.Field<int>("no_contract_workers"), r.Field<int>("no_bank_card"),
        r.Field<decimal>("labour_cost_transferred"), r.Field<decimal?>("labour_cost_expected"), r.Strings("alerts"));

    private static WageProject MapProject(MartRow r) => new(
        r.Field<string>("project_id")!, r.Field<string>("project_name")!, r.Field<string>("region_code")!, r.Field<string>("sector")!,
        r.Field<string>("contractor_id")!, r.Field<string>("contractor_name")!, r.Field<string>("builder_name"), r.Field<decimal>("contract_value"),
        r.Field<decimal?>("labour_cost_share_pct"), r.Field<DateOnly>("start_on"), r.Field<DateOnly>("planned_end_on"), r.Field<int>("pay_day"),
        r.Field<string>("pay_month")!, r.Field<DateOnly?>("special_account_opened_on"), r.Field<string>("guarantee_form"),
        r.Field<decimal?>("guarantee_amount"), r.Field<bool?>("notice_board"), r.Field<string>("officer_name"));

    private static WageRollupRow MapRollup(MartRow r) => new(
        r.Field<string>("level")!, r.Field<string>("region_code"), r.Field<string>("sector"),
        r.Field<int>("projects"), r.Field<int>("projects_not_reporting"),
        r.Field<int>("projects_wage_arrears"), r.Field<int>("projects_late_pay"), r.Field<int>("projects_attended_not_paid"),
        r.Field<int>("projects_paid_not_on_roster"), r.Field<int>("projects_no_contract"), r.Field<int>("projects_not_via_special_account"),
        r.Field<int>("projects_labour_cost_not_transferred"), r.Field<int>("projects_no_special_account"), r.Field<int>("projects_no_guarantee"),
        r.Field<int>("projects_no_notice_board"),
        r.Field<int>("workers_on_roster"), r.Field<decimal>("wage_due"), r.Field<decimal>("wage_paid"), r.Field<decimal>("arrears"),
        r.Field<int>("arrears_workers"), r.Field<decimal>("arrears_outstanding"), r.Field<int>("arrears_workers_outstanding"));

    private static WageArrearsRow MapArrears(MartRow r) => new(
        r.Field<int>("rank"), r.Field<string>("project_id")!, r.Field<string>("project_name")!, r.Field<string>("region_code")!,
        r.Field<string>("sector")!, r.Field<string>("contractor_name")!, r.Field<decimal>("arrears_total"),
        r.Field<int>("arrears_workers_total"), r.Field<int>("arrears_months"), r.Field<DateOnly>("oldest_due_on"), r.Field<int>("days_overdue"));

    private static WageDrillDownRow MapDrillDown(MartRow r) => new(
        r.Field<string>("list")!, r.Field<string>("worker_key")!, r.Field<string>("subcontractor_id"),
        r.Field<decimal?>("wage_due"), r.Field<decimal?>("wage_paid"), r.Field<DateOnly?>("paid_on"), r.Field<DateOnly?>("due_on"),
        r.Field<int?>("days_late"), r.Field<int?>("days_worked"), r.Field<DateOnly?>("entered_on"), r.Field<DateOnly?>("left_on"),
        r.Field<DateOnly?>("contract_signed_on"), r.Field<string>("source_file"), r.Field<int?>("source_line"));
}
