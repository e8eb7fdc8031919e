using System.Text.Json;
using Analytics.Ingest.Demo;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Demo;

[Collection(SmallDemoInboxCollection.Name)]
public class PersonIdTests(SmallDemoInbox fixture)
{
    private readonly DemoInbox _inbox = fixture.Inbox;

    [Theory]
    [InlineData("11010519491231002X", true)]   // the example of GB 11643 itself: weighted sum 167, mod 11 = 2 → X
    [InlineData("11010519491231002x", true)]
    [InlineData("110105194912310021", false)]
    [InlineData("11010519491231002", false)]   // 17 characters
    [InlineData("1101051949123100AX", false)]
    public void The_check_character_follows_ISO_7064_MOD_11_2(string id, bool valid)
    {
        ResidentIds.IsValid(id).ShouldBe(valid);
    }

    [Fact]
    public void The_check_character_is_computed_by_hand_for_one_id()
    {
        // 4·7+4·9+0·10+1·5+0·8+6·4+1·2+9·1+8·6+0·3+0·7+1·9+0·10+1·5+0·8+0·4+1·2 = 168; 168 mod 11 = 3 → '9'
        ResidentIds.CheckCharacter("44010619800101001").ShouldBe('9');
        ResidentIds.IsValid("440106198001010019").ShouldBeTrue();
        ResidentIds.IsValid("440106198001010015").ShouldBeFalse();
    }

    [Fact]
    public void Every_person_id_is_valid_and_starts_with_its_region_except_the_two_deliberately_bad_ones()
    {
        var invalid = new List<string>();
        int checkedIds = 0;
        void Check(string file, string id, string? region)
        {
            checkedIds++;
            id.Length.ShouldBe(18, file);
            if (!ResidentIds.IsValid(id)) invalid.Add(Path.GetFileName(file));
            if (region is not null and not "440199") id[..6].ShouldBe(region, file); // 440199: the row with an unknown region
        }

        foreach (var (dataset, idColumn) in new[] { ("employment", "person_id"), ("retirees", "retiree_id"), ("dispatch_settlements", "worker_id") })
        {
            foreach (var file in _inbox.Files(dataset))
            foreach (var r in DemoInbox.ReadCsv(file))
                Check(file, r[idColumn], r.GetValueOrDefault("region_code"));
        }
        foreach (var file in _inbox.Files("jobseekers"))
        {
            bool gbk = file.EndsWith("_gbk.csv");
            foreach (var r in DemoInbox.ReadCsv(file, gbk ? DemoInbox.Gb18030 : null))
                Check(file, gbk ? r["求职者编号"] : r["seeker_id"], gbk ? r["区划代码"] : r["region_code"]);
        }
        foreach (var file in _inbox.Files("unemployment", "*.csv"))
        foreach (var r in DemoInbox.ReadCsv(file))
            Check(file, r["person_id"], r["region_code"]);
        foreach (var file in _inbox.Files("unemployment", "*.jsonl"))
        foreach (var line in File.ReadLines(file))
        {
            using var json = JsonDocument.Parse(line);
            Check(file, json.RootElement.GetProperty("person_id").GetString()!, json.RootElement.GetProperty("region_code").GetString());
        }

        checkedIds.ShouldBeGreaterThan(3000);
        invalid.Order().ShouldBe(["employment_2026.csv", "jobseekers_2025Q2_gbk.csv"]);
    }
}
