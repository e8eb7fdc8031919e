using Analytics.Warehouse.DuckDb;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Serialization;

namespace Analytics.Warehouse.Marts.Indicators;

/// <summary>
/// Labour-market indicators of one month for one area (metrics.md §4). The first row of a
/// result is the scope itself (IsChild false; RegionCode null for the whole country), then its
/// direct children with any data. The B.2 indicators and every B.3 companion (last year, year
/// to date) are the init properties of IndicatorRow.YearOnYear.cs.
/// </summary>
public sealed partial record IndicatorRow(
    string? RegionCode,
    string? RegionName,
    bool IsChild,
    long Demand,
    long Supply,
    decimal? Ratio,
    long NewEmployment,
    long NewEmploymentEmployee,
    long NewEmploymentFlexible,
    long NewEmploymentSelfEmployed,
    long NewEmploymentPublicWelfarePost,
    long NewUnemployed,
    long RegisteredUnemployed,
    long Reemployed,
    long UiRecipients,
    decimal UiPaid,
    long Retirees,
    [property: System.Text.Json.Serialization.JsonPropertyName("retirees_80_plus")] long Retirees80Plus,
    long RetireesSpecial,
    long DispatchHeadcount,
    decimal DispatchBilled,
    decimal DispatchMargin);

/// <summary>One month of the overview's trend lines.</summary>
public sealed record IndicatorTrendPoint(DateOnly Month, long Demand, long Supply, long NewEmployment);

/// <summary>The policymaker's monthly indicators (model: mart_indicators.sql).</summary>
public sealed class IndicatorService(DuckDbDataSource catalog, MetricsOptions? options = null)
{
    private readonly MetricsOptions _options = options ?? new MetricsOptions();

    /// <param name="month">the first day of the month, e.g. ReportingPeriod.ParseMonth("2026-09")</param>
    public IReadOnlyList<IndicatorRow> GetMonthly(DateOnly month, string? regionCode = null, CancellationToken cancellationToken = default) =>
        catalog.Use(db =>
        {
            var first = new DateOnly(month.Year, month.Month, 1);
            var lastYear = first.AddMonths(-12);
            return MartQuery.Run(db, "mart_indicators", new Dictionary<string, object?>
            {
                ["month_start"] = first,
                ["month_end"] = first.AddMonths(1),
                ["last_day"] = first.AddMonths(1).AddDays(-1),
                ["ly_start"] = lastYear,
                ["ly_end"] = lastYear.AddMonths(1),
                ["ly_last_day"] = lastYear.AddMonths(1).AddDays(-1),
                ["year_start"] = new DateOnly(first.Year, 1, 1),
                ["ly_year_start"] = new DateOnly(lastYear.Year, 1, 1),
                ["scope"] = RegionScope.Validate(db, regionCode),
                ["long_term_days"] = _options.LongTermUnemployedDays,
                ["si_base_pct"] = _options.SiBasePct,
                ["surtax_rate"] = _options.SurtaxRate,
            }, Map, cancellationToken);
        });

    /// <summary>Demand, supply and new employment per month over a range, for the trend lines (model: mart_indicator_trend.sql).</summary>
    public IReadOnlyList<IndicatorTrendPoint> GetTrend(MonthRange months, string? regionCode = null, CancellationToken cancellationToken = default) =>
        catalog.Use(db => MartQuery.Run(db, "mart_indicator_trend", new Dictionary<string, object?>
        {
            ["first_month"] = months.First,
            ["end_month"] = months.End,
            ["scope"] = RegionScope.Validate(db, regionCode),
        }, r => new IndicatorTrendPoint(r.Field<DateOnly>("month"), r.Field<long>("demand"), r.Field<long>("supply"), r.Field<long>("new_employment")),
            cancellationToken));

    /// <summary>The init properties of IndicatorRow.YearOnYear.cs, each filled from the model column of its JSON name.</summary>
    private static readonly (PropertyInfo Property, string Column, Type Type)[] Companions =
        typeof(IndicatorRow).GetProperties()
            .Select(p => (Property: p, Name: p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name))
            .Where(p => p.Name is not null && p.Property.SetMethod is not null && p.Property.Name != nameof(IndicatorRow.Retirees80Plus))
            .Select(p => (p.Property, p.Name!, Nullable.GetUnderlyingType(p.Property.PropertyType) ?? p.Property.PropertyType))
            .ToArray();

    private static IndicatorRow Map(MartRow r)
    {
        var row = MapBase(r);
        foreach (var (property, column, type) in Companions)
        {
            var value = r.Field<object>(column) is { } raw ? ExactResults.Normalize(raw) : null;
            property.SetValue(row, value is null ? null : Convert.ChangeType(value, type, CultureInfo.InvariantCulture));
        }
        return row;
    }

    private static IndicatorRow MapBase(MartRow r) => new(
        r.Field<string>("region_code"), r.Field<string>("region_name"), r.Field<bool>("is_child"),
        r.Field<long>("demand"), r.Field<long>("supply"), r.Field<decimal?>("ratio"),
        r.Field<long>("new_employment"), r.Field<long>("new_employment_employee"), r.Field<long>("new_employment_flexible"),
        r.Field<long>("new_employment_self_employed"), r.Field<long>("new_employment_public_welfare_post"),
        r.Field<long>("new_unemployed"), r.Field<long>("registered_unemployed"), r.Field<long>("reemployed"),
        r.Field<long>("ui_recipients"), r.Field<decimal>("ui_paid"),
        r.Field<long>("retirees"), r.Field<long>("retirees_80_plus"), r.Field<long>("retirees_special"),
        r.Field<long>("dispatch_headcount"), r.Field<decimal>("dispatch_billed"), r.Field<decimal>("dispatch_margin"));
}
