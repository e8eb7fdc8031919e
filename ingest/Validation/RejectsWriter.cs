using System.Text;
using Analytics.Ingest.Reading;
using Analytics.Warehouse.Csv;

namespace Analytics.Ingest.Validation;

/// <summary>
/// A file's rejects CSV (UTF-8 with BOM so Excel shows Chinese): line, column, rule, value.
/// Created on the first reject only, so a clean file has no rejects file. At most
/// <c>maxLines</c> violations are written; a last line says how many more there were. Whatever a
/// row held, a value never shows a resident id (masked) and never runs as a spreadsheet formula.
/// </summary>
public sealed class RejectsWriter : IDisposable
{
    private readonly string _path;
    private readonly int _maxLines;
    private StreamWriter? _writer;
    private int _lines;
    private long _leftOut;

    public RejectsWriter(string path, int maxLines = int.MaxValue)
    {
        _path = path;
        _maxLines = maxLines;
    }

    public string? WrittenPath => _writer is null ? null : _path;

    public void Write(Violation v)
    {
        if (_lines == _maxLines)
        {
            _leftOut++;
            return;
        }
        _lines++;
        WriteLine(v);
    }

    /// <summary>Counts violations that were found but never handed over (see <c>ValidatedRows.ViolationsLeftOut</c>).</summary>
    public void LeftOut(long count) => _leftOut += count;

    private void WriteLine(Violation v)
    {
        if (_writer is null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            _writer = new StreamWriter(_path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            _writer.Write(Header);
        }
        _writer.Write(Line([v.Line > 0 ? v.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) : "", v.Column, v.Rule, v.Value]));
    }

    private const string Header = "line,column,rule,value\n";

    /// <summary>One line of a rejects file: every field masked and neutralised.</summary>
    private static string Line(IEnumerable<string> fields) =>
        string.Join(',', fields.Select(f => CsvField.Write(ResidentIdText.Mask(f)))) + "\n";

    /// <summary>
    /// A rejects file as a download serves it: every field through the same masking and neutralising
    /// as when it was written, so a file an earlier version wrote (raw ids, formulas) is as safe.
    /// Doing it again to a file written so changes nothing.
    /// </summary>
    public static async Task CopySafelyAsync(string path, TextWriter output, CancellationToken cancellation)
    {
        using var source = new CsvRecordSource(File.OpenRead(path), Encoding.UTF8);
        await output.WriteAsync(Header.AsMemory(), cancellation);
        while (source.Read())
        {
            var fields = Enumerable.Range(0, source.FieldCount).Select(i => Encoding.UTF8.GetString(source.Field(i))).ToList();
            await output.WriteAsync(Line(fields).AsMemory(), cancellation);
        }
    }

    /// <summary>Removes what was written (the file is being redone or failed as a whole).</summary>
    public void Discard()
    {
        _writer?.Dispose();
        _writer = null;
        _leftOut = 0;
        if (File.Exists(_path)) File.Delete(_path);
    }

    public void Dispose()
    {
        if (_leftOut > 0)
        {
            // The summary line keeps the file's columns: no line, no column, the rule says what happened, the value how many.
            WriteLine(new Violation(0, "", $"not written: rejects files stop at {_maxLines:N0} lines (Ingest:MaxRejectsPerFile)", $"{_leftOut} more"));
            _leftOut = 0;
        }
        _writer?.Dispose();
    }
}
