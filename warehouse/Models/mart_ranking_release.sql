-- Release figures of a ranking (发布口径), compliance-and-statistics.md C: what the published
-- list states beside its rows. L = the listed rows of P (the first $top), L′ = the list of the
-- previous period P′ as it was published then (same length, scope and thresholds), each with
-- its own period's figures: a change compares the two lists, not the same occupations.
-- Parameters: as mart_occupation_ranking ($start, $end, $previous_start, $scope, $kind,
-- $min_count, $top), and $k for the movers into and out of the top k (10).
-- One result in sections, in order: 'totals' (one row of counts and totals), 'newly_listed'
-- (rank order), 'dropped' (previous rank order), 'top_entering' (rank order), 'top_leaving'
-- (previous rank order), 'major_group' (group order).
WITH lists AS MATERIALIZED (
    -- one row per occupation of L ∪ L′: rank in L, rank in L′ (= previous_rank), both periods' figures
    SELECT
        occupation_code,
        max(rank)   FILTER (WHERE is_current)     AS rank,
        max(rank)   FILTER (WHERE NOT is_current) AS previous_rank,
        max(demand) FILTER (WHERE is_current)     AS demand,
        max(supply) FILTER (WHERE is_current)     AS supply,
        max(demand) FILTER (WHERE NOT is_current) AS demand_prev,
        max(supply) FILTER (WHERE NOT is_current) AS supply_prev
    FROM int_ranked_lists($start, $end, $previous_start, $scope, $kind, $min_count)
    WHERE rank <= $top
    GROUP BY occupation_code
),
sums AS (
    SELECT
        coalesce(sum(demand), 0)                                      AS demand_total,
        coalesce(sum(supply), 0)                                      AS supply_total,
        coalesce(sum(demand_prev), 0)                                 AS demand_total_prev,
        coalesce(sum(supply_prev), 0)                                 AS supply_total_prev,
        count(rank)                                                   AS listed,
        count(previous_rank)                                          AS listed_prev,
        count(*) FILTER (WHERE rank IS NOT NULL AND previous_rank IS NULL) AS newly_listed,
        count(*) FILTER (WHERE rank IS NULL)                          AS dropped,
        -- rank_change = previous_rank − rank: positive = moved up
        count(*) FILTER (WHERE previous_rank > rank)                  AS moved_up,
        count(*) FILTER (WHERE previous_rank < rank)                  AS moved_down,
        count(*) FILTER (WHERE previous_rank = rank)                  AS unchanged
    FROM lists
),
named AS (
    SELECT l.*, o.occupation_name FROM lists AS l LEFT JOIN occupations AS o USING (occupation_code)
),
totals AS (
    SELECT *,
           demand_total - supply_total                                AS gap_total,
           demand_total_prev - supply_total_prev                      AS gap_total_prev,
           round(div10(demand_total, nullif(supply_total, 0)), 2)     AS ratio_total,
           round(div10(demand_total_prev, nullif(supply_total_prev, 0)), 2) AS ratio_total_prev
    FROM sums
)
SELECT
    'totals' AS section, 0 AS ord,
    CAST(demand_total AS BIGINT) AS demand_total, CAST(supply_total AS BIGINT) AS supply_total,
    CAST(gap_total AS BIGINT) AS gap_total, ratio_total,
    CAST(demand_total_prev AS BIGINT) AS demand_total_prev, CAST(supply_total_prev AS BIGINT) AS supply_total_prev,
    CAST(gap_total_prev AS BIGINT) AS gap_total_prev, ratio_total_prev,
    -- (total ÷ total_prev − 1) × 100, 1 decimal; null when L′ is empty or total_prev ≤ 0
    CASE WHEN listed_prev > 0 THEN yoy_pct(demand_total, demand_total_prev) END AS demand_change_pct,
    CASE WHEN listed_prev > 0 THEN yoy_pct(supply_total, supply_total_prev) END AS supply_change_pct,
    CASE WHEN listed_prev > 0 THEN yoy_pct(gap_total, gap_total_prev) END       AS gap_change_pct,
    -- of the published 2-decimal values
    ratio_total - ratio_total_prev                                              AS ratio_change,
    CAST(listed AS BIGINT) AS listed, CAST(listed_prev AS BIGINT) AS listed_prev,
    CAST(newly_listed AS BIGINT) AS newly_listed, CAST(dropped AS BIGINT) AS dropped,
    CAST(moved_up AS BIGINT) AS moved_up, CAST(moved_down AS BIGINT) AS moved_down, CAST(unchanged AS BIGINT) AS unchanged
FROM totals

UNION ALL BY NAME
SELECT 'newly_listed' AS section, rank AS ord, occupation_code, occupation_name, CAST(rank AS BIGINT) AS rank
FROM named WHERE rank IS NOT NULL AND previous_rank IS NULL

UNION ALL BY NAME
-- dropped (退出): occupations of L′ not in L
SELECT 'dropped' AS section, previous_rank AS ord, occupation_code, occupation_name, CAST(previous_rank AS BIGINT) AS previous_rank
FROM named WHERE rank IS NULL

UNION ALL BY NAME
-- into the top k: rank ≤ k, and not in the top k of L′ (or not listed then)
SELECT 'top_entering' AS section, rank AS ord, occupation_code, occupation_name, CAST(rank AS BIGINT) AS rank, CAST(previous_rank AS BIGINT) AS previous_rank
FROM named WHERE rank <= $k AND (previous_rank IS NULL OR previous_rank > $k)

UNION ALL BY NAME
-- out of the top k: in the top k of L′, and now below it or no longer listed (rank null)
SELECT 'top_leaving' AS section, previous_rank AS ord, occupation_code, occupation_name, CAST(rank AS BIGINT) AS rank, CAST(previous_rank AS BIGINT) AS previous_rank
FROM named WHERE previous_rank <= $k AND (rank IS NULL OR rank > $k)

UNION ALL BY NAME
-- per major group (the code's first digit, 1–8) with any row in L or L′
SELECT 'major_group' AS section, CAST(major_group AS INTEGER) AS ord, major_group,
       CAST(listed AS BIGINT) AS group_listed, CAST(listed_prev AS BIGINT) AS group_listed_prev,
       CAST(listed - listed_prev AS BIGINT) AS group_change,
       round(div10(listed * 100, (SELECT listed FROM sums)), 1) AS group_share_pct
FROM (
    SELECT left(occupation_code, 1) AS major_group, count(rank) AS listed, count(previous_rank) AS listed_prev
    FROM lists GROUP BY ALL
)

ORDER BY section, ord
