using System.Diagnostics;
using System.IO.Compression;
using Analytics.Ingest.Demo;
using Analytics.Tests.Dashboards;
using Analytics.Tests.Publish;
using Microsoft.Playwright;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace Analytics.Tests.Reliability;

/// <summary>
/// The command line while a real <c>analytics serve</c> process runs on the same data folder (and holds
/// warehouse.duckdb read-write): <c>publish</c> of every product and format succeeds and writes the
/// dashboard export's bytes, and a CLI <c>ingest</c> reaches a page open in Chromium within 2 s of its exit.
/// The host's scheduler is off, so only its watching of lake/_manifest can bring the CLI's batch.
/// </summary>
public sealed class LiveCommandLineTests(LiveCommandLineTests.ServedFolder folder, ITestOutputHelper log) : IClassFixture<LiveCommandLineTests.ServedFolder>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public sealed class ServedFolder : IAsyncLifetime
    {
        public string Root { get; } = Directory.CreateTempSubdirectory("live-cli-").FullName;
        public ServeProcess Serve { get; private set; } = default!;

        public async Task InitializeAsync()
        {
            DemoGenerator.Write(Root, 0.05);
            var ingest = await AnalyticsProcess.RunCapturedAsync(Timeout, "ingest", "--data", Root);
            if (ingest.Code != 0) throw new InvalidOperationException($"the demo data did not ingest: {ingest.Error}");
            // serve gives the demo users to a folder marked as demo data.
            File.WriteAllText(Path.Combine(Root, ".demo-data"), "test\n");
            Serve = await ServeProcess.StartAsync(Root, "--Ingest:Enabled=false");
        }

        public async Task DisposeAsync()
        {
            await Serve.DisposeAsync();
            Directory.Delete(Root, recursive: true);
        }
    }

    private static string ExportQuery(string product) => product switch
    {
        "rankings" => "period=2026Q3",
        "wages" => "year=2026",
        "margins" => "from=2026-01&to=2026-06",
        "indicators" => "month=2026-09",
        "structure" => "period=2026-09&breakdown=education",
        _ => throw new ArgumentOutOfRangeException(nameof(product)),
    };

    [Fact]
    public async Task Publish_while_serve_runs_writes_the_dashboard_exports_bytes_for_every_product_and_format()
    {
        using var admin = await folder.Serve.SignedInClientAsync("admin");
        var cases = Products.All.SelectMany(p => new[] { "csv", "json", "xlsx" }.Select(f => (Product: p, Format: f))).ToList();
        // The exports first: the host has then surely opened warehouse.duckdb read-write.
        var exports = new List<byte[]>();
        foreach (var (product, format) in cases)
        {
            var response = await admin.GetAsync($"/api/export/{product}?format={format}&{ExportQuery(product)}");
            response.IsSuccessStatusCode.ShouldBeTrue($"export {product} {format}: {(int)response.StatusCode}");
            exports.Add(await response.Content.ReadAsByteArrayAsync());
        }
        var outDir = Directory.CreateDirectory(Path.Combine(folder.Root, "published")).FullName;
        var clock = Stopwatch.StartNew();
        // All at once: publishes take no lock of each other's or the host's.
        var runs = await Task.WhenAll(cases.Select(c => AnalyticsProcess.RunCapturedAsync(Timeout,
            ["publish", .. Products.Arguments(c.Product), "--format", c.Format, "--out", Path.Combine(outDir, $"{c.Product}.{c.Format}"), "--data", folder.Root])));
        log.WriteLine($"{cases.Count} publishes beside serve in {clock.Elapsed.TotalSeconds:0.0} s");
        for (var i = 0; i < cases.Count; i++)
        {
            var (product, format) = cases[i];
            runs[i].Code.ShouldBe(0, $"publish {product} {format}: {runs[i].Error}");
            var published = await File.ReadAllBytesAsync(Path.Combine(outDir, $"{product}.{format}"));
            published.Length.ShouldBeGreaterThan(200, $"{product} {format} holds a table");
            if (format == "xlsx") XlsxParts(published).ShouldBe(XlsxParts(exports[i]), $"{product} xlsx parts");
            else published.ShouldBe(exports[i], $"{product} {format} bytes");
            log.WriteLine($"{product} {format}: {published.Length:N0} bytes, equal");
        }
    }

    /// <summary>
    /// Every part of the workbook by name, but docProps/core.xml (the time it was written), with the
    /// relationship ids OpenXml draws at random (<c>Id="R…"</c>, <c>r:id="R…"</c>) blanked; sheets, shared
    /// strings and styles are compared exactly.
    /// </summary>
    private static List<(string Name, string Text)> XlsxParts(byte[] workbook)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        return zip.Entries.Where(e => e.FullName != "docProps/core.xml").OrderBy(e => e.FullName, StringComparer.Ordinal).Select(e =>
        {
            using var part = new StreamReader(e.Open());
            return (e.FullName, RelationshipId.Replace(part.ReadToEnd(), "$1=\"\""));
        }).ToList();
    }

    private static readonly System.Text.RegularExpressions.Regex RelationshipId = new("\\b(Id|r:id)=\"[^\"]*\"");

    [Fact]
    public async Task A_cli_ingest_while_serve_runs_reaches_an_open_page_within_two_seconds_of_its_exit()
    {
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.SignedInPageAsync(folder.Serve.BaseAddress, "stat");
        await page.GotoAsync("/rankings?period=2026Q3");
        await page.WaitForSelectorAsync("main[data-interactive=true]");
        await page.EvaluateAsync("() => { window.notReloaded = true; }");
        var code = await page.TextContentAsync("#ranking-table tbody tr:first-child td:nth-child(2)");
        var before = long.Parse((await page.TextContentAsync("#ranking-table tbody tr:first-child td:nth-child(4)"))!.Replace(",", ""));

        var inbox = Directory.CreateDirectory(Path.Combine(folder.Root, "inbox", "vacancies")).FullName;
        await File.WriteAllTextAsync(Path.Combine(inbox, "zz-cli-live.csv"),
            $"posting_id,registered_on,region_code,employer_id,occupation_code,positions\nCLI-{Guid.NewGuid():N},2026-08-15,440106,E-CLI,{code},700\n");
        var ingest = await AnalyticsProcess.RunCapturedAsync(Timeout, "ingest", "--json", "--data", folder.Root);
        var exited = Stopwatch.StartNew();
        ingest.Code.ShouldBe(0, ingest.Error);
        ingest.Output.ShouldContain("\"loaded\"");
        ingest.Error.ShouldContain("held by another process", customMessage: "serve holds warehouse.duckdb, so the CLI could not sync it itself");

        await page.WaitForSelectorAsync("[data-live-updates]:not([data-live-updates='0'])", new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        var reached = exited.Elapsed;
        log.WriteLine($"the CLI's batch was on the page {reached.TotalMilliseconds:N0} ms after the CLI exited");
        (await page.EvaluateAsync<bool>("() => window.notReloaded === true")).ShouldBeTrue();
        var row = page.Locator("#ranking-table tbody tr", new() { HasText = code! });
        long.Parse((await row.Locator("td:nth-child(4)").TextContentAsync())!.Replace(",", "")).ShouldBe(before + 700);
        reached.ShouldBeLessThan(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task The_built_binary_serves_blazor_and_plotly_in_production_and_sign_in_loads_no_plotly()
    {
        // A plain build run as Production once answered 500 for package assets: they come from the build's manifest.
        using var anonymous = new HttpClient { BaseAddress = folder.Serve.BaseAddress };
        var login = await anonymous.GetStringAsync("/login");
        login.ShouldContain("_framework/blazor.web.");
        login.ShouldNotContain("plotly", Case.Insensitive);
        foreach (var asset in new[] { "/_framework/blazor.web.js", "/_content/Plotly.Blazor/plotly-3.7.0.min.js", "/_content/Plotly.Blazor/plotly-interop-7.2.0.js" })
        {
            using var response = await anonymous.GetAsync(asset);
            response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, asset);
            (await response.Content.ReadAsByteArrayAsync()).Length.ShouldBeGreaterThan(1000, asset);
        }
    }

    [Fact]
    public async Task A_second_serve_on_the_same_folder_stops_with_exit_1_and_the_first_keeps_serving()
    {
        var errors = new System.Text.StringBuilder();
        using var second = AnalyticsProcess.Start(line => { lock (errors) errors.AppendLine(line); },
            "serve", "--data", folder.Root, "--urls", "http://127.0.0.1:0", "--Ingest:Enabled=false");
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try { await second.WaitForExitAsync(limit.Token); }
        catch (OperationCanceledException)
        {
            second.Kill(entireProcessTree: true);
            throw new ShouldAssertException("the second serve kept running (its pages could only fail)");
        }
        second.WaitForExit();
        second.ExitCode.ShouldBe(1);
        lock (errors) errors.ToString().ShouldContain("is `analytics serve` already running on this data folder?");
        using var admin = await folder.Serve.SignedInClientAsync("admin");
        (await admin.GetAsync("/api/indicators?month=2026-09")).IsSuccessStatusCode.ShouldBeTrue("the first serve still answers");
    }
}
