namespace Analytics.Ingest.Schema;

/// <summary>
/// One dataset of datasets.md: columns in catalog order, the key ("latest row per key"), the
/// cross-field rules, and the date column that places a row in its year=/month= partition.
/// </summary>
public sealed class DatasetSchema
{
    private readonly Dictionary<string, int> _byHeader = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _byName = new(StringComparer.Ordinal);

    public DatasetSchema(string name, string chineseName, ColumnSpec[] columns, string[] key, string? partitionBy, RowRule[]? rules = null)
    {
        Name = name;
        ChineseName = chineseName;
        Columns = columns;
        for (var i = 0; i < columns.Length; i++) _byName[columns[i].Name] = i;
        Key = key.Select(IndexOf).ToArray();
        PartitionBy = partitionBy is null ? null : IndexOf(partitionBy);
        Rules = rules ?? [];
        for (var i = 0; i < columns.Length; i++)
            if (columns[i].IsRead)   // a header never fills a column ingest fills itself
                foreach (var header in columns[i].Aliases.Prepend(columns[i].Name))
                    _byHeader[NormalizeHeader(header)] = i;
    }

    public string Name { get; }
    public string ChineseName { get; }
    public IReadOnlyList<ColumnSpec> Columns { get; }
    public int[] Key { get; }
    /// <summary>The date column of the partition; null for reference data, which is partitioned by ingest date.</summary>
    public int? PartitionBy { get; }
    public IReadOnlyList<RowRule> Rules { get; }

    /// <summary>
    /// The dataset whose <c>project_id</c> this one's rows refer to: a row whose project is not (yet) there is
    /// loaded and listed in the data-quality view, as an unknown region code is.
    /// </summary>
    public DatasetSchema? ProjectsIn { get; init; }

    /// <summary>Fills derived values of a valid row (e.g. a region's parent from its code).</summary>
    public Action<ParsedRow>? Derive { get; init; }

    /// <summary>The position of a column (row rules look columns up by name on every row, hence the dictionary).</summary>
    public int IndexOf(string column) =>
        _byName.TryGetValue(column, out var i) ? i : throw new ArgumentException($"{Name} has no column {column}.");

    /// <summary>The column a header names (English or Chinese; case, spaces and a BOM ignored), or -1.</summary>
    public int ColumnForHeader(string header) => _byHeader.GetValueOrDefault(NormalizeHeader(header), -1);

    public static string NormalizeHeader(string header) => header.Trim().Trim('\uFEFF').Trim().ToLowerInvariant();

    public IEnumerable<string> KeyNames => Key.Select(i => Columns[i].Name);
}
