-- Demand and supply registrations in one stream (metrics.md §1): a vacancy contributes its
-- positions to demand, a job-seeker registration contributes 1 to supply. One scan of each
-- dataset feeds every supply/demand figure.
SELECT
    registered_on,
    region_code,
    occupation_code,
    CAST(positions AS BIGINT)    AS demand,
    CAST(0 AS BIGINT)            AS supply
FROM vacancies
UNION ALL
SELECT
    registered_on,
    region_code,
    occupation_code,
    CAST(0 AS BIGINT)            AS demand,
    CAST(1 AS BIGINT)            AS supply
FROM jobseekers
