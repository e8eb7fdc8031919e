using System.Data.Common;

namespace Analytics.Warehouse.Marts;

/// <summary>The newest committed ingest batch, which a published table names ("data as of batch X").</summary>
public sealed record BatchStamp(string BatchId, DateTime? CommittedAt);

/// <summary>
/// Reads the ingest manifest <c>ingest_batches</c> (owned by ingest: a row is written only when a
/// batch commits). Without the table, or without a batch, the answer is null.
/// </summary>
public static class DataAsOf
{
    public static BatchStamp? NewestCommittedBatch(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'ingest_batches'";
        if (Convert.ToInt64(command.ExecuteScalar()) == 0) return null;
        command.CommandText = "SELECT CAST(batch_id AS VARCHAR), committed_at FROM ingest_batches ORDER BY batch_id DESC LIMIT 1";
        using var reader = command.ExecuteReader();
        if (!reader.Read() || reader.IsDBNull(0)) return null;
        return new BatchStamp(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetDateTime(1));
    }
}
