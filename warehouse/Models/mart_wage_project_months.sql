-- Construction wage payment, one row per project and work month with its alerts (metrics.md §6),
-- in project_id then month order; money rounded to cents and percentages to 1 decimal at the end.
-- Parameters: $as_of (the cut-off day), $month (a work month's first day; NULL = every month up
-- to month($as_of)), $scope (NULL = all regions), $project (NULL = all projects); thresholds
-- $late_days, $arrears_above, $transfer_pct, $account_pct.
SELECT
    project_id,
    project_name,
    region_code,
    sector,
    contractor_name,
    month,
    due_on,
    CAST(workers_on_roster AS INTEGER)              AS workers_on_roster,
    CAST(workers_attended AS INTEGER)               AS workers_attended,
    CAST(workers_paid AS INTEGER)                   AS workers_paid,
    round(wage_due, 2)                              AS wage_due,
    round(wage_paid, 2)                             AS wage_paid,
    round(arrears, 2)                               AS arrears,
    CAST(arrears_workers AS INTEGER)                AS arrears_workers,
    CAST(late_payments AS INTEGER)                  AS late_payments,
    round(paid_via_account_pct, 1)                  AS paid_via_account_pct,
    CAST(unsigned_rows AS INTEGER)                  AS unsigned_rows,
    CAST(attended_not_paid AS INTEGER)              AS attended_not_paid,
    CAST(paid_not_on_roster AS INTEGER)             AS paid_not_on_roster,
    CAST(no_contract_workers AS INTEGER)            AS no_contract_workers,
    CAST(no_bank_card AS INTEGER)                   AS no_bank_card,
    round(labour_cost_transferred, 2)               AS labour_cost_transferred,
    labour_cost_expected,
    alerts
FROM int_wage_project_months($as_of, $scope, coalesce($month, DATE '0001-01-01'), coalesce($month, $as_of),
                             $late_days, $arrears_above, $transfer_pct, $account_pct)
WHERE $project IS NULL OR project_id = $project
ORDER BY project_id, month
