using Analytics.Warehouse.DuckDb;
using Analytics.Warehouse.Marts.Indicators;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Marts;

public class IndicatorTests
{
    private static readonly DateOnly September = new(2026, 9, 1);

    private static IReadOnlyList<IndicatorRow> Indicators(DuckDbDataSource db, string? scope = null) =>
        new IndicatorService(db).GetMonthly(September, scope);

    private static void Unemployed(DuckDbDataSource db, string registered, int uiMonths, decimal? amount, string? ended = null,
        string? endReason = null, string region = "440106") =>
        db.ExecuteNonQuery("INSERT INTO unemployment (person_id, registered_on, region_code, ended_on, end_reason, ui_months, ui_monthly_amount) VALUES (md5(random()::VARCHAR), CAST(? AS DATE), ?, CAST(? AS DATE), ?, ?, ?)",
            registered, region, ended, endReason, uiMonths, amount);

    private static void Retiree(DuckDbDataSource db, string born, string status = "active", string? statusOn = null, bool solitary = false,
        string retired = "2010-01-01", string region = "440106") =>
        db.ExecuteNonQuery("INSERT INTO retirees (retiree_id, region_code, gender, birth_date, retired_on, monthly_pension, solitary, status, status_on) VALUES (md5(random()::VARCHAR), ?, 'F', CAST(? AS DATE), CAST(? AS DATE), 3000, ?, ?, CAST(? AS DATE))",
            region, born, retired, solitary, status, statusOn);

    private static void Employed(DuckDbDataSource db, string type, string region = "440106", string day = "2026-09-10") =>
        db.ExecuteNonQuery("INSERT INTO employment (person_id, employed_on, region_code, occupation_code, employment_type, full_time) VALUES (md5(random()::VARCHAR), CAST(? AS DATE), ?, '1-01-01-01', ?, TRUE)",
            day, region, type);

    [Fact]
    public void Province_scope_includes_counties_and_lists_its_cities_with_data_in_code_order()
    {
        using var db = CatalogDatabase.Open();
        db.Vacancy("1-01-01-01", 30, "2026-09-05", "440305");     // Shenzhen county
        db.Seekers("1-01-01-01", 4, "2026-09-30", "440106");      // Guangzhou county
        db.Vacancy("1-01-01-01", 10, "2026-09-05", "440106");
        db.Vacancy("1-01-01-01", 7, "2026-09-05", "440000");      // registered at province level: scope row only
        db.Vacancy("1-01-01-01", 99, "2026-08-31", "440400");     // Zhuhai, but August: no September data
        db.Vacancy("1-01-01-01", 500, "2026-09-05", "450102");    // another province
        Employed(db, "employee"); Employed(db, "flexible"); Employed(db, "flexible", "440305");
        Employed(db, "self_employed", day: "2026-10-01");          // October
        db.Project("P", region: "440305");
        db.SimpleSettlement("2026-09-01", "P", "W1", 1000m, 210m); db.SimpleSettlement("2026-09-01", "P", "W2", 1000m, 210m);

        var rows = Indicators(db, "440000");
        rows.Select(r => (r.RegionCode, r.RegionName, r.IsChild)).ShouldBe(
            [("440000", "广东省", false), ("440100", "广州市", true), ("440300", "深圳市", true)]);
        // province: demand 30 + 10 + 7 = 47, supply 4, ratio 11.75
        (rows[0].Demand, rows[0].Supply, rows[0].Ratio).ShouldBe((47L, 4L, (decimal?)11.75m));
        (rows[1].Demand, rows[1].Supply, rows[1].Ratio).ShouldBe((10L, 4L, (decimal?)2.50m));
        (rows[2].Demand, rows[2].Supply, rows[2].Ratio).ShouldBe((30L, 0L, (decimal?)null));
        (rows[0].NewEmployment, rows[0].NewEmploymentEmployee, rows[0].NewEmploymentFlexible, rows[0].NewEmploymentSelfEmployed)
            .ShouldBe((3L, 1L, 2L, 0L));
        // two workers billed 1210 each: 2420; service 420 → VAT 20, surtax 2.40, margin 420 − 22.40 = 397.60
        (rows[0].DispatchHeadcount, rows[0].DispatchBilled, rows[0].DispatchMargin).ShouldBe((2L, 2420.00m, 397.60m));
        (rows[2].DispatchHeadcount, rows[1].DispatchHeadcount).ShouldBe((2L, 0L));

        // the whole country: the scope row, then the provinces
        Indicators(db).Select(r => (r.RegionCode, r.Demand)).ShouldBe([(null, 547L), ("440000", 47L), ("450000", 500L)]);
        // a city: its counties
        Indicators(db, "440100").Select(r => (r.RegionCode, r.Demand)).ShouldBe([("440100", 10L), ("440106", 10L)]);
        // a county has no children
        Indicators(db, "440106").Count.ShouldBe(1);
    }

    [Fact]
    public void Unemployment_stock_reemployment_and_benefit_window()
    {
        using var db = CatalogDatabase.Open();
        Unemployed(db, "2026-07-20", 3, 1800m);                                  // Jul, Aug, Sep: receives in September
        Unemployed(db, "2026-06-30", 3, 1700m);                                  // Jun, Jul, Aug: window over
        Unemployed(db, "2026-09-30", 1, 1500.50m);                               // new this month, receives
        Unemployed(db, "2026-05-01", 12, 1900m, "2026-08-31", "reemployed");     // ended before September 1
        Unemployed(db, "2026-05-01", 12, 2000m, "2026-09-01", "reemployed");     // ended on September 1: still receives September
        Unemployed(db, "2026-08-01", 0, null);                                   // no benefit
        Unemployed(db, "2026-10-01", 6, 1600m);                                  // registers next month
        var row = Indicators(db)[0];
        row.UiRecipients.ShouldBe(3);                 // 1800, 1500.50, 2000
        row.UiPaid.ShouldBe(5300.50m);
        row.NewUnemployed.ShouldBe(1);
        // stock at 09-30: not ended (07-20, 06-30, 09-30, 08-01); the 08-31 and 09-01 ones have ended
        row.RegisteredUnemployed.ShouldBe(4);
        row.Reemployed.ShouldBe(1);                   // ended 09-01 as reemployed; 08-31 is August
    }

    [Fact]
    public void Retirees_turning_80_in_the_month_count_from_their_birthday()
    {
        using var db = CatalogDatabase.Open();
        Retiree(db, "1946-09-30");                                                // 80 on 09-30, the last day: counts
        Retiree(db, "1946-10-01");                                                // 79 on 09-30
        Retiree(db, "1946-09-01");                                                // 80 since 09-01
        Retiree(db, "1950-01-01", solitary: true);                                // special care
        Retiree(db, "1940-01-01", "deceased", "2026-09-15");                      // gone before 09-30
        Retiree(db, "1940-01-01", "transferred_out", "2026-10-05");               // still here on 09-30, 86
        Retiree(db, "1960-01-01", retired: "2026-10-01");                         // retires next month
        Retiree(db, "1944-02-29", region: "450102");                              // 82, Guangxi
        var rows = Indicators(db, "440000");
        (rows[0].Retirees, rows[0].Retirees80Plus, rows[0].RetireesSpecial).ShouldBe((5L, 3L, 1L));
        rows.Count.ShouldBe(2); // 广东省 and 广州市
    }
}
