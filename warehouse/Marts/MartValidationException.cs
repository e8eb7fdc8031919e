namespace Analytics.Warehouse.Marts;

/// <summary>A query argument the marts cannot answer (bad period format, unknown region code, …); the message says why.</summary>
public sealed class MartValidationException(string message) : ArgumentException(message);
