-- Arrears per project at cut-off day as_of over every work month already due (metrics.md §6,
-- arrears ranking): the payroll rows r of p with due_on(p, month of r) < as_of.
-- Only rows still owed are aggregated (outstanding is never negative, so the sums are the same).
-- Arguments: as_of (DATE), scope (NULL = all).
CREATE OR REPLACE TEMP MACRO int_wage_arrears(as_of, scope) AS TABLE
SELECT
    project_id,
    sum(outstanding)                                            AS arrears_total,
    count(DISTINCT worker_id) FILTER (WHERE outstanding > 0)    AS arrears_workers_total,
    count(DISTINCT month) FILTER (WHERE outstanding > 0)        AS arrears_months,
    min(due_on) FILTER (WHERE outstanding > 0)                  AS oldest_due_on
FROM int_wage_payroll(as_of, scope, DATE '0001-01-01', as_of)
WHERE past_due AND outstanding > 0
GROUP BY project_id;
