using System.Data.Common;

namespace Analytics.Warehouse.DuckDb;

/// <summary>An error reported by DuckDB; <see cref="Exception.Message"/> is DuckDB's own message.</summary>
public sealed class DuckDbException : DbException
{
    public DuckDbException(string message) : base(message) { }

    /// <summary>The SQL that failed, when the error came from running a command.</summary>
    public string? CommandText { get; init; }
}
