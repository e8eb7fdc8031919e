using Analytics.Warehouse.Marts.Indicators;

namespace Analytics.Dashboards.Ui;

/// <summary>One indicator card: its figure and its change against last month, written in the figure's unit.</summary>
public sealed record IndicatorCard(string Field, string Label, string Value, decimal? Delta, string DeltaText)
{
    /// <summary>up/down and good/bad/neutral (<see cref="IndicatorSense"/>).</summary>
    public string DeltaClasses => IndicatorSense.Classes(Field, Delta);
}

/// <summary>
/// The month's indicator cards, shared by the overview (all of them) and the wall screen (a few, large):
/// one label, one format and one change per indicator, so the two screens cannot disagree.
/// </summary>
public static class IndicatorCards
{
    public static IReadOnlyList<IndicatorCard> Of(UiContext ui, IndicatorRow c, IndicatorRow? p)
    {
        IndicatorCard Card(string field, string zh, string en, string value, decimal? delta, Func<decimal, string> unit) =>
            new(field, ui.T(zh, en), value, delta, delta switch
            {
                null => ui.T("上月无数据", "no previous month"),
                0 => ui.T("与上月持平", "same as last month"),
                > 0 => $"▲ {unit(delta.Value)} " + ui.T("较上月", "vs last month"),
                _ => $"▼ {unit(-delta.Value)} " + ui.T("较上月", "vs last month"),
            });
        IndicatorCard Count(string field, string zh, string en, Func<IndicatorRow, long> get) =>
            Card(field, zh, en, ui.Count(get(c)), p is null ? null : get(c) - get(p), d => ui.Count((long)d));
        IndicatorCard Money(string field, string zh, string en, Func<IndicatorRow, decimal> get) =>
            Card(field, zh, en, ui.MoneyCompact(get(c)), p is null ? null : get(c) - get(p), d => ui.MoneyCompact(d));
        return
        [
            Count("demand", "招聘需求人数", "Demand", r => r.Demand),
            Count("supply", "求职人数", "Supply", r => r.Supply),
            Card("ratio", "求人倍率", "Demand/supply ratio", ui.Ratio(c.Ratio), c.Ratio is null || p?.Ratio is null ? null : c.Ratio - p.Ratio, d => ui.Ratio(d)),
            Count("new_employment", "新增就业", "New employment", r => r.NewEmployment),
            Count("new_unemployed", "新增失业登记", "New unemployed", r => r.NewUnemployed),
            Count("registered_unemployed", "登记失业人数", "Registered unemployed", r => r.RegisteredUnemployed),
            Count("reemployed", "再就业", "Re-employed", r => r.Reemployed),
            Count("ui_recipients", "领取失业保险金", "UI recipients", r => r.UiRecipients),
            Money("ui_paid", "失业保险金支出", "UI paid", r => r.UiPaid),
            Count("retirees", "退休人员", "Retirees", r => r.Retirees),
            Count("retirees_80_plus", "80岁以上", "Aged 80+", r => r.Retirees80Plus),
            Count("retirees_special", "重点关怀", "Special care", r => r.RetireesSpecial),
            Count("dispatch_headcount", "派遣人数", "Dispatched workers", r => r.DispatchHeadcount),
            Money("dispatch_billed", "派遣结算额", "Dispatch billed", r => r.DispatchBilled),
        ];
    }
}
