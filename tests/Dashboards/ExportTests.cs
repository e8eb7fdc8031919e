using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Analytics.Tests.Publish;
using Analytics.Warehouse.Marts.Rankings;
using Analytics.Warehouse.Marts;
using Analytics.Warehouse.Marts.Margins;
using DocumentFormat.OpenXml.Packaging;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Dashboards;

[Collection(DemoSiteCollection.Name)]
public class ExportTests(DemoSite site)
{
    [Theory]
    [InlineData("/api/export/rankings?period=2026Q3&format=xlsx", "stat", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "2026Q3.xlsx")]
    [InlineData("/api/export/wages?year=2026&format=csv", "stat", "text/csv", "2026.csv")]
    [InlineData("/api/export/indicators?month=2026-09&format=html", "policy", "text/html", ".html")]
    [InlineData("/api/export/margins?from=2026-01&to=2026-06&format=json", "agency1", "application/json", ".json")]
    public async Task Export_buttons_download_the_published_file(string url, string user, string contentType, string nameEnd)
    {
        using var client = await site.Server.SignedInClientAsync(user);
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(contentType);
        var disposition = response.Content.Headers.ContentDisposition!;
        disposition.DispositionType.ShouldBe("attachment");
        Uri.UnescapeDataString(disposition.FileNameStar!).ShouldEndWith(nameEnd);
        (await response.Content.ReadAsByteArrayAsync()).Length.ShouldBeGreaterThan(100);
    }

    [Fact]
    public async Task The_xlsx_export_opens_with_its_data_and_notes_sheets()
    {
        using var client = await site.Server.SignedInClientAsync("stat");
        var bytes = await client.GetByteArrayAsync("/api/export/rankings?period=2026Q3&format=xlsx");
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
        sheets.ShouldContain("数据");
        sheets.ShouldContain("说明");
    }

    [Fact]
    public async Task A_margins_export_holds_only_the_managers_agency_and_another_agency_is_403()
    {
        using var client = await site.Server.SignedInClientAsync("agency1");
        (await client.GetAsync("/api/export/margins?from=2026-01&to=2026-06&agency=A002&format=json")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var json = JsonNode.Parse(await client.GetStringAsync("/api/export/margins?from=2026-01&to=2026-06&format=json"))!.AsArray();
        var own = site.Server.Get<ProjectMarginService>().GetMonthly(MonthRange.Parse("2026-01", "2026-06"), "A001");
        json.Count.ShouldBe(own.Count);
        json.Select(r => r!["project_id"]!.GetValue<string>()).ShouldBe(own.Select(m => m.ProjectId));
    }

    [Fact]
    public async Task A_bad_format_is_400()
    {
        using var client = await site.Server.SignedInClientAsync("stat");
        var response = await client.GetAsync("/api/export/rankings?period=2026Q3&format=pdf");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("pdf");
    }

    public static TheoryData<string> Formats => new() { "csv", "xlsx", "json", "html", "arrow", "parquet" };

    /// <summary>
    /// The page's view /rankings?period=2026Q3&amp;group=G exported in every format: exactly the API's rows for
    /// the same filters (the issue: the CSV/XLSX/JSON held every group), and a file name that says the group.
    /// </summary>
    [Theory, MemberData(nameof(Formats))]
    public async Task A_group_filtered_export_holds_exactly_the_api_rows_and_its_name_says_the_filters(string format)
    {
        var service = site.Server.Get<OccupationRankingService>().GetRanking(ReportingPeriod.Parse("2026Q3"));
        var group = service.Rows.GroupBy(r => r.OccupationCode[..1]).OrderByDescending(g => g.Count()).First().Key;
        using var client = await site.Server.SignedInClientAsync("stat");
        var api = JsonNode.Parse(await client.GetStringAsync($"/api/rankings?period=2026Q3&group={group}"))!;
        var expected = api["rows"]!.AsArray().Select(r => r!["occupation_code"]!.GetValue<string>()).ToList();
        expected.ShouldNotBeEmpty();
        expected.Count.ShouldBeLessThan(service.Rows.Count);

        var response = await client.GetAsync($"/api/export/rankings?period=2026Q3&group={group}&format={format}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Uri.UnescapeDataString(response.Content.Headers.ContentDisposition!.FileNameStar!).ShouldBe($"最缺工职业排行_2026Q3_第{group}大类.{format}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        (await OccupationCodes(format, bytes)).ShouldBe(expected);
    }

    [Fact]
    public async Task A_wages_export_keeps_the_region_and_group_in_its_rows_and_name()
    {
        using var client = await site.Server.SignedInClientAsync("stat");
        var api = JsonNode.Parse(await client.GetStringAsync("/api/wages?year=2026&region=440000&group=4"))!;
        var expected = api["rows"]!.AsArray().Select(r => r!["occupation_code"]!.GetValue<string>()).ToList();
        expected.ShouldAllBe(code => code.StartsWith("4-"));
        var response = await client.GetAsync("/api/export/wages?year=2026&region=440000&group=4&format=csv");
        Uri.UnescapeDataString(response.Content.Headers.ContentDisposition!.FileNameStar!).ShouldBe("市场工资价位_2026_440000_第4大类.csv");
        (await OccupationCodes("csv", await response.Content.ReadAsByteArrayAsync())).ShouldBe(expected);
    }

    /// <summary>The occupation_code column of an exported file, read as its format's reader would.</summary>
    private static async Task<IReadOnlyList<string>> OccupationCodes(string format, byte[] bytes)
    {
        switch (format)
        {
            case "csv":
                var lines = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
                var index = Array.IndexOf(lines[0].Split(','), "occupation_code");
                return lines.Skip(1).Select(line => line.Split(',')[index]).ToArray();
            case "json":
                return JsonNode.Parse(bytes)!.AsArray().Select(r => r!["occupation_code"]!.GetValue<string>()).ToArray();
            case "xlsx":
                var path = Path.GetTempFileName();
                try
                {
                    await File.WriteAllBytesAsync(path, bytes);
                    using var workbook = new Analytics.Tests.Reports.XlsxWorkbook(path);
                    var sheet = workbook.Sheet("数据");
                    var column = Enumerable.Range(0, 26).Select(c => (char)('A' + c)).First(c => workbook.Text(sheet, $"{c}1") == "职业代码");
                    var rows = sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count();
                    return Enumerable.Range(2, rows - 1).Select(r => workbook.Text(sheet, $"{column}{r}")).ToArray();
                }
                finally { File.Delete(path); }
            case "html":
                var html = Encoding.UTF8.GetString(bytes);
                var table = Regex.Match(html, "<table id=\"report\">.*?</table>", RegexOptions.Singleline).Value;
                var headers = Regex.Matches(table, "<th[^>]*>(.*?)</th>").Select(m => m.Groups[1].Value).ToList();
                var code = headers.IndexOf("职业代码");
                return Regex.Matches(table, "<tr>(.*?)</tr>", RegexOptions.Singleline).Skip(1)
                    .Select(m => Regex.Matches(m.Groups[1].Value, "<td[^>]*>(.*?)</td>")[code].Groups[1].Value).ToArray();
            default:
                var typed = format == "arrow" ? TypedFile.ReadArrow(bytes) : await TypedFile.ReadParquetAsync(bytes);
                var field = typed.Names.ToList().IndexOf("occupation_code");
                return typed.Rows.Select(r => r[field]).ToArray();
        }
    }
}
