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
public sealed class FileIngestor(DataPaths paths, PersonIdHasher hasher, LakeWriter writer, ReadLimits limits, int maxRejectsPerFile,
    int maxFutureDays = IngestOptions.DefaultMaxFutureDays)
{
    /// <param name="sha256">The file's hash, or null to hash a CSV while reading it (see <see cref="CanHashWhileReading"/>).</param>
    public FileResult Ingest(InboxFile file, string? sha256, int ordinal, long batch, StageDatabase stage, List<StagedInput> staged,
        IProgress<IngestProgress>? progress, int fileCount, CancellationToken cancellation = default)
    {
        var schema = file.Schema!;
        var rejectsPath = RejectsPath(file, batch);
        var text = IsCsv(file) ? TextEncodings.Choose(file.FullPath) : null;
        while (true)
        {
            using var rejects = new RejectsWriter(rejectsPath, maxRejectsPerFile);
            try
            {
                return Read(file, sha256, ordinal, batch, schema, stage, staged, rejects, text, progress, fileCount, cancellation);
            }
            catch (DecoderFallbackException) when (text is { Settled: false })
            {
                // Valid UTF-8 at the start, not further on: a GBK export with an ASCII-only beginning, or UTF-8 with a
                // stray byte. The whole file's bytes decide; then the read is redone once.
                rejects.Discard();
                text = TextEncodings.ChooseOnWholeFile(file.FullPath);
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
        List<StagedInput> staged, RejectsWriter rejects, TextChoice? text, IProgress<IngestProgress>? progress, int fileCount, CancellationToken cancellation)
    {
        var total = new FileInfo(file.FullPath).Length;
        var stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var hashing = sha256 is null ? new HashingStream(stream) : null;
        using var source = Open(file, hashing ?? (Stream)stream, text?.Encoding ?? Encoding.UTF8, limits);
        // Every reader reads the file front to back through this stream (XLSX: through its zip), so its position is the progress.
        void Report(long rows) => progress?.Report(new IngestProgress(file.ShownPath, ordinal, fileCount, stream.Position, total, rows));
        // CSV headers are fixed, so its rows can be validated on every core; JSON Lines may add headers as it goes.
        var rows = new ValidatedRows(source, schema, hasher, parallel: source is CsvRecordSource, total, Report, cancellation,
            maxRejectsPerFile, maxFutureDays, invalidUtf8Throws: text is { Settled: false }, sourceFile: file.ShownPath);
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
        progress?.Report(new IngestProgress(file.ShownPath, ordinal, fileCount, total, total, rows.RowsIn));
        staged.Add(output);
        return new FileResult
        {
            File = file.ShownPath,
            Dataset = schema.Name,
            Status = FileStatus.Loaded,
            RowsIn = rows.RowsIn,
            RowsLoaded = rows.RowsIn - rows.Rejected,
            RowsRejected = rows.Rejected,
            Rejects = rejects.WrittenPath is { } p ? paths.Relative(p) : null,
            Sha256 = sha256,
            UnknownColumns = rows.UnknownHeaders,
            Encoding = text?.Name ?? (source is JsonLinesRecordSource ? "utf-8" : null),
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

    /// <summary>
    /// The file's rejects CSV, named after its shown path. Two names that differ only inside a masked
    /// id look alike, so a later file of the batch whose name is taken gets " (2)", " (3)"… appended.
    /// </summary>
    private string RejectsPath(InboxFile file, long batch)
    {
        var path = paths.RejectsFor(batch, file.ShownPath);
        for (var n = 2; file.ShownPath != file.RelativePath && File.Exists(path); n++)
            path = paths.RejectsFor(batch, $"{file.ShownPath} ({n})");
        return path;
    }

    /// <param name="error">What went wrong; exception messages may quote the file's path or a value, so ids in it are masked.</param>
    public static FileResult Failed(InboxFile file, string? sha256, string error) => new()
    {
        File = file.ShownPath,
        Dataset = file.Schema?.Name,
        Status = FileStatus.Failed,
        Error = ResidentIdText.Mask(error),
        Sha256 = sha256,
    };
}
