using System.Reflection;
using Analytics.Reports.Model;

namespace Analytics.Reports.Building;

/// <summary>
/// Turns typed result records into report rows by reflection: each public property is matched to a
/// column of the product's spec table by name (snake_case or PascalCase alike). A property without a
/// column is an error, so nothing is published without a header, and person identifiers are refused
/// outright (metrics.md §5). Spec columns the record does not have are left out.
/// </summary>
public static class ReportBuilder
{
    private static readonly HashSet<string> PersonIdentifiers =
        ["personid", "workerid", "seekerid", "retireeid", "idnumber"];

    /// <summary>A table of <paramref name="records"/> in the columns of <paramref name="spec"/> that <typeparamref name="T"/> has.</summary>
    public static ReportTable Table<T>(string titleZh, string titleEn, IReadOnlyList<ReportColumn> spec, IEnumerable<T> records, ReportNotes notes)
    {
        var columns = ColumnsOf<T>(spec);
        return new ReportTable(titleZh, titleEn, columns, RowsOf(columns, records), notes);
    }

    public static IReadOnlyList<ReportColumn> ColumnsOf<T>(IReadOnlyList<ReportColumn> spec)
    {
        var properties = PropertiesOf(typeof(T));
        var keys = spec.SelectMany(c => c.Names).Select(Naming.MatchKey).ToHashSet();
        foreach (var property in properties)
        {
            var key = Naming.MatchKey(property.Name);
            if (PersonIdentifiers.Contains(key))
                throw new ArgumentException($"{typeof(T).Name}.{property.Name} is a person identifier; published outputs never carry one.");
            if (!keys.Contains(key))
                throw new ArgumentException($"{typeof(T).Name}.{property.Name} has no column in the report's spec table (add its headers and kind).");
        }
        var present = properties.Select(p => Naming.MatchKey(p.Name)).ToHashSet();
        return spec.Where(c => c.Names.Any(name => present.Contains(Naming.MatchKey(name)))).ToArray();
    }

    /// <summary>
    /// Rows of <paramref name="records"/> in <paramref name="columns"/>; a column the record type lacks
    /// is null (totals records may be narrower). A record whose <paramref name="suppressedField"/> is
    /// true becomes a suppressed row with its withheld columns nulled here, once for every writer.
    /// </summary>
    public static IReadOnlyList<ReportRow> RowsOf<T>(IReadOnlyList<ReportColumn> columns, IEnumerable<T> records, string suppressedField = "suppressed")
    {
        var byKey = PropertiesOf(typeof(T)).ToDictionary(p => Naming.MatchKey(p.Name));
        var getters = columns.Select(c => c.Names.Select(name => byKey.GetValueOrDefault(Naming.MatchKey(name))).FirstOrDefault(p => p is not null)).ToArray();
        var suppressedProperty = byKey.GetValueOrDefault(Naming.MatchKey(suppressedField));
        var rows = new List<ReportRow>();
        foreach (var record in records)
        {
            var suppressed = suppressedProperty?.GetValue(record) is true;
            var values = new object?[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                if (getters[i] is null || (suppressed && columns[i].IsWithheldWhenSuppressed)) continue;
                values[i] = ValueNormalizer.Normalize(getters[i]!.GetValue(record), columns[i].Field);
            }
            rows.Add(new ReportRow(values, suppressed));
        }
        return rows;
    }

    private static PropertyInfo[] PropertiesOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .ToArray();
}
