-- Construction wage payment per project p and work month m at cut-off day as_of (metrics.md §6),
-- UNROUNDED, with the alerts. One row per project of construction_projects (in scope) and work
-- month m ≤ month(as_of) that has a roster stay overlapping m, an attendance or payroll row for m,
-- or an account flow in m. Nothing dated after as_of counts: a stay entered later, a flow later,
-- a payment later (unpaid at as_of), a special account opened later.
-- Every figure is read from stg_wage_month_events (a table Catalog.Sync keeps per lake version): the
-- sums of its day-by-day deltas of (p, m) up to as_of, so the raw payroll, roster and attendance
-- rows are never read here and the cut-off stays a parameter.
-- Arguments: as_of (DATE), scope (NULL = all), first_month and last_month (the work months wanted,
-- first days); thresholds late_days (0), arrears_above (0), transfer_pct (80), account_pct (100).
CREATE OR REPLACE TEMP MACRO int_wage_project_months(as_of, scope, first_month, last_month, late_days, arrears_above, transfer_pct, account_pct) AS TABLE
WITH projects AS (
    SELECT * FROM int_wage_projects(scope)
),
events AS (
    -- the day-by-day deltas of the months wanted, up to the cut-off (metrics.md §6: nothing dated after d counts)
    SELECT *
    FROM stg_wage_month_events
    WHERE NOT steady AND month >= first_month AND month <= last_month AND month <= as_of AND day <= as_of
    UNION ALL BY NAME
    -- the horizon month's roster stands for every later month (no roster date reaches it)
    SELECT e.project_id, CAST(t.m AS DATE) AS month, e.day, e.on_roster, e.due_on_roster, e.no_contract, e.bank_card
    FROM stg_wage_month_events AS e
    CROSS JOIN unnest(generate_series(
        CAST(greatest(e.month, first_month) AS TIMESTAMP),
        CAST(least(date_trunc('month', last_month), date_trunc('month', as_of)) AS TIMESTAMP),
        INTERVAL 1 MONTH)) AS t(m)
    WHERE e.steady AND e.month <= last_month AND e.month <= as_of AND e.day <= as_of
),
sums AS (
    -- one row per project row (p, m): a roster stay, an attendance or payroll row, or a flow up to d
    SELECT
        e.project_id,
        e.month,
        sum(e.on_roster)                                                        AS workers_on_roster,
        sum(e.workers_attended)                                                 AS workers_attended,
        sum(e.paid_workers)                                                     AS workers_paid,
        sum(e.wage_due)                                                         AS wage_due,
        sum(e.wage_paid)                                                        AS wage_paid,
        -- workers with a row with wage_due > 0, less those whose every such row was paid in full by d
        sum(e.due_workers) - sum(e.settled_workers)                             AS owed_workers,
        sum(e.paid_rows) FILTER (WHERE e.day - wage_due_on(e.month, p.pay_day, p.pay_month) > late_days) AS late_payments,
        sum(e.paid_via_account)                                                 AS paid_via_account,
        sum(e.unsigned_rows)                                                    AS unsigned_rows,
        sum(e.attended_not_paid)                                                AS attended_not_paid_workers,
        sum(e.due_workers) - sum(e.due_on_roster)                               AS paid_not_on_roster,
        sum(e.no_contract)                                                      AS no_contract_workers,
        sum(e.on_roster) - sum(e.bank_card)                                     AS no_bank_card,
        sum(e.labour_cost_transferred)                                          AS labour_cost_transferred
    FROM events AS e
    JOIN projects AS p ON p.project_id = e.project_id
    GROUP BY e.project_id, e.month
),
figures AS (
    SELECT
        s.project_id,
        s.month,
        p.project_name,
        p.region_code,
        p.sector,
        p.contractor_name,
        wage_due_on(s.month, p.pay_day, p.pay_month)                            AS due_on,
        wage_due_on(s.month, p.pay_day, p.pay_month) < as_of                    AS past_due,
        CAST(coalesce(s.workers_on_roster, 0) AS BIGINT)                        AS workers_on_roster,
        CAST(coalesce(s.workers_attended, 0) AS BIGINT)                         AS workers_attended,
        CAST(coalesce(s.workers_paid, 0) AS BIGINT)                             AS workers_paid,
        coalesce(s.wage_due, 0)                                                 AS wage_due,
        coalesce(s.wage_paid, 0)                                                AS wage_paid,
        coalesce(s.wage_due, 0) - coalesce(s.wage_paid, 0)                      AS outstanding,
        CAST(coalesce(s.owed_workers, 0) AS BIGINT)                             AS owed_workers,
        CAST(coalesce(s.late_payments, 0) AS BIGINT)                            AS late_payments,
        coalesce(s.paid_via_account, 0)                                         AS paid_via_account,
        CAST(coalesce(s.unsigned_rows, 0) AS BIGINT)                            AS unsigned_rows,
        CAST(coalesce(s.attended_not_paid_workers, 0) AS BIGINT)                AS attended_not_paid_workers,
        CAST(coalesce(s.paid_not_on_roster, 0) AS BIGINT)                       AS paid_not_on_roster,
        CAST(coalesce(s.no_contract_workers, 0) AS BIGINT)                      AS no_contract_workers,
        CAST(coalesce(s.no_bank_card, 0) AS BIGINT)                             AS no_bank_card,
        coalesce(s.labour_cost_transferred, 0)                                  AS labour_cost_transferred,
        -- spread evenly over the planned months, rounded to cents; null outside them or without a share
        CASE WHEN p.labour_cost_share_pct IS NOT NULL
              AND s.month BETWEEN date_trunc('month', p.start_on) AND date_trunc('month', p.planned_end_on)
             THEN round(div10(p.contract_value * p.labour_cost_share_pct, 100 * p.planned_months), 2)
        END                                                                     AS labour_cost_expected,
        last_day(s.month) < as_of                                               AS month_over,
        -- a special account opened after d (or after the month) did not exist for it
        p.special_account_opened_on IS NULL
            OR p.special_account_opened_on > least(last_day(s.month), as_of)    AS without_special_account,
        NOT (coalesce(p.guarantee_form = 'exempt', false) OR coalesce(p.guarantee_amount, 0) > 0) AS without_guarantee,
        NOT coalesce(p.notice_board, false)                                     AS without_notice_board
    FROM sums AS s
    JOIN projects AS p ON p.project_id = s.project_id
),
judged AS (
    SELECT
        *,
        CASE WHEN past_due THEN outstanding ELSE 0 END                          AS arrears,
        CASE WHEN past_due THEN owed_workers ELSE 0 END                         AS arrears_workers,
        CASE WHEN past_due THEN attended_not_paid_workers ELSE 0 END            AS attended_not_paid,
        div10(paid_via_account * 100, nullif(wage_paid, 0))                     AS paid_via_account_pct,
        workers_on_roster > 0                                                   AS active
    FROM figures
)
SELECT
    *,
    -- in the order of metrics.md §6's alert table
    list_filter([
        CASE WHEN arrears > arrears_above THEN 'wage_arrears' END,
        CASE WHEN late_payments > 0 THEN 'late_pay' END,
        CASE WHEN attended_not_paid > 0 THEN 'attended_not_paid' END,
        CASE WHEN paid_not_on_roster > 0 THEN 'paid_not_on_roster' END,
        CASE WHEN no_contract_workers > 0 THEN 'no_contract' END,
        -- the unrounded share: 99.96 % shown as 100.0 still raises it
        CASE WHEN wage_paid > 0 AND paid_via_account * 100 < account_pct * wage_paid THEN 'not_via_special_account' END,
        CASE WHEN active AND month_over AND (
                 CASE WHEN labour_cost_expected IS NULL THEN labour_cost_transferred = 0
                      ELSE labour_cost_transferred * 100 < transfer_pct * labour_cost_expected END)
             THEN 'labour_cost_not_transferred' END,
        CASE WHEN active AND without_special_account THEN 'no_special_account' END,
        CASE WHEN active AND without_guarantee THEN 'no_guarantee' END,
        CASE WHEN active AND without_notice_board THEN 'no_notice_board' END
    ], a -> a IS NOT NULL)                                                      AS alerts
FROM judged;
