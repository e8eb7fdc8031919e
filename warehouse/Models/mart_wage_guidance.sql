-- Market wage guidance (市场工资价位), metrics.md §2.
-- Parameters: $year Y; $scope region scope (NULL = all); $iqr_factor the outlier fence width
-- (3); $min_sample the suppression threshold (30).
WITH cells AS (
    -- one cell per year (Y and Y − 1), level and code: each detailed occupation, and each
    -- minor group as the pool of all its occupations
    SELECT year, 'occupation' AS level, occupation_code AS code, minor_group,
           list_sort(list(monthly_wage)) AS all_wages
    FROM stg_wage_sample
    WHERE year IN ($year, $year - 1) AND in_scope(region_code, $scope)
    GROUP BY ALL
    UNION ALL
    SELECT year, 'minor_group' AS level, minor_group AS code, minor_group,
           list_sort(list(monthly_wage)) AS all_wages
    FROM stg_wage_sample
    WHERE year IN ($year, $year - 1) AND in_scope(region_code, $scope)
    GROUP BY ALL
),
fences AS (
    -- quartiles of the cell before anything is dropped
    SELECT *,
           quantile_inc(all_wages, 0.25) AS q1,
           quantile_inc(all_wages, 0.75) AS q3
    FROM cells
),
kept AS (
    -- drop wages outside [Q1 − k·IQR, Q3 + k·IQR]; the list stays sorted
    SELECT year, level, code, minor_group,
           list_filter(all_wages, w -> w >= q1 - $iqr_factor * (q3 - q1)
                                   AND w <= q3 + $iqr_factor * (q3 - q1)) AS wages
    FROM fences
),
figures AS (
    SELECT year, level, code, minor_group,
           len(wages)                    AS n,
           len(wages) < $min_sample      AS suppressed,
           quantile_inc(wages, 0.10)     AS p10,
           quantile_inc(wages, 0.25)     AS p25,
           quantile_inc(wages, 0.50)     AS p50,
           quantile_inc(wages, 0.75)     AS p75,
           quantile_inc(wages, 0.90)     AS p90,
           div10(list_sum(wages), len(wages)) AS mean
    FROM kept
),
published AS (
    -- every occupation of year Y, and a minor group's pooled row when any of its
    -- occupations is suppressed
    SELECT * FROM figures WHERE year = $year AND level = 'occupation'
    UNION ALL
    SELECT g.* FROM figures AS g
    WHERE g.year = $year AND g.level = 'minor_group'
      AND EXISTS (SELECT 1 FROM figures AS o
                  WHERE o.year = $year AND o.level = 'occupation'
                    AND o.minor_group = g.code AND o.suppressed)
)
SELECT
    p.code                                        AS occupation_code,
    o.occupation_name,
    $scope                                        AS region_code,
    CAST(p.n AS INTEGER)                          AS n,
    -- no wage figure from a suppressed cell (metrics.md §5)
    CAST(CASE WHEN NOT p.suppressed THEN p.p10 END AS DECIMAL(18, 4))  AS p10,
    CAST(CASE WHEN NOT p.suppressed THEN p.p25 END AS DECIMAL(18, 4))  AS p25,
    CAST(CASE WHEN NOT p.suppressed THEN p.p50 END AS DECIMAL(18, 4))  AS p50,
    CAST(CASE WHEN NOT p.suppressed THEN p.p75 END AS DECIMAL(18, 4))  AS p75,
    CAST(CASE WHEN NOT p.suppressed THEN p.p90 END AS DECIMAL(18, 4))  AS p90,
    CASE WHEN NOT p.suppressed THEN p.mean END   AS mean,
    p.suppressed,
    CASE WHEN NOT p.suppressed AND NOT prev.suppressed
         THEN round(div10((p.p50 - prev.p50) * 100, prev.p50), 1)
    END                                           AS change_pct,   -- NULL without a usable previous year
    p.level
FROM published AS p
LEFT JOIN figures AS prev
       ON prev.year = $year - 1 AND prev.level = p.level AND prev.code = p.code
LEFT JOIN occupations AS o ON o.occupation_code = p.code
-- occupation_code order, each group row right after its group's last occupation
ORDER BY p.minor_group, p.level = 'minor_group', p.code
