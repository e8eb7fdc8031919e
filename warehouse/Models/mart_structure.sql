-- Structure of demand and supply (供求结构), compliance-and-statistics.md B.1: the vacancies and
-- job-seeker registrations of a period P and scope R split by one attribute at a time. Supply
-- counts jobseekers rows as supply(o) does (a seeker registered for two occupations counts
-- twice); demand sums positions. An attribute recorded on one side only splits that side, and
-- the other side's columns are null: gender, age_band and category are supply-only (vacancies
-- carry none), industry is demand-only (jobseekers carry an intended occupation, not an industry).
-- Parameters: $start, $end (exclusive) the period; $scope (NULL = all); $breakdown one of
-- gender | age_band | education | category | industry.
WITH row_keys AS (
    -- the rows of each breakdown, in their published order; unknown = the column is empty
    SELECT unnest(keys) AS key, unnest(range(1, len(keys) + 1)) AS ord
    FROM (VALUES
        ('gender',    ['M', 'F', 'unknown']),
        ('age_band',  ['under_16', '16_24', '25_34', '35_44', '45_54', '55_plus', 'unknown']),
        ('education', ['none', 'junior_high', 'high_school', 'vocational', 'associate', 'bachelor', 'master', 'doctorate', 'unknown']),
        ('category',  ['unemployed', 'new_graduate', 'migrant_worker', 'employed_seeking', 'other', 'unknown']),
        ('industry',  ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'unknown'])
    ) AS b(breakdown, keys)
    WHERE breakdown = $breakdown
),
demand_counts AS (
    SELECT CASE $breakdown
               WHEN 'education' THEN coalesce(education_min, 'unknown')
               -- the section letter of the industry code: C13 → C
               WHEN 'industry'  THEN coalesce(upper(left(industry_code, 1)), 'unknown')
           END           AS key,
           sum(positions) AS demand
    FROM vacancies
    WHERE $breakdown IN ('education', 'industry')
      AND registered_on >= $start AND registered_on < $end AND in_scope(region_code, $scope)
    GROUP BY ALL
),
supply_counts AS (
    SELECT CASE $breakdown
               WHEN 'gender'    THEN coalesce(gender, 'unknown')
               -- the age reached during P's calendar year; bands are inclusive
               WHEN 'age_band'  THEN CASE
                   WHEN birth_year IS NULL                   THEN 'unknown'
                   WHEN year($start) - birth_year < 16       THEN 'under_16'
                   WHEN year($start) - birth_year <= 24      THEN '16_24'
                   WHEN year($start) - birth_year <= 34      THEN '25_34'
                   WHEN year($start) - birth_year <= 44      THEN '35_44'
                   WHEN year($start) - birth_year <= 54      THEN '45_54'
                   ELSE '55_plus'
               END
               WHEN 'education' THEN coalesce(education, 'unknown')
               WHEN 'category'  THEN coalesce(category, 'unknown')
           END      AS key,
           count(*) AS supply
    FROM jobseekers
    WHERE $breakdown IN ('gender', 'age_band', 'education', 'category')
      AND registered_on >= $start AND registered_on < $end AND in_scope(region_code, $scope)
    GROUP BY ALL
),
split AS (
    SELECT
        k.key,
        k.ord,
        CASE WHEN $breakdown IN ('education', 'industry') THEN coalesce(d.demand, 0) END AS demand,
        CASE WHEN $breakdown <> 'industry' THEN coalesce(s.supply, 0) END               AS supply,
        -- a side's total includes its unknown row
        sum(d.demand) OVER ()                                                            AS demand_total,
        sum(s.supply) OVER ()                                                            AS supply_total
    FROM row_keys AS k
    LEFT JOIN demand_counts AS d USING (key)
    LEFT JOIN supply_counts AS s USING (key)
)
SELECT
    key,
    CAST(demand AS BIGINT)                                   AS demand,
    CAST(supply AS BIGINT)                                   AS supply,
    -- 1 decimal, half away from zero: a side's shares need not add to exactly 100.0
    round(div10(demand * 100, demand_total), 1)              AS demand_share_pct,
    round(div10(supply * 100, supply_total), 1)              AS supply_share_pct,
    -- education only, and not for 不限 (none) or unknown: no supply row matches a posting open to any education
    CASE WHEN $breakdown = 'education' AND key NOT IN ('none', 'unknown')
         THEN round(div10(demand, nullif(supply, 0)), 2) END AS ratio
FROM split
WHERE coalesce(demand, 0) <> 0 OR coalesce(supply, 0) <> 0
ORDER BY ord
