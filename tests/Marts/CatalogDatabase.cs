using Analytics.Warehouse.DuckDb;

namespace Analytics.Tests.Marts;

/// <summary>
/// A small in-memory database with tables named and typed exactly as the catalog views of the
/// catalog contract (BRIEF.md), so the marts run against it unchanged.
/// </summary>
public static class CatalogDatabase
{
    private const string Schema = """
        CREATE TABLE regions(region_code VARCHAR, region_name VARCHAR, parent_code VARCHAR);
        CREATE TABLE occupations(occupation_code VARCHAR, occupation_name VARCHAR);
        CREATE TABLE vacancies(posting_id VARCHAR, registered_on DATE, region_code VARCHAR, employer_id VARCHAR, industry_code VARCHAR,
            occupation_code VARCHAR, positions INTEGER, wage_min DECIMAL(14,2), wage_max DECIMAL(14,2),
            education_min VARCHAR, channel VARCHAR);
        CREATE TABLE jobseekers(seeker_id VARCHAR, registered_on DATE, region_code VARCHAR, occupation_code VARCHAR, gender VARCHAR,
            birth_year INTEGER, education VARCHAR, category VARCHAR, expected_wage DECIMAL(14,2));
        CREATE TABLE employment(person_id VARCHAR, employed_on DATE, region_code VARCHAR, employer_id VARCHAR, industry_code VARCHAR,
            occupation_code VARCHAR, employment_type VARCHAR, full_time BOOLEAN, monthly_wage DECIMAL(14,2));
        CREATE TABLE unemployment(person_id VARCHAR, registered_on DATE, region_code VARCHAR, gender VARCHAR, birth_year INTEGER,
            education VARCHAR, reason VARCHAR, ended_on DATE, end_reason VARCHAR, ui_months INTEGER,
            ui_monthly_amount DECIMAL(14,2));
        CREATE TABLE retirees(retiree_id VARCHAR, region_code VARCHAR, community VARCHAR, gender VARCHAR, birth_date DATE, retired_on DATE,
            monthly_pension DECIMAL(14,2), solitary BOOLEAN, serious_illness BOOLEAN, extreme_poverty BOOLEAN,
            model_worker BOOLEAN, pre1949_worker BOOLEAN, status VARCHAR, status_on DATE);
        CREATE TABLE dispatch_projects(project_id VARCHAR, project_name VARCHAR, agency_id VARCHAR, agency_name VARCHAR, client_id VARCHAR,
            client_name VARCHAR, client_industry VARCHAR, client_total_workforce INTEGER, region_code VARCHAR,
            start_on DATE, end_on DATE, fee_model VARCHAR, fee_rate DECIMAL(12,4), tax_method VARCHAR,
            target_margin_pct DECIMAL(9,4), budget_monthly_revenue DECIMAL(14,2), budget_monthly_cost DECIMAL(14,2));
        CREATE TABLE dispatch_settlements(month DATE, project_id VARCHAR, worker_id VARCHAR, contract_start DATE, contract_end DATE,
            gross_wage DECIMAL(14,2), si_base DECIMAL(14,2), employer_pension DECIMAL(14,2), employer_medical DECIMAL(14,2),
            employer_unemployment DECIMAL(14,2), employer_injury DECIMAL(14,2), employer_maternity DECIMAL(14,2),
            employer_housing_fund DECIMAL(14,2), personal_pension DECIMAL(14,2), personal_medical DECIMAL(14,2),
            personal_unemployment DECIMAL(14,2), personal_housing_fund DECIMAL(14,2), income_tax DECIMAL(14,2),
            net_pay DECIMAL(14,2), commercial_insurance DECIMAL(14,2), disability_fund DECIMAL(14,2),
            service_fee DECIMAL(14,2), billed_total DECIMAL(14,2));
        CREATE TABLE dispatch_costs(month DATE, project_id VARCHAR, category VARCHAR, amount DECIMAL(14,2), cost_id VARCHAR);
        CREATE TABLE dispatch_invoices(invoice_id VARCHAR, project_id VARCHAR, month DATE, invoiced_on DATE, amount DECIMAL(14,2),
            due_on DATE, received_on DATE, received_amount DECIMAL(14,2));
        """;

    /// <summary>A database (a scratch file by default, deleted with the data source; else the file) with every catalog table, empty but for a few regions.</summary>
    public static DuckDbDataSource Open(string? file = null)
    {
        var connection = file is null ? DuckDbDataSource.Scratch() : DuckDbDataSource.File(file);
        connection.ExecuteNonQuery(Schema);
        // every dataset the DDL above does not list yet, straight from the ingest schema (si_bases, …)
        foreach (var dataset in Analytics.Ingest.Schema.Datasets.All)
            connection.ExecuteNonQuery($"CREATE TABLE IF NOT EXISTS {dataset.Name}({string.Join(", ", dataset.Columns.Select(c => $"{c.Name} {c.SqlType}"))})");
        connection.ExecuteNonQuery("""
            INSERT INTO regions VALUES
              ('440000', '广东省', NULL), ('440100', '广州市', '440000'), ('440106', '天河区', '440100'),
              ('440111', '白云区', '440100'), ('440300', '深圳市', '440000'), ('440305', '南山区', '440300'),
              ('450000', '广西壮族自治区', NULL), ('450100', '南宁市', '450000'), ('450102', '兴宁区', '450100')
            """);
        return connection;
    }

    /// <summary>Vacancies with the given positions (one row), registered on a day, in a region.</summary>
    public static void Vacancy(this DuckDbDataSource db, string occupation, int positions, string day = "2026-08-15", string region = "440106") =>
        db.ExecuteNonQuery("INSERT INTO vacancies (posting_id, registered_on, region_code, employer_id, occupation_code, positions) VALUES (gen_random_uuid()::VARCHAR, CAST(? AS DATE), ?, 'E1', ?, ?)",
            day, region, occupation, positions);

    /// <summary>count job-seeker registrations for an occupation on a day in a region.</summary>
    public static void Seekers(this DuckDbDataSource db, string occupation, int count, string day = "2026-08-15", string region = "440106") =>
        db.ExecuteNonQuery("INSERT INTO jobseekers (seeker_id, registered_on, region_code, occupation_code) SELECT md5(random()::VARCHAR), CAST(? AS DATE), ?, ? FROM range(?)",
            day, region, occupation, count);
}
