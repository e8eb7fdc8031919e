using Analytics.Ingest.Schema;
using Parquet;
using Parquet.Schema;

namespace Analytics.Ingest.Lake;

/// <summary>
/// Reads one lake file with Parquet.Net, an implementation independent of DuckDB (the engine that
/// wrote it): the footer, every column of the dataset with a type the catalog views can use, and
/// every column chunk of every row group, decoded. A lake another engine can read is the point of
/// keeping it in Parquet (product.md: "any engine reads it").
/// </summary>
internal static class ParquetFileCheck
{
    private static readonly ParquetOptions Options = new() { UseDateOnlyTypeForDates = true };

    /// <summary>The rows the footer counts, and what is wrong with the file (null when nothing is).</summary>
    public static async Task<(long Rows, LakeProblem? Problem)> CheckAsync(string path, string shownPath, DatasetSchema dataset, CancellationToken cancellation)
    {
        ParquetReader reader;
        try { reader = await ParquetReader.CreateAsync(path, Options, cancellation); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (0, new LakeProblem(shownPath, LakeProblem.Damaged, $"the footer cannot be read: {e.Message}"));
        }
        await using (reader)
        {
            if (SchemaMismatch(reader.Schema, dataset) is { } mismatch) return (0, new LakeProblem(shownPath, LakeProblem.Schema, mismatch));
            long rows = 0;
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                var group = reader.OpenRowGroupReader(g);
                foreach (var field in reader.Schema.DataFields)
                {
                    try
                    {
                        using var column = await group.ReadRawColumnDataBaseAsync(field, cancellation);
                        // A nullable column has one definition level per row, null or not.
                        if (field.IsNullable && column.DefinitionLevels.Length != group.RowCount)
                            return (rows, new LakeProblem(shownPath, LakeProblem.Damaged,
                                $"row group {g}, column {field.Name}: {column.DefinitionLevels.Length} values for {group.RowCount} rows"));
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        return (rows, new LakeProblem(shownPath, LakeProblem.Damaged, $"row group {g}, column {field.Name} cannot be read: {e.Message}"));
                    }
                }
                rows += group.RowCount;
            }
            return (rows, null);
        }
    }

    /// <summary>Every column of the dataset, each with a compatible type; extra columns are tolerated (the views name theirs).</summary>
    private static string? SchemaMismatch(ParquetSchema schema, DatasetSchema dataset)
    {
        var fields = schema.DataFields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var column in dataset.Columns)
        {
            if (!fields.TryGetValue(column.Name, out var field)) problems.Add($"column {column.Name} is missing");
            else if (!Compatible(field, column)) problems.Add($"column {column.Name} is {Describe(field)}, not {column.SqlType}");
        }
        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    private static bool Compatible(DataField field, ColumnSpec column) => column.Kind switch
    {
        ColumnKind.Date or ColumnKind.Month => field.ClrType == typeof(DateOnly) || field.ClrType == typeof(DateTime),
        ColumnKind.Integer => field.ClrType == typeof(int),
        // Money is exact: the same precision and scale, never a float.
        ColumnKind.Money or ColumnKind.Decimal => field is DecimalDataField d && d.Precision == column.Precision && d.Scale == column.Scale,
        ColumnKind.Bool => field.ClrType == typeof(bool),
        _ => field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>),
    };

    private static string Describe(DataField field) => field is DecimalDataField d ? $"DECIMAL({d.Precision},{d.Scale})" : field.ClrType.Name;
}
