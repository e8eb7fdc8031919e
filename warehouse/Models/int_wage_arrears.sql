-- Arrears per project at cut-off day as_of over every work month already due (metrics.md §6,
-- arrears ranking): the payroll rows r of p with due_on(p, month of r) < as_of.
-- Only rows still owed are aggregated (outstanding is never negative, so the sums are the same);
-- the first filter, on the stored columns alone, lets the scan drop the rows paid in full by as_of
-- before they meet the projects (most of them), the second is the definition.
-- Arguments: as_of (DATE), scope (NULL = all).
CREATE OR REPLACE TEMP MACRO int_wage_arrears(as_of, scope) AS TABLE
WITH owed AS (
    SELECT *
    FROM int_wage_payroll(as_of, scope, DATE '0001-01-01', as_of)
    WHERE wage_due > 0 AND (wage_paid < wage_due OR paid_on IS NULL OR paid_on > as_of)
)
SELECT
    project_id,
    sum(outstanding)                    AS arrears_total,
    count(DISTINCT worker_id)           AS arrears_workers_total,
    count(DISTINCT month)               AS arrears_months,
    min(due_on)                         AS oldest_due_on
FROM owed
WHERE past_due AND outstanding > 0
GROUP BY project_id;
