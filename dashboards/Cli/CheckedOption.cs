using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Analytics.Dashboards.Cli;

/// <summary>
/// Options whose values are read and checked while the command line is parsed, so a bad value is
/// answered (exit 2) before a verb builds its host, opens the data folder or meets a running serve's
/// lock. Every message names the option and, in brackets, the Chinese label of the thing it names:
/// <c>--top (保留行数): '-5' is not allowed: give a whole number of at least 1.</c>
/// </summary>
internal static class CheckedOption
{
    /// <summary>An option whose single token <paramref name="read"/> turns into the value, or rejects with an <see cref="ArgumentException"/> saying what to give.</summary>
    /// <param name="fallback">the value when the option is not given (none: the type's default)</param>
    public static Option<T> Create<T>(string name, string label, string description, Func<string, T> read, bool required = false, Func<T>? fallback = null)
    {
        var option = new Option<T>(name) { Description = $"{label}: {description}", Required = required };
        if (fallback is not null) option.DefaultValueFactory = _ => fallback();
        option.CustomParser = result =>
        {
            if (result.Tokens is not [var token]) return default;   // a missing value is the parser's own error
            try { return read(token.Value); }
            catch (ArgumentException e)
            {
                result.AddError(Message(name, label, e.Message));
                return default;
            }
        };
        return option;
    }

    public static string Message(string name, string label, string problem) => $"{name} ({label}): {problem}";

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static int WholeNumber(string token, int min, int max, string example)
    {
        if (int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        var range = max == int.MaxValue ? $"a whole number of at least {min}" : $"a whole number from {min} to {max}";
        throw new ArgumentException($"'{token}' is not allowed: give {range}, e.g. {example}.");
    }

    /// <summary>A number (a decimal point allowed) above <paramref name="above"/> and at most <paramref name="max"/>.</summary>
    public static double Number(string token, double above, double max, string example)
    {
        if (double.TryParse(token, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && value > above && value <= max) return value;
        throw new ArgumentException($"'{token}' is not allowed: give a number above {above.ToString(CultureInfo.InvariantCulture)} "
                                    + $"and at most {max.ToString(CultureInfo.InvariantCulture)}, e.g. {example}.");
    }
}
