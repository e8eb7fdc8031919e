using System.Globalization;
using System.Text.RegularExpressions;

namespace Analytics.Ingest.Lake;

/// <summary>
/// A pass's DuckDB memory (Ingest:StageMemoryLimit, in DuckDB's own units: "512MB", "1GiB"…) shared
/// out between its DuckDB instances: each instance's memory_limit is its own, so a limit given to
/// each would add up to several times the pass's budget.
/// </summary>
internal static partial class MemoryBudget
{
    /// <summary>Each of <paramref name="instances"/> instances' equal share of <paramref name="total"/>, as a DuckDB memory_limit.</summary>
    public static string Share(string total, int instances) =>
        $"{Bytes(total) / instances / 1024}KiB";

    /// <summary>The bytes a DuckDB size means (KB, MB, GB, TB are powers of 1000; KiB, MiB, GiB, TiB of 1024).</summary>
    public static long Bytes(string size)
    {
        var match = SizePattern().Match(size);
        if (!match.Success) throw new ArgumentException($"'{size}' is not a memory size such as 512MB or 1GiB (Ingest:StageMemoryLimit)");
        var unit = match.Groups[2].Value.ToUpperInvariant();
        double factor = unit switch
        {
            "" or "B" => 1,
            "KB" => 1e3, "MB" => 1e6, "GB" => 1e9, "TB" => 1e12,
            "KIB" => 1L << 10, "MIB" => 1L << 20, "GIB" => 1L << 30, "TIB" => 1L << 40,
            _ => throw new ArgumentException($"'{size}': unknown unit {unit} (Ingest:StageMemoryLimit)"),
        };
        return (long)(double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) * factor);
    }

    [GeneratedRegex(@"^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$")]
    private static partial Regex SizePattern();
}
