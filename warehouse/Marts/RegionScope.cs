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
            throw Unknown(trimmed);
        return trimmed;
    }

    /// <summary>Whether <paramref name="code"/> has the shape of a region code (6 digits), without asking the reference data.</summary>
    public static bool IsWellFormed(string code) => SixDigits().IsMatch(code.Trim());
    /// <summary>What a scope outside the reference data (or outside the asker's own scope, which must look the same) is answered.</summary>
    public static MartValidationException Unknown(string code) => new($"Region code '{code}' is not in the reference data (regions).");

    /// <summary>Whether <paramref name="code"/> lies in <paramref name="scope"/> (itself or a descendant), as the SQL macro in_scope.</summary>
    public static bool Contains(string scope, string code) =>
        code == scope
        || (scope.EndsWith("0000", StringComparison.Ordinal) && code.Length == 6 && code[..2] == scope[..2])
        || (scope.EndsWith("00", StringComparison.Ordinal) && code.Length == 6 && code[..4] == scope[..4]);

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
