using Parquet;

namespace Analytics.Tests.Reliability;

/// <summary>A lake's Parquet files read with Parquet.Net (not DuckDB), for tests that compare what two processes wrote.</summary>
public static class LakeColumns
{
    public static IEnumerable<string> Files(string dataDirectory, string dataset) =>
        Directory.EnumerateFiles(Path.Combine(dataDirectory, "lake", dataset), "*.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    /// <summary>Every value of a VARCHAR column in every file of the dataset, sorted.</summary>
    public static async Task<List<string?>> TextAsync(string dataDirectory, string dataset, string column)
    {
        var values = new List<string?>();
        foreach (var file in Files(dataDirectory, dataset))
        {
            await using var reader = await ParquetReader.CreateAsync(file);
            var field = reader.Schema.DataFields.Single(f => f.Name == column);
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                var group = reader.OpenRowGroupReader(g);
                var buffer = new string?[group.RowCount];
                await group.ReadAsync(field, buffer.AsMemory()!, null);
                values.AddRange(buffer);
            }
        }
        return values.Order(StringComparer.Ordinal).ToList();
    }
}
