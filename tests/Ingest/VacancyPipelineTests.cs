using Shouldly;
using Xunit;
using Analytics.Ingest;

namespace Analytics.Tests.Ingest;

public class VacancyPipelineTests
{
    private const string Header = "posting_id,registered_on,region_code,employer_id,industry_code,occupation_code,positions,wage_min,wage_max,education_min,channel\n";

    [Fact]
    public void Loads_valid_rows_rejects_bad_ones_and_archives_the_file()
    {
        using var sandbox = new IngestSandbox();
        sandbox.Drop("vacancies", "a.csv", Header +
            "P1,2026-09-01,110105,E1,C13,2-02-01-01,3,\"8,000.50\",¥9000,bachelor,online\n" +
            "P2,2026/9/2,110105,E1,,2-02-01-01,1,,,本科,网络招聘\n" +
            "P3,20260903,11010X,E2,,2-02-01-01,1,,,,\n" +
            "P1,2026-09-04,110105,E1,,2-02-01-01,1,,,,\n");

        var result = sandbox.PassOne();

        result.Status.ShouldBe(FileStatus.Loaded);
        (result.RowsIn, result.RowsLoaded, result.RowsRejected).ShouldBe((4L, 2L, 2L));
        var rows = sandbox.Query("SELECT posting_id, registered_on, wage_min, wage_max, education_min, channel FROM vacancies ORDER BY posting_id");
        rows.Count.ShouldBe(2);
        rows[0].ShouldBe(["P1", new DateOnly(2026, 9, 1), 8000.50m, 9000.00m, "bachelor", "online"]);
        rows[1].ShouldBe(["P2", new DateOnly(2026, 9, 2), null, null, "bachelor", "online"]);
        sandbox.RejectLines(result).ShouldBe(["4,region_code,region code: 6 digits,11010X", "5,posting_id,duplicate key,P1"]);
        File.Exists(Path.Combine(sandbox.Root, "inbox/vacancies/a.csv")).ShouldBeFalse();
        File.Exists(Path.Combine(sandbox.Root, "archive/1/vacancies/a.csv")).ShouldBeTrue();
        Directory.GetFiles(Path.Combine(sandbox.Root, "lake/vacancies/year=2026/month=09"), "*.parquet").ShouldNotBeEmpty();
        sandbox.Scalar("SELECT count(*) FROM ingest_files WHERE status = 'loaded'").ShouldBe(1L);
    }
}
