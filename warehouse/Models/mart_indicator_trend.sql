-- The monthly trend lines of the policymaker's overview: demand and supply (as in §1) and new
-- employment (§4) per month of a range, for one scope, in one scan of each dataset (the full
-- indicator mart per month would read everything once per month).
-- Parameters: $first_month, $end_month (exclusive; first days of months), $scope (NULL = all).
WITH months AS (
    SELECT CAST(m AS DATE) AS month
    FROM range(CAST($first_month AS TIMESTAMP), CAST($end_month AS TIMESTAMP), INTERVAL 1 MONTH) t(m)
),
registrations AS (
    SELECT month, sum(demand) AS demand, sum(supply) AS supply
    FROM stg_supply_demand_monthly
    WHERE month >= $first_month AND month < $end_month AND in_scope(region_code, $scope)
    GROUP BY ALL
),
placements AS (
    SELECT CAST(date_trunc('month', employed_on) AS DATE) AS month, count(*) AS new_employment
    FROM employment
    WHERE employed_on >= $first_month AND employed_on < $end_month AND in_scope(region_code, $scope)
    GROUP BY ALL
)
SELECT
    m.month,
    coalesce(r.demand, 0)          AS demand,
    coalesce(r.supply, 0)          AS supply,
    coalesce(p.new_employment, 0)  AS new_employment
FROM months AS m
LEFT JOIN registrations AS r USING (month)
LEFT JOIN placements AS p USING (month)
ORDER BY m.month
