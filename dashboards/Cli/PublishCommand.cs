using System.CommandLine;
using Analytics.Reports.Publication;
using Analytics.Reports.Publishing;
using Analytics.Warehouse.Marts;
using Analytics.Warehouse.Marts.Rankings;

namespace Analytics.Dashboards.Cli;

/// <summary>
/// <c>publish rankings|wages|margins|indicators|wage-payment ... --format csv|xlsx|json|html|arrow|parquet [--out PATH]</c> (product.md).
/// Exit 0 when the file is written (an empty table too, explained on stderr), 1 when the work fails
/// (no committed batch in the lake yet, output not writable), 2 on bad arguments (including a period or
/// region the marts reject). Without --out, CSV, JSON and Arrow go to stdout; XLSX, HTML and Parquet need --out.
/// </summary>
public static class PublishCommand
{
    public static readonly Option<string> FormatOption = new Option<string>("--format")
    {
        Description = "csv | xlsx | json | html | arrow | parquet (default: from the --out file's extension)",
        Recursive = true,
    }.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, [.. ReportFormats.Names]);

    public static readonly Option<string> OutOption = new("--out")
    {
        Description = "Output file, or an existing folder to write <product>_<period>.<format> into; without it CSV/JSON/Arrow go to stdout",
        Recursive = true,
    };

    public static Command Create()
    {
        var publish = new Command("publish", "Publish rankings, wages, margins, indicators or wage payment as CSV, XLSX, JSON, HTML, Arrow or Parquet");
        publish.Options.Add(FormatOption);
        publish.Options.Add(OutOption);
        publish.Subcommands.Add(Rankings());
        publish.Subcommands.Add(Wages());
        publish.Subcommands.Add(Margins());
        publish.Subcommands.Add(Indicators());
        publish.Subcommands.Add(WagePayment());
        return publish;
    }

    private static Command Rankings()
    {
        var period = new Option<string>("--period") { Description = "A quarter (2026Q3) or a month (2026-09)", Required = true };
        var region = RegionOption();
        var top = new Option<int?>("--top") { Description = "Rows kept (default: Metrics:RankingTop, 100)" };
        var kind = new Option<string>("--kind") { Description = "shortage (最缺工) or surplus (求职大于招聘)", DefaultValueFactory = _ => "shortage" }
            .AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, "shortage", "surplus");
        var command = new Command("rankings", "Occupation shortage or surplus ranking (metrics.md §1)") { period, region, top, kind };
        command.SetAction((parse, cancellation) => PublishRun.RunAsync(parse, () =>
        {
            var request = new RankingRequest(ReportingPeriod.Parse(parse.GetValue(period)!), parse.GetValue(region), parse.GetValue(top),
                parse.GetValue(kind)!.Equals("surplus", StringComparison.OrdinalIgnoreCase) ? RankingKind.Surplus : RankingKind.Shortage);
            return (service, ct) => service.Rankings(request, ct);
        }, cancellation));
        return command;
    }

    private static Command Wages()
    {
        var year = new Option<int>("--year") { Description = "The year of the wage sample, e.g. 2026", Required = true };
        var region = RegionOption();
        var command = new Command("wages", "Market wage guidance (metrics.md §2)") { year, region };
        command.SetAction((parse, cancellation) => PublishRun.RunAsync(parse, () =>
        {
            var request = new WageRequest(parse.GetValue(year), parse.GetValue(region));
            return (service, ct) => service.Wages(request, ct);
        }, cancellation));
        return command;
    }

    private static Command Margins()
    {
        var from = new Option<string>("--from") { Description = "First month, e.g. 2026-01", Required = true };
        var to = new Option<string>("--to") { Description = "Last month (inclusive), e.g. 2026-06", Required = true };
        var agency = new Option<string>("--agency") { Description = "Only this dispatch agency's projects" };
        var command = new Command("margins", "Dispatch project cost and revenue per project and month (metrics.md §3)") { from, to, agency };
        command.SetAction((parse, cancellation) => PublishRun.RunAsync(parse, () =>
        {
            var request = new MarginRequest(MonthRange.Parse(parse.GetValue(from)!, parse.GetValue(to)), parse.GetValue(agency));
            return (service, ct) => service.Margins(request, ct);
        }, cancellation));
        return command;
    }

    private static Command Indicators()
    {
        var month = new Option<string>("--month") { Description = "The month, e.g. 2026-09", Required = true };
        var region = RegionOption();
        var command = new Command("indicators", "Labour-market indicators of a month for a region and its direct children (metrics.md §4)") { month, region };
        command.SetAction((parse, cancellation) => PublishRun.RunAsync(parse, () =>
        {
            var request = new IndicatorRequest(ReportingPeriod.ParseMonth(parse.GetValue(month)!), parse.GetValue(region));
            return (service, ct) => service.Indicators(request, ct);
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

    private static Option<string> RegionOption() =>
        new("--region") { Description = "A 6-digit region code of the reference data; the scope includes its descendants (default: all)" };
}
