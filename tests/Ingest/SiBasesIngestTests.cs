using System.Text;
using Analytics.Ingest;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Ingest;

/// <summary>si_bases (compliance-and-statistics.md A.1) as a bureau sends it, and a catalog made before the dataset existed.</summary>
public class SiBasesIngestTests
{
    [Fact]
    public void A_gbk_notice_with_chinese_headers_loads_and_its_rules_reject_row_by_row()
    {
        using var sandbox = new IngestSandbox();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        sandbox.Drop("si_bases", "notice.csv",
            "区划代码,执行起始月份,上年度平均工资,缴费基数下限,缴费基数上限\r\n" +
            "420000,2026-07,\"¥7,000.00\",,\"¥21,000.00\"\r\n" +      // the floor from the average wage
            "420100,202608,,4300,21000\r\n" +                          // yyyyMM, a city's own
            "420102,2026-09,,,\r\n" +                                  // neither avg_wage nor base_floor
            "420103,2026-09,,4300,4299.99\r\n",                        // cap below the floor
            Encoding.GetEncoding("GB18030"));

        var result = sandbox.PassOne();

        (result.RowsIn, result.RowsLoaded, result.RowsRejected).ShouldBe((4L, 2L, 2L));
        sandbox.Query("SELECT region_code, from_month, avg_wage, base_floor, base_cap FROM si_bases ORDER BY region_code").ShouldBe([
            ["420000", new DateOnly(2026, 7, 1), 7000.00m, null, 21000.00m],
            ["420100", new DateOnly(2026, 8, 1), null, 4300.00m, 21000.00m]]);
        sandbox.RejectLines(result).ShouldBe([
            "4,base_floor,required when avg_wage is empty,",
            "5,base_cap,base_cap >= base_floor,4299.99"]);
    }

    [Fact]
    public void A_catalog_without_a_view_for_a_newer_dataset_gets_it_on_the_next_pass()
    {
        using var sandbox = new IngestSandbox();
        sandbox.Pass();
        using (var connection = Analytics.Tests.Warehouse.DuckDb.Databases.OpenFile(Path.Combine(sandbox.Root, "warehouse.duckdb")))
        using (var drop = connection.CreateCommand())
        {
            drop.CommandText = "DROP VIEW si_bases";   // as a catalog made before si_bases was a dataset
            drop.ExecuteNonQuery();
        }
        sandbox.Pass();   // nothing to ingest
        sandbox.Scalar("SELECT count(*) FROM si_bases").ShouldBe(0L);
    }
}
