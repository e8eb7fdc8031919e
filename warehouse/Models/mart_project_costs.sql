-- A dispatch project's cost items (dispatch_costs) per month and category, for the drill-down
-- of one project on the dashboard. Refunds are negative amounts and are kept as they are.
-- Parameters: $project, $first_month, $end_month (exclusive; first days of months).
SELECT
    month,
    category,
    sum(amount)  AS amount,
    count(*)     AS items
FROM dispatch_costs
WHERE project_id = $project
  AND month >= $first_month AND month < $end_month
GROUP BY month, category
ORDER BY month, category
