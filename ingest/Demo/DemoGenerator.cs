using Analytics.Ingest.Demo.Datasets;
using Analytics.Ingest.Demo.Datasets.Construction;
using Analytics.Ingest.Demo.Datasets.Dispatch;
using Analytics.Ingest.Demo.Output;

namespace Analytics.Ingest.Demo;

/// <summary>
/// Writes a synthetic, deterministic inbox for every dataset (the <c>demo</c> verb, and what <c>serve</c>
/// ingests on an empty data directory). The same scale always gives byte-identical files.
/// The rules the data follows are in docs/notes-demo.md.
/// </summary>
public static class DemoGenerator
{
    public const ulong Seed = 20260930;

    /// <summary>Scale 1000 is 100 million labour-market rows (about 10 GB); beyond that the row counts would overflow.</summary>
    public const int MaxScale = 1000;

    /// <summary>The datasets, in the order they are generated (reference data first).</summary>
    public static readonly IReadOnlyList<string> Datasets =
    [
        "regions", "occupations", "si_bases", "vacancies", "jobseekers", "employment", "unemployment", "retirees",
        "dispatch_projects", "dispatch_settlements", "dispatch_costs", "dispatch_invoices",
        "construction_projects", "site_roster", "site_attendance", "site_payroll", "account_flows",
    ];

    /// <summary>
    /// Writes the demo files into <c>&lt;dataDirectory&gt;/inbox/&lt;dataset&gt;/</c>, each file appearing only
    /// when complete. <paramref name="scale"/> multiplies the row counts (above 0, at most <see cref="MaxScale"/>).
    /// </summary>
    public static DemoSummary Write(string dataDirectory, double scale = 1, IProgress<DemoProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        if (!(scale > 0 && scale <= MaxScale))
            throw new ArgumentOutOfRangeException(nameof(scale), scale, $"The scale must be above 0 and at most {MaxScale}.");
        var output = new DemoOutput(dataDirectory, progress, cancellationToken);
        var size = new DemoScale(scale);
        try
        {
            ReferenceDatasets.Write(output);
            VacanciesDataset.Write(output, size);
            JobseekersDataset.Write(output, size);
            EmploymentDataset.Write(output, size);
            UnemploymentDataset.Write(output, size);
            RetireesDataset.Write(output, size);
            DispatchDatasets.Write(output, size);
            ConstructionDatasets.Write(output);   // a fixed size: ~40 projects whatever the scale
        }
        finally
        {
            output.RemoveStaging();
        }
        return new DemoSummary(output.Files);
    }
}
