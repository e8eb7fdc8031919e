using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Analytics.Dashboards.Auth;
using Analytics.Reports.Model;
using Analytics.Reports.Products;
using Analytics.Tests.Marts;
using Analytics.Tests.Reports;
using DocumentFormat.OpenXml.Spreadsheet;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Dashboards;

/// <summary>
/// wage-payment.md part C over real HTTP on the worked example's lake: the wage officer's XLSX export adds one
/// sheet per drill-down list (the rows of /api/wage-payment/projects/{id}/drilldown, in the page's columns), only
/// for the projects bound to them; the inspector's, the admin's and every other format carry no worker row, and
/// another officer's project is answered as a missing one. officer1 is bound to GC-001, officer2 to GC-002 and GC-003.
/// </summary>
public sealed class WageOfficerXlsxExportTests : IAsyncLifetime
{
    private const string Query = "kind=projects&month=2026-04&as_of=2026-05-20";
    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);

    private readonly WageLake _lake = WagePaymentFixtures.WorkedExample();
    private AppServer _server = default!;
    private List<string> _hashes = [];

    public async Task InitializeAsync()
    {
        _hashes = _lake.Query("SELECT worker_id FROM site_payroll UNION SELECT worker_id FROM site_roster UNION SELECT worker_id FROM site_attendance")
            .Select(r => (string)r[0]!).ToList();
        _server = await AppServer.StartAsync(_lake.Root);
        // the worked example lies in 武汉市, outside the demo inspector's 广州市: this inspector's scope is 420100
        _server.Get<UserStore>().Add(new AppUser("inspector-wh", "劳动监察员 武汉市", Roles.LabourInspector, null, PasswordHasher.Hash("inspector-demo"))
            { RegionScope = "420100" });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _lake.Dispose();
    }

    private async Task<(HttpStatusCode Status, byte[] Body)> Get(string user, string url)
    {
        using var client = user == "inspector"
            ? await _server.SignedInClientAsync("inspector-wh", password: "inspector-demo")
            : await _server.SignedInClientAsync(user);
        var response = await client.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync());
    }

    private async Task<XlsxWorkbook> Xlsx(string user, string url)
    {
        using var client = user == "inspector"
            ? await _server.SignedInClientAsync("inspector-wh", password: "inspector-demo")
            : await _server.SignedInClientAsync(user);
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{user} {url}");
        var body = await response.Content.ReadAsByteArrayAsync();
        // a file kept to one project says so in its name (after the inspector's region scope)
        if (url.Contains("project=GC-001") || user == "officer1")
            Uri.UnescapeDataString(response.Content.Headers.ContentDisposition!.FileNameStar!)
                .ShouldBe(user == "inspector" ? "农民工工资支付监测_2026-04_2026-05-20_420100_GC-001.xlsx" : "农民工工资支付监测_2026-04_2026-05-20_GC-001.xlsx");
        var path = Path.Combine(_lake.Root, $"{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(path, body);
        return new XlsxWorkbook(path);
    }

    private async Task<JsonArray> Drill(string user, string project)
    {
        var (status, body) = await Get(user, $"/api/wage-payment/projects/{project}/drilldown?month=2026-04&as_of=2026-05-20");
        status.ShouldBe(HttpStatusCode.OK);
        return JsonNode.Parse(body)!.AsArray();
    }

    /// <summary>A drill-down sheet's rows read back as the API's JSON values (dates from their serial numbers, money as decimals), project_id added.</summary>
    private static List<Dictionary<string, string?>> SheetRows(XlsxWorkbook workbook, WageDrillDownReport.DrillList list)
    {
        var sheet = workbook.Sheet(list.SheetName);
        var columns = WageDrillDownReport.Columns(list, withProject: true);
        // the header row is the definition's, in its order
        columns.Select((c, i) => workbook.Text(sheet, $"{(char)('A' + i)}1")).ShouldBe(columns.Select(c => c.HeaderZh));
        var rows = new List<Dictionary<string, string?>>();
        foreach (var row in sheet.Descendants<Row>().Where(r => r.RowIndex! > 1))
        {
            var values = new Dictionary<string, string?>();
            for (var i = 0; i < columns.Count; i++)
            {
                var reference = $"{(char)('A' + i)}{row.RowIndex!.Value}";
                var text = XlsxWorkbook.Cell(sheet, reference) is null ? null : workbook.Text(sheet, reference);
                values[columns[i].Field] = text is null ? null : columns[i].Kind switch
                {
                    ColumnKind.Date => ExcelEpoch.AddDays(int.Parse(text, CultureInfo.InvariantCulture)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ColumnKind.Money => decimal.Parse(text, CultureInfo.InvariantCulture).ToString("0.00", CultureInfo.InvariantCulture),
                    _ => text,
                };
            }
            rows.Add(values);
        }
        return rows;
    }

    /// <summary>The API's drill-down rows of one list in the same shape, only the list's columns.</summary>
    private static IEnumerable<Dictionary<string, string?>> ApiRows(JsonArray drill, string project, WageDrillDownReport.DrillList list) =>
        drill.Where(r => (string)r!["list"]! == list.Name).Select(r => WageDrillDownReport.Columns(list, withProject: true).ToDictionary(c => c.Field, c =>
            c.Field == "project_id" ? project
            : r![c.Field] is not { } v ? null
            : c.Kind == ColumnKind.Money ? ((decimal)v).ToString("0.00", CultureInfo.InvariantCulture)
            : v.ToString()));

    /// <summary>A row as one comparable line: field=value in column order.</summary>
    private static string Line(Dictionary<string, string?> row) => string.Join(" | ", row.Select(f => $"{f.Key}={f.Value ?? "null"}"));

    private static string[] Lines(IEnumerable<Dictionary<string, string?>> rows) => rows.Select(Line).ToArray();

    private void ShouldCarryNoWorker(string text, string where)
    {
        text.ShouldNotContain("worker_key", customMessage: where);
        text.ShouldNotContain("人员代码", customMessage: where);
        foreach (var hash in _hashes) text.ShouldNotContain(hash[..8], customMessage: where);
    }

    [Fact]
    public async Task Officer1s_xlsx_of_GC_001_carries_one_sheet_per_drill_down_list_with_the_APIs_rows()
    {
        var drill = await Drill("officer1", "GC-001");
        using var workbook = await Xlsx("officer1", $"/api/export/wage-payment?{Query}&project=GC-001&format=xlsx");
        workbook.SheetNames.ShouldBe(["数据", .. WageDrillDownReport.Lists.Select(l => l.SheetName), "说明"]);
        workbook.SheetNames.ShouldAllBe(name => name.Length <= 31);
        workbook.ValidationErrors().ShouldBeEmpty();
        // every table sheet repeats its header when printed and prints A4 fitted to the page width, as 数据 does
        workbook.PrintTitles().ShouldBe(Enumerable.Range(0, 8).Select(i => ((uint)i, $"'{workbook.SheetNames[i]}'!$1:$1")));
        foreach (var list in WageDrillDownReport.Lists)
        {
            var setup = workbook.Sheet(list.SheetName).GetFirstChild<PageSetup>()!;
            (setup.PaperSize!.Value, setup.FitToWidth!.Value, setup.FitToHeight!.Value).ShouldBe((9u, 1u, 0u));
            workbook.Sheet(list.SheetName).Descendants<Pane>().Single().TopLeftCell!.Value.ShouldBe("A2");
        }
        var main = workbook.Sheet("数据");
        workbook.Text(main, "A2").ShouldBe("GC-001");
        XlsxWorkbook.Cell(main, "A3").ShouldBeNull();                             // one project, one work month

        // the worked example gives each list of GC-001 in April one row; the sheet holds the API's rows, field for field
        drill.Count.ShouldBe(7);
        foreach (var list in WageDrillDownReport.Lists)
        {
            var sheet = SheetRows(workbook, list);
            sheet.Count.ShouldBe(1, list.Name);
            Lines(sheet).ShouldBe(Lines(ApiRows(drill, "GC-001", list)), list.Name);
            sheet[0]["worker_key"]!.ShouldMatch("^[0-9a-f]{8}$");
            sheet[0]["source_file"].ShouldNotBeNullOrEmpty();
            long.Parse(sheet[0]["source_line"]!, CultureInfo.InvariantCulture).ShouldBeGreaterThan(1);   // line 1 is the header
        }
        // pinned by the worked example: w3 is owed 6,300.00 and was paid 4,000.00 (outstanding 2,300.00);
        // w2 was paid on 2026-05-16, a day after the pay date 2026-05-15
        var outstanding = SheetRows(workbook, WageDrillDownReport.List("outstanding"))[0];
        (outstanding["wage_due"], outstanding["wage_paid"], outstanding["due_on"]).ShouldBe(("6300.00", "4000.00", "2026-05-15"));
        // its source: the fixture's payroll file (the fifth delivered, after regions, projects, roster and attendance),
        // line 8 = the header, four March rows, then April's w1, w2, w3
        (outstanding["source_file"], outstanding["source_line"]).ShouldBe(("site_payroll/005.csv", "8"));
        var late = SheetRows(workbook, WageDrillDownReport.List("late_payment"))[0];
        (late["paid_on"], late["days_late"]).ShouldBe(("2026-05-16", "1"));
        var attended = SheetRows(workbook, WageDrillDownReport.List("attended_not_paid"))[0];
        (attended["days_worked"], attended["source_file"], attended["source_line"]).ShouldBe(("9", "site_attendance/004.csv", "6")); // w5, fifth row
        // the key, never the hash
        var texts = string.Join("\n", workbook.AllTexts());
        foreach (var hash in _hashes) texts.ShouldNotContain(hash);
    }

    [Fact]
    public async Task An_officers_xlsx_without_a_project_drills_into_every_bound_project_and_no_other()
    {
        var gc002 = await Drill("officer2", "GC-002");
        var gc003 = await Drill("officer2", "GC-003");
        using var workbook = await Xlsx("officer2", $"/api/export/wage-payment?{Query}&format=xlsx");
        var all = WageDrillDownReport.Lists.SelectMany(list => SheetRows(workbook, list)).ToList();
        all.Select(r => r["project_id"]).Distinct().ShouldBe(["GC-003"]);        // GC-002 paid all three on time: nothing to check
        foreach (var list in WageDrillDownReport.Lists)
            Lines(SheetRows(workbook, list)).ShouldBe(Lines(ApiRows(gc002, "GC-002", list).Concat(ApiRows(gc003, "GC-003", list))), list.Name);
        // GC-003 owes x1 5,000.00 and x2 4,000.00 for April, nothing paid
        SheetRows(workbook, WageDrillDownReport.List("outstanding")).Select(r => r["wage_due"]).Order().ShouldBe(["4000.00", "5000.00"]);
        all.ShouldNotContain(r => r["project_id"] == "GC-001");
    }

    [Fact]
    public async Task Another_officers_project_is_answered_as_a_missing_one()
    {
        var other = await Get("officer1", $"/api/export/wage-payment?{Query}&project=GC-002&format=xlsx");
        var missing = await Get("officer1", $"/api/export/wage-payment?{Query}&project=GC-404&format=xlsx");
        other.Status.ShouldBe(HttpStatusCode.NotFound);
        other.Status.ShouldBe(missing.Status);
        other.Body.ShouldBe(missing.Body);
        (await Get("officer2", $"/api/export/wage-payment?{Query}&project=GC-001&format=csv")).ShouldBe(missing);
    }

    [Fact]
    public async Task The_inspectors_and_the_admins_xlsx_and_the_officers_other_formats_carry_no_worker_row()
    {
        // the inspector (scope 武汉市) and the admin see GC-001's figures, but neither is its wage officer
        foreach (var (user, url) in new[] { ("inspector", $"{Query}&project=GC-001"), ("inspector", Query), ("admin", $"{Query}&project=GC-001") })
        {
            using var workbook = await Xlsx(user, $"/api/export/wage-payment?{url}&format=xlsx");
            workbook.SheetNames.ShouldBe(["数据", "说明"]);
            workbook.Text(workbook.Sheet("数据"), "A2").ShouldBe("GC-001");
            ShouldCarryNoWorker(string.Join("\n", workbook.AllTexts()), $"{user} {url}");
        }

        foreach (var format in new[] { "csv", "json", "html", "arrow", "parquet" })
        {
            var (status, body) = await Get("officer1", $"/api/export/wage-payment?{Query}&project=GC-001&format={format}");
            status.ShouldBe(HttpStatusCode.OK, format);
            var text = System.Text.Encoding.UTF8.GetString(body);
            text.ShouldContain("GC-001");
            ShouldCarryNoWorker(text, format);
        }
    }
}
