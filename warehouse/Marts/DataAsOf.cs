using System.Data.Common;

namespace Analytics.Warehouse.Marts;

/// <summary>The newest committed ingest batch, which a published table names ("data as of batch X").</summary>
public sealed record BatchStamp(string BatchId, DateTime? CommittedAt);

/// <summary>
/// Reads the ingest manifest <c>ingest_batches</c> (owned by ingest). Its columns are matched by
/// the usual names, so the lookup survives small schema choices there: an id column
/// (batch_id | id | batch), a commit marker (status = 'committed' and/or committed_at not null),
/// and a time to order by. Without the table, or without a committed batch, the answer is null.
/// </summary>
public static class DataAsOf
{
    private static readonly string[] IdColumns = ["batch_id", "id", "batch"];
    private static readonly string[] TimeColumns = ["committed_at", "finished_at", "completed_at", "ended_at", "created_at", "started_at"];

    public static BatchStamp? NewestCommittedBatch(DbConnection connection)
    {
        var columns = Columns(connection);
        var id = IdColumns.FirstOrDefault(columns.Contains);
        if (id is null) return null;
        var time = TimeColumns.FirstOrDefault(columns.Contains);
        var conditions = new List<string>();
        if (columns.Contains("status")) conditions.Add("lower(CAST(status AS VARCHAR)) = 'committed'");
        if (columns.Contains("committed_at")) conditions.Add("committed_at IS NOT NULL");
        // identifiers come from the fixed lists above, never from input
        var sql = $"SELECT CAST({id} AS VARCHAR), {(time is null ? "NULL" : $"CAST({time} AS TIMESTAMP)")} FROM ingest_batches"
                  + (conditions.Count > 0 ? " WHERE " + string.Join(" AND ", conditions) : "")
                  + $" ORDER BY {(time is null ? "" : time + " DESC NULLS LAST, ")}{id} DESC LIMIT 1";
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        if (!reader.Read() || reader.IsDBNull(0)) return null;
        return new BatchStamp(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetDateTime(1));
    }

    private static HashSet<string> Columns(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT lower(column_name) FROM information_schema.columns WHERE table_name = 'ingest_batches'";
        using var reader = command.ExecuteReader();
        var columns = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read()) columns.Add(reader.GetString(0));
        return columns;
    }
}
