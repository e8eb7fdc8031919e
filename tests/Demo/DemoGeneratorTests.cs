using System.Security.Cryptography;
using Analytics.Ingest.Demo;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Demo;

[Collection(SmallDemoInboxCollection.Name)]
public class DemoGeneratorTests(SmallDemoInbox fixture)
{
    private readonly DemoInbox _inbox = fixture.Inbox;

    [Fact]
    public void Two_runs_with_the_same_scale_write_byte_identical_files()
    {
        using var second = new DemoInbox(SmallDemoInbox.Scale);
        var first = Hashes(_inbox.Inbox);
        var again = Hashes(second.Inbox);
        again.Keys.ShouldBe(first.Keys);
        foreach (var (file, hash) in first) again[file].ShouldBe(hash, file);
        first.Count.ShouldBe(_inbox.Summary.Files.Count);
    }

    [Fact]
    public void Every_dataset_gets_files_in_its_own_inbox_folder_and_no_staging_is_left()
    {
        foreach (var dataset in DemoGenerator.Datasets)
            _inbox.Files(dataset).ShouldNotBeEmpty(dataset);
        Directory.GetDirectories(_inbox.Inbox).Select(Path.GetFileName).Order()
            .ShouldBe(DemoGenerator.Datasets.Order());
        Directory.GetDirectories(_inbox.DataDirectory).Select(Path.GetFileName).ShouldBe(["inbox"]);
        _inbox.Summary.PerDataset().Select(d => d.Dataset).ShouldBe(DemoGenerator.Datasets);
    }

    [Fact]
    public void The_summary_counts_the_data_lines_of_every_text_file()
    {
        foreach (var file in _inbox.Summary.Files.Where(f => !f.Path.EndsWith(".xlsx")))
        {
            var lines = File.ReadAllBytes(Path.Combine(_inbox.Inbox, file.Path)).Count(b => b == (byte)'\n');
            var header = file.Path.EndsWith(".jsonl") ? 0 : 1;
            (lines - header).ShouldBe((int)file.Rows, file.Path);
        }
    }

    [Fact]
    public void Row_counts_scale_with_the_scale()
    {
        using var doubled = new DemoInbox(SmallDemoInbox.Scale * 2);
        var small = _inbox.Summary.PerDataset().ToDictionary(d => d.Dataset, d => d.Rows);
        var large = doubled.Summary.PerDataset().ToDictionary(d => d.Dataset, d => d.Rows);
        // Base counts at scale 1: 25,000 vacancies / 33,000 job seekers / 27,000 placements / 10,000 / 5,000 (more
        // seekers than placements, as in a real market); vacancies carry one duplicate row, retirees a changes file of about 1 %.
        small["vacancies"].ShouldBe(500 + 1);
        large["vacancies"].ShouldBe(1000 + 1);
        small["jobseekers"].ShouldBe(660);    // 33,000 × 0.02
        large["jobseekers"].ShouldBe(1320);
        small["employment"].ShouldBe(540);    // 27,000 × 0.02
        large["employment"].ShouldBe(1080);
        small["unemployment"].ShouldBe(200);
        large["unemployment"].ShouldBe(400);
        small["retirees"].ShouldBeInRange(100, 105);
        large["retirees"].ShouldBeInRange(200, 210);
        // Reference data does not scale.
        large["regions"].ShouldBe(small["regions"]);
        large["occupations"].ShouldBe(small["occupations"]);
    }

    [Fact]
    public void A_scale_outside_the_range_is_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => DemoGenerator.Write(Path.GetTempPath(), 0));
        Should.Throw<ArgumentOutOfRangeException>(() => DemoGenerator.Write(Path.GetTempPath(), DemoGenerator.MaxScale + 1));
    }

    private static Dictionary<string, string> Hashes(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToDictionary(f => Path.GetRelativePath(root, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
}
