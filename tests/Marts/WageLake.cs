using Analytics.Tests.Ingest;
using Analytics.Warehouse.DuckDb;

namespace Analytics.Tests.Marts;

/// <summary>
/// A real lake of construction wage-payment files, loaded by the real ingest, and a data source on
/// its catalog. Rows are given as CSV text with datasets.md's English headers.
/// </summary>
public sealed class WageLake : IDisposable
{
    private readonly IngestSandbox _sandbox = new();
    private DuckDbDataSource? _catalog;
    private int _files;

    public const string Regions = """
        region_code,region_name
        420000,湖北省
        420100,武汉市
        420102,江岸区
        420104,硚口区
        420106,武昌区
        420111,洪山区
        420200,黄石市
        420202,黄石港区
        """;

    public const string ProjectHeader =
        "project_id,project_name,region_code,sector,contractor_id,contractor_name,builder_name,contract_value,labour_cost_share_pct," +
        "start_on,planned_end_on,pay_day,pay_month,special_account_opened_on,guarantee_form,guarantee_amount,notice_board,officer_name";
    public const string RosterHeader = "project_id,worker_id,entered_on,left_on,subcontractor_id,occupation_code,contract_signed_on,bank_card_registered";
    public const string AttendanceHeader = "month,project_id,worker_id,days_worked,quantity";
    public const string PayrollHeader = "month,project_id,subcontractor_id,worker_id,wage_due,wage_paid,paid_on,paid_via,signed_by_worker";
    public const string FlowHeader = "flow_id,project_id,flow_on,direction,amount,counterparty";

    public WageLake() => Drop("regions", Regions);

    public string Root => _sandbox.Root;

    /// <summary>Drops one file (named in delivery order, so a later drop replaces an earlier one's keys).</summary>
    public WageLake Drop(string dataset, string csv, string? name = null)
    {
        _sandbox.Drop(dataset, name ?? $"{++_files:D3}.csv", csv.ReplaceLineEndings("\n") + "\n");
        return this;
    }

    /// <summary>Runs an ingest pass; every file must load whole.</summary>
    public WageLake Ingest()
    {
        _catalog?.Dispose();
        _catalog = null;
        var result = _sandbox.Pass();
        var bad = result.Files.Where(f => f.RowsRejected > 0 || f.Error is not null).ToList();
        if (bad.Count > 0)
            throw new InvalidOperationException(string.Join("; ", bad.Select(f => $"{f.File}: {f.Error} {string.Join(" | ", f.Rejects is null ? [] : _sandbox.RejectLines(f))}")));
        return this;
    }

    public DuckDbDataSource Catalog => _catalog ??= DuckDbDataSource.File(Path.Combine(Root, "warehouse.duckdb"));

    public List<object?[]> Query(string sql, params object?[] parameters)
    {
        _catalog?.Dispose();
        _catalog = null;
        return _sandbox.Query(sql, parameters);
    }

    public void Dispose()
    {
        _catalog?.Dispose();
        _sandbox.Dispose();
    }
}
