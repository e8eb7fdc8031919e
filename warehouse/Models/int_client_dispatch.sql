-- The dispatch share of a project's client (compliance-and-statistics.md A.3/A.4, dispatch_cap): the
-- 10 % cap and the 用工总量 are the client's (Interim Provisions on Labour Dispatch art. 4), so the
-- count covers every project q with p's agency_id and p's client_id. It stays inside the agency (an
-- agency neither sees nor answers for another agency's workers), so a row's alerts are the same
-- whoever looks.
-- client_headcount = distinct worker_id over S(q, m); client_workforce = the smallest stated
-- client_total_workforce among the q with a row in S(q, m) (NULL when none states one): never below
-- any project's own share, so no row the old per-project rule raised stops raising it.
-- Arguments: first_month, end_month (exclusive).
CREATE OR REPLACE TEMP MACRO int_client_dispatch(first_month, end_month) AS TABLE
WITH clients AS (
    SELECT
        p.agency_id,
        p.client_id,
        s.month,
        count(DISTINCT s.worker_id)        AS client_headcount,
        min(p.client_total_workforce)      AS client_workforce
    FROM dispatch_settlements AS s
    JOIN dispatch_projects AS p ON p.project_id = s.project_id
    WHERE s.month >= first_month AND s.month < end_month
    GROUP BY p.agency_id, p.client_id, s.month
)
SELECT p.project_id, c.month, c.client_headcount, c.client_workforce
FROM dispatch_projects AS p
JOIN clients AS c ON c.agency_id = p.agency_id AND c.client_id = p.client_id;
