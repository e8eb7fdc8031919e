using System.Globalization;
using System.Text.Json.Nodes;
using Analytics.Reports.Model;
using Analytics.Warehouse.Marts.Rankings;

namespace Analytics.Reports.Products;

/// <summary>
/// The release figures of a ranking (compliance-and-statistics.md C and C2): one JSON object; in the
/// other formats a two-column table of figure and value, the object's leaves by dotted path
/// (<c>top_entering.1.rank</c>, arrays counted from 1). Occupations are codes in JSON and CSV, code and
/// name in XLSX and HTML. <see cref="Remarks"/> states the same figures as sentences for the ranking's notes.
/// </summary>
public static class ReleaseReport
{
    /// <summary>The object publish release writes as JSON: context, totals and changes, counts, then the lists.</summary>
    public static JsonObject Document(RankingRelease r)
    {
        JsonArray Codes(IEnumerable<ListedOccupation> occupations) => new(occupations.Select(o => (JsonNode?)JsonValue.Create(o.OccupationCode)).ToArray());
        JsonArray Movers(IEnumerable<TopMover> movers) => new(movers.Select(m => (JsonNode?)new JsonObject
        {
            ["occupation_code"] = m.OccupationCode, ["rank"] = m.Rank, ["previous_rank"] = m.PreviousRank,
        }).ToArray());
        return new JsonObject
        {
            ["kind"] = r.Kind == RankingKind.Shortage ? "shortage" : "surplus",
            ["period"] = r.Period.Label,
            ["previous_period"] = r.PreviousPeriod.Label,
            ["region_code"] = r.RegionCode,
            ["top"] = r.Top,
            ["k"] = r.K,
            ["demand_total"] = r.DemandTotal, ["supply_total"] = r.SupplyTotal, ["gap_total"] = r.GapTotal, ["ratio_total"] = r.RatioTotal,
            ["demand_total_prev"] = r.DemandTotalPrev, ["supply_total_prev"] = r.SupplyTotalPrev,
            ["gap_total_prev"] = r.GapTotalPrev, ["ratio_total_prev"] = r.RatioTotalPrev,
            ["demand_change_pct"] = r.DemandChangePct, ["supply_change_pct"] = r.SupplyChangePct,
            ["gap_change_pct"] = r.GapChangePct, ["ratio_change"] = r.RatioChange,
            ["listed"] = r.Listed, ["listed_prev"] = r.ListedPrev,
            ["newly_listed"] = r.NewlyListed, ["dropped"] = r.Dropped,
            ["moved_up"] = r.MovedUp, ["moved_down"] = r.MovedDown, ["unchanged"] = r.Unchanged,
            ["newly_listed_occupations"] = Codes(r.NewlyListedOccupations),
            ["dropped_occupations"] = Codes(r.DroppedOccupations),
            ["top_entering"] = Movers(r.TopEntering),
            ["top_leaving"] = Movers(r.TopLeaving),
            ["major_groups"] = new JsonArray(r.MajorGroups.Select(g => (JsonNode?)new JsonObject
            {
                ["group"] = g.Group, ["name"] = g.Name, ["listed"] = g.Listed, ["listed_prev"] = g.ListedPrev,
                ["change"] = g.Change, ["share_pct"] = g.SharePct,
            }).ToArray()),
        };
    }

    public static ReportTable Build(RankingRelease release, ReportContext context)
    {
        var document = Document(release);
        var occupations = release.NewlyListedOccupations.Concat(release.DroppedOccupations)
            .Concat(release.TopEntering.Concat(release.TopLeaving).Select(m => new ListedOccupation(m.OccupationCode, m.OccupationName)))
            .DistinctBy(o => o.OccupationCode)
            .ToDictionary(o => o.OccupationCode, o => o.OccupationName is null ? o.OccupationCode : $"{o.OccupationCode} {o.OccupationName}");
        var leaves = Leaves(document, "").ToArray();
        var columns = new ReportColumn[]
        {
            new("figure", "指标", "Figure", ColumnKind.Text) { Labels = leaves.ToDictionary(l => l.Path, l => FigureZh(l.Path, release.K)) },
            new("value", "数值", "Value", ColumnKind.Text) { Labels = occupations },
        };
        var rows = leaves.Select(l => new ReportRow([l.Path, l.Value], Suppressed: false)).ToArray();
        var shortage = release.Kind == RankingKind.Shortage;
        var name = shortage ? "最缺工职业排行" : "求职大于招聘职业排行";
        return new ReportTable($"{name}发布口径（{context.Period}，{context.Scope}）", $"Release figures of the {(shortage ? "shortage" : "surplus")} ranking, {context.Period}",
            columns, rows, context.Notes(Method, MethodEn) with { Remarks = Remarks(release) })
        {
            Document = document,
        };
    }

    /// <summary>The object's scalar leaves in order, by dotted path; numbers as invariant text, null as null.</summary>
    private static IEnumerable<(string Path, string? Value)> Leaves(JsonNode? node, string path) => node switch
    {
        JsonObject o => o.SelectMany(p => Leaves(p.Value, path.Length == 0 ? p.Key : $"{path}.{p.Key}")),
        JsonArray a => a.SelectMany((item, i) => Leaves(item, $"{path}.{i + 1}")),
        null => [(path, null)],
        JsonValue v when v.TryGetValue<string>(out var text) => [(path, text)],
        _ => [(path, node.ToJsonString())],
    };

    private static readonly Dictionary<string, string> Names = new()
    {
        ["kind"] = "排行类别", ["period"] = "本期", ["previous_period"] = "上期", ["region_code"] = "地区代码", ["top"] = "列示职业数上限", ["k"] = "前k名",
        ["demand_total"] = "需求人数合计", ["supply_total"] = "求职人数合计", ["gap_total"] = "缺口数合计", ["ratio_total"] = "总体求人倍率",
        ["demand_total_prev"] = "上期需求人数合计", ["supply_total_prev"] = "上期求职人数合计", ["gap_total_prev"] = "上期缺口数合计",
        ["ratio_total_prev"] = "上期总体求人倍率", ["demand_change_pct"] = "需求人数合计增减（%）", ["supply_change_pct"] = "求职人数合计增减（%）",
        ["gap_change_pct"] = "缺口数合计增减（%）", ["ratio_change"] = "总体求人倍率增减", ["listed"] = "列入职业数", ["listed_prev"] = "上期列入职业数",
        ["newly_listed"] = "新进职业数", ["dropped"] = "退出职业数", ["moved_up"] = "排名上升职业数", ["moved_down"] = "排名下降职业数", ["unchanged"] = "排名不变职业数",
        ["newly_listed_occupations"] = "新进职业", ["dropped_occupations"] = "退出职业", ["top_entering"] = "进入前k名", ["top_leaving"] = "退出前k名",
        ["major_groups"] = "按大类", ["occupation_code"] = "职业", ["rank"] = "本期排名", ["previous_rank"] = "上期排名",
        ["group"] = "大类", ["name"] = "大类名称", ["change"] = "增减", ["share_pct"] = "占比（%）",
    };

    private static string FigureZh(string path, int k) => string.Join("·", path.Split('.').Select(part =>
        int.TryParse(part, out var n) ? $"第{n}项" : Names.GetValueOrDefault(part, part).Replace("前k名", $"前{k}名")));

    private const string MethodEn =
        "Release basis: this period's listed occupations are compared with the list released last period (same length, scope and thresholds, each on its own "
        + "period's data), not the same occupations in both. Totals are sums over the listed occupations; change (%) = (this ÷ last − 1) × 100, not computed "
        + "when the last list is empty or its total is not above 0; the ratio's change is the difference of the two published (two-decimal) values. "
        + "New entries were not listed last period, exits were listed last period and are not now; entering/leaving the top k compares this and last period's ranks.";

    private const string Method =
        "发布口径：本期列入职业与上期发布的列表（相同长度、范围与阈值，各按本期数据）比较，不是同一批职业的比较。"
        + "合计为列入职业之和；增减（%）= (本期 ÷ 上期 − 1) × 100，上期列表为空或上期合计不大于0时不计算；求人倍率增减为两期公布值（两位小数）之差。"
        + "新进为上期未列入的职业，退出为上期列入而本期未列入的职业；进入/退出前k名按本期与上期排名判断。";

    /// <summary>The figures as sentences, for the ranking's XLSX notes and HTML footer ("本期特点").</summary>
    public static IReadOnlyList<string> Remarks(RankingRelease r)
    {
        string Count(long value) => value.ToString("#,##0", CultureInfo.InvariantCulture);
        string Change(decimal? pct) => pct switch { null => "无可比上期", > 0 => $"增长{pct:0.0}%", < 0 => $"下降{-pct:0.0}%", _ => "持平" };
        string Ratio(decimal? ratio) => ratio?.ToString("0.00", CultureInfo.InvariantCulture) ?? "—";
        string Name(string code, string? name) => name is null ? code : $"{code} {name}";
        string Rank(int? rank) => rank is { } n ? $"第{n}名" : "未列入";
        var lines = new List<string>
        {
            $"本期特点：列入职业{r.Listed}个（上期{r.ListedPrev}个），需求人数合计{Count(r.DemandTotal)}人（上期{Count(r.DemandTotalPrev)}人，{Change(r.DemandChangePct)}），"
            + $"求职人数合计{Count(r.SupplyTotal)}人（上期{Count(r.SupplyTotalPrev)}人，{Change(r.SupplyChangePct)}），"
            + $"缺口数合计{Count(r.GapTotal)}人（上期{Count(r.GapTotalPrev)}人，{Change(r.GapChangePct)}），"
            + $"总体求人倍率{Ratio(r.RatioTotal)}（上期{Ratio(r.RatioTotalPrev)}"
            + (r.RatioChange is { } change ? $"，{(change >= 0 ? "+" : "")}{change:0.00}）。" : "）。"),
            $"新进{r.NewlyListed}个" + (r.NewlyListed > 0 ? "：" + string.Join("、", r.NewlyListedOccupations.Select(o => Name(o.OccupationCode, o.OccupationName))) : "")
            + $"；退出{r.Dropped}个" + (r.Dropped > 0 ? "：" + string.Join("、", r.DroppedOccupations.Select(o => Name(o.OccupationCode, o.OccupationName))) : "")
            + $"；排名上升{r.MovedUp}个、下降{r.MovedDown}个、不变{r.Unchanged}个。",
            $"进入前{r.K}名：" + (r.TopEntering.Count == 0 ? "无" : string.Join("、", r.TopEntering.Select(m => $"{Name(m.OccupationCode, m.OccupationName)}（{Rank(m.Rank)}，上期{Rank(m.PreviousRank)}）")))
            + $"；退出前{r.K}名：" + (r.TopLeaving.Count == 0 ? "无" : string.Join("、", r.TopLeaving.Select(m => $"{Name(m.OccupationCode, m.OccupationName)}（上期{Rank(m.PreviousRank)}，本期{Rank(m.Rank)}）"))) + "。",
        };
        if (r.MajorGroups.Count > 0)
            lines.Add("列入职业按大类：" + string.Join("；", r.MajorGroups.Select(g =>
                $"第{g.Group}大类（{g.Name ?? "未知"}）{g.Listed}个（上期{g.ListedPrev}个，{(g.Change > 0 ? "+" : "")}{g.Change}，占{g.SharePct?.ToString("0.0", CultureInfo.InvariantCulture) ?? "—"}%）")) + "。");
        return lines;
    }
}
