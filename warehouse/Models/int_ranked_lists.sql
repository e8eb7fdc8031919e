-- The shortage or surplus ordering of metrics.md §1 in a period and the previous period of the
-- same length, in one scan: every occupation passing the list's thresholds with its figures and
-- its rank in its own period (is_current = in P). Callers keep the first `top` of each period.
-- The ranking (mart_occupation_ranking) and its release figures (mart_ranking_release) both
-- rank through here, so the two can never order differently.
-- Arguments: start, end_ (exclusive) the period P; previous_start the start of the previous
-- period (it ends at start); scope (NULL = all); kind 'shortage' | 'surplus'; min_count
-- minimum demand (shortage) or supply (surplus).
CREATE OR REPLACE TEMP MACRO int_ranked_lists(start, end_, previous_start, scope, kind, min_count) AS TABLE
WITH occupations_in_period AS (
    SELECT
        occupation_code,
        registered_on >= start AS is_current,
        sum(demand)            AS demand,
        sum(supply)            AS supply
    FROM stg_supply_demand
    WHERE registered_on >= previous_start AND registered_on < end_
      AND in_scope(region_code, scope)
    GROUP BY ALL
)
SELECT
    occupation_code, is_current, demand, supply,
    row_number() OVER (
        PARTITION BY is_current
        ORDER BY
            CASE WHEN kind = 'shortage' THEN demand - supply ELSE supply - demand END DESC,
            -- shortage: ratio descending, NULL (no supply at all) first; surplus: ascending.
            -- The exact ratio, not the rounded one: a DOUBLE quotient of two integers is
            -- correctly rounded, so equal ratios compare equal and different ones keep their order.
            CASE WHEN supply > 0 THEN (CASE WHEN kind = 'shortage' THEN demand ELSE -demand END) / supply END
                DESC NULLS FIRST,
            occupation_code
    ) AS rank
FROM occupations_in_period
WHERE CASE WHEN kind = 'shortage'
           THEN demand > supply AND demand >= min_count
           ELSE supply > demand AND supply >= min_count
      END;
