using Xunit;
using System.Text;
using Analytics.Ingest.Demo;

namespace Analytics.Tests.Demo;

/// <summary>A demo inbox generated into a temporary directory, with helpers to read its files back.</summary>
public sealed class DemoInbox : IDisposable
{
    static DemoInbox() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public DemoInbox(double scale)
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "demo-tests-" + Guid.NewGuid().ToString("N"));
        Summary = DemoGenerator.Write(DataDirectory, scale);
    }

    public string DataDirectory { get; }
    public DemoSummary Summary { get; }
    public string Inbox => Path.Combine(DataDirectory, "inbox");

    public string[] Files(string dataset, string pattern = "*") =>
        Directory.GetFiles(Path.Combine(Inbox, dataset), pattern).OrderBy(f => f, StringComparer.Ordinal).ToArray();

    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    /// <summary>The rows of a CSV file as header → value maps (UTF-8 unless another encoding is given).</summary>
    public static IEnumerable<Dictionary<string, string>> ReadCsv(string path, Encoding? encoding = null)
    {
        using var reader = new StreamReader(path, encoding ?? Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var header = CsvLine.Split(reader.ReadLine()!);
        while (reader.ReadLine() is { } line)
        {
            var fields = CsvLine.Split(line);
            yield return header.Select((h, i) => (h, fields[i])).ToDictionary(x => x.h, x => x.Item2);
        }
    }

    public static IEnumerable<Dictionary<string, string>> ReadCsvs(IEnumerable<string> paths) => paths.SelectMany(p => ReadCsv(p));

    public void Dispose()
    {
        if (Directory.Exists(DataDirectory)) Directory.Delete(DataDirectory, recursive: true);
    }
}

/// <summary>Splits one CSV record (no embedded line breaks) with RFC 4180 quoting.</summary>
public static class CsvLine
{
    public static string[] Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields.ToArray();
    }
}

/// <summary>One small inbox shared by the tests of a class (scale 0.02: 2,000 labour-market rows, 12 projects).</summary>
public sealed class SmallDemoInbox() : IDisposable
{
    public const double Scale = 0.02;
    public DemoInbox Inbox { get; } = new(Scale);
    public void Dispose() => Inbox.Dispose();
}

[CollectionDefinition(Name)]
public sealed class SmallDemoInboxCollection : ICollectionFixture<SmallDemoInbox>
{
    public const string Name = "small demo inbox";
}
