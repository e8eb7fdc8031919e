-- The wage sample of metrics.md §2: full-time placements with a monthly wage.
SELECT
    year(employed_on)            AS year,
    region_code,
    occupation_code,
    left(occupation_code, 7)     AS minor_group,
    monthly_wage
FROM employment
WHERE full_time AND monthly_wage IS NOT NULL
