-- construction_projects with planned_months = 12 × (year(planned_end_on) − year(start_on)) +
-- month(planned_end_on) − month(start_on) + 1 (metrics.md §6, labour_cost_expected). Every wage
-- model reads projects through int_wage_projects, which reads this: Catalog.Sync keeps it as a small
-- table (rebuilt with each batch of construction_projects), so a query binds a native table instead
-- of the Parquet view — binding the view read its files' metadata every time it was named, which cost
-- the roll-up more than its figures did. Without the table it is this view, same rows.
SELECT
    *,
    12 * (year(planned_end_on) - year(start_on)) + month(planned_end_on) - month(start_on) + 1 AS planned_months
FROM construction_projects
