namespace Analytics.Tests.Marts;

/// <summary>
/// The direct computation over raw rows the wage summaries must reproduce: int_wage_project_months and
/// int_wage_arrears as they were before the summaries (every payroll, roster, attendance and flow row
/// read at the cut-off day, per metrics.md §6), renamed raw_*. Kept only as the tests' oracle.
/// </summary>
public static class WageRawReference
{
    public const string Macros = """
        -- Construction wage payment per project p and work month m at cut-off day as_of (metrics.md §6),
        -- UNROUNDED, with the alerts. One row per project of construction_projects (in scope) and work
        -- month m ≤ month(as_of) that has a roster stay overlapping m, an attendance or payroll row for m,
        -- or an account flow in m. Nothing dated after as_of counts: a stay entered later, a flow later,
        -- a payment later (unpaid at as_of), a special account opened later.
        -- Arguments: as_of (DATE), scope (NULL = all), first_month and last_month (the work months wanted,
        -- first days: only their rows are read); thresholds late_days (0), arrears_above (0),
        -- transfer_pct (80), account_pct (100).
        CREATE OR REPLACE TEMP MACRO raw_wage_project_months(as_of, scope, first_month, last_month, late_days, arrears_above, transfer_pct, account_pct) AS TABLE
        WITH projects AS (
            SELECT * FROM int_wage_projects(scope)
        ),
        stays AS (
            -- one row per stay and work month it overlaps (entered_on ≤ last(m), left_on empty or ≥ first(m)), up to month(d)
            SELECT
                s.project_id,
                s.worker_id,
                CAST(m AS DATE)                                                    AS month,
                -- signed later than the stay's first day in m: max(entered_on, first(m))
                s.contract_signed_on IS NULL OR s.contract_signed_on > greatest(s.entered_on, CAST(m AS DATE)) AS no_contract,
                coalesce(s.bank_card_registered, false)                            AS bank_card
            FROM site_roster AS s
            JOIN projects AS p ON p.project_id = s.project_id
            CROSS JOIN unnest(generate_series(
                CAST(greatest(date_trunc('month', s.entered_on), first_month) AS TIMESTAMP),
                CAST(least(date_trunc('month', CASE WHEN s.left_on IS NULL OR s.left_on > as_of THEN as_of ELSE s.left_on END), last_month) AS TIMESTAMP),
                INTERVAL 1 MONTH)) AS t(m)
            WHERE s.entered_on <= as_of AND s.entered_on <= last_day(last_month) AND (s.left_on IS NULL OR s.left_on >= first_month)
        ),
        roster_workers AS (
            -- a worker counts once per month, however many stays overlap it
            SELECT project_id, month, worker_id, bool_or(no_contract) AS no_contract, bool_or(bank_card) AS bank_card
            FROM stays
            GROUP BY ALL
        ),
        roster AS (
            SELECT
                project_id,
                month,
                count(*)                                   AS workers_on_roster,
                count(*) FILTER (WHERE no_contract)        AS no_contract_workers,
                count(*) FILTER (WHERE NOT bank_card)      AS no_bank_card
            FROM roster_workers
            GROUP BY ALL
        ),
        attended AS (
            SELECT a.project_id, a.month, a.worker_id
            FROM site_attendance AS a
            JOIN projects AS p ON p.project_id = a.project_id
            WHERE a.month >= first_month AND a.month <= last_month AND a.month <= as_of AND a.days_worked > 0
            GROUP BY ALL
        ),
        attended_counts AS (
            SELECT project_id, month, count(*) AS workers_attended FROM attended GROUP BY ALL
        ),
        attendance_months AS (
            -- every attendance row makes a project row, a zero-day one included
            SELECT a.project_id, a.month
            FROM site_attendance AS a
            JOIN projects AS p ON p.project_id = a.project_id
            WHERE a.month >= first_month AND a.month <= last_month AND a.month <= as_of
            GROUP BY ALL
        ),
        payroll_rows AS (
            SELECT * FROM int_wage_payroll(as_of, scope, first_month, last_month)
        ),
        owed_workers AS (
            -- workers with a payroll row of (p, m) with wage_due > 0
            SELECT project_id, month, worker_id FROM payroll_rows WHERE wage_due > 0 GROUP BY ALL
        ),
        payroll AS (
            SELECT
                project_id,
                month,
                any_value(due_on)                                                       AS due_on,
                bool_or(past_due)                                                       AS past_due,
                count(DISTINCT worker_id) FILTER (WHERE paid_by > 0)                    AS workers_paid,
                sum(wage_due)                                                           AS wage_due,
                sum(paid_by)                                                            AS wage_paid,
                sum(outstanding)                                                        AS outstanding,
                count(DISTINCT worker_id) FILTER (WHERE outstanding > 0)                AS owed_workers,
                count(*) FILTER (WHERE wage_paid > 0 AND paid_on <= as_of AND paid_on - due_on > late_days) AS late_payments,
                sum(paid_by) FILTER (WHERE paid_via = 'special_account')                AS paid_via_account,
                count(*) FILTER (WHERE wage_due > 0 AND NOT signed_by_worker)           AS unsigned_rows
            FROM payroll_rows
            GROUP BY ALL
        ),
        flows AS (
            SELECT
                f.project_id,
                CAST(date_trunc('month', f.flow_on) AS DATE)                           AS month,
                sum(f.amount) FILTER (WHERE f.direction = 'in' AND f.counterparty = 'builder') AS labour_cost_transferred
            FROM account_flows AS f
            JOIN projects AS p ON p.project_id = f.project_id
            WHERE f.flow_on >= first_month AND f.flow_on <= last_day(last_month) AND f.flow_on <= as_of
            GROUP BY ALL
        ),
        project_months AS (
            SELECT project_id, month FROM roster
            UNION SELECT project_id, month FROM attendance_months
            UNION SELECT project_id, month FROM payroll
            UNION SELECT project_id, month FROM flows
        ),
        attended_not_paid AS (
            SELECT a.project_id, a.month, count(*) AS workers
            FROM attended AS a
            ANTI JOIN owed_workers AS o ON o.project_id = a.project_id AND o.month = a.month AND o.worker_id = a.worker_id
            GROUP BY ALL
        ),
        paid_not_on_roster AS (
            SELECT o.project_id, o.month, count(*) AS workers
            FROM owed_workers AS o
            ANTI JOIN roster_workers AS r ON r.project_id = o.project_id AND r.month = o.month AND r.worker_id = o.worker_id
            GROUP BY ALL
        ),
        figures AS (
            SELECT
                pm.project_id,
                pm.month,
                p.project_name,
                p.region_code,
                p.sector,
                p.contractor_name,
                wage_due_on(pm.month, p.pay_day, p.pay_month)                           AS due_on,
                wage_due_on(pm.month, p.pay_day, p.pay_month) < as_of                   AS past_due,
                coalesce(r.workers_on_roster, 0)                                        AS workers_on_roster,
                coalesce(ac.workers_attended, 0)                                        AS workers_attended,
                coalesce(pay.workers_paid, 0)                                           AS workers_paid,
                coalesce(pay.wage_due, 0)                                               AS wage_due,
                coalesce(pay.wage_paid, 0)                                              AS wage_paid,
                coalesce(pay.outstanding, 0)                                            AS outstanding,
                coalesce(pay.owed_workers, 0)                                           AS owed_workers,
                coalesce(pay.late_payments, 0)                                          AS late_payments,
                coalesce(pay.paid_via_account, 0)                                       AS paid_via_account,
                coalesce(pay.unsigned_rows, 0)                                          AS unsigned_rows,
                coalesce(anp.workers, 0)                                                AS attended_not_paid_workers,
                coalesce(pnr.workers, 0)                                                AS paid_not_on_roster,
                coalesce(r.no_contract_workers, 0)                                      AS no_contract_workers,
                coalesce(r.no_bank_card, 0)                                             AS no_bank_card,
                coalesce(f.labour_cost_transferred, 0)                                  AS labour_cost_transferred,
                -- spread evenly over the planned months, rounded to cents; null outside them or without a share
                CASE WHEN p.labour_cost_share_pct IS NOT NULL
                      AND pm.month BETWEEN date_trunc('month', p.start_on) AND date_trunc('month', p.planned_end_on)
                     THEN round(div10(p.contract_value * p.labour_cost_share_pct, 100 * p.planned_months), 2)
                END                                                                     AS labour_cost_expected,
                last_day(pm.month) < as_of                                              AS month_over,
                -- a special account opened after d (or after the month) did not exist for it
                p.special_account_opened_on IS NULL
                    OR p.special_account_opened_on > least(last_day(pm.month), as_of)   AS without_special_account,
                NOT (coalesce(p.guarantee_form = 'exempt', false) OR coalesce(p.guarantee_amount, 0) > 0) AS without_guarantee,
                NOT coalesce(p.notice_board, false)                                     AS without_notice_board
            FROM project_months AS pm
            JOIN projects AS p ON p.project_id = pm.project_id
            LEFT JOIN roster AS r ON r.project_id = pm.project_id AND r.month = pm.month
            LEFT JOIN payroll AS pay ON pay.project_id = pm.project_id AND pay.month = pm.month
            LEFT JOIN attended_counts AS ac ON ac.project_id = pm.project_id AND ac.month = pm.month
            LEFT JOIN flows AS f ON f.project_id = pm.project_id AND f.month = pm.month
            LEFT JOIN attended_not_paid AS anp ON anp.project_id = pm.project_id AND anp.month = pm.month
            LEFT JOIN paid_not_on_roster AS pnr ON pnr.project_id = pm.project_id AND pnr.month = pm.month
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
        -- Arrears per project at cut-off day as_of over every work month already due (metrics.md §6,
        -- arrears ranking): the payroll rows r of p with due_on(p, month of r) < as_of.
        -- Only rows still owed are aggregated (outstanding is never negative, so the sums are the same);
        -- the first filter, on the stored columns alone, lets the scan drop the rows paid in full by as_of
        -- before they meet the projects (most of them), the second is the definition.
        -- Arguments: as_of (DATE), scope (NULL = all).
        CREATE OR REPLACE TEMP MACRO raw_wage_arrears(as_of, scope) AS TABLE
        WITH owed AS (
            SELECT *
            FROM int_wage_payroll(as_of, scope, DATE '0001-01-01', as_of)
            WHERE wage_due > 0 AND (wage_paid < wage_due OR paid_on IS NULL OR paid_on > as_of)
        )
        SELECT
            project_id,
            sum(outstanding)                    AS arrears_total,
            count(DISTINCT worker_id)           AS arrears_workers_total,
            count(DISTINCT month)               AS arrears_months,
            min(due_on)                         AS oldest_due_on
        FROM owed
        WHERE past_due AND outstanding > 0
        GROUP BY project_id;
        """;
}
