using System.IO.Compression;
using System.Text;
using Analytics.Ingest;
using Analytics.Tests.Ingest;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Reliability;

/// <summary>Pins the fix the fuzzer found: a workbook whose sheet XML is damaged used to throw XmlException out of the whole pass.</summary>
public class DamagedWorkbookTests
{
    [Fact]
    public void A_workbook_with_damaged_sheet_xml_fails_as_a_whole_and_the_pass_goes_on()
    {
        using var sandbox = new IngestSandbox();
        sandbox.Drop("dispatch_costs", "a.xlsx", Damage(XlsxFixture.Workbook(
            ["month", "project_id", "category", "amount", "cost_id"],
            ["2026-09", "PR1", "other", "120.50", "K1"])));
        sandbox.Drop("dispatch_costs", "b.csv", "month,project_id,category,amount,cost_id\n2026-09,PR1,other,99.00,K2\n");

        var pass = sandbox.Pass();

        var damaged = pass.Files.Single(f => f.File == "dispatch_costs/a.xlsx");
        damaged.Status.ShouldBe(FileStatus.Failed);
        damaged.Error.ShouldNotBeNull().ShouldStartWith("damaged workbook");
        File.Exists(Path.Combine(sandbox.Root, "inbox", "dispatch_costs", "a.xlsx")).ShouldBeTrue();
        pass.Files.Single(f => f.File == "dispatch_costs/b.csv").Status.ShouldBe(FileStatus.Loaded);
        sandbox.Query("SELECT cost_id, amount FROM dispatch_costs").ShouldBe([["K2", 99.00m]]);
    }

    /// <summary>Breaks an attribute of the sheet's first inline-string cell (t="inlineStr" -> t"inlineStr"), as a flipped byte would.</summary>
    private static byte[] Damage(byte[] workbook)
    {
        using var memory = new MemoryStream();
        memory.Write(workbook);
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Update, leaveOpen: true))
        {
            var sheet = zip.Entries.Single(e => e.FullName.Contains("worksheets/"));
            string xml;
            using (var reader = new StreamReader(sheet.Open())) xml = reader.ReadToEnd();
            var name = sheet.FullName;
            sheet.Delete();
            var broken = xml.Replace("t=\"inlineStr\"", "t\"inlineStr\"");
            broken.ShouldNotBe(xml);
            using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
            writer.Write(broken);
        }
        return memory.ToArray();
    }
}
