using System.Diagnostics;
using System.Globalization;
using Analytics.Warehouse.DuckDb;
using Analytics.Warehouse.Marts;
using Analytics.Warehouse.Marts.Rankings;

namespace Analytics.Bench;

/// <summary>
/// The shortage ranking of one quarter over 10,000,000 vacancies + 10,000,000 job seekers
/// (issue 4): through OccupationRankingService, as the bare SQL of the same figures, and as a
/// straightforward LINQ implementation over the same rows as CSV (read with a plain
/// line splitter: the generated fields hold no commas or quotes).
/// Goals: service under 1 s, at most 1.5× the bare SQL, at least 20× faster than LINQ.
/// </summary>
public static class RankingsBench
{
    private static readonly ReportingPeriod Quarter = ReportingPeriod.Parse("2026Q3");
    private const int Runs = 5;

    public static int Run(string[] args)
    {
        var dir = Option(args, "--dir") ?? Path.Combine(Path.GetTempPath(), "analytics-bench-rankings");
        var rows = long.Parse(Option(args, "--rows") ?? "10000000", CultureInfo.InvariantCulture);
        Directory.CreateDirectory(dir);
        Console.WriteLine($"rankings bench: {rows:N0} vacancies + {rows:N0} job seekers in {dir}");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");

        Generate(dir, rows);
        using var db = new DuckDbConnection("Data Source=:memory:");
        db.Open();
        // the catalog contract: views named as the datasets, over the Parquet files
        db.ExecuteNonQuery($"""
            CREATE VIEW vacancies AS SELECT * FROM read_parquet('{Path.Combine(dir, "vacancies.parquet")}');
            CREATE VIEW jobseekers AS SELECT * FROM read_parquet('{Path.Combine(dir, "jobseekers.parquet")}');
            CREATE TABLE occupations AS SELECT * FROM read_parquet('{Path.Combine(dir, "occupations.parquet")}');
            CREATE TABLE regions AS SELECT * FROM read_parquet('{Path.Combine(dir, "regions.parquet")}');
            """);

        var service = new OccupationRankingService(db);
        var (serviceTime, ranking) = Time(() => service.GetRanking(Quarter));
        var (sqlTime, bare) = Time(() => BareSql(db));
        Console.WriteLine($"service  : {Ms(serviceTime)} (median of {Runs} warm runs; previous rank, typical cities and notes included)");
        Console.WriteLine($"bare SQL : {Ms(sqlTime)}");

        var csv = ExportCsv(db, dir);
        var linqClock = Stopwatch.StartNew();
        var linq = Linq(csv.Vacancies, csv.Jobseekers);
        var linqTime = linqClock.Elapsed;
        Console.WriteLine($"LINQ     : {Ms(linqTime)} (CSV lines + LINQ, one run)");

        var same = ranking.Rows.Select(r => (r.OccupationCode, r.Demand, r.Supply)).SequenceEqual(bare)
                   && bare.SequenceEqual(linq);
        Console.WriteLine($"same {ranking.Rows.Count} rows from all three: {same}");
        var vsSql = serviceTime / sqlTime;
        var vsLinq = linqTime / serviceTime;
        Console.WriteLine($"goals: service < 1 s: {serviceTime.TotalSeconds < 1} | service / bare SQL = {vsSql:F2} (≤ 1.5: {vsSql <= 1.5}) | LINQ / service = {vsLinq:F1} (≥ 20: {vsLinq >= 20})");
        return same ? 0 : 1;
    }

    /// <summary>Synthetic rows written by DuckDB itself: 2 years of registrations, ~1,500 occupations, ~1,000 counties.</summary>
    private static void Generate(string dir, long rows)
    {
        var vacancies = Path.Combine(dir, "vacancies.parquet");
        if (File.Exists(vacancies) && File.Exists(Path.Combine(dir, $"rows-{rows}"))) return;
        var clock = Stopwatch.StartNew();
        using var db = new DuckDbConnection("Data Source=:memory:");
        db.Open();
        db.ExecuteNonQuery($"""
            CREATE MACRO region(i) AS printf('%02d%02d%02d', 11 + i % 30, 1 + (i // 30) % 6, 1 + (i // 180) % 6);
            CREATE MACRO occupation(i) AS printf('%d-%02d-%02d-%02d', 1 + i % 8, 1 + (i // 8) % 6, 1 + (i // 48) % 6, 1 + (i // 288) % 5);
            COPY (SELECT DISTINCT occupation(i) AS occupation_code, '职业' || occupation(i) AS occupation_name FROM range(1440) t(i))
              TO '{Path.Combine(dir, "occupations.parquet")}' (FORMAT parquet);
            COPY (SELECT DISTINCT region(i) AS region_code, '区县' || region(i) AS region_name, left(region(i), 4) || '00' AS parent_code FROM range(1080) t(i))
              TO '{Path.Combine(dir, "regions.parquet")}' (FORMAT parquet);
            COPY (
              SELECT 'V' || i AS posting_id,
                     DATE '2025-01-01' + CAST(hash(i, 1) % 730 AS INTEGER) AS registered_on,
                     region(hash(i, 2) % 1080) AS region_code,
                     'E' || (hash(i, 3) % 50000) AS employer_id,
                     'C' AS industry_code,
                     occupation(CAST(floor(sqrt(hash(i, 4) % 2073600)) AS BIGINT)) AS occupation_code,
                     CAST(1 + hash(i, 5) % 5 AS INTEGER) AS positions,
                     CAST(3000 + hash(i, 6) % 5000 AS DECIMAL(14,2)) AS wage_min,
                     CAST(8000 + hash(i, 6) % 5000 AS DECIMAL(14,2)) AS wage_max,
                     'none' AS education_min, 'online' AS channel
              FROM range({rows}) t(i)
            ) TO '{vacancies}' (FORMAT parquet);
            COPY (
              SELECT md5(CAST(i AS VARCHAR)) AS seeker_id,
                     DATE '2025-01-01' + CAST(hash(i, 11) % 730 AS INTEGER) AS registered_on,
                     region(hash(i, 12) % 1080) AS region_code,
                     occupation(hash(i, 14) % 1440) AS occupation_code,
                     CASE WHEN hash(i, 15) % 2 = 0 THEN 'M' ELSE 'F' END AS gender,
                     CAST(1960 + hash(i, 16) % 45 AS INTEGER) AS birth_year,
                     'high_school' AS education, 'unemployed' AS category,
                     CAST(4000 + hash(i, 17) % 6000 AS DECIMAL(14,2)) AS expected_wage
              FROM range({rows}) t(i)
            ) TO '{Path.Combine(dir, "jobseekers.parquet")}' (FORMAT parquet);
            """);
        File.WriteAllText(Path.Combine(dir, $"rows-{rows}"), "");
        Console.WriteLine($"generated Parquet in {clock.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>The same figures as the service, written the plain way: this quarter only, no previous rank, no cities.</summary>
    private static List<(string, long, long)> BareSql(DuckDbConnection db)
    {
        using var command = db.CreateCommand();
        command.CommandText = """
            WITH d AS (SELECT occupation_code, sum(positions) AS demand FROM vacancies
                       WHERE registered_on >= $1 AND registered_on < $2 GROUP BY 1),
                 s AS (SELECT occupation_code, count(*) AS supply FROM jobseekers
                       WHERE registered_on >= $1 AND registered_on < $2 GROUP BY 1)
            SELECT occupation_code, coalesce(demand, 0) AS demand, coalesce(supply, 0) AS supply
            FROM d FULL JOIN s USING (occupation_code)
            WHERE coalesce(demand, 0) > coalesce(supply, 0) AND coalesce(demand, 0) >= 10
            ORDER BY demand - supply DESC, CASE WHEN supply > 0 THEN demand / supply END DESC NULLS FIRST, occupation_code
            LIMIT 100
            """;
        command.Parameters.AddValue(Quarter.Start);
        command.Parameters.AddValue(Quarter.End);
        using var reader = command.ExecuteReader();
        var rows = new List<(string, long, long)>();
        while (reader.Read()) rows.Add((reader.GetString(0), (long)(Int128)reader.GetValue(1), reader.GetInt64(2)));
        return rows;
    }

    private static (string Vacancies, string Jobseekers) ExportCsv(DuckDbConnection db, string dir)
    {
        var vacancies = Path.Combine(dir, "vacancies.csv");
        var jobseekers = Path.Combine(dir, "jobseekers.csv");
        if (!File.Exists(vacancies) || File.GetLastWriteTimeUtc(vacancies) < File.GetLastWriteTimeUtc(Path.Combine(dir, "vacancies.parquet")))
            db.ExecuteNonQuery($"COPY vacancies TO '{vacancies}' (HEADER); COPY jobseekers TO '{jobseekers}' (HEADER)");
        return (vacancies, jobseekers);
    }

    private sealed record Registration(DateOnly RegisteredOn, string OccupationCode, int Count);

    /// <summary>CSV rows as records; the columns by header name.</summary>
    private static IEnumerable<Registration> Read(string path, string countColumn)
    {
        using var reader = new StreamReader(path);
        var header = reader.ReadLine()!.Split(',');
        int date = Array.IndexOf(header, "registered_on"), occupation = Array.IndexOf(header, "occupation_code"),
            count = countColumn.Length == 0 ? -1 : Array.IndexOf(header, countColumn);
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split(',');
            yield return new Registration(DateOnly.ParseExact(fields[date], "yyyy-MM-dd", CultureInfo.InvariantCulture), fields[occupation],
                count < 0 ? 1 : int.Parse(fields[count], CultureInfo.InvariantCulture));
        }
    }

    /// <summary>What a C# developer would write first: read both files, filter, group, join, order.</summary>
    private static List<(string, long, long)> Linq(string vacanciesCsv, string jobseekersCsv)
    {
        var demand = Read(vacanciesCsv, "positions")
            .Where(v => v.RegisteredOn >= Quarter.Start && v.RegisteredOn < Quarter.End)
            .GroupBy(v => v.OccupationCode)
            .ToDictionary(g => g.Key, g => g.Sum(v => (long)v.Count));
        var supply = Read(jobseekersCsv, "")
            .Where(s => s.RegisteredOn >= Quarter.Start && s.RegisteredOn < Quarter.End)
            .GroupBy(s => s.OccupationCode)
            .ToDictionary(g => g.Key, g => g.LongCount());
        return demand.Keys.Union(supply.Keys)
            .Select(code => (Code: code, Demand: demand.GetValueOrDefault(code), Supply: supply.GetValueOrDefault(code)))
            .Where(r => r.Demand > r.Supply && r.Demand >= 10)
            .OrderByDescending(r => r.Demand - r.Supply)
            .ThenByDescending(r => r.Supply == 0 ? double.PositiveInfinity : (double)r.Demand / r.Supply)
            .ThenBy(r => r.Code, StringComparer.Ordinal)
            .Take(100)
            .Select(r => (r.Code, r.Demand, r.Supply))
            .ToList();
    }

    /// <summary>One warm-up, then the median of <see cref="Runs"/> runs.</summary>
    private static (TimeSpan, T) Time<T>(Func<T> work)
    {
        var result = work();
        var times = new List<TimeSpan>();
        for (var i = 0; i < Runs; i++)
        {
            var clock = Stopwatch.StartNew();
            result = work();
            times.Add(clock.Elapsed);
        }
        return (times.Order().ElementAt(Runs / 2), result);
    }

    private static string Ms(TimeSpan t) => $"{t.TotalMilliseconds,8:F0} ms";

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
