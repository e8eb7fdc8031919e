-- Who works on a project in a month, and the compliance counts over them (compliance-and-statistics.md
-- A.3). S(p, m) = the dispatch_settlements rows of project p and month m (one per worker, by key).
-- Arguments: first_month, end_month (exclusive); expiring_days (60); joiner_grace (BOOLEAN, on: a
-- worker's first month is spared si_missing, since registration may take up to 30 days from the start
-- of employment, Social Insurance Law art. 58); si_floor_pct (60, for int_si_floors).
-- One row per project and month that has a row in S(p, m) or S(p, m − 1); the marts keep the months
-- they show, so a project's last workers are leavers only when the project has a row the month after.
CREATE OR REPLACE TEMP MACRO int_project_workforce(first_month, end_month, expiring_days, joiner_grace, si_floor_pct) AS TABLE
WITH this_month AS (
    SELECT project_id, month, worker_id, contract_start, contract_end, gross_wage, si_base,
           employer_pension, employer_medical, employer_unemployment, employer_injury
    FROM dispatch_settlements
    WHERE month >= first_month AND month < end_month
),
last_month AS (
    -- S(p, m − 1), placed at m
    SELECT project_id, CAST(month + INTERVAL 1 MONTH AS DATE) AS month, worker_id
    FROM dispatch_settlements
    WHERE month >= CAST(first_month - INTERVAL 1 MONTH AS DATE) AND month < CAST(end_month - INTERVAL 1 MONTH AS DATE)
),
workers AS (
    SELECT
        coalesce(t.project_id, l.project_id)   AS project_id,
        coalesce(t.month, l.month)             AS month,
        t.worker_id IS NOT NULL                AS present,
        l.worker_id IS NOT NULL                AS present_before,
        t.contract_start, t.contract_end, t.gross_wage, t.si_base,
        t.employer_pension, t.employer_medical, t.employer_unemployment, t.employer_injury
    FROM this_month AS t
    FULL OUTER JOIN last_month AS l
      ON l.project_id = t.project_id AND l.month = t.month AND l.worker_id = t.worker_id
)
SELECT
    w.project_id,
    w.month,
    count(*) FILTER (WHERE present AND NOT present_before)                              AS joiners,
    count(*) FILTER (WHERE present_before AND NOT present)                              AS leavers,
    -- the contract covers no day of m: no start, starts after m, or ended before m (Labour Contract Law art. 58)
    count(*) FILTER (WHERE present AND (contract_start IS NULL
                                        OR contract_start > last_day(w.month)
                                        OR contract_end < w.month))                     AS no_contract_workers,
    -- ends after m but within expiring_days of m's last day
    count(*) FILTER (WHERE present AND contract_end > last_day(w.month)
                                   AND contract_end <= last_day(w.month) + CAST(expiring_days AS INTEGER)) AS expiring_contract_workers,
    -- paid but one of the four social insurances not contributed; maternity is merged into medical
    -- insurance and the housing fund is not social insurance, so neither counts
    count(*) FILTER (WHERE present AND gross_wage > 0
                           AND (employer_pension = 0 OR employer_medical = 0
                                OR employer_unemployment = 0 OR employer_injury = 0)
                           AND NOT (joiner_grace AND NOT present_before))               AS si_missing_workers,
    count(*) FILTER (WHERE present AND si_base < f.si_floor)                            AS si_below_floor_workers   -- 0 without a floor
FROM workers AS w
LEFT JOIN int_si_floors(first_month, end_month, si_floor_pct) AS f
  ON f.project_id = w.project_id AND f.month = w.month
GROUP BY w.project_id, w.month;
