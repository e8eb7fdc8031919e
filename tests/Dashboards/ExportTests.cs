using System.Net;
using System.Text.Json.Nodes;
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
}
