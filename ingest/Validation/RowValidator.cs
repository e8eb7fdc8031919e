using System.Text;
using System.Text.Unicode;
using Analytics.Ingest.Reading;
using Analytics.Ingest.Schema;

namespace Analytics.Ingest.Validation;

/// <summary>
/// Turns raw rows of one file into <see cref="ParsedRow"/>s: maps the file's headers to the
/// dataset's columns, applies every column rule and cross-field rule, hashes person ids.
/// </summary>
public sealed class RowValidator
{
    private readonly DatasetSchema _schema;
    private readonly ColumnSpec[] _columns;
    // An array, not the schema's IReadOnlyList: a foreach over the interface allocates an enumerator per row.
    private readonly RowRule[] _rules;
    private readonly PersonIdHasher _hasher;
    private readonly int[] _fieldOf;
    private readonly List<string> _unknown = [];
    private int _boundHeaders;
    private readonly long?[] _max;
    private readonly int _maxFutureDays;
    private readonly long _latestDay;

    private readonly byte[]? _sourceFile;

    /// <param name="maxFutureDays">How far after today a date may lie (columns that hold planned dates excepted).</param>
    /// <param name="sourceFile">The file's path below inbox/ as shown (ids masked), for a dataset that keeps each row's source.</param>
    public RowValidator(DatasetSchema schema, PersonIdHasher hasher, int maxFutureDays = IngestOptions.DefaultMaxFutureDays, string? sourceFile = null)
    {
        _sourceFile = sourceFile is null ? null : Encoding.UTF8.GetBytes(sourceFile);
        _schema = schema;
        _maxFutureDays = maxFutureDays;
        _latestDay = DateOnly.FromDateTime(DateTime.Now).AddDays(maxFutureDays).DayNumber;
        _columns = schema.Columns.ToArray();
        _rules = schema.Rules.ToArray();
        _hasher = hasher;
        _fieldOf = Enumerable.Repeat(-1, schema.Columns.Count).ToArray();
        _max = schema.Columns.Select(c => c.EffectiveMax).ToArray();
    }

    /// <summary>Headers that name no column of the dataset (ignored; reported once per file).</summary>
    public IReadOnlyList<string> UnknownHeaders => _unknown;

    /// <summary>Maps the header row; a missing required column fails the whole file.</summary>
    public void BindHeaders(IReadOnlyList<string> headers)
    {
        BindNew(headers);
        var missing = _schema.Columns.Where((c, i) => c.Required && _fieldOf[i] < 0)
            .Select(c => c.Aliases.Length > 0 ? $"{c.Name} [{c.Aliases[0]}]" : c.Name).ToList();
        if (missing.Count > 0)
            throw new FileRejectedException($"missing required column(s): {string.Join(", ", missing)}");
    }

    private void BindNew(IReadOnlyList<string> headers)
    {
        for (var h = _boundHeaders; h < headers.Count; h++)
        {
            var column = _schema.ColumnForHeader(headers[h]);
            if (column < 0) { if (headers[h].Trim().Length > 0) _unknown.Add(ResidentIdText.Mask(headers[h].Trim())); }
            else if (_fieldOf[column] < 0) _fieldOf[column] = h;
            else
                // Which of the two holds the right values is anybody's guess; keeping the first would drop the other silently.
                throw new FileRejectedException(
                    $"column {_columns[column].Name} is given twice: '{headers[_fieldOf[column]].Trim()}' (column {_fieldOf[column] + 1}) and '{headers[h].Trim()}' (column {h + 1})");
        }
        _boundHeaders = headers.Count;
    }

    /// <summary>Parses the current row into <paramref name="row"/>; false (with violations added) when it breaks a rule.</summary>
    public bool Validate(IRecordSource source, ParsedRow row, List<Violation> violations)
    {
        if (source.Headers.Count != _boundHeaders) BindNew(source.Headers);
        var before = violations.Count;
        var line = source.Line;
        if (source.Problem is { } problem)
        {
            // Over a reading limit: the row's fields are not all there, so none is judged.
            var header = problem.Field >= 0 && problem.Field < source.Headers.Count ? source.Headers[problem.Field] : "";
            violations.Add(new Violation(line, header, problem.Rule, problem.Value));
            return false;
        }
        if (source.Defect is { } defect)
        {
            violations.Add(new Violation(line, ColumnOfField(source, defect.Field), defect.Rule, defect.Value ?? ShownDefect(defect.Field, source.Field(defect.Field))));
            return false;
        }
        row.Clear();
        // A block's bytes stay put while its rows are used: fields kept as they are are referred to there, not copied.
        var lasting = (source as RecordBlock)?.Buffer;
        for (var c = 0; c < _fieldOf.Length; c++)
        {
            if (_columns[c].FromSource is { } from)
            {
                SetSource(row, c, from, line);
                continue;
            }
            var raw = _fieldOf[c] < 0 ? default : Trim(source.Field(_fieldOf[c]));
            var spec = _columns[c];
            row.Null[c] = raw.IsEmpty;
            row.Texts[c] = null;
            if (raw.IsEmpty)
            {
                if (spec.Required) violations.Add(new Violation(line, spec.Name, "required", ""));
                else if (spec.DefaultBool is { } d) { row.Null[c] = false; row.Numbers[c] = d ? 1 : 0; }
                continue;
            }
            var rule = ParseField(spec, c, raw, row, lasting);
            if (rule is not null)
                violations.Add(new Violation(line, spec.Name, rule, Shown(spec, raw)));
        }
        if (violations.Count > before) return false;
        foreach (var rule in _rules)
        {
            if (!rule.IsBroken(row, _schema)) continue;
            var column = _schema.IndexOf(rule.Column);
            violations.Add(new Violation(line, rule.Column, rule.Name, Shown(_schema.Columns[column], _fieldOf[column] < 0 ? default : Trim(source.Field(_fieldOf[column])))));
        }
        if (violations.Count > before) return false;
        _schema.Derive?.Invoke(row);
        return true;
    }

    /// <summary>Keeps a field's bytes as the column's value: where they lie when that is in <paramref name="lasting"/>, else a copy.</summary>
    private static void Keep(ParsedRow row, int c, ReadOnlySpan<byte> raw, byte[]? lasting)
    {
        if (lasting is { } buffer)
        {
            var offset = (long)System.Runtime.CompilerServices.Unsafe.ByteOffset(
                ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(buffer), ref System.Runtime.InteropServices.MemoryMarshal.GetReference(raw));
            if (offset >= 0 && offset <= buffer.Length - raw.Length)
            {
                row.ReferUtf8(c, buffer, (int)offset, raw.Length);
                return;
            }
        }
        row.SetUtf8(c, raw);
    }

    private void SetSource(ParsedRow row, int c, RowSource from, long line)
    {
        row.Texts[c] = null;
        row.Null[c] = from == RowSource.File && _sourceFile is null;
        if (from == RowSource.Line) row.Numbers[c] = line;
        else if (_sourceFile is not null) row.SetUtf8(c, _sourceFile);
    }

    /// <summary>Parses one non-empty field; returns the broken rule's name, or null when it is fine.</summary>
    /// <param name="lasting">The buffer of the record block being validated (texts kept as they are are referred to there), or null.</param>
    private string? ParseField(ColumnSpec spec, int c, ReadOnlySpan<byte> raw, ParsedRow row, byte[]? lasting)
    {
        switch (spec.Kind)
        {
            case ColumnKind.Text:
                // Every source's rows have been checked for invalid UTF-8 (IRecordSource.Defect); this guards direct use.
                if (!Utf8.IsValid(raw)) return RowDefect.InvalidUtf8;
                if (ResidentIdText.Contains(raw)) row.SetUtf8(c, Encoding.UTF8.GetBytes(WithoutResidentIds(spec, raw)));
                else Keep(row, c, raw, lasting);
                return null;
            case ColumnKind.RegionCode:
                if (!FieldParsers.IsRegionCode(raw)) return "region code: 6 digits";
                Keep(row, c, raw, lasting);
                return null;
            case ColumnKind.OccupationCode:
                if (!FieldParsers.IsOccupationCode(raw)) return "occupation code: x-xx-xx-xx";
                Keep(row, c, raw, lasting);
                return null;
            case ColumnKind.IndustryCode:
                if (!FieldParsers.IsIndustryCode(raw)) return "industry code: section letter A..T, optional digits";
                var code = row.SetUtf8(c, raw);
                code[0] = (byte)(code[0] & ~0x20);
                return null;
            case ColumnKind.Date:
                return !FieldParsers.TryDate(raw, out row.Numbers[c]) ? "date: yyyy-MM-dd, yyyy/M/d or yyyyMMdd" : TooFarAhead(spec, row.Numbers[c]);
            case ColumnKind.Month:
                return !FieldParsers.TryMonth(raw, out row.Numbers[c]) ? "month: yyyy-MM or yyyyMM" : TooFarAhead(spec, row.Numbers[c]);
            case ColumnKind.Integer:
                if (!FieldParsers.TryInteger(raw, out var n)) return "integer";
                row.Numbers[c] = n;
                var max = _max[c];
                if ((spec.Min is { } min && n < min) || (max is { } m && n > m)) return $"range {spec.Min?.ToString() ?? ""}..{max?.ToString() ?? ""}";
                return null;
            case ColumnKind.Money or ColumnKind.Decimal:
                var parsed = FieldParsers.ParseScaled(raw, spec.Scale, spec.Precision, out var v);
                if (parsed == NumberParse.NotANumber) return "not a number";
                if (parsed != NumberParse.Ok)
                    return spec.Kind == ColumnKind.Money ? "money: a number with at most 2 decimals" : $"decimal: at most {spec.Scale} decimals";
                row.Numbers[c] = v;
                return spec.Sign switch
                {
                    SignRule.NonNegative when v < 0 => ">= 0",
                    SignRule.Positive when v <= 0 => "> 0",
                    _ => null,
                };
            case ColumnKind.Bool:
                if (!FieldParsers.TryBool(raw, out var b)) return "bool: 1/0, true/false, 是/否";
                row.Numbers[c] = b ? 1 : 0;
                return null;
            case ColumnKind.Enum:
                if (raw.Length > 64) return $"enum: {string.Join("|", spec.Enum!.Codes)}";
                if (spec.Enum!.ResolveExact(raw) is { } exact)
                {
                    row.Texts[c] = exact;
                    return null;
                }
                Span<char> chars = stackalloc char[64];
                var canonical = spec.Enum.Resolve(chars[..TextEncodings.StrictUtf8.GetChars(raw, chars)]);
                if (canonical is null) return $"enum: {string.Join("|", spec.Enum.Codes)}";
                row.Texts[c] = canonical;
                return null;
            case ColumnKind.PersonId:
                if (ResidentId.LooksLikeOne(raw) && !ResidentId.HasValidCheckDigit(raw)) return "resident id check digit (ISO 7064 MOD 11-2)";
                row.Texts[c] = HashId(raw);
                return null;
            default:
                throw new InvalidOperationException($"Unhandled column kind {spec.Kind}.");
        }
    }

    /// <summary>
    /// An event dated far in the future is a typo (2999-12-31 for 2024-12-31) that would move every
    /// "latest period" view; planned dates (a contract's end) may lie years ahead.
    /// </summary>
    private string? TooFarAhead(ColumnSpec spec, long dayNumber) =>
        !spec.MayBeFuture && dayNumber > _latestDay ? $"date: at most {_maxFutureDays} days after today" : null;

    /// <summary>The column a field of the row belongs to: the dataset's name for it, else the file's header.</summary>
    private string ColumnOfField(IRecordSource source, int field)
    {
        var column = Array.IndexOf(_fieldOf, field);
        if (column >= 0) return _columns[column].Name;
        return field < source.Headers.Count && source.Headers[field].Trim().Length > 0 ? source.Headers[field].Trim() : $"column {field + 1}";
    }

    /// <summary>A defective field as a rejects file may show it: its bytes spelt out, a person id masked.</summary>
    private string ShownDefect(int field, ReadOnlySpan<byte> raw)
    {
        var column = Array.IndexOf(_fieldOf, field);
        var text = RowDefect.Show(raw);
        return column >= 0 && _columns[column].Kind == ColumnKind.PersonId ? PersonIdHasher.Mask(text) : text;
    }

    /// <summary>The keyed hash of an id; a resident id's check character is upper-cased first, as it is the same id.</summary>
    private string HashId(ReadOnlySpan<byte> raw)
    {
        if (!ResidentId.LooksLikeOne(raw) || raw[17] != (byte)'x') return _hasher.Hash(raw);
        Span<byte> upper = stackalloc byte[18];
        raw.CopyTo(upper);
        upper[17] = (byte)'X';
        return _hasher.Hash(upper);
    }

    /// <summary>A text value holding a resident id: an identifier column's whole-id value hashed (as a person id is), anything else masked.</summary>
    private string WithoutResidentIds(ColumnSpec spec, ReadOnlySpan<byte> raw) =>
        spec.Identifier && ResidentId.LooksLikeOne(raw) ? HashId(raw) : ResidentIdText.Mask(Encoding.UTF8.GetString(raw));

    /// <summary>
    /// The raw value as a rejects file may show it: a person-id column's value masked whatever it holds
    /// (the rejects writer masks id-shaped runs in every other value).
    /// </summary>
    private static string Shown(ColumnSpec spec, ReadOnlySpan<byte> raw)
    {
        var text = Encoding.UTF8.GetString(raw);
        if (spec.Kind == ColumnKind.PersonId) text = PersonIdHasher.Mask(text);
        // Enough to find the value; 10,000 rejects of 32,767 characters each would be a gigabyte, in memory and on disk.
        return text.Length <= ShownChars ? text : $"{text[..ShownChars]}… ({text.Length:N0} characters)";
    }

    private const int ShownChars = 200;

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> s)
    {
        // Most fields have nothing to trim: one look at each end.
        if (s.IsEmpty || (s[0] is not ((byte)' ' or (byte)'\t' or 0xE3) && s[^1] is not ((byte)' ' or (byte)'\t' or 0x80))) return s;
        s = s.Trim((byte)' ').Trim((byte)'\t');
        while (s.StartsWith("\u3000"u8)) s = s[3..];
        while (s.EndsWith("\u3000"u8)) s = s[..^3];
        return s;
    }
}
