using Analytics.Ingest.Demo.Output;
using Analytics.Ingest.Demo.Reference;

namespace Analytics.Ingest.Demo.Datasets;

/// <summary>regions, occupations and si_bases: small reference files.</summary>
internal static class ReferenceDatasets
{
    public static void Write(DemoOutput output)
    {
        output.BeginDataset("regions", Regions.All.Count);
        using (var regions = new CsvRowWriter(output, "regions", "regions_gbt2260.csv", Schemas.Regions, TextDialect.Plain))
            foreach (var r in Regions.All) regions.Write(r.Code, r.Name, r.ParentCode);

        output.BeginDataset("occupations", Occupations.All.Count);
        using (var occupations = new CsvRowWriter(output, "occupations", "occupations_2022.csv", Schemas.Occupations, TextDialect.ExcelUtf8))
            foreach (var o in Occupations.All) occupations.Write(o.Code, o.Name);

        output.BeginDataset("si_bases", SiBases.Length);
        // as a bureau notice is typed up: Chinese headers, GB18030, ¥ amounts
        using var bases = new CsvRowWriter(output, "si_bases", "si_bases_gbk.csv", Schemas.SiBases, TextDialect.BureauGbk);
        foreach (var row in SiBases) bases.Write(row);
    }

    /// <summary>
    /// Contribution bases per month (compliance-and-statistics.md A.1). 广东 raises its floor in 2026-07
    /// (stated as the average wage only: 7,800.00 × 60 % = 4,680.00) while the payslips keep declaring
    /// the 2025 floor of 4,588.00, so Guangdong projects raise si_base_below_floor from 2026-07; 深圳
    /// sets its own bases and announced none for 2026, so its projects do not; 江苏 has one row.
    /// </summary>
    private static readonly object?[][] SiBases =
    [
        ["320000", "2024-07", 8133.33m, 4880.00m, 24042.00m],
        ["440000", "2024-07", null, 4492.00m, 22458.00m],
        ["440000", "2025-07", 7646.67m, 4588.00m, 27501.00m],
        ["440000", "2026-07", 7800.00m, null, 23400.00m],
        ["440300", "2024-07", null, 4492.00m, 26421.00m],
        ["440300", "2025-07", null, 4588.00m, 27501.00m],
    ];
}
