namespace Analytics.Ingest.Schema;

/// <summary>One column of a dataset: its English name, accepted header aliases, kind and single-column rule.</summary>
public sealed record ColumnSpec(string Name, ColumnKind Kind, bool Required, params string[] Aliases)
{
    public EnumType? Enum { get; init; }
    public SignRule Sign { get; init; } = SignRule.NonNegative;
    /// <summary>Inclusive integer range; <see cref="MaxBelowCurrentYear"/> makes the upper bound relative.</summary>
    public long? Min { get; init; }
    public long? Max { get; init; }
    public int? MaxBelowCurrentYear { get; init; }
    /// <summary>Decimal columns: digits after the point (money is always 2).</summary>
    public int Scale { get; init; } = 2;
    public int Precision { get; init; } = 14;
    public bool? DefaultBool { get; init; }
    /// <summary>Date columns that hold a planned date (a contract's end, a due date), which may lie beyond Ingest:MaxFutureDays.</summary>
    public bool MayBeFuture { get; init; }
    /// <summary>
    /// A text column that identifies something (an employer, a posting, a project): a value that is
    /// wholly a resident id (an individual business is registered under its owner's id) is hashed
    /// like a person id, so joins still work; other text columns get such ids masked.
    /// </summary>
    public bool Identifier { get; init; }

    /// <summary>
    /// Set for a column ingest fills from where the row came from (datasets.md: source_file, the path
    /// below inbox/; source_line, numbered as in rejects), never from a header of the file.
    /// </summary>
    public RowSource? FromSource { get; init; }

    /// <summary>The type of the column in the catalog views and Parquet files (BRIEF.md's contract).</summary>
    public string SqlType => Kind switch
    {
        ColumnKind.Date or ColumnKind.Month => "DATE",
        ColumnKind.Integer => "INTEGER",
        ColumnKind.Money => "DECIMAL(14,2)",
        ColumnKind.Decimal => $"DECIMAL({Precision},{Scale})",
        ColumnKind.Bool => "BOOLEAN",
        _ => "VARCHAR",
    };

    public bool IsRead => FromSource is null;

    public long? EffectiveMax => MaxBelowCurrentYear is { } below ? DateTime.UtcNow.Year - below : Max;
}

/// <summary>Where a <see cref="ColumnSpec.FromSource"/> column's value comes from.</summary>
public enum RowSource
{
    File,
    Line,
}
