-- Shortage (最缺工职业排行) and surplus (求职大于招聘) rankings, metrics.md §1.
-- Parameters: $start, $end (exclusive) the period P; $previous_start the start of the previous
-- period of the same length (it ends at $start); $scope region scope (NULL = all);
-- $kind 'shortage' | 'surplus'; $min_count minimum demand (shortage) or supply (surplus);
-- $top rows kept; $cities typical cities per row.
WITH cells AS (
    -- one scan of both periods: figures per occupation, city and period
    SELECT
        occupation_code,
        city_code,
        registered_on >= $start AS is_current,
        sum(demand)             AS demand,
        sum(supply)             AS supply
    FROM stg_supply_demand
    WHERE registered_on >= $previous_start AND registered_on < $end
      AND in_scope(region_code, $scope)
    GROUP BY ALL
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
        CASE WHEN sum(supply) > 0 THEN sum(demand) / sum(supply) END AS exact_ratio,
        -- gap > 0 for a shortage row, < 0 for a surplus row: 'largest' means the furthest from 0
        list(city_code ORDER BY (demand - supply) * (CASE WHEN $kind = 'shortage' THEN 1 ELSE -1 END) DESC, city_code)
            FILTER (WHERE (demand - supply) * (CASE WHEN $kind = 'shortage' THEN 1 ELSE -1 END) > 0)
                             AS cities_by_gap
    FROM cells
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
previous_list AS (SELECT * FROM listed WHERE NOT is_current AND rank <= $top)
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
    coalesce(c.cities_by_gap[1:$cities], [])                    AS typical_cities
FROM current_list AS c
LEFT JOIN previous_list AS p ON p.occupation_code = c.occupation_code
LEFT JOIN occupations AS o ON o.occupation_code = c.occupation_code
ORDER BY c.rank
