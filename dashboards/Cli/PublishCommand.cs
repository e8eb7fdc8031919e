using System.CommandLine;
using Analytics.Reports.Publication;
using Analytics.Reports.Publishing;
using Analytics.Warehouse.Marts;
using Analytics.Warehouse.Marts.Margins;
using Analytics.Warehouse.Marts.Rankings;
using Analytics.Warehouse.Marts.Wages;
using Analytics.Warehouse.Marts.Structure;

namespace Analytics.Dashboards.Cli;

/// <summary>
/// <c>publish rankings|wages|margins|indicators|structure|release|wage-payment ... [--group G (rankings, wages)] --format csv|xlsx|json|html|arrow|parquet [--out PATH]</c> (product.md).
/// Exit 0 when the file is written (an empty table too, explained on stderr), 1 when the work fails
/// (no committed batch in the lake yet, output not writable), 2 on bad arguments (including a period or
/// region the marts reject). Without --out, CSV, JSON and Arrow go to stdout; XLSX, HTML and Parquet need --out.
/// </summary>
public static class PublishCommand
{
    public static readonly Option<string> FormatOption = Recursive(CheckedOption.Create("--format", "文件格式",
        "csv | xlsx | json | html | arrow | parquet (default: from the --out file's extension)",
        token => ReportFormats.Names.Contains(token, StringComparer.OrdinalIgnoreCase)
            ? token
            : throw new ArgumentException($"'{token}' is not a format: give one of {string.Join(", ", ReportFormats.Names)}.")));

    private static Option<string> Recursive(Option<string> option)
    {
        option.Recursive = true;
        return option;
    }

    public static readonly Option<string> OutOption = new("--out")
    {
        Description = "Output file, or an existing folder to write <product>_<period>.<format> into; without it CSV/JSON/Arrow go to stdout",
        Recursive = true,
    };

    public static Command Create()
    {
        var publish = new Command("publish", "Publish rankings, wages, margins, indicators, structure, release figures or wage payment as CSV, XLSX, JSON, HTML, Arrow or Parquet");
        publish.Options.Add(FormatOption);
        publish.Options.Add(OutOption);
        publish.Subcommands.Add(Rankings());
        publish.Subcommands.Add(Wages());
        publish.Subcommands.Add(Margins());
        publish.Subcommands.Add(Indicators());
        publish.Subcommands.Add(Structure());
        publish.Subcommands.Add(Release());
        publish.Subcommands.Add(WagePayment());
        return publish;
    }

    private static Command Rankings()
    {
        var period = CheckedOption.Create("--period", "统计期", "a quarter (2026Q3) or a month (2026-09)", ReportingPeriod.Parse, required: true);
        var region = RegionOption();
        var top = CheckedOption.Create<int?>("--top", "保留行数", "rows kept (default: Metrics:RankingTop, 100)",
            token => CheckedOption.WholeNumber(token, 1, int.MaxValue, "20"));
        var kind = CheckedOption.Create("--kind", "榜单类型", "shortage (最缺工, the default) or surplus (求职大于招聘)", token =>
            token.Trim().ToLowerInvariant() switch
            {
                "shortage" => RankingKind.Shortage,
                "surplus" => RankingKind.Surplus,
                _ => throw new ArgumentException($"'{token}' is not a ranking: give shortage or surplus."),
            }, fallback: () => RankingKind.Shortage);
        var group = GroupOption();
        var command = new Command("rankings", "Occupation shortage or surplus ranking (metrics.md §1)") { period, region, top, kind, group };
        command.SetAction((parse, cancellation) => PublishRun.RunAsync(parse, () =>
        {
            var request = new RankingRequest(parse.GetValue(period)!, parse.GetValue(region), parse.GetValue(top), parse.GetValue(kind), parse.GetValue(group));
            return (service, ct) => service.Rankings(request, ct);
        }, cancellation));
        return command;
    }

    private static Command Wages()
    {
        var year = CheckedOption.Create("--year", "年份", "the year of the wage sample, e.g. 2026",
            token => CheckedOption.WholeNumber(token, WageGuidanceService.FirstYear, WageGuidanceService.LastYear, "2026"), required: true);
        var region = RegionOption();
        var group = GroupOption();
        var command = new Command("wages", "Market wage guidance (metrics.md §2)") { year, region, group };
        command.SetAction((parse, cancellation) => PublishRun.RunAsync(parse, () =>
        {
            var request = new WageRequest(parse.GetValue(year), parse.GetValue(region), parse.GetValue(group));
            return (service, ct) => service.Wages(request, ct);
        }, cancellation));
        return command;
    }

    private static Command Margins()
    {
        // Read as text: the range is checked (and its months parsed) once both are known, still before anything is opened.
        var from = CheckedOption.Create("--from", "起始月份", "first month, e.g. 2026-01", Month, required: true);
        var to = CheckedOption.Create("--to", "截止月份", "last month (inclusive), e.g. 2026-06", Month, required: true);
        var agency = new Option<string>("--agency") { Description = "Only this dispatch agency's projects" };
        var asOf = CheckedOption.Create<DateOnly?>("--as-of", "截止日期", "the cut-off day, e.g. 2026-09-29: a month's receivables are judged at the earlier of its last day and this (default: today)",
            token => AsOfDay.Parse(token));
        var command = new Command("margins", "Dispatch project cost and revenue per project and month (metrics.md §3)") { from, to, agency, asOf };
        command.SetAction((parse, cancellation) => PublishRun.RunAsync(parse, () =>
        {
            MonthRange range;
            try { range = MonthRange.Parse(parse.GetValue(from)!, parse.GetValue(to)); }
            catch (MartValidationException e) { throw new ArgumentException(CheckedOption.Message("--to", "截止月份", e.Message)); }
            var request = new MarginRequest(range, parse.GetValue(agency), parse.GetValue(asOf));
            return (service, ct) => service.Margins(request, ct);
        }, cancellation));
        return command;
    }

    private static Command Indicators()
    {
        var month = CheckedOption.Create("--month", "统计月份", "the month, e.g. 2026-09", ReportingPeriod.ParseMonth, required: true);
        var region = RegionOption();
        var command = new Command("indicators", "Labour-market indicators of a month for a region and its direct children (metrics.md §4)") { month, region };
        command.SetAction((parse, cancellation) => PublishRun.RunAsync(parse, () =>
        {
            var request = new IndicatorRequest(parse.GetValue(month), parse.GetValue(region));
            return (service, ct) => service.Indicators(request, ct);
        }, cancellation));
        return command;
    }

    private static Command Structure()
    {
        var period = new Option<string>("--period") { Description = "A quarter (2026Q3) or a month (2026-09)", Required = true };
        var breakdown = new Option<string>("--breakdown") { Description = "gender | age_band | education | category | industry", Required = true }
            .AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, [.. StructureService.BreakdownNames]);
        var region = RegionOption();
        var command = new Command("structure", "Demand and supply split by one attribute (compliance-and-statistics.md B.1)") { period, breakdown, region };
        command.SetAction((parse, cancellation) => PublishRun.RunAsync(parse, () =>
        {
            var request = new StructureRequest(ReportingPeriod.Parse(parse.GetValue(period)!), StructureService.Parse(parse.GetValue(breakdown)), parse.GetValue(region));
            return (service, ct) => service.Structure(request, ct);
        }, cancellation));
        return command;
    }

    private static Command WagePayment()
    {
        var kind = new Option<string>("--kind") { Description = "projects (default), rollup or arrears", DefaultValueFactory = _ => "projects" }
            .AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, "projects", "rollup", "arrears");
        var month = new Option<string>("--month") { Description = "The work month, e.g. 2026-04 (projects and rollup; required there)" };
        var asOf = new Option<string>("--as-of") { Description = "The cut-off day, e.g. 2026-05-20 (default: the day of the run)" };
        var region = RegionOption();
        var top = new Option<int?>("--top") { Description = "arrears only: rows kept (default: every project with arrears)" };
        var command = new Command("wage-payment", "Construction wage payment: project-month rows, the roll-up or the arrears ranking (metrics.md §6)")
            { kind, month, asOf, region, top };
        command.SetAction((parse, cancellation) => PublishRun.RunAsync(parse, () =>
        {
            var request = new WagePaymentRequest(
                Enum.Parse<WagePaymentKind>(parse.GetValue(kind)!, ignoreCase: true),
                parse.GetValue(month) is { } m ? ReportingPeriod.ParseMonth(m) : null,
                parse.GetValue(asOf) is { } d ? ReportingPeriod.ParseDay(d) : DateOnly.FromDateTime(DateTime.Now),
                parse.GetValue(region), parse.GetValue(top)).Checked();
            return (service, ct) => service.WagePayment(request, ct);
        }, cancellation));
        return command;
    }

    private static Command Release()
    {
        var period = new Option<string>("--period") { Description = "A quarter (2026Q3) or a month (2026-09)", Required = true };
        var region = RegionOption();
        var top = new Option<int?>("--top") { Description = "List length, the previous list's too (default: Metrics:RankingTop, 100)" };
        var kind = new Option<string>("--kind") { Description = "shortage (最缺工) or surplus (求职大于招聘)", DefaultValueFactory = _ => "shortage" }
            .AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, "shortage", "surplus");
        var command = new Command("release", "The ranking's release figures: totals and their change, entries, exits, movers, major groups (compliance-and-statistics.md C)")
            { period, region, kind, top };
        command.SetAction((parse, cancellation) => PublishRun.RunAsync(parse, () =>
        {
            var request = new ReleaseRequest(ReportingPeriod.Parse(parse.GetValue(period)!), parse.GetValue(region), parse.GetValue(top),
                parse.GetValue(kind)!.Equals("surplus", StringComparison.OrdinalIgnoreCase) ? RankingKind.Surplus : RankingKind.Shortage);
            return (service, ct) => service.Release(request, ct);
        }, cancellation));
        return command;
    }

    /// <summary>Checked while parsing (OccupationGroup.Parse), so a bad group exits 2 before anything is opened.</summary>
    private static Option<string?> GroupOption() =>
        CheckedOption.Create<string?>("--group", "职业分组", "only this occupation group (GB/T 6565): a major group 2, medium 2-02 or minor 2-02-10 (default: all); the file name says it",
            OccupationGroup.Parse);   // its MartValidationException is an ArgumentException

    /// <summary>Its shape is checked here; whether the reference data knows it, once the catalog is built (the mart's check).</summary>
    private static Option<string> RegionOption() =>
        CheckedOption.Create("--region", "地区代码", "a 6-digit region code of the reference data; the scope includes its descendants (default: all)",
            token => RegionScope.IsWellFormed(token)
                ? token.Trim()
                : throw new ArgumentException($"'{token}' is not a 6-digit administrative division code (GB/T 2260), e.g. 440300."));

    private static string Month(string token)
    {
        ReportingPeriod.ParseMonth(token);
        return token;
    }

}
