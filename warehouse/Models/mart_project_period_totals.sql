-- Project figures over a period longer than a month (metrics.md §3): money summed over the
-- project's months, percentages recomputed from the sums, headcount the average of the
-- monthly headcounts, joiners and leavers summed (the other compliance counts exist per month only),
-- overdue_amount at the period's last month. Same parameters as mart_project_margins.
WITH totals AS (
    SELECT
        pm.project_id,
        any_value(project_name)                     AS project_name,
        any_value(agency_id)                        AS agency_id,
        count(*)                                    AS months,
        div10(sum(headcount), count(*))             AS average_headcount,
        sum(payroll)                                AS payroll,
        sum(employer_si)                            AS employer_si,
        sum(employer_hf)                            AS employer_hf,
        sum(pass_through)                           AS pass_through,
        sum(billed_revenue)                         AS billed_revenue,
        sum(service_revenue)                        AS service_revenue,
        sum(vat)                                    AS vat,
        sum(surtax)                                 AS surtax,
        sum(direct_cost)                            AS direct_cost,
        sum(gross_margin)                           AS gross_margin,
        sum(billed_revenue - budget_monthly_revenue) AS revenue_variance,
        sum(pass_through + vat + surtax + direct_cost - budget_monthly_cost) AS cost_variance,
        arg_max(coalesce(r.overdue_amount, 0), pm.month) AS overdue_amount,   -- at the period's last month
        sum(coalesce(w.joiners, 0))                 AS joiners,
        sum(coalesce(w.leavers, 0))                 AS leavers
    FROM int_project_months($first_month, $end_month, $agency, $si_base_pct, $surtax_rate) AS pm
    LEFT JOIN int_project_receivables($first_month, $end_month, $as_of, $due_soon_days) AS r
      ON r.project_id = pm.project_id AND r.month = pm.month
    LEFT JOIN int_project_workforce($first_month, $end_month, $expiring_days, $joiner_grace, $si_floor_pct) AS w
      ON w.project_id = pm.project_id AND w.month = pm.month
    GROUP BY pm.project_id
)
SELECT
    project_id,
    project_name,
    agency_id,
    CAST(months AS INTEGER)                                              AS months,
    round(average_headcount, 2)                                          AS average_headcount,
    round(payroll, 2)                                                    AS payroll,
    round(employer_si, 2)                                                AS employer_si,
    round(employer_hf, 2)                                                AS employer_hf,
    round(pass_through, 2)                                               AS pass_through,
    round(billed_revenue, 2)                                             AS billed_revenue,
    round(service_revenue, 2)                                            AS service_revenue,
    round(vat, 2)                                                        AS vat,
    round(surtax, 2)                                                     AS surtax,
    round(direct_cost, 2)                                                AS direct_cost,
    round(gross_margin, 2)                                               AS gross_margin,
    round(div10(gross_margin * 100, nullif(billed_revenue, 0)), 2)       AS margin_pct,
    round(div10(gross_margin * 100, nullif(service_revenue, 0)), 2)      AS service_margin_pct,
    round(revenue_variance, 2)                                           AS revenue_variance,
    round(cost_variance, 2)                                              AS cost_variance,
    round(overdue_amount, 2)                                             AS overdue_amount,
    CAST(joiners AS INTEGER)                                             AS joiners,
    CAST(leavers AS INTEGER)                                             AS leavers
FROM totals
ORDER BY project_id
