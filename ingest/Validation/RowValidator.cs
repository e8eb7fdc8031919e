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
    private readonly PersonIdHasher _hasher;
    private readonly int[] _fieldOf;
    private readonly List<string> _unknown = [];
    private int _boundHeaders;
    private readonly long?[] _max;

    public RowValidator(DatasetSchema schema, PersonIdHasher hasher)
    {
        _schema = schema;
        _columns = schema.Columns.ToArray();
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
            if (column < 0) { if (headers[h].Trim().Length > 0) _unknown.Add(headers[h].Trim()); }
            else if (_fieldOf[column] < 0) _fieldOf[column] = h;
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
        row.Clear();
        for (var c = 0; c < _fieldOf.Length; c++)
        {
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
            var rule = ParseField(spec, c, raw, row);
            if (rule is not null)
                violations.Add(new Violation(line, spec.Name, rule, Shown(spec, raw)));
        }
        if (violations.Count > before) return false;
        foreach (var rule in _schema.Rules)
        {
            if (!rule.IsBroken(row, _schema)) continue;
            var column = _schema.IndexOf(rule.Column);
            violations.Add(new Violation(line, rule.Column, rule.Name, Shown(_schema.Columns[column], _fieldOf[column] < 0 ? default : Trim(source.Field(_fieldOf[column])))));
        }
        if (violations.Count > before) return false;
        _schema.Derive?.Invoke(row);
        return true;
    }

    /// <summary>Parses one non-empty field; returns the broken rule's name, or null when it is fine.</summary>
    private string? ParseField(ColumnSpec spec, int c, ReadOnlySpan<byte> raw, ParsedRow row)
    {
        switch (spec.Kind)
        {
            case ColumnKind.Text:
                if (!Utf8.IsValid(raw)) throw new DecoderFallbackException("The text is not valid UTF-8.");
                row.SetUtf8(c, raw);
                return null;
            case ColumnKind.RegionCode:
                if (!FieldParsers.IsRegionCode(raw)) return "region code: 6 digits";
                row.SetUtf8(c, raw);
                return null;
            case ColumnKind.OccupationCode:
                if (!FieldParsers.IsOccupationCode(raw)) return "occupation code: x-xx-xx-xx";
                row.SetUtf8(c, raw);
                return null;
            case ColumnKind.IndustryCode:
                if (!FieldParsers.IsIndustryCode(raw)) return "industry code: section letter A..T, optional digits";
                var code = row.SetUtf8(c, raw);
                code[0] = (byte)(code[0] & ~0x20);
                return null;
            case ColumnKind.Date:
                return FieldParsers.TryDate(raw, out row.Numbers[c]) ? null : "date: yyyy-MM-dd, yyyy/M/d or yyyyMMdd";
            case ColumnKind.Month:
                return FieldParsers.TryMonth(raw, out row.Numbers[c]) ? null : "month: yyyy-MM or yyyyMM";
            case ColumnKind.Integer:
                if (!FieldParsers.TryInteger(raw, out var n)) return "integer";
                row.Numbers[c] = n;
                var max = _max[c];
                if ((spec.Min is { } min && n < min) || (max is { } m && n > m)) return $"range {spec.Min?.ToString() ?? ""}..{max?.ToString() ?? ""}";
                return null;
            case ColumnKind.Money or ColumnKind.Decimal:
                if (!FieldParsers.TryScaled(raw, spec.Scale, spec.Precision, out var v))
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
                if (ResidentId.LooksLikeOne(raw))
                {
                    if (!ResidentId.HasValidCheckDigit(raw)) return "resident id check digit (ISO 7064 MOD 11-2)";
                    if (raw[17] == (byte)'x')
                    {
                        Span<byte> upper = stackalloc byte[18];
                        raw.CopyTo(upper);
                        upper[17] = (byte)'X';
                        row.Texts[c] = _hasher.Hash(upper);
                        return null;
                    }
                }
                row.Texts[c] = _hasher.Hash(raw);
                return null;
            default:
                throw new InvalidOperationException($"Unhandled column kind {spec.Kind}.");
        }
    }

    /// <summary>The raw value as a rejects file may show it: person ids masked, never raw.</summary>
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
