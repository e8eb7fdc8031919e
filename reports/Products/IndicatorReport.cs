using Analytics.Reports.Building;
using Analytics.Reports.Model;

namespace Analytics.Reports.Products;

/// <summary>Labour-market indicators (metrics.md §4): the scope's row, then its direct children with data.</summary>
public static class IndicatorReport
{
    /// <summary>How an indicator is counted (compliance-and-statistics.md B.3), which fixes its companions.</summary>
    private enum Counted { Flow, Stock, StockWithYtd, Ratio, Share }

    /// <summary>The indicators of metrics.md §4 and B.2 in output order, each followed by its B.3 companions in <see cref="Columns"/>.</summary>
    private static readonly (ReportColumn Column, Counted Counted)[] Indicators =
    [
        (new("demand", "需求人数", "Demand", ColumnKind.Integer) { Increase = Increase.Good, ShortZh = "招聘需求", ShortEn = "Demand" }, Counted.Flow),
        (new("supply", "求职人数", "Supply", ColumnKind.Integer), Counted.Flow),
        (new("ratio", "求人倍率", "Demand/supply ratio", ColumnKind.Ratio) { Increase = Increase.Good }, Counted.Ratio),
        (new("new_employment", "新增就业人数", "New employment", ColumnKind.Integer) { Increase = Increase.Good, ShortZh = "新增就业", ShortEn = "New employment" }, Counted.Flow),
        (new("new_employment_employee", "其中：单位就业", "of which employees", ColumnKind.Integer) { Increase = Increase.Good }, Counted.Flow),
        (new("new_employment_flexible", "其中：灵活就业", "of which flexible", ColumnKind.Integer) { Increase = Increase.Good }, Counted.Flow),
        (new("new_employment_self_employed", "其中：自主创业", "of which self-employed", ColumnKind.Integer) { Increase = Increase.Good }, Counted.Flow),
        (new("new_employment_public_welfare_post", "其中：公益性岗位", "of which public-welfare posts", ColumnKind.Integer) { Increase = Increase.Good }, Counted.Flow),
        (new("new_unemployed", "新增失业登记人数", "New unemployment registrations", ColumnKind.Integer) { Increase = Increase.Bad, ShortZh = "新增失业登记", ShortEn = "New unemployed" }, Counted.Flow),
        (new("registered_unemployed", "登记失业人数", "Registered unemployed", ColumnKind.Integer) { Increase = Increase.Bad, ShortZh = "登记失业", ShortEn = "Registered unemployed" }, Counted.Stock),
        (new("long_term_unemployed", "长期失业人数", "Long-term unemployed", ColumnKind.Integer) { Increase = Increase.Bad }, Counted.Stock),
        (new("long_term_share_pct", "长期失业占比（%）", "Long-term share (%)", ColumnKind.Percent) { Increase = Increase.Bad }, Counted.Share),
        (new("reemployed", "失业人员再就业人数", "Re-employed", ColumnKind.Integer) { Increase = Increase.Good, ShortZh = "再就业", ShortEn = "Re-employed" }, Counted.Flow),
        (new("ui_recipients", "领取失业保险金人数", "UI recipients", ColumnKind.Integer) { Increase = Increase.Bad, ShortZh = "领取失业保险金", ShortEn = "UI recipients" }, Counted.StockWithYtd),
        (new("ui_paid", "失业保险金发放额", "UI paid", ColumnKind.Money) { Increase = Increase.Bad, ShortZh = "失业保险金发放", ShortEn = "UI paid" }, Counted.Flow),
        (new("ui_with_employment", "领金期间已就业待核实人数", "UI recipients with employment, to verify", ColumnKind.Integer) { Increase = Increase.Bad }, Counted.Stock),
        (new("ui_paid_while_employed", "已就业人员领取失业保险金额", "UI paid to recipients with employment", ColumnKind.Money) { Increase = Increase.Bad }, Counted.Flow),
        (new("retirees", "退休人员数", "Retirees", ColumnKind.Integer) { ShortZh = "退休人员", ShortEn = "Retirees" }, Counted.Stock),
        (new("retirees_80_plus", "80岁以上退休人员数", "Retirees aged 80+", ColumnKind.Integer) { ShortZh = "80岁以上退休人员", ShortEn = "Retirees 80+" }, Counted.Stock),
        (new("retirees_special", "重点关怀退休人员数", "Retirees needing care", ColumnKind.Integer) { ShortZh = "重点关怀退休人员", ShortEn = "Retirees needing care" }, Counted.Stock),
        (new("new_retirees", "新增退休人员数", "New retirees", ColumnKind.Integer), Counted.Flow),
        (new("retiree_deaths", "退休人员死亡人数", "Retiree deaths", ColumnKind.Integer), Counted.Flow),
        (new("retiree_transfers_out", "退休人员转出人数", "Retirees transferred out", ColumnKind.Integer), Counted.Flow),
        (new("dispatch_headcount", "派遣人数", "Dispatch headcount", ColumnKind.Integer), Counted.Stock),
        (new("dispatch_billed", "派遣结算收入", "Dispatch billed revenue", ColumnKind.Money) { Increase = Increase.Good, ShortZh = "派遣结算收入", ShortEn = "Dispatch billed" }, Counted.Flow),
        (new("dispatch_margin", "派遣毛利", "Dispatch gross margin", ColumnKind.Money) { Increase = Increase.Good, ShortZh = "派遣毛利", ShortEn = "Dispatch margin" }, Counted.Flow),
    ];

    public static IReadOnlyList<ReportColumn> Columns { get; } =
    [
        new("month", "月份", "Month", ColumnKind.Month),
        new("region_code", "地区代码", "Region code", ColumnKind.Text),
        new("region_name", "地区", "Region", ColumnKind.Text) { Key = true },
        new("is_child", "下级地区", "Child region", ColumnKind.Boolean),
        .. Indicators.SelectMany(i => WithCompanions(i.Column, i.Counted)),
    ];

    /// <summary>
    /// The indicator, then those of _ly, _yoy_pct, _ytd, _ytd_ly, _ytd_yoy_pct that exist for its kind, in
    /// that order (B.3): a flow has all five, a stock _ly and _yoy_pct (ui_recipients also its distinct
    /// year-to-date count), the ratios differences (_yoy) instead of percentages.
    /// </summary>
    private static IEnumerable<ReportColumn> WithCompanions(ReportColumn indicator, Counted counted)
    {
        var (field, zh, en, kind, increase) = (indicator.Field, indicator.HeaderZh, indicator.HeaderEn, indicator.Kind, indicator.Increase);
        var (change, changeDecimals, changeSuffix, changeZh, changeEn) = counted switch
        {
            Counted.Ratio => (ColumnKind.Ratio, 2, "_yoy", "同比增减", "change on last year"),
            Counted.Share => (ColumnKind.Percent, 1, "_yoy", "同比增减（百分点）", "change on last year (points)"),
            _ => (ColumnKind.Percent, 1, "_yoy_pct", "同比增长（%）", "change on last year (%)"),
        };
        yield return indicator with { Decimals = kind == ColumnKind.Percent ? 1 : 2 };
        yield return new(field + "_ly", zh + "（上年同月）", en + ", same month last year", kind) { Decimals = kind == ColumnKind.Percent ? 1 : 2, Increase = increase };
        yield return new(field + changeSuffix, zh + changeZh, en + ", " + changeEn, change) { Decimals = changeDecimals, Increase = increase };
        if (counted is Counted.Stock or Counted.Share) yield break;
        var ytdZh = counted == Counted.StockWithYtd ? "累计领取人数" : zh + "（1至本月累计）";
        yield return new(field + "_ytd", ytdZh, en + ", year to date", kind) { Increase = increase };
        yield return new(field + "_ytd_ly", ytdZh + "（上年同期）", en + ", year to date last year", kind) { Increase = increase };
        yield return new(field + "_ytd" + changeSuffix, ytdZh + changeZh, en + ", year to date, " + changeEn, change) { Decimals = changeDecimals, Increase = increase };
    }

    /// <summary>One indicator's definition (header, card label, kind, whether a rise is good news), e.g. for an overview card.</summary>
    public static ReportColumn Column(string field) => Columns.Single(column => column.Field == field);

    public static ReportTable Build<T>(IEnumerable<T> rows, ReportContext context)
    {
        var table = ReportBuilder.Table($"劳动力市场主要指标（{context.Period}，{context.Scope}）", $"Labour-market indicators, {context.Period}",
            Columns, rows, context.Notes(Method, MethodEn));
        table = table with { Rows = table.Rows.Select(row => NameAllRegions(table, row)).ToArray() };
        var label = Charts.LabelField(table, "region_name", "region_code");
        return table with { Chart = Charts.Bar(table, table.Rows, "需求人数与求职人数", label, "demand", "supply") };
    }

    /// <summary>The scope row of all regions (region_code null) is named 全部地区 in every format, as titles name it.</summary>
    private static ReportRow NameAllRegions(ReportTable table, ReportRow row)
    {
        var (code, name, child) = (table.IndexOf("region_code"), table.IndexOf("region_name"), table.IndexOf("is_child"));
        if (code < 0 || name < 0 || row.Values[code] is not null || row.Values[name] is not null || child >= 0 && row.Values[child] is true) return row;
        var values = row.Values.ToArray();
        values[name] = RegionNames.All;
        return row with { Values = values };
    }

    private const string MethodEn =
        "Demand, job seekers and the demand/supply ratio as in the occupation rankings (the month); new employment is the month's employment registrations; "
        + "registered unemployed is the stock at month end; unemployment-insurance recipients are those within their benefit period from the month of registration "
        + "and not ended before the month; retirees are those on the register at month end, aged 80+ by age at month end, priority care meaning living alone, "
        + "seriously ill or in extreme hardship; dispatch figures are the sums over the scope's projects. The first row is the chosen scope, then its direct "
        + "child regions with data (by code). Long-term unemployed: on the register at month end and registered for 365 days or more; recipients to verify: "
        + "benefit recipients still registered at month end with an employment registration since (a list to check, not a finding). "
        + "Same month last year and year to date (January to the month) are recomputed from current data; year-on-year growth (%) uses unrounded figures "
        + "and is not computed on a zero or negative base; for the ratio and the long-term share the change is a difference.";

    private const string Method =
        "需求人数、求职人数与求人倍率口径同职业供求排行（当月）；新增就业为当月就业登记数；登记失业人数为月末在册存量；"
        + "领取失业保险金人数为自登记当月起在领取期内且当月前未终止的人数；退休人员为月末在册人数，80岁以上按月末周岁计算，"
        + "重点关怀指孤寡、重病或特困；派遣指标为范围内项目的合计。首行为所选范围，其后为有数据的直接下级地区（按代码）。"
        + "长期失业人员为月末在册且登记满365天者；领金期间已就业待核实人数为月末仍在登记、登记后至月末有就业登记的领金人员（待核实名单，非认定）。"
        + "上年同月与累计（1月至本月）均按当前数据重新计算；同比增长（%）以未舍入数计算，基数为零或负数时不计算；求人倍率与长期失业占比的同比为差值。";
}
