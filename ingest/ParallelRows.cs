using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Analytics.Ingest.Lake;
using Analytics.Ingest.Reading;
using Analytics.Ingest.Schema;
using Analytics.Ingest.Validation;

namespace Analytics.Ingest;

/// <summary>
/// Validation and staging of one file on several cores: the reader copies rows into blocks,
/// workers validate them and append through appenders of their own. Rejects are written in line
/// order once all workers are done.
/// </summary>
internal static class ParallelRows
{
    public static (long RowsIn, long Rejected) Validate(IRecordSource source, DatasetSchema schema, PersonIdHasher hasher, StageTable table,
        int ordinal, RejectsWriter rejects, int workers, Action<long> report)
    {
        var channel = Channel.CreateBounded<RecordBlock>(new BoundedChannelOptions(workers * 2) { SingleWriter = true });
        var pool = new ConcurrentBag<RecordBlock>();
        using var failed = new CancellationTokenSource();
        var tasks = Enumerable.Range(0, workers)
            .Select(_ => Task.Run(() => Work(channel.Reader, pool, schema, hasher, table, ordinal, source.Headers, failed)))
            .ToArray();
        long rowsIn = 0;
        try
        {
            var block = new RecordBlock(source.Headers);
            while (source.Read())
            {
                block.Add(source);
                if (!block.IsFull) continue;
                rowsIn += block.Count;
                channel.Writer.WriteAsync(block, failed.Token).AsTask().GetAwaiter().GetResult();
                if (!pool.TryTake(out block!)) block = new RecordBlock(source.Headers);
                if ((rowsIn & 0xFFFF) < RecordBlock.Capacity) report(rowsIn);
            }
            rowsIn += block.Count;
            if (block.Count > 0) channel.Writer.WriteAsync(block, failed.Token).AsTask().GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            // Stop the workers and wait for them: nothing may still append once the caller cleans up.
            failed.Cancel();
            channel.Writer.TryComplete();
            try { Task.WaitAll(tasks); } catch (AggregateException) { }
            var workerError = FirstRealError(tasks);
            if (e is OperationCanceledException && workerError is not null) ExceptionDispatchInfo.Throw(workerError);
            throw;
        }
        channel.Writer.TryComplete();
        (long Rejected, List<Violation> Violations)[] results;
        try { results = Task.WhenAll(tasks).GetAwaiter().GetResult(); }
        catch when (FirstRealError(tasks) is { } error) { ExceptionDispatchInfo.Throw(error); throw; }
        foreach (var v in results.SelectMany(r => r.Violations).OrderBy(v => v.Line)) rejects.Write(v);
        return (rowsIn, results.Sum(r => r.Rejected));
    }

    private static Exception? FirstRealError(Task[] tasks) =>
        tasks.Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions).FirstOrDefault(e => e is not OperationCanceledException);

    private static (long Rejected, List<Violation> Violations) Work(ChannelReader<RecordBlock> reader, ConcurrentBag<RecordBlock> pool,
        DatasetSchema schema, PersonIdHasher hasher, StageTable table, int ordinal, IReadOnlyList<string> headers, CancellationTokenSource failed)
    {
        try
        {
            using var writer = table.CreateWriter();
            var validator = new RowValidator(schema, hasher);
            validator.BindHeaders(headers);
            var row = new ParsedRow(schema.Columns.Count);
            var violations = new List<Violation>();
            long rejected = 0;
            while (reader.WaitToReadAsync(failed.Token).AsTask().GetAwaiter().GetResult())
            {
                while (reader.TryRead(out var block))
                {
                    while (block.Read())
                    {
                        if (validator.Validate(block, row, violations)) table.Write(writer, row, ordinal, block.Line);
                        else rejected++;
                    }
                    block.Reset();
                    pool.Add(block);
                }
            }
            return (rejected, violations);
        }
        catch
        {
            failed.Cancel();
            throw;
        }
    }
}
