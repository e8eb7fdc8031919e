using Analytics.Ingest.Schema;

namespace Analytics.Bench;

/// <summary>
/// The catalog contract over the rankings bench's generated lake (`analytics-bench-rankings`), as the host
/// builds it: vacancies and job seekers as views of their Parquet files (the columns the generator writes),
/// occupations and regions as tables. With <c>everyDataset</c>, every other dataset is an empty table of
/// its schema's columns (ingest/Schema: the types the catalog's views have), for marts that name them.
/// </summary>
internal static class BenchCatalog
{
    private static readonly string[] Generated = ["vacancies", "jobseekers", "occupations", "regions"];

    public static string Sql(string dir, bool everyDataset = false) => $"""
        CREATE VIEW vacancies AS
          SELECT posting_id, registered_on, region_code, employer_id, industry_code, occupation_code, positions,
                 wage_min, wage_max, education_min, channel
          FROM read_parquet('{Path.Combine(dir, "lake", "vacancies", "*", "*", "*.parquet")}');
        CREATE VIEW jobseekers AS
          SELECT seeker_id, registered_on, region_code, occupation_code, gender, birth_year, education, category, expected_wage
          FROM read_parquet('{Path.Combine(dir, "lake", "jobseekers", "*", "*", "*.parquet")}');
        CREATE TABLE occupations AS SELECT * FROM read_parquet('{Path.Combine(dir, "occupations.parquet")}');
        CREATE TABLE regions AS SELECT * FROM read_parquet('{Path.Combine(dir, "regions.parquet")}');
        """ + (everyDataset
            ? string.Concat(Datasets.All.Where(d => !Generated.Contains(d.Name))
                .Select(d => $"\nCREATE TABLE {d.Name}({string.Join(", ", d.Columns.Select(c => $"{c.Name} {c.SqlType}"))});"))
            : "");
}
