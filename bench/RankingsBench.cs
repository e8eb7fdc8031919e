using DuckDB.NET.Data;
using System.Diagnostics;
using System.Globalization;
using Analytics.Warehouse.DuckDb;
using Analytics.Warehouse.Marts;
using Analytics.Warehouse.Marts.Rankings;

namespace Analytics.Bench;

/// <summary>
/// The shortage ranking of one quarter over 10,000,000 vacancies + 10,000,000 job seekers in the
/// lake's layout (issue 4): through OccupationRankingService, as bare SQL of the same figures
/// (rank, demand, supply, previous rank, typical cities), and as a straightforward LINQ
/// implementation over the same rows as CSV (read with a plain line splitter: the generated
/// fields hold no commas or quotes). For context it also times the minimal SQL that ranks the
/// quarter alone (no previous rank, no typical cities).
/// Goals: service under 1 s, at most 1.5× the bare SQL, at least 20× faster than LINQ.
/// </summary>
public static class RankingsBench
{
    private static readonly ReportingPeriod Quarter = ReportingPeriod.Parse("2026Q3");
    private const int Runs = 5;

    /// <summary>What all three must agree on: occupation, demand, supply, previous rank, typical cities.</summary>
    private sealed record Figures(string Code, long Demand, long Supply, int? PreviousRank, string Cities);

    public static int Run(string[] args)
    {
        var dir = Option(args, "--dir") ?? Path.Combine(Path.GetTempPath(), "analytics-bench-rankings");
        var rows = long.Parse(Option(args, "--rows") ?? "10000000", CultureInfo.InvariantCulture);
        Directory.CreateDirectory(dir);
        Console.WriteLine($"rankings bench: {rows:N0} vacancies + {rows:N0} job seekers in {dir}");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, load average {LoadAverage()}");

        Generate(dir, rows);
        using var catalog = DuckDbDataSource.Scratch();
        using var db = catalog.OpenConnection();
        // the catalog contract: views named as the datasets, over the lake's Parquet files
        db.ExecuteNonQuery(BenchCatalog.Sql(dir));

        var service = new OccupationRankingService(catalog);
        var (serviceTime, ranking) = Time(() => service.GetRanking(Quarter));
        var (sqlTime, bare) = Time(() => BareSql(db));
        var (minimalTime, minimal) = Time(() => MinimalSql(db));
        Console.WriteLine($"service     : {Ms(serviceTime)}  median of {Runs} warm runs (region check, notes and data-as-of lookup included)");
        Console.WriteLine($"bare SQL    : {Ms(sqlTime)}  the same figures in one hand-written statement");
        Console.WriteLine($"minimal SQL : {Ms(minimalTime)}  the quarter's ranking alone, for context");

        var csv = ExportCsv(db, dir);
        var linqClock = Stopwatch.StartNew();
        var linq = Linq(csv.Vacancies, csv.Jobseekers);
        var linqTime = linqClock.Elapsed;
        Console.WriteLine($"LINQ        : {Ms(linqTime)}  CSV lines + LINQ, one run");

        var fromService = ranking.Rows.Select(r => new Figures(r.OccupationCode, r.Demand, r.Supply, r.PreviousRank, string.Join(' ', r.TypicalCities))).ToList();
        var same = fromService.SequenceEqual(bare) && bare.SequenceEqual(linq)
                   && minimal.SequenceEqual(fromService.Select(f => f.Code));
        Console.WriteLine($"same {fromService.Count} rows from all: {same}");
        var vsSql = serviceTime / sqlTime;
        var vsLinq = linqTime / serviceTime;
        Console.WriteLine($"goals: service < 1 s: {serviceTime.TotalSeconds < 1} | service / bare SQL = {vsSql:F2} (<= 1.5: {vsSql <= 1.5}) | "
                          + $"LINQ / service = {vsLinq:F1} (>= 20: {vsLinq >= 20}) | service / minimal SQL = {serviceTime / minimalTime:F2}");
        return same ? 0 : 1;
    }

    /// <summary>Synthetic rows written by DuckDB itself: 2 years of registrations, ~1,500 occupations, ~1,000 counties.</summary>
    internal static void Generate(string dir, long rows)
    {
        if (File.Exists(Path.Combine(dir, $"lake-rows-{rows}"))) return;
        foreach (var dataset in new[] { "vacancies", "jobseekers" })
            if (Directory.Exists(Path.Combine(dir, "lake", dataset))) Directory.Delete(Path.Combine(dir, "lake", dataset), true);
        Directory.CreateDirectory(Path.Combine(dir, "lake"));
        var clock = Stopwatch.StartNew();
        using var db = DuckDbDataSource.Scratch();
        db.ExecuteNonQuery($"""
            CREATE MACRO region(i) AS printf('%02d%02d%02d', 11 + i % 30, 1 + (i // 30) % 6, 1 + (i // 180) % 6);
            CREATE MACRO occupation(i) AS printf('%d-%02d-%02d-%02d', 1 + i % 8, 1 + (i // 8) % 6, 1 + (i // 48) % 6, 1 + (i // 288) % 5);
            COPY (SELECT DISTINCT occupation(i) AS occupation_code, '职业' || occupation(i) AS occupation_name FROM range(1440) t(i))
              TO '{Path.Combine(dir, "occupations.parquet")}' (FORMAT parquet);
            COPY (SELECT DISTINCT region(i) AS region_code, '区县' || region(i) AS region_name, left(region(i), 4) || '00' AS parent_code FROM range(1080) t(i))
              TO '{Path.Combine(dir, "regions.parquet")}' (FORMAT parquet);
            -- the lake's layout: <dataset>/year=YYYY/month=MM/*.parquet, as ingest writes it
            CREATE MACRO registered(i, salt) AS DATE '2025-01-01' + CAST(hash(i, salt) % 730 AS INTEGER);
            COPY (
              SELECT *, strftime(registered_on, '%Y') AS year, strftime(registered_on, '%m') AS month FROM (
              SELECT 'V' || i AS posting_id,
                     registered(i, 1) AS registered_on,
                     region(hash(i, 2) % 1080) AS region_code,
                     'E' || (hash(i, 3) % 50000) AS employer_id,
                     'C' AS industry_code,
                     occupation(CAST(floor(sqrt(hash(i, 4) % 2073600)) AS BIGINT)) AS occupation_code,
                     CAST(1 + hash(i, 5) % 5 AS INTEGER) AS positions,
                     CAST(3000 + hash(i, 6) % 5000 AS DECIMAL(14,2)) AS wage_min,
                     CAST(8000 + hash(i, 6) % 5000 AS DECIMAL(14,2)) AS wage_max,
                     'none' AS education_min, 'online' AS channel
              FROM range({rows}) t(i))
            ) TO '{Path.Combine(dir, "lake", "vacancies")}' (FORMAT parquet, PARTITION_BY (year, month));
            COPY (
              SELECT *, strftime(registered_on, '%Y') AS year, strftime(registered_on, '%m') AS month FROM (
              SELECT md5(CAST(i AS VARCHAR)) AS seeker_id,
                     registered(i, 11) AS registered_on,
                     region(hash(i, 12) % 1080) AS region_code,
                     occupation(hash(i, 14) % 1440) AS occupation_code,
                     CASE WHEN hash(i, 15) % 2 = 0 THEN 'M' ELSE 'F' END AS gender,
                     CAST(1960 + hash(i, 16) % 45 AS INTEGER) AS birth_year,
                     'high_school' AS education, 'unemployed' AS category,
                     CAST(4000 + hash(i, 17) % 6000 AS DECIMAL(14,2)) AS expected_wage
              FROM range({rows}) t(i))
            ) TO '{Path.Combine(dir, "lake", "jobseekers")}' (FORMAT parquet, PARTITION_BY (year, month));
            """);
        File.WriteAllText(Path.Combine(dir, $"lake-rows-{rows}"), "");
        Console.WriteLine($"generated Parquet in {clock.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>The ranking's figures written by hand, the way an analyst would: each period and table apart.</summary>
    private static List<Figures> BareSql(DuckDBConnection db)
    {
        using var command = db.CreateCommand();
        command.CommandText = """
            WITH cur AS (
                SELECT occupation_code, coalesce(d, 0) AS d, coalesce(s, 0) AS s
                FROM (SELECT occupation_code, sum(positions) AS d FROM vacancies WHERE registered_on >= $2 AND registered_on < $3 GROUP BY 1)
                FULL JOIN (SELECT occupation_code, count(*) AS s FROM jobseekers WHERE registered_on >= $2 AND registered_on < $3 GROUP BY 1)
                USING (occupation_code)),
            prev AS (
                SELECT occupation_code, coalesce(d, 0) AS d, coalesce(s, 0) AS s
                FROM (SELECT occupation_code, sum(positions) AS d FROM vacancies WHERE registered_on >= $1 AND registered_on < $2 GROUP BY 1)
                FULL JOIN (SELECT occupation_code, count(*) AS s FROM jobseekers WHERE registered_on >= $1 AND registered_on < $2 GROUP BY 1)
                USING (occupation_code)),
            cur_rank AS (
                SELECT *, row_number() OVER (ORDER BY d - s DESC, CASE WHEN s > 0 THEN d / s END DESC NULLS FIRST, occupation_code) AS r
                FROM cur WHERE d > s AND d >= 10),
            prev_rank AS (
                SELECT *, row_number() OVER (ORDER BY d - s DESC, CASE WHEN s > 0 THEN d / s END DESC NULLS FIRST, occupation_code) AS r
                FROM prev WHERE d > s AND d >= 10),
            top AS (SELECT * FROM cur_rank WHERE r <= 100),
            city AS (
                SELECT occupation_code, left(region_code, 4) || '00' AS city, sum(d) - sum(s) AS g
                FROM (SELECT occupation_code, region_code, positions AS d, 0 AS s FROM vacancies
                      WHERE registered_on >= $2 AND registered_on < $3 AND occupation_code IN (SELECT occupation_code FROM top)
                      UNION ALL
                      SELECT occupation_code, region_code, 0, 1 FROM jobseekers
                      WHERE registered_on >= $2 AND registered_on < $3 AND occupation_code IN (SELECT occupation_code FROM top))
                GROUP BY ALL)
            SELECT t.occupation_code, t.d, t.s, p.r,
                   array_to_string((SELECT list(city ORDER BY g DESC, city) FROM city c WHERE c.occupation_code = t.occupation_code AND g > 0)[1:3], ' ')
            FROM top t LEFT JOIN prev_rank p ON p.occupation_code = t.occupation_code AND p.r <= 100
            ORDER BY t.r
            """;
        command.Parameters.Add(new DuckDBParameter(Quarter.Previous.Start));
        command.Parameters.Add(new DuckDBParameter(Quarter.Start));
        command.Parameters.Add(new DuckDBParameter(Quarter.End));
        using var reader = command.ExecuteReader();
        var rows = new List<Figures>();
        while (reader.Read())
            rows.Add(new Figures(reader.GetString(0), (long)(Int128)reader.GetValue(1), reader.GetInt64(2),
                reader.IsDBNull(3) ? null : (int)reader.GetInt64(3), reader.IsDBNull(4) ? "" : reader.GetString(4)));
        return rows;
    }

    /// <summary>The quarter's ranking alone: no previous period, no cities.</summary>
    private static List<string> MinimalSql(DuckDBConnection db)
    {
        using var command = db.CreateCommand();
        command.CommandText = """
            WITH d AS (SELECT occupation_code, sum(positions) AS demand FROM vacancies
                       WHERE registered_on >= $1 AND registered_on < $2 GROUP BY 1),
                 s AS (SELECT occupation_code, count(*) AS supply FROM jobseekers
                       WHERE registered_on >= $1 AND registered_on < $2 GROUP BY 1)
            SELECT occupation_code
            FROM d FULL JOIN s USING (occupation_code)
            WHERE coalesce(demand, 0) > coalesce(supply, 0) AND coalesce(demand, 0) >= 10
            ORDER BY coalesce(demand, 0) - coalesce(supply, 0) DESC, CASE WHEN supply > 0 THEN demand / supply END DESC NULLS FIRST, occupation_code
            LIMIT 100
            """;
        command.Parameters.Add(new DuckDBParameter(Quarter.Start));
        command.Parameters.Add(new DuckDBParameter(Quarter.End));
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(reader.GetString(0));
        return rows;
    }

    private static (string Vacancies, string Jobseekers) ExportCsv(DuckDBConnection db, string dir)
    {
        var vacancies = Path.Combine(dir, "vacancies.csv");
        var jobseekers = Path.Combine(dir, "jobseekers.csv");
        var marker = Path.Combine(dir, "csv-done");
        if (!File.Exists(marker) || File.GetLastWriteTimeUtc(marker) < Directory.GetLastWriteTimeUtc(Path.Combine(dir, "lake")))
        {
            db.ExecuteNonQuery($"COPY (SELECT * FROM vacancies) TO '{vacancies}' (HEADER); COPY (SELECT * FROM jobseekers) TO '{jobseekers}' (HEADER)");
            File.WriteAllText(marker, "");
        }
        return (vacancies, jobseekers);
    }

    private sealed record Registration(DateOnly RegisteredOn, string RegionCode, string OccupationCode, int Count);

    /// <summary>CSV rows as records; the columns by header name.</summary>
    private static IEnumerable<Registration> Read(string path, string countColumn)
    {
        using var reader = new StreamReader(path);
        var header = reader.ReadLine()!.Split(',');
        int date = Array.IndexOf(header, "registered_on"), region = Array.IndexOf(header, "region_code"),
            occupation = Array.IndexOf(header, "occupation_code"), count = countColumn.Length == 0 ? -1 : Array.IndexOf(header, countColumn);
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split(',');
            yield return new Registration(DateOnly.ParseExact(fields[date], "yyyy-MM-dd", CultureInfo.InvariantCulture), fields[region],
                fields[occupation], count < 0 ? 1 : int.Parse(fields[count], CultureInfo.InvariantCulture));
        }
    }

    /// <summary>What a C# developer would write first: load the two periods' rows, then group, rank and join with LINQ.</summary>
    private static List<Figures> Linq(string vacanciesCsv, string jobseekersCsv)
    {
        bool InPeriod(Registration r, ReportingPeriod p) => r.RegisteredOn >= p.Start && r.RegisteredOn < p.End;
        var previous = Quarter.Previous;
        var vacancies = Read(vacanciesCsv, "positions").Where(r => InPeriod(r, previous) || InPeriod(r, Quarter)).ToList();
        var seekers = Read(jobseekersCsv, "").Where(r => InPeriod(r, previous) || InPeriod(r, Quarter)).ToList();

        List<(string Code, long Demand, long Supply)> Ranked(ReportingPeriod p)
        {
            var demand = vacancies.Where(r => InPeriod(r, p)).GroupBy(r => r.OccupationCode).ToDictionary(g => g.Key, g => g.Sum(r => (long)r.Count));
            var supply = seekers.Where(r => InPeriod(r, p)).GroupBy(r => r.OccupationCode).ToDictionary(g => g.Key, g => g.LongCount());
            return demand.Keys.Union(supply.Keys)
                .Select(code => (Code: code, Demand: demand.GetValueOrDefault(code), Supply: supply.GetValueOrDefault(code)))
                .Where(r => r.Demand > r.Supply && r.Demand >= 10)
                .OrderByDescending(r => r.Demand - r.Supply)
                .ThenByDescending(r => r.Supply == 0 ? double.PositiveInfinity : (double)r.Demand / r.Supply)
                .ThenBy(r => r.Code, StringComparer.Ordinal)
                .Take(100)
                .ToList();
        }

        var current = Ranked(Quarter);
        var previousRank = Ranked(previous).Select((r, i) => (r.Code, Rank: i + 1)).ToDictionary(r => r.Code, r => r.Rank);
        var listed = current.Select(r => r.Code).ToHashSet();
        var cityGaps = vacancies.Where(r => InPeriod(r, Quarter) && listed.Contains(r.OccupationCode)).Select(r => (r.OccupationCode, r.RegionCode, Gap: (long)r.Count))
            .Concat(seekers.Where(r => InPeriod(r, Quarter) && listed.Contains(r.OccupationCode)).Select(r => (r.OccupationCode, r.RegionCode, Gap: -1L)))
            .GroupBy(r => (r.OccupationCode, City: r.RegionCode[..4] + "00"))
            .Select(g => (g.Key.OccupationCode, g.Key.City, Gap: g.Sum(r => r.Gap)))
            .Where(c => c.Gap > 0)
            .ToLookup(c => c.OccupationCode);
        return current.Select(r => new Figures(r.Code, r.Demand, r.Supply,
                previousRank.TryGetValue(r.Code, out var rank) ? rank : null,
                string.Join(' ', cityGaps[r.Code].OrderByDescending(c => c.Gap).ThenBy(c => c.City, StringComparer.Ordinal).Take(3).Select(c => c.City))))
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

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
