namespace Analytics.Ingest.Schema;

/// <summary>A rule across columns of one row; it reports the column it blames and its own name.</summary>
public abstract record RowRule(string Column, string Name)
{
    /// <summary>True when the row breaks the rule. Values are the parsed row (scaled longs / day numbers / strings).</summary>
    public abstract bool IsBroken(ParsedRow row, DatasetSchema schema);

    // Column positions, looked up once (a rule belongs to one schema; rules run on every row).
    private int[]? _positions;

    protected int[] Positions(DatasetSchema schema) => _positions ??= ColumnsUsed.Select(schema.IndexOf).ToArray();

    /// <summary>The columns <see cref="Positions"/> locates, in the order the rule reads them.</summary>
    protected abstract IEnumerable<string> ColumnsUsed { get; }
}

/// <summary><c>later &gt;= earlier</c> (or &gt; when strict); skipped when either is empty, or when <see cref="OnlyWhen"/> does not hold.</summary>
public sealed record NotBefore(string Later, string Earlier, bool Strict = false)
    : RowRule(Later, $"{Later} {(Strict ? ">" : ">=")} {Earlier}")
{
    protected override IEnumerable<string> ColumnsUsed => [Later, Earlier];

    /// <summary>The rows the rule applies to (e.g. a payment date only matters when something was paid).</summary>
    public Func<ParsedRow, DatasetSchema, bool>? OnlyWhen { get; init; }

    public override bool IsBroken(ParsedRow row, DatasetSchema schema)
    {
        var p = Positions(schema);
        int a = p[0], b = p[1];
        if (row.Null[a] || row.Null[b]) return false;
        if (OnlyWhen is { } applies && !applies(row, schema)) return false;
        return Strict ? row.Numbers[a] <= row.Numbers[b] : row.Numbers[a] < row.Numbers[b];
    }
}

/// <summary><c>column &lt;= bound</c>; skipped when either is empty.</summary>
public sealed record NotAbove(string Smaller, string Bound) : RowRule(Smaller, $"{Smaller} <= {Bound}")
{
    protected override IEnumerable<string> ColumnsUsed => [Smaller, Bound];

    public override bool IsBroken(ParsedRow row, DatasetSchema schema)
    {
        var p = Positions(schema);
        int a = p[0], b = p[1];
        return !row.IsNull(a) && !row.IsNull(b) && row.Numbers[a] > row.Numbers[b];
    }
}

/// <summary>A column that must be present when <paramref name="When"/> holds.</summary>
public sealed record RequiredWhen(string Required, string Description, Func<ParsedRow, DatasetSchema, bool> When)
    : RowRule(Required, $"required when {Description}")
{
    protected override IEnumerable<string> ColumnsUsed => [Required];

    public override bool IsBroken(ParsedRow row, DatasetSchema schema) =>
        row.IsNull(Positions(schema)[0]) && When(row, schema);
}

/// <summary><c>target = Σ plus − Σ minus</c> within ± 0.01 (money in cents; empty optional terms count as 0).</summary>
public sealed record Reconciles(string Target, string[] Plus, string[] Minus, string Formula)
    : RowRule(Target, $"{Target} = {Formula} (±0.01)")
{
    protected override IEnumerable<string> ColumnsUsed => [Target, .. Plus, .. Minus];

    public override bool IsBroken(ParsedRow row, DatasetSchema schema)
    {
        // Positions: the target, then the plus terms, then the minus terms.
        var p = Positions(schema);
        long expected = 0;
        for (var i = 1; i < p.Length; i++) expected += i <= Plus.Length ? row.NumberOrZero(p[i]) : -row.NumberOrZero(p[i]);
        return !row.IsNull(p[0]) && Math.Abs(row.Numbers[p[0]] - expected) > 1;
    }
}

/// <summary>A decimal column's value <c>&lt;= bound</c> (e.g. a percentage at most 100); skipped when empty.</summary>
public sealed record NotOver(string Column, decimal Bound) : RowRule(Column, $"{Column} <= {Bound}")
{
    protected override IEnumerable<string> ColumnsUsed => [Column];

    public override bool IsBroken(ParsedRow row, DatasetSchema schema)
    {
        var c = Positions(schema)[0];
        if (row.IsNull(c)) return false;
        var scaled = Bound;
        for (var i = 0; i < schema.Columns[c].Scale; i++) scaled *= 10;   // the row holds the value unscaled
        return row.Numbers[c] > scaled;
    }
}

/// <summary>A count of days <c>&lt;=</c> the number of days of the row's month (a month column's first day).</summary>
public sealed record NotOverDaysInMonth(string Days, string Month) : RowRule(Days, $"{Days} <= days in {Month}")
{
    protected override IEnumerable<string> ColumnsUsed => [Days, Month];

    public override bool IsBroken(ParsedRow row, DatasetSchema schema)
    {
        var p = Positions(schema);
        if (row.IsNull(p[0]) || row.IsNull(p[1])) return false;
        var month = DateOnly.FromDayNumber((int)row.Numbers[p[1]]);
        return row.Numbers[p[0]] > DateTime.DaysInMonth(month.Year, month.Month);
    }
}
