-- Project margins per project and month with alerts (metrics.md §3, compliance-and-statistics.md
-- A.2–A.4). One row per project and month that has any settlement or cost row, in project_id then
-- month order. Each figure set is its own model: money (int_project_months), receivables at the
-- cut-off (int_project_receivables), the client's dispatch share (int_client_dispatch), the social
-- insurance floor (int_si_floors) and the workforce and its compliance (int_project_workforce).
-- Parameters: $first_month, $end_month (exclusive); $agency (NULL = all); $as_of (the day of the run);
-- thresholds $surtax_rate, $dispatch_cap_pct, $si_base_pct, $overdue_days, $expiring_days,
-- $joiner_grace, $si_floor_pct, $due_soon_days.
WITH months AS (
    SELECT pm.*,
           round(pm.gross_margin, 2)                                                      AS gross_margin_2,
           round(div10(pm.gross_margin * 100, nullif(pm.billed_revenue, 0)), 2)           AS margin_pct,
           round(div10(pm.gross_margin * 100, nullif(pm.service_revenue, 0)), 2)          AS service_margin_pct,
           coalesce(r.overdue_amount, 0)                                                  AS overdue_amount,
           r.max_days_overdue,                                                            -- NULL: nothing outstanding and due
           coalesce(r.due_soon_invoices, 0)                                               AS due_soon_invoices,
           coalesce(c.client_headcount, 0)                                                AS client_headcount,
           c.client_workforce,
           -- the client's share; NULL when its workforce is unknown or 0: the share cannot be judged
           round(div10(coalesce(c.client_headcount, 0) * 100, nullif(c.client_workforce, 0)), 2) AS dispatch_share_pct,
           coalesce(w.joiners, 0)                                                         AS joiners,
           coalesce(w.leavers, 0)                                                         AS leavers,
           coalesce(w.no_contract_workers, 0)                                             AS no_contract_workers,
           coalesce(w.expiring_contract_workers, 0)                                       AS expiring_contract_workers,
           coalesce(w.si_missing_workers, 0)                                              AS si_missing_workers,
           f.si_floor,
           coalesce(w.si_below_floor_workers, 0)                                          AS si_below_floor_workers
    FROM int_project_months($first_month, $end_month, $agency, $si_base_pct, $surtax_rate) AS pm
    LEFT JOIN int_project_receivables($first_month, $end_month, $as_of, $due_soon_days) AS r
      ON r.project_id = pm.project_id AND r.month = pm.month
    LEFT JOIN int_client_dispatch($first_month, $end_month) AS c
      ON c.project_id = pm.project_id AND c.month = pm.month
    LEFT JOIN int_si_floors($first_month, $end_month, $si_floor_pct) AS f
      ON f.project_id = pm.project_id AND f.month = pm.month
    LEFT JOIN int_project_workforce($first_month, $end_month, $expiring_days, $joiner_grace, $si_floor_pct) AS w
      ON w.project_id = pm.project_id AND w.month = pm.month
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
    CAST(joiners AS INTEGER)                                AS joiners,
    CAST(leavers AS INTEGER)                                AS leavers,
    CAST(client_headcount AS INTEGER)                       AS client_headcount,
    client_workforce,
    CAST(no_contract_workers AS INTEGER)                    AS no_contract_workers,
    CAST(expiring_contract_workers AS INTEGER)              AS expiring_contract_workers,
    CAST(si_missing_workers AS INTEGER)                     AS si_missing_workers,
    si_floor,
    CAST(si_below_floor_workers AS INTEGER)                 AS si_below_floor_workers,
    CAST(due_soon_invoices AS INTEGER)                      AS due_soon_invoices,
    -- in the order of the alert table (compliance-and-statistics.md A.4); each compares the figure as published
    list_filter([
        CASE WHEN gross_margin_2 < 0 THEN 'negative_margin' END,
        CASE WHEN margin_pct < target_margin_pct THEN 'below_target' END,
        CASE WHEN client_workforce > 0 AND client_headcount * 100 > $dispatch_cap_pct * client_workforce THEN 'dispatch_cap' END,
        CASE WHEN si_base_low_workers > 0 THEN 'si_base_low' END,
        CASE WHEN short_contract_workers > 0 THEN 'short_contract' END,
        CASE WHEN max_days_overdue > $overdue_days THEN 'overdue_receivable' END,
        CASE WHEN no_contract_workers > 0 THEN 'no_contract' END,
        CASE WHEN expiring_contract_workers > 0 THEN 'contract_expiring' END,
        CASE WHEN si_missing_workers > 0 THEN 'si_missing' END,
        CASE WHEN si_below_floor_workers > 0 THEN 'si_base_below_floor' END,
        CASE WHEN due_soon_invoices > 0 THEN 'invoice_due_soon' END
    ], a -> a IS NOT NULL)                                  AS alerts
FROM months
ORDER BY project_id, month
