using System.Net;
using System.Text;
using System.Text.Json;
using Analytics.Ingest.Demo;
using Analytics.Tests.Dashboards;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Reliability;

/// <summary>
/// What a newcomer and a data clerk meet, read from the real <c>analytics serve</c>'s output with the
/// real Quartz schedule: a banner saying where to go and whom to sign in as, no scheduler or framework
/// chatter, and an inbox journal that tells each file's state once (a mistyped folder, a broken file),
/// whose held-back files the data desk lists too.
/// </summary>
public sealed class FirstRunTests
{
    [Fact]
    public async Task Serve_on_demo_data_greets_with_the_url_and_users_and_tells_each_inbox_files_state_once()
    {
        var data = Directory.CreateTempSubdirectory("first-run-").FullName;
        try
        {
            DemoGenerator.Write(data, 0.02);
            File.WriteAllText(Path.Combine(data, ".demo-data"), "as serve leaves it after generating the demo data\n");
            Directory.CreateDirectory(Path.Combine(data, "inbox", "vacancy"));    // mistyped: the dataset is "vacancies"
            File.WriteAllText(Path.Combine(data, "inbox", "vacancy", "postings_2026-10.csv"), "posting_id,registered_on\nP1,2026-10-01\n");
            File.WriteAllText(Path.Combine(data, "inbox", "vacancies", "broken.csv"), "a,b\n1,2\n");   // no column of the dataset: fails as a whole

            var lines = new List<string>();
            var port = FreePort();
            using var serve = AnalyticsProcess.Start(line => { lock (lines) lines.Add(line); }, line => { lock (lines) lines.Add(line); },
                "serve", "--data", data, "--urls", $"http://127.0.0.1:{port}", "--Ingest:Schedules:default=* * * * * ?");
            try
            {
                string[] Output() { lock (lines) return lines.ToArray(); }
                var mistyped = await WaitForAsync(Output, l => l.Contains("vacancy/postings_2026-10.csv"), serve);
                await WaitForAsync(Output, l => l.Contains("vacancies/vacancies_2026Q3.csv: loaded"), serve);
                // Every dataset's job fires every second: let each see the same inbox a few more times.
                await Task.Delay(TimeSpan.FromSeconds(5));
                var output = Output();
                var text = string.Join('\n', output);

                text.ShouldContain($"open http://127.0.0.1:{port} in a browser");
                text.ShouldContain($"data folder   {data}");
                text.ShouldContain("sign in as stat / stat-demo");
                text.ShouldContain("or admin / admin-demo");
                output.ShouldNotContain(l => l.Contains("info: Quartz") || l.Contains("info: Microsoft"), "scheduler and framework log warnings only");

                mistyped.ShouldContain("is not taken: unknown dataset folder 'vacancy': did you mean inbox/vacancies/?");
                output.Count(l => l.Contains("vacancy/postings_2026-10.csv")).ShouldBe(1, text);
                var broken = output.Where(l => l.Contains("vacancies/broken.csv")).ToList();
                broken.Count.ShouldBe(1, text);
                broken[0].ShouldContain("failed");   // said by the pass that failed it, or by a review that found it failed first
                output.ShouldContain(l => l.Contains("inbox vacancies/vacancies_2025Q1.csv: loaded") && l.Contains(" rejected (rows and reasons in rejects/"));
                output.ShouldNotContain(l => l.Contains("(null)"), text);

                using var client = await SignedInAsync(port, "stat");
                var response = await client.GetAsync("/data/inbox");
                response.StatusCode.ShouldBe(HttpStatusCode.OK);
                var untaken = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray()
                    .ToDictionary(f => f.GetProperty("file").GetString()!, f => (Kind: f.GetProperty("kind").GetString(), Reason: f.GetProperty("reason").GetString()!));
                untaken.Keys.ShouldBe(["vacancies/broken.csv", "vacancy/postings_2026-10.csv"]);
                untaken["vacancy/postings_2026-10.csv"].Kind.ShouldBe("unknown-folder");
                untaken["vacancy/postings_2026-10.csv"].Reason.ShouldStartWith("unknown dataset folder 'vacancy'");
                untaken["vacancies/broken.csv"].Kind.ShouldBe("failed-unchanged");
                untaken["vacancies/broken.csv"].Reason.ShouldContain("--retry-failed");
                // the data page lists the same files with their reasons
                var page = await client.GetStringAsync("/data");
                page.ShouldContain("id=\"untaken-table\"");
                page.ShouldContain("vacancy/postings_2026-10.csv");
                page.ShouldContain("unknown dataset folder", Case.Sensitive, "the reason is shown");
            }
            finally
            {
                serve.Kill(entireProcessTree: true);
                await serve.WaitForExitAsync();
            }
        }
        finally { Directory.Delete(data, recursive: true); }
    }

    [Fact]
    public async Task Serve_on_an_empty_folder_listens_first_and_ingests_the_demo_data_behind_the_open_pages()
    {
        var data = Path.Combine(Path.GetTempPath(), "first-run-empty-" + Guid.NewGuid().ToString("N"));
        var stdout = new List<string>();
        var port = FreePort();
        using var serve = AnalyticsProcess.Start(null, line => { lock (stdout) stdout.Add(line); },
            "serve", "--data", data, "--urls", $"http://127.0.0.1:{port}", "--Ingest:Enabled=false");
        try
        {
            string[] Output() { lock (stdout) return stdout.ToArray(); }
            await WaitForAsync(Output, l => l.Contains("Press Ctrl+C to stop."), serve);
            using (var probe = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") })
                (await probe.GetAsync("/login")).StatusCode.ShouldBe(HttpStatusCode.OK);
            var loaded = await WaitForAsync(Output, l => l.StartsWith("demo data: "), serve);
            var output = Output().ToList();

            output.FindIndex(l => l.Contains($"open http://127.0.0.1:{port} in a browser"))
                .ShouldBeLessThan(output.IndexOf(loaded), "the banner comes as soon as the host listens, before the ingest ends");
            output.ShouldContain(l => l.Contains("sign in as stat / stat-demo"));
            output.ShouldContain(l => l.Contains("the demo data is being loaded"));
            loaded.ShouldContain("rejected (deliberately bad rows)");

            using var client = await SignedInAsync(port, "stat");
            var indicators = await client.GetAsync("/api/indicators?month=2026-09");
            indicators.StatusCode.ShouldBe(HttpStatusCode.OK, await indicators.Content.ReadAsStringAsync());
            (await client.GetStringAsync("/data/inbox")).ShouldBe("[]", "every generated file was taken");
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
            if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Verbose_brings_the_scheduler_and_framework_information_back()
    {
        var data = Directory.CreateTempSubdirectory("first-run-verbose-").FullName;
        Directory.CreateDirectory(Path.Combine(data, "inbox"));   // not empty: no demo data
        var output = new StringBuilder();
        using var serve = AnalyticsProcess.Start(line => { lock (output) output.AppendLine(line); }, line => { lock (output) output.AppendLine(line); },
            "serve", "--verbose", "--data", data, "--urls", $"http://127.0.0.1:{FreePort()}");
        try
        {
            await WaitForAsync(() => { lock (output) return output.ToString().Split('\n'); }, l => l.Contains("Press Ctrl+C to stop."), serve);
            string text;
            lock (output) text = output.ToString();
            text.ShouldContain("info: Quartz");
            text.ShouldContain("info: Microsoft.Hosting.Lifetime");
            text.ShouldNotContain("demo data     sign in as", customMessage: "no demo users outside the demo data");
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<string> WaitForAsync(Func<string[]> lines, Func<string, bool> match, System.Diagnostics.Process process)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            if (lines().FirstOrDefault(match) is { } line) return line;
            if (process.HasExited) throw new InvalidOperationException($"serve exited with {process.ExitCode}:\n{string.Join('\n', lines())}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException(string.Join('\n', lines()));
            await Task.Delay(200);
        }
    }

    private static async Task<HttpClient> SignedInAsync(int port, string user)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() })
            { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var response = await AppServer.PostSignInAsync(client, user, user + "-demo");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try { return ((IPEndPoint)listener.LocalEndpoint).Port; }
        finally { listener.Stop(); }
    }
}
