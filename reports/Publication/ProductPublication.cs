using Analytics.Warehouse.DuckDb;
using System.Data.Common;
using Analytics.Reports.Model;
using Analytics.Reports.Products;
using Analytics.Reports.Writers;
using Analytics.Warehouse.Marts;
using Analytics.Warehouse.Marts.Indicators;
using Analytics.Warehouse.Marts.Margins;
using Analytics.Warehouse.Marts.Projects;
using Analytics.Warehouse.Marts.Rankings;
using Analytics.Warehouse.Marts.SupplyDemand;
using Analytics.Warehouse.Marts.Structure;
using Analytics.Warehouse.Marts.WagePayment;
using Analytics.Warehouse.Marts.Wages;

namespace Analytics.Reports.Publication;

/// <summary>
/// The seam between the marts' query services and the report tables, shared by the <c>publish</c>
/// verbs and the web exports: one method per product turns a request into a table with its notes
/// (period, scope name, thresholds and method as the service used them, data-as-of batch, region names).
/// Bad arguments surface as the marts' <see cref="MartValidationException"/>.
/// </summary>
public sealed class ProductPublication(DuckDbDataSource catalog, MetricsOptions? options = null)
{
    private const string AllRegions = RegionNames.All, AllAgencies = "全部派遣机构";
    private readonly MetricsOptions _options = options ?? new MetricsOptions();

    public PublishableReport Rankings(RankingRequest request, CancellationToken cancellationToken = default)
    {
        var group = OccupationGroup.Parse(request.Group);
        var ranking = new OccupationRankingService(catalog, _options)
            .GetRanking(request.Period, request.Region, request.Kind, request.Top, cancellationToken);
        // The group filters the published top-N list (as the page shows it), before totals, chart and group counts.
        var rows = OccupationGroup.Filter(ranking.Rows, group, row => row.OccupationCode);
        // The notes state the whole list's release figures (compliance-and-statistics.md C); a table filtered
        // to one occupation group states instead how many of its own rows each major group holds, since the
        // release's totals and movers describe rows the table does not show.
        var release = group is not null ? null : new RankingReleaseService(catalog, _options)
            .Get(request.Period, request.Region, request.Kind, request.Top, cancellationToken: cancellationToken);
        var names = catalog.Use(RegionNames.Load);
        var scope = ScopeName(names, ranking.RegionCode, group);
        var table = RankingReport.Build(rows, ranking.Kind, Context(ranking.Period.Label, scope, ranking.Notes, names), release);
        var shortage = ranking.Kind == RankingKind.Shortage;
        var empty = shortage
            ? $"no occupation meets the thresholds in {ranking.Period.Label} ({scope}): the shortage list needs demand > supply and demand ≥ {_options.RankingMinimum}"
            : $"no occupation meets the thresholds in {ranking.Period.Label} ({scope}): the surplus list needs supply > demand and supply ≥ {_options.RankingMinimum}";
        return Result(table, FileStem(RankingReport.ProductName(ranking.Kind), ranking.Period.Label, ranking.RegionCode, group), empty);
    }

    public PublishableReport Wages(WageRequest request, CancellationToken cancellationToken = default)
    {
        var group = OccupationGroup.Parse(request.Group);
        var guidance = new WageGuidanceService(catalog, _options).GetGuidance(request.Year, request.Region, cancellationToken);
        // A pooled minor-group row carries the group's code, so it stays with its group's occupations.
        var rows = OccupationGroup.Filter(guidance.Rows, group, row => row.OccupationCode);
        var names = catalog.Use(RegionNames.Load);
        var scope = ScopeName(names, guidance.RegionCode, group);
        var period = guidance.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var table = WageReport.Build(rows, Context(period, scope, guidance.Notes, names));
        if (guidance.Notes.SuppressionLegendZh is { } legend) table = table with { Notes = table.Notes with { SuppressionLegend = legend } };
        return Result(table, FileStem(WageReport.ProductName, period, guidance.RegionCode, group),
            $"no full-time employment with a monthly wage was registered in {period} ({scope})");
    }

    /// <summary>The drill-down's table: one level's codes within <see cref="SupplyDemandRequest.Group"/>, named, with their chart.</summary>
    public PublishableReport SupplyDemand(SupplyDemandRequest request, CancellationToken cancellationToken = default)
    {
        var group = OccupationGroup.Parse(request.Group);
        var rows = OccupationGroup.Filter(new SupplyDemandService(catalog).GetByLevel(request.Period, request.Level, request.Region, cancellationToken),
            group, row => row.Code);
        var (names, asOf) = catalog.Use(db => (RegionNames.Load(db), DataAsOf.NewestCommittedBatch(db)));
        var code = string.IsNullOrWhiteSpace(request.Region) ? null : request.Region.Trim();
        var scope = ScopeName(names, code, group);
        var notes = new PublicationNotes("", "", [], asOf);
        var context = Context(request.Period.Label, scope, notes, names) with { MethodZh = null, MethodEn = null };
        var level = Analytics.Reports.Products.SupplyDemandReport.LevelZh(request.Level);
        return Result(Analytics.Reports.Products.SupplyDemandReport.Build(rows, request.Level, context),
            FileStem($"{Analytics.Reports.Products.SupplyDemandReport.ProductName}_{level}", request.Period.Label, code, group),
            $"no vacancy or job-seeker registration in {request.Period.Label} ({scope})");
    }

    public PublishableReport Margins(MarginRequest request, CancellationToken cancellationToken = default)
    {
        var service = new ProjectMarginService(catalog, _options);
        var agency = string.IsNullOrWhiteSpace(request.AgencyId) ? null : request.AgencyId.Trim();
        var asOf = request.AsOf ?? AsOfDay.Today();
        var rows = service.GetMonthly(request.Months, agency, cancellationToken, asOf);
        var totals = service.GetPeriodTotals(request.Months, agency, cancellationToken, asOf);
        var (names, agencyName) = catalog.Use(db => (RegionNames.Load(db), agency is null ? null : AgencyName(db, agency)));
        var period = request.Months.First == request.Months.Last ? $"{request.Months.First:yyyy-MM}" : $"{request.Months.First:yyyy-MM}至{request.Months.Last:yyyy-MM}";
        var scope = agency is null ? AllAgencies : agencyName ?? agency;
        var table = MarginReport.Build(rows, totals, Context(period, scope, service.GetNotes(asOf), names));
        var range = $"{request.Months.First:yyyy-MM} to {request.Months.Last:yyyy-MM}";
        var empty = agency is null ? $"no project has settlement or cost rows from {range}"
            : agencyName is null ? $"agency '{agency}' has no projects in dispatch_projects"
            : $"no project of agency '{agency}' ({agencyName}) has settlement or cost rows from {range}";
        return Result(table, FileStem("派遣项目成本收益", $"{request.Months.First:yyyy-MM}_{request.Months.Last:yyyy-MM}", agency), empty);
    }

    /// <summary>The tables of one dispatch project's drill-down, by name.</summary>
    public static IReadOnlyList<string> ProjectTableNames { get; } = ["workers", "costs", "receivables"];

    /// <summary>
    /// One dispatch project's page tables (ProjectDetailReport): cost items, workers per month and receivables aging,
    /// each a publishable table of its own, so the page and each table's export show the same rows. Null when there
    /// is no such project; whether the user may see it is the caller's check (the agency boundary), made before this.
    /// </summary>
    public ProjectDetailTables? ProjectDetail(ProjectDetailRequest request, CancellationToken cancellationToken = default)
    {
        var detail = new ProjectDetailService(catalog).Get(request.ProjectId, request.Months, cancellationToken);
        if (detail is null) return null;
        var (names, asOf) = catalog.Use(db => (RegionNames.Load(db), DataAsOf.NewestCommittedBatch(db)));
        var period = request.Months.First == request.Months.Last ? $"{request.Months.First:yyyy-MM}" : $"{request.Months.First:yyyy-MM}至{request.Months.Last:yyyy-MM}";
        var context = Context(period, $"{detail.ProjectId} {detail.ProjectName}", new PublicationNotes("", "", [], asOf), names) with { MethodZh = null, MethodEn = null };
        var months = $"{request.Months.First:yyyy-MM}_{request.Months.Last:yyyy-MM}";
        var range = $"{request.Months.First:yyyy-MM} to {request.Months.Last:yyyy-MM}";
        return new ProjectDetailTables(detail, new Dictionary<string, PublishableReport>
        {
            ["costs"] = Result(ProjectDetailReport.Costs(detail.Costs, context), FileStem("派遣项目成本明细", months, detail.ProjectId),
                $"project {detail.ProjectId} has no cost items from {range}"),
            ["workers"] = Result(ProjectDetailReport.Workers(detail.Workers, context), FileStem("派遣项目每月人数", months, detail.ProjectId),
                $"project {detail.ProjectId} has no settlement rows from {range}"),
            ["receivables"] = Result(ProjectDetailReport.Receivables(detail.Receivables, context), FileStem("派遣项目应收账龄", months, detail.ProjectId),
                $"project {detail.ProjectId} has no invoices outstanding at the end of {request.Months.Last:yyyy-MM}"),
        });
    }

    public PublishableReport Indicators(IndicatorRequest request, CancellationToken cancellationToken = default)
    {
        var rows = new IndicatorService(catalog, _options).GetMonthly(request.Month, request.Region, cancellationToken);
        var names = catalog.Use(RegionNames.Load);
        var code = string.IsNullOrWhiteSpace(request.Region) ? null : request.Region.Trim();
        var scope = ScopeName(names, code);
        var period = $"{request.Month:yyyy-MM}";
        // The indicators' dispatch figures are the margins' sums, so they carry the margins' surtax rate
        // (and the same data-as-of batch); the method paragraph is the indicator report's own.
        var margins = new ProjectMarginService(catalog, _options).GetNotes();
        var notes = margins with { Thresholds = margins.Thresholds.Where(t => t.Name == "surtax_rate").ToArray() };
        var context = Context(period, scope, notes, names) with { MethodZh = null, MethodEn = null };
        return Result(IndicatorReport.Build(rows, context), FileStem("劳动力市场主要指标", period, code),
            $"no region in scope {scope} has data for {period}");
    }

    /// <summary>
    /// publish wage-payment (metrics.md §6): the project-month rows of a work month, the roll-up, or the
    /// arrears ranking, at the cut-off day. Counts and sums only; the worker drill-down is never published.
    /// </summary>
    public PublishableReport WagePayment(WagePaymentRequest request, CancellationToken cancellationToken = default)
    {
        request = request.Checked();
        var service = new WagePaymentService(catalog, _options);
        var names = catalog.Use(RegionNames.Load);
        var code = string.IsNullOrWhiteSpace(request.Region) ? null : request.Region.Trim();
        var scope = ScopeName(names, code);
        var asOf = $"{request.AsOf:yyyy-MM-dd}";
        var period = request.Month is { } m ? $"{m:yyyy-MM}，截至{asOf}" : $"截至{asOf}";
        var context = Context(period, scope, service.GetNotes(request.AsOf), names);
        var stemPeriod = request.Month is { } month ? $"{month:yyyy-MM}_{asOf}" : asOf;
        return request.Kind switch
        {
            WagePaymentKind.Projects => Result(
                WagePaymentReport.Projects(service.GetProjectMonths(request.AsOf, request.Month, code, cancellationToken: cancellationToken)
                    .Where(r => request.Projects?.Contains(r.ProjectId) ?? true), context),
                FileStem("农民工工资支付监测", stemPeriod, ProjectsScope(code, request.Projects)), $"no construction project in scope {scope} has data for {request.Month:yyyy-MM} up to {asOf}"),
            WagePaymentKind.Rollup => Result(
                WagePaymentReport.Rollup(service.GetRollup(request.Month!.Value, request.AsOf, code, cancellationToken), context),
                FileStem("农民工工资支付汇总", stemPeriod, code), $"scope {scope} has no rows"),
            _ => Result(
                WagePaymentReport.Ranking(service.GetArrearsRanking(request.AsOf, code, request.Top, cancellationToken), context),
                FileStem("欠薪项目排行", stemPeriod, code), $"no construction project in scope {scope} owes wages due before {asOf}"),
        };
    }

    /// <summary>The region code, then the project when the rows are kept to one (an officer's or a project page's file says whose it is).</summary>
    private static string? ProjectsScope(string? region, IReadOnlySet<string>? projects)
    {
        var project = projects is { Count: 1 } ? projects.Single() : null;
        return region is null ? project : project is null ? region : $"{region}_{project}";
    }

    /// <summary>
    /// One project's rows of every work month up to the cut-off day (the project page's table and trend), counts and
    /// sums only. The caller has checked the user may see the project (product.md's access rule).
    /// </summary>
    public PublishableReport WagePaymentProject(string projectId, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var service = new WagePaymentService(catalog, _options);
        var names = catalog.Use(RegionNames.Load);
        var context = Context($"截至{asOf:yyyy-MM-dd}", projectId, service.GetNotes(asOf), names);
        return Result(WagePaymentReport.Projects(service.GetProjectMonths(asOf, projectId: projectId, cancellationToken: cancellationToken), context),
            FileStem("农民工工资支付监测", $"{asOf:yyyy-MM-dd}", null), $"project {projectId} has no data up to {asOf:yyyy-MM-dd}");
    }

    /// <summary>
    /// The wage officer's drill-down of <paramref name="projectIds"/> for work month <paramref name="month"/> at the cut-off
    /// day, one XLSX sheet per list of <see cref="WageDrillDownReport"/> (every list, an empty one with its header only),
    /// project_id first, then the page's columns; rows by project, then in the mart's order. The caller has checked that
    /// the user is a wage officer bound to every one of these projects (product.md); no <c>publish</c> verb calls this.
    /// </summary>
    public IReadOnlyList<XlsxSheet> WageDrillDownSheets(IEnumerable<string> projectIds, DateOnly month, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var service = new WagePaymentService(catalog, _options);
        var rows = projectIds.Distinct().Order(StringComparer.Ordinal)
            .SelectMany(p => service.GetDrillDown(p, month, asOf, cancellationToken).Select(r => (p, r))).ToList();
        var notes = new ReportNotes(WageDrillDownReport.Method, [], null) { MethodEn = WageDrillDownReport.MethodEn };
        return WageDrillDownReport.Lists.Select(list => new XlsxSheet(list.SheetName, WageDrillDownReport.Table(list, rows, withProject: true, notes))).ToArray();
    }

    public PublishableReport Structure(StructureRequest request, CancellationToken cancellationToken = default)
    {
        var structure = new StructureService(catalog).Get(request.Period, request.Breakdown, request.Region, cancellationToken);
        var names = catalog.Use(RegionNames.Load);
        var scope = ScopeName(names, structure.RegionCode);
        var table = StructureReport.Build(structure.Rows, request.Breakdown, Context(structure.Period.Label, scope, [], structure.DataAsOf, names));
        var breakdown = StructureService.Name(request.Breakdown);
        return Result(table, FileStem($"求职与招聘结构_{breakdown}", structure.Period.Label, structure.RegionCode),
            $"no vacancy or job-seeker registration in {structure.Period.Label} ({scope}) records the {breakdown} side(s) split");
    }

    public PublishableReport Release(ReleaseRequest request, CancellationToken cancellationToken = default)
    {
        var release = new RankingReleaseService(catalog, _options)
            .Get(request.Period, request.Region, request.Kind, request.Top, cancellationToken: cancellationToken);
        var names = catalog.Use(RegionNames.Load);
        var scope = ScopeName(names, release.RegionCode);
        ThresholdUsed[] thresholds =
        [
            new(request.Kind == RankingKind.Shortage ? "min_demand" : "min_supply", _options.RankingMinimum.ToString(), request.Kind == RankingKind.Shortage ? "最低招聘人数" : "最低求职人数"),
            new("top", release.Top.ToString(), "列示职业数上限"),
            new("k", release.K.ToString(), "进入/退出前k名的k"),
        ];
        var table = ReleaseReport.Build(release, Context(release.Period.Label, scope, thresholds, release.DataAsOf, names));
        var product = request.Kind == RankingKind.Shortage ? "最缺工职业排行发布口径" : "求职大于招聘职业排行发布口径";
        // never empty: the figures of an empty list are zeros and nulls, which is what a release states
        return Result(table, FileStem(product, release.Period.Label, release.RegionCode), "the release has no figures");
    }


    /// <summary>A product whose method paragraph is the report's own (structure, release).</summary>
    private ReportContext Context(string period, string scope, IReadOnlyList<ThresholdUsed> thresholds, BatchStamp? dataAsOf,
        IReadOnlyDictionary<string, string> names) =>
        new(period, scope, thresholds.Select(t => new Threshold(t.DescriptionZh, t.Value) { NameEn = t.Name }).ToArray(), dataAsOf?.BatchId)
        {
            RegionNames = names,
            Options = _options,
            DataAsOfTime = dataAsOf?.CommittedAt,
        };

    private ReportContext Context(string period, string scope, PublicationNotes notes, IReadOnlyDictionary<string, string> names) =>
        new(period, scope, notes.Thresholds.Select(t => new Threshold(t.DescriptionZh, t.Value) { NameEn = t.Name }).ToArray(), notes.DataAsOf?.BatchId)
        {
            RegionNames = names,
            MethodZh = notes.MethodZh,
            MethodEn = notes.MethodEn,
            Options = _options,
            DataAsOfTime = notes.DataAsOf?.CommittedAt,
        };

    private static PublishableReport Result(ReportTable table, string stem, string emptyReason) =>
        new(table, stem, table.Rows.Count == 0 ? emptyReason : null);

    /// <summary>The region's name (or 全部地区), then the occupation group when one is chosen: 全部地区，第2大类（专业技术人员）.</summary>
    private static string ScopeName(IReadOnlyDictionary<string, string> names, string? code, string? group = null)
    {
        var region = code is null ? AllRegions : names.GetValueOrDefault(code, code);
        return group is null ? region : $"{region}，{OccupationGroupNames.TitleZh(group)}";
    }

    /// <summary>
    /// <c>最缺工职业排行_2026Q3</c>, with the scope appended when there is one and the occupation group
    /// after it (<c>最缺工职业排行_2026Q3_440300_第2大类</c>, <c>市场工资价位_2026_中类2-02</c>), so a file
    /// says every filter it was cut with. Characters that no common file system accepts become '_'
    /// (the name travels to Windows clients as a download).
    /// </summary>
    private static string FileStem(string product, string period, string? scope, string? group = null)
    {
        var stem = scope is null ? $"{product}_{period}" : $"{product}_{period}_{scope}";
        if (group is not null) stem += "_" + OccupationGroupNames.FileTag(group);
        return string.Concat(stem.Select(c => "<>:\"/\\|?*".Contains(c) || char.IsControl(c) ? '_' : c));
    }

    private static string? AgencyName(DbConnection db, string agencyId)
    {
        using var command = db.CreateCommand();
        // the id stands in for a missing name; null means the agency has no projects at all
        command.CommandText = "SELECT coalesce(min(agency_name), min(agency_id)) FROM dispatch_projects WHERE agency_id = $agency";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "agency";
        parameter.Value = agencyId;
        command.Parameters.Add(parameter);
        return command.ExecuteScalar() as string;
    }
}
