using Analytics.Warehouse.DuckDb;
using System.Data.Common;

namespace Analytics.Warehouse.Marts.Structure;

/// <summary>The attribute a structure table splits by (compliance-and-statistics.md B.1); JSON and CLI names are snake_case.</summary>
public enum StructureBreakdown { Gender, AgeBand, Education, Category, Industry }

/// <summary>
/// One row of a structure table: key is the attribute's code (M, 16_24, bachelor, C, unknown…).
/// A side the attribute does not split (gender of a vacancy, industry of a seeker) is null.
/// </summary>
public sealed record StructureRow(string Key, long? Demand, long? Supply, decimal? DemandSharePct, decimal? SupplySharePct, decimal? Ratio);

public sealed record StructureTable(ReportingPeriod Period, string? RegionCode, StructureBreakdown Breakdown, IReadOnlyList<StructureRow> Rows, BatchStamp? DataAsOf);

/// <summary>Demand and supply split by one attribute (model: mart_structure.sql).</summary>
public sealed class StructureService(DuckDbDataSource catalog)
{
    public static readonly IReadOnlyList<string> BreakdownNames = ["gender", "age_band", "education", "category", "industry"];

    public StructureTable Get(ReportingPeriod period, StructureBreakdown breakdown, string? regionCode = null, CancellationToken cancellationToken = default) =>
        catalog.Use(db =>
        {
            var scope = RegionScope.Validate(db, regionCode);
            var rows = MartQuery.Run(db, "mart_structure", new Dictionary<string, object?>
            {
                ["start"] = period.Start,
                ["end"] = period.End,
                ["scope"] = scope,
                ["breakdown"] = Name(breakdown),
            }, Map, cancellationToken);
            return new StructureTable(period, scope, breakdown, rows, DataAsOf.NewestCommittedBatch(db));
        });

    public static string Name(StructureBreakdown breakdown) => BreakdownNames[(int)breakdown];

    /// <summary>gender | age_band | education | category | industry, or a <see cref="MartValidationException"/>.</summary>
    public static StructureBreakdown Parse(string? text)
    {
        var index = BreakdownNames.ToList().IndexOf(text?.Trim().ToLowerInvariant() ?? "");
        return index >= 0 ? (StructureBreakdown)index
            : throw new MartValidationException($"Unknown breakdown '{text}': use {string.Join(", ", BreakdownNames)}.");
    }

    private static StructureRow Map(MartRow r) => new(
        r.Field<string>("key")!, r.Field<long?>("demand"), r.Field<long?>("supply"),
        r.Field<decimal?>("demand_share_pct"), r.Field<decimal?>("supply_share_pct"), r.Field<decimal?>("ratio"));
}
