-- Shortage (最缺工职业排行) and surplus (求职大于招聘) rankings, metrics.md §1.
-- Parameters: $start, $end (exclusive) the period P; $previous_start the start of the previous
-- period of the same length (it ends at $start); $scope region scope (NULL = all);
-- $kind 'shortage' | 'surplus'; $min_count minimum demand (shortage) or supply (surplus);
-- $top rows kept; $cities typical cities per row.
WITH registrations AS MATERIALIZED (
    -- the registrations of both periods in the scope, read once
    SELECT occupation_code, region_code, registered_on >= $start AS is_current, demand, supply
    FROM stg_supply_demand
    WHERE registered_on >= $previous_start AND registered_on < $end
      AND in_scope(region_code, $scope)
),
occupations_in_period AS (
    SELECT
        occupation_code,
        is_current,
        sum(demand)          AS demand,
        sum(supply)          AS supply,
        sum(demand - supply) AS gap,
        -- the exact ratio orders the list; a DOUBLE quotient of two integers is correctly
        -- rounded, so equal ratios compare equal and different ones keep their order
        CASE WHEN sum(supply) > 0 THEN sum(demand) / sum(supply) END AS exact_ratio
    FROM registrations
    GROUP BY occupation_code, is_current
),
listed AS (
    SELECT
        *,
        row_number() OVER (
            PARTITION BY is_current
            ORDER BY
                CASE WHEN $kind = 'shortage' THEN gap ELSE -gap END DESC,
                -- shortage: ratio descending, NULL (no supply at all) first; surplus: ascending
                CASE WHEN $kind = 'shortage' THEN exact_ratio ELSE -exact_ratio END DESC NULLS FIRST,
                occupation_code
        ) AS rank
    FROM occupations_in_period
    WHERE CASE WHEN $kind = 'shortage'
               THEN demand > supply AND demand >= $min_count
               ELSE supply > demand AND supply >= $min_count
          END
),
current_list AS (SELECT * FROM listed WHERE is_current AND rank <= $top),
previous_list AS (SELECT * FROM listed WHERE NOT is_current AND rank <= $top),
city_gaps AS (
    -- gap per city of the listed occupations in P; for a surplus row "largest" means the most negative
    SELECT occupation_code, left(region_code, 4) || '00' AS city_code,
           (sum(demand) - sum(supply)) * CASE WHEN $kind = 'shortage' THEN 1 ELSE -1 END AS signed_gap
    FROM registrations
    WHERE is_current AND occupation_code IN (SELECT occupation_code FROM current_list)
    GROUP BY ALL
),
typical_cities AS (
    SELECT occupation_code,
           list(city_code ORDER BY signed_gap DESC, city_code) FILTER (WHERE signed_gap > 0) AS cities_by_gap
    FROM city_gaps
    GROUP BY occupation_code
)
SELECT
    CAST(c.rank AS INTEGER)                                     AS rank,
    c.occupation_code,
    o.occupation_name,
    CAST(c.demand AS BIGINT)                                    AS demand,
    CAST(c.supply AS BIGINT)                                    AS supply,
    CAST(c.gap AS BIGINT)                                       AS gap,
    round(div10(c.demand, nullif(c.supply, 0)), 2)              AS ratio,
    CAST(p.rank AS INTEGER)                                     AS previous_rank,
    CAST(p.rank - c.rank AS INTEGER)                            AS rank_change,  -- NULL = new
    coalesce(t.cities_by_gap[1:$cities], [])                    AS typical_cities
FROM current_list AS c
LEFT JOIN previous_list AS p ON p.occupation_code = c.occupation_code
LEFT JOIN typical_cities AS t ON t.occupation_code = c.occupation_code
LEFT JOIN occupations AS o ON o.occupation_code = c.occupation_code
ORDER BY c.rank
