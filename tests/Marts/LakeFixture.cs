using Analytics.Tests.Ingest;
using Analytics.Warehouse.DuckDb;
using Shouldly;

namespace Analytics.Tests.Marts;

/// <summary>
/// Rows written as inbox CSV files and loaded by a real ingest pass into a real lake and
/// warehouse.duckdb (ids hashed, values parsed and checked as any bureau file), then opened
/// read-only as the marts see it. Every row must load: a fixture row the rules reject is a bug
/// in the test.
/// </summary>
public sealed class LakeFixture : IDisposable
{
    private readonly IngestSandbox _sandbox = new();
    private int _files;

    public LakeFixture()
    {
        Csv("regions", "region_code,region_name,parent_code",
            "420000,湖北省,", "420100,武汉市,420000", "420102,江岸区,420100", "420106,武昌区,420100",
            "440000,广东省,", "440100,广州市,440000", "440106,天河区,440100", "440111,白云区,440100",
            "440300,深圳市,440000", "440305,南山区,440300", "450000,广西壮族自治区,", "450100,南宁市,450000", "450102,兴宁区,450100");
    }

    /// <summary>One inbox file of <paramref name="dataset"/> with a header line and rows.</summary>
    public LakeFixture Csv(string dataset, string header, params IEnumerable<string> rows)
    {
        _sandbox.Drop(dataset, $"{dataset}_{++_files:D3}.csv", header + "\n" + string.Join("\n", rows) + "\n");
        return this;
    }

    /// <summary>Runs the ingest pass and opens the catalog read-only.</summary>
    public DuckDbDataSource Ingest()
    {
        var pass = _sandbox.Pass();
        pass.Files.ShouldAllBe(f => f.RowsRejected == 0, string.Join("; ", pass.Files.Select(f => $"{f.File}: {f.Status} {f.RowsRejected} rejected")));
        pass.AnyFailed.ShouldBeFalse();
        pass.CatalogUpToDate.ShouldBeTrue(pass.CatalogError);
        return DuckDbDataSource.File(Path.Combine(_sandbox.Root, "warehouse.duckdb"), ("access_mode", "READ_ONLY"));
    }

    public void Dispose() => _sandbox.Dispose();
}
