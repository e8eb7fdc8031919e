using Analytics.Reports.Model;

namespace Analytics.Reports.Writers;

/// <summary>A further table sheet of a workbook (<see cref="XlsxReportWriter"/>), e.g. one list of the wage officer's drill-down.</summary>
public sealed record XlsxSheet(string Name, ReportTable Table)
{
    /// <summary>Excel's limit on a sheet name.</summary>
    public const int MaxNameLength = 31;

    public string Name { get; } = Valid(Name);

    private static string Valid(string name) =>
        name.Length is 0 or > MaxNameLength || name.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']) >= 0 || name.StartsWith('\'') || name.EndsWith('\'')
            ? throw new ArgumentException($"'{name}' cannot name a worksheet: 1 to {MaxNameLength} characters, none of []:*?/\\, no quote at either end.")
            : name;
}
