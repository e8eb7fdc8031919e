-- Helpers shared by every model. Temporary: they live on the querying connection only, so a
-- read-only catalog is never written to.

-- Region scope: a scope includes its descendants. Codes are 6-digit GB/T 2260:
-- province = first 2 digits + '0000', city = first 4 digits + '00'. A NULL scope is the whole country.
CREATE OR REPLACE TEMP MACRO in_scope(code, scope) AS
    scope IS NULL
    OR code = scope
    OR (scope LIKE '__0000' AND left(code, 2) = left(scope, 2))
    OR (scope LIKE '____00' AND left(code, 4) = left(scope, 4));

-- The direct child of a scope that a code belongs to: the province nationally, the city inside a
-- province, the county inside a city; NULL when the code is the scope itself or a county scope.
CREATE OR REPLACE TEMP MACRO child_region(code, scope) AS
    CASE
        WHEN scope IS NULL THEN left(code, 2) || '0000'
        WHEN code = scope THEN NULL
        WHEN scope LIKE '__0000' THEN left(code, 4) || '00'
        WHEN scope LIKE '____00' THEN code
    END;

-- num ÷ den, exact to 10 decimal places, truncated toward zero. DuckDB divides DECIMALs in
-- DOUBLE; this divides scaled HUGEINTs instead. Truncating (not rounding) here keeps a later
-- round(…, 2) half away from zero exact: a value at or past a .xx5 boundary stays at or past it.
CREATE OR REPLACE TEMP MACRO div10(num, den) AS
    CASE WHEN den = 0 THEN NULL ELSE
        CAST(
            (CAST(CAST(num AS DECIMAL(38, 10)) * 10000000000 AS HUGEINT) * 10000000000)
                // CAST(CAST(den AS DECIMAL(38, 10)) * 10000000000 AS HUGEINT)
        AS DECIMAL(38, 0)) * 0.0000000001
    END;

-- Quantile by linear interpolation between order statistics (Excel PERCENTILE.INC, R type 7),
-- over a SORTED list xs: h = (n − 1)·p + 1, Q = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋).
-- The same rule as quantile_cont, but computed in DECIMAL: DuckDB's quantile_cont over a
-- DECIMAL(14,2) column returns DECIMAL(14,2) and so cuts the interpolated value to cents.
CREATE OR REPLACE TEMP MACRO quantile_inc(xs, p) AS
    CASE WHEN len(xs) = 0 THEN NULL ELSE
        xs[CAST(floor((len(xs) - 1) * p + 1) AS INTEGER)]
        + ((len(xs) - 1) * p + 1 - floor((len(xs) - 1) * p + 1))
          * (coalesce(xs[CAST(floor((len(xs) - 1) * p + 1) AS INTEGER) + 1],
                      xs[CAST(floor((len(xs) - 1) * p + 1) AS INTEGER)])
             - xs[CAST(floor((len(xs) - 1) * p + 1) AS INTEGER)])
    END;

-- Age in whole years at a day: the birthday itself counts (born 1946-09-30 is 80 on 2026-09-30).
CREATE OR REPLACE TEMP MACRO age_years(birth, at_day) AS
    year(at_day) - year(birth)
    - CASE WHEN month(at_day) * 100 + day(at_day) < month(birth) * 100 + day(birth) THEN 1 ELSE 0 END;

-- Change on the same period last year in percent, 1 decimal (compliance-and-statistics.md B.3):
-- (x ÷ base − 1) × 100 from unrounded values; null when the base is ≤ 0 (a change from nothing
-- or from a loss is not a percentage).
CREATE OR REPLACE TEMP MACRO yoy_pct(x, base) AS
    CASE WHEN base > 0 THEN round(div10(x * 100, base) - 100, 1) END;
