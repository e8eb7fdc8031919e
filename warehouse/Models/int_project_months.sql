-- Dispatch project cost and revenue per project and month (metrics.md §3), UNROUNDED: the
-- marts round at the very end, after any summing over a longer period. The receivables
-- (int_project_receivables) and the workforce and compliance counts (int_project_workforce,
-- int_client_dispatch, int_si_floors) are figure sets of their own, joined by the marts.
-- Arguments: first_month, end_month (exclusive), both first days of months; agency (NULL = all
-- agencies: the tenant boundary is applied here so no mart can forget it).
-- Thresholds: si_base_pct (60), surtax_rate (0.12).
CREATE OR REPLACE TEMP MACRO int_project_months(first_month, end_month, agency, si_base_pct, surtax_rate) AS TABLE
WITH settlements AS (
    SELECT
        project_id,
        month,
        count(DISTINCT worker_id)                                          AS headcount,
        sum(gross_wage)                                                    AS payroll,
        sum(employer_pension + employer_medical + employer_unemployment
            + employer_injury + employer_maternity)                        AS employer_si,
        sum(employer_housing_fund)                                         AS employer_hf,
        sum(coalesce(commercial_insurance, 0))                             AS commercial_insurance,
        sum(coalesce(disability_fund, 0))                                  AS disability_fund,
        sum(billed_total)                                                  AS billed_revenue,
        count(DISTINCT worker_id) FILTER (WHERE si_base * 100 < si_base_pct * gross_wage)
                                                                           AS si_base_low_workers,
        -- shorter than 2 years: 2026-01-01 .. 2027-12-31 is exactly 2 years (Labour Contract Law art. 58)
        count(DISTINCT worker_id) FILTER (WHERE contract_end < contract_start + INTERVAL 2 YEAR - INTERVAL 1 DAY)
                                                                           AS short_contract_workers
    FROM dispatch_settlements
    WHERE month >= first_month AND month < end_month
    GROUP BY project_id, month
),
costs AS (
    SELECT project_id, month, sum(amount) AS direct_cost
    FROM dispatch_costs
    WHERE month >= first_month AND month < end_month
    GROUP BY project_id, month
),
project_months AS (
    -- every project and month with any settlement or cost row
    SELECT
        coalesce(s.project_id, c.project_id) AS project_id,
        coalesce(s.month, c.month)           AS month,
        coalesce(s.headcount, 0)             AS headcount,
        coalesce(s.payroll, 0)               AS payroll,
        coalesce(s.employer_si, 0)           AS employer_si,
        coalesce(s.employer_hf, 0)           AS employer_hf,
        coalesce(s.commercial_insurance, 0) + coalesce(s.disability_fund, 0) AS other_pass_through,
        coalesce(s.billed_revenue, 0)        AS billed_revenue,
        coalesce(s.si_base_low_workers, 0)   AS si_base_low_workers,
        coalesce(s.short_contract_workers, 0) AS short_contract_workers,
        coalesce(c.direct_cost, 0)           AS direct_cost
    FROM settlements AS s
    FULL OUTER JOIN costs AS c ON c.project_id = s.project_id AND c.month = s.month
),
with_revenue AS (
    SELECT
        pm.project_id,
        p.project_name,
        p.agency_id,
        p.region_code,
        pm.month,
        pm.headcount,
        pm.payroll,
        pm.employer_si,
        pm.employer_hf,
        pm.payroll + pm.employer_si + pm.employer_hf + pm.other_pass_through         AS pass_through,
        pm.billed_revenue,
        pm.billed_revenue - (pm.payroll + pm.employer_si + pm.employer_hf + pm.other_pass_through)
                                                                                     AS service_revenue,
        p.tax_method,
        p.target_margin_pct,
        p.client_total_workforce,
        p.budget_monthly_revenue,
        p.budget_monthly_cost,
        pm.si_base_low_workers,
        pm.short_contract_workers,
        pm.direct_cost
    FROM project_months AS pm
    JOIN dispatch_projects AS p ON p.project_id = pm.project_id
    WHERE agency IS NULL OR p.agency_id = agency
),
taxed AS (
    SELECT *,
           -- differential_5 (差额征税): 5 % on the service revenue; general_6 (一般计税): 6 % on all billed
           CASE tax_method
               WHEN 'differential_5' THEN div10(service_revenue * 0.05, 1.05)
               WHEN 'general_6'      THEN div10(billed_revenue * 0.06, 1.06)
           END AS vat
    FROM with_revenue
)
SELECT *,
       vat * surtax_rate                                                       AS surtax,
       billed_revenue - pass_through - vat - vat * surtax_rate - direct_cost   AS gross_margin
FROM taxed;
