using System.Data;
using System.Data.Common;
using DuckDB.NET.Data;

namespace Analytics.Warehouse.DuckDb;

/// <summary>
/// A DuckDB.NET connection whose commands all stream (<c>UseStreamingMode</c>): without it a reader
/// holds its whole result in memory, three times the peak on 10 M rows. The data source hands out
/// only these, so no call site can forget the flag.
/// </summary>
internal sealed class StreamingConnection(string connectionString) : DuckDBConnection(connectionString)
{
    public override DuckDBCommand CreateCommand()
    {
        var plain = base.CreateCommand();   // carries the connection's open transaction
        return new StreamingCommand { Connection = this, Transaction = plain.Transaction, UseStreamingMode = true };
    }
}

/// <summary>A streaming command whose results are checked once for what DuckDB.NET would read inexactly.</summary>
internal sealed class StreamingCommand : DuckDBCommand
{
    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
    {
        var reader = base.ExecuteDbDataReader(behavior);
        try
        {
            ExactResults.Check(reader);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
        return reader;
    }
}
