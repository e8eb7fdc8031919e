namespace Analytics.Warehouse.DuckDb.Chunks;

/// <summary>
/// Rows produced by managed code for a DuckDB query (see <see cref="ManagedScan"/>): DuckDB pulls
/// chunks and runs the rest of the plan (a COPY to Parquet, say) on its own threads.
/// </summary>
public interface IChunkSource
{
    /// <summary>Result columns, in order.</summary>
    IReadOnlyList<(string Name, ChunkColumn Type)> Columns { get; }

    /// <summary>How many DuckDB threads may call <see cref="Fill"/> at once.</summary>
    int MaxThreads { get; }

    /// <summary>Writes up to <see cref="ChunkWriter.Capacity"/> rows (none: the source is exhausted). Called concurrently up to <see cref="MaxThreads"/>.</summary>
    void Fill(ChunkWriter chunk);
}
