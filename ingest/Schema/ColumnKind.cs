namespace Analytics.Ingest.Schema;

/// <summary>How a column's raw text is parsed and checked (datasets.md "type" + "rule").</summary>
public enum ColumnKind
{
    Text,
    RegionCode,
    OccupationCode,
    IndustryCode,
    Date,
    Month,
    Integer,
    Money,
    Decimal,
    Bool,
    Enum,
    PersonId,
}

/// <summary>Which signs a money/decimal column accepts.</summary>
public enum SignRule
{
    Any,
    NonNegative,
    Positive,
}
