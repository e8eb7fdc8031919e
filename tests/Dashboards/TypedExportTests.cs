using System.Net;
using Analytics.Reports.Publication;
using Analytics.Reports.Publishing;
using Analytics.Tests.Publish;
using Analytics.Warehouse.Marts;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Dashboards;

/// <summary>
/// <c>/api/export/{product}?format=arrow|parquet</c> on the real server: the right content type and file
/// name, the same bytes the publish verb writes (the same publication service and writer), and the
/// values of the JSON export, read back by Apache.Arrow's stream reader and Parquet.Net.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public sealed class TypedExportTests(DemoSite site)
{
    public static TheoryData<string, string> Exports => new()
    {
        { "rankings", "arrow" }, { "wages", "arrow" }, { "margins", "arrow" }, { "indicators", "arrow" },
        { "rankings", "parquet" }, { "wages", "parquet" }, { "margins", "parquet" }, { "indicators", "parquet" },
    };

    [Theory, MemberData(nameof(Exports))]
    public async Task The_export_is_the_published_file_with_the_jsons_values(string product, string format)
    {
        using var client = await site.Server.SignedInClientAsync("admin");
        var response = await client.GetAsync($"/api/export/{product}?{Query(product)}&format={format}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(format == "arrow" ? "application/vnd.apache.arrow.stream" : "application/vnd.apache.parquet");
        Uri.UnescapeDataString(response.Content.Headers.ContentDisposition!.FileNameStar!).ShouldEndWith("." + format);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        var published = new MemoryStream();
        await Publication(product).WriteAsync(ReportFormats.Parse(format), published);
        bytes.ShouldBe(published.ToArray(), "the bytes `publish` writes for the same request");

        var json = await client.GetByteArrayAsync($"/api/export/{product}?{Query(product)}&format=json");
        var typed = format == "arrow" ? TypedFile.ReadArrow(bytes) : await TypedFile.ReadParquetAsync(bytes);
        var expected = TypedFile.ReadJson(json, typed.Names);
        typed.Rows.Count.ShouldBe(expected.Rows.Count);
        typed.Rows.Count.ShouldBeGreaterThan(0);
        for (var r = 0; r < expected.Rows.Count; r++) typed.Rows[r].ShouldBe(expected.Rows[r], $"row {r}");
    }

    private static string Query(string product) => product switch
    {
        "rankings" => "period=2026Q3",
        "wages" => "year=2026",
        "margins" => "from=2026-01&to=2026-06",
        "indicators" => "month=2026-09",
        _ => throw new ArgumentOutOfRangeException(nameof(product)),
    };

    private PublishableReport Publication(string product)
    {
        var publication = site.Server.Get<ProductPublication>();
        return product switch
        {
            "rankings" => publication.Rankings(new RankingRequest(ReportingPeriod.Parse("2026Q3"))),
            "wages" => publication.Wages(new WageRequest(2026)),
            "margins" => publication.Margins(new MarginRequest(MonthRange.Parse("2026-01", "2026-06"))),
            "indicators" => publication.Indicators(new IndicatorRequest(ReportingPeriod.ParseMonth("2026-09"))),
            _ => throw new ArgumentOutOfRangeException(nameof(product)),
        };
    }
}
