-- Arrears per project at cut-off day as_of over every work month already due (metrics.md §6,
-- arrears ranking): the payroll rows r of p with due_on(p, month of r) < as_of.
-- Arguments: as_of (DATE), scope (NULL = all).
CREATE OR REPLACE TEMP MACRO int_wage_arrears(as_of, scope) AS TABLE
SELECT
    project_id,
    sum(outstanding)                                            AS arrears_total,
    count(DISTINCT worker_id) FILTER (WHERE outstanding > 0)    AS arrears_workers_total,
    count(DISTINCT month) FILTER (WHERE outstanding > 0)        AS arrears_months,
    min(due_on) FILTER (WHERE outstanding > 0)                  AS oldest_due_on
FROM int_wage_payroll(as_of, scope)
WHERE past_due
GROUP BY project_id;
