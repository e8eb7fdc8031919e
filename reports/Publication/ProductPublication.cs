using Analytics.Warehouse.DuckDb;
using System.Data.Common;
using Analytics.Reports.Model;
using Analytics.Reports.Products;
using Analytics.Warehouse.Marts;
using Analytics.Warehouse.Marts.Indicators;
using Analytics.Warehouse.Marts.Margins;
using Analytics.Warehouse.Marts.Rankings;
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
    private const string AllRegions = "全部地区", AllAgencies = "全部派遣机构";
    private readonly MetricsOptions _options = options ?? new MetricsOptions();

    public PublishableReport Rankings(RankingRequest request, CancellationToken cancellationToken = default)
    {
        var ranking = new OccupationRankingService(catalog, _options)
            .GetRanking(request.Period, request.Region, request.Kind, request.Top, cancellationToken);
        var names = catalog.Use(RegionNames.Load);
        var scope = ScopeName(names, ranking.RegionCode);
        var table = RankingReport.Build(ranking.Rows, ranking.Kind, Context(ranking.Period.Label, scope, ranking.Notes, names));
        var shortage = ranking.Kind == RankingKind.Shortage;
        var empty = shortage
            ? $"no occupation meets the thresholds in {ranking.Period.Label} ({scope}): the shortage list needs demand > supply and demand ≥ {_options.RankingMinimum}"
            : $"no occupation meets the thresholds in {ranking.Period.Label} ({scope}): the surplus list needs supply > demand and supply ≥ {_options.RankingMinimum}";
        return Result(table, FileStem(shortage ? "最缺工职业排行" : "求职大于招聘职业排行", ranking.Period.Label, ranking.RegionCode), empty);
    }

    public PublishableReport Wages(WageRequest request, CancellationToken cancellationToken = default)
    {
        var guidance = new WageGuidanceService(catalog, _options).GetGuidance(request.Year, request.Region, cancellationToken);
        var names = catalog.Use(RegionNames.Load);
        var scope = ScopeName(names, guidance.RegionCode);
        var period = guidance.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var table = WageReport.Build(guidance.Rows, Context(period, scope, guidance.Notes, names));
        if (guidance.Notes.SuppressionLegendZh is { } legend) table = table with { Notes = table.Notes with { SuppressionLegend = legend } };
        return Result(table, FileStem("市场工资价位", period, guidance.RegionCode),
            $"no full-time employment with a monthly wage was registered in {period} ({scope})");
    }

    public PublishableReport Margins(MarginRequest request, CancellationToken cancellationToken = default)
    {
        var service = new ProjectMarginService(catalog, _options);
        var agency = string.IsNullOrWhiteSpace(request.AgencyId) ? null : request.AgencyId.Trim();
        var rows = service.GetMonthly(request.Months, agency, cancellationToken);
        var totals = service.GetPeriodTotals(request.Months, agency, cancellationToken);
        var (names, agencyName) = catalog.Use(db => (RegionNames.Load(db), agency is null ? null : AgencyName(db, agency)));
        var period = request.Months.First == request.Months.Last ? $"{request.Months.First:yyyy-MM}" : $"{request.Months.First:yyyy-MM}至{request.Months.Last:yyyy-MM}";
        var scope = agency is null ? AllAgencies : agencyName ?? agency;
        var table = MarginReport.Build(rows, totals, Context(period, scope, service.GetNotes(), names));
        var range = $"{request.Months.First:yyyy-MM} to {request.Months.Last:yyyy-MM}";
        var empty = agency is null ? $"no project has settlement or cost rows from {range}"
            : agencyName is null ? $"agency '{agency}' has no projects in dispatch_projects"
            : $"no project of agency '{agency}' ({agencyName}) has settlement or cost rows from {range}";
        return Result(table, FileStem("派遣项目成本收益", $"{request.Months.First:yyyy-MM}_{request.Months.Last:yyyy-MM}", agency), empty);
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
        var context = Context(period, scope, notes, names) with { MethodZh = null };
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
                FileStem("农民工工资支付监测", stemPeriod, code), $"no construction project in scope {scope} has data for {request.Month:yyyy-MM} up to {asOf}"),
            WagePaymentKind.Rollup => Result(
                WagePaymentReport.Rollup(service.GetRollup(request.Month!.Value, request.AsOf, code, cancellationToken), context),
                FileStem("农民工工资支付汇总", stemPeriod, code), $"scope {scope} has no rows"),
            _ => Result(
                WagePaymentReport.Ranking(service.GetArrearsRanking(request.AsOf, code, request.Top, cancellationToken), context),
                FileStem("欠薪项目排行", stemPeriod, code), $"no construction project in scope {scope} owes wages due before {asOf}"),
        };
    }

    private static ReportContext Context(string period, string scope, PublicationNotes notes, IReadOnlyDictionary<string, string> names) =>
        new(period, scope, notes.Thresholds.Select(t => new Threshold(t.DescriptionZh, t.Value)).ToArray(), notes.DataAsOf?.BatchId)
        {
            RegionNames = names,
            MethodZh = notes.MethodZh,
        };

    private static PublishableReport Result(ReportTable table, string stem, string emptyReason) =>
        new(table, stem, table.Rows.Count == 0 ? emptyReason : null);

    private static string ScopeName(IReadOnlyDictionary<string, string> names, string? code) =>
        code is null ? AllRegions : names.GetValueOrDefault(code, code);

    /// <summary>
    /// <c>最缺工职业排行_2026Q3</c>, with the scope appended when there is one. Characters that no
    /// common file system accepts become '_' (the name travels to Windows clients as a download).
    /// </summary>
    private static string FileStem(string product, string period, string? scope)
    {
        var stem = scope is null ? $"{product}_{period}" : $"{product}_{period}_{scope}";
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
