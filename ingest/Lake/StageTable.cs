using Analytics.Ingest.Schema;
using Analytics.Ingest.Validation;
using Analytics.Warehouse.DuckDb;

namespace Analytics.Ingest.Lake;

/// <summary>
/// The staging table of one dataset: the contract columns with their contract types plus the
/// file ordinal and line each row came from. Rows go in through DuckDB's appender.
/// </summary>
public sealed class StageTable : IDisposable
{
    private readonly DuckDbConnection _connection;
    private NativeAppender? _native;
    private ChunkAppender? _appender;
    private readonly StageColumn[] _stageColumns;

    public StageTable(DuckDbConnection connection, DatasetSchema schema)
    {
        _connection = connection;
        Schema = schema;
        Name = "stage_" + schema.Name;
        var columns = schema.Columns.Select(c => $"{c.Name} {c.SqlType}").Append("_file INTEGER").Append("_line BIGINT");
        connection.ExecuteNonQuery($"CREATE TABLE {Name} ({string.Join(", ", columns)})");
        _stageColumns = schema.Columns.Select(c => c.Kind switch
        {
            ColumnKind.Date or ColumnKind.Month => new StageColumn(StageKind.Date),
            ColumnKind.Integer => new StageColumn(StageKind.Integer),
            ColumnKind.Money or ColumnKind.Decimal => StageColumn.Decimal(c.Precision, c.Scale),
            ColumnKind.Bool => new StageColumn(StageKind.Boolean),
            _ => new StageColumn(StageKind.Varchar),
        }).Append(new StageColumn(StageKind.Integer)).Append(new StageColumn(StageKind.BigInt)).ToArray();
    }

    public DatasetSchema Schema { get; }
    public string Name { get; }

    public void Append(ParsedRow row, int file, long line) => Write(_appender ??= new ChunkAppender(Native), row, file, line);

    private readonly Lock _nativeGate = new();

    // Workers ask for writers at the same moment: exactly one native appender must exist, or the other's rows are never flushed.
    private NativeAppender Native
    {
        get { lock (_nativeGate) return _native ??= new NativeAppender(_connection, Name, _stageColumns); }
    }

    /// <summary>An appender for a parallel worker: it fills chunks of its own and hands them to the one native appender.</summary>
    public ChunkAppender CreateWriter() => new(Native);

    public void Write(ChunkAppender appender, ParsedRow row, int file, long line)
    {
        var columns = _stageColumns.Length - 2;
        for (var c = 0; c < columns; c++)
        {
            if (row.Null[c]) { appender.SetNull(c); continue; }
            switch (_stageColumns[c].Kind)
            {
                case StageKind.Date: appender.SetDate(c, (int)row.Numbers[c]); break;
                case StageKind.Integer or StageKind.Decimal32: appender.SetInt32(c, (int)row.Numbers[c]); break;
                case StageKind.BigInt or StageKind.Decimal64: appender.SetInt64(c, row.Numbers[c]); break;
                case StageKind.Boolean: appender.SetBool(c, row.Numbers[c] != 0); break;
                default:
                    if (row.Texts[c] is { } text) appender.SetString(c, text);
                    else appender.SetUtf8(c, row.Utf8(c));
                    break;
            }
        }
        appender.SetInt32(columns, file);
        appender.SetInt64(columns + 1, line);
        appender.EndRow();
    }

    /// <summary>Flushes appended rows so SQL sees them.</summary>
    public void Flush()
    {
        _appender?.Dispose();
        _appender = null;
        _native?.Dispose();
        _native = null;
    }

    /// <summary>Equality of the key columns of two aliases (keys are required, so never null).</summary>
    public string KeyJoin(string left, string right) => string.Join(" AND ", Schema.KeyNames.Select(k => $"{left}.{k} = {right}.{k}"));

    public string KeyList(string prefix = "") => string.Join(", ", Schema.KeyNames.Select(k => prefix + k));

    /// <summary>
    /// Rejects a key's second and later rows inside one file (the first is kept), removing them
    /// from the stage. Returns them as violations, lines in file order.
    /// </summary>
    public List<Violation> RemoveDuplicateKeys(int file)
    {
        Flush();
        var keys = KeyList();
        var duplicates = $"SELECT s._line, {KeyList("s.")} FROM {Name} s SEMI JOIN " +
            $"(SELECT {keys} FROM {Name} WHERE _file = $1 GROUP BY ALL HAVING count(*) > 1) d ON {KeyJoin("s", "d")} " +
            $"WHERE s._file = $1 QUALIFY row_number() OVER (PARTITION BY {KeyList("s.")} ORDER BY s._line) > 1";
        var found = new List<Violation>();
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = duplicates + " ORDER BY _line";
            command.Parameters.Add(new DuckDbParameter { Value = file });
            using var reader = command.ExecuteReader();
            var column = string.Join("+", Schema.KeyNames);
            while (reader.Read())
            {
                var value = string.Join("|", Enumerable.Range(1, Schema.Key.Length).Select(i => Format(reader.GetValue(i))));
                found.Add(new Violation(reader.GetInt64(0), column, "duplicate key", value));
            }
        }
        if (found.Count > 0)
            _connection.ExecuteNonQuery($"DELETE FROM {Name} WHERE _file = $1 AND _line IN (SELECT _line FROM ({duplicates}))", file);
        return found;
    }

    private static string Format(object value) => value switch
    {
        DateOnly d => d.ToString("yyyy-MM-dd"),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>Forgets every row of a file (skipped, failed, or redone in another encoding).</summary>
    public void RemoveFile(int file)
    {
        Flush();
        _connection.ExecuteNonQuery($"DELETE FROM {Name} WHERE _file = $1", file);
    }

    /// <summary>Within one pass a later file replaces an earlier file's row with the same key.</summary>
    public void KeepLatestPerKey()
    {
        Flush();
        var keys = KeyList();
        _connection.ExecuteNonQuery(
            $"DELETE FROM {Name} WHERE rowid IN (SELECT rowid FROM {Name} QUALIFY row_number() OVER (PARTITION BY {keys} ORDER BY _file DESC) > 1)");
    }

    public long Count()
    {
        Flush();
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {Name}";
        return Convert.ToInt64(command.ExecuteScalar());
    }

    /// <summary>The contract columns, in order (the stage already has their types).</summary>
    public string ContractSelectList() => string.Join(", ", Schema.Columns.Select(c => c.Name));

    public void Dispose() => Flush();
}
