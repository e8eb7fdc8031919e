-- The name, agency and client of one dispatch project. Parameter: $project.
SELECT project_name, agency_id, client_name
FROM dispatch_projects
WHERE project_id = $project
