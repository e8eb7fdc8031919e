using System.Data.Common;
using System.Text.RegularExpressions;

namespace Analytics.Warehouse.Marts;

/// <summary>
/// Checks a region scope argument: empty means the whole country; otherwise a 6-digit GB/T 2260
/// code that the <c>regions</c> reference data knows. A scope includes its descendants (the
/// SQL macro <c>in_scope</c> in Models/macros.sql).
/// </summary>
public static partial class RegionScope
{
    /// <summary>The normalised scope (null = all), or a <see cref="MartValidationException"/>.</summary>
    public static string? Validate(DbConnection connection, string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var trimmed = code.Trim();
        if (!SixDigits().IsMatch(trimmed))
            throw new MartValidationException($"Region code '{code}' is not a 6-digit administrative division code (GB/T 2260).");
        // without a regions table (reference data not loaded yet) no code is known
        if (Count(connection, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'regions'", null) == 0
            || Count(connection, "SELECT count(*) FROM regions WHERE region_code = $code", trimmed) == 0)
            throw new MartValidationException($"Region code '{trimmed}' is not in the reference data (regions).");
        return trimmed;
    }

    /// <summary>Whether <paramref name="code"/> has the shape of a region code (6 digits), without asking the reference data.</summary>
    public static bool IsWellFormed(string code) => SixDigits().IsMatch(code.Trim());

    private static long Count(DbConnection connection, string sql, string? code)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (code is not null)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "code";
            parameter.Value = code;
            command.Parameters.Add(parameter);
        }
        return Convert.ToInt64(command.ExecuteScalar());
    }

    [GeneratedRegex(@"^\d{6}$")]
    private static partial Regex SixDigits();
}
