using System.Text;
using Analytics.Ingest.Lake;
using Analytics.Ingest.Reading;
using Analytics.Ingest.Schema;
using Analytics.Ingest.Validation;

namespace Analytics.Ingest;

/// <summary>Progress of a pass: the file being read and how far.</summary>
public readonly record struct IngestProgress(string File, int FileIndex, int FileCount, long BytesRead, long BytesTotal, long Rows);

/// <summary>
/// Reads one inbox file into the batch's stage: valid rows appended, broken rows to its rejects
/// file, duplicate keys rejected. A whole-file failure leaves nothing of the file staged.
/// </summary>
public sealed class FileIngestor(DataPaths paths, PersonIdHasher hasher)
{
    public FileResult Ingest(InboxFile file, string sha256, int ordinal, long batch, StageDatabase stage, IProgress<IngestProgress>? progress, int fileIndex, int fileCount)
    {
        var schema = file.Schema!;
        var table = stage.TableFor(schema);
        var rejectsPath = paths.RejectsFor(batch, file.RelativePath);
        var encoding = Path.GetExtension(file.FullPath).Equals(".csv", StringComparison.OrdinalIgnoreCase) || Path.GetExtension(file.FullPath).Equals(".txt", StringComparison.OrdinalIgnoreCase)
            ? TextEncodings.Detect(file.FullPath) : Encoding.UTF8;
        while (true)
        {
            using var rejects = new RejectsWriter(rejectsPath);
            try
            {
                return Read(file, sha256, ordinal, schema, table, rejects, encoding, progress, fileIndex, fileCount);
            }
            catch (DecoderFallbackException) when (encoding.CodePage == Encoding.UTF8.CodePage && IsCsv(file))
            {
                // Valid UTF-8 at the start, not further on: a GBK export with an ASCII-only beginning. Redo as GB18030.
                rejects.Discard();
                table.RemoveFile(ordinal);
                encoding = TextEncodings.Gb18030;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                rejects.Discard();
                table.RemoveFile(ordinal);
                // Whatever a reader throws on a malformed file fails that file only; the pass goes on.
                return Failed(file, sha256, e is DecoderFallbackException ? "not valid UTF-8 text" : e.Message);
            }
        }
    }

    private static bool IsCsv(InboxFile file) => Path.GetExtension(file.FullPath).ToLowerInvariant() is ".csv" or ".txt";

    private FileResult Read(InboxFile file, string sha256, int ordinal, DatasetSchema schema, StageTable table, RejectsWriter rejects,
        Encoding encoding, IProgress<IngestProgress>? progress, int fileIndex, int fileCount)
    {
        var total = new FileInfo(file.FullPath).Length;
        using var source = Open(file, encoding);
        var validator = new RowValidator(schema, hasher);
        validator.BindHeaders(source.Headers);
        void Report(long rows) => progress?.Report(new IngestProgress(file.RelativePath, fileIndex, fileCount, source.Position, total, rows));
        // CSV headers are fixed, so its rows can be validated on every core; JSON Lines may add headers as it goes.
        var (rowsIn, rejected) = source is CsvRecordSource && Environment.ProcessorCount > 1
            ? ParallelRows.Validate(source, schema, hasher, table, ordinal, rejects, Math.Min(Environment.ProcessorCount, 4), Report)
            : SequentialRows(source, validator, schema, table, ordinal, rejects, Report);
        var duplicates = table.RemoveDuplicateKeys(ordinal);
        foreach (var v in duplicates) rejects.Write(v);
        rejected += duplicates.Count;
        progress?.Report(new IngestProgress(file.RelativePath, fileIndex, fileCount, total, total, rowsIn));
        rejects.Dispose();
        return new FileResult
        {
            File = file.RelativePath,
            Dataset = schema.Name,
            Status = FileStatus.Loaded,
            RowsIn = rowsIn,
            RowsLoaded = rowsIn - rejected,
            RowsRejected = rejected,
            Rejects = rejects.WrittenPath is { } p ? paths.Relative(p) : null,
            Sha256 = sha256,
            UnknownColumns = validator.UnknownHeaders,
        };
    }

    private static (long RowsIn, long Rejected) SequentialRows(IRecordSource source, RowValidator validator, DatasetSchema schema,
        StageTable table, int ordinal, RejectsWriter rejects, Action<long> report)
    {
        var row = new ParsedRow(schema.Columns.Count);
        var violations = new List<Violation>();
        long rowsIn = 0, rejected = 0;
        while (source.Read())
        {
            rowsIn++;
            if (validator.Validate(source, row, violations)) table.Append(row, ordinal, source.Line);
            else
            {
                rejected++;
                foreach (var v in violations) rejects.Write(v);
                violations.Clear();
            }
            if ((rowsIn & 0xFFFF) == 0) report(rowsIn);
        }
        return (rowsIn, rejected);
    }

    private static IRecordSource Open(InboxFile file, Encoding encoding)
    {
        var stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            return Path.GetExtension(file.FullPath).ToLowerInvariant() switch
            {
                ".csv" or ".txt" => new CsvRecordSource(stream, encoding),
                ".xlsx" => new XlsxRecordSource(stream),
                ".jsonl" or ".ndjson" or ".json" => new JsonLinesRecordSource(stream),
                var other => throw new FileRejectedException($"unsupported file type '{other}' (CSV, XLSX or JSON Lines)"),
            };
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    public static FileResult Failed(InboxFile file, string? sha256, string error) => new()
    {
        File = file.RelativePath,
        Dataset = file.Schema?.Name,
        Status = FileStatus.Failed,
        Error = error,
        Sha256 = sha256,
    };
}
