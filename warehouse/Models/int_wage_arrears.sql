-- Arrears per project at cut-off day as_of over every work month already due (metrics.md §6,
-- arrears ranking): the payroll rows r of p with due_on(p, month of r) < as_of, read from their
-- events by day (stg_wage_arrears_events, a table Catalog.Sync keeps): the sums of the events up to
-- as_of, and the months still owed at as_of. A project with nothing owed may have a row with
-- arrears_total 0 (the callers keep only arrears_total > 0 or add it).
-- Arguments: as_of (DATE), scope (NULL = all).
CREATE OR REPLACE TEMP MACRO int_wage_arrears(as_of, scope) AS TABLE
SELECT
    e.project_id,
    coalesce(sum(e.arrears), 0)                                             AS arrears_total,
    CAST(coalesce(sum(e.workers), 0) AS BIGINT)                             AS arrears_workers_total,
    count(*) FILTER (WHERE e.owed_until > as_of)                            AS arrears_months,
    min(e.due_on) FILTER (WHERE e.owed_until > as_of)                       AS oldest_due_on
FROM stg_wage_arrears_events AS e
JOIN int_wage_projects(scope) AS p ON p.project_id = e.project_id
WHERE e.day <= as_of
GROUP BY e.project_id;
