using Analytics.Tests.Warehouse.DuckDb;
using DuckDB.NET.Data;
using Shouldly;
using Xunit;
using System.Text;
using Analytics.Ingest;
using Analytics.Warehouse.DuckDb;

namespace Analytics.Tests.Ingest;

/// <summary>A throw-away data directory with helpers to drop inbox files, run passes and query the catalog.</summary>
public sealed class IngestSandbox : IDisposable
{
    public IngestSandbox()
    {
        Root = Path.Combine(Path.GetTempPath(), "ingest-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }
    public LakeEvents Events { get; } = new();
    public Action<string>? FaultPoint { get; set; }
    public long BufferedRows { get; set; } = 1_000_000;
    public long RowsPerFile { get; set; } = 1_000_000;
    /// <summary>Tests drop whole files before a pass, so passes need not wait for them to settle.</summary>
    public double SettleSeconds { get; set; }
    public int MaxFutureDays { get; set; } = IngestOptions.DefaultMaxFutureDays;
    public Analytics.Ingest.Reading.ReadLimits Limits { get; set; } = Analytics.Ingest.Reading.ReadLimits.Default;
    public int MaxRejectsPerFile { get; set; } = 10_000;

    public IngestRunner Runner() => new(new IngestOptions
    {
        DataDirectory = Root,
        IdHashKey = "000102030405060708090a0b0c0d0e0f",
        StageMemoryLimit = "256MB",
        FaultPoint = FaultPoint,
        BufferedRows = BufferedRows,
        RowsPerFile = RowsPerFile,
        SettleSeconds = SettleSeconds,
        MaxFutureDays = MaxFutureDays,
        MaxColumns = Limits.MaxColumns,
        MaxFieldChars = Limits.MaxFieldChars,
        MaxRowBytes = Limits.MaxRowBytes,
        MaxSharedStringChars = Limits.MaxSharedStringChars,
        MaxCellsPerSheet = Limits.MaxCellsPerSheet,
        MaxRejectsPerFile = MaxRejectsPerFile,
    }, Events);

    public string Drop(string dataset, string name, string content, Encoding? encoding = null) =>
        Drop(dataset, name, (encoding ?? new UTF8Encoding(false)).GetBytes(content));

    public string Drop(string dataset, string name, byte[] content)
    {
        var path = Path.Combine(Root, "inbox", dataset, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    public IngestPassResult Pass() => Runner().RunPassAsync().GetAwaiter().GetResult();

    public FileResult PassOne()
    {
        var result = Pass();
        return result.Files.ShouldHaveSingleItem();
    }

    public List<object?[]> Query(string sql, params object?[] parameters)
    {
        using var connection = Databases.OpenFile(Path.Combine(Root, "warehouse.duckdb"));
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var p in parameters) command.Parameters.Add(new DuckDBParameter { Value = p });
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : ExactResults.Normalize(reader.GetValue(i));
            rows.Add(row);
        }
        return rows;
    }

    public object? Scalar(string sql, params object?[] parameters) => Query(sql, parameters).Single()[0];

    public string[] RejectLines(FileResult result) =>
        File.ReadAllLines(Path.Combine(Root, result.Rejects.ShouldNotBeNull()), Encoding.UTF8).Skip(1).ToArray();

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
