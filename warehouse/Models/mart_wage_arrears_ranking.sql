-- The arrears ranking (欠薪项目排行, metrics.md §6) at cut-off $as_of in scope $scope: projects
-- with arrears_total > 0 over every work month already due, by arrears_total, then
-- arrears_workers_total (both descending), then project_id. Parameters: $as_of, $scope (NULL =
-- all), $top (NULL = every such project).
WITH ranked AS (
    SELECT
        CAST(row_number() OVER (ORDER BY a.arrears_total DESC, a.arrears_workers_total DESC, a.project_id) AS INTEGER) AS rank,
        a.project_id,
        p.project_name,
        p.region_code,
        p.sector,
        p.contractor_name,
        round(a.arrears_total, 2)                           AS arrears_total,
        CAST(a.arrears_workers_total AS INTEGER)            AS arrears_workers_total,
        CAST(a.arrears_months AS INTEGER)                   AS arrears_months,
        a.oldest_due_on,
        CAST($as_of - a.oldest_due_on AS INTEGER)           AS days_overdue
    FROM int_wage_arrears($as_of, $scope) AS a
    JOIN int_wage_projects($scope) AS p ON p.project_id = a.project_id
    WHERE a.arrears_total > 0
)
SELECT * FROM ranked
WHERE $top IS NULL OR rank <= $top
ORDER BY rank
