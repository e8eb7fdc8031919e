namespace Analytics.Ingest.Validation;

/// <summary>One broken rule of one row: what a rejects file line says.</summary>
public readonly record struct Violation(long Line, string Column, string Rule, string Value);
