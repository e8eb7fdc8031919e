using System.Text;
using Analytics.Ingest.Demo;
using Analytics.Ingest.Reading;

namespace Analytics.Tests.Reliability;

/// <summary>One valid sample per dataset, taken from the demo generator's files: raw bytes and the decoded table.</summary>
public sealed record SeedFile(string Dataset, string Extension, byte[] Raw, string[] Headers, string[][] Rows);

public static class SeedCorpus
{
    private static readonly Lazy<IReadOnlyList<SeedFile>> Samples = new(Load);

    /// <summary>At most this many data rows per sample: small files keep a thousand-file run fast.</summary>
    public const int RowsPerSample = 25;

    public static IReadOnlyList<SeedFile> All => Samples.Value;

    /// <summary>Writes the demo inbox at a small scale into <paramref name="dataDirectory"/>.</summary>
    public static void WriteDemo(string dataDirectory, double scale = 0.02) => DemoGenerator.Write(dataDirectory, scale);

    private static IReadOnlyList<SeedFile> Load()
    {
        var root = Path.Combine(Path.GetTempPath(), "reliability-seeds", Guid.NewGuid().ToString("N"));
        try
        {
            WriteDemo(root);
            var samples = new List<SeedFile>();
            foreach (var dir in Directory.GetDirectories(Path.Combine(root, "inbox")).Order(StringComparer.Ordinal))
            {
                // One sample of each format a dataset is delivered in (e.g. GBK and UTF-8 CSV, JSON Lines).
                foreach (var group in Directory.GetFiles(dir).Order(StringComparer.Ordinal)
                             .GroupBy(f => Path.GetExtension(f).ToLowerInvariant() + (f.Contains("_gbk") ? "gbk" : "")))
                    samples.Add(Sample(Path.GetFileName(dir), group.First()));
            }
            return samples;
        }
        finally { Directory.Delete(root, recursive: true); }
    }

    private static SeedFile Sample(string dataset, string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        var encoding = extension == ".csv" ? TextEncodings.Detect(path) : Encoding.UTF8;
        var rows = new List<string[]>();
        string[] headers;
        using (var stream = File.OpenRead(path))
        using (IRecordSource source = extension switch
               {
                   ".csv" => new CsvRecordSource(stream, encoding),
                   ".xlsx" => new XlsxRecordSource(stream),
                   _ => new JsonLinesRecordSource(stream),
               })
        {
            while (rows.Count < RowsPerSample && source.Read())
            {
                var row = new string[source.Headers.Count];
                for (var i = 0; i < row.Length; i++) row[i] = Encoding.UTF8.GetString(source.Field(i));
                rows.Add(row);
            }
            headers = source.Headers.ToArray();
        }
        // Raw bytes: the first lines of text files (the demo writes no line breaks inside fields), the whole workbook otherwise.
        var raw = File.ReadAllBytes(path);
        if (extension != ".xlsx") raw = FirstLines(raw, RowsPerSample + 1);
        return new SeedFile(dataset, encoding.CodePage == Encoding.UTF8.CodePage ? extension : extension + ":gbk", raw, headers, rows.ToArray());
    }

    private static byte[] FirstLines(byte[] bytes, int lines)
    {
        var end = 0;
        for (var seen = 0; end < bytes.Length && seen < lines; end++)
            if (bytes[end] == (byte)'\n') seen++;
        return bytes[..end];
    }
}
