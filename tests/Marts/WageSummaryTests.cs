using System.Collections;
using System.Globalization;
using System.Text;
using Analytics.Warehouse.DuckDb;
using Analytics.Warehouse.Marts;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Marts;

/// <summary>
/// The wage summaries Catalog.Sync materialises (stg_wage_projects, stg_wage_month_events, stg_wage_arrears_events) keep
/// the cut-off day a parameter: for every day tried — a pay date, the day after, a partial payment, a
/// payment on the current month's pay date, a stay entered mid-month, a replaced instalment, a worker
/// owed by two subcontractors and over two months, a month long after the last roster date — the
/// project rows, the roll-up and the arrears ranking read through them are, column for column, what the
/// direct computation over the raw rows (<see cref="WageRawReference"/>) gives, and so is the same SQL
/// run over the summaries as views.
/// </summary>
public class WageSummaryTests
{
    private static readonly string[] Summaries = SqlModels.Summaries.Where(s => s.StartsWith("stg_wage_", StringComparison.Ordinal)).ToArray();

    [Fact]
    public void Answers_through_the_summaries_equal_the_raw_computation_at_every_cut_off_day()
    {
        using var lake = BoundaryLake();
        foreach (var summary in Summaries)
            lake.Query("SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main' AND NOT temporary AND table_name = $1", summary)
                .Single()[0].ShouldBe(1L, $"{summary} is a catalog table");

        DateOnly[] days =
        [
            new(2026, 3, 31), new(2026, 4, 15), new(2026, 4, 16), new(2026, 5, 14), new(2026, 5, 15), new(2026, 5, 16),
            new(2026, 5, 19), new(2026, 5, 20), new(2026, 5, 24), new(2026, 5, 25), new(2026, 5, 31), new(2026, 6, 1),
            new(2026, 6, 2), new(2026, 6, 3), new(2026, 6, 10), new(2026, 6, 30), new(2026, 7, 1), new(2026, 7, 5),
            new(2026, 7, 6), new(2026, 12, 20), new(2027, 3, 1),
        ];
        var compared = 0;
        for (var i = 0; i < days.Length; i++)
        {
            var day = days[i];
            var month = new DateOnly(day.Year, day.Month, 1);
            var views = i % 4 == 0; // the summaries as views too, on some days (each run re-reads every raw row)
            compared += Same(lake, views, "mart_wage_project_months", Parameters(day, null, 0, ("month", null), ("project", null)));
            compared += Same(lake, views, "mart_wage_project_months", Parameters(day, "420100", 2, ("month", null), ("project", null)));
            compared += Same(lake, views, "mart_wage_rollup", Parameters(day, "420100", 0, ("month", month)));
            compared += Same(lake, false, "mart_wage_rollup", Parameters(day, null, 2, ("month", month.AddMonths(-1))));
            compared += Same(lake, views, "mart_wage_arrears_ranking", new() { ["as_of"] = day, ["scope"] = "420100", ["top"] = null });
            compared += Same(lake, false, "mart_wage_arrears_ranking", new() { ["as_of"] = day, ["scope"] = null, ["top"] = 2 });
        }
        compared.ShouldBeGreaterThan(300); // rows compared, so an empty answer on both sides cannot pass alone
    }

    /// <summary>Runs the mart over the raw rows and through the summary tables (and views); returns the number of rows compared.</summary>
    private static int Same(WageLake lake, bool alsoViews, string mart, Dictionary<string, object?> parameters)
    {
        var raw = Run(lake.Catalog, ReferenceText(mart), parameters);
        var what = $"{mart} at {string.Join(", ", parameters.Select(p => $"{p.Key}={Render(p.Value)}"))}";
        Run(lake.Catalog, SqlModels.CommandText(mart, Summaries), parameters).ShouldBe(raw, what);
        if (alsoViews) Run(lake.Catalog, SqlModels.CommandText(mart), parameters).ShouldBe(raw, what);
        return raw.Count;
    }

    /// <summary>The mart's own query over the raw models (macros, projects and payroll as the product has them).</summary>
    private static string ReferenceText(string mart) =>
        string.Join(";\n", new[] { "macros", "int_wage_projects", "int_wage_payroll" }.Select(m => SqlModels.Text(m).TrimEnd().TrimEnd(';')))
        + ";\n" + WageRawReference.Macros + ";\n"
        + SqlModels.Text(mart).Replace("int_wage_project_months(", "raw_wage_project_months(").Replace("int_wage_arrears(", "raw_wage_arrears(");

    private static Dictionary<string, object?> Parameters(DateOnly asOf, string? scope, int lateDays, params (string Name, object? Value)[] more)
    {
        var parameters = new Dictionary<string, object?>
        {
            ["as_of"] = asOf, ["scope"] = scope, ["late_days"] = lateDays, ["arrears_above"] = 0m, ["transfer_pct"] = 80m, ["account_pct"] = 100m,
        };
        foreach (var (name, value) in more) parameters[name] = value;
        return parameters;
    }

    /// <summary>Each row as one line of column=value (decimals by value, so 2300.00 and 2300.0000 are the same figure).</summary>
    private static List<string> Run(DuckDbDataSource catalog, string sql, Dictionary<string, object?> parameters) => catalog.Use(db =>
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            var line = new StringBuilder();
            for (var i = 0; i < reader.FieldCount; i++)
                line.Append(reader.GetName(i)).Append('=').Append(Render(reader.IsDBNull(i) ? null : reader.GetValue(i))).Append("; ");
            rows.Add(line.ToString());
        }
        return rows;
    });

    private static string Render(object? value) => value switch
    {
        null => "∅",
        decimal d => d.ToString("G29", CultureInfo.InvariantCulture),
        string s => s,
        IEnumerable list => "[" + string.Join(",", list.Cast<object?>().Select(Render)) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>
    /// The worked example, then GC-005 (pay_day 31 of the CURRENT month, so May is due 05-31) with
    /// overlapping and mid-month stays, a worker paid by one subcontractor and owed by another, late,
    /// partial and unpaid rows over two months, a worker on no roster, flows in the current month;
    /// and w3's April instalment replaced by a later file (paid in full on 05-25).
    /// </summary>
    private static WageLake BoundaryLake()
    {
        var lake = WagePaymentFixtures.WorkedExample();
        lake.Drop("construction_projects", $"""
            {WageLake.ProjectHeader}
            GC-005,江岸地铁站,420102,railway,C5,铁建公司,地铁集团,5000000.00,10,2026-01-01,2026-10-31,31,current,2026-05-20,,,true,
            """);
        lake.Drop("site_roster", $"""
            {WageLake.RosterHeader}
            GC-005,v1,2026-02-10,,S9,,2026-02-10,true
            GC-005,v2,2026-05-20,,S9,,2026-05-20,false
            GC-005,v3,2026-01-05,2026-02-10,S9,,2026-01-05,false
            GC-005,v3,2026-02-20,,S9,,2026-02-20,true
            GC-005,v4,2026-05-01,2026-06-20,S9,,2026-06-03,true
            """);
        lake.Drop("site_attendance", $"""
            {WageLake.AttendanceHeader}
            2026-05,GC-005,v1,20,
            2026-05,GC-005,v2,5,
            2026-05,GC-005,v4,0,
            2026-06,GC-005,v1,20,
            2026-06,GC-005,v3,20,
            """);
        lake.Drop("site_payroll", $"""
            {WageLake.PayrollHeader}
            2026-05,GC-005,S9,v1,5000.00,5000.00,2026-05-31,special_account,true
            2026-05,GC-005,S8,v1,1000.00,0,,,false
            2026-05,GC-005,S9,v3,3000.00,3000.00,2026-06-02,special_account,true
            2026-05,GC-005,S9,v2,2000.00,1000.00,2026-06-10,cash,true
            2026-06,GC-005,S9,v1,5000.00,5000.00,2026-07-05,special_account,true
            2026-06,GC-005,S9,v3,3000.00,0,,,true
            2026-06,GC-005,S9,v9,1000.00,1000.00,2026-06-30,cash,false
            """);
        lake.Drop("account_flows", $"""
            {WageLake.FlowHeader}
            F1,GC-005,2026-05-15,in,10000.00,builder
            F2,GC-005,2026-05-25,in,5000.00,builder
            F3,GC-005,2026-06-05,out,9000.00,worker
            """);
        lake.Ingest();
        lake.Drop("site_payroll", $"{WageLake.PayrollHeader}\n2026-04,GC-001,S1,w3,6300.00,6300.00,2026-05-25,special_account,true");
        return lake.Ingest();
    }
}
