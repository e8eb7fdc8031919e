using Analytics.Reports.Building;
using Analytics.Reports.Model;

namespace Analytics.Reports.Products;

/// <summary>Labour-market indicators (metrics.md §4): the scope's row, then its direct children with data.</summary>
public static class IndicatorReport
{
    public static IReadOnlyList<ReportColumn> Columns { get; } =
    [
        new("month", "月份", "Month", ColumnKind.Month),
        new("region_code", "地区代码", "Region code", ColumnKind.Text),
        new("region_name", "地区", "Region", ColumnKind.Text) { Key = true },
        new("is_child", "下级地区", "Child region", ColumnKind.Boolean),
        new("demand", "需求人数", "Demand", ColumnKind.Integer) { Increase = Increase.Good, ShortZh = "招聘需求", ShortEn = "Demand" },
        new("supply", "求职人数", "Supply", ColumnKind.Integer),
        new("ratio", "求人倍率", "Demand/supply ratio", ColumnKind.Ratio) { Increase = Increase.Good },
        new("new_employment", "新增就业人数", "New employment", ColumnKind.Integer) { Increase = Increase.Good, ShortZh = "新增就业", ShortEn = "New employment" },
        new("new_employment_employee", "其中：单位就业", "of which employees", ColumnKind.Integer) { Increase = Increase.Good },
        new("new_employment_flexible", "其中：灵活就业", "of which flexible", ColumnKind.Integer) { Increase = Increase.Good },
        new("new_employment_self_employed", "其中：自主创业", "of which self-employed", ColumnKind.Integer) { Increase = Increase.Good },
        new("new_employment_public_welfare_post", "其中：公益性岗位", "of which public-welfare posts", ColumnKind.Integer) { Increase = Increase.Good },
        new("new_unemployed", "新增失业登记人数", "New unemployment registrations", ColumnKind.Integer) { Increase = Increase.Bad, ShortZh = "新增失业登记", ShortEn = "New unemployed" },
        new("registered_unemployed", "登记失业人数", "Registered unemployed", ColumnKind.Integer) { Increase = Increase.Bad, ShortZh = "登记失业", ShortEn = "Registered unemployed" },
        new("reemployed", "失业人员再就业人数", "Re-employed", ColumnKind.Integer) { Increase = Increase.Good, ShortZh = "再就业", ShortEn = "Re-employed" },
        new("ui_recipients", "领取失业保险金人数", "UI recipients", ColumnKind.Integer) { Increase = Increase.Bad, ShortZh = "领取失业保险金", ShortEn = "UI recipients" },
        new("ui_paid", "失业保险金发放额", "UI paid", ColumnKind.Money) { Increase = Increase.Bad, ShortZh = "失业保险金发放", ShortEn = "UI paid" },
        new("retirees", "退休人员数", "Retirees", ColumnKind.Integer) { ShortZh = "退休人员", ShortEn = "Retirees" },
        new("retirees_80_plus", "80岁以上退休人员数", "Retirees aged 80+", ColumnKind.Integer) { ShortZh = "80岁以上退休人员", ShortEn = "Retirees 80+" },
        new("retirees_special", "重点关怀退休人员数", "Retirees needing care", ColumnKind.Integer) { ShortZh = "重点关怀退休人员", ShortEn = "Retirees needing care" },
        new("dispatch_headcount", "派遣人数", "Dispatch headcount", ColumnKind.Integer),
        new("dispatch_billed", "派遣结算收入", "Dispatch billed revenue", ColumnKind.Money) { Increase = Increase.Good, ShortZh = "派遣结算收入", ShortEn = "Dispatch billed" },
        new("dispatch_margin", "派遣毛利", "Dispatch gross margin", ColumnKind.Money) { Increase = Increase.Good, ShortZh = "派遣毛利", ShortEn = "Dispatch margin" },
    ];

    /// <summary>One indicator's definition (header, card label, kind, whether a rise is good news), e.g. for an overview card.</summary>
    public static ReportColumn Column(string field) => Columns.Single(column => column.Field == field);

    public static ReportTable Build<T>(IEnumerable<T> rows, ReportContext context)
    {
        var table = ReportBuilder.Table($"劳动力市场主要指标（{context.Period}，{context.Scope}）", $"Labour-market indicators, {context.Period}",
            Columns, rows, context.Notes(Method));
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

    private const string Method =
        "需求人数、求职人数与求人倍率口径同职业供求排行（当月）；新增就业为当月就业登记数；登记失业人数为月末在册存量；"
        + "领取失业保险金人数为自登记当月起在领取期内且当月前未终止的人数；退休人员为月末在册人数，80岁以上按月末周岁计算，"
        + "重点关怀指孤寡、重病或特困；派遣指标为范围内项目的合计。首行为所选范围，其后为有数据的直接下级地区（按代码）。";
}
