using Analytics.Ingest.Demo.Output;
using Analytics.Ingest.Demo.Reference;

namespace Analytics.Ingest.Demo.Datasets;

/// <summary>regions and occupations: small UTF-8 files with English headers.</summary>
internal static class ReferenceDatasets
{
    public static void Write(DemoOutput output)
    {
        output.BeginDataset("regions", Regions.All.Count);
        using (var regions = new CsvRowWriter(output, "regions", "regions_gbt2260.csv", Schemas.Regions, TextDialect.Plain))
            foreach (var r in Regions.All) regions.Write(r.Code, r.Name, r.ParentCode);

        output.BeginDataset("occupations", Occupations.All.Count);
        using var occupations = new CsvRowWriter(output, "occupations", "occupations_2022.csv", Schemas.Occupations, TextDialect.ExcelUtf8);
        foreach (var o in Occupations.All) occupations.Write(o.Code, o.Name);
    }
}
