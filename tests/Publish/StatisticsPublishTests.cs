using System.Globalization;
using System.Text;
using System.Text.Json;
using Analytics.Dashboards.Cli;
using Analytics.Reports.Products;
using Analytics.Tests.Reports;
using Analytics.Warehouse.Marts;
using Analytics.Warehouse.Marts.Indicators;
using Analytics.Warehouse.Marts.Rankings;
using Analytics.Warehouse.Marts.Structure;
using Shouldly;
using CsvHelper;
using Xunit;

namespace Analytics.Tests.Publish;

/// <summary>
/// compliance-and-statistics.md C2 through the real verb over the demo lake: the indicators' new
/// fields and companions, <c>publish structure</c> and <c>publish release</c>, each read back from every
/// format and compared with the query services; good and bad flags exit 0 / 2 (1 without a lake).
/// </summary>
[Collection(PublishDataCollection.Name)]
public sealed class StatisticsPublishTests(PublishData data)
{
    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private async Task<byte[]> PublishAsync(string name, string format, params string[] arguments)
    {
        var path = data.OutputFile($"statistics-{name}.{format}");
        var run = await data.PublishAsync([.. arguments, "--format", format, "--out", path]);
        run.ExitCode.ShouldBe(0, run.Stderr);
        return File.ReadAllBytes(path);
    }

    /// <summary>A JSON value as comparable text: numbers normalised ("12.0" → "12"), null "∅".</summary>
    private static string Cell(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => TypedFile.Null,
        JsonValueKind.Number => value.GetDecimal().ToString("0.############", CultureInfo.InvariantCulture),
        JsonValueKind.True or JsonValueKind.False => value.GetBoolean() ? "true" : "false",
        _ => value.GetString()!,
    };

    private static string Cell(string text) =>
        text.Length == 0 ? TypedFile.Null
        : decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? number.ToString("0.############", CultureInfo.InvariantCulture)
        : text;

    private static List<string[]> Csv(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        using var csv = CsvReader.Create(reader, new CsvReaderOptions { HasHeader = false, AllowLineBreaksInQuotes = true }, leaveOpen: false);
        var records = new List<string[]>();
        while (csv.Read()) records.Add(Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray());
        return records;
    }

    private static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column(index / 26 - 1) + (char)('A' + index % 26);

    [Fact]
    public async Task Indicator_json_states_every_new_field_of_the_service_in_the_order_of_b3()
    {
        var json = JsonDocument.Parse(await PublishAsync("indicators", "json", Products.Indicators)).RootElement.EnumerateArray().ToArray();
        using var db = data.Open();
        var rows = new IndicatorService(db).GetMonthly(new DateOnly(2026, 9, 1));
        json.Length.ShouldBe(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            json[i].EnumerateObject().Select(p => p.Name).ShouldBe(Products.Fields("indicators"));
            var service = JsonSerializer.SerializeToElement(rows[i], SnakeCase);
            foreach (var field in Products.IndicatorFields)
                Cell(json[i].GetProperty(field)).ShouldBe(Cell(service.GetProperty(field)), $"row {i}, {field}");
        }
        // the demo has benefit recipients, retirements and two years of registrations: the new figures are not all zero
        rows[0].DemandYtd.ShouldBeGreaterThan(rows[0].Demand);
        rows[0].DemandYtdLy.ShouldBeGreaterThan(0);
        rows[0].NewRetirees.ShouldBeGreaterThan(0);
        rows[0].UiRecipientsYtd.ShouldBeGreaterThanOrEqualTo(rows[0].UiRecipients);
    }

    [Theory]
    [InlineData("indicators")]
    [InlineData("structure")]
    public async Task Csv_and_xlsx_read_back_equal_to_the_json_field_by_field(string product)
    {
        var json = JsonDocument.Parse(await PublishAsync(product, "json", Products.Arguments(product))).RootElement.EnumerateArray().ToArray();
        var fields = Products.Fields(product);
        var csv = Csv(await PublishAsync(product, "csv", Products.Arguments(product)));
        csv[0].ShouldBe(fields);
        csv.Count.ShouldBe(json.Length + 1);

        var xlsxPath = data.OutputFile($"statistics-{product}-readback.xlsx");
        (await data.PublishAsync([.. Products.Arguments(product), "--format", "xlsx", "--out", xlsxPath])).ExitCode.ShouldBe(0);
        using var book = new XlsxWorkbook(xlsxPath);
        var sheet = book.Sheet("数据");
        var columns = product == "indicators" ? IndicatorReport.Columns : StructureReport.Columns(StructureBreakdown.Education);
        for (var r = 0; r < json.Length; r++)
            for (var c = 0; c < fields.Length; c++)
            {
                var expected = Cell(json[r].GetProperty(fields[c]));
                Cell(csv[r + 1][c]).ShouldBe(expected, $"csv row {r}, {fields[c]}");
                var column = columns.Single(x => x.Field == fields[c]);
                if (column.Kind is Analytics.Reports.Model.ColumnKind.Text or Analytics.Reports.Model.ColumnKind.Boolean or Analytics.Reports.Model.ColumnKind.Month) continue;
                var cell = book.Text(sheet, $"{Column(c)}{r + 2}");
                (cell is "" or "—" ? TypedFile.Null : Cell(cell)).ShouldBe(expected, $"xlsx row {r}, {fields[c]}");
            }
        book.Text(sheet, $"{Column(Array.IndexOf(fields, product == "indicators" ? "new_employment_ytd_yoy_pct" : "supply_share_pct"))}1")
            .ShouldBe(product == "indicators" ? "新增就业人数（1至本月累计）同比增长（%）" : "求职占比（%）");
    }

    [Fact]
    public async Task Html_indicators_head_every_companion_in_chinese()
    {
        var html = Encoding.UTF8.GetString(await PublishAsync("indicators", "html", Products.Indicators));
        foreach (var header in new[] { "长期失业人数", "长期失业占比（%）同比增减（百分点）", "累计领取人数", "领金期间已就业待核实人数",
                     "新增退休人员数（上年同月）", "派遣毛利（1至本月累计）同比增长（%）", "求人倍率同比增减" })
            html.ShouldContain(header);
    }

    [Fact]
    public async Task Structure_json_equals_the_structure_service()
    {
        var json = JsonDocument.Parse(await PublishAsync("structure-gender", "json", "structure", "--period", "2026Q3", "--breakdown", "gender")).RootElement;
        using var db = data.Open();
        var rows = new StructureService(db).Get(ReportingPeriod.Parse("2026Q3"), StructureBreakdown.Gender).Rows;
        json.GetArrayLength().ShouldBe(rows.Count);
        rows.Select(r => r.Key).ShouldBe(new[] { "M", "F", "unknown" }.Where(k => rows.Any(r => r.Key == k)));
        for (var i = 0; i < rows.Count; i++)
        {
            var service = JsonSerializer.SerializeToElement(rows[i], SnakeCase);
            foreach (var field in Products.Fields("structure")) Cell(json[i].GetProperty(field)).ShouldBe(Cell(service.GetProperty(field)), field);
            json[i].GetProperty("demand").ValueKind.ShouldBe(JsonValueKind.Null); // vacancies carry no gender
        }
        // the gender supply shares of the demo's jobseekers add to 100.0 ± rounding
        rows.Sum(r => r.SupplySharePct!.Value).ShouldBeInRange(99.8m, 100.2m);
    }

    [Fact]
    public async Task Release_json_is_one_object_of_the_release_figures()
    {
        var json = JsonDocument.Parse(await PublishAsync("release", "json", "release", "--period", "2026Q3", "--top", "20")).RootElement;
        using var db = data.Open();
        var release = new RankingReleaseService(db).Get(ReportingPeriod.Parse("2026Q3"), top: 20);
        json.ValueKind.ShouldBe(JsonValueKind.Object);
        json.GetProperty("demand_total").GetInt64().ShouldBe(release.DemandTotal);
        json.GetProperty("supply_total_prev").GetInt64().ShouldBe(release.SupplyTotalPrev);
        Cell(json.GetProperty("ratio_total")).ShouldBe(release.RatioTotal?.ToString(CultureInfo.InvariantCulture) ?? TypedFile.Null);
        Cell(json.GetProperty("demand_change_pct")).ShouldBe(release.DemandChangePct?.ToString("0.#", CultureInfo.InvariantCulture) ?? TypedFile.Null);
        Cell(json.GetProperty("ratio_change")).ShouldBe(release.RatioChange?.ToString("0.##", CultureInfo.InvariantCulture) ?? TypedFile.Null);
        json.GetProperty("newly_listed").GetInt32().ShouldBe(release.NewlyListed);
        json.GetProperty("newly_listed_occupations").EnumerateArray().Select(e => e.GetString()).ShouldBe(release.NewlyListedOccupations.Select(o => o.OccupationCode));
        json.GetProperty("dropped_occupations").GetArrayLength().ShouldBe(release.Dropped);
        (json.GetProperty("moved_up").GetInt32() + json.GetProperty("moved_down").GetInt32() + json.GetProperty("unchanged").GetInt32() + json.GetProperty("newly_listed").GetInt32())
            .ShouldBe(json.GetProperty("listed").GetInt32()); // every listed row is new, up, down or unchanged
        var entering = json.GetProperty("top_entering").EnumerateArray().ToArray();
        entering.Select(e => e.GetProperty("occupation_code").GetString()).ShouldBe(release.TopEntering.Select(m => m.OccupationCode));
        foreach (var e in entering) e.EnumerateObject().Select(p => p.Name).ShouldBe(["occupation_code", "rank", "previous_rank"]);
        var groups = json.GetProperty("major_groups").EnumerateArray().ToArray();
        groups.Select(g => g.GetProperty("group").GetString()).ShouldBe(release.MajorGroups.Select(g => g.Group));
        groups[0].EnumerateObject().Select(p => p.Name).ShouldBe(["group", "name", "listed", "listed_prev", "change", "share_pct"]);
        groups.Sum(g => g.GetProperty("listed").GetInt32()).ShouldBe(release.Listed);
    }

    [Fact]
    public async Task Release_csv_arrow_and_parquet_are_the_json_leaves_as_figure_and_value()
    {
        var json = JsonDocument.Parse(await PublishAsync("release-leaves", "json", "release", "--period", "2026Q3", "--top", "20")).RootElement;
        var leaves = new List<(string, string)>();
        void Walk(JsonElement e, string path)
        {
            if (e.ValueKind == JsonValueKind.Object) foreach (var p in e.EnumerateObject()) Walk(p.Value, path.Length == 0 ? p.Name : $"{path}.{p.Name}");
            else if (e.ValueKind == JsonValueKind.Array) { var i = 0; foreach (var item in e.EnumerateArray()) Walk(item, $"{path}.{++i}"); }
            else leaves.Add((path, Cell(e)));
        }
        Walk(json, "");
        leaves.ShouldContain(l => l.Item1 == "top_leaving.1.occupation_code" || l.Item1 == "top_entering.1.rank" || l.Item1 == "major_groups.1.share_pct");

        var csv = Csv(await PublishAsync("release", "csv", "release", "--period", "2026Q3", "--top", "20"));
        csv[0].ShouldBe(["figure", "value"]);
        csv.Skip(1).Select(r => (r[0], Cell(r[1]))).ShouldBe(leaves);

        var arrow = TypedFile.ReadArrow(await PublishAsync("release", "arrow", "release", "--period", "2026Q3", "--top", "20"));
        arrow.Names.ShouldBe(["figure", "value"]);
        arrow.Rows.Select(r => (r[0], Cell(r[1] == TypedFile.Null ? "" : r[1]))).ShouldBe(leaves);
        var parquet = await TypedFile.ReadParquetAsync(await PublishAsync("release", "parquet", "release", "--period", "2026Q3", "--top", "20"));
        parquet.Rows.Select(r => (r[0], Cell(r[1] == TypedFile.Null ? "" : r[1]))).ShouldBe(leaves);
    }

    [Fact]
    public async Task Release_xlsx_and_html_name_the_occupations_and_the_rankings_notes_carry_the_release()
    {
        using var db = data.Open();
        var release = new RankingReleaseService(db).Get(ReportingPeriod.Parse("2026Q3"), top: 20);
        var named = release.NewlyListedOccupations.Concat(release.DroppedOccupations).First(o => o.OccupationName is not null);

        var xlsxPath = data.OutputFile("release.xlsx");
        (await data.PublishAsync("release", "--period", "2026Q3", "--top", "20", "--format", "xlsx", "--out", xlsxPath)).ExitCode.ShouldBe(0);
        using (var book = new XlsxWorkbook(xlsxPath))
        {
            book.ValidationErrors().ShouldBeEmpty();
            var texts = book.AllTexts().ToArray();
            texts.ShouldContain($"{named.OccupationCode} {named.OccupationName}");
            texts.ShouldContain("需求人数合计增减（%）");
            texts.ShouldContain(t => t.StartsWith($"本期特点：列入职业{release.Listed}个"), string.Join("\n", texts.Where(t => t.Contains("本期"))));
        }
        var html = Encoding.UTF8.GetString(await PublishAsync("release", "html", "release", "--period", "2026Q3", "--top", "20"));
        html.ShouldContain($"{named.OccupationCode} {named.OccupationName}");
        html.ShouldContain("进入前10名");

        // the ranking's own XLSX notes and HTML footer state the same figures
        var rankingHtml = Encoding.UTF8.GetString(await PublishAsync("ranking-release", "html", "rankings", "--period", "2026Q3", "--top", "20"));
        foreach (var remark in ReleaseReport.Remarks(release)) rankingHtml.ShouldContain(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All).Encode(remark));
        var rankingXlsx = data.OutputFile("ranking-release.xlsx");
        (await data.PublishAsync("rankings", "--period", "2026Q3", "--top", "20", "--format", "xlsx", "--out", rankingXlsx)).ExitCode.ShouldBe(0);
        using var ranking = new XlsxWorkbook(rankingXlsx);
        ranking.AllTexts().ShouldContain(ReleaseReport.Remarks(release)[0]);
    }

    [Theory]
    [InlineData(0, "structure", "--period", "2026Q3", "--breakdown", "age_band", "--region", "440000")]
    [InlineData(0, "structure", "--period", "2026-09", "--breakdown", "INDUSTRY")]
    [InlineData(0, "release", "--period", "2026Q3", "--kind", "surplus", "--region", "440000")]
    [InlineData(0, "release", "--period", "2026-09", "--top", "5")]
    [InlineData(2, "structure", "--period", "2026Q3", "--breakdown", "age")]
    [InlineData(2, "structure", "--period", "2026Q3")]
    [InlineData(2, "structure", "--period", "2026Q5", "--breakdown", "gender")]
    [InlineData(2, "structure", "--period", "2026Q3", "--breakdown", "gender", "--region", "999999")]
    [InlineData(2, "release", "--period", "2026Q3", "--top", "0")]
    [InlineData(2, "release", "--period", "2026Q3", "--kind", "weird")]
    [InlineData(2, "release", "--kind", "surplus")]
    [InlineData(2, "release", "--period", "2026Q3", "--region", "4403")]
    [InlineData(2, "indicators", "--month", "2026-13")]
    public async Task Good_and_bad_flags_exit_0_or_2(int exit, params string[] args)
    {
        var run = await data.PublishAsync([.. args, "--format", "json"]);
        run.ExitCode.ShouldBe(exit, run.Stderr);
        if (exit == 0) JsonDocument.Parse(run.Stdout);
        else run.Stdout.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("structure", "--period", "2026Q3", "--breakdown", "gender")]
    [InlineData("release", "--period", "2026Q3")]
    public async Task Without_a_lake_the_new_verbs_fail_with_exit_1(params string[] args)
    {
        var empty = Directory.CreateTempSubdirectory("publish-empty-").FullName;
        try
        {
            var (output, error) = (new StringWriter(), new StringWriter());
            var code = await AnalyticsCommandLine.RunAsync(["publish", .. args, "--format", "json", "--data", empty], output, error);
            code.ShouldBe(AnalyticsCommandLine.Failed, error.ToString());
            error.ToString().ShouldContain("run ingest first");
        }
        finally { Directory.Delete(empty, recursive: true); }
    }
}
