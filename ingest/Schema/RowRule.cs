namespace Analytics.Ingest.Schema;

/// <summary>A rule across columns of one row; it reports the column it blames and its own name.</summary>
public abstract record RowRule(string Column, string Name)
{
    /// <summary>True when the row breaks the rule. Values are the parsed row (scaled longs / day numbers / strings).</summary>
    public abstract bool IsBroken(ParsedRow row, DatasetSchema schema);
}

/// <summary><c>later &gt;= earlier</c> (or &gt; when strict); skipped when either is empty.</summary>
public sealed record NotBefore(string Later, string Earlier, bool Strict = false)
    : RowRule(Later, $"{Later} {(Strict ? ">" : ">=")} {Earlier}")
{
    public override bool IsBroken(ParsedRow row, DatasetSchema schema)
    {
        int a = schema.IndexOf(Later), b = schema.IndexOf(Earlier);
        if (row.Null[a] || row.Null[b]) return false;
        return Strict ? row.Numbers[a] <= row.Numbers[b] : row.Numbers[a] < row.Numbers[b];
    }
}

/// <summary><c>column &lt;= bound</c>; skipped when either is empty.</summary>
public sealed record NotAbove(string Smaller, string Bound) : RowRule(Smaller, $"{Smaller} <= {Bound}")
{
    public override bool IsBroken(ParsedRow row, DatasetSchema schema)
    {
        int a = schema.IndexOf(Smaller), b = schema.IndexOf(Bound);
        return !row.IsNull(a) && !row.IsNull(b) && row.Numbers[a] > row.Numbers[b];
    }
}

/// <summary>A column that must be present when <paramref name="When"/> holds.</summary>
public sealed record RequiredWhen(string Required, string Description, Func<ParsedRow, DatasetSchema, bool> When)
    : RowRule(Required, $"required when {Description}")
{
    public override bool IsBroken(ParsedRow row, DatasetSchema schema) =>
        row.IsNull(schema.IndexOf(Required)) && When(row, schema);
}

/// <summary><c>target = Σ plus − Σ minus</c> within ± 0.01 (money in cents; empty optional terms count as 0).</summary>
public sealed record Reconciles(string Target, string[] Plus, string[] Minus, string Formula)
    : RowRule(Target, $"{Target} = {Formula} (±0.01)")
{
    public override bool IsBroken(ParsedRow row, DatasetSchema schema)
    {
        var expected = Plus.Sum(c => row.NumberOrZero(schema.IndexOf(c))) - Minus.Sum(c => row.NumberOrZero(schema.IndexOf(c)));
        var target = schema.IndexOf(Target);
        return !row.IsNull(target) && Math.Abs(row.Numbers[target] - expected) > 1;
    }
}
