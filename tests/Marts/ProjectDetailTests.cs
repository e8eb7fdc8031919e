using Analytics.Warehouse.Marts;
using Analytics.Warehouse.Marts.Projects;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Marts;

public class ProjectDetailTests
{
    [Fact]
    public void The_drill_down_sums_cost_items_counts_workers_and_ages_receivables()
    {
        using var db = CatalogDatabase.Open();
        db.Project("P1", agency: "A7");
        db.Project("P2", agency: "A8");
        db.SimpleSettlement("2026-01-01", "P1", "w1", 5000m, 300m);
        db.SimpleSettlement("2026-01-01", "P1", "w2", 6000m, 300m);
        db.SimpleSettlement("2026-02-01", "P1", "w1", 5000m, 300m);
        db.SimpleSettlement("2026-02-01", "P2", "w9", 9000m, 300m);      // another project: never counted
        db.Cost("2026-01-01", "P1", 800m, "recruitment");
        db.Cost("2026-01-01", "P1", 200m, "recruitment");
        db.Cost("2026-02-01", "P1", -150m, "claims");                   // a refund stays negative
        db.Cost("2026-03-01", "P1", 999m, "training");                  // outside the range
        // As of 2026-02-28: not yet due; 10 days past due; 59 days past due with 400 of 1000 received; paid in full (gone).
        db.Invoice("P1", 500m, "2026-03-10");
        db.Invoice("P1", 700m, "2026-02-18");
        db.Invoice("P1", 1000m, "2025-12-31", "2026-02-01", 400m);
        db.Invoice("P1", 300m, "2026-01-15", "2026-01-20", 300m);

        var service = new ProjectDetailService(db);
        service.AgencyOf("P1").ShouldBe("A7");
        service.AgencyOf("nope").ShouldBeNull();

        var detail = service.Get("P1", MonthRange.Parse("2026-01", "2026-02"))!;
        detail.AgencyId.ShouldBe("A7");
        detail.Costs.ShouldBe([
            new ProjectCostItem(new DateOnly(2026, 1, 1), "recruitment", 1000m, 2),
            new ProjectCostItem(new DateOnly(2026, 2, 1), "claims", -150m, 1),
        ]);
        detail.Workers.ShouldBe([
            new ProjectWorkers(new DateOnly(2026, 1, 1), 2, 11000m),
            new ProjectWorkers(new DateOnly(2026, 2, 1), 1, 5000m),
        ]);
        detail.Receivables.ShouldBe([
            new ReceivableBucket("not_due", 1, 500m),
            new ReceivableBucket("1_30", 1, 700m),
            new ReceivableBucket("31_90", 1, 600m),
        ]);
        service.Get("nope", MonthRange.Parse("2026-01")).ShouldBeNull();
    }
}
