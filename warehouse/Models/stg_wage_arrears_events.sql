-- The arrears ranking's figures per project as events by DAY (metrics.md §6, arrears ranking): at
-- cut-off d, arrears_total and arrears_workers_total are the sums of `arrears` and `workers` over the
-- rows with day ≤ d; arrears_months and oldest_due_on come from the month rows (due_on not null)
-- with day ≤ d < owed_until. Nothing depends on d itself, so it stays a query parameter. Exact:
--   a payroll row r of work month m is past due from owed_from = due_on(p, m) + 1; from then it adds
--   wage_due, less wage_paid from paid_on (or from owed_from when paid earlier): outstanding(r, d).
--   It is outstanding (> 0) from owed_from until settled_on: paid_on when paid in full, else never.
--   A worker is in arrears_workers_total while any of their rows of p is: their rows' spans are merged
--   per worker across months (so a worker owed for two months counts once), +1 at a span's start and
--   −1 at its end. A month is in arrears_months while any of its rows is: owed_from to the last
--   settled_on of its rows (owed_until, 'infinity' when some row is never settled).
-- Catalog.Sync materialises it as a table with stg_wage_month_events; without the table it is this
-- view, same figures.
WITH payroll AS (
    SELECT
        r.project_id,
        r.month,
        r.worker_id,
        r.wage_due,
        r.wage_paid,
        r.paid_on,
        wage_due_on(r.month, p.pay_day, p.pay_month)                       AS due_on,
        wage_due_on(r.month, p.pay_day, p.pay_month) + 1                   AS owed_from,
        CASE WHEN r.wage_paid > 0 AND r.wage_paid >= r.wage_due AND r.paid_on IS NOT NULL THEN r.paid_on ELSE DATE 'infinity' END AS settled_on
    FROM site_payroll AS r
    JOIN int_wage_projects(NULL) AS p ON p.project_id = r.project_id
),
spans AS (
    -- the days each row is outstanding and past due: [owed_from, settled_on)
    SELECT project_id, worker_id, owed_from, settled_on
    FROM payroll
    WHERE wage_due > 0 AND owed_from < settled_on
),
marked AS (
    SELECT
        *,
        -- a span starts a new island unless an earlier span of the worker still runs (or ends that day)
        CASE WHEN owed_from <= max(settled_on) OVER (PARTITION BY project_id, worker_id ORDER BY owed_from, settled_on
                                                     ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
             THEN 0 ELSE 1 END                                             AS starts
    FROM spans
),
islands AS (
    SELECT project_id, worker_id, min(owed_from) AS owed_from, max(settled_on) AS settled_on
    FROM (SELECT *, sum(starts) OVER (PARTITION BY project_id, worker_id ORDER BY owed_from, settled_on ROWS UNBOUNDED PRECEDING) AS island
          FROM marked)
    GROUP BY project_id, worker_id, island
),
deltas AS (
    SELECT project_id, owed_from AS day, CAST(wage_due AS DECIMAL(38, 2)) AS arrears, 0 AS workers FROM payroll WHERE wage_due > 0
    UNION ALL
    SELECT project_id, greatest(owed_from, paid_on), -wage_paid, 0 FROM payroll WHERE wage_due > 0 AND wage_paid > 0 AND paid_on IS NOT NULL
    UNION ALL
    SELECT project_id, owed_from, 0.00, 1 FROM islands
    UNION ALL
    SELECT project_id, settled_on, 0.00, -1 FROM islands WHERE settled_on < DATE 'infinity'
),
months AS (
    SELECT project_id, min(owed_from) AS day, min(due_on) AS due_on, max(settled_on) AS owed_until
    FROM payroll
    WHERE wage_due > 0
    GROUP BY project_id, month
    HAVING min(owed_from) < max(settled_on)
)
SELECT project_id, day, sum(arrears) AS arrears, CAST(sum(workers) AS BIGINT) AS workers,
       CAST(NULL AS DATE) AS due_on, CAST(NULL AS DATE) AS owed_until
FROM deltas
GROUP BY project_id, day
UNION ALL
SELECT project_id, day, NULL, NULL, due_on, owed_until
FROM months
ORDER BY project_id, day
