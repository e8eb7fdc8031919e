using Analytics.Reports.Model;
using Analytics.Warehouse.DuckDb;

namespace Analytics.Reports.Writers;

/// <summary>
/// A Parquet file written by DuckDB's COPY (format version 1, so Parquet.Net and older readers read
/// it) from the same typed table as the Arrow stream (<see cref="TypedReportTable"/>). DuckDB writes
/// only to a path, so the file is written in the temporary folder and copied to the output.
/// </summary>
public sealed class ParquetReportWriter : IReportWriter
{
    public void Write(ReportTable table, Stream output, IProgress<int>? rowsWritten = null)
    {
        var file = Path.Combine(Path.GetTempPath(), $"analytics-publish-{Guid.NewGuid():N}.parquet");
        try
        {
            using (var source = DuckDbDataSource.InMemory())
            using (var db = source.OpenConnection())
                db.ExecuteNonQuery(ParquetCopy.Statement(TypedReportTable.Load(db, table), file));
            using (var written = File.OpenRead(file)) written.CopyTo(output);
            rowsWritten?.Report(table.Rows.Count);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
