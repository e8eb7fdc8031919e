using Analytics.Tests.Warehouse.DuckDb;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Analytics.Dashboards.Cli;
using Analytics.Ingest.Reading;
using Analytics.Tests.Ingest;
using Analytics.Warehouse.DuckDb;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace Analytics.Tests.Reliability;

/// <summary>
/// After the real <c>analytics ingest</c> took in the demo data (plus a file named after a person with ids
/// in its id, code and wage columns), no lake value, rejects file, manifest, catalog record, file name
/// or line the process printed holds anything shaped like a resident ID number or any raw person id of
/// the inputs, and no publication holds a hashed id.
/// </summary>
public partial class PrivacyTests(ITestOutputHelper output)
{
    // Not the digits of a decimal fraction (charts write coordinates like 0.008609037037932761).
    [GeneratedRegex(@"(?<![0-9.])[1-9][0-9]{16}[0-9Xx](?![0-9])")] private static partial Regex ResidentIdShape();
    [GeneratedRegex("(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])")] private static partial Regex HashShape();

    private const string LeakyId = "11010519900307005X";

    private static readonly Dictionary<string, string> PersonIdColumns = new()
    {
        ["jobseekers"] = "seeker_id", ["employment"] = "person_id", ["unemployment"] = "person_id",
        ["retirees"] = "retiree_id", ["dispatch_settlements"] = "worker_id",
        ["site_roster"] = "worker_id", ["site_attendance"] = "worker_id", ["site_payroll"] = "worker_id",
    };

    private static readonly string[][] Products =
    [
        ["rankings", "--period", "2026Q3"], ["wages", "--year", "2026"],
        ["margins", "--from", "2026-01", "--to", "2026-06"], ["indicators", "--month", "2026-09"],
        // construction wage payment: counts and sums only, never the wage officer's drill-down (wage-payment.md C)
        ["wage-payment", "--kind", "projects", "--month", "2026-09", "--as-of", "2026-11-30"],
        ["wage-payment", "--kind", "rollup", "--month", "2026-09", "--as-of", "2026-11-30"],
        ["wage-payment", "--kind", "arrears", "--as-of", "2026-11-30"],
    ];

    [Fact]
    public async Task No_resident_id_or_raw_or_hashed_person_id_leaves_the_inputs()
    {
        using var sandbox = new IngestSandbox();
        SeedCorpus.WriteDemo(sandbox.Root, 0.05);
        // Ids where no person-id column expects them: the file's name, employer and posting ids, a shifted row, a wage.
        sandbox.Drop("vacancies", $"{LeakyId}.csv",
            "posting_id,registered_on,region_code,employer_id,occupation_code,positions,wage_min\n"
            + $"{LeakyId},2026-09-01,110105,{LeakyId},2-02-01-01,3,8000\n"
            + $"P-LEAK-2,2026-09-01,{LeakyId},2-02-01-01,3,8000\n"
            + $"P-LEAK-3,2026-09-01,110105,E1,2-02-01-01,3,{LeakyId}\n");
        var raw = RawIds(Path.Combine(sandbox.Root, "inbox"));
        raw.Count.ShouldBeGreaterThan(1000, "the demo inputs carry resident ids");
        var leaks = new List<string>();
        void Scan(string where, string text)
        {
            foreach (Match m in ResidentIdShape().Matches(text)) leaks.Add($"{where}: resident id {m.Value}");
        }

        // The real process, as an operator runs it: everything it prints is scanned too.
        var (exit, stdout, stderr) = await AnalyticsProcess.RunCapturedAsync(TimeSpan.FromMinutes(5), "ingest", "--json", "--data", sandbox.Root);
        exit.ShouldBe(0, stderr);
        var summary = JsonDocument.Parse(stdout).RootElement.EnumerateArray().ToList();
        summary.Sum(f => f.GetProperty("rows_rejected").GetInt64()).ShouldBeGreaterThan(0, "the demo's bad rows give rejects files to scan");
        Scan("ingest stdout", stdout);
        Scan("ingest stderr", stderr);

        // Every name below the data folder but the deliveries themselves (inbox/, and archive/ which keeps them as they came).
        var names = Directory.GetFileSystemEntries(sandbox.Root, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(sandbox.Root, path)).Where(name => !name.StartsWith("inbox") && !name.StartsWith("archive")).ToList();
        names.ShouldContain(name => name.EndsWith(".rejects.csv"));
        foreach (var name in names) Scan("file name", name);
        using (var source = DuckDbDataSource.File(Path.Combine(sandbox.Root, "warehouse.duckdb"), ("access_mode", "READ_ONLY")))
        using (var catalog = source.OpenConnection())
        {
            foreach (var table in new[] { "ingest_batches", "ingest_files" })
                foreach (var row in CatalogSnapshot.Rows(catalog, $"SELECT * FROM {table}")) Scan(table, row);
        }

        // The lake: every Parquet file's values through DuckDB, and the manifests as text.
        var hashed = new HashSet<string>();
        using (var connection = Memory.Open())
        {
            foreach (var file in Directory.GetFiles(Path.Combine(sandbox.Root, "lake"), "*", SearchOption.AllDirectories))
            {
                if (!file.EndsWith(".parquet")) { Scan(file, File.ReadAllText(file)); continue; }
                foreach (var row in CatalogSnapshot.Rows(connection, "SELECT * FROM read_parquet(?)", file))
                {
                    Scan(file, row);
                    foreach (var value in row.Split('|')) if (raw.Contains(value)) leaks.Add($"{file}: raw id {value}");
                }
                var dataset = Path.GetRelativePath(Path.Combine(sandbox.Root, "lake"), file).Split(Path.DirectorySeparatorChar)[0];
                if (PersonIdColumns.TryGetValue(dataset, out var column))
                    hashed.UnionWith(CatalogSnapshot.Rows(connection, $"SELECT {column} FROM read_parquet(?)", file));
            }
        }
        hashed.Count.ShouldBeGreaterThan(1000);
        hashed.ShouldAllBe(id => HashShape().IsMatch(id), "the lake's person ids are 32-hex hashes");

        var rejects = Directory.GetFiles(Path.Combine(sandbox.Root, "rejects"), "*.csv", SearchOption.AllDirectories);
        rejects.ShouldNotBeEmpty();
        foreach (var file in rejects) Scan(file, File.ReadAllText(file));

        var published = 0;
        foreach (var product in Products)
            foreach (var format in new[] { "csv", "xlsx", "json", "html" })
            {
                var path = Path.Combine(sandbox.Root, "out", $"{string.Join('_', product.Take(3))}.{format}");
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                var error = new StringWriter();
                var code = await AnalyticsCommandLine.RunAsync(["publish", .. product, "--format", format, "--out", path, "--data", sandbox.Root], new StringWriter(), error);
                code.ShouldBe(0, $"publish {string.Join(' ', product)} --format {format}: {error}");
                var text = PublishedText(path);
                text.Length.ShouldBeGreaterThan(100);
                Scan(path, text);
                foreach (Match m in HashShape().Matches(text))
                    if (hashed.Contains(m.Value)) leaks.Add($"{path}: hashed person id {m.Value}");
                published++;
            }

        output.WriteLine($"{raw.Count} raw ids, {hashed.Count} hashed ids, {rejects.Length} rejects files, {names.Count} file names, {stdout.Length + stderr.Length} characters of output, {published} publications scanned");
        leaks.Take(20).ShouldBeEmpty($"{leaks.Count} leaks");
    }

    /// <summary>Every resident-id-shaped value of the inbox files, as delivered (CSV in either encoding, JSON Lines, XLSX).</summary>
    private static HashSet<string> RawIds(string inbox)
    {
        var ids = new HashSet<string>();
        foreach (var file in Directory.GetFiles(inbox, "*", SearchOption.AllDirectories))
        {
            foreach (Match m in ResidentIdShape().Matches(Path.GetFileName(file))) ids.Add(m.Value.ToUpperInvariant());
            string text;
            if (file.EndsWith(".xlsx"))
            {
                using var source = new XlsxRecordSource(File.OpenRead(file));
                var builder = new StringBuilder();
                while (source.Read())
                    for (var i = 0; i < source.FieldCount; i++) builder.Append(Encoding.UTF8.GetString(source.Field(i))).Append(',');
                text = builder.ToString();
            }
            else text = (file.EndsWith(".csv") ? TextEncodings.Detect(file) : Encoding.UTF8).GetString(File.ReadAllBytes(file));
            foreach (Match m in ResidentIdShape().Matches(text))
            {
                ids.Add(m.Value);
                ids.Add(m.Value.ToUpperInvariant());
            }
        }
        return ids;
    }

    /// <summary>The text of a publication; for a workbook, every XML part inside it.</summary>
    private static string PublishedText(string path)
    {
        if (!path.EndsWith(".xlsx")) return File.ReadAllText(path);
        using var zip = ZipFile.OpenRead(path);
        return string.Concat(zip.Entries.Where(e => e.FullName.EndsWith(".xml")).Select(e => new StreamReader(e.Open()).ReadToEnd()));
    }
}
