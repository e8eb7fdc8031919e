using Analytics.Reports.Building;
using Analytics.Reports.Model;

namespace Analytics.Reports.Products;

/// <summary>Labour-market indicators (metrics.md §4): the scope's row, then its direct children with data.</summary>
public static class IndicatorReport
{
    /// <summary>How an indicator is counted (compliance-and-statistics.md B.3), which fixes its companions.</summary>
    private enum Counted { Flow, Stock, StockWithYtd, Ratio, Share }

    /// <summary>The indicators of metrics.md §4 and B.2 in output order, each followed by its B.3 companions in <see cref="Columns"/>.</summary>
    private static readonly (string Field, string Zh, string En, ColumnKind Kind, Counted Counted)[] Indicators =
    [
        ("demand", "需求人数", "Demand", ColumnKind.Integer, Counted.Flow),
        ("supply", "求职人数", "Supply", ColumnKind.Integer, Counted.Flow),
        ("ratio", "求人倍率", "Demand/supply ratio", ColumnKind.Ratio, Counted.Ratio),
        ("new_employment", "新增就业人数", "New employment", ColumnKind.Integer, Counted.Flow),
        ("new_employment_employee", "其中：单位就业", "of which employees", ColumnKind.Integer, Counted.Flow),
        ("new_employment_flexible", "其中：灵活就业", "of which flexible", ColumnKind.Integer, Counted.Flow),
        ("new_employment_self_employed", "其中：自主创业", "of which self-employed", ColumnKind.Integer, Counted.Flow),
        ("new_employment_public_welfare_post", "其中：公益性岗位", "of which public-welfare posts", ColumnKind.Integer, Counted.Flow),
        ("new_unemployed", "新增失业登记人数", "New unemployment registrations", ColumnKind.Integer, Counted.Flow),
        ("registered_unemployed", "登记失业人数", "Registered unemployed", ColumnKind.Integer, Counted.Stock),
        ("long_term_unemployed", "长期失业人数", "Long-term unemployed", ColumnKind.Integer, Counted.Stock),
        ("long_term_share_pct", "长期失业占比（%）", "Long-term share (%)", ColumnKind.Percent, Counted.Share),
        ("reemployed", "失业人员再就业人数", "Re-employed", ColumnKind.Integer, Counted.Flow),
        ("ui_recipients", "领取失业保险金人数", "UI recipients", ColumnKind.Integer, Counted.StockWithYtd),
        ("ui_paid", "失业保险金发放额", "UI paid", ColumnKind.Money, Counted.Flow),
        ("ui_with_employment", "领金期间已就业待核实人数", "UI recipients with employment, to verify", ColumnKind.Integer, Counted.Stock),
        ("ui_paid_while_employed", "已就业人员领取失业保险金额", "UI paid to recipients with employment", ColumnKind.Money, Counted.Flow),
        ("retirees", "退休人员数", "Retirees", ColumnKind.Integer, Counted.Stock),
        ("retirees_80_plus", "80岁以上退休人员数", "Retirees aged 80+", ColumnKind.Integer, Counted.Stock),
        ("retirees_special", "重点关怀退休人员数", "Retirees needing care", ColumnKind.Integer, Counted.Stock),
        ("new_retirees", "新增退休人员数", "New retirees", ColumnKind.Integer, Counted.Flow),
        ("retiree_deaths", "退休人员死亡人数", "Retiree deaths", ColumnKind.Integer, Counted.Flow),
        ("retiree_transfers_out", "退休人员转出人数", "Retirees transferred out", ColumnKind.Integer, Counted.Flow),
        ("dispatch_headcount", "派遣人数", "Dispatch headcount", ColumnKind.Integer, Counted.Stock),
        ("dispatch_billed", "派遣结算收入", "Dispatch billed revenue", ColumnKind.Money, Counted.Flow),
        ("dispatch_margin", "派遣毛利", "Dispatch gross margin", ColumnKind.Money, Counted.Flow),
    ];

    public static IReadOnlyList<ReportColumn> Columns { get; } =
    [
        new("month", "月份", "Month", ColumnKind.Month),
        new("region_code", "地区代码", "Region code", ColumnKind.Text),
        new("region_name", "地区", "Region", ColumnKind.Text),
        new("is_child", "下级地区", "Child region", ColumnKind.Boolean),
        .. Indicators.SelectMany(i => WithCompanions(i.Field, i.Zh, i.En, i.Kind, i.Counted)),
    ];

    /// <summary>
    /// The indicator, then those of _ly, _yoy_pct, _ytd, _ytd_ly, _ytd_yoy_pct that exist for its kind, in
    /// that order (B.3): a flow has all five, a stock _ly and _yoy_pct (ui_recipients also its distinct
    /// year-to-date count), the ratios differences (_yoy) instead of percentages.
    /// </summary>
    private static IEnumerable<ReportColumn> WithCompanions(string field, string zh, string en, ColumnKind kind, Counted counted)
    {
        var (change, changeDecimals, changeSuffix, changeZh, changeEn) = counted switch
        {
            Counted.Ratio => (ColumnKind.Ratio, 2, "_yoy", "同比增减", "change on last year"),
            Counted.Share => (ColumnKind.Percent, 1, "_yoy", "同比增减（百分点）", "change on last year (points)"),
            _ => (ColumnKind.Percent, 1, "_yoy_pct", "同比增长（%）", "change on last year (%)"),
        };
        yield return new(field, zh, en, kind) { Decimals = kind == ColumnKind.Percent ? 1 : 2 };
        yield return new(field + "_ly", zh + "（上年同月）", en + ", same month last year", kind) { Decimals = kind == ColumnKind.Percent ? 1 : 2 };
        yield return new(field + changeSuffix, zh + changeZh, en + ", " + changeEn, change) { Decimals = changeDecimals };
        if (counted is Counted.Stock or Counted.Share) yield break;
        var ytdZh = counted == Counted.StockWithYtd ? "累计领取人数" : zh + "（1至本月累计）";
        yield return new(field + "_ytd", ytdZh, en + ", year to date", kind);
        yield return new(field + "_ytd_ly", ytdZh + "（上年同期）", en + ", year to date last year", kind);
        yield return new(field + "_ytd" + changeSuffix, ytdZh + changeZh, en + ", year to date, " + changeEn, change) { Decimals = changeDecimals };
    }

    public static ReportTable Build<T>(IEnumerable<T> rows, ReportContext context)
    {
        var table = ReportBuilder.Table($"劳动力市场主要指标（{context.Period}，{context.Scope}）", $"Labour-market indicators, {context.Period}",
            Columns, rows, context.Notes(Method));
        var label = Charts.LabelField(table, "region_name", "region_code");
        return table with { Chart = Charts.Bar(table, table.Rows, "需求人数与求职人数", label, "demand", "supply") };
    }

    private const string Method =
        "需求人数、求职人数与求人倍率口径同职业供求排行（当月）；新增就业为当月就业登记数；登记失业人数为月末在册存量；"
        + "领取失业保险金人数为自登记当月起在领取期内且当月前未终止的人数；退休人员为月末在册人数，80岁以上按月末周岁计算，"
        + "重点关怀指孤寡、重病或特困；派遣指标为范围内项目的合计。首行为所选范围，其后为有数据的直接下级地区（按代码）。"
        + "长期失业人员为月末在册且登记满365天者；领金期间已就业待核实人数为月末仍在登记、登记后至月末有就业登记的领金人员（待核实名单，非认定）。"
        + "上年同月与累计（1月至本月）均按当前数据重新计算；同比增长（%）以未舍入数计算，基数为零或负数时不计算；求人倍率与长期失业占比的同比为差值。";
}
