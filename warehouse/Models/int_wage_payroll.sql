-- Every payroll row of the projects in scope, at cut-off day as_of (metrics.md §6), unrounded:
-- paid_by = wage_paid when paid_on ≤ d, else 0; outstanding = wage_due − paid_by; past_due when
-- due_on(p, m) < d (on the pay date itself nothing is past due yet). Only work months from
-- first_month to last_month (first days), never after month(d): a month's figures read that
-- month's rows alone (the lake is partitioned by month, so the rest is never read).
-- Arguments: as_of (DATE), scope (NULL = all), first_month, last_month.
CREATE OR REPLACE TEMP MACRO int_wage_payroll(as_of, scope, first_month, last_month) AS TABLE
SELECT
    r.project_id,
    r.month,
    r.subcontractor_id,
    r.worker_id,
    r.wage_due,
    r.wage_paid,
    r.paid_on,
    r.paid_via,
    coalesce(r.signed_by_worker, false)                                    AS signed_by_worker,
    r.source_file,
    r.source_line,
    wage_due_on(r.month, p.pay_day, p.pay_month)                           AS due_on,
    CASE WHEN r.wage_paid > 0 AND r.paid_on <= as_of THEN r.wage_paid ELSE 0 END AS paid_by,
    r.wage_due - CASE WHEN r.wage_paid > 0 AND r.paid_on <= as_of THEN r.wage_paid ELSE 0 END AS outstanding,
    wage_due_on(r.month, p.pay_day, p.pay_month) < as_of                   AS past_due
FROM site_payroll AS r
JOIN int_wage_projects(scope) AS p ON p.project_id = r.project_id
WHERE r.month >= first_month AND r.month <= last_month AND r.month <= as_of;
