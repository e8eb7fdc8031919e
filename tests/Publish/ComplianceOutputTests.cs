using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Analytics.Dashboards.Cli;
using Analytics.Reports.Products;
using Analytics.Tests.Marts;
using Analytics.Tests.Reports;
using CsvHelper;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Publish;

/// <summary>
/// `publish margins --as-of` over the worked example of compliance-and-statistics.md A.5: every field the
/// margins output gains (A.4) read back from each format for D1 in 2026-09, and the verb's exit codes.
/// </summary>
public sealed class ComplianceOutputTests(WorkedExampleLake example) : IClassFixture<WorkedExampleLake>
{
    private static readonly string[] Margins = ["margins", "--from", "2026-09", "--to", "2026-09", "--as-of", "2026-09-29"];

    /// <summary>D1's new figures (A.5), as normalised numbers: joiners v6, leavers v7, 11 of the client's 100, v2 and v3 without a contract, …</summary>
    private static readonly Dictionary<string, string> D1 = new()
    {
        ["joiners"] = "1", ["leavers"] = "1", ["client_headcount"] = "11", ["client_workforce"] = "100", ["dispatch_share_pct"] = "11",
        ["no_contract_workers"] = "2", ["expiring_contract_workers"] = "1", ["si_missing_workers"] = "1", ["si_floor"] = "4200",
        ["si_below_floor_workers"] = "1", ["due_soon_invoices"] = "2",
    };

    private static readonly string[] D1Alerts =
        ["dispatch_cap", "si_base_low", "no_contract", "contract_expiring", "si_missing", "si_base_below_floor", "invoice_due_soon"];

    public static TheoryData<string> Formats => new(["json", "csv", "xlsx", "html", "arrow", "parquet"]);

    [Theory, MemberData(nameof(Formats))]
    public async Task Every_new_field_reads_back_from_the_format(string format)
    {
        var bytes = await PublishAsync(format);
        var (fields, alerts) = format switch
        {
            "json" => Json(bytes),
            "csv" => Csv(bytes),
            "xlsx" => Xlsx(bytes),
            "html" => Html(bytes),
            "arrow" => Typed(TypedFile.ReadArrow(bytes)),
            _ => Typed(await TypedFile.ReadParquetAsync(bytes)),
        };
        foreach (var (field, value) in D1) fields[field].ShouldBe(value, $"{format} {field}");
        // machine formats carry the codes, human ones the Chinese names, both in the order of A.4
        var human = format is "xlsx" or "html";
        alerts.ShouldBe(human ? D1Alerts.Select(a => MarginReport.AlertName(a, new Analytics.Warehouse.Marts.MetricsOptions())).ToArray() : D1Alerts, format);
    }

    [Fact]
    public async Task The_as_of_day_moves_the_cut_off_and_the_notes_state_it()
    {
        // d = 2026-09-30: I3 is a day overdue (25,000.00), I1 and I2 are due within 2 days
        var run = await example.Lake.PublishAsync([.. Margins[..^1], "2026-09-30", "--format", "json"]);
        run.ExitCode.ShouldBe(0, run.Stderr);
        var d1 = JsonDocument.Parse(run.Stdout).RootElement.EnumerateArray().Single(r => r.GetProperty("project_id").GetString() == "D1");
        (d1.GetProperty("overdue_amount").GetDecimal(), d1.GetProperty("due_soon_invoices").GetInt32()).ShouldBe((25000.00m, 2));

        var path = Path.Combine(example.Lake.Root, "as-of.xlsx");
        (await example.Lake.PublishAsync([.. Margins, "--format", "xlsx", "--out", path])).ExitCode.ShouldBe(0);
        using var book = new XlsxWorkbook(path);
        book.AllTexts().ShouldContain(t => t.Contains("2026-09-29"));
    }

    [Fact]
    public async Task The_thresholds_come_from_the_Metrics_configuration()
    {
        // Metrics:SiJoinerGrace=false counts the joiner v6 too; Metrics:ContractExpiringDays=61 takes v5 in
        var run = await example.Lake.PublishAsync([.. Margins, "--format", "json", "--Metrics:SiJoinerGrace=false", "--Metrics:ContractExpiringDays=61"]);
        run.ExitCode.ShouldBe(0, run.Stderr);
        var d1 = JsonDocument.Parse(run.Stdout).RootElement.EnumerateArray().Single(r => r.GetProperty("project_id").GetString() == "D1");
        (d1.GetProperty("si_missing_workers").GetInt32(), d1.GetProperty("expiring_contract_workers").GetInt32()).ShouldBe((2, 2));
    }

    [Theory]
    [InlineData("Unknown day format '2026-13-01'", "2026-13-01")]
    [InlineData("Unknown day format '29/09/2026'", "29/09/2026")]
    public async Task A_bad_as_of_exits_2_and_writes_nothing(string message, string asOf)
    {
        var run = await example.Lake.PublishAsync([.. Margins[..^1], asOf, "--format", "json"]);
        run.ExitCode.ShouldBe(AnalyticsCommandLine.BadArguments, run.Stderr);
        run.Stderr.ShouldContain(message);
        run.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public async Task As_of_without_a_day_exits_2_and_a_folder_without_a_lake_exits_1()
    {
        (await example.Lake.PublishAsync([.. Margins[..^1], "--format", "json"])).ExitCode.ShouldBe(AnalyticsCommandLine.BadArguments);
        var empty = Directory.CreateTempSubdirectory("margins-empty-").FullName;
        try
        {
            var (output, error) = (new StringWriter(), new StringWriter());
            var code = await AnalyticsCommandLine.RunAsync(["publish", .. Margins, "--format", "json", "--data", empty], output, error);
            code.ShouldBe(AnalyticsCommandLine.Failed, error.ToString());
        }
        finally { Directory.Delete(empty, recursive: true); }
    }

    private async Task<byte[]> PublishAsync(string format)
    {
        var path = Path.Combine(example.Lake.Root, $"margins-{format}.{format}");
        var run = await example.Lake.PublishAsync([.. Margins, "--format", format, "--out", path]);
        run.ExitCode.ShouldBe(0, run.Stderr);
        return File.ReadAllBytes(path);
    }

    private static (Dictionary<string, string>, string[]) Json(byte[] bytes)
    {
        using var json = JsonDocument.Parse(bytes);
        var d1 = json.RootElement.EnumerateArray().Single(r => r.GetProperty("project_id").GetString() == "D1");
        // numbers are JSON numbers
        var fields = D1.Keys.ToDictionary(f => f, f => Number(d1.GetProperty(f).GetDecimal()));
        return (fields, d1.GetProperty("alerts").EnumerateArray().Select(a => a.GetString()!).ToArray());
    }

    private static (Dictionary<string, string>, string[]) Csv(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = CsvReader.Create(reader, new CsvReaderOptions { HasHeader = false, AllowLineBreaksInQuotes = true }, leaveOpen: false);
        var records = new List<string[]>();
        while (csv.Read()) records.Add(Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray());
        var header = records[0].ToList();
        var d1 = records.Single(r => r[header.IndexOf("project_id")] == "D1");
        var fields = D1.Keys.ToDictionary(f => f, f => Number(decimal.Parse(d1[header.IndexOf(f)], CultureInfo.InvariantCulture)));
        return (fields, d1[header.IndexOf("alerts")].Split(Analytics.Reports.Formatting.MachineText.ListSeparator));
    }

    private static (Dictionary<string, string>, string[]) Xlsx(byte[] bytes)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, bytes);
            using var book = new XlsxWorkbook(path);
            var sheet = book.Sheet("数据");
            // the header row holds the Chinese headers; find each field's column by its header
            var headers = Enumerable.Range(0, 80).Select(c => book.Text(sheet, $"{Letter(c)}1")).ToList();
            string Cell(string field, int row) =>
                book.Text(sheet, $"{Letter(headers.IndexOf(MarginReport.Columns(new Analytics.Warehouse.Marts.MetricsOptions()).Single(c => c.Field == field).HeaderZh))}{row}");
            var row = Enumerable.Range(2, 5).First(r => Cell("project_id", r) == "D1");
            var fields = D1.Keys.ToDictionary(f => f, f => Number(decimal.Parse(Cell(f, row), CultureInfo.InvariantCulture)));
            return (fields, Cell("alerts", row).Split('、'));
        }
        finally { File.Delete(path); }
    }

    private static (Dictionary<string, string>, string[]) Html(byte[] bytes)
    {
        var html = Encoding.UTF8.GetString(bytes);
        var table = html[html.IndexOf("<table", StringComparison.Ordinal)..html.IndexOf("</table>", StringComparison.Ordinal)];
        var headers = Regex.Matches(table, "<th[^>]*>(.*?)</th>").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        var d1 = Regex.Matches(table, "<tr>(.*?)</tr>").Skip(1)
            .Select(tr => Regex.Matches(tr.Groups[1].Value, "<td[^>]*>(.*?)</td>").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToArray())
            .Single(cells => cells[0] == "D1");
        string Shown(string field) => d1[headers.IndexOf(MarginReport.Columns(new Analytics.Warehouse.Marts.MetricsOptions()).Single(c => c.Field == field).HeaderZh)];
        Shown("si_floor").ShouldBe("¥4,200.00");   // money as people read it
        var fields = D1.Keys.ToDictionary(f => f, f => Number(decimal.Parse(Shown(f).TrimStart('¥'), NumberStyles.Number, CultureInfo.InvariantCulture)));
        return (fields, Shown("alerts").Split('、'));
    }

    private static (Dictionary<string, string>, string[]) Typed(TypedFile file)
    {
        var names = file.Names.ToList();
        var d1 = file.Rows.Single(r => r[names.IndexOf("project_id")] == "D1");
        var alerts = d1[names.IndexOf("alerts")].Trim('[', ']').Split('|');
        return (D1.Keys.ToDictionary(f => f, f => d1[names.IndexOf(f)]), alerts);
    }

    private static string Number(decimal value) => value.ToString("G29", CultureInfo.InvariantCulture);

    private static string Letter(int column)
    {
        var letters = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26) letters = (char)('A' + (c - 1) % 26) + letters;
        return letters;
    }
}
