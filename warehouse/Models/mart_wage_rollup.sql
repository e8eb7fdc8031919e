-- The inspector's roll-up (metrics.md §6): scope R, work month $month, cut-off $as_of. Rows: the
-- scope, then each direct child region with a project row or a non-reporting project (code
-- order), then each sector with either (enum order). Counts and sums only, never a worker.
-- Parameters: $as_of, $month (first day), $scope (NULL = all regions); thresholds as
-- mart_wage_project_months.
WITH project_rows AS (
    SELECT * FROM int_wage_project_months($as_of, $scope, $month, $month, $late_days, $arrears_above, $transfer_pct, $account_pct)
),
members AS (
    -- every project of the scope, with its row for the month (if any) and its arrears over all months
    SELECT
        p.project_id,
        child_region(p.region_code, $scope)                                       AS child,
        p.sector,
        r.project_id IS NOT NULL                                                  AS has_row,
        r.project_id IS NULL AND p.start_on <= last_day($month) AND p.planned_end_on >= $month AS not_reporting,
        coalesce(r.alerts, [])                                                    AS alerts,
        coalesce(r.workers_on_roster, 0)                                          AS workers_on_roster,
        coalesce(r.wage_due, 0)                                                   AS wage_due,
        coalesce(r.wage_paid, 0)                                                  AS wage_paid,
        coalesce(r.arrears, 0)                                                    AS arrears,
        coalesce(r.arrears_workers, 0)                                            AS arrears_workers,
        coalesce(t.arrears_total, 0)                                              AS arrears_total,
        coalesce(t.arrears_workers_total, 0)                                      AS arrears_workers_total
    FROM int_wage_projects($scope) AS p
    LEFT JOIN project_rows AS r ON r.project_id = p.project_id
    LEFT JOIN int_wage_arrears($as_of, $scope) AS t ON t.project_id = p.project_id
),
grouped AS (
    SELECT
        CASE WHEN grouping(child) = 0 THEN 'region' WHEN grouping(sector) = 0 THEN 'sector' ELSE 'scope' END AS level,
        CASE WHEN grouping(child) = 0 THEN child WHEN grouping(sector) = 0 THEN NULL ELSE $scope END AS region_code,
        CASE WHEN grouping(sector) = 0 THEN sector END                            AS sector,
        CAST(count(*) FILTER (WHERE has_row) AS INTEGER)                          AS projects,
        CAST(count(*) FILTER (WHERE not_reporting) AS INTEGER)                    AS projects_not_reporting,
        CAST(count(*) FILTER (WHERE list_contains(alerts, 'wage_arrears')) AS INTEGER)               AS projects_wage_arrears,
        CAST(count(*) FILTER (WHERE list_contains(alerts, 'late_pay')) AS INTEGER)                   AS projects_late_pay,
        CAST(count(*) FILTER (WHERE list_contains(alerts, 'attended_not_paid')) AS INTEGER)          AS projects_attended_not_paid,
        CAST(count(*) FILTER (WHERE list_contains(alerts, 'paid_not_on_roster')) AS INTEGER)         AS projects_paid_not_on_roster,
        CAST(count(*) FILTER (WHERE list_contains(alerts, 'no_contract')) AS INTEGER)                AS projects_no_contract,
        CAST(count(*) FILTER (WHERE list_contains(alerts, 'not_via_special_account')) AS INTEGER)    AS projects_not_via_special_account,
        CAST(count(*) FILTER (WHERE list_contains(alerts, 'labour_cost_not_transferred')) AS INTEGER) AS projects_labour_cost_not_transferred,
        CAST(count(*) FILTER (WHERE list_contains(alerts, 'no_special_account')) AS INTEGER)         AS projects_no_special_account,
        CAST(count(*) FILTER (WHERE list_contains(alerts, 'no_guarantee')) AS INTEGER)               AS projects_no_guarantee,
        CAST(count(*) FILTER (WHERE list_contains(alerts, 'no_notice_board')) AS INTEGER)            AS projects_no_notice_board,
        CAST(coalesce(sum(workers_on_roster), 0) AS INTEGER)                      AS workers_on_roster,
        round(coalesce(sum(wage_due), 0), 2)                                      AS wage_due,
        round(coalesce(sum(wage_paid), 0), 2)                                     AS wage_paid,
        round(coalesce(sum(arrears), 0), 2)                                       AS arrears,
        CAST(coalesce(sum(arrears_workers), 0) AS INTEGER)                        AS arrears_workers,   -- a worker owed on two projects counts twice
        round(coalesce(sum(arrears_total), 0), 2)                                 AS arrears_outstanding,
        CAST(coalesce(sum(arrears_workers_total), 0) AS INTEGER)                  AS arrears_workers_outstanding,
        count(*) FILTER (WHERE has_row OR not_reporting)                          AS shown_projects
    FROM members
    GROUP BY GROUPING SETS ((), (child), (sector))
)
SELECT * EXCLUDE (shown_projects)
FROM grouped
WHERE level = 'scope' OR (shown_projects > 0 AND (level = 'sector' OR region_code IS NOT NULL))
ORDER BY
    CASE level WHEN 'scope' THEN 0 WHEN 'region' THEN 1 ELSE 2 END,
    region_code,
    list_position(['housing', 'transport', 'water', 'civil_aviation', 'railway', 'other'], sector)
