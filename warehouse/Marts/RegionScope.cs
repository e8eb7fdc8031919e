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
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM regions WHERE region_code = $code";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "code";
        parameter.Value = trimmed;
        command.Parameters.Add(parameter);
        if (Convert.ToInt64(command.ExecuteScalar()) == 0)
            throw new MartValidationException($"Region code '{trimmed}' is not in the reference data (regions).");
        return trimmed;
    }

    [GeneratedRegex(@"^\d{6}$")]
    private static partial Regex SixDigits();
}
