using System.Text;
using Analytics.Ingest.Schema;
using Analytics.Warehouse.DuckDb.Chunks;

namespace Analytics.Ingest.Lake;

/// <summary>A dataset's columns as DuckDB chunk columns (their contract types), and parsed rows written into chunks.</summary>
internal sealed class ChunkRows
{
    private readonly ChunkColumn[] _types;

    public ChunkRows(DatasetSchema schema)
    {
        _types = schema.Columns.Select(Of).ToArray();
        Columns = schema.Columns.Select((c, i) => (c.Name, _types[i])).ToList();
        HeldAsUtf8 = _types.Select((t, i) => t.Kind == ChunkKind.Varchar && schema.Columns[i].Kind is not (ColumnKind.Enum or ColumnKind.PersonId)).ToArray();
        foreach (var code in schema.Columns.Where(c => c.Enum is not null).SelectMany(c => c.Enum!.Codes))
            _codes.TryAdd(code, Encoding.UTF8.GetBytes(code));
    }

    // Enum codes are the same few string instances row after row: their UTF-8 bytes once, looked up by reference.
    private readonly Dictionary<string, byte[]> _codes = new(ReferenceEqualityComparer.Instance);

    public IReadOnlyList<(string Name, ChunkColumn Type)> Columns { get; }

    /// <summary>Per column: a <see cref="ParsedRow"/> holds it as UTF-8 bytes (free text and codes).</summary>
    public bool[] HeldAsUtf8 { get; }

    private static ChunkColumn Of(ColumnSpec column) => column.Kind switch
    {
        ColumnKind.Date or ColumnKind.Month => new ChunkColumn(ChunkKind.Date),
        ColumnKind.Integer => new ChunkColumn(ChunkKind.Integer),
        ColumnKind.Money or ColumnKind.Decimal => ChunkColumn.Decimal(column.Precision, column.Scale),
        ColumnKind.Bool => new ChunkColumn(ChunkKind.Boolean),
        _ => new ChunkColumn(ChunkKind.Varchar),
    };

    /// <summary>
    /// Writes the row; returns the bytes of its texts held in the chunk's string heap beside the
    /// fixed-width slots (DuckDB keeps up to 12 bytes inside the slot).
    /// </summary>
    public long Write(ChunkWriter chunk, ParsedRow row)
    {
        long texts = 0;
        for (var c = 0; c < _types.Length; c++)
        {
            if (row.Null[c]) { chunk.SetNull(c); continue; }
            switch (_types[c].Kind)
            {
                case ChunkKind.Date: chunk.SetDate(c, (int)row.Numbers[c]); break;
                case ChunkKind.Integer or ChunkKind.Decimal32: chunk.SetInt32(c, (int)row.Numbers[c]); break;
                case ChunkKind.BigInt or ChunkKind.Decimal64: chunk.SetInt64(c, row.Numbers[c]); break;
                case ChunkKind.Boolean: chunk.SetBool(c, row.Numbers[c] != 0); break;
                default:
                    if (row.Texts[c] is not { } text)
                    {
                        var utf8 = row.Utf8(c);
                        chunk.SetUtf8(c, utf8);
                        texts += HeapBytes(utf8.Length);
                    }
                    else if (_codes.TryGetValue(text, out var code))
                    {
                        chunk.SetUtf8(c, code);
                        texts += HeapBytes(code.Length);
                    }
                    else
                    {
                        chunk.SetString(c, text);
                        texts += HeapBytes(text.Length);   // hashes and codes, ASCII: a byte a character
                    }
                    break;
            }
        }
        chunk.EndRow();
        return texts;
    }

    private static int HeapBytes(int length) => length > ChunkWriter.InlineLength ? length : 0;
}
