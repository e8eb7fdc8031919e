using Analytics.Warehouse.DuckDb;
namespace Analytics.Warehouse.Marts.Projects;

public sealed record ProjectCostItem(DateOnly Month, string Category, decimal Amount, long Items);
public sealed record ProjectWorkers(DateOnly Month, long Workers, decimal Payroll);
/// <summary>Bucket: not_due, 1_30, 31_90 or over_90 days past due.</summary>
public sealed record ReceivableBucket(string Bucket, long Invoices, decimal Outstanding);

public sealed record ProjectDetail(
    string ProjectId, string ProjectName, string AgencyId, string ClientName, MonthRange Months,
    IReadOnlyList<ProjectCostItem> Costs, IReadOnlyList<ProjectWorkers> Workers, IReadOnlyList<ReceivableBucket> Receivables);

/// <summary>The drill-down of one dispatch project (models mart_project_costs, _workers, _receivables).</summary>
public sealed class ProjectDetailService(DuckDbDataSource catalog)
{
    /// <summary>The agency a project belongs to, or null when there is no such project: the tenant check before any detail is read.</summary>
    public string? AgencyOf(string projectId) => catalog.Use(db =>
        MartQuery.Run(db, "mart_project_header", new Dictionary<string, object?> { ["project"] = projectId },
            r => r.Field<string>("agency_id")).FirstOrDefault());

    public ProjectDetail? Get(string projectId, MonthRange months, CancellationToken cancellationToken = default) => catalog.Use(db =>
    {
        var projectParameters = new Dictionary<string, object?> { ["project"] = projectId };
        var header = MartQuery.Run(db, "mart_project_header",
            projectParameters, r => (Name: r.Field<string>("project_name")!, Agency: r.Field<string>("agency_id")!, Client: r.Field<string>("client_name")!),
            cancellationToken);
        if (header.Count == 0) return null;

        var range = new Dictionary<string, object?> { ["project"] = projectId, ["first_month"] = months.First, ["end_month"] = months.End };
        var costs = MartQuery.Run(db, "mart_project_costs", range, r => new ProjectCostItem(
            r.Field<DateOnly>("month"), r.Field<string>("category")!, r.Field<decimal>("amount"), r.Field<long>("items")), cancellationToken);
        var workers = MartQuery.Run(db, "mart_project_workers", range, r => new ProjectWorkers(
            r.Field<DateOnly>("month"), r.Field<long>("workers"), r.Field<decimal>("payroll")), cancellationToken);
        var asOf = months.End.AddDays(-1);
        var receivables = MartQuery.Run(db, "mart_project_receivables",
            new Dictionary<string, object?> { ["project"] = projectId, ["as_of"] = asOf },
            r => new ReceivableBucket(r.Field<string>("bucket")!, r.Field<long>("invoices"), r.Field<decimal>("outstanding")), cancellationToken);
        return new ProjectDetail(projectId, header[0].Name, header[0].Agency, header[0].Client, months, costs, workers, receivables);
    });
}
