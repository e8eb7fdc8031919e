namespace Analytics.Ingest.Schema;

/// <summary>
/// One row after parsing, in schema column order: numbers (ints, scaled money, day numbers,
/// bools as 0/1) in <see cref="Numbers"/>, text in <see cref="Texts"/>. Reused row after row.
/// </summary>
public sealed class ParsedRow
{
    public ParsedRow(int columns)
    {
        Numbers = new long[columns];
        Texts = new string?[columns];
        Null = new bool[columns];
    }

    public long[] Numbers { get; }
    public string?[] Texts { get; }
    public bool[] Null { get; }

    public bool IsNull(int column) => Null[column];
    public long NumberOrZero(int column) => Null[column] ? 0 : Numbers[column];
}
