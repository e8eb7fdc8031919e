namespace Analytics.Reports.Model;

/// <summary>A threshold that shaped the table, as the reader should see it (e.g. "最低需求人数", "10").</summary>
public sealed record Threshold(string Name, string Value)
{
    /// <summary>The threshold's name in English mode (its configuration key, e.g. "min_demand"); null shows <see cref="Name"/>.</summary>
    public string? NameEn { get; init; }
}

/// <summary>The notes every published table carries (the XLSX '说明' sheet, the HTML footer).</summary>
public sealed record ReportNotes(string Method, IReadOnlyList<Threshold> Thresholds, string? DataAsOf)
{
    public const string SuppressionMark = "样本不足";

    /// <summary>The method paragraph for a page in English mode; null shows <see cref="Method"/> (publications are Chinese).</summary>
    public string? MethodEn { get; init; }

    public string SuppressionLegend { get; init; } =
        $"{SuppressionMark}：样本数不足阈值的单元格只公布样本数，不公布任何工资数值。";

    /// <summary>Further lines the product wants to state (e.g. listed occupations per major group).</summary>
    public IReadOnlyList<string> Remarks { get; init; } = [];

    /// <summary>When the <see cref="DataAsOf"/> batch was committed (UTC, as the lake records it); null when unknown.</summary>
    public DateTime? DataAsOfTime { get; init; }

    /// <summary>The day the data is as of, in China Standard Time (UTC+8, the bureaus' time; no daylight saving).</summary>
    public DateOnly? DataAsOfDate => DataAsOfTime is { } utc ? DateOnly.FromDateTime(utc.AddHours(8)) : null;

    public string DataAsOfText => DataAsOf is null ? "数据截至：无已提交的导入批次" : $"数据截至批次 {DataAsOf}";

    public string DataAsOfTextEn => DataAsOf is null ? "Data as of: no committed ingest batch" : $"Data as of batch {DataAsOf}";
}
