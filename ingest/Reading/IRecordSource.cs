namespace Analytics.Ingest.Reading;

/// <summary>
/// Rows of one input file as UTF-8 fields, whatever the format and encoding. Blank rows are
/// skipped (they are not rows). <see cref="Headers"/> may grow while reading (JSON Lines).
/// </summary>
public interface IRecordSource : IDisposable
{
    IReadOnlyList<string> Headers { get; }

    /// <summary>Moves to the next non-blank row; false at the end.</summary>
    bool Read();

    /// <summary>Where the current row starts: the 1-based physical line (header = 1), or the sheet row for XLSX.</summary>
    long Line { get; }

    int FieldCount { get; }

    /// <summary>The raw field for header <paramref name="index"/> (empty when the row is shorter).</summary>
    ReadOnlySpan<byte> Field(int index);

    /// <summary>Why the current row cannot be taken as it stands (bytes that are not text, a cell that points nowhere), or null.</summary>
    RowDefect? Defect => null;

    /// <summary>Why the current row broke a <see cref="ReadLimits"/> limit (its fields are then not all there), or null.</summary>
    RowProblem? Problem => null;
}

/// <summary>A row over a reading limit: it is rejected with this rule. <paramref name="Field"/> is the header index, or -1 for the whole row.</summary>
public readonly record struct RowProblem(int Field, string Rule, string Value);
