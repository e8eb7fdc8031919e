-- One construction project's header facts (product.md, the project page): what the public notice
-- board and the contract say. No figure and no worker; access is the caller's (product.md).
-- Parameters: $project.
SELECT project_id, project_name, region_code, sector, contractor_id, contractor_name, builder_name,
       contract_value, labour_cost_share_pct, start_on, planned_end_on, pay_day, coalesce(pay_month, 'next') AS pay_month,
       special_account_opened_on, guarantee_form, guarantee_amount, notice_board, officer_name
FROM construction_projects
WHERE project_id = $project
