-- Project margins per project and month with alerts (metrics.md §3). One row per project and
-- month that has any settlement or cost row, in project_id then month order.
-- Parameters: $first_month, $end_month (exclusive); $agency (NULL = all); thresholds
-- $surtax_rate, $dispatch_cap_pct, $si_base_pct, $overdue_days.
WITH months AS (
    SELECT *,
           round(gross_margin, 2)                                                   AS gross_margin_2,
           round(div10(gross_margin * 100, nullif(billed_revenue, 0)), 2)           AS margin_pct,
           round(div10(gross_margin * 100, nullif(service_revenue, 0)), 2)          AS service_margin_pct,
           round(div10(headcount * 100, nullif(client_total_workforce, 0)), 2)      AS dispatch_share_pct
    FROM int_project_months($first_month, $end_month, $agency, $si_base_pct, $surtax_rate)
)
SELECT
    project_id,
    project_name,
    agency_id,
    month,
    CAST(headcount AS INTEGER)                              AS headcount,
    round(payroll, 2)                                       AS payroll,
    round(employer_si, 2)                                   AS employer_si,
    round(employer_hf, 2)                                   AS employer_hf,
    round(pass_through, 2)                                  AS pass_through,
    round(billed_revenue, 2)                                AS billed_revenue,
    round(service_revenue, 2)                               AS service_revenue,
    round(vat, 2)                                           AS vat,
    round(surtax, 2)                                        AS surtax,
    round(direct_cost, 2)                                   AS direct_cost,
    gross_margin_2                                          AS gross_margin,
    margin_pct,
    service_margin_pct,
    round(billed_revenue - budget_monthly_revenue, 2)       AS revenue_variance,   -- NULL without a budget
    round(pass_through + vat + surtax + direct_cost - budget_monthly_cost, 2) AS cost_variance,
    round(overdue_amount, 2)                                AS overdue_amount,
    target_margin_pct,
    dispatch_share_pct,
    CAST(si_base_low_workers AS INTEGER)                    AS si_base_low_workers,
    CAST(short_contract_workers AS INTEGER)                 AS short_contract_workers,
    CAST(coalesce(max_days_overdue, 0) AS INTEGER)          AS max_days_overdue,
    -- in the order of metrics.md's alert table; each compares the figure as published
    list_filter([
        CASE WHEN gross_margin_2 < 0 THEN 'negative_margin' END,
        CASE WHEN margin_pct < target_margin_pct THEN 'below_target' END,
        CASE WHEN headcount * 100 > $dispatch_cap_pct * client_total_workforce THEN 'dispatch_cap' END,
        CASE WHEN si_base_low_workers > 0 THEN 'si_base_low' END,
        CASE WHEN short_contract_workers > 0 THEN 'short_contract' END,
        CASE WHEN max_days_overdue > $overdue_days THEN 'overdue_receivable' END
    ], a -> a IS NOT NULL)                                  AS alerts
FROM months
ORDER BY project_id, month
