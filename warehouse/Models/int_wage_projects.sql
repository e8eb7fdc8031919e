-- Construction projects in a region scope, with what every wage-payment model needs of them
-- (metrics.md §6), from stg_wage_projects (with planned_months). Arguments: scope (NULL = every
-- region; a scope includes its descendants).

-- The pay date of work month m (a month's first day): day min(pay_day, days in that month) of
-- m + 1 (pay_month next, the default) or of m (current). No holiday calendar (decision 1).
CREATE OR REPLACE TEMP MACRO wage_due_on(m, pay_day, pay_month) AS
    CAST(
        CASE WHEN coalesce(pay_month, 'next') = 'current' THEN m ELSE m + INTERVAL 1 MONTH END
        + (least(pay_day, day(last_day(CASE WHEN coalesce(pay_month, 'next') = 'current' THEN m ELSE m + INTERVAL 1 MONTH END))) - 1)
          * INTERVAL 1 DAY
    AS DATE);

CREATE OR REPLACE TEMP MACRO int_wage_projects(scope) AS TABLE
SELECT *
FROM stg_wage_projects
WHERE in_scope(region_code, scope);
