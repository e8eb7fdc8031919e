-- Construction wage payment per project, work month and DAY (metrics.md §6), as deltas: each figure
-- of int_wage_project_months at cut-off d is the sum of its column over the rows with day ≤ d (the
-- cut-off stays a query parameter, nothing here depends on it). Exact because every §6 condition on
-- d is "a date ≤ d" on one row or one worker:
--   payroll: a row's payment counts from paid_on (paid_rows, wage_paid, paid_via_account; late is
--     judged at query time from paid_on = day, so late_days stays a parameter); a worker counts as
--     paid from the first paid_on of their rows of (p, m), as owed from first(m) until the day every
--     row with wage_due > 0 is paid in full (settled_workers on that day; never for a row still short,
--     partly paid or unpaid). A replaced instalment is simply the row the lake keeps (its cumulative
--     wage_paid and last paid_on), as in the raw model.
--   roster: a worker is on the roster of m from the first day in m of their earliest stay overlapping
--     m, max(entered_on, first(m)) — a stay entered after d does not exist yet; no_contract and
--     bank_card from the first such stay that has them. Stays are expanded month by month up to the
--     HORIZON, the month after the last roster date or payroll month: no roster date reaches it, so
--     its rows (steady = true) are every later month's too, however far d is.
--   attendance rows, workers_attended, attended_not_paid, wage_due, unsigned_rows: from first(m)
--     (every queried month has first(m) ≤ d). flows: from flow_on.
-- Catalog.Sync materialises it as a table when a batch touches a dataset it reads
-- (SqlModels.Summaries); without the table (a bare catalog) it is this view, same figures.
WITH horizon AS (
    SELECT CAST(date_trunc('month', max(last)) + INTERVAL 1 MONTH AS DATE) AS month
    FROM (
        SELECT max(entered_on) AS last FROM site_roster
        UNION ALL SELECT max(left_on) FROM site_roster
        UNION ALL SELECT max(contract_signed_on) FROM site_roster
        UNION ALL SELECT max(month) FROM site_payroll
    )
),
stays AS (
    -- one row per stay and month it overlaps, up to the horizon
    SELECT
        s.project_id,
        s.worker_id,
        CAST(t.m AS DATE)                                                  AS month,
        CAST(t.m AS DATE) = h.month                                        AS steady,
        greatest(s.entered_on, CAST(t.m AS DATE))                          AS first_day,
        -- signed later than the stay's first day in m
        s.contract_signed_on IS NULL OR s.contract_signed_on > greatest(s.entered_on, CAST(t.m AS DATE)) AS no_contract,
        coalesce(s.bank_card_registered, false)                            AS bank_card
    FROM site_roster AS s
    CROSS JOIN horizon AS h
    CROSS JOIN unnest(generate_series(
        CAST(date_trunc('month', s.entered_on) AS TIMESTAMP),
        CAST(least(date_trunc('month', coalesce(s.left_on, h.month)), h.month) AS TIMESTAMP),
        INTERVAL 1 MONTH)) AS t(m)
),
roster_workers AS (
    SELECT
        project_id, month, steady, worker_id,
        min(first_day)                                                     AS on_roster_from,
        min(first_day) FILTER (WHERE no_contract)                          AS no_contract_from,
        min(first_day) FILTER (WHERE bank_card)                            AS bank_card_from
    FROM stays
    GROUP BY project_id, month, steady, worker_id
),
payroll_workers AS (
    SELECT
        project_id, month, worker_id,
        bool_or(wage_due > 0)                                              AS due,
        -- outstanding(r, d) > 0 until the row is paid in full (then from paid_on on); a worker is owed
        -- until the last of their rows is
        max(CASE WHEN wage_paid > 0 AND wage_paid >= wage_due AND paid_on IS NOT NULL THEN paid_on ELSE DATE 'infinity' END)
            FILTER (WHERE wage_due > 0)                                    AS settled_on,
        min(paid_on) FILTER (WHERE wage_paid > 0)                          AS first_paid_on
    FROM site_payroll
    GROUP BY project_id, month, worker_id
),
attendance_workers AS (
    SELECT project_id, month, worker_id, count(*) AS attendance_rows, bool_or(days_worked > 0) AS attended
    FROM site_attendance
    GROUP BY project_id, month, worker_id
),
events AS (
    SELECT project_id, month, false AS steady, month AS day,
           count(*)                                                        AS payroll_rows,
           sum(wage_due)                                                   AS wage_due,
           count(*) FILTER (WHERE wage_due > 0 AND NOT coalesce(signed_by_worker, false)) AS unsigned_rows
    FROM site_payroll
    GROUP BY project_id, month
    UNION ALL BY NAME
    SELECT project_id, month, false AS steady, paid_on AS day,
           count(*)                                                        AS paid_rows,
           sum(wage_paid)                                                  AS wage_paid,
           sum(wage_paid) FILTER (WHERE paid_via = 'special_account')      AS paid_via_account
    FROM site_payroll
    WHERE wage_paid > 0 AND paid_on IS NOT NULL
    GROUP BY project_id, month, paid_on
    UNION ALL BY NAME
    SELECT project_id, month, false AS steady, month AS day, count(*) AS due_workers
    FROM payroll_workers WHERE due
    GROUP BY project_id, month
    UNION ALL BY NAME
    SELECT project_id, month, false AS steady, settled_on AS day, count(*) AS settled_workers
    FROM payroll_workers WHERE due AND settled_on < DATE 'infinity'
    GROUP BY project_id, month, settled_on
    UNION ALL BY NAME
    SELECT project_id, month, false AS steady, first_paid_on AS day, count(*) AS paid_workers
    FROM payroll_workers WHERE first_paid_on IS NOT NULL
    GROUP BY project_id, month, first_paid_on
    UNION ALL BY NAME
    SELECT r.project_id, r.month, r.steady, r.on_roster_from AS day,
           count(*)                                                        AS on_roster,
           count(*) FILTER (WHERE coalesce(w.due, false))                  AS due_on_roster
    FROM roster_workers AS r
    LEFT JOIN payroll_workers AS w ON w.project_id = r.project_id AND w.month = r.month AND w.worker_id = r.worker_id
    GROUP BY r.project_id, r.month, r.steady, r.on_roster_from
    UNION ALL BY NAME
    SELECT project_id, month, steady, no_contract_from AS day, count(*) AS no_contract
    FROM roster_workers WHERE no_contract_from IS NOT NULL
    GROUP BY project_id, month, steady, no_contract_from
    UNION ALL BY NAME
    SELECT project_id, month, steady, bank_card_from AS day, count(*) AS bank_card
    FROM roster_workers WHERE bank_card_from IS NOT NULL
    GROUP BY project_id, month, steady, bank_card_from
    UNION ALL BY NAME
    SELECT a.project_id, a.month, false AS steady, a.month AS day,
           sum(a.attendance_rows)                                          AS attendance_rows,
           count(*) FILTER (WHERE a.attended)                              AS workers_attended,
           -- attended, and no payroll row of (p, m) with wage_due > 0
           count(*) FILTER (WHERE a.attended AND NOT coalesce(w.due, false)) AS attended_not_paid
    FROM attendance_workers AS a
    LEFT JOIN payroll_workers AS w ON w.project_id = a.project_id AND w.month = a.month AND w.worker_id = a.worker_id
    GROUP BY a.project_id, a.month
    UNION ALL BY NAME
    SELECT project_id, CAST(date_trunc('month', flow_on) AS DATE) AS month, false AS steady, flow_on AS day,
           count(*)                                                        AS flows,
           sum(amount) FILTER (WHERE direction = 'in' AND counterparty = 'builder') AS labour_cost_transferred
    FROM account_flows
    GROUP BY project_id, flow_on
)
SELECT
    project_id,
    month,
    steady,
    day,
    CAST(coalesce(sum(payroll_rows), 0) AS BIGINT)                         AS payroll_rows,
    coalesce(sum(wage_due), 0)                                             AS wage_due,
    CAST(coalesce(sum(unsigned_rows), 0) AS BIGINT)                        AS unsigned_rows,
    CAST(coalesce(sum(paid_rows), 0) AS BIGINT)                            AS paid_rows,
    coalesce(sum(wage_paid), 0)                                            AS wage_paid,
    coalesce(sum(paid_via_account), 0)                                     AS paid_via_account,
    CAST(coalesce(sum(due_workers), 0) AS BIGINT)                          AS due_workers,
    CAST(coalesce(sum(settled_workers), 0) AS BIGINT)                      AS settled_workers,
    CAST(coalesce(sum(paid_workers), 0) AS BIGINT)                         AS paid_workers,
    CAST(coalesce(sum(on_roster), 0) AS BIGINT)                            AS on_roster,
    CAST(coalesce(sum(due_on_roster), 0) AS BIGINT)                        AS due_on_roster,
    CAST(coalesce(sum(no_contract), 0) AS BIGINT)                          AS no_contract,
    CAST(coalesce(sum(bank_card), 0) AS BIGINT)                            AS bank_card,
    CAST(coalesce(sum(attendance_rows), 0) AS BIGINT)                      AS attendance_rows,
    CAST(coalesce(sum(workers_attended), 0) AS BIGINT)                     AS workers_attended,
    CAST(coalesce(sum(attended_not_paid), 0) AS BIGINT)                    AS attended_not_paid,
    CAST(coalesce(sum(flows), 0) AS BIGINT)                                AS flows,
    coalesce(sum(labour_cost_transferred), 0)                              AS labour_cost_transferred
FROM events
GROUP BY project_id, month, steady, day
ORDER BY month, project_id, day
