using Analytics.Ingest.Schema;
using Analytics.Warehouse.DuckDb.Chunks;

namespace Analytics.Ingest.Lake;

/// <summary>A dataset's columns as DuckDB chunk columns (their contract types), and parsed rows written into chunks.</summary>
internal sealed class ChunkRows
{
    public ChunkRows(DatasetSchema schema)
    {
        var types = schema.Columns.Select(Of).ToArray();
        _kinds = types.Select(t => t.Kind).ToArray();
        Columns = schema.Columns.Select((c, i) => (c.Name, types[i])).ToList();
        HeldAsUtf8 = types.Select((t, i) => t.Kind == ChunkKind.Varchar && schema.Columns[i].Kind is not (ColumnKind.Enum or ColumnKind.PersonId)).ToArray();
        _codes = schema.Columns.Select(c => c.Enum is null ? [] : c.Enum.Codes.ToArray()).ToArray();
    }

    private readonly ChunkKind[] _kinds;

    // Enum codes are the same few string instances row after row: per column, the codes in member order,
    // found by comparing references (a handful of codes: quicker than hashing the string).
    private readonly string[][] _codes;

    public IReadOnlyList<(string Name, ChunkColumn Type)> Columns { get; }

    /// <summary>Per column: a <see cref="ParsedRow"/> holds it as UTF-8 bytes (free text and codes).</summary>
    public bool[] HeldAsUtf8 { get; }

    private static ChunkColumn Of(ColumnSpec column) => column.Kind switch
    {
        ColumnKind.Date or ColumnKind.Month => new ChunkColumn(ChunkKind.Date),
        ColumnKind.Integer => new ChunkColumn(ChunkKind.Integer),
        ColumnKind.Money or ColumnKind.Decimal => ChunkColumn.Decimal(column.Precision, column.Scale),
        ColumnKind.Bool => new ChunkColumn(ChunkKind.Boolean),
        ColumnKind.Enum => ChunkColumn.Enum(column.Enum!.Codes),
        _ => new ChunkColumn(ChunkKind.Varchar),
    };

    /// <summary>
    /// Writes the row; returns the bytes of its texts held in the chunk's string heap beside the
    /// fixed-width slots (DuckDB keeps up to 12 bytes inside the slot).
    /// </summary>
    public long Write(ChunkWriter chunk, ParsedRow row)
    {
        long texts = 0;
        var kinds = _kinds;
        var nulls = row.Null;
        var numbers = row.Numbers;
        var strings = row.Texts;
        for (var c = 0; c < kinds.Length; c++)
        {
            if (nulls[c]) { chunk.SetNull(c); continue; }
            switch (kinds[c])
            {
                case ChunkKind.Date: chunk.SetDate(c, (int)numbers[c]); break;
                case ChunkKind.Integer or ChunkKind.Decimal32: chunk.SetInt32(c, (int)numbers[c]); break;
                case ChunkKind.BigInt or ChunkKind.Decimal64: chunk.SetInt64(c, numbers[c]); break;
                case ChunkKind.Boolean: chunk.SetBool(c, numbers[c] != 0); break;
                case ChunkKind.Enum: chunk.SetEnum(c, MemberOf(c, strings[c]!)); break;
                default:
                    if (strings[c] is not { } text)
                    {
                        var utf8 = row.Utf8(c);
                        chunk.SetUtf8(c, utf8);
                        texts += HeapBytes(utf8.Length);
                    }
                    else
                    {
                        chunk.SetString(c, text);
                        texts += HeapBytes(text.Length);   // hashes, ASCII: a byte a character
                    }
                    break;
            }
        }
        chunk.EndRow();
        return texts;
    }

    /// <summary>The member index of an enum code of the column (the same instance the validator set).</summary>
    private int MemberOf(int column, string code)
    {
        var codes = _codes[column];
        for (var i = 0; i < codes.Length; i++)
            if (ReferenceEquals(codes[i], code)) return i;
        return Array.IndexOf(codes, code) is >= 0 and var member ? member
            : throw new InvalidOperationException($"'{code}' is not a code of the column's enumeration");
    }

    private static int HeapBytes(int length) => length > ChunkWriter.InlineLength ? length : 0;
}
