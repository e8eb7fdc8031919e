using System.Text.Json.Serialization;

namespace Analytics.Warehouse.Marts.Indicators;

// The indicators of compliance-and-statistics.md B.2 and the B.3 companions of every indicator,
// in the order the mart (mart_indicators.sql) returns them; IndicatorService fills them by their
// JSON names, which are the model's column names (a test holds the two lists equal).
// _ly: the same month last year; _yoy_pct: the change on it in percent (null when the base is
// ≤ 0); _ytd: January through the month; _ytd_ly and _ytd_yoy_pct likewise a year earlier.
// ratio_yoy and long_term_share_pct_yoy are differences (in points), not percentages.
public sealed partial record IndicatorRow
{
    [JsonPropertyName("demand_ly")] public long DemandLy { get; init; }
    [JsonPropertyName("demand_yoy_pct")] public decimal? DemandYoyPct { get; init; }
    [JsonPropertyName("demand_ytd")] public long DemandYtd { get; init; }
    [JsonPropertyName("demand_ytd_ly")] public long DemandYtdLy { get; init; }
    [JsonPropertyName("demand_ytd_yoy_pct")] public decimal? DemandYtdYoyPct { get; init; }
    [JsonPropertyName("supply_ly")] public long SupplyLy { get; init; }
    [JsonPropertyName("supply_yoy_pct")] public decimal? SupplyYoyPct { get; init; }
    [JsonPropertyName("supply_ytd")] public long SupplyYtd { get; init; }
    [JsonPropertyName("supply_ytd_ly")] public long SupplyYtdLy { get; init; }
    [JsonPropertyName("supply_ytd_yoy_pct")] public decimal? SupplyYtdYoyPct { get; init; }
    [JsonPropertyName("ratio_ly")] public decimal? RatioLy { get; init; }
    [JsonPropertyName("ratio_yoy")] public decimal? RatioYoy { get; init; }
    [JsonPropertyName("ratio_ytd")] public decimal? RatioYtd { get; init; }
    [JsonPropertyName("ratio_ytd_ly")] public decimal? RatioYtdLy { get; init; }
    [JsonPropertyName("ratio_ytd_yoy")] public decimal? RatioYtdYoy { get; init; }
    [JsonPropertyName("new_employment_ly")] public long NewEmploymentLy { get; init; }
    [JsonPropertyName("new_employment_yoy_pct")] public decimal? NewEmploymentYoyPct { get; init; }
    [JsonPropertyName("new_employment_ytd")] public long NewEmploymentYtd { get; init; }
    [JsonPropertyName("new_employment_ytd_ly")] public long NewEmploymentYtdLy { get; init; }
    [JsonPropertyName("new_employment_ytd_yoy_pct")] public decimal? NewEmploymentYtdYoyPct { get; init; }
    [JsonPropertyName("new_employment_employee_ly")] public long NewEmploymentEmployeeLy { get; init; }
    [JsonPropertyName("new_employment_employee_yoy_pct")] public decimal? NewEmploymentEmployeeYoyPct { get; init; }
    [JsonPropertyName("new_employment_employee_ytd")] public long NewEmploymentEmployeeYtd { get; init; }
    [JsonPropertyName("new_employment_employee_ytd_ly")] public long NewEmploymentEmployeeYtdLy { get; init; }
    [JsonPropertyName("new_employment_employee_ytd_yoy_pct")] public decimal? NewEmploymentEmployeeYtdYoyPct { get; init; }
    [JsonPropertyName("new_employment_flexible_ly")] public long NewEmploymentFlexibleLy { get; init; }
    [JsonPropertyName("new_employment_flexible_yoy_pct")] public decimal? NewEmploymentFlexibleYoyPct { get; init; }
    [JsonPropertyName("new_employment_flexible_ytd")] public long NewEmploymentFlexibleYtd { get; init; }
    [JsonPropertyName("new_employment_flexible_ytd_ly")] public long NewEmploymentFlexibleYtdLy { get; init; }
    [JsonPropertyName("new_employment_flexible_ytd_yoy_pct")] public decimal? NewEmploymentFlexibleYtdYoyPct { get; init; }
    [JsonPropertyName("new_employment_self_employed_ly")] public long NewEmploymentSelfEmployedLy { get; init; }
    [JsonPropertyName("new_employment_self_employed_yoy_pct")] public decimal? NewEmploymentSelfEmployedYoyPct { get; init; }
    [JsonPropertyName("new_employment_self_employed_ytd")] public long NewEmploymentSelfEmployedYtd { get; init; }
    [JsonPropertyName("new_employment_self_employed_ytd_ly")] public long NewEmploymentSelfEmployedYtdLy { get; init; }
    [JsonPropertyName("new_employment_self_employed_ytd_yoy_pct")] public decimal? NewEmploymentSelfEmployedYtdYoyPct { get; init; }
    [JsonPropertyName("new_employment_public_welfare_post_ly")] public long NewEmploymentPublicWelfarePostLy { get; init; }
    [JsonPropertyName("new_employment_public_welfare_post_yoy_pct")] public decimal? NewEmploymentPublicWelfarePostYoyPct { get; init; }
    [JsonPropertyName("new_employment_public_welfare_post_ytd")] public long NewEmploymentPublicWelfarePostYtd { get; init; }
    [JsonPropertyName("new_employment_public_welfare_post_ytd_ly")] public long NewEmploymentPublicWelfarePostYtdLy { get; init; }
    [JsonPropertyName("new_employment_public_welfare_post_ytd_yoy_pct")] public decimal? NewEmploymentPublicWelfarePostYtdYoyPct { get; init; }
    [JsonPropertyName("new_unemployed_ly")] public long NewUnemployedLy { get; init; }
    [JsonPropertyName("new_unemployed_yoy_pct")] public decimal? NewUnemployedYoyPct { get; init; }
    [JsonPropertyName("new_unemployed_ytd")] public long NewUnemployedYtd { get; init; }
    [JsonPropertyName("new_unemployed_ytd_ly")] public long NewUnemployedYtdLy { get; init; }
    [JsonPropertyName("new_unemployed_ytd_yoy_pct")] public decimal? NewUnemployedYtdYoyPct { get; init; }
    [JsonPropertyName("registered_unemployed_ly")] public long RegisteredUnemployedLy { get; init; }
    [JsonPropertyName("registered_unemployed_yoy_pct")] public decimal? RegisteredUnemployedYoyPct { get; init; }
    [JsonPropertyName("long_term_unemployed")] public long LongTermUnemployed { get; init; }
    [JsonPropertyName("long_term_unemployed_ly")] public long LongTermUnemployedLy { get; init; }
    [JsonPropertyName("long_term_unemployed_yoy_pct")] public decimal? LongTermUnemployedYoyPct { get; init; }
    [JsonPropertyName("long_term_share_pct")] public decimal? LongTermSharePct { get; init; }
    [JsonPropertyName("long_term_share_pct_ly")] public decimal? LongTermSharePctLy { get; init; }
    [JsonPropertyName("long_term_share_pct_yoy")] public decimal? LongTermSharePctYoy { get; init; }
    [JsonPropertyName("reemployed_ly")] public long ReemployedLy { get; init; }
    [JsonPropertyName("reemployed_yoy_pct")] public decimal? ReemployedYoyPct { get; init; }
    [JsonPropertyName("reemployed_ytd")] public long ReemployedYtd { get; init; }
    [JsonPropertyName("reemployed_ytd_ly")] public long ReemployedYtdLy { get; init; }
    [JsonPropertyName("reemployed_ytd_yoy_pct")] public decimal? ReemployedYtdYoyPct { get; init; }
    [JsonPropertyName("ui_recipients_ly")] public long UiRecipientsLy { get; init; }
    [JsonPropertyName("ui_recipients_yoy_pct")] public decimal? UiRecipientsYoyPct { get; init; }
    [JsonPropertyName("ui_recipients_ytd")] public long UiRecipientsYtd { get; init; }
    [JsonPropertyName("ui_recipients_ytd_ly")] public long UiRecipientsYtdLy { get; init; }
    [JsonPropertyName("ui_recipients_ytd_yoy_pct")] public decimal? UiRecipientsYtdYoyPct { get; init; }
    [JsonPropertyName("ui_paid_ly")] public decimal UiPaidLy { get; init; }
    [JsonPropertyName("ui_paid_yoy_pct")] public decimal? UiPaidYoyPct { get; init; }
    [JsonPropertyName("ui_paid_ytd")] public decimal UiPaidYtd { get; init; }
    [JsonPropertyName("ui_paid_ytd_ly")] public decimal UiPaidYtdLy { get; init; }
    [JsonPropertyName("ui_paid_ytd_yoy_pct")] public decimal? UiPaidYtdYoyPct { get; init; }
    [JsonPropertyName("ui_with_employment")] public long UiWithEmployment { get; init; }
    [JsonPropertyName("ui_with_employment_ly")] public long UiWithEmploymentLy { get; init; }
    [JsonPropertyName("ui_with_employment_yoy_pct")] public decimal? UiWithEmploymentYoyPct { get; init; }
    [JsonPropertyName("ui_paid_while_employed")] public decimal UiPaidWhileEmployed { get; init; }
    [JsonPropertyName("ui_paid_while_employed_ly")] public decimal UiPaidWhileEmployedLy { get; init; }
    [JsonPropertyName("ui_paid_while_employed_yoy_pct")] public decimal? UiPaidWhileEmployedYoyPct { get; init; }
    [JsonPropertyName("ui_paid_while_employed_ytd")] public decimal UiPaidWhileEmployedYtd { get; init; }
    [JsonPropertyName("ui_paid_while_employed_ytd_ly")] public decimal UiPaidWhileEmployedYtdLy { get; init; }
    [JsonPropertyName("ui_paid_while_employed_ytd_yoy_pct")] public decimal? UiPaidWhileEmployedYtdYoyPct { get; init; }
    [JsonPropertyName("retirees_ly")] public long RetireesLy { get; init; }
    [JsonPropertyName("retirees_yoy_pct")] public decimal? RetireesYoyPct { get; init; }
    [JsonPropertyName("retirees_80_plus_ly")] public long Retirees80PlusLy { get; init; }
    [JsonPropertyName("retirees_80_plus_yoy_pct")] public decimal? Retirees80PlusYoyPct { get; init; }
    [JsonPropertyName("retirees_special_ly")] public long RetireesSpecialLy { get; init; }
    [JsonPropertyName("retirees_special_yoy_pct")] public decimal? RetireesSpecialYoyPct { get; init; }
    [JsonPropertyName("new_retirees")] public long NewRetirees { get; init; }
    [JsonPropertyName("new_retirees_ly")] public long NewRetireesLy { get; init; }
    [JsonPropertyName("new_retirees_yoy_pct")] public decimal? NewRetireesYoyPct { get; init; }
    [JsonPropertyName("new_retirees_ytd")] public long NewRetireesYtd { get; init; }
    [JsonPropertyName("new_retirees_ytd_ly")] public long NewRetireesYtdLy { get; init; }
    [JsonPropertyName("new_retirees_ytd_yoy_pct")] public decimal? NewRetireesYtdYoyPct { get; init; }
    [JsonPropertyName("retiree_deaths")] public long RetireeDeaths { get; init; }
    [JsonPropertyName("retiree_deaths_ly")] public long RetireeDeathsLy { get; init; }
    [JsonPropertyName("retiree_deaths_yoy_pct")] public decimal? RetireeDeathsYoyPct { get; init; }
    [JsonPropertyName("retiree_deaths_ytd")] public long RetireeDeathsYtd { get; init; }
    [JsonPropertyName("retiree_deaths_ytd_ly")] public long RetireeDeathsYtdLy { get; init; }
    [JsonPropertyName("retiree_deaths_ytd_yoy_pct")] public decimal? RetireeDeathsYtdYoyPct { get; init; }
    [JsonPropertyName("retiree_transfers_out")] public long RetireeTransfersOut { get; init; }
    [JsonPropertyName("retiree_transfers_out_ly")] public long RetireeTransfersOutLy { get; init; }
    [JsonPropertyName("retiree_transfers_out_yoy_pct")] public decimal? RetireeTransfersOutYoyPct { get; init; }
    [JsonPropertyName("retiree_transfers_out_ytd")] public long RetireeTransfersOutYtd { get; init; }
    [JsonPropertyName("retiree_transfers_out_ytd_ly")] public long RetireeTransfersOutYtdLy { get; init; }
    [JsonPropertyName("retiree_transfers_out_ytd_yoy_pct")] public decimal? RetireeTransfersOutYtdYoyPct { get; init; }
    [JsonPropertyName("dispatch_headcount_ly")] public long DispatchHeadcountLy { get; init; }
    [JsonPropertyName("dispatch_headcount_yoy_pct")] public decimal? DispatchHeadcountYoyPct { get; init; }
    [JsonPropertyName("dispatch_billed_ly")] public decimal DispatchBilledLy { get; init; }
    [JsonPropertyName("dispatch_billed_yoy_pct")] public decimal? DispatchBilledYoyPct { get; init; }
    [JsonPropertyName("dispatch_billed_ytd")] public decimal DispatchBilledYtd { get; init; }
    [JsonPropertyName("dispatch_billed_ytd_ly")] public decimal DispatchBilledYtdLy { get; init; }
    [JsonPropertyName("dispatch_billed_ytd_yoy_pct")] public decimal? DispatchBilledYtdYoyPct { get; init; }
    [JsonPropertyName("dispatch_margin_ly")] public decimal DispatchMarginLy { get; init; }
    [JsonPropertyName("dispatch_margin_yoy_pct")] public decimal? DispatchMarginYoyPct { get; init; }
    [JsonPropertyName("dispatch_margin_ytd")] public decimal DispatchMarginYtd { get; init; }
    [JsonPropertyName("dispatch_margin_ytd_ly")] public decimal DispatchMarginYtdLy { get; init; }
    [JsonPropertyName("dispatch_margin_ytd_yoy_pct")] public decimal? DispatchMarginYtdYoyPct { get; init; }
}
