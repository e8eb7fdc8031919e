-- Labour-market indicators for one month m (metrics.md §4, with compliance-and-statistics.md
-- B.2 and B.3): one row for the scope itself, then one per direct child region (a province's
-- cities, a city's counties) with any non-zero figure of m, in code order.
-- Each indicator is followed by its companions (B.3): a flow (counted over the month) by _ly
-- (the same month last year), _yoy_pct, _ytd (January through m), _ytd_ly and _ytd_yoy_pct; a
-- stock (at the month's last day, or a head count of the month) by _ly and _yoy_pct; the ratios
-- by differences of their published values. Percentages come from unrounded values, money is
-- rounded once at the end, and last year is recomputed from the lake as it is now.
-- Parameters: $month_start, $month_end (exclusive), $last_day of m; $ly_start, $ly_end, $ly_last_day
-- of m − 12 months; $year_start, $ly_year_start the Januaries of both; $scope (NULL = all, whose
-- children are the provinces); $long_term_days (365); $si_base_pct, $surtax_rate as for margins.
--
-- Every fact row is tagged `ly` (it belongs to last year's window, January of m − 12 through
-- m − 12; the windows never overlap, as m − 12 ends by January of m's year) and `in_month` (it
-- belongs to m or to m − 12). A stock is evaluated at both anchor days, so only in_month rows hold one.
WITH anchors AS (
    SELECT * FROM (VALUES
        (FALSE, CAST($last_day AS DATE)),
        (TRUE,  CAST($ly_last_day AS DATE))
    ) AS t(ly, last_day)
),
months AS (
    -- every month of both windows, with its last day: benefits are counted month by month
    SELECT CAST(m AS DATE)                                              AS month_start,
           CAST(m + INTERVAL 1 MONTH - INTERVAL 1 DAY AS DATE)          AS last_day,
           m < $year_start                                              AS ly,
           CAST(m AS DATE) = $month_start OR CAST(m AS DATE) = $ly_start AS in_month
    FROM range(CAST($ly_year_start AS TIMESTAMP), CAST($month_end AS TIMESTAMP), INTERVAL 1 MONTH) AS t(m)
    WHERE m < $ly_end OR m >= $year_start
),
flow_events AS (
    -- each dated event that a flow counts, on the day that places it in a month
    -- registrations by month: every window bound is the first day of a month, so the month's first
    -- day falls in a window exactly when each of its registrations does
    SELECT region_code, month AS day, demand, supply
    FROM stg_supply_demand_monthly

    UNION ALL BY NAME
    SELECT region_code, employed_on AS day,
           1                                                    AS new_employment,
           CAST(employment_type = 'employee' AS INTEGER)            AS new_employment_employee,
           CAST(employment_type = 'flexible' AS INTEGER)            AS new_employment_flexible,
           CAST(employment_type = 'self_employed' AS INTEGER)       AS new_employment_self_employed,
           CAST(employment_type = 'public_welfare_post' AS INTEGER) AS new_employment_public_welfare_post
    FROM employment

    UNION ALL BY NAME
    SELECT region_code, registered_on AS day, 1 AS new_unemployed FROM unemployment

    UNION ALL BY NAME
    SELECT region_code, ended_on AS day, 1 AS reemployed FROM unemployment WHERE end_reason = 'reemployed'

    UNION ALL BY NAME
    SELECT region_code, retired_on AS day, 1 AS new_retirees FROM retirees

    UNION ALL BY NAME
    -- B.4 keeps status_on >= retired_on, so stock(m) − stock(m − 1) = new − deaths − transfers out
    SELECT region_code, status_on AS day, 1 AS retiree_deaths FROM retirees WHERE status = 'deceased'

    UNION ALL BY NAME
    SELECT region_code, status_on AS day, 1 AS retiree_transfers_out FROM retirees WHERE status = 'transferred_out'
),
first_jobs AS (
    -- B.2: the first employment on or after each benefit registration (employment has no end date)
    SELECT u.person_id, u.registered_on, min(e.employed_on) AS first_job_on
    FROM unemployment AS u
    JOIN employment AS e ON e.person_id = u.person_id AND e.employed_on >= u.registered_on
    WHERE coalesce(u.ui_months, 0) > 0 AND u.registered_on < $month_end AND in_scope(u.region_code, $scope)
    GROUP BY ALL
),
benefit_months AS (
    -- one row per recipient and benefit month of either window (metrics.md §4 ui_recipients): the
    -- ui_months months from the month of registration, while the registration had not ended
    -- before the month began
    SELECT u.region_code, u.person_id, u.ui_monthly_amount, m.ly, m.in_month,
           -- B.2: still open at the month's last day, and employed since registering, by then
           coalesce((u.ended_on IS NULL OR u.ended_on > m.last_day) AND j.first_job_on <= m.last_day, FALSE)
                                                                        AS employed_while_receiving
    FROM unemployment AS u
    JOIN months AS m
      ON date_trunc('month', u.registered_on) <= m.month_start
     AND m.month_start < date_trunc('month', u.registered_on) + to_months(u.ui_months)
     AND (u.ended_on IS NULL OR u.ended_on >= m.month_start)
    LEFT JOIN first_jobs AS j ON j.person_id = u.person_id AND j.registered_on = u.registered_on
    WHERE coalesce(u.ui_months, 0) > 0 AND u.registered_on < $month_end AND in_scope(u.region_code, $scope)
),
facts AS (
    SELECT region_code,
           day < $year_start                                        AS ly,
           day >= $month_start OR (day >= $ly_start AND day < $ly_end) AS in_month,
           sum(demand) AS demand, sum(supply) AS supply,
           sum(new_employment) AS new_employment,
           sum(new_employment_employee) AS new_employment_employee,
           sum(new_employment_flexible) AS new_employment_flexible,
           sum(new_employment_self_employed) AS new_employment_self_employed,
           sum(new_employment_public_welfare_post) AS new_employment_public_welfare_post,
           sum(new_unemployed) AS new_unemployed, sum(reemployed) AS reemployed,
           sum(new_retirees) AS new_retirees, sum(retiree_deaths) AS retiree_deaths,
           sum(retiree_transfers_out) AS retiree_transfers_out
    FROM flow_events
    WHERE ((day >= $ly_year_start AND day < $ly_end) OR (day >= $year_start AND day < $month_end))
      AND in_scope(region_code, $scope)
    GROUP BY ALL

    UNION ALL BY NAME
    SELECT region_code, ly, in_month,
           count(*) FILTER (WHERE in_month)                                  AS ui_recipients,
           sum(ui_monthly_amount)                                           AS ui_paid,
           count(*) FILTER (WHERE in_month AND employed_while_receiving)     AS ui_with_employment,
           sum(ui_monthly_amount) FILTER (WHERE employed_while_receiving)   AS ui_paid_while_employed
    FROM benefit_months
    GROUP BY ALL

    UNION ALL BY NAME
    -- the registered unemployed at each anchor day: registered by then and not ended by then
    SELECT u.region_code, a.ly, TRUE AS in_month,
           count(*)                                                         AS registered_unemployed,
           -- B.2: a full year counts (365 days)
           count(*) FILTER (WHERE a.last_day - u.registered_on >= $long_term_days) AS long_term_unemployed
    FROM unemployment AS u
    JOIN anchors AS a ON u.registered_on <= a.last_day AND (u.ended_on IS NULL OR u.ended_on > a.last_day)
    WHERE in_scope(u.region_code, $scope)
    GROUP BY ALL

    UNION ALL BY NAME
    SELECT r.region_code, a.ly, TRUE AS in_month,
           count(*)                                                          AS retirees,
           count(*) FILTER (WHERE age_years(r.birth_date, a.last_day) >= 80)  AS retirees_80_plus,
           count(*) FILTER (WHERE r.solitary OR r.serious_illness OR r.extreme_poverty) AS retirees_special
    FROM retirees AS r
    JOIN anchors AS a ON r.retired_on <= a.last_day
      -- still under management at the anchor day (a departure without a date counts as departed)
      AND NOT (r.status IN ('transferred_out', 'deceased') AND coalesce(r.status_on <= a.last_day, TRUE))
    WHERE in_scope(r.region_code, $scope)
    GROUP BY ALL

    UNION ALL BY NAME
    SELECT region_code,
           month < $year_start                                   AS ly,
           month = $month_start OR month = $ly_start             AS in_month,
           sum(headcount)      AS dispatch_headcount,
           sum(billed_revenue) AS dispatch_billed,
           sum(gross_margin)   AS dispatch_margin
    FROM int_project_months($ly_year_start, $month_end, NULL, $si_base_pct, $surtax_rate)
    WHERE (month < $ly_end OR month >= $year_start) AND in_scope(region_code, $scope)
    GROUP BY ALL
),
areas AS (
    -- x: m; x_ly: m − 12; x_ytd: January through m; x_ytd_ly: January through m − 12 (flows only)
    SELECT
        GROUPING(child) = 0 AS is_child,
        child,
        coalesce(sum(demand) FILTER (WHERE in_month AND NOT ly), 0)                                      AS demand,
        coalesce(sum(demand) FILTER (WHERE in_month AND ly), 0)                                          AS demand_ly,
        coalesce(sum(demand) FILTER (WHERE NOT ly), 0)                                                  AS demand_ytd,
        coalesce(sum(demand) FILTER (WHERE ly), 0)                                                      AS demand_ytd_ly,
        coalesce(sum(supply) FILTER (WHERE in_month AND NOT ly), 0)                                      AS supply,
        coalesce(sum(supply) FILTER (WHERE in_month AND ly), 0)                                          AS supply_ly,
        coalesce(sum(supply) FILTER (WHERE NOT ly), 0)                                                  AS supply_ytd,
        coalesce(sum(supply) FILTER (WHERE ly), 0)                                                      AS supply_ytd_ly,
        coalesce(sum(new_employment) FILTER (WHERE in_month AND NOT ly), 0)                              AS new_employment,
        coalesce(sum(new_employment) FILTER (WHERE in_month AND ly), 0)                                  AS new_employment_ly,
        coalesce(sum(new_employment) FILTER (WHERE NOT ly), 0)                                          AS new_employment_ytd,
        coalesce(sum(new_employment) FILTER (WHERE ly), 0)                                              AS new_employment_ytd_ly,
        coalesce(sum(new_employment_employee) FILTER (WHERE in_month AND NOT ly), 0)                     AS new_employment_employee,
        coalesce(sum(new_employment_employee) FILTER (WHERE in_month AND ly), 0)                         AS new_employment_employee_ly,
        coalesce(sum(new_employment_employee) FILTER (WHERE NOT ly), 0)                                 AS new_employment_employee_ytd,
        coalesce(sum(new_employment_employee) FILTER (WHERE ly), 0)                                     AS new_employment_employee_ytd_ly,
        coalesce(sum(new_employment_flexible) FILTER (WHERE in_month AND NOT ly), 0)                     AS new_employment_flexible,
        coalesce(sum(new_employment_flexible) FILTER (WHERE in_month AND ly), 0)                         AS new_employment_flexible_ly,
        coalesce(sum(new_employment_flexible) FILTER (WHERE NOT ly), 0)                                 AS new_employment_flexible_ytd,
        coalesce(sum(new_employment_flexible) FILTER (WHERE ly), 0)                                     AS new_employment_flexible_ytd_ly,
        coalesce(sum(new_employment_self_employed) FILTER (WHERE in_month AND NOT ly), 0)                AS new_employment_self_employed,
        coalesce(sum(new_employment_self_employed) FILTER (WHERE in_month AND ly), 0)                    AS new_employment_self_employed_ly,
        coalesce(sum(new_employment_self_employed) FILTER (WHERE NOT ly), 0)                            AS new_employment_self_employed_ytd,
        coalesce(sum(new_employment_self_employed) FILTER (WHERE ly), 0)                                AS new_employment_self_employed_ytd_ly,
        coalesce(sum(new_employment_public_welfare_post) FILTER (WHERE in_month AND NOT ly), 0)          AS new_employment_public_welfare_post,
        coalesce(sum(new_employment_public_welfare_post) FILTER (WHERE in_month AND ly), 0)              AS new_employment_public_welfare_post_ly,
        coalesce(sum(new_employment_public_welfare_post) FILTER (WHERE NOT ly), 0)                      AS new_employment_public_welfare_post_ytd,
        coalesce(sum(new_employment_public_welfare_post) FILTER (WHERE ly), 0)                          AS new_employment_public_welfare_post_ytd_ly,
        coalesce(sum(new_unemployed) FILTER (WHERE in_month AND NOT ly), 0)                              AS new_unemployed,
        coalesce(sum(new_unemployed) FILTER (WHERE in_month AND ly), 0)                                  AS new_unemployed_ly,
        coalesce(sum(new_unemployed) FILTER (WHERE NOT ly), 0)                                          AS new_unemployed_ytd,
        coalesce(sum(new_unemployed) FILTER (WHERE ly), 0)                                              AS new_unemployed_ytd_ly,
        coalesce(sum(registered_unemployed) FILTER (WHERE in_month AND NOT ly), 0)                       AS registered_unemployed,
        coalesce(sum(registered_unemployed) FILTER (WHERE in_month AND ly), 0)                           AS registered_unemployed_ly,
        coalesce(sum(long_term_unemployed) FILTER (WHERE in_month AND NOT ly), 0)                        AS long_term_unemployed,
        coalesce(sum(long_term_unemployed) FILTER (WHERE in_month AND ly), 0)                            AS long_term_unemployed_ly,
        coalesce(sum(reemployed) FILTER (WHERE in_month AND NOT ly), 0)                                  AS reemployed,
        coalesce(sum(reemployed) FILTER (WHERE in_month AND ly), 0)                                      AS reemployed_ly,
        coalesce(sum(reemployed) FILTER (WHERE NOT ly), 0)                                              AS reemployed_ytd,
        coalesce(sum(reemployed) FILTER (WHERE ly), 0)                                                  AS reemployed_ytd_ly,
        coalesce(sum(ui_recipients) FILTER (WHERE in_month AND NOT ly), 0)                               AS ui_recipients,
        coalesce(sum(ui_recipients) FILTER (WHERE in_month AND ly), 0)                                   AS ui_recipients_ly,
        coalesce(sum(ui_paid) FILTER (WHERE in_month AND NOT ly), 0)                                     AS ui_paid,
        coalesce(sum(ui_paid) FILTER (WHERE in_month AND ly), 0)                                         AS ui_paid_ly,
        coalesce(sum(ui_paid) FILTER (WHERE NOT ly), 0)                                                 AS ui_paid_ytd,
        coalesce(sum(ui_paid) FILTER (WHERE ly), 0)                                                     AS ui_paid_ytd_ly,
        coalesce(sum(ui_with_employment) FILTER (WHERE in_month AND NOT ly), 0)                          AS ui_with_employment,
        coalesce(sum(ui_with_employment) FILTER (WHERE in_month AND ly), 0)                              AS ui_with_employment_ly,
        coalesce(sum(ui_paid_while_employed) FILTER (WHERE in_month AND NOT ly), 0)                      AS ui_paid_while_employed,
        coalesce(sum(ui_paid_while_employed) FILTER (WHERE in_month AND ly), 0)                          AS ui_paid_while_employed_ly,
        coalesce(sum(ui_paid_while_employed) FILTER (WHERE NOT ly), 0)                                  AS ui_paid_while_employed_ytd,
        coalesce(sum(ui_paid_while_employed) FILTER (WHERE ly), 0)                                      AS ui_paid_while_employed_ytd_ly,
        coalesce(sum(retirees) FILTER (WHERE in_month AND NOT ly), 0)                                    AS retirees,
        coalesce(sum(retirees) FILTER (WHERE in_month AND ly), 0)                                        AS retirees_ly,
        coalesce(sum(retirees_80_plus) FILTER (WHERE in_month AND NOT ly), 0)                            AS retirees_80_plus,
        coalesce(sum(retirees_80_plus) FILTER (WHERE in_month AND ly), 0)                                AS retirees_80_plus_ly,
        coalesce(sum(retirees_special) FILTER (WHERE in_month AND NOT ly), 0)                            AS retirees_special,
        coalesce(sum(retirees_special) FILTER (WHERE in_month AND ly), 0)                                AS retirees_special_ly,
        coalesce(sum(new_retirees) FILTER (WHERE in_month AND NOT ly), 0)                                AS new_retirees,
        coalesce(sum(new_retirees) FILTER (WHERE in_month AND ly), 0)                                    AS new_retirees_ly,
        coalesce(sum(new_retirees) FILTER (WHERE NOT ly), 0)                                            AS new_retirees_ytd,
        coalesce(sum(new_retirees) FILTER (WHERE ly), 0)                                                AS new_retirees_ytd_ly,
        coalesce(sum(retiree_deaths) FILTER (WHERE in_month AND NOT ly), 0)                              AS retiree_deaths,
        coalesce(sum(retiree_deaths) FILTER (WHERE in_month AND ly), 0)                                  AS retiree_deaths_ly,
        coalesce(sum(retiree_deaths) FILTER (WHERE NOT ly), 0)                                          AS retiree_deaths_ytd,
        coalesce(sum(retiree_deaths) FILTER (WHERE ly), 0)                                              AS retiree_deaths_ytd_ly,
        coalesce(sum(retiree_transfers_out) FILTER (WHERE in_month AND NOT ly), 0)                       AS retiree_transfers_out,
        coalesce(sum(retiree_transfers_out) FILTER (WHERE in_month AND ly), 0)                           AS retiree_transfers_out_ly,
        coalesce(sum(retiree_transfers_out) FILTER (WHERE NOT ly), 0)                                   AS retiree_transfers_out_ytd,
        coalesce(sum(retiree_transfers_out) FILTER (WHERE ly), 0)                                       AS retiree_transfers_out_ytd_ly,
        coalesce(sum(dispatch_headcount) FILTER (WHERE in_month AND NOT ly), 0)                          AS dispatch_headcount,
        coalesce(sum(dispatch_headcount) FILTER (WHERE in_month AND ly), 0)                              AS dispatch_headcount_ly,
        coalesce(sum(dispatch_billed) FILTER (WHERE in_month AND NOT ly), 0)                             AS dispatch_billed,
        coalesce(sum(dispatch_billed) FILTER (WHERE in_month AND ly), 0)                                 AS dispatch_billed_ly,
        coalesce(sum(dispatch_billed) FILTER (WHERE NOT ly), 0)                                         AS dispatch_billed_ytd,
        coalesce(sum(dispatch_billed) FILTER (WHERE ly), 0)                                             AS dispatch_billed_ytd_ly,
        coalesce(sum(dispatch_margin) FILTER (WHERE in_month AND NOT ly), 0)                             AS dispatch_margin,
        coalesce(sum(dispatch_margin) FILTER (WHERE in_month AND ly), 0)                                 AS dispatch_margin_ly,
        coalesce(sum(dispatch_margin) FILTER (WHERE NOT ly), 0)                                         AS dispatch_margin_ytd,
        coalesce(sum(dispatch_margin) FILTER (WHERE ly), 0)                                             AS dispatch_margin_ytd_ly
    FROM (SELECT *, child_region(region_code, $scope) AS child FROM facts)
    GROUP BY GROUPING SETS ((), (child))
),
recipients_ytd AS (
    -- B.3: ui_recipients_ytd = distinct persons receiving in at least one month from January (累计领取人数)
    SELECT
        GROUPING(child) = 0                                AS is_child,
        child,
        count(DISTINCT person_id) FILTER (WHERE NOT ly)    AS ui_recipients_ytd,
        count(DISTINCT person_id) FILTER (WHERE ly)        AS ui_recipients_ytd_ly
    FROM (SELECT *, child_region(region_code, $scope) AS child FROM benefit_months)
    GROUP BY GROUPING SETS ((), (child))
)
SELECT
    CASE WHEN a.is_child THEN a.child ELSE $scope END       AS region_code,
    r.region_name,
    a.is_child,
    CAST(a.demand AS BIGINT)                                    AS demand,
    CAST(a.demand_ly AS BIGINT)                                 AS demand_ly,
    yoy_pct(a.demand, a.demand_ly)                              AS demand_yoy_pct,
    CAST(a.demand_ytd AS BIGINT)                                AS demand_ytd,
    CAST(a.demand_ytd_ly AS BIGINT)                             AS demand_ytd_ly,
    yoy_pct(a.demand_ytd, a.demand_ytd_ly)                      AS demand_ytd_yoy_pct,
    CAST(a.supply AS BIGINT)                                    AS supply,
    CAST(a.supply_ly AS BIGINT)                                 AS supply_ly,
    yoy_pct(a.supply, a.supply_ly)                              AS supply_yoy_pct,
    CAST(a.supply_ytd AS BIGINT)                                AS supply_ytd,
    CAST(a.supply_ytd_ly AS BIGINT)                             AS supply_ytd_ly,
    yoy_pct(a.supply_ytd, a.supply_ytd_ly)                      AS supply_ytd_yoy_pct,
    round(div10(a.demand, nullif(a.supply, 0)), 2)                                AS ratio,
    round(div10(a.demand_ly, nullif(a.supply_ly, 0)), 2)                          AS ratio_ly,
    round(div10(a.demand, nullif(a.supply, 0)), 2)
        - round(div10(a.demand_ly, nullif(a.supply_ly, 0)), 2)                    AS ratio_yoy,
    round(div10(a.demand_ytd, nullif(a.supply_ytd, 0)), 2)                        AS ratio_ytd,
    round(div10(a.demand_ytd_ly, nullif(a.supply_ytd_ly, 0)), 2)                  AS ratio_ytd_ly,
    round(div10(a.demand_ytd, nullif(a.supply_ytd, 0)), 2)
        - round(div10(a.demand_ytd_ly, nullif(a.supply_ytd_ly, 0)), 2)            AS ratio_ytd_yoy,
    CAST(a.new_employment AS BIGINT)                            AS new_employment,
    CAST(a.new_employment_ly AS BIGINT)                         AS new_employment_ly,
    yoy_pct(a.new_employment, a.new_employment_ly)              AS new_employment_yoy_pct,
    CAST(a.new_employment_ytd AS BIGINT)                        AS new_employment_ytd,
    CAST(a.new_employment_ytd_ly AS BIGINT)                     AS new_employment_ytd_ly,
    yoy_pct(a.new_employment_ytd, a.new_employment_ytd_ly)      AS new_employment_ytd_yoy_pct,
    CAST(a.new_employment_employee AS BIGINT)                   AS new_employment_employee,
    CAST(a.new_employment_employee_ly AS BIGINT)                AS new_employment_employee_ly,
    yoy_pct(a.new_employment_employee, a.new_employment_employee_ly)AS new_employment_employee_yoy_pct,
    CAST(a.new_employment_employee_ytd AS BIGINT)               AS new_employment_employee_ytd,
    CAST(a.new_employment_employee_ytd_ly AS BIGINT)            AS new_employment_employee_ytd_ly,
    yoy_pct(a.new_employment_employee_ytd, a.new_employment_employee_ytd_ly)AS new_employment_employee_ytd_yoy_pct,
    CAST(a.new_employment_flexible AS BIGINT)                   AS new_employment_flexible,
    CAST(a.new_employment_flexible_ly AS BIGINT)                AS new_employment_flexible_ly,
    yoy_pct(a.new_employment_flexible, a.new_employment_flexible_ly)AS new_employment_flexible_yoy_pct,
    CAST(a.new_employment_flexible_ytd AS BIGINT)               AS new_employment_flexible_ytd,
    CAST(a.new_employment_flexible_ytd_ly AS BIGINT)            AS new_employment_flexible_ytd_ly,
    yoy_pct(a.new_employment_flexible_ytd, a.new_employment_flexible_ytd_ly)AS new_employment_flexible_ytd_yoy_pct,
    CAST(a.new_employment_self_employed AS BIGINT)              AS new_employment_self_employed,
    CAST(a.new_employment_self_employed_ly AS BIGINT)           AS new_employment_self_employed_ly,
    yoy_pct(a.new_employment_self_employed, a.new_employment_self_employed_ly)AS new_employment_self_employed_yoy_pct,
    CAST(a.new_employment_self_employed_ytd AS BIGINT)          AS new_employment_self_employed_ytd,
    CAST(a.new_employment_self_employed_ytd_ly AS BIGINT)       AS new_employment_self_employed_ytd_ly,
    yoy_pct(a.new_employment_self_employed_ytd, a.new_employment_self_employed_ytd_ly)AS new_employment_self_employed_ytd_yoy_pct,
    CAST(a.new_employment_public_welfare_post AS BIGINT)        AS new_employment_public_welfare_post,
    CAST(a.new_employment_public_welfare_post_ly AS BIGINT)     AS new_employment_public_welfare_post_ly,
    yoy_pct(a.new_employment_public_welfare_post, a.new_employment_public_welfare_post_ly)AS new_employment_public_welfare_post_yoy_pct,
    CAST(a.new_employment_public_welfare_post_ytd AS BIGINT)    AS new_employment_public_welfare_post_ytd,
    CAST(a.new_employment_public_welfare_post_ytd_ly AS BIGINT) AS new_employment_public_welfare_post_ytd_ly,
    yoy_pct(a.new_employment_public_welfare_post_ytd, a.new_employment_public_welfare_post_ytd_ly)AS new_employment_public_welfare_post_ytd_yoy_pct,
    CAST(a.new_unemployed AS BIGINT)                            AS new_unemployed,
    CAST(a.new_unemployed_ly AS BIGINT)                         AS new_unemployed_ly,
    yoy_pct(a.new_unemployed, a.new_unemployed_ly)              AS new_unemployed_yoy_pct,
    CAST(a.new_unemployed_ytd AS BIGINT)                        AS new_unemployed_ytd,
    CAST(a.new_unemployed_ytd_ly AS BIGINT)                     AS new_unemployed_ytd_ly,
    yoy_pct(a.new_unemployed_ytd, a.new_unemployed_ytd_ly)      AS new_unemployed_ytd_yoy_pct,
    CAST(a.registered_unemployed AS BIGINT)                     AS registered_unemployed,
    CAST(a.registered_unemployed_ly AS BIGINT)                  AS registered_unemployed_ly,
    yoy_pct(a.registered_unemployed, a.registered_unemployed_ly)AS registered_unemployed_yoy_pct,
    CAST(a.long_term_unemployed AS BIGINT)                      AS long_term_unemployed,
    CAST(a.long_term_unemployed_ly AS BIGINT)                   AS long_term_unemployed_ly,
    yoy_pct(a.long_term_unemployed, a.long_term_unemployed_ly)  AS long_term_unemployed_yoy_pct,
    round(div10(a.long_term_unemployed * 100, nullif(a.registered_unemployed, 0)), 1)       AS long_term_share_pct,
    round(div10(a.long_term_unemployed_ly * 100, nullif(a.registered_unemployed_ly, 0)), 1) AS long_term_share_pct_ly,
    -- in percentage points, from the unrounded shares
    round(div10(a.long_term_unemployed * 100, nullif(a.registered_unemployed, 0))
          - div10(a.long_term_unemployed_ly * 100, nullif(a.registered_unemployed_ly, 0)), 1) AS long_term_share_pct_yoy,
    CAST(a.reemployed AS BIGINT)                                AS reemployed,
    CAST(a.reemployed_ly AS BIGINT)                             AS reemployed_ly,
    yoy_pct(a.reemployed, a.reemployed_ly)                      AS reemployed_yoy_pct,
    CAST(a.reemployed_ytd AS BIGINT)                            AS reemployed_ytd,
    CAST(a.reemployed_ytd_ly AS BIGINT)                         AS reemployed_ytd_ly,
    yoy_pct(a.reemployed_ytd, a.reemployed_ytd_ly)              AS reemployed_ytd_yoy_pct,
    CAST(a.ui_recipients AS BIGINT)                             AS ui_recipients,
    CAST(a.ui_recipients_ly AS BIGINT)                          AS ui_recipients_ly,
    yoy_pct(a.ui_recipients, a.ui_recipients_ly)                AS ui_recipients_yoy_pct,
    CAST(coalesce(y.ui_recipients_ytd, 0) AS BIGINT)            AS ui_recipients_ytd,
    CAST(coalesce(y.ui_recipients_ytd_ly, 0) AS BIGINT)         AS ui_recipients_ytd_ly,
    yoy_pct(y.ui_recipients_ytd, y.ui_recipients_ytd_ly)        AS ui_recipients_ytd_yoy_pct,
    round(a.ui_paid, 2)                                         AS ui_paid,
    round(a.ui_paid_ly, 2)                                      AS ui_paid_ly,
    yoy_pct(a.ui_paid, a.ui_paid_ly)                            AS ui_paid_yoy_pct,
    round(a.ui_paid_ytd, 2)                                     AS ui_paid_ytd,
    round(a.ui_paid_ytd_ly, 2)                                  AS ui_paid_ytd_ly,
    yoy_pct(a.ui_paid_ytd, a.ui_paid_ytd_ly)                    AS ui_paid_ytd_yoy_pct,
    CAST(a.ui_with_employment AS BIGINT)                        AS ui_with_employment,
    CAST(a.ui_with_employment_ly AS BIGINT)                     AS ui_with_employment_ly,
    yoy_pct(a.ui_with_employment, a.ui_with_employment_ly)      AS ui_with_employment_yoy_pct,
    round(a.ui_paid_while_employed, 2)                          AS ui_paid_while_employed,
    round(a.ui_paid_while_employed_ly, 2)                       AS ui_paid_while_employed_ly,
    yoy_pct(a.ui_paid_while_employed, a.ui_paid_while_employed_ly)AS ui_paid_while_employed_yoy_pct,
    round(a.ui_paid_while_employed_ytd, 2)                      AS ui_paid_while_employed_ytd,
    round(a.ui_paid_while_employed_ytd_ly, 2)                   AS ui_paid_while_employed_ytd_ly,
    yoy_pct(a.ui_paid_while_employed_ytd, a.ui_paid_while_employed_ytd_ly)AS ui_paid_while_employed_ytd_yoy_pct,
    CAST(a.retirees AS BIGINT)                                  AS retirees,
    CAST(a.retirees_ly AS BIGINT)                               AS retirees_ly,
    yoy_pct(a.retirees, a.retirees_ly)                          AS retirees_yoy_pct,
    CAST(a.retirees_80_plus AS BIGINT)                          AS retirees_80_plus,
    CAST(a.retirees_80_plus_ly AS BIGINT)                       AS retirees_80_plus_ly,
    yoy_pct(a.retirees_80_plus, a.retirees_80_plus_ly)          AS retirees_80_plus_yoy_pct,
    CAST(a.retirees_special AS BIGINT)                          AS retirees_special,
    CAST(a.retirees_special_ly AS BIGINT)                       AS retirees_special_ly,
    yoy_pct(a.retirees_special, a.retirees_special_ly)          AS retirees_special_yoy_pct,
    CAST(a.new_retirees AS BIGINT)                              AS new_retirees,
    CAST(a.new_retirees_ly AS BIGINT)                           AS new_retirees_ly,
    yoy_pct(a.new_retirees, a.new_retirees_ly)                  AS new_retirees_yoy_pct,
    CAST(a.new_retirees_ytd AS BIGINT)                          AS new_retirees_ytd,
    CAST(a.new_retirees_ytd_ly AS BIGINT)                       AS new_retirees_ytd_ly,
    yoy_pct(a.new_retirees_ytd, a.new_retirees_ytd_ly)          AS new_retirees_ytd_yoy_pct,
    CAST(a.retiree_deaths AS BIGINT)                            AS retiree_deaths,
    CAST(a.retiree_deaths_ly AS BIGINT)                         AS retiree_deaths_ly,
    yoy_pct(a.retiree_deaths, a.retiree_deaths_ly)              AS retiree_deaths_yoy_pct,
    CAST(a.retiree_deaths_ytd AS BIGINT)                        AS retiree_deaths_ytd,
    CAST(a.retiree_deaths_ytd_ly AS BIGINT)                     AS retiree_deaths_ytd_ly,
    yoy_pct(a.retiree_deaths_ytd, a.retiree_deaths_ytd_ly)      AS retiree_deaths_ytd_yoy_pct,
    CAST(a.retiree_transfers_out AS BIGINT)                     AS retiree_transfers_out,
    CAST(a.retiree_transfers_out_ly AS BIGINT)                  AS retiree_transfers_out_ly,
    yoy_pct(a.retiree_transfers_out, a.retiree_transfers_out_ly)AS retiree_transfers_out_yoy_pct,
    CAST(a.retiree_transfers_out_ytd AS BIGINT)                 AS retiree_transfers_out_ytd,
    CAST(a.retiree_transfers_out_ytd_ly AS BIGINT)              AS retiree_transfers_out_ytd_ly,
    yoy_pct(a.retiree_transfers_out_ytd, a.retiree_transfers_out_ytd_ly)AS retiree_transfers_out_ytd_yoy_pct,
    CAST(a.dispatch_headcount AS BIGINT)                        AS dispatch_headcount,
    CAST(a.dispatch_headcount_ly AS BIGINT)                     AS dispatch_headcount_ly,
    yoy_pct(a.dispatch_headcount, a.dispatch_headcount_ly)      AS dispatch_headcount_yoy_pct,
    round(a.dispatch_billed, 2)                                 AS dispatch_billed,
    round(a.dispatch_billed_ly, 2)                              AS dispatch_billed_ly,
    yoy_pct(a.dispatch_billed, a.dispatch_billed_ly)            AS dispatch_billed_yoy_pct,
    round(a.dispatch_billed_ytd, 2)                             AS dispatch_billed_ytd,
    round(a.dispatch_billed_ytd_ly, 2)                          AS dispatch_billed_ytd_ly,
    yoy_pct(a.dispatch_billed_ytd, a.dispatch_billed_ytd_ly)    AS dispatch_billed_ytd_yoy_pct,
    round(a.dispatch_margin, 2)                                 AS dispatch_margin,
    round(a.dispatch_margin_ly, 2)                              AS dispatch_margin_ly,
    yoy_pct(a.dispatch_margin, a.dispatch_margin_ly)            AS dispatch_margin_yoy_pct,
    round(a.dispatch_margin_ytd, 2)                             AS dispatch_margin_ytd,
    round(a.dispatch_margin_ytd_ly, 2)                          AS dispatch_margin_ytd_ly,
    yoy_pct(a.dispatch_margin_ytd, a.dispatch_margin_ytd_ly)    AS dispatch_margin_ytd_yoy_pct
FROM areas AS a
LEFT JOIN recipients_ytd AS y ON y.is_child = a.is_child AND y.child IS NOT DISTINCT FROM a.child
LEFT JOIN regions AS r ON r.region_code = CASE WHEN a.is_child THEN a.child ELSE $scope END
WHERE NOT a.is_child
   OR (a.child IS NOT NULL
       AND (a.demand <> 0 OR a.supply <> 0 OR a.new_employment <> 0 OR a.new_unemployed <> 0
            OR a.registered_unemployed <> 0 OR a.reemployed <> 0 OR a.ui_recipients <> 0
            OR a.retirees <> 0 OR a.new_retirees <> 0 OR a.retiree_deaths <> 0 OR a.retiree_transfers_out <> 0
            OR a.dispatch_headcount <> 0 OR a.dispatch_billed <> 0 OR a.dispatch_margin <> 0))
ORDER BY a.is_child, a.child
