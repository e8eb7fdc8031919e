namespace Analytics.Reports.Model;

/// <summary>
/// One published column. <see cref="Field"/> is the snake_case name of metrics.md (JSON keys, CSV header);
/// the headers are for the human formats.
/// </summary>
public sealed record ReportColumn(string Field, string HeaderZh, string HeaderEn, ColumnKind Kind)
{
    /// <summary>Decimals shown for <see cref="ColumnKind.Percent"/> (1 or 2); other kinds have fixed decimals.</summary>
    public int Decimals { get; init; } = 2;

    /// <summary>
    /// Decimals the data holds (not those shown), for the typed formats (Arrow, Parquet): the column is
    /// DECIMAL(<see cref="Precision"/>, Scale) there, and a value with more decimals is refused, never rounded.
    /// By kind unless set: money and ratios 2 (rounded to cents/hundredths in the marts), percents
    /// <see cref="Decimals"/>, wages 10 (the mean is a 10-decimal division), other kinds 0.
    /// </summary>
    public int Scale
    {
        get => _scale ?? Kind switch
        {
            ColumnKind.Money or ColumnKind.Ratio => 2,
            ColumnKind.Percent => Decimals,
            ColumnKind.Wage => 10,
            _ => 0,
        };
        init => _scale = value;
    }

    private readonly int? _scale;

    /// <summary>18 digits (a 64-bit DECIMAL in DuckDB) while that leaves 12 before the point; 38 otherwise.</summary>
    public int Precision => 18 - Scale >= 12 ? 18 : 38;

    /// <summary>Code -> name shown in the human formats (region names, alert names, enum labels); codes stay in JSON/CSV.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>Whether a rise of this figure is good news (vacancies), bad news (new unemployment) or neither; colours ▲/▼ (see <c>ChangeText</c>).</summary>
    public Increase Increase { get; init; } = Increase.Neutral;

    /// <summary>The short name a card or a wall tile shows (新增就业 for 新增就业人数); null: the header.</summary>
    public string? ShortZh { get; init; }

    public string? ShortEn { get; init; }

    /// <summary>The card's label in the page's language.</summary>
    public string ShortLabel(bool english) => english ? ShortEn ?? HeaderEn : ShortZh ?? HeaderZh;

    /// <summary>Whether a whole number is shown with thousands separators (a count: 12,345); false for a line number or a year.</summary>
    public bool Grouped { get; init; } = true;

    /// <summary>Whether this column identifies a row to a reader (occupation name, project and month): repeated in every column band of a table too wide to print at once.</summary>
    public bool Key { get; init; }

    /// <summary>What the human formats show for a null in this column instead of — (全部地区 for a scope's region code that is null for all regions).</summary>
    public string? NullText { get; init; }

    /// <summary>Whether a suppressed row withholds this column; every wage figure does, whatever the spec table says.</summary>
    public bool WithheldWhenSuppressed { get; init; }

    public bool IsWithheldWhenSuppressed => WithheldWhenSuppressed || Kind == ColumnKind.Wage;

    /// <summary>Other property names that fill this column (a period-totals record's average_headcount fills headcount).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    public IEnumerable<string> Names => Aliases.Prepend(Field);

    /// <summary>The English names of the same codes, for a page in English mode; missing ones fall back to <see cref="Labels"/>.</summary>
    public IReadOnlyDictionary<string, string>? LabelsEn { get; init; }

    /// <summary>English of <see cref="NullText"/> (All regions).</summary>
    public string? NullTextEn { get; init; }

    public string Label(string code) => Labels is not null && Labels.TryGetValue(code, out var name) ? name : code;

    public string Label(string code, bool english) =>
        english && LabelsEn is not null && LabelsEn.TryGetValue(code, out var name) ? name : Label(code);
}
