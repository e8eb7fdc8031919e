-- Receivables per project and month (metrics.md §3, compliance-and-statistics.md A.2–A.4), at the
-- cut-off d = the earlier of the month's last day and the as-of day (the day of the run): for a month
-- already over d is its last day; for the running month an invoice due tomorrow is not overdue today.
-- outstanding(d) = amount − (received_amount when received_on ≤ d, else 0); a receipt date without
-- an amount counts as paid in full. Every invoice of the project counts, whatever month it bills.
-- Arguments: first_month, end_month (exclusive), both first days of months; as_of (a DATE);
-- due_soon_days (2: remind the client 2 days before the agreed payment date).
-- One row per project with invoices and month of the range (the marts keep the months they show).
CREATE OR REPLACE TEMP MACRO int_project_receivables(first_month, end_month, as_of, due_soon_days) AS TABLE
WITH cutoffs AS (
    SELECT CAST(m AS DATE)                                            AS month,
           least(last_day(CAST(m AS DATE)), CAST(as_of AS DATE))      AS d
    FROM range(CAST(first_month AS TIMESTAMP), CAST(end_month AS TIMESTAMP), INTERVAL 1 MONTH) AS t(m)
),
invoices AS (
    SELECT i.project_id,
           c.month,
           c.d,
           i.due_on,
           i.amount - CASE WHEN i.received_on <= c.d THEN coalesce(i.received_amount, i.amount) ELSE 0 END AS outstanding
    FROM dispatch_invoices AS i
    CROSS JOIN cutoffs AS c
)
SELECT
    project_id,
    month,
    -- already due: due_on < d (an invoice due on d itself is not overdue yet)
    coalesce(sum(outstanding) FILTER (WHERE due_on < d), 0)                    AS overdue_amount,
    max(d - due_on) FILTER (WHERE due_on < d AND outstanding > 0)              AS max_days_overdue,   -- NULL: nothing outstanding and due
    -- due within the next due_soon_days calendar days, d itself included (no working-day calendar exists)
    count(*) FILTER (WHERE outstanding > 0 AND due_on - d BETWEEN 0 AND due_soon_days) AS due_soon_invoices
FROM invoices
GROUP BY project_id, month;
