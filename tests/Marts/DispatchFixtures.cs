using Analytics.Warehouse.DuckDb;

namespace Analytics.Tests.Marts;

/// <summary>Dispatch rows for the margin and indicator tests; billed_total reconciles as datasets.md requires.</summary>
public static class DispatchFixtures
{

    public static void Project(this DuckDbDataSource db, string id, string taxMethod = "differential_5", string agency = "A1",
        int? workforce = 1000, decimal? targetPct = null, decimal? budgetRevenue = null, decimal? budgetCost = null, string region = "440106",
        string? client = null) =>
        db.ExecuteNonQuery("""
            INSERT INTO dispatch_projects (project_id, project_name, agency_id, agency_name, client_id, client_name, client_total_workforce,
                region_code, start_on, fee_model, fee_rate, tax_method, target_margin_pct, budget_monthly_revenue, budget_monthly_cost)
            VALUES (?, '项目' || ?, ?, '机构', ?, '客户', ?, ?, DATE '2025-01-01', 'per_head', 200, ?, ?, ?, ?)
            """, id, id, agency, client ?? "C-" + id, workforce, region, taxMethod, targetPct, budgetRevenue, budgetCost);   // a client per project unless shared

    /// <summary>
    /// One worker's settlement; employer SI is given as (pension, medical, unemployment, injury, maternity). The contract
    /// defaults to exactly two years covering 2025 and 2026, so no_contract and short_contract stay quiet.
    /// </summary>
    public static void Settlement(this DuckDbDataSource db, string month, string project, string worker, decimal gross, decimal siBase,
        (decimal Pension, decimal Medical, decimal Unemployment, decimal Injury, decimal Maternity) employerSi, decimal housingFund,
        decimal serviceFee, decimal commercialInsurance = 0m, decimal disabilityFund = 0m, string? contractStart = "2025-01-01", string? contractEnd = "2026-12-31")
    {
        var billed = gross + employerSi.Pension + employerSi.Medical + employerSi.Unemployment + employerSi.Injury + employerSi.Maternity
                     + housingFund + commercialInsurance + disabilityFund + serviceFee;
        db.ExecuteNonQuery("""
            INSERT INTO dispatch_settlements VALUES (CAST(? AS DATE), ?, ?, CAST(? AS DATE), CAST(? AS DATE), ?, ?, ?, ?, ?, ?, ?, ?,
                0, 0, 0, 0, 0, ?, ?, ?, ?, ?)
            """, month, project, worker, contractStart, contractEnd, gross, siBase, employerSi.Pension, employerSi.Medical,
            employerSi.Unemployment, employerSi.Injury, employerSi.Maternity, housingFund, gross, commercialInsurance,
            disabilityFund, serviceFee, billed);
    }

    /// <summary>A settlement whose pass-through is <paramref name="passThrough"/> (all payroll) and service fee <paramref name="serviceFee"/>.</summary>
    public static void SimpleSettlement(this DuckDbDataSource db, string month, string project, string worker, decimal passThrough, decimal serviceFee,
        string? contractStart = "2025-01-01", string? contractEnd = "2026-12-31") =>
        db.Settlement(month, project, worker, passThrough, passThrough, (0, 0, 0, 0, 0), 0, serviceFee,
            contractStart: contractStart, contractEnd: contractEnd);

    public static void Cost(this DuckDbDataSource db, string month, string project, decimal amount, string category = "other") =>
        db.ExecuteNonQuery("INSERT INTO dispatch_costs VALUES (CAST(? AS DATE), ?, ?, ?, gen_random_uuid()::VARCHAR)", month, project, category, amount);

    public static void Invoice(this DuckDbDataSource db, string project, decimal amount, string dueOn, string? receivedOn = null, decimal? receivedAmount = null) =>
        db.ExecuteNonQuery("INSERT INTO dispatch_invoices VALUES (gen_random_uuid()::VARCHAR, ?, DATE '2026-01-01', DATE '2026-01-01', ?, CAST(? AS DATE), CAST(? AS DATE), ?)",
            project, amount, dueOn, receivedOn, receivedAmount);
}
