using DuckDB.NET.Data;
using Analytics.Reports.Publication;
using Analytics.Reports.Publishing;
using Analytics.Tests.Reports;
using Analytics.Warehouse.DuckDb;
using Analytics.Warehouse.Marts;
using Analytics.Warehouse.Marts.Rankings;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Publish;

/// <summary>The publication service as the web exports call it: names, notes, and writing to a response-like stream.</summary>
[Collection(PublishDataCollection.Name)]
public sealed class ProductPublicationTests(PublishData data) : IDisposable
{
    private static readonly ReportingPeriod Q3 = ReportingPeriod.Parse("2026Q3");

    /// <summary>Like the CLI: a read-only data source the service opens a connection from per call.</summary>
    private readonly DuckDbDataSource _catalog = DuckDbDataSource.File(data.Catalog, ("access_mode", "READ_ONLY"));

    private ProductPublication Service() => new(_catalog, new MetricsOptions());

    public void Dispose() => _catalog.Dispose();

    private string ACity()
    {
        using var db = data.Open();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT region_code FROM regions WHERE parent_code IS NOT NULL AND region_code IN (SELECT region_code FROM vacancies) ORDER BY region_code LIMIT 1";
        return (string)command.ExecuteScalar()!;
    }

    private string RegionName(string code)
    {
        using var db = data.Open();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT region_name FROM regions WHERE region_code = $1";
        command.Parameters.Add(new DuckDBParameter { Value = code });
        return (string)command.ExecuteScalar()!;
    }

    [Fact]
    public void File_names_say_product_period_and_scope_and_content_types_fit_the_format()
    {
        var service = Service();
        var city = ACity();
        service.Rankings(new RankingRequest(Q3)).FileName(ReportFormat.Xlsx).ShouldBe("最缺工职业排行_2026Q3.xlsx");
        service.Rankings(new RankingRequest(Q3, city, Kind: RankingKind.Surplus)).FileName(ReportFormat.Csv).ShouldBe($"求职大于招聘职业排行_2026Q3_{city}.csv");
        service.Wages(new WageRequest(2026)).FileName(ReportFormat.Html).ShouldBe("市场工资价位_2026.html");
        service.Margins(new MarginRequest(MonthRange.Parse("2026-01", "2026-06"), "A001")).FileName(ReportFormat.Json).ShouldBe("派遣项目成本收益_2026-01_2026-06_A001.json");
        service.Indicators(new IndicatorRequest(new DateOnly(2026, 9, 1), city)).FileName(ReportFormat.Csv).ShouldBe($"劳动力市场主要指标_2026-09_{city}.csv");

        PublishableReport.ContentType(ReportFormat.Xlsx).ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        PublishableReport.ContentType(ReportFormat.Csv).ShouldBe("text/csv; charset=utf-8");
        PublishableReport.ContentType(ReportFormat.Json).ShouldBe("application/json; charset=utf-8");
        PublishableReport.ContentType(ReportFormat.Html).ShouldBe("text/html; charset=utf-8");
    }

    [Fact]
    public void The_table_names_the_scope_from_the_regions_reference_data_the_batch_and_the_thresholds_used()
    {
        var city = ACity();
        var report = Service().Rankings(new RankingRequest(Q3, city, Top: 7));
        report.Table.TitleZh.ShouldBe($"最缺工职业排行（2026Q3，{RegionName(city)}）");
        report.Table.Notes.DataAsOf.ShouldBe(data.BatchId.ToString());
        report.Table.Notes.Thresholds.ShouldContain(new Analytics.Reports.Model.Threshold("列示职业数上限", "7") { NameEn = "top" });
        report.Table.Notes.Thresholds.ShouldContain(new Analytics.Reports.Model.Threshold("最低招聘人数", "10") { NameEn = "min_demand" });
        report.Table.Notes.Method.ShouldContain("不采用该加权值", customMessage: "the service's method paragraph");
        report.Table.Rows.Count.ShouldBeLessThanOrEqualTo(7);

        var wages = Service().Wages(new WageRequest(2026));
        wages.Table.TitleZh.ShouldBe("市场工资价位（2026，全部地区）");
        wages.Table.Notes.SuppressionLegend.ShouldBe("“样本不足”：样本少于 30 人，不公布工资数据。");

        var indicators = Service().Indicators(new IndicatorRequest(new DateOnly(2026, 9, 1)));
        indicators.Table.Notes.Thresholds.ShouldBe([new Analytics.Reports.Model.Threshold("附加税率", "0.12") { NameEn = "surtax_rate" }]);
        indicators.Table.Notes.DataAsOf.ShouldBe(data.BatchId.ToString());
    }

    [Fact]
    public void A_group_filters_the_published_list_before_its_totals_chart_and_group_counts_and_names_the_file()
    {
        var all = Service().Rankings(new RankingRequest(Q3));
        var codes = all.Table.IndexOf("occupation_code");
        var group = all.Table.Rows.Select(r => ((string)r.Values[codes]!)[..1]).GroupBy(g => g).OrderByDescending(g => g.Count()).First().Key;
        var expected = all.Table.Rows.Where(r => ((string)r.Values[codes]!).StartsWith(group + "-")).ToList();
        expected.Count.ShouldBeLessThan(all.Table.Rows.Count);

        var report = Service().Rankings(new RankingRequest(Q3, Group: group));
        static string Cells(Analytics.Reports.Model.ReportRow row) => System.Text.Json.JsonSerializer.Serialize(row.Values);
        report.Table.Rows.Select(Cells).ShouldBe(expected.Select(Cells));
        var demand = report.Table.IndexOf("demand");
        report.Table.Totals.Single().Values[demand].ShouldBe(expected.Sum(r => (long)r.Values[demand]!));
        report.Table.Chart!.Labels.Count.ShouldBe(expected.Count, "the chart shows the table's rows");
        report.Table.Notes.Remarks.ShouldBe([$"列入职业按大类：第{group}大类（{Analytics.Reports.Products.OccupationGroupNames.MajorNameZh(group)}）{expected.Count}个。"]);
        report.Table.TitleZh.ShouldBe($"最缺工职业排行（2026Q3，全部地区，第{group}大类（{Analytics.Reports.Products.OccupationGroupNames.MajorNameZh(group)}））");
        report.FileName(ReportFormat.Csv).ShouldBe($"最缺工职业排行_2026Q3_第{group}大类.csv");

        var medium = ((string)expected[0].Values[codes]!)[..4];
        var city = ACity();
        Service().Rankings(new RankingRequest(Q3, city, Group: medium)).FileName(ReportFormat.Xlsx).ShouldBe($"最缺工职业排行_2026Q3_{city}_中类{medium}.xlsx");
        Service().Wages(new WageRequest(2026, Group: "2-02-10")).FileName(ReportFormat.Html).ShouldBe("市场工资价位_2026_小类2-02-10.html");
        Should.Throw<MartValidationException>(() => Service().Wages(new WageRequest(2026, Group: "2-2")))
            .Message.ShouldBe("group must be an occupation group code like 2, 2-02 or 2-02-10");
    }

    [Fact]
    public void Thresholds_come_from_the_options_the_caller_passes()
    {
        using var db = data.Open();
        var strict = new ProductPublication(db, new MetricsOptions { RankingMinimum = 100_000 });
        var report = strict.Rankings(new RankingRequest(Q3));
        report.IsEmpty.ShouldBeTrue();
        report.EmptyReason.ShouldBe("no occupation meets the thresholds in 2026Q3 (全部地区): the shortage list needs demand > supply and demand ≥ 100000");
        report.Table.Notes.Thresholds.ShouldContain(new Analytics.Reports.Model.Threshold("最低招聘人数", "100000") { NameEn = "min_demand" });
    }

    [Fact]
    public void Margins_of_an_agency_are_titled_with_its_name()
    {
        var report = Service().Margins(new MarginRequest(MonthRange.Parse("2026-01", "2026-06"), "A001"));
        report.IsEmpty.ShouldBeFalse();
        using var db = data.Open();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT min(agency_name) FROM dispatch_projects WHERE agency_id = 'A001'";
        report.Table.TitleZh.ShouldBe($"派遣项目成本收益（2026-01至2026-06，{command.ExecuteScalar()}）");
        report.Table.Totals.ShouldNotBeEmpty("period totals per project go to the XLSX and HTML");
    }

    [Theory]
    [InlineData(ReportFormat.Xlsx)]
    [InlineData(ReportFormat.Csv)]
    public async Task Writing_to_a_non_seekable_async_only_stream_gives_the_same_file_as_writing_to_a_path(ReportFormat format)
    {
        var report = Service().Wages(new WageRequest(2026));
        var body = new ResponseLikeStream();
        await report.WriteAsync(format, body);

        var path = data.OutputFile($"stream-check.{PublishableReport.Extension(format)}");
        await report.WriteAsync(format, path);
        if (format == ReportFormat.Csv) body.Written.ToArray().ShouldBe(File.ReadAllBytes(path));
        else
        {
            var copy = data.OutputFile("from-stream.xlsx");
            File.WriteAllBytes(copy, body.Written.ToArray());
            using var book = new XlsxWorkbook(copy);
            book.ValidationErrors().ShouldBeEmpty();
            book.Text(book.Sheet("数据"), "A1").ShouldBe("地区");
        }
    }

    /// <summary>Like Kestrel's response body: forward only, and synchronous writes are refused.</summary>
    private sealed class ResponseLikeStream : Stream
    {
        public MemoryStream Written { get; } = new();
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => throw new InvalidOperationException("Synchronous operations are disallowed.");
        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => Written.WriteAsync(buffer, cancellationToken);
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Written.WriteAsync(buffer, offset, count, cancellationToken);
    }
}
