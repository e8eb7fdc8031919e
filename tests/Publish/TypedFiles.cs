using System.Collections;
using System.Globalization;
using System.Text.Json;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using Parquet;
using Parquet.Serialization;

namespace Analytics.Tests.Publish;

/// <summary>
/// A typed publication read back by an engine other than the one that wrote it (Apache.Arrow's
/// stream reader, Parquet.Net), and the JSON of the same product, as comparable cells: numbers as
/// normalised decimal text ("1234.5"), dates "yyyy-MM-dd", lists "[a|b]", null "∅".
/// </summary>
public sealed record TypedFile(IReadOnlyList<string> Names, IReadOnlyList<string> Types, IReadOnlyList<string[]> Rows)
{
    public const string Null = "∅";

    public static TypedFile ReadArrow(byte[] bytes)
    {
        using var reader = new ArrowStreamReader(new MemoryStream(bytes));
        var rows = new List<string[]>();
        while (reader.ReadNextRecordBatch() is { } batch)
            using (batch)
                for (var r = 0; r < batch.Length; r++)
                    rows.Add(Enumerable.Range(0, batch.ColumnCount).Select(c => ArrowCell(batch.Column(c), r)).ToArray());
        var schema = reader.Schema;
        return new TypedFile(schema.FieldsList.Select(f => f.Name).ToArray(), schema.FieldsList.Select(f => ArrowType(f.DataType)).ToArray(), rows);
    }

    public static async Task<TypedFile> ReadParquetAsync(byte[] bytes)
    {
        var result = await ParquetSerializer.DeserializeUntypedAsync(new MemoryStream(bytes), new ParquetOptions { UseDateOnlyTypeForDates = true });
        var fields = result.Schema.Fields;
        var names = fields.Select(f => f.Name).ToArray();
        var types = fields.Select(f => f switch
        {
            Parquet.Schema.DecimalDataField d => $"decimal({d.Precision},{d.Scale})",
            Parquet.Schema.DataField d => ClrName(d.ClrType),
            Parquet.Schema.ListField l => $"list<{ClrName(((Parquet.Schema.DataField)l.Item).ClrType)}>",
            _ => f.SchemaType.ToString(),
        }).ToArray();
        var rows = result.Data.Select(row => names.Select(name => Cell(row.GetValueOrDefault(name))).ToArray()).ToList();
        for (var c = 0; c < fields.Count; c++)
            if (fields[c] is Parquet.Schema.ListField list)
            {
                var empty = await EmptyListsAsync(bytes, (Parquet.Schema.DataField)list.Item);
                // Parquet.Net's row reader gives an empty list as null; the levels tell them apart.
                for (var r = 0; r < rows.Count; r++)
                    if (empty[r]) rows[r][c] = "[]";
            }
        return new TypedFile(names, types, rows);
    }

    /// <summary>
    /// Which rows hold an empty (not a null) list, from the column's levels: a row starts at repetition
    /// level 0, and its definition level is 0 for a null list and 1 for an empty one.
    /// </summary>
    private static async Task<bool[]> EmptyListsAsync(byte[] bytes, Parquet.Schema.DataField item)
    {
        await using var reader = await ParquetReader.CreateAsync(new MemoryStream(bytes));
        var empty = new List<bool>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var raw = await reader.OpenRowGroupReader(g).ReadRawColumnDataBaseAsync(item);
            var (definitions, repetitions) = (raw.DefinitionLevels.ToArray(), raw.RepetitionLevels.ToArray());
            for (var k = 0; k < definitions.Length; k++)
                if (repetitions[k] == 0) empty.Add(definitions[k] == 1);
        }
        return empty.ToArray();
    }

    // Parquet.Net 6 reads UTF-8 text as ReadOnlyMemory<char>.
    private static string ClrName(Type type) => type == typeof(ReadOnlyMemory<char>) ? "String" : type.Name;

    /// <summary>The JSON publication as the same cells; a month "2026-09" is the date of its first day, as the typed formats hold it.</summary>
    public static TypedFile ReadJson(byte[] bytes, IReadOnlyList<string> names)
    {
        using var json = JsonDocument.Parse(bytes);
        var rows = json.RootElement.EnumerateArray()
            .Select(row => names.Select(name => JsonCell(row.GetProperty(name))).ToArray()).ToList();
        return new TypedFile(names, [], rows);
    }

    private static string JsonCell(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => Null,
        JsonValueKind.Number => Number(value.GetDecimal()),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.String when value.GetString() is { Length: 7 } s && DateOnly.TryParseExact(s + "-01", "yyyy-MM-dd", out var month) => Cell(month),
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Array => "[" + string.Join("|", value.EnumerateArray().Select(JsonCell)) + "]",
        _ => throw new InvalidOperationException(value.ValueKind.ToString()),
    };

    private static string ArrowCell(IArrowArray array, int row)
    {
        if (array.IsNull(row)) return Null;
        return array switch
        {
            Int64Array a => Cell(a.GetValue(row)),
            Decimal128Array a => Cell(a.GetValue(row)),
            StringArray a => a.GetString(row),
            BooleanArray a => Cell(a.GetValue(row)),
            Date32Array a => Cell(a.GetDateOnly(row)),
            ListArray a => Cell(Enumerable.Range(0, a.GetSlicedValues(row).Length).Select(i => ((StringArray)a.GetSlicedValues(row)).GetString(i)).ToArray()),
            _ => throw new InvalidOperationException($"unexpected Arrow array {array.GetType().Name}"),
        };
    }

    private static string ArrowType(IArrowType type) => type switch
    {
        Decimal128Type d => $"decimal128({d.Precision},{d.Scale})",
        ListType l => $"list<{ArrowType(l.ValueDataType)}>",
        _ => type.Name,
    };

    private static string Cell(object? value) => value switch
    {
        null => Null,
        string s => s,
        bool b => b ? "true" : "false",
        long or int or decimal => Number(Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => DateOnly.FromDateTime(t).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IEnumerable items => "[" + string.Join("|", items.Cast<object?>().Select(Cell)) + "]",
        _ => value.ToString()!,
    };

    // 1234.50 and 1234.5 are the same number; G29 drops the trailing zeros of the scale.
    private static string Number(decimal value) => value.ToString("G29", CultureInfo.InvariantCulture);
}
