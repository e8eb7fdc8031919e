using System.Text;
using Analytics.Ingest.Reading;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Ingest;

/// <summary>
/// A record without quotes is split by a fast path of its own (one vector pass over its bytes); a
/// record with a quote takes the general path. Both must give the same fields and line numbers: each
/// random record is read as it is and with every field quoted, across 1 MiB reads (a CR can end one),
/// with LF, CRLF and lone-CR line ends, empty fields, blank lines, fields over 32 bytes and no final line end.
/// </summary>
public class CsvSplitTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Unquoted_records_split_as_the_same_records_quoted(int seed)
    {
        var random = new Random(seed);
        var records = new List<string[]>();
        var plain = new StringBuilder("h\n");
        var quoted = new StringBuilder("h\n");
        string[] ends = ["\n", "\r\n", "\r"];
        // ~2.5 MB: several 1 MiB reads, so records and CRLFs are cut by the end of a read somewhere.
        while (plain.Length < 2_500_000)
        {
            if (random.Next(50) == 0)
            {
                var blank = ends[random.Next(ends.Length)];
                plain.Append(blank);
                quoted.Append(blank);   // a blank line is skipped by both
                continue;
            }
            var fields = Enumerable.Range(0, random.Next(1, 45)).Select(_ => Field(random)).ToArray();
            if (fields.All(f => f.Length == 0)) fields[0] = "x";
            records.Add(fields);
            var end = ends[random.Next(ends.Length)];
            plain.Append(string.Join(',', fields)).Append(end);
            quoted.Append(string.Join(',', fields.Select(f => $"\"{f}\""))).Append(end);
        }
        plain.Length -= 1;   // the last record has no line end (a CRLF loses its LF: a lone CR, still one line end)
        quoted.Length -= 1;

        var fromPlain = Read(plain.ToString());
        var fromQuoted = Read(quoted.ToString());
        fromPlain.Count.ShouldBe(records.Count);
        fromQuoted.Count.ShouldBe(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            fromPlain[i].Fields.ShouldBe(records[i], $"record {i}");
            fromQuoted[i].Fields.ShouldBe(records[i], $"record {i}, quoted");
            fromPlain[i].Line.ShouldBe(fromQuoted[i].Line, $"record {i}: the line the general path counts");
        }
    }

    private static string Field(Random random) => random.Next(6) switch
    {
        0 => "",
        1 => new string('w', random.Next(30, 80)),   // longer than a vector
        _ => new string((char)('a' + random.Next(26)), random.Next(1, 12)),
    };

    private static List<(long Line, string[] Fields)> Read(string csv)
    {
        using var source = new CsvRecordSource(new MemoryStream(Encoding.UTF8.GetBytes(csv)), Encoding.UTF8);
        var rows = new List<(long, string[])>();
        while (source.Read())
            rows.Add((source.Line, Enumerable.Range(0, source.FieldCount).Select(i => Encoding.UTF8.GetString(source.Field(i))).ToArray()));
        return rows;
    }
}
