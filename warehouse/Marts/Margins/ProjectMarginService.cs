using Analytics.Warehouse.DuckDb;
using System.Data.Common;

namespace Analytics.Warehouse.Marts.Margins;

/// <summary>
/// Dispatch project cost and revenue and the dispatch compliance figures (metrics.md §3,
/// compliance-and-statistics.md A; models: int_project_months, int_project_receivables,
/// int_client_dispatch, int_si_floors, int_project_workforce, mart_project_margins,
/// mart_project_period_totals). Thresholds come from <see cref="MetricsOptions"/>. <paramref name="agencyId"/> is the
/// tenant boundary: a dispatch-agency manager's calls must always pass their own agency.
/// </summary>
public sealed class ProjectMarginService(DuckDbDataSource catalog, MetricsOptions? options = null)
{
    private readonly MetricsOptions _options = options ?? new MetricsOptions();

    /// <summary>
    /// One row per project and month with any settlement or cost row, in project_id then month order.
    /// <paramref name="asOf"/>: the day of the run (default today); each month's cut-off d is the earlier of its last day and this day.
    /// </summary>
    public IReadOnlyList<ProjectMonthMargin> GetMonthly(MonthRange months, string? agencyId = null, CancellationToken cancellationToken = default,
        DateOnly? asOf = null) =>
        catalog.Use(db => MartQuery.Run(db, "mart_project_margins", Parameters(months, agencyId, asOf), MapMonth, cancellationToken));

    /// <summary>Period totals per project, for the XLSX, HTML and dashboard views.</summary>
    public IReadOnlyList<ProjectPeriodMargin> GetPeriodTotals(MonthRange months, string? agencyId = null, CancellationToken cancellationToken = default,
        DateOnly? asOf = null) =>
        catalog.Use(db => MartQuery.Run(db, "mart_project_period_totals", Parameters(months, agencyId, asOf), MapPeriod, cancellationToken));

    /// <summary>Method, thresholds (the cut-off day among them) and data-as-of batch for a published margins table.</summary>
    public PublicationNotes GetNotes(DateOnly? asOf = null) => catalog.Use(db => Notes(db, asOf ?? AsOfDay.Today()));

    private PublicationNotes Notes(DbConnection db, DateOnly asOf) => new(
        MethodZh: "按项目、月份汇总结算明细与其他成本。代收代付 = 应发工资 + 单位社保 + 单位公积金 + 商业保险 + 残保金；服务收入 = 结算总额 − 代收代付；"
                  + $"增值税：差额征税按服务收入 ÷ 1.05 × 5%，一般计税按结算总额 ÷ 1.06 × 6%；附加税 = 增值税 × {_options.SurtaxRate}；"
                  + "毛利 = 结算总额 − 代收代付 − 增值税 − 附加税 − 其他成本。金额最后四舍五入到分；多月合计先求和再计算比率，人数取月均。",
        MethodEn: "Per project and month from settlements and costs: pass-through = payroll + employer SI + housing fund + commercial insurance + "
                  + "disability fund; service revenue = billed − pass-through; VAT differential_5 = service revenue ÷ 1.05 × 5 %, general_6 = billed ÷ 1.06 × 6 %; "
                  + $"surtax = VAT × {_options.SurtaxRate}; gross margin = billed − pass-through − VAT − surtax − direct cost. Rounded to cents at the end.",
        Thresholds:
        [
            new("surtax_rate", Invariant(_options.SurtaxRate), "附加税率"),
            new("dispatch_cap_pct", Invariant(_options.DispatchCapPct), "派遣用工比例上限（%）"),
            new("si_base_pct", Invariant(_options.SiBasePct), "社保基数下限（占应发工资 %）"),
            new("overdue_days", _options.OverdueDays.ToString(), "逾期天数"),
            new("contract_expiring_days", _options.ContractExpiringDays.ToString(), "合同即将到期提醒天数"),
            new("si_joiner_grace", _options.SiJoinerGrace ? "on" : "off", "新增人员当月免查社保漏缴"),
            new("si_floor_pct", Invariant(_options.SiFloorPct), "社保基数下限（占上年度平均工资 %）"),
            new("due_soon_days", _options.DueSoonDays.ToString(), "回款到期提醒天数"),
            new("as_of", asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "应收款截止日（当月月末与此日取早者）"),
        ],
        DataAsOf: DataAsOf.NewestCommittedBatch(db));

    private static string Invariant(decimal value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private Dictionary<string, object?> Parameters(MonthRange months, string? agencyId, DateOnly? asOf) => new()
    {
        ["first_month"] = months.First,
        ["end_month"] = months.End,
        ["agency"] = string.IsNullOrWhiteSpace(agencyId) ? null : agencyId.Trim(),
        ["as_of"] = asOf ?? AsOfDay.Today(),
        ["surtax_rate"] = _options.SurtaxRate,
        ["si_base_pct"] = _options.SiBasePct,
        ["dispatch_cap_pct"] = _options.DispatchCapPct,
        ["overdue_days"] = _options.OverdueDays,
        ["expiring_days"] = _options.ContractExpiringDays,
        ["joiner_grace"] = _options.SiJoinerGrace,
        ["si_floor_pct"] = _options.SiFloorPct,
        ["due_soon_days"] = _options.DueSoonDays,
    };

    private static ProjectMonthMargin MapMonth(MartRow r) => new(
        r.Field<string>("project_id")!, r.Field<string>("project_name"), r.Field<string>("agency_id")!,
        r.Field<DateOnly>("month"), r.Field<int>("headcount"),
        r.Field<decimal>("payroll"), r.Field<decimal>("employer_si"), r.Field<decimal>("employer_hf"),
        r.Field<decimal>("pass_through"), r.Field<decimal>("billed_revenue"), r.Field<decimal>("service_revenue"),
        r.Field<decimal?>("vat"), r.Field<decimal?>("surtax"), r.Field<decimal>("direct_cost"),
        r.Field<decimal?>("gross_margin"), r.Field<decimal?>("margin_pct"), r.Field<decimal?>("service_margin_pct"),
        r.Field<decimal?>("revenue_variance"), r.Field<decimal?>("cost_variance"), r.Field<decimal>("overdue_amount"),
        r.Field<decimal?>("target_margin_pct"), r.Field<decimal?>("dispatch_share_pct"),
        r.Field<int>("si_base_low_workers"), r.Field<int>("short_contract_workers"), r.Field<int>("max_days_overdue"),
        r.Field<int>("joiners"), r.Field<int>("leavers"), r.Field<int>("client_headcount"), r.Field<int?>("client_workforce"),
        r.Field<int>("no_contract_workers"), r.Field<int>("expiring_contract_workers"), r.Field<int>("si_missing_workers"),
        r.Field<decimal?>("si_floor"), r.Field<int>("si_below_floor_workers"), r.Field<int>("due_soon_invoices"),
        r.Strings("alerts"));

    private static ProjectPeriodMargin MapPeriod(MartRow r) => new(
        r.Field<string>("project_id")!, r.Field<string>("project_name"), r.Field<string>("agency_id")!,
        r.Field<int>("months"), r.Field<decimal>("average_headcount"),
        r.Field<decimal>("payroll"), r.Field<decimal>("employer_si"), r.Field<decimal>("employer_hf"),
        r.Field<decimal>("pass_through"), r.Field<decimal>("billed_revenue"), r.Field<decimal>("service_revenue"),
        r.Field<decimal?>("vat"), r.Field<decimal?>("surtax"), r.Field<decimal>("direct_cost"),
        r.Field<decimal?>("gross_margin"), r.Field<decimal?>("margin_pct"), r.Field<decimal?>("service_margin_pct"),
        r.Field<decimal?>("revenue_variance"), r.Field<decimal?>("cost_variance"), r.Field<decimal>("overdue_amount"),
        r.Field<int>("joiners"), r.Field<int>("leavers"));
}
