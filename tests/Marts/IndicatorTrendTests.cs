using Analytics.Warehouse.DuckDb;
using Analytics.Warehouse.Marts;
using Analytics.Warehouse.Marts.Indicators;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Marts;

public class IndicatorTrendTests
{
    [Fact]
    public void The_trend_gives_every_month_of_the_range_with_the_monthly_figures_of_the_scope()
    {
        using var db = CatalogDatabase.Open();
        db.Vacancy("1-01-01-01", 30, "2026-07-05", "440305");
        db.Vacancy("1-01-01-01", 12, "2026-09-30", "440106");
        db.Vacancy("1-01-01-01", 500, "2026-09-05", "450102");   // another province: outside the scope
        db.Seekers("1-01-01-01", 4, "2026-09-01", "440106");
        db.ExecuteNonQuery("INSERT INTO employment (person_id, employed_on, region_code, occupation_code, employment_type, full_time) VALUES ('p', DATE '2026-07-31', '440305', '1-01-01-01', 'employee', TRUE)");

        var service = new IndicatorService(db);
        var trend = service.GetTrend(MonthRange.Parse("2026-07", "2026-09"), "440000");

        // July: 30 positions, 1 placement; August: nothing (still listed); September: 12 positions, 4 seekers.
        trend.ShouldBe([
            new IndicatorTrendPoint(new DateOnly(2026, 7, 1), 30, 0, 1),
            new IndicatorTrendPoint(new DateOnly(2026, 8, 1), 0, 0, 0),
            new IndicatorTrendPoint(new DateOnly(2026, 9, 1), 12, 4, 0),
        ]);
        foreach (var point in trend)
        {
            var month = service.GetMonthly(point.Month, "440000").FirstOrDefault(r => !r.IsChild);
            (month?.Demand ?? 0).ShouldBe(point.Demand);
            (month?.Supply ?? 0).ShouldBe(point.Supply);
            (month?.NewEmployment ?? 0).ShouldBe(point.NewEmployment);
        }
    }
}
