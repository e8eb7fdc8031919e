using Analytics.Tests.Warehouse.DuckDb;
using DuckDB.NET.Data;
using Analytics.Warehouse.DuckDb;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Demo;

/// <summary>An independent reader: DuckDB's own CSV and JSON scanners must see the rows the generator says it wrote.</summary>
[Collection(SmallDemoInboxCollection.Name)]
public class DuckDbReadsDemoTests(SmallDemoInbox fixture)
{
    private readonly DemoInbox _inbox = fixture.Inbox;

    private static DuckDBConnection Open() => Memory.Open(("threads", "1"));

    [Fact]
    public void DuckDB_counts_the_same_rows_in_every_UTF8_text_file()
    {
        using var connection = Open();
        var files = _inbox.Summary.Files.Where(f => !f.Path.EndsWith(".xlsx") && !f.Path.EndsWith("_gbk.csv")).ToList();
        files.Count.ShouldBeGreaterThan(80);
        var counted = new Dictionary<string, long>();
        // One scan per dataset, counting rows per file. union_by_name: without it DuckDB 1.5.6 silently
        // skips, in a multi-file read_csv with filename = true, the files whose line ending (CRLF) differs
        // from the first file's (LF); count(*) without the filename column still counts them.
        foreach (var group in files.GroupBy(f => (f.Dataset, Json: f.Path.EndsWith(".jsonl"))))
        {
            using var command = connection.CreateCommand();
            command.CommandText = group.Key.Json
                ? "SELECT filename, count(*) FROM read_json(?, format = 'newline_delimited', filename = true) GROUP BY filename"
                : "SELECT filename, count(*) FROM read_csv(?, header = true, all_varchar = true, strict_mode = true, filename = true, union_by_name = true) GROUP BY filename";
            command.Parameters.Add(new DuckDBParameter { Value = group.Select(f => Path.Combine(_inbox.Inbox, f.Path)).ToArray() });
            using var reader = command.ExecuteReader();
            while (reader.Read()) counted[reader.GetString(0)] = Convert.ToInt64(reader.GetValue(1));
        }
        foreach (var file in files) counted.GetValueOrDefault(Path.Combine(_inbox.Inbox, file.Path)).ShouldBe(file.Rows, file.Path);
    }

    [Fact]
    public void DuckDB_finds_the_settlement_identities_hold_in_DECIMAL_but_for_the_planted_row()
    {
        using var connection = Open();
        var pattern = Path.Combine(_inbox.Inbox, "dispatch_settlements", "*.csv");
        const string money = "DECIMAL(14,2)";
        string C(string column) => $"coalesce(TRY_CAST({column} AS {money}), 0)";
        var sql = $"""
            SELECT count(*) FILTER (WHERE {C("net_pay")} <> {C("gross_wage")} - {C("personal_pension")} - {C("personal_medical")}
                                         - {C("personal_unemployment")} - {C("personal_housing_fund")} - {C("income_tax")}),
                   count(*) FILTER (WHERE {C("billed_total")} <> {C("gross_wage")} + {C("employer_pension")} + {C("employer_medical")}
                                         + {C("employer_unemployment")} + {C("employer_injury")} + {C("employer_maternity")}
                                         + {C("employer_housing_fund")} + {C("commercial_insurance")} + {C("disability_fund")} + {C("service_fee")})
                 , count(*)
            FROM read_csv(?, header = true, all_varchar = true, union_by_name = true)
            """;
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add(new DuckDBParameter { Value = pattern });
        using var reader = command.ExecuteReader();
        reader.Read().ShouldBeTrue();
        Convert.ToInt64(reader.GetValue(0)).ShouldBe(1);
        Convert.ToInt64(reader.GetValue(1)).ShouldBe(0);
        Convert.ToInt64(reader.GetValue(2)).ShouldBe(_inbox.Summary.Files.Where(f => f.Dataset == "dispatch_settlements").Sum(f => f.Rows));
    }
}
