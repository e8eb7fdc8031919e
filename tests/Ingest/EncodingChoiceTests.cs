using System.Text;
using Analytics.Ingest;
using Analytics.Ingest.Reading;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Ingest;

/// <summary>
/// How a CSV's encoding is chosen (TextEncodings): a UTF-8 file with a stray byte stays UTF-8 and only that
/// row is rejected; GB18030 needs the whole file's evidence; the choice is in the per-file summary.
/// </summary>
public class EncodingChoiceTests
{
    private const int Names = 2510;

    /// <summary>2,510 occupations with Chinese names (~110 KB, so past the 64 KiB first look), one stray GBK byte on <paramref name="strayLine"/>.</summary>
    private static byte[] OccupationsWithStrayByte(int strayLine)
    {
        var file = new MemoryStream();
        file.Write("occupation_code,occupation_name\n"u8);
        for (var i = 0; i < Names; i++)
        {
            var line = Encoding.UTF8.GetBytes($"2-{i / 10000:D2}-{i / 100 % 100:D2}-{i % 100:D2},职业名称{i}号技术人员\n");
            if (i + 2 == strayLine)
            {
                var at = line.AsSpan().IndexOf("名称"u8);
                line = [.. line[..at], 0xB0, .. line[at..]];
            }
            file.Write(line);
        }
        return file.ToArray();
    }

    [Theory]
    [InlineData(3)]      // in the first 64 KiB: the whole file is weighed at once
    [InlineData(2400)]   // past it: the read starts as UTF-8, meets the byte, and the whole file is weighed then
    public void A_utf8_file_with_one_stray_byte_stays_utf8_and_rejects_only_that_row(int strayLine)
    {
        using var sandbox = new IngestSandbox();
        var bytes = OccupationsWithStrayByte(strayLine);
        bytes.Length.ShouldBeGreaterThan(64 * 1024);
        sandbox.Drop("occupations", "names.csv", bytes);

        var result = sandbox.PassOne();

        (result.Status, result.RowsIn, result.RowsLoaded, result.RowsRejected, result.Encoding).ShouldBe((FileStatus.Loaded, (long)Names, Names - 1L, 1L, "utf-8"));
        var i = strayLine - 2;
        sandbox.RejectLines(result).ShouldBe([$"{strayLine},occupation_name,invalid UTF-8,职业\\xB0名称{i}号技术人员"]);
        sandbox.Scalar("SELECT count(*) FROM occupations WHERE occupation_name LIKE '职业名称%号技术人员'").ShouldBe((long)Names - 1);
        sandbox.Scalar("SELECT occupation_name FROM occupations WHERE occupation_code = '2-00-00-07'").ShouldBe("职业名称7号技术人员");
    }

    [Fact]
    public void Stray_bytes_that_are_not_gb18030_either_keep_a_mostly_ascii_file_utf8()
    {
        using var sandbox = new IngestSandbox();
        // Only two non-ASCII sequences, both invalid UTF-8: by count they would say GBK, but 0xFF and a lone 0x80 are not GB18030.
        sandbox.Drop("occupations", "latin.csv", [.. "occupation_code,occupation_name\n2-02-01-01,Caf"u8, 0xFF, .. "\n2-02-01-02,Na"u8, 0x80, .. "ve\n2-02-01-03,Plain\n"u8]);

        var result = sandbox.PassOne();

        (result.RowsIn, result.RowsLoaded, result.RowsRejected, result.Encoding).ShouldBe((3L, 1L, 2L, "utf-8"));
        sandbox.RejectLines(result).ShouldBe(["2,occupation_name,invalid UTF-8,Caf\\xFF", "3,occupation_name,invalid UTF-8,Na\\x80ve"]);
    }

    [Fact]
    public void A_gbk_file_is_gb18030_on_the_whole_files_evidence_and_says_so()
    {
        using var sandbox = new IngestSandbox();
        var csv = new StringBuilder("职业代码,职业名称\r\n");
        for (var i = 0; i < Names; i++) csv.Append($"2-{i / 10000:D2}-{i / 100 % 100:D2}-{i % 100:D2},职业名称{i}号技术人员\r\n");
        var gbk = TextEncodings.Gb18030.GetBytes(csv.ToString());
        var path = sandbox.Drop("occupations", "gbk.csv", gbk);

        var evidence = TextEncodings.Scan(new MemoryStream(gbk));
        evidence.SaysGb18030.ShouldBeTrue();
        TextEncodings.Choose(path).ShouldBe(new TextChoice(TextEncodings.Gb18030, Settled: true));
        var result = sandbox.PassOne();

        (result.RowsLoaded, result.RowsRejected, result.Encoding).ShouldBe(((long)Names, 0L, "gb18030"));
        sandbox.Scalar("SELECT occupation_name FROM occupations WHERE occupation_code = '2-00-00-07'").ShouldBe("职业名称7号技术人员");
    }

    [Fact]
    public void The_whole_file_rule_weighs_invalid_against_valid_multibyte_sequences()
    {
        var utf8 = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("名称,", 10)));
        TextEncodings.Scan(new MemoryStream([.. utf8, 0xB0, (byte)'A'])).ShouldBe(new TextEncodings.Evidence(false, 20, 1, true));
        TextEncodings.Scan(new MemoryStream([.. utf8, 0xB0, (byte)'A'])).SaysGb18030.ShouldBeFalse();   // 1 of 21: a stray byte
        var gbk = TextEncodings.Gb18030.GetBytes("名称,");
        TextEncodings.Scan(new MemoryStream([.. "abc,"u8, .. gbk])).SaysGb18030.ShouldBeTrue();
        TextEncodings.Scan(new MemoryStream([.. "\uFEFF"u8, .. gbk])).SaysGb18030.ShouldBeFalse();      // a UTF-8 BOM settles it
    }
}
