using System.Text;
using Analytics.Ingest.Lake;
using Analytics.Ingest.Reading;
using Analytics.Ingest.Schema;
using Analytics.Ingest.Validation;

namespace Analytics.Ingest;

/// <summary>Progress of a pass: the file being read and how far.</summary>
public readonly record struct IngestProgress(string File, int FileIndex, int FileCount, long BytesRead, long BytesTotal, long Rows);

/// <summary>
/// Reads one inbox file into the batch's staging lake: valid rows stream into Parquet, broken
/// rows go to its rejects file, repeated keys are rejected. A whole-file failure leaves nothing
/// of the file staged.
/// </summary>
public sealed class FileIngestor(DataPaths paths, PersonIdHasher hasher, LakeWriter writer, ReadLimits limits, int maxRejectsPerFile)
{
    /// <param name="sha256">The file's hash, or null to hash a CSV while reading it (see <see cref="CanHashWhileReading"/>).</param>
    public FileResult Ingest(InboxFile file, string? sha256, int ordinal, long batch, StageDatabase stage, List<StagedInput> staged,
        IProgress<IngestProgress>? progress, int fileCount, CancellationToken cancellation = default)
    {
        var schema = file.Schema!;
        var rejectsPath = paths.RejectsFor(batch, file.RelativePath);
        var encoding = IsCsv(file) ? TextEncodings.Detect(file.FullPath) : Encoding.UTF8;
        while (true)
        {
            using var rejects = new RejectsWriter(rejectsPath, maxRejectsPerFile);
            try
            {
                return Read(file, sha256, ordinal, batch, schema, stage, staged, rejects, encoding, progress, fileCount, cancellation);
            }
            catch (DecoderFallbackException) when (encoding.CodePage == Encoding.UTF8.CodePage && IsCsv(file))
            {
                // Valid UTF-8 at the start, not further on: a GBK export with an ASCII-only beginning. Redo as GB18030.
                rejects.Discard();
                encoding = TextEncodings.Gb18030;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                rejects.Discard();
                // Whatever a reader throws on a malformed file fails that file only; the pass goes on.
                return Failed(file, sha256 ?? BatchCommitter.Sha256Of(file.FullPath), e is DecoderFallbackException ? "not valid UTF-8 text" : e.Message);
            }
        }
    }

    private static bool IsCsv(InboxFile file) => Path.GetExtension(file.FullPath).ToLowerInvariant() is ".csv" or ".txt";

    /// <summary>CSV is read front to back exactly once, so its hash can be taken on the way (XLSX is a zip read out of order).</summary>
    public static bool CanHashWhileReading(InboxFile file) => IsCsv(file);

    private FileResult Read(InboxFile file, string? sha256, int ordinal, long batch, DatasetSchema schema, StageDatabase stage,
        List<StagedInput> staged, RejectsWriter rejects, Encoding encoding, IProgress<IngestProgress>? progress, int fileCount, CancellationToken cancellation)
    {
        var total = new FileInfo(file.FullPath).Length;
        var stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var hashing = sha256 is null ? new HashingStream(stream) : null;
        using var source = Open(file, hashing ?? (Stream)stream, encoding, limits);
        // Every reader reads the file front to back through this stream (XLSX: through its zip), so its position is the progress.
        void Report(long rows) => progress?.Report(new IngestProgress(file.RelativePath, ordinal, fileCount, stream.Position, total, rows));
        // CSV headers are fixed, so its rows can be validated on every core; JSON Lines may add headers as it goes.
        var rows = new ValidatedRows(source, schema, hasher, parallel: source is CsvRecordSource, total, Report, cancellation, maxRejectsPerFile);
        var output = writer.WriteFile(stage.Writers, rows, schema, batch, ordinal, DateTime.UtcNow);
        sha256 ??= hashing!.Sha256(); // the reader went to the end of the file
        try
        {
            foreach (var v in rows.Violations) rejects.Write(v);
            rejects.LeftOut(rows.ViolationsLeftOut);
            rejects.Dispose();
        }
        catch
        {
            foreach (var f in output.Files) File.Delete(paths.StagedLakeFile(batch, f.Path));
            throw;
        }
        progress?.Report(new IngestProgress(file.RelativePath, ordinal, fileCount, total, total, rows.RowsIn));
        staged.Add(output);
        return new FileResult
        {
            File = file.RelativePath,
            Dataset = schema.Name,
            Status = FileStatus.Loaded,
            RowsIn = rows.RowsIn,
            RowsLoaded = rows.RowsIn - rows.Rejected,
            RowsRejected = rows.Rejected,
            Rejects = rejects.WrittenPath is { } p ? paths.Relative(p) : null,
            Sha256 = sha256,
            UnknownColumns = rows.UnknownHeaders,
        };
    }

    private static IRecordSource Open(InboxFile file, Stream stream, Encoding encoding, ReadLimits limits)
    {
        try
        {
            return Path.GetExtension(file.FullPath).ToLowerInvariant() switch
            {
                ".csv" or ".txt" => new CsvRecordSource(stream, encoding, limits),
                ".xlsx" => new XlsxRecordSource(stream, limits),
                ".jsonl" or ".ndjson" or ".json" => new JsonLinesRecordSource(stream, limits),
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
