namespace Analytics.Ingest.Demo.Output;

internal enum ColumnKind { Text, Code, Date, Money, Integer, Flag }

/// <summary>A column as datasets.md names it: the English header and its Chinese alias.</summary>
internal sealed record Column(string Name, string ChineseName, ColumnKind Kind = ColumnKind.Text);
