-- Shortage (最缺工职业排行) and surplus (求职大于招聘) rankings, metrics.md §1.
-- Parameters: $start, $end (exclusive) the period P; $previous_start the start of the previous
-- period of the same length (it ends at $start); $scope region scope (NULL = all);
-- $kind 'shortage' | 'surplus'; $min_count minimum demand (shortage) or supply (surplus);
-- $top rows kept; $cities typical cities per row.
WITH occupations_in_period AS (
    -- both periods in one scan
    SELECT
        occupation_code,
        registered_on >= $start AS is_current,
        sum(demand)             AS demand,
        sum(supply)             AS supply
    FROM stg_supply_demand
    WHERE registered_on >= $previous_start AND registered_on < $end
      AND in_scope(region_code, $scope)
    GROUP BY ALL
),
listed AS (
    SELECT
        occupation_code, is_current, demand, supply,
        row_number() OVER (
            PARTITION BY is_current
            ORDER BY
                CASE WHEN $kind = 'shortage' THEN demand - supply ELSE supply - demand END DESC,
                -- shortage: ratio descending, NULL (no supply at all) first; surplus: ascending.
                -- The exact ratio, not the rounded one: a DOUBLE quotient of two integers is
                -- correctly rounded, so equal ratios compare equal and different ones keep their order.
                CASE WHEN supply > 0 THEN (CASE WHEN $kind = 'shortage' THEN demand ELSE -demand END) / supply END
                    DESC NULLS FIRST,
                occupation_code
        ) AS rank
    FROM occupations_in_period
    WHERE CASE WHEN $kind = 'shortage'
               THEN demand > supply AND demand >= $min_count
               ELSE supply > demand AND supply >= $min_count
          END
),
both_ranks AS (
    -- one row per occupation with its rank in P and in the previous period
    SELECT
        occupation_code,
        max(rank)   FILTER (WHERE is_current)     AS rank,
        max(demand) FILTER (WHERE is_current)     AS demand,
        max(supply) FILTER (WHERE is_current)     AS supply,
        max(rank)   FILTER (WHERE NOT is_current) AS previous_rank
    FROM listed
    GROUP BY occupation_code
),
current_list AS MATERIALIZED (
    SELECT
        occupation_code, rank, demand, supply, demand - supply AS gap,
        -- listed then = within the top rows of the previous period
        CASE WHEN previous_rank <= $top THEN previous_rank END AS previous_rank
    FROM both_ranks
    WHERE rank <= $top
),
city_gaps AS (
    -- gap per city of the listed occupations in P (a second, narrower read); for a surplus row
    -- "largest" means the most negative
    SELECT occupation_code, left(region_code, 4) AS city_prefix,
           (sum(demand) - sum(supply)) * CASE WHEN $kind = 'shortage' THEN 1 ELSE -1 END AS signed_gap
    FROM stg_supply_demand
    WHERE registered_on >= $start AND registered_on < $end
      AND in_scope(region_code, $scope)
      AND occupation_code IN (SELECT occupation_code FROM current_list)
    GROUP BY ALL
),
typical_cities AS (
    SELECT occupation_code, list(city_prefix || '00' ORDER BY place) AS cities
    FROM (
        SELECT *, row_number() OVER (PARTITION BY occupation_code ORDER BY signed_gap DESC, city_prefix) AS place
        FROM city_gaps
        WHERE signed_gap > 0
    )
    WHERE place <= $cities
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
    CAST(c.previous_rank AS INTEGER)                            AS previous_rank,
    CAST(c.previous_rank - c.rank AS INTEGER)                   AS rank_change,  -- NULL = new
    coalesce(t.cities, [])                                      AS typical_cities
FROM current_list AS c
LEFT JOIN typical_cities AS t ON t.occupation_code = c.occupation_code
LEFT JOIN occupations AS o ON o.occupation_code = c.occupation_code
ORDER BY c.rank
