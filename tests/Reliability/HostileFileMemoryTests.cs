using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Analytics.Tests.Ingest;
using Analytics.Warehouse.DuckDb;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace Analytics.Tests.Reliability;

/// <summary>
/// The real `analytics ingest` process over small or plain hostile files; its peak resident memory
/// (VmHWM of /proc/&lt;pid&gt;/status, read when it exits) stays under 1 GiB and the file is rejected or
/// failed with the limit named. Before the limits these took 4–5 GB.
/// </summary>
[Collection(SerialCollection.Name)]
public class HostileFileMemoryTests(ITestOutputHelper output)
{
    private const long OneGiB = 1L << 30;
    private const string CostsHeader = "month,project_id,category,amount,cost_id";

    [Fact]
    public async Task A_workbook_with_one_50_million_character_shared_string_fails_naming_the_limit_within_1_GiB()
    {
        using var data = new IngestSandbox();
        HostileWorkbook.Write(Path.Combine(data.Root, "inbox", "dispatch_costs", "huge.xlsx"),
            w => w.Write("<sheetData>" + HostileWorkbook.Row(1, CostsHeader.Split(',')) + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c></row></sheetData>"),
            w =>
            {
                w.Write("<si><t>");
                var chunk = new string('长', 1 << 20);
                for (var i = 0; i < 50; i++) w.Write(chunk);
                w.Write("</t></si>");
            });

        var (file, peak) = await IngestAsync(data.Root);
        Report("XLSX, one shared string of 52 M characters", data, peak);

        file.GetProperty("status").GetString().ShouldBe("failed");
        file.GetProperty("error").GetString().ShouldBe("shared string 1 is longer than 32,767 characters (Ingest:MaxFieldChars)");
        peak.ShouldBeLessThan(OneGiB);
    }

    [Fact]
    public async Task A_csv_of_100000_columns_by_2100_rows_rejects_every_row_within_1_GiB()
    {
        using var data = new IngestSandbox();
        var row = "2026-09,PR1,other,1.00,K" + new string(',', 100_000 - 5) + "\n";
        WriteCsv(data, "wide.csv", w => { for (var i = 0; i < 2_100; i++) w.Write(row); });

        var (file, peak) = await IngestAsync(data.Root);
        Report("CSV, 100,000 columns × 2,100 rows", data, peak);

        file.GetProperty("status").GetString().ShouldBe("loaded");
        file.GetProperty("rows_rejected").GetInt64().ShouldBe(2_100);
        var rejects = File.ReadLines(Path.Combine(data.Root, file.GetProperty("rejects").GetString()!)).Skip(1).First();
        rejects.ShouldBe("2,,\"more than 1,000 columns (Ingest:MaxColumns)\",\"100,000 columns\"");
        peak.ShouldBeLessThan(OneGiB);
    }

    [Fact]
    public async Task A_csv_line_of_200_MB_without_a_line_end_is_rejected_within_1_GiB()
    {
        using var data = new IngestSandbox();
        WriteCsv(data, "oneline.csv", w =>
        {
            w.Write("2026-09,PR1,other,1.00,K1\n2026-09,PR1,");
            var chunk = new string('x', 1 << 20);
            for (var i = 0; i < 200; i++) w.Write(chunk);
        });

        var (file, peak) = await IngestAsync(data.Root);
        Report("CSV, one line of 200 MiB without a line end", data, peak);

        file.GetProperty("status").GetString().ShouldBe("loaded");
        (file.GetProperty("rows_loaded").GetInt64(), file.GetProperty("rows_rejected").GetInt64()).ShouldBe((1L, 1L));
        File.ReadLines(Path.Combine(data.Root, file.GetProperty("rejects").GetString()!)).Skip(1)
            .ShouldBe(["3,,\"row longer than 4,194,304 bytes (Ingest:MaxRowBytes)\","]);
        peak.ShouldBeLessThan(OneGiB);
    }

    [Fact]
    public async Task A_sheet_with_a_200_MB_attribute_and_200_MB_of_stray_text_fails_within_1_GiB()
    {
        using var data = new IngestSandbox();
        HostileWorkbook.Write(Path.Combine(data.Root, "inbox", "dispatch_costs", "stray.xlsx"), w =>
        {
            w.Write("<sheetData>" + HostileWorkbook.Row(1, CostsHeader.Split(',')) + "<row r=\"2\">");
            var chunk = new string('x', 1 << 20);
            for (var i = 0; i < 200; i++) w.Write(chunk); // text where only cells belong
            w.Write("<c r=\"A2\" t=\"inlineStr\" junk=\"");
            for (var i = 0; i < 200; i++) w.Write(chunk); // an attribute nobody reads
            w.Write("\"><is><t>2026-09</t></is></c></row></sheetData>");
        });

        var (file, peak) = await IngestAsync(data.Root);
        Report("XLSX, 200 MiB of stray text and a 200 MiB attribute in the sheet", data, peak);

        file.GetProperty("status").GetString().ShouldBe("failed");
        file.GetProperty("error").GetString().ShouldBe("damaged workbook: an XML tag longer than 1,048,576 bytes");
        peak.ShouldBeLessThan(OneGiB);
    }

    [Fact]
    public async Task A_workbook_at_the_shared_string_limit_with_rows_of_32767_character_values_is_read_within_1_GiB()
    {
        using var data = new IngestSandbox();
        const int strings = 1_520, rows = 4_000; // 1,520 × (32,767 + 1) characters: just under the 50,000,000 of the table
        HostileWorkbook.Write(Path.Combine(data.Root, "inbox", "dispatch_costs", "full.xlsx"), w =>
        {
            w.Write("<sheetData>" + HostileWorkbook.Row(1, CostsHeader.Split(',')));
            for (var r = 2; r < rows + 2; r++)
            {
                // Every row's category is a longest-possible shared string: read, validated, rejected with its value cut short.
                w.Write($"<row r=\"{r}\"><c r=\"A{r}\" t=\"inlineStr\"><is><t>2026-09</t></is></c><c r=\"B{r}\" t=\"inlineStr\"><is><t>PR1</t></is></c>");
                w.Write($"<c r=\"C{r}\" t=\"s\"><v>{r % strings}</v></c><c r=\"D{r}\"><v>1.5</v></c><c r=\"E{r}\" t=\"inlineStr\"><is><t>K{r}</t></is></c></row>");
            }
            w.Write("</sheetData>");
        }, w =>
        {
            for (var i = 0; i < strings; i++) w.Write($"<si><t>{i:D5}{new string('长', 32_767 - 5)}</t></si>");
        });

        var (file, peak) = await IngestAsync(data.Root);
        Report("XLSX at the limits: 49.8 M characters of shared strings, 4,000 rows of 32,767-character values", data, peak);

        file.GetProperty("status").GetString().ShouldBe("loaded");
        (file.GetProperty("rows_loaded").GetInt64(), file.GetProperty("rows_rejected").GetInt64()).ShouldBe((0L, 4_000L));
        var reject = File.ReadLines(Path.Combine(data.Root, file.GetProperty("rejects").GetString()!)).Skip(1).First();
        reject.ShouldStartWith("2,category,");
        reject.ShouldEndWith("… (32,767 characters)\"");
        peak.ShouldBeLessThan(OneGiB);
    }

    [Fact]
    public async Task A_csv_whose_loaded_rows_carry_32767_character_values_is_loaded_within_1_GiB()
    {
        using var data = new IngestSandbox();
        const int rows = 4_000;
        WriteCsv(data, "long.csv", w =>
        {
            for (var r = 0; r < rows; r++)
            {
                // Every employer id is a distinct longest-possible value (98 KB of UTF-8); every other row breaks a rule and is rejected.
                var employer = $"{r:D5}{new string('长', 32_767 - 5)}";
                w.Write($"V{r},2026-09-{r % 28 + 1:D2},110101,{employer},A12,1-23-45-67,{(r % 2 == 0 ? 3 : 0)},3000.00,4000.00,bachelor,online\n");
            }
        }, "vacancies", VacanciesHeader);

        var (file, peak) = await IngestAsync(data.Root);
        Report("CSV, 2,000 loaded + 2,000 rejected rows of distinct 32,767-character values", data, peak);

        file.GetProperty("status").GetString().ShouldBe("loaded", file.ToString());
        (file.GetProperty("rows_loaded").GetInt64(), file.GetProperty("rows_rejected").GetInt64()).ShouldBe((2_000L, 2_000L));
        using var memory = DuckDbDataSource.InMemory();
        using var lake = memory.OpenConnection();
        var glob = Path.Combine(data.Root, "lake", "vacancies", "**", "*.parquet").Replace("'", "''");
        lake.ExecuteScalar($"SELECT count(*) FROM read_parquet('{glob}') WHERE length(employer_id) = 32767").ShouldBe(2_000L);
        peak.ShouldBeLessThan(OneGiB);
    }

    private const string VacanciesHeader = "posting_id,registered_on,region_code,employer_id,industry_code,occupation_code,positions,wage_min,wage_max,education_min,channel";

    private static void WriteCsv(IngestSandbox data, string name, Action<TextWriter> rows, string dataset = "dispatch_costs", string header = CostsHeader)
    {
        var path = Path.Combine(data.Root, "inbox", dataset, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write(header + "\n");
        rows(writer);
    }

    private void Report(string what, IngestSandbox data, long peak)
    {
        var input = Directory.EnumerateFiles(Path.Combine(data.Root, "inbox"), "*", SearchOption.AllDirectories).Concat(
            Directory.Exists(Path.Combine(data.Root, "archive")) ? Directory.EnumerateFiles(Path.Combine(data.Root, "archive"), "*", SearchOption.AllDirectories) : []).Sum(f => new FileInfo(f).Length);
        output.WriteLine($"{what}: file {input / 1024.0 / 1024:N1} MiB, peak RSS {peak / 1024.0 / 1024:N0} MiB");
    }

    /// <summary>Runs `analytics ingest --json` to its end; returns its single file result and its peak resident memory in bytes.</summary>
    private static async Task<(JsonElement File, long PeakBytes)> IngestAsync(string dataDirectory)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { AnalyticsProcess.Dll, "ingest", "--json", "--data", dataDirectory }) info.ArgumentList.Add(a);
        info.Environment["Ingest__IdHashKey"] = AnalyticsProcess.IdHashKey;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        while (!process.HasExited)
        {
            // VmHWM is the process's own high-water mark, so polling only has to catch it before it exits.
            try { peak = Math.Max(peak, HighWaterMark(process.Id)); } catch (IOException) { }
            await Task.Delay(50, limit.Token);
        }
        await process.WaitForExitAsync(limit.Token);
        var json = await stdout;
        (await stderr).ShouldNotContain("Unhandled exception");
        peak.ShouldBeGreaterThan(0);
        return (JsonDocument.Parse(json).RootElement.EnumerateArray().Single().Clone(), peak);
    }

    private static long HighWaterMark(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0]) * 1024;
        return 0;
    }
}
