-- Receivables aging of one dispatch project at day $as_of: every invoice issued by then with an
-- amount still outstanding (amount − received_amount when received_on ≤ $as_of; a receipt date
-- without an amount counts as paid in full), bucketed by days past due_on.
-- Parameters: $project, $as_of.
WITH open_invoices AS (
    SELECT
        amount - CASE WHEN received_on <= $as_of THEN coalesce(received_amount, amount) ELSE 0 END AS outstanding,
        $as_of - due_on AS days_past_due
    FROM dispatch_invoices
    WHERE project_id = $project AND invoiced_on <= $as_of
)
SELECT
    CASE
        WHEN days_past_due <= 0  THEN 'not_due'
        WHEN days_past_due <= 30 THEN '1_30'
        WHEN days_past_due <= 90 THEN '31_90'
        ELSE 'over_90'
    END                AS bucket,
    count(*)           AS invoices,
    sum(outstanding)   AS outstanding
FROM open_invoices
WHERE outstanding > 0
GROUP BY bucket
ORDER BY min(days_past_due)
