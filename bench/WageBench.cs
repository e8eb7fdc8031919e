using System.Diagnostics;
using System.Globalization;
using Analytics.Ingest.Schema;
using Analytics.Warehouse.DuckDb;
using Analytics.Warehouse.Marts;
using Analytics.Warehouse.Marts.WagePayment;

namespace Analytics.Bench;

/// <summary>
/// Construction wage payment over a lake of 1,000 projects and 2,000,000 payroll rows (issue 13):
/// 100 workers a project for 20 work months (2025-01 … 2026-08), the same number of attendance rows,
/// 100,000 roster stays and 40,000 account flows, as Parquet with the catalog's column types. Times
/// the inspector's two questions through <see cref="WagePaymentService"/>: the roll-up of a month and
/// the arrears ranking, for a province and for all regions. Goal: roll-up + ranking under 100 ms.
/// </summary>
public static class WageBench
{
    private const int Runs = 7;
    private static readonly DateOnly Month = new(2026, 7, 1), AsOf = new(2026, 8, 20);

    public static int Run(string[] args)
    {
        var dir = Option(args, "--dir") ?? Path.Combine(Path.GetTempPath(), "analytics-bench-wage");
        var projects = int.Parse(Option(args, "--projects") ?? "1000", CultureInfo.InvariantCulture);
        // one DuckDB thread a query, as the host runs them (Dashboards:QueryThreads, default 1)
        var threads = Option(args, "--threads") ?? "1";
        Directory.CreateDirectory(dir);
        using var catalog = DuckDbDataSource.Scratch(("threads", threads));
        using (var db = catalog.OpenConnection())
        {
            Generate(db, dir, projects);
            foreach (var schema in Datasets.Wage.All)
                db.ExecuteNonQuery($"CREATE VIEW {schema.Name} AS SELECT {string.Join(", ", schema.Columns.Select(c => c.Name))} " +
                                   $"FROM read_parquet('{Path.Combine(dir, schema.Name + ".parquet")}')");
            db.ExecuteNonQuery($"CREATE TABLE regions AS SELECT * FROM read_parquet('{Path.Combine(dir, "regions.parquet")}')");
            Console.WriteLine($"wage bench: {Count(db, "construction_projects"):N0} projects, {Count(db, "site_payroll"):N0} payroll rows, " +
                              $"{Count(db, "site_attendance"):N0} attendance rows, {Count(db, "site_roster"):N0} roster stays, {Count(db, "account_flows"):N0} flows in {dir}");
        }
        Console.WriteLine($"load average {LoadAverage()}; DuckDB threads {threads}");
        // the commit's cost: Catalog.Sync runs these same statements when a batch touches a wage dataset
        var wageSummaries = SqlModels.Summaries.Where(s => s.StartsWith("stg_wage_", StringComparison.Ordinal)).ToList();
        var build = Stopwatch.StartNew();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        catalog.ExecuteNonQuery(SqlModels.Materialise(wageSummaries));
        Console.WriteLine($"wage summaries ({string.Join(", ", wageSummaries.Select(s => $"{s} {Count(catalog, s):N0} rows"))}) built in " +
                          $"{build.Elapsed.TotalMilliseconds:F0} ms (CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds:F0} ms), once per commit");
        var service = new WagePaymentService(catalog);
        foreach (var scope in new[] { "440000", null })
        {
            // the first request after the commit: nothing cached, the mart's text parsed and planned the first time
            var first = Stopwatch.StartNew();
            var firstCpu = Process.GetCurrentProcess().TotalProcessorTime;
            _ = (service.GetRollup(Month, AsOf, scope), service.GetArrearsRanking(AsOf, scope));
            Console.WriteLine($"scope {scope ?? "all"}: first roll-up + ranking after the commit {first.Elapsed.TotalMilliseconds:F0} ms " +
                              $"(CPU {(Process.GetCurrentProcess().TotalProcessorTime - firstCpu).TotalMilliseconds:F0} ms)");
            var rollup = Time(() => service.GetRollup(Month, AsOf, scope));
            var ranking = Time(() => service.GetArrearsRanking(AsOf, scope));
            var both = Time(() => (service.GetRollup(Month, AsOf, scope), service.GetArrearsRanking(AsOf, scope)));
            Console.WriteLine($"scope {scope ?? "all"}: roll-up {Ms(rollup.Median)} ({rollup.Result.Count} rows), ranking {Ms(ranking.Median)} ({ranking.Result.Count} projects), " +
                              $"both {Ms(both.Median)}  medians of {Runs} warm runs");
        }
        if (args.Contains("--explain"))
            foreach (var mart in new[] { "mart_wage_rollup", "mart_wage_arrears_ranking" })
                Explain(catalog, mart, wageSummaries, args);
        var months = Time(() => service.GetProjectMonths(AsOf, Month, "440000"));
        Console.WriteLine($"project rows of a month, scope 440000: {Ms(months.Median)} ({months.Result.Count} rows)");
        // what any mart call costs whatever it computes: a connection, the region check, the set-up macros
        var floor = Time(() => service.GetProject("P0002"));
        Console.WriteLine($"one project's header (mart_wage_project, the same path with a one-row query): {Ms(floor.Median)}");
        Console.WriteLine($"load average after: {LoadAverage()}");
        return 0;
    }

    /// <summary>
    /// Rows written by DuckDB itself: projects in 100 counties of two provinces, every worker on the
    /// roster from the start, 1 row in 10 paid in part, 1 in 20 paid 1–9 days late, 1 in 50 unpaid.
    /// </summary>
    private static void Generate(DuckDB.NET.Data.DuckDBConnection db, string dir, int projects)
    {
        var marker = Path.Combine(dir, $"generated-v2-{projects}");
        if (File.Exists(marker)) return;
        string P(string name) => Path.Combine(dir, name + ".parquet");
        db.ExecuteNonQuery($"""
            COPY (
              WITH c AS (SELECT DISTINCT (CASE WHEN i % 2 = 0 THEN '44' ELSE '32' END) || lpad(CAST(i % 10 + 1 AS VARCHAR), 2, '0') || lpad(CAST(i % 5 + 1 AS VARCHAR), 2, '0') AS code FROM range(100) t(i))
              SELECT code AS region_code, 'R' || code AS region_name, left(code, 4) || '00' AS parent_code FROM c
              UNION ALL SELECT DISTINCT left(code, 4) || '00', 'C' || left(code, 4), left(code, 2) || '0000' FROM c
              UNION ALL SELECT DISTINCT left(code, 2) || '0000', 'P' || left(code, 2), NULL FROM c
            ) TO '{P("regions")}' (FORMAT parquet);
            COPY (
              SELECT 'P' || lpad(CAST(i AS VARCHAR), 4, '0') AS project_id, 'Project ' || i AS project_name,
                     (CASE WHEN i % 2 = 0 THEN '44' ELSE '32' END) || lpad(CAST(i % 10 + 1 AS VARCHAR), 2, '0') || lpad(CAST(i % 5 + 1 AS VARCHAR), 2, '0') AS region_code,
                     (['housing', 'transport', 'water', 'civil_aviation', 'railway', 'other'])[i % 6 + 1] AS sector,
                     'C' || (i % 50) AS contractor_id, 'Contractor ' || (i % 50) AS contractor_name, 'Builder' AS builder_name,
                     CAST(10000000 + i * 1000 AS DECIMAL(14,2)) AS contract_value,
                     CAST(CASE WHEN i % 7 = 0 THEN NULL ELSE 20 END AS DECIMAL(9,4)) AS labour_cost_share_pct,
                     DATE '2025-01-01' AS start_on, DATE '2026-12-31' AS planned_end_on, CAST(CASE WHEN i % 9 = 0 THEN 31 ELSE 15 END AS INTEGER) AS pay_day,
                     CASE WHEN i % 8 = 0 THEN 'current' END AS pay_month,
                     CASE WHEN i % 13 = 0 THEN NULL ELSE DATE '2024-12-20' END AS special_account_opened_on,
                     CASE WHEN i % 11 = 0 THEN NULL ELSE 'bank_guarantee' END AS guarantee_form,
                     CAST(CASE WHEN i % 11 = 0 THEN NULL ELSE 200000 END AS DECIMAL(14,2)) AS guarantee_amount,
                     i % 5 <> 0 AS notice_board, 'Officer' AS officer_name
              FROM range({projects}) t(i)
            ) TO '{P("construction_projects")}' (FORMAT parquet);
            CREATE TEMP TABLE workers AS
              SELECT 'P' || lpad(CAST(p AS VARCHAR), 4, '0') AS project_id, md5(p || '-' || w)[1:32] AS worker_id, p, w,
                     'C' || (p % 50) || CASE WHEN w % 3 = 0 THEN '' ELSE '-S' || (w % 3) END AS subcontractor_id
              FROM range({projects}) a(p), range(100) b(w);
            COPY (
              SELECT project_id, worker_id, DATE '2025-01-01' + CAST(w % 60 AS INTEGER) AS entered_on,
                     CASE WHEN w % 25 = 0 THEN DATE '2026-03-15' END AS left_on, subcontractor_id, CAST(NULL AS VARCHAR) AS occupation_code,
                     CASE WHEN w % 40 = 0 THEN NULL ELSE DATE '2025-01-01' + CAST(w % 60 AS INTEGER) END AS contract_signed_on,
                     w % 30 <> 0 AS bank_card_registered, 'site_roster/roster.csv' AS source_file, CAST(w + 2 AS INTEGER) AS source_line
              FROM workers
            ) TO '{P("site_roster")}' (FORMAT parquet);
            CREATE TEMP TABLE months AS SELECT CAST(DATE '2025-01-01' + INTERVAL (m) MONTH AS DATE) AS month, m FROM range(20) t(m);
            COPY (
              SELECT month, project_id, worker_id, CAST(20 + (w + m) % 6 AS INTEGER) AS days_worked, CAST(NULL AS DECIMAL(14,4)) AS quantity,
                     'site_attendance/' || strftime(month, '%Y-%m') || '.csv' AS source_file, CAST(w + 2 AS INTEGER) AS source_line
              FROM workers, months ORDER BY month, project_id   -- the lake is partitioned by month
            ) TO '{P("site_attendance")}' (FORMAT parquet);
            COPY (
              SELECT month, project_id, subcontractor_id, worker_id, CAST(6000 AS DECIMAL(14,2)) AS wage_due,
                     CAST(CASE WHEN (p + w + m) % 50 = 0 THEN 0 WHEN (p + w + m) % 10 = 0 THEN 3000 ELSE 6000 END AS DECIMAL(14,2)) AS wage_paid,
                     CASE WHEN (p + w + m) % 50 = 0 THEN NULL
                          ELSE CAST(month + INTERVAL 1 MONTH + INTERVAL (14 + CASE WHEN (p + w + m) % 20 = 0 THEN (p + w) % 9 + 1 ELSE 0 END) DAY AS DATE) END AS paid_on,
                     CASE WHEN (p + w + m) % 50 = 0 THEN NULL WHEN w % 17 = 0 THEN 'cash' ELSE 'special_account' END AS paid_via,
                     w % 23 <> 0 AS signed_by_worker,
                     'site_payroll/' || strftime(month, '%Y-%m') || '.csv' AS source_file, CAST(w + 2 AS INTEGER) AS source_line
              FROM workers, months ORDER BY month, project_id
            ) TO '{P("site_payroll")}' (FORMAT parquet);
            COPY (
              SELECT 'F' || m || '-' || k AS flow_id, 'P' || lpad(CAST(p AS VARCHAR), 4, '0') AS project_id,
                     CAST(month + INTERVAL (5 + k * 10) DAY AS DATE) AS flow_on, CASE WHEN k = 0 THEN 'in' ELSE 'out' END AS direction,
                     CAST(CASE WHEN k = 0 THEN 70000 + (p % 5) * 5000 ELSE 550000 END AS DECIMAL(14,2)) AS amount,
                     CASE WHEN k = 0 THEN 'builder' ELSE 'worker' END AS counterparty
              FROM range({projects}) a(p), months, range(2) c(k)
            ) TO '{P("account_flows")}' (FORMAT parquet);
            """);
        File.WriteAllText(marker, "");
    }

    /// <summary>DuckDB's profile of a mart read through the summaries (scope 440000), and the time of its set-up statements alone.</summary>
    private static void Explain(DuckDbDataSource catalog, string mart, IReadOnlyCollection<string> summaries, string[] args)
    {
        var text = SqlModels.CommandText(mart, summaries);
        var cut = text.LastIndexOf(";\n", StringComparison.Ordinal);
        using var db = catalog.OpenConnection();
        var setup = Stopwatch.StartNew();
        for (var i = 0; i < 10; i++) db.ExecuteNonQuery(text[..cut]);
        var query = text[(cut + 2)..].Replace("$as_of", "DATE '2026-08-20'").Replace("$month", "DATE '2026-07-01'")
            .Replace("$scope", "'440000'").Replace("$top", "NULL").Replace("$late_days", "0").Replace("$arrears_above", "0")
            .Replace("$transfer_pct", "80").Replace("$account_pct", "100");
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var plan = Stopwatch.StartNew();
        for (var i = 0; i < 10; i++) db.ExecuteNonQuery("EXPLAIN " + query);
        Console.WriteLine($"{mart}: set-up statements alone {setup.Elapsed.TotalMilliseconds / 10:F1} ms a run; parse, bind and plan alone (EXPLAIN) " +
                          $"{plan.Elapsed.TotalMilliseconds / 10:F1} ms (CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / 10:F1} ms)");
        var run = Stopwatch.StartNew();
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < 10; i++) db.ExecuteNonQuery(query);
        Console.WriteLine($"{mart}: the query alone, set-up done {run.Elapsed.TotalMilliseconds / 10:F1} ms (CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / 10:F1} ms)");
        if (!args.Contains("--profile")) return;
        db.ExecuteNonQuery("PRAGMA enable_profiling = 'query_tree'");
        using var command = db.CreateCommand();
        command.CommandText = "EXPLAIN ANALYZE " + query;
        using var reader = command.ExecuteReader();
        while (reader.Read()) Console.WriteLine(reader.GetValue(1));
    }

    private static long Count(DuckDbDataSource catalog, string view)
    {
        using var db = catalog.OpenConnection();
        return Count(db, view);
    }

    private static long Count(DuckDB.NET.Data.DuckDBConnection db, string view)
    {
        using var command = db.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {view}";
        return Convert.ToInt64(command.ExecuteScalar());
    }

    /// <summary>
    /// Median wall time of warm runs, and the median CPU time the process spent per run (user + system,
    /// all threads): on a loaded machine the wall time mostly measures the wait for a core.
    /// </summary>
    private static ((TimeSpan Wall, TimeSpan Cpu) Median, T Result) Time<T>(Func<T> work)
    {
        var result = work(); // warm-up: DuckDB reads the Parquet footers and plans once
        var times = new List<TimeSpan>();
        var cpu = new List<TimeSpan>();
        var process = Process.GetCurrentProcess();
        for (var i = 0; i < Runs; i++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            result = work();
            times.Add(clock.Elapsed);
            process.Refresh();
            cpu.Add(process.TotalProcessorTime - cpuBefore);
        }
        return ((times.Order().ElementAt(Runs / 2), cpu.Order().ElementAt(Runs / 2)), result);
    }

    private static string Ms((TimeSpan Wall, TimeSpan Cpu) t) => $"{t.Wall.TotalMilliseconds:F0} ms (CPU {t.Cpu.TotalMilliseconds:F0} ms)";

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
