-- Labour-market indicators for one month (metrics.md §4): one row for the scope itself, then
-- one per direct child region (a province's cities, a city's counties) with any non-zero figure,
-- in code order.
-- Parameters: $month_start, $month_end (exclusive), $last_day (of the month); $scope (NULL =
-- all, whose children are the provinces); $si_base_pct, $surtax_rate as for project margins.
WITH facts AS (
    SELECT region_code, sum(demand) AS demand, sum(supply) AS supply
    FROM stg_supply_demand
    WHERE registered_on >= $month_start AND registered_on < $month_end AND in_scope(region_code, $scope)
    GROUP BY region_code

    UNION ALL BY NAME
    SELECT region_code,
           count(*)                                                      AS new_employment,
           count(*) FILTER (WHERE employment_type = 'employee')            AS new_employment_employee,
           count(*) FILTER (WHERE employment_type = 'flexible')            AS new_employment_flexible,
           count(*) FILTER (WHERE employment_type = 'self_employed')       AS new_employment_self_employed,
           count(*) FILTER (WHERE employment_type = 'public_welfare_post') AS new_employment_public_welfare_post
    FROM employment
    WHERE employed_on >= $month_start AND employed_on < $month_end AND in_scope(region_code, $scope)
    GROUP BY region_code

    UNION ALL BY NAME
    SELECT region_code,
           count(*) FILTER (WHERE registered_on >= $month_start)           AS new_unemployed,
           -- the stock at the month's last day
           count(*) FILTER (WHERE ended_on IS NULL OR ended_on > $last_day) AS registered_unemployed,
           count(*) FILTER (WHERE ended_on >= $month_start AND ended_on <= $last_day
                              AND end_reason = 'reemployed')              AS reemployed,
           -- benefit months: the ui_months months from the month of registration, while the
           -- registration had not ended before the month began
           count(*) FILTER (WHERE receives_ui)                              AS ui_recipients,
           sum(ui_monthly_amount) FILTER (WHERE receives_ui)               AS ui_paid
    FROM (
        SELECT *,
               coalesce(ui_months, 0) > 0
               AND date_trunc('month', registered_on) <= $month_start
               AND $month_start < date_trunc('month', registered_on) + to_months(ui_months)
               AND (ended_on IS NULL OR ended_on >= $month_start)           AS receives_ui
        FROM unemployment
        WHERE registered_on <= $last_day AND in_scope(region_code, $scope)
    )
    GROUP BY region_code

    UNION ALL BY NAME
    SELECT region_code,
           count(*)                                                        AS retirees,
           count(*) FILTER (WHERE age_years(birth_date, $last_day) >= 80)  AS retirees_80_plus,
           count(*) FILTER (WHERE solitary OR serious_illness OR extreme_poverty) AS retirees_special
    FROM retirees
    WHERE retired_on <= $last_day
      -- still under management at the last day (a departure without a date counts as departed)
      AND NOT (status IN ('transferred_out', 'deceased') AND coalesce(status_on <= $last_day, TRUE))
      AND in_scope(region_code, $scope)
    GROUP BY region_code

    UNION ALL BY NAME
    SELECT region_code,
           sum(headcount)      AS dispatch_headcount,
           sum(billed_revenue) AS dispatch_billed,
           sum(gross_margin)   AS dispatch_margin
    FROM int_project_months($month_start, $month_end, NULL, $si_base_pct, $surtax_rate)
    WHERE in_scope(region_code, $scope)
    GROUP BY region_code
),
areas AS (
    SELECT
        GROUPING(child) = 0                                  AS is_child,
        child,
        coalesce(sum(demand), 0)                             AS demand,
        coalesce(sum(supply), 0)                             AS supply,
        coalesce(sum(new_employment), 0)                     AS new_employment,
        coalesce(sum(new_employment_employee), 0)            AS new_employment_employee,
        coalesce(sum(new_employment_flexible), 0)            AS new_employment_flexible,
        coalesce(sum(new_employment_self_employed), 0)       AS new_employment_self_employed,
        coalesce(sum(new_employment_public_welfare_post), 0) AS new_employment_public_welfare_post,
        coalesce(sum(new_unemployed), 0)                     AS new_unemployed,
        coalesce(sum(registered_unemployed), 0)              AS registered_unemployed,
        coalesce(sum(reemployed), 0)                         AS reemployed,
        coalesce(sum(ui_recipients), 0)                      AS ui_recipients,
        coalesce(sum(ui_paid), 0)                            AS ui_paid,
        coalesce(sum(retirees), 0)                           AS retirees,
        coalesce(sum(retirees_80_plus), 0)                   AS retirees_80_plus,
        coalesce(sum(retirees_special), 0)                   AS retirees_special,
        coalesce(sum(dispatch_headcount), 0)                 AS dispatch_headcount,
        coalesce(sum(dispatch_billed), 0)                    AS dispatch_billed,
        coalesce(sum(dispatch_margin), 0)                    AS dispatch_margin
    FROM (SELECT *, child_region(region_code, $scope) AS child FROM facts)
    GROUP BY GROUPING SETS ((), (child))
)
SELECT
    CASE WHEN a.is_child THEN a.child ELSE $scope END       AS region_code,
    r.region_name,
    a.is_child,
    CAST(a.demand AS BIGINT)                                AS demand,
    CAST(a.supply AS BIGINT)                                AS supply,
    round(div10(a.demand, nullif(a.supply, 0)), 2)          AS ratio,
    CAST(a.new_employment AS BIGINT)                        AS new_employment,
    CAST(a.new_employment_employee AS BIGINT)               AS new_employment_employee,
    CAST(a.new_employment_flexible AS BIGINT)               AS new_employment_flexible,
    CAST(a.new_employment_self_employed AS BIGINT)          AS new_employment_self_employed,
    CAST(a.new_employment_public_welfare_post AS BIGINT)    AS new_employment_public_welfare_post,
    CAST(a.new_unemployed AS BIGINT)                        AS new_unemployed,
    CAST(a.registered_unemployed AS BIGINT)                 AS registered_unemployed,
    CAST(a.reemployed AS BIGINT)                            AS reemployed,
    CAST(a.ui_recipients AS BIGINT)                         AS ui_recipients,
    round(a.ui_paid, 2)                                     AS ui_paid,
    CAST(a.retirees AS BIGINT)                              AS retirees,
    CAST(a.retirees_80_plus AS BIGINT)                      AS retirees_80_plus,
    CAST(a.retirees_special AS BIGINT)                      AS retirees_special,
    CAST(a.dispatch_headcount AS BIGINT)                    AS dispatch_headcount,
    round(a.dispatch_billed, 2)                             AS dispatch_billed,
    round(a.dispatch_margin, 2)                             AS dispatch_margin
FROM areas AS a
LEFT JOIN regions AS r ON r.region_code = CASE WHEN a.is_child THEN a.child ELSE $scope END
WHERE NOT a.is_child
   OR (a.child IS NOT NULL
       AND (a.demand <> 0 OR a.supply <> 0 OR a.new_employment <> 0 OR a.new_unemployed <> 0
            OR a.registered_unemployed <> 0 OR a.reemployed <> 0 OR a.ui_recipients <> 0
            OR a.retirees <> 0 OR a.dispatch_headcount <> 0 OR a.dispatch_billed <> 0
            OR a.dispatch_margin <> 0))
ORDER BY a.is_child, a.child
