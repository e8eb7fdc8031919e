using Analytics.Reports.Model;
using Analytics.Reports.Publishing;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Reports;

public class ReportPublisherTests
{
    [Fact]
    public async Task Publishing_replaces_the_file_in_one_step_and_reports_progress_to_done()
    {
        using var folder = new TempFolder();
        var path = folder.File("out/ranking.json");
        Directory.CreateDirectory(folder.File("out"));
        await File.WriteAllTextAsync(path, "old");
        var reports = new List<PublishProgress>();

        await ReportPublisher.PublishAsync(SampleReports.Ranking(), ReportFormat.Json, path, new SyncProgress(reports.Add));

        (await File.ReadAllTextAsync(path)).ShouldStartWith("[");
        Directory.GetFiles(folder.File("out")).ShouldBe([path], "no temporary file is left behind");
        reports.First().ShouldBe(new PublishProgress("writing", 0, 3));
        reports.ShouldContain(new PublishProgress("writing", 3, 3));
        reports.Last().ShouldBe(new PublishProgress("done", 3, 3));
    }

    [Fact]
    public async Task A_failed_publication_leaves_the_previous_file_untouched()
    {
        using var folder = new TempFolder();
        var path = folder.File("wages.json");
        await File.WriteAllTextAsync(path, "previous");
        var good = SampleReports.Wages();
        // A value no writer knows: the JSON writer throws midway through the file.
        var broken = good with { Rows = [.. good.Rows, new ReportRow([.. good.Rows[0].Values.Select(_ => (object?)Guid.Empty)], false)] };

        await Should.ThrowAsync<InvalidOperationException>(() => ReportPublisher.PublishAsync(broken, ReportFormat.Json, path));

        (await File.ReadAllTextAsync(path)).ShouldBe("previous");
        Directory.GetFiles(folder.Path).ShouldBe([path]);
    }

    [Theory]
    [InlineData("csv", ReportFormat.Csv)]
    [InlineData("XLSX", ReportFormat.Xlsx)]
    [InlineData("json", ReportFormat.Json)]
    [InlineData("html", ReportFormat.Html)]
    public void Formats_parse_from_the_command_line_name(string name, ReportFormat expected) =>
        ReportFormats.Parse(name).ShouldBe(expected);

    [Fact]
    public void An_unknown_format_names_the_accepted_ones() =>
        Should.Throw<ArgumentException>(() => ReportFormats.Parse("pdf")).Message.ShouldBe("Unknown format 'pdf': use one of csv, xlsx, json, html, arrow, parquet.");

    private sealed class SyncProgress(Action<PublishProgress> report) : IProgress<PublishProgress>
    {
        public void Report(PublishProgress value) => report(value);
    }
}
