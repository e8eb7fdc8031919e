-- Shortage (最缺工职业排行) and surplus (求职大于招聘) rankings, metrics.md §1.
-- Parameters: $start, $end (exclusive) the period P; $previous_start the start of the previous
-- period of the same length (it ends at $start); $scope region scope (NULL = all);
-- $kind 'shortage' | 'surplus'; $min_count minimum demand (shortage) or supply (surplus);
-- $top rows kept; $cities typical cities per row.
WITH listed AS (
    -- both periods ranked in one scan (int_ranked_lists.sql)
    SELECT * FROM int_ranked_lists($start, $end, $previous_start, $scope, $kind, $min_count)
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
