using System.Diagnostics;
using Analytics.Reports.Model;
using Analytics.Reports.Products;
using Analytics.Tests.Reliability;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Publish;

/// <summary>
/// <c>--format arrow</c> and <c>--format parquet</c> for every product, written by the real verb and read
/// back by Apache.Arrow's stream reader and by Parquet.Net: the JSON's columns in order and its values,
/// decimals exact with their scale (money decimal128(18,2), never a double), integers int64, months date32,
/// code lists list&lt;utf8&gt;, nulls kept.
/// </summary>
[Collection(PublishDataCollection.Name)]
public sealed class TypedFormatTests(PublishData data)
{
    public static TheoryData<string> AllProducts => new(Products.All);

    [Theory, MemberData(nameof(AllProducts))]
    public async Task Arrow_reads_back_equal_to_the_json_with_the_columns_types(string product)
    {
        var (json, names) = await JsonAsync(product);
        var arrow = TypedFile.ReadArrow(await PublishAsync(product, "arrow"));

        arrow.Names.ShouldBe(names);
        arrow.Types.ShouldBe(names.Select(name => ArrowType(Column(product, name))).ToArray());
        arrow.Rows.Count.ShouldBe(json.Rows.Count);
        for (var r = 0; r < json.Rows.Count; r++) arrow.Rows[r].ShouldBe(json.Rows[r], $"row {r}");
    }

    [Theory, MemberData(nameof(AllProducts))]
    public async Task Parquet_reads_back_with_parquet_net_equal_to_the_json(string product)
    {
        var (json, names) = await JsonAsync(product);
        var parquet = await TypedFile.ReadParquetAsync(await PublishAsync(product, "parquet"));

        parquet.Names.ShouldBe(names);
        parquet.Types.ShouldBe(names.Select(name => ParquetType(Column(product, name))).ToArray());
        parquet.Rows.Count.ShouldBe(json.Rows.Count);
        for (var r = 0; r < json.Rows.Count; r++) parquet.Rows[r].ShouldBe(json.Rows[r], $"row {r}");
    }

    [Fact]
    public async Task Money_is_decimal128_with_two_decimals_and_withheld_wages_stay_null()
    {
        var margins = TypedFile.ReadArrow(await PublishAsync("margins", "arrow"));
        margins.Types[margins.Names.ToList().IndexOf("payroll")].ShouldBe("decimal128(18,2)");
        margins.Types[margins.Names.ToList().IndexOf("alerts")].ShouldBe("list<utf8>");

        var wages = TypedFile.ReadArrow(await PublishAsync("wages", "arrow"));
        var (suppressed, p50) = (wages.Names.ToList().IndexOf("suppressed"), wages.Names.ToList().IndexOf("p50"));
        var withheld = wages.Rows.Where(row => row[suppressed] == "true").ToList();
        withheld.ShouldNotBeEmpty("the demo data has suppressed wage cells");
        withheld.ShouldAllBe(row => row[p50] == TypedFile.Null);
    }

    [Fact]
    public async Task An_empty_table_is_a_valid_stream_and_file_with_the_columns()
    {
        string[] unknownAgency = [.. Products.Margins, "--agency", "NO-SUCH-AGENCY"];
        var names = TypedFile.ReadArrow(await PublishAsync("margins", "arrow")).Names;

        var arrow = TypedFile.ReadArrow(await PublishAsync("margins-empty", "arrow", unknownAgency));
        arrow.Rows.ShouldBeEmpty();
        arrow.Names.ShouldBe(names);
        var parquet = await TypedFile.ReadParquetAsync(await PublishAsync("margins-empty", "parquet", unknownAgency));
        parquet.Rows.ShouldBeEmpty();
        parquet.Names.ShouldBe(names);
    }

    [Fact]
    public async Task Arrow_goes_to_a_redirected_stdout_as_the_files_bytes_and_parquet_needs_out()
    {
        var file = await PublishAsync("rankings", "arrow");
        var (code, stdout, stderr) = await RunBinaryAsync(["publish", .. Products.Rankings, "--format", "arrow", "--data", data.Root]);
        code.ShouldBe(0, stderr);
        stdout.ShouldBe(file);

        var (parquetCode, parquetOut, parquetErr) = await RunBinaryAsync(["publish", .. Products.Rankings, "--format", "parquet", "--data", data.Root]);
        parquetCode.ShouldBe(2);
        parquetOut.ShouldBeEmpty();
        parquetErr.ShouldContain("--out is required with --format parquet");
    }

    [Fact]
    public async Task The_format_follows_the_out_extension()
    {
        var path = data.OutputFile("inferred.parquet");
        var run = await data.PublishAsync([.. Products.Wages, "--out", path]);
        run.ExitCode.ShouldBe(0, run.Stderr);
        File.ReadAllBytes(path)[..4].ShouldBe("PAR1"u8.ToArray());
        var arrow = data.OutputFile("inferred.arrow");
        (await data.PublishAsync([.. Products.Wages, "--out", arrow])).ExitCode.ShouldBe(0);
        TypedFile.ReadArrow(File.ReadAllBytes(arrow)).Rows.ShouldNotBeEmpty();
    }

    private async Task<(TypedFile Json, string[] Names)> JsonAsync(string product)
    {
        var bytes = await PublishAsync(product, "json");
        using var document = System.Text.Json.JsonDocument.Parse(bytes);
        var names = document.RootElement[0].EnumerateObject().Select(p => p.Name).ToArray();
        return (TypedFile.ReadJson(bytes, names), names);
    }

    private async Task<byte[]> PublishAsync(string name, string format, string[]? arguments = null)
    {
        var path = data.OutputFile($"typed-{name}.{format}");
        var run = await data.PublishAsync([.. arguments ?? Products.Arguments(name), "--format", format, "--out", path]);
        run.ExitCode.ShouldBe(0, run.Stderr);
        return File.ReadAllBytes(path);
    }

    /// <summary>The real analytics process, its stdout read as bytes (an Arrow stream is binary).</summary>
    private static async Task<(int Code, byte[] Stdout, string Stderr)> RunBinaryAsync(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(AnalyticsProcess.Dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        using var stdout = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(limit.Token);
        await copy;
        return (process.ExitCode, stdout.ToArray(), await stderr);
    }

    /// <summary>The product's column definition (reports/Products), which both typed formats render.</summary>
    public static ReportColumn Column(string product, string field)
    {
        var none = new Dictionary<string, string>();
        IReadOnlyList<ReportColumn> columns = product switch
        {
            "rankings" => RankingReport.Columns(none),
            "wages" => WageReport.Columns(none),
            "margins" => MarginReport.Columns(new Analytics.Warehouse.Marts.MetricsOptions()),
            "indicators" => IndicatorReport.Columns,
            "structure" => StructureReport.Columns(Analytics.Warehouse.Marts.Structure.StructureBreakdown.Education),
            _ => throw new ArgumentOutOfRangeException(nameof(product)),
        };
        return columns.Single(c => c.Field == field);
    }

    public static string ArrowType(ReportColumn column) => column.Kind switch
    {
        ColumnKind.Integer => "int64",
        ColumnKind.Money or ColumnKind.Ratio or ColumnKind.Percent or ColumnKind.Wage => $"decimal128({column.Precision},{column.Scale})",
        ColumnKind.Date or ColumnKind.Month => "date32",
        ColumnKind.Codes => "list<utf8>",
        ColumnKind.Boolean => "bool",
        _ => "utf8",
    };

    private static string ParquetType(ReportColumn column) => column.Kind switch
    {
        ColumnKind.Integer => "Int64",
        ColumnKind.Money or ColumnKind.Ratio or ColumnKind.Percent or ColumnKind.Wage => $"decimal({column.Precision},{column.Scale})",
        ColumnKind.Date or ColumnKind.Month => "DateOnly",
        ColumnKind.Codes => "list<String>",
        ColumnKind.Boolean => "Boolean",
        _ => "String",
    };
}
