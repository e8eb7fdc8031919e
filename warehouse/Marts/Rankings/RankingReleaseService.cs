using Analytics.Warehouse.DuckDb;
using System.Data.Common;

namespace Analytics.Warehouse.Marts.Rankings;

/// <summary>The release figures of a shortage or surplus ranking (model: mart_ranking_release.sql).</summary>
public sealed class RankingReleaseService(DuckDbDataSource catalog, MetricsOptions? options = null)
{
    private readonly MetricsOptions _options = options ?? new MetricsOptions();

    /// <param name="top">list length; null = the configured RankingTop (the previous list has the same length)</param>
    /// <param name="k">the top k of the movers; null = the configured ReleaseTopMovers</param>
    public RankingRelease Get(ReportingPeriod period, string? regionCode = null, RankingKind kind = RankingKind.Shortage,
        int? top = null, int? k = null, CancellationToken cancellationToken = default) =>
        catalog.Use(db =>
        {
            var scope = RegionScope.Validate(db, regionCode);
            var keep = RankedLists.Length(top, _options);
            var movers = k ?? _options.ReleaseTopMovers;
            var parameters = RankedLists.Parameters(period, scope, kind, keep, _options);
            parameters["k"] = movers;
            var rows = MartQuery.Run(db, "mart_ranking_release", parameters, r => new Row(r), cancellationToken);
            var t = rows.Single(r => r.Section == "totals").Reader;
            IEnumerable<Row> Section(string name) => rows.Where(r => r.Section == name);
            ListedOccupation Listed(Row r) => new(r.Code!, r.Name);
            TopMover Mover(Row r) => new(r.Code!, r.Name, r.Rank, r.PreviousRank);
            return new RankingRelease(kind, period, period.Previous, scope, keep, movers,
                t.Long("demand_total"), t.Long("supply_total"), t.Long("gap_total"), t.Dec("ratio_total"),
                t.Long("demand_total_prev"), t.Long("supply_total_prev"), t.Long("gap_total_prev"), t.Dec("ratio_total_prev"),
                t.Dec("demand_change_pct"), t.Dec("supply_change_pct"), t.Dec("gap_change_pct"), t.Dec("ratio_change"),
                (int)t.Long("listed"), (int)t.Long("listed_prev"), (int)t.Long("newly_listed"), (int)t.Long("dropped"),
                (int)t.Long("moved_up"), (int)t.Long("moved_down"), (int)t.Long("unchanged"),
                Section("newly_listed").Select(Listed).ToArray(),
                Section("dropped").Select(Listed).ToArray(),
                Section("top_entering").Select(Mover).ToArray(),
                Section("top_leaving").Select(Mover).ToArray(),
                Section("major_group").Select(r => r.Group).ToArray(),
                DataAsOf.NewestCommittedBatch(db));
        });

    /// <summary>One result row, read while the reader is on it (the totals row keeps its values by name).</summary>
    private sealed class Row
    {
        public Row(MartRow r)
        {
            Section = r.Field<string>("section")!;
            Code = r.Field<string>("occupation_code");
            Name = r.Field<string>("occupation_name");
            Rank = (int?)r.Field<long?>("rank");
            PreviousRank = (int?)r.Field<long?>("previous_rank");
            if (Section == "major_group")
            {
                var group = r.Field<string>("major_group")!;
                Group = new MajorGroupCount(group, MajorGroups.Name(group), (int)r.Field<long>("group_listed"), (int)r.Field<long>("group_listed_prev"),
                    (int)r.Field<long>("group_change"), r.Field<decimal?>("group_share_pct"));
            }
            if (Section == "totals")
                Reader = new Values(r.Values());
        }

        public string Section { get; }
        public string? Code { get; }
        public string? Name { get; }
        public int? Rank { get; }
        public int? PreviousRank { get; }
        public MajorGroupCount Group { get; } = null!;
        public Values Reader { get; } = null!;
    }

    private sealed class Values(Dictionary<string, object?> values)
    {
        public long Long(string name) => Convert.ToInt64(values[name]);
        public decimal? Dec(string name) => values[name] is { } v ? Convert.ToDecimal(v) : null;
    }
}
