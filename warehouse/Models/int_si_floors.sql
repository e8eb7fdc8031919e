-- The social-insurance base floor per project and month (compliance-and-statistics.md A.3, si_floor).
-- For the project's region r (where the client works, whose bases apply: Interim Provisions on Labour
-- Dispatch art. 18): the si_bases rows of r, else of r's city (xxxx00), else of r's province (xx0000),
-- the first of these with a row from_month ≤ m, and of its rows the latest from_month. si_floor is
-- that row's base_floor when given, else avg_wage × si_floor_pct ÷ 100 rounded to the cent (half away
-- from zero). No row for (project, month) = no si_bases row applies (si_floor NULL).
-- Arguments: first_month, end_month (exclusive); si_floor_pct (60).
CREATE OR REPLACE TEMP MACRO int_si_floors(first_month, end_month, si_floor_pct) AS TABLE
WITH months AS (
    SELECT CAST(m AS DATE) AS month
    FROM range(CAST(first_month AS TIMESTAMP), CAST(end_month AS TIMESTAMP), INTERVAL 1 MONTH) AS t(m)
),
candidates AS (
    SELECT
        p.project_id,
        m.month,
        b.from_month,
        -- 0 the region itself, 1 its city, 2 its province (a city's own code is both 0 and 1: 0 wins)
        CASE b.region_code
            WHEN p.region_code                   THEN 0
            WHEN left(p.region_code, 4) || '00'  THEN 1
            ELSE 2
        END                                                                           AS level,
        coalesce(b.base_floor, round(div10(b.avg_wage * si_floor_pct, 100), 2))      AS si_floor
    FROM dispatch_projects AS p
    CROSS JOIN months AS m
    JOIN si_bases AS b
      ON b.region_code IN (p.region_code, left(p.region_code, 4) || '00', left(p.region_code, 2) || '0000')
     AND b.from_month <= m.month
)
SELECT project_id, month, first(si_floor ORDER BY level, from_month DESC) AS si_floor
FROM candidates
GROUP BY project_id, month;
