-- How many workers a dispatch project settled per month (distinct worker_id, as headcount in
-- metrics.md §3), with the payroll they were paid. No worker-level row ever leaves this query.
-- Parameters: $project, $first_month, $end_month (exclusive).
SELECT
    month,
    count(DISTINCT worker_id) AS workers,
    sum(gross_wage)           AS payroll
FROM dispatch_settlements
WHERE project_id = $project
  AND month >= $first_month AND month < $end_month
GROUP BY month
ORDER BY month
