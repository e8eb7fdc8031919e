using System.Text.Json;
using System.Text.Json.Serialization;
using Analytics.Reports.Model;
using Analytics.Reports.Products;
using Analytics.Warehouse.Marts.Rankings;

namespace Analytics.Tests.Reports;

// Hand-made records shaped like the marts' typed results (property names snake_case to metrics.md fields).

public sealed record RankingResult(
    int Rank, string OccupationCode, string OccupationName, int Demand, int Supply, int Gap, decimal? Ratio,
    int? PreviousRank, Movement RankChange, IReadOnlyList<string> TypicalCities);

/// <summary>Like the marts' rank change: a struct whose JSON converter writes a number or "new".</summary>
[JsonConverter(typeof(MovementConverter))]
public readonly record struct Movement(int? Places)
{
    public static readonly Movement New = new(null);
}

public sealed class MovementConverter : JsonConverter<Movement>
{
    public override Movement Read(ref Utf8JsonReader reader, Type type, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number ? new Movement(reader.GetInt32()) : Movement.New;

    public override void Write(Utf8JsonWriter writer, Movement value, JsonSerializerOptions options)
    {
        if (value.Places is { } places) writer.WriteNumberValue(places);
        else writer.WriteStringValue("new");
    }
}

public enum WageLevel { Occupation, MinorGroup }

public sealed record WageResult(
    string RegionCode, string OccupationCode, string OccupationName, WageLevel Level, int N,
    decimal? P10, decimal? P25, decimal? P50, decimal? P75, decimal? P90, decimal? Mean, bool Suppressed, decimal? ChangePct);

public enum MarginAlert { NegativeMargin, BelowTarget, DispatchCap, SiBaseLow, ShortContract, OverdueReceivable }

public sealed record MarginResult(
    string ProjectId, string ProjectName, DateOnly Month, int Headcount, decimal Payroll, decimal BilledRevenue,
    decimal GrossMargin, decimal? MarginPct, decimal? RevenueVariance, IReadOnlyList<MarginAlert> Alerts);

/// <summary>A narrower record for the period totals, named like the marts' (AverageHeadcount, Months).</summary>
public sealed record MarginPeriodTotal(string ProjectId, string ProjectName, int Months, decimal AverageHeadcount, decimal Payroll,
    decimal BilledRevenue, decimal GrossMargin, decimal? MarginPct);

public sealed record IndicatorResult(DateOnly Month, string? RegionCode, string RegionName, bool IsChild, long Demand, long Supply, decimal? Ratio,
    long NewEmploymentSelfEmployed, decimal UiPaid, [property: JsonPropertyName("retirees_80_plus")] long Retirees80Plus);

/// <summary>The tables the format tests read back, with the awkward values each format must survive.</summary>
public static class SampleReports
{
    public const string ScriptName = "<script>window.__pwned = 1</script>收银员";
    public const string AwkwardName = "装卸工, \"搬运\"\n夜班";

    public static readonly Dictionary<string, string> Regions = new()
    {
        ["110000"] = "北京市", ["310000"] = "上海市", ["440300"] = "深圳市",
    };

    public static ReportContext Context(params Threshold[] thresholds) =>
        new("2026Q3", "全部地区", thresholds, "20260930-001") { RegionNames = Regions };

    public static RankingResult[] RankingRows =>
    [
        new(1, "4-01-02-01", ScriptName, 95, 15, 80, 6.33m, 2, new(1), ["440300", "310000"]),
        new(2, "6-18-02-04", AwkwardName, 120, 40, 80, 3.00m, null, Movement.New, ["110000"]),
        new(3, "4-10-01-06", "快递员", 30, 0, 30, null, 3, new(0), []),
    ];

    public static ReportTable Ranking() =>
        RankingReport.Build(RankingRows, RankingKind.Shortage, Context(new("列入排行的最低需求人数", "10"), new("排行职业数上限", "100")));

    /// <summary>The suppressed row still carries wage figures, as a faulty service might: the model must withhold them.</summary>
    public static WageResult[] WageRows =>
    [
        new("440300", "4-01-02-01", "收银员", WageLevel.Occupation, 31, 3200.5m, 3650.25m, 4500.50m, 5200m, 6100.49m, 4650.125m, false, 3.4m),
        new("440300", "4-01-02-02", "理货员", WageLevel.Occupation, 29, 7111.11m, 7222.22m, 7777.77m, 7888.88m, 7999.99m, 7654.32m, true, 9.9m),
        new("440300", "4-01-02", "商品营业员小类", WageLevel.MinorGroup, 60, 3000m, 3500m, 4200m, 5000m, 6000m, 4300m, false, null),
    ];

    public static readonly string[] SuppressedFigures = ["7111", "7222", "7777", "7778", "7888", "7889", "7999", "8000", "7654", "9.9"];

    public static ReportTable Wages() => WageReport.Build(WageRows, Context(new("公布工资的最低样本数", "30"), new("异常值界限（四分位距倍数）", "3")));

    public static MarginResult[] MarginRows =>
    [
        new("P001", "甲项目", new DateOnly(2026, 1, 1), 10, 50000.00m, 60000.00m, -1234.56m, -2.06m, null, [MarginAlert.NegativeMargin, MarginAlert.BelowTarget]),
        new("P001", "甲项目", new DateOnly(2026, 2, 1), 11, 55000.00m, 70000.00m, 3000.10m, 4.29m, 500.00m, []),
        new("P002", "乙项目", new DateOnly(2026, 1, 1), 5, 20000.00m, 26000.00m, 1500.00m, 5.77m, -100.00m, [MarginAlert.OverdueReceivable]),
    ];

    public static MarginPeriodTotal[] MarginTotals =>
    [
        new("P001", "甲项目", 2, 10.5m, 105000.00m, 130000.00m, 1765.54m, 1.36m),
        new("P002", "乙项目", 1, 5m, 20000.00m, 26000.00m, 1500.00m, 5.77m),
    ];

    public static ReportTable Margins() =>
        MarginReport.Build(MarginRows, MarginTotals, Context(new("附加税费率", "0.12"), new("应收款逾期预警天数", "30")) with { Period = "2026-01 至 2026-02" });
}
