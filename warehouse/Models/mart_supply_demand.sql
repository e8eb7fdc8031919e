-- Supply and demand per occupation or occupation group (metrics.md §1, "Group level").
-- Parameters: $start, $end (exclusive) the period; $scope region scope (NULL = all);
-- $level 'occupation' | 'major' (x) | 'medium' (x-xx) | 'minor' (x-xx-xx).
WITH by_group AS (
    SELECT
        CASE $level
            WHEN 'major'  THEN left(occupation_code, 1)
            WHEN 'medium' THEN left(occupation_code, 4)
            WHEN 'minor'  THEN left(occupation_code, 7)
            ELSE occupation_code
        END          AS group_code,
        sum(demand)  AS demand,
        sum(supply)  AS supply
    FROM stg_supply_demand
    WHERE registered_on >= $start AND registered_on < $end
      AND in_scope(region_code, $scope)
    GROUP BY ALL
)
SELECT
    g.group_code                                   AS code,
    o.occupation_name                              AS name,
    CAST(g.demand AS BIGINT)                       AS demand,
    CAST(g.supply AS BIGINT)                       AS supply,
    CAST(g.demand - g.supply AS BIGINT)            AS gap,
    round(div10(g.demand, nullif(g.supply, 0)), 2) AS ratio   -- NULL without supply
FROM by_group AS g
LEFT JOIN occupations AS o ON o.occupation_code = g.group_code
ORDER BY g.group_code
