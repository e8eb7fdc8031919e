using System.Globalization;
using System.Text;
using Analytics.Dashboards.Cli;
using Analytics.Ingest;
using Analytics.Ingest.Schema;
using Analytics.Tests.Publish;
using Analytics.Warehouse.DuckDb;

namespace Analytics.Tests.Marts;

/// <summary>
/// Dispatch rows written as inbox CSV files and loaded by the real ingest pass into a real lake and
/// warehouse.duckdb, so a compliance figure is checked end to end: the headers come from the ingest
/// schema (columns defined once), every row must pass its rules, ids are hashed as in production.
/// si_bases goes in with its Chinese headers (datasets.md: either name is accepted).
/// </summary>
public sealed class DispatchLake : IDisposable
{
    private readonly Dictionary<DatasetSchema, List<Dictionary<string, object?>>> _rows = [];

    public DispatchLake() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "dispatch-lake-tests", Guid.NewGuid().ToString("N"));

    public DispatchLake SiBase(string region, string fromMonth, decimal? avgWage, decimal? baseFloor, decimal? baseCap = null) =>
        Add(Datasets.SiBases, new()
        {
            ["region_code"] = region, ["from_month"] = fromMonth, ["avg_wage"] = avgWage, ["base_floor"] = baseFloor, ["base_cap"] = baseCap,
        });

    public DispatchLake Project(string id, string agency, string client, string region, int? workforce) =>
        Add(Datasets.DispatchProjects, new()
        {
            ["project_id"] = id, ["project_name"] = "项目" + id, ["agency_id"] = agency, ["agency_name"] = "机构" + agency,
            ["client_id"] = client, ["client_name"] = "用工单位" + client, ["client_total_workforce"] = workforce, ["region_code"] = region,
            ["start_on"] = "2024-01-01", ["fee_model"] = "per_head", ["fee_rate"] = 300m, ["tax_method"] = "differential_5",
        });

    /// <summary>
    /// One worker's month: employer SI as (pension, medical, unemployment, injury), no maternity, housing fund, personal
    /// deductions or tax, so net_pay = gross and billed_total = gross + employer SI + a 300.00 service fee reconcile.
    /// </summary>
    public DispatchLake Worker(string month, string project, string worker, string? contractStart, string? contractEnd,
        decimal gross, decimal siBase, decimal pension, decimal medical, decimal unemployment, decimal injury)
    {
        var row = new Dictionary<string, object?>
        {
            ["month"] = month, ["project_id"] = project, ["worker_id"] = worker, ["contract_start"] = contractStart, ["contract_end"] = contractEnd,
            ["gross_wage"] = gross, ["si_base"] = siBase, ["employer_pension"] = pension, ["employer_medical"] = medical,
            ["employer_unemployment"] = unemployment, ["employer_injury"] = injury, ["net_pay"] = gross, ["service_fee"] = 300m,
            ["billed_total"] = gross + pension + medical + unemployment + injury + 300m,
        };
        foreach (var zero in new[] { "employer_maternity", "employer_housing_fund", "personal_pension", "personal_medical",
                     "personal_unemployment", "personal_housing_fund", "income_tax" })
            row[zero] = 0m;
        return Add(Datasets.DispatchSettlements, row);
    }

    /// <summary>A worker with a two-year contract covering 2025–2026, full contributions on a base equal to the wage.</summary>
    public DispatchLake CompliantWorker(string month, string project, string worker, decimal gross = 6000m) =>
        Worker(month, project, worker, "2025-01-01", "2026-12-31", gross, gross, 960m, 480m, 42m, 12m);

    public DispatchLake Invoice(string id, string project, decimal amount, string dueOn, string? receivedOn = null, decimal? receivedAmount = null) =>
        Add(Datasets.DispatchInvoices, new()
        {
            ["invoice_id"] = id, ["project_id"] = project, ["month"] = "2026-08", ["invoiced_on"] = "2026-09-01", ["amount"] = amount,
            ["due_on"] = dueOn, ["received_on"] = receivedOn, ["received_amount"] = receivedAmount,
        });

    public DispatchLake Cost(string id, string month, string project, decimal amount) =>
        Add(Datasets.DispatchCosts, new() { ["cost_id"] = id, ["month"] = month, ["project_id"] = project, ["category"] = "management", ["amount"] = amount });

    /// <summary>Writes the inbox, runs one ingest pass (every row must load) and returns the catalog read-only.</summary>
    public DuckDbDataSource Ingest()
    {
        foreach (var (schema, rows) in _rows)
        {
            var chinese = schema == Datasets.SiBases;
            var csv = new StringBuilder();
            csv.AppendLine(string.Join(",", schema.Columns.Select(c => chinese ? c.Aliases[0] : c.Name)));
            foreach (var row in rows)
                csv.AppendLine(string.Join(",", schema.Columns.Select(c => Text(row.GetValueOrDefault(c.Name)))));
            var folder = Path.Combine(Root, "inbox", schema.Name);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, schema.Name + ".csv"), csv.ToString(), new UTF8Encoding(false));
        }
        var pass = new IngestRunner(new IngestOptions
        {
            DataDirectory = Root,
            IdHashKey = "000102030405060708090a0b0c0d0e0f",
            StageMemoryLimit = "256MB",
            SettleSeconds = 0,
        }).RunPassAsync().GetAwaiter().GetResult();
        var trouble = pass.Files.Where(f => f.Status != FileStatus.Loaded || f.RowsRejected > 0).Select(f => $"{f.File}: {f.Status}, {f.RowsRejected} rejected, {f.Error}").ToList();
        if (trouble.Count > 0 || !pass.CatalogUpToDate) throw new InvalidOperationException("the fixture did not ingest cleanly: " + string.Join("; ", trouble));
        return DuckDbDataSource.File(Path.Combine(Root, "warehouse.duckdb"), ("access_mode", "READ_ONLY"));
    }

    /// <summary>Runs the real command line in-process against this folder.</summary>
    public async Task<CliRun> PublishAsync(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await AnalyticsCommandLine.RunAsync(["publish", .. args, "--data", Root], output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }

    private DispatchLake Add(DatasetSchema schema, Dictionary<string, object?> row)
    {
        if (!_rows.TryGetValue(schema, out var rows)) _rows[schema] = rows = [];
        rows.Add(row);
        return this;
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        decimal d => d.ToString("0.00", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };
}
