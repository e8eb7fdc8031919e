-- The wage officer's worker drill-down (metrics.md §6) for project $project and work month
-- $month at cut-off $as_of: the rows behind each count, each with worker_key (the first
-- $key_chars hex characters of the stored hash, never the hash), the values the figure used and
-- the source_file / source_line of the row. Shown ONLY to a wage officer bound to the project
-- (product.md); no publish verb writes it. Lists: outstanding, late_payment, attended_not_paid,
-- paid_not_on_roster, no_contract, unsigned, no_bank_card. attended_not_paid is listed before the
-- pay date too (the count waits for it): it is what the officer must correct in time.
-- Parameters: $project, $month (first day), $as_of, $late_days, $key_chars.
WITH payroll AS (
    SELECT * FROM int_wage_payroll($as_of, NULL, $month, $month)
    WHERE project_id = $project
),
stays AS (
    -- stays overlapping the month that exist at the cut-off day
    SELECT *, greatest(entered_on, $month) AS first_day_in_month
    FROM site_roster
    WHERE project_id = $project AND entered_on <= least(last_day($month), $as_of) AND (left_on IS NULL OR left_on >= $month)
),
attendance AS (
    SELECT * FROM site_attendance WHERE project_id = $project AND month = $month AND month <= $as_of
),
owed AS (
    SELECT DISTINCT worker_id FROM payroll WHERE wage_due > 0
),
listed AS (
    SELECT 1 AS list_order, 'outstanding' AS list, worker_id, subcontractor_id, wage_due, paid_by AS wage_paid, paid_on, due_on,
           NULL::INTEGER AS days_late, NULL::INTEGER AS days_worked, NULL::DATE AS entered_on, NULL::DATE AS left_on,
           NULL::DATE AS contract_signed_on, source_file, source_line
    FROM payroll WHERE outstanding > 0
    UNION ALL
    SELECT 2, 'late_payment', worker_id, subcontractor_id, wage_due, paid_by, paid_on, due_on, CAST(paid_on - due_on AS INTEGER),
           NULL, NULL, NULL, NULL, source_file, source_line
    FROM payroll WHERE wage_paid > 0 AND paid_on <= $as_of AND paid_on - due_on > $late_days
    UNION ALL
    SELECT 3, 'attended_not_paid', a.worker_id, NULL, NULL, NULL, NULL, NULL, NULL, a.days_worked, NULL, NULL, NULL, a.source_file, a.source_line
    FROM attendance AS a WHERE a.days_worked > 0 AND a.worker_id NOT IN (SELECT worker_id FROM owed)
    UNION ALL
    SELECT 4, 'paid_not_on_roster', worker_id, subcontractor_id, wage_due, paid_by, paid_on, due_on, NULL, NULL, NULL, NULL, NULL, source_file, source_line
    FROM payroll WHERE wage_due > 0 AND worker_id NOT IN (SELECT worker_id FROM stays)
    UNION ALL
    SELECT 5, 'no_contract', worker_id, subcontractor_id, NULL, NULL, NULL, NULL, NULL, NULL, entered_on, left_on, contract_signed_on, source_file, source_line
    FROM stays WHERE contract_signed_on IS NULL OR contract_signed_on > first_day_in_month
    UNION ALL
    SELECT 6, 'unsigned', worker_id, subcontractor_id, wage_due, paid_by, paid_on, due_on, NULL, NULL, NULL, NULL, NULL, source_file, source_line
    FROM payroll WHERE wage_due > 0 AND NOT signed_by_worker
    UNION ALL
    SELECT 7, 'no_bank_card', worker_id, subcontractor_id, NULL, NULL, NULL, NULL, NULL, NULL, entered_on, left_on, contract_signed_on, source_file, source_line
    FROM stays
    WHERE worker_id NOT IN (SELECT worker_id FROM stays WHERE coalesce(bank_card_registered, false))
)
SELECT
    list,
    left(worker_id, $key_chars)     AS worker_key,
    subcontractor_id,
    round(wage_due, 2)              AS wage_due,
    round(wage_paid, 2)             AS wage_paid,
    paid_on,
    due_on,
    days_late,
    days_worked,
    entered_on,
    left_on,
    contract_signed_on,
    source_file,
    source_line
FROM listed
ORDER BY list_order, worker_key, source_file, source_line
