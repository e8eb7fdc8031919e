using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Analytics.Warehouse.Marts;

/// <summary>
/// The SQL models in warehouse/Models (embedded): <c>macros.sql</c> (shared helpers),
/// <c>stg_*</c> staging views over the catalog views, <c>int_*</c> parameterised table macros,
/// and <c>mart_*</c> queries, one per published product. A mart's command text is the set-up
/// of everything it refers to (as TEMP objects of the querying connection, so a read-only
/// catalog works) followed by the mart query itself; user values stay bound parameters.
/// </summary>
public static partial class SqlModels
{
    private static readonly ConcurrentDictionary<string, string> CommandTexts = new();

    /// <summary>The text of one model file, e.g. <c>mart_occupation_ranking</c>.</summary>
    public static string Text(string model)
    {
        using var stream = typeof(SqlModels).Assembly.GetManifestResourceStream($"Models.{model}.sql")
            ?? throw new ArgumentException($"There is no SQL model named '{model}'.", nameof(model));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>All model names, for documentation and tests.</summary>
    public static IReadOnlyList<string> Names() =>
        typeof(SqlModels).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Models.", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => n["Models.".Length..^".sql".Length])
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// The staging models small enough to keep and costly enough to recompute (monthly sums of the
    /// 10⁷-row registration streams; the wage-payment figures by project, month and day over the
    /// payroll, roster, attendance and flows, and the projects they join). Catalog.Sync materialises each as a catalog table of its
    /// own name, in the transaction that replaces the dataset views, so the table is the model's answer
    /// for exactly the lake version those views show; marts then read the table instead of the view.
    /// </summary>
    public static readonly IReadOnlyList<string> Summaries = ["stg_supply_demand_monthly", "stg_wage_projects", "stg_wage_month_events", "stg_wage_arrears_events"];

    /// <summary>Set-up statements and the mart query, ready to run as one command.</summary>
    public static string CommandText(string mart) => CommandTexts.GetOrAdd(mart, m => Build(m, []));

    /// <summary>
    /// As <see cref="CommandText(string)"/>, where the summaries named in <paramref name="materialised"/>
    /// are catalog tables: they are read as they are (any TEMP view of the same name a query made
    /// before the table existed is dropped, so it cannot hide the table).
    /// </summary>
    public static string CommandText(string mart, IReadOnlyCollection<string> materialised) =>
        materialised.Count == 0
            ? CommandText(mart)
            : CommandTexts.GetOrAdd(mart + "|" + string.Join(",", materialised.Order(StringComparer.Ordinal)), _ => Build(mart, materialised));

    /// <summary>Whether the mart (through its dependencies) reads a summary.</summary>
    public static bool ReadsSummaries(string mart) =>
        Summaries.Any(s => CommandText(mart).Contains($"TEMP VIEW {s} AS", StringComparison.Ordinal));

    /// <summary>The statements that (re)build every summary as a table of the connection's catalog.</summary>
    public static string Materialise() => Materialise(Summaries);

    /// <summary>The statements that (re)build the named summaries as tables of the connection's catalog.</summary>
    public static string Materialise(IEnumerable<string> summaries) =>
        string.Join(";\n", summaries.Select(s =>
        {
            var setup = new List<string> { Text("macros").TrimEnd().TrimEnd(';') };
            AddDependencies(Text(s), setup, new HashSet<string>(StringComparer.Ordinal), []);
            setup.Add($"CREATE OR REPLACE TABLE main.{s} AS\n{Text(s).TrimEnd().TrimEnd(';')}");
            return string.Join(";\n", setup);
        }));

    private static string Build(string mart, IReadOnlyCollection<string> materialised)
    {
        var setup = new List<string> { Text("macros").TrimEnd().TrimEnd(';') };
        setup.AddRange(materialised.Select(s => $"DROP VIEW IF EXISTS temp.{s}"));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        AddDependencies(Text(mart), setup, seen, materialised);
        setup.Add(Text(mart));
        return string.Join(";\n", setup);
    }

    /// <summary>Depth first, so a model's own dependencies are created before it.</summary>
    private static void AddDependencies(string sql, List<string> setup, HashSet<string> seen, IReadOnlyCollection<string> materialised)
    {
        foreach (var name in ModelReference().Matches(StripComments(sql)).Select(m => m.Value).Distinct())
        {
            if (!seen.Add(name) || materialised.Contains(name)) continue;
            var text = Text(name);
            AddDependencies(text, setup, seen, materialised);
            setup.Add(name.StartsWith("stg_", StringComparison.Ordinal)
                ? $"CREATE OR REPLACE TEMP VIEW {name} AS\n{text.TrimEnd().TrimEnd(';')}"
                : text.TrimEnd().TrimEnd(';'));
        }
    }

    private static string StripComments(string sql) => LineComment().Replace(sql, "");

    [GeneratedRegex(@"\b(?:stg|int)_[a-z0-9_]+\b")]
    private static partial Regex ModelReference();

    [GeneratedRegex(@"--[^\n]*")]
    private static partial Regex LineComment();
}
