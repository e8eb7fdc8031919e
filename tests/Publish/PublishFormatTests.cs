using System.Globalization;
using System.Text;
using System.Text.Json;
using Analytics.Tests.Reports;
using CsvHelper;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Publish;

/// <summary>Every product in every format, written by the real verb and read back.</summary>
[Collection(PublishDataCollection.Name)]
public sealed class PublishFormatTests(PublishData data)
{
    public static TheoryData<string> AllProducts => new(Products.All);

    [Theory, MemberData(nameof(AllProducts))]
    public async Task Json_is_an_array_of_objects_with_the_metrics_field_names_and_numbers_as_numbers(string product)
    {
        var path = data.OutputFile($"{product}.json");
        var run = await data.PublishAsync([.. Products.Arguments(product), "--format", "json", "--out", path]);
        run.ExitCode.ShouldBe(0, run.Stderr);

        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        var rows = json.RootElement.EnumerateArray().ToArray();
        rows.ShouldNotBeEmpty();
        foreach (var row in rows)
        {
            row.EnumerateObject().Select(p => p.Name).ShouldBe(Products.Fields(product));
            foreach (var field in Products.AlwaysNumbers(product)) row.GetProperty(field).ValueKind.ShouldBe(JsonValueKind.Number, field);
        }
    }

    [Theory, MemberData(nameof(AllProducts))]
    public async Task Csv_is_utf8_with_bom_and_the_field_names_as_header(string product)
    {
        var path = data.OutputFile($"{product}.csv");
        var run = await data.PublishAsync([.. Products.Arguments(product), "--format", "csv", "--out", path]);
        run.ExitCode.ShouldBe(0, run.Stderr);

        File.ReadAllBytes(path)[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        using var reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        using var csv = CsvReader.Create(reader, new CsvReaderOptions { HasHeader = false, AllowLineBreaksInQuotes = true }, leaveOpen: false);
        var records = new List<string[]>();
        while (csv.Read()) records.Add(Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray());
        records[0].ShouldBe(Products.Fields(product));
        records.Count.ShouldBeGreaterThan(1);
        var first = Array.IndexOf(records[0], Products.AlwaysNumbers(product)[0]);
        foreach (var record in records.Skip(1)) decimal.Parse(record[first], CultureInfo.InvariantCulture);
    }

    [Theory, MemberData(nameof(AllProducts))]
    public async Task Xlsx_is_a_valid_workbook_with_chinese_headers_and_notes(string product)
    {
        var path = data.OutputFile($"{product}.xlsx");
        var run = await data.PublishAsync([.. Products.Arguments(product), "--format", "xlsx", "--out", path]);
        run.ExitCode.ShouldBe(0, run.Stderr);

        using var book = new XlsxWorkbook(path);
        book.ValidationErrors().ShouldBeEmpty();
        book.SheetNames.ShouldContain("数据");
        book.SheetNames.ShouldContain("说明");
        book.Text(book.Sheet("数据"), "B1").ShouldMatch(@"\p{IsCJKUnifiedIdeographs}");
        book.AllTexts().ShouldContain($"数据截至批次 {data.BatchId}");
    }

    [Theory, MemberData(nameof(AllProducts))]
    public async Task Html_is_one_file_with_the_chinese_title_and_the_chart(string product)
    {
        var path = data.OutputFile($"{product}.html");
        var run = await data.PublishAsync([.. Products.Arguments(product), "--format", "html", "--out", path]);
        run.ExitCode.ShouldBe(0, run.Stderr);

        var html = File.ReadAllText(path);
        html.ShouldStartWith("<!DOCTYPE html>", Case.Insensitive);
        html.ShouldMatch(@"<title>[^<]*\p{IsCJKUnifiedIdeographs}[^<]*</title>");
        html.ShouldContain("Plotly.newPlot");
        html.ShouldNotContain("<script src=", Case.Insensitive, "self-contained: nothing fetched at view time");
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    public async Task Without_out_csv_and_json_go_to_stdout_and_progress_to_stderr(string format)
    {
        var run = await data.PublishAsync([.. Products.Rankings, "--top", "5", "--format", format]);
        run.ExitCode.ShouldBe(0, run.Stderr);
        if (format == "json") JsonDocument.Parse(run.Stdout).RootElement.GetArrayLength().ShouldBe(5);
        else
        {
            run.Stdout.ShouldStartWith("\uFEFFrank,occupation_code,");
            run.Stdout.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(6);
        }
        run.Stderr.ShouldContain("querying the warehouse");
        run.Stderr.ShouldContain("wrote 5 rows to stdout");
    }

    [Fact]
    public async Task An_existing_folder_as_out_receives_the_product_file_name_and_the_format_follows_the_extension_otherwise()
    {
        var folder = Path.GetDirectoryName(data.OutputFile("x"))!;
        var run = await data.PublishAsync([.. Products.Rankings, "--format", "xlsx", "--out", folder]);
        run.ExitCode.ShouldBe(0, run.Stderr);
        File.Exists(Path.Combine(folder, "最缺工职业排行_2026Q3.xlsx")).ShouldBeTrue();

        var inferred = data.OutputFile("inferred.json");
        (await data.PublishAsync([.. Products.Wages, "--out", inferred])).ExitCode.ShouldBe(0);
        JsonDocument.Parse(File.ReadAllBytes(inferred)).RootElement.ValueKind.ShouldBe(JsonValueKind.Array);
    }
}
