-- Demand and supply per region and calendar month (metrics.md §1): stg_supply_demand summed by
-- the first day of the month of registered_on. Every mart that counts registrations over whole
-- months (the indicators, their YTD/last-year companions, the trend lines) reads this instead of
-- the 10⁷-row stream. Catalog.Sync materialises it as a table in the same transaction that
-- replaces the dataset views (SqlModels.Materialise), so it always belongs to the lake version the
-- views show; without that table (a test database, a bare catalog) it is this view, same figures.
SELECT
    region_code,
    CAST(date_trunc('month', registered_on) AS DATE) AS month,
    sum(demand)                                      AS demand,
    sum(supply)                                      AS supply
FROM stg_supply_demand
GROUP BY ALL
