using System.Globalization;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Demo;

/// <summary>
/// The demo data reads like a labour market, not like a copy of one series: job seekers and
/// placements differ month by month and do not move in lockstep, the Spring Festival (2025-01-29,
/// 2026-02-17) lulls the month it falls in and swells the one after, and regions differ in
/// how many vacancies they have per job seeker.
/// </summary>
public sealed class DemoMarketTests : IClassFixture<DemoMarketTests.Inbox>
{
    /// <summary>Scale 0.2: 5,000 vacancies, 6,600 job seekers, 5,400 placements.</summary>
    public sealed class Inbox : IDisposable
    {
        public DemoInbox Demo { get; } = new(0.2);
        public void Dispose() => Demo.Dispose();
    }

    private readonly Dictionary<string, int> _seekers, _placements, _vacancies;
    private readonly Dictionary<string, int> _seekersByRegion, _vacanciesByRegion;

    public DemoMarketTests(Inbox inbox)
    {
        var demo = inbox.Demo;
        // 2025's job seekers come from the bureau's old system: GB18030, Chinese headers, yyyy/M/d dates.
        var seekers = demo.Files("jobseekers", "*_gbk.csv").SelectMany(f => DemoInbox.ReadCsv(f, DemoInbox.Gb18030))
            .Select(r => (Day: r["登记日期"], Region: r["区划代码"]))
            .Concat(DemoInbox.ReadCsvs(demo.Files("jobseekers").Where(f => !f.EndsWith("_gbk.csv"))).Select(r => (Day: r["registered_on"], Region: r["region_code"])))
            .ToList();
        var vacancies = DemoInbox.ReadCsvs(demo.Files("vacancies")).Select(r => (Day: r["registered_on"], Region: r["region_code"])).ToList();
        _seekers = ByMonth(seekers.Select(s => s.Day));
        _vacancies = ByMonth(vacancies.Select(v => v.Day));
        _placements = ByMonth(DemoInbox.ReadCsvs(demo.Files("employment")).Select(r => r["employed_on"]));
        _seekersByRegion = seekers.GroupBy(s => s.Region).ToDictionary(g => g.Key, g => g.Count());
        _vacanciesByRegion = vacancies.GroupBy(v => v.Region).ToDictionary(g => g.Key, g => g.Count());
    }

    [Fact]
    public void Job_seekers_and_placements_differ_every_month_and_not_by_a_constant_factor()
    {
        _seekers.Keys.Order().ShouldBe(_placements.Keys.Order());
        _seekers.Keys.Count.ShouldBe(21);   // 2025-01 … 2026-09
        foreach (var month in _seekers.Keys) _seekers[month].ShouldNotBe(_placements[month], month);
        var ratios = _seekers.Keys.Select(m => (double)_seekers[m] / _placements[m]).ToList();
        // Overall 33,000 / 27,000 ≈ 1.22, but graduates (July) and the post-festival return swing it.
        (ratios.Max() - ratios.Min()).ShouldBeGreaterThan(0.2, string.Join(", ", ratios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void The_Spring_Festival_lulls_its_month_and_swells_the_next_whichever_month_it_falls_in()
    {
        // 2026-02-17: February lulls (15 of its 28 days in the lull), March swells (26 of 31 days in the return).
        _seekers["2026-02"].ShouldBeLessThan(_seekers["2026-01"]);
        _seekers["2026-03"].ShouldBeGreaterThan(_seekers["2026-02"] * 2);
        _vacancies["2026-02"].ShouldBeLessThan(_vacancies["2026-01"]);
        _placements["2026-02"].ShouldBeLessThan(_placements["2026-01"]);
        // 2025-01-29: January lulls, February (22 of its days in the return) swells instead.
        _seekers["2025-02"].ShouldBeGreaterThan(_seekers["2025-01"]);
        _vacancies["2025-02"].ShouldBeGreaterThan(_vacancies["2025-01"]);
        // Graduates: July brings more job seekers than June.
        _seekers["2025-07"].ShouldBeGreaterThan(_seekers["2025-06"]);
    }

    [Fact]
    public void Factory_towns_have_more_vacancies_per_job_seeker_than_old_city_centres()
    {
        double PerSeeker(string region) => (double)_vacanciesByRegion[region] / _seekersByRegion[region];
        // 东莞 (tilt 1.6) against 越秀区 (0.7) and 姑苏区 (0.7): about (1.6 / 0.7)² ≈ 5 times as many vacancies per seeker.
        PerSeeker("441900").ShouldBeGreaterThan(1.0);
        PerSeeker("440104").ShouldBeLessThan(0.6);
        PerSeeker("441900").ShouldBeGreaterThan(3 * PerSeeker("440104"));
        PerSeeker("320583").ShouldBeGreaterThan(3 * PerSeeker("320508"));   // 昆山市 against 姑苏区
    }

    /// <summary>Rows per month; the one deliberately impossible date (2025-02-30) counts nowhere.</summary>
    private static Dictionary<string, int> ByMonth(IEnumerable<string> days) =>
        days.Select(d => DateOnly.TryParseExact(d, ["yyyy-MM-dd", "yyyy/M/d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? day.ToString("yyyy-MM", CultureInfo.InvariantCulture) : null)
            .OfType<string>().GroupBy(m => m).ToDictionary(g => g.Key, g => g.Count());
}
