using Analytics.Warehouse.DuckDb;
using System.Data.Common;

namespace Analytics.Warehouse.Marts.Wages;

/// <summary>
/// One row of the wage guidance table (metrics.md §2). Level is "occupation" or "minor_group"
/// (the pooled row of a minor group with a suppressed occupation; OccupationCode is then the
/// group code x-xx-xx). Quantiles and mean are unrounded (round to whole yuan when shown) and
/// null when Suppressed. RegionCode is the scope (null = all regions).
/// </summary>
public sealed record WageGuidanceRow(
    string OccupationCode,
    string? OccupationName,
    string? RegionCode,
    int N,
    decimal? P10,
    decimal? P25,
    decimal? P50,
    decimal? P75,
    decimal? P90,
    decimal? Mean,
    bool Suppressed,
    decimal? ChangePct,
    string Level);

/// <summary>The table for year Y; EmptyReason says why Rows is empty (null when there are rows).</summary>
public sealed record WageGuidance(int Year, string? RegionCode, IReadOnlyList<WageGuidanceRow> Rows, PublicationNotes Notes, string? EmptyReason = null);

/// <summary>Market wage guidance (市场工资价位), model: mart_wage_guidance.sql.</summary>
public sealed class WageGuidanceService(DuckDbDataSource catalog, MetricsOptions? options = null)
{
    private readonly MetricsOptions _options = options ?? new MetricsOptions();

    /// <summary>The years a wage sample may be asked for (the command line checks <c>--year</c> against them before it opens anything).</summary>
    public const int FirstYear = 1900, LastYear = 9999;

    public WageGuidance GetGuidance(int year, string? regionCode = null, CancellationToken cancellationToken = default) =>
        catalog.Use(db =>
        {
            if (year is < FirstYear or > LastYear) throw new MartValidationException($"Year {year} is out of range.");
            var scope = RegionScope.Validate(db, regionCode);
            var rows = MartQuery.Run(db, "mart_wage_guidance", new Dictionary<string, object?>
            {
                ["year"] = year,
                ["scope"] = scope,
                ["iqr_factor"] = _options.IqrFactor,
                ["min_sample"] = _options.MinSample,
            }, Map, cancellationToken);
            return new WageGuidance(year, scope, rows, Notes(db), rows.Count == 0
                ? $"No full-time placement with a monthly wage in {year} for {(scope is null ? "all regions" : $"region {scope}")}."
                : null);
        });

    private static WageGuidanceRow Map(MartRow r) => new(
        r.Field<string>("occupation_code")!,
        r.Field<string>("occupation_name"),
        r.Field<string>("region_code"),
        r.Field<int>("n"),
        r.Field<decimal?>("p10"),
        r.Field<decimal?>("p25"),
        r.Field<decimal?>("p50"),
        r.Field<decimal?>("p75"),
        r.Field<decimal?>("p90"),
        r.Field<decimal?>("mean"),
        r.Field<bool>("suppressed"),
        r.Field<decimal?>("change_pct"),
        r.Field<string>("level")!);

    private PublicationNotes Notes(DbConnection db) => new(
        MethodZh: $"样本为当年全日制就业登记中有月工资的记录。每个职业（及小类合计）先剔除超出 [Q1 − {_options.IqrFactor}×IQR, Q3 + {_options.IqrFactor}×IQR] 的异常值，"
                  + "再按线性插值（同 Excel PERCENTILE.INC）计算低位数（P10）、P25、中位数（P50）、P75、高位数（P90）与平均数，显示时四舍五入到元。"
                  + $"样本少于 {_options.MinSample} 人的不公布工资；小类中有职业不公布时，另列该小类的合并样本行。变动率为中位数较上年的变化。",
        MethodEn: $"Sample: full-time placements of the year with a monthly wage. Per occupation (and pooled minor group), wages outside "
                  + $"[Q1 − {_options.IqrFactor}·IQR, Q3 + {_options.IqrFactor}·IQR] are dropped, then P10/P25/P50/P75/P90 by linear interpolation "
                  + $"(PERCENTILE.INC) and the mean; shown rounded to whole yuan. Cells with n < {_options.MinSample} are suppressed; a minor group with a "
                  + "suppressed occupation gets a pooled row. change_pct: median against the previous year.",
        Thresholds:
        [
            new("iqr_factor", _options.IqrFactor.ToString(System.Globalization.CultureInfo.InvariantCulture), "异常值判定的四分位距倍数"),
            new("min_sample", _options.MinSample.ToString(), "最小样本量"),
        ],
        DataAsOf: DataAsOf.NewestCommittedBatch(db),
        SuppressionLegendZh: $"“样本不足”：样本少于 {_options.MinSample} 人，不公布工资数据。");
}
