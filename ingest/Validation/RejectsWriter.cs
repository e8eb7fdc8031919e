using System.Text;
using Analytics.Warehouse.Csv;

namespace Analytics.Ingest.Validation;

/// <summary>
/// A file's rejects CSV (UTF-8 with BOM so Excel shows Chinese): line, column, rule, value.
/// Created on the first reject only, so a clean file has no rejects file. Whatever a row held, a
/// value never shows a resident id (masked) and never runs as a spreadsheet formula.
/// </summary>
public sealed class RejectsWriter : IDisposable
{
    private readonly string _path;
    private StreamWriter? _writer;

    public RejectsWriter(string path) => _path = path;

    public string? WrittenPath => _writer is null ? null : _path;

    public void Write(Violation v)
    {
        if (_writer is null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            _writer = new StreamWriter(_path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            _writer.Write("line,column,rule,value\n");
        }
        _writer.Write(v.Line);
        _writer.Write(',');
        _writer.Write(CsvField.Write(v.Column));
        _writer.Write(',');
        _writer.Write(CsvField.Write(v.Rule));
        _writer.Write(',');
        _writer.Write(CsvField.Write(ResidentIdText.Mask(v.Value)));
        _writer.Write('\n');
    }

    /// <summary>Removes what was written (the file is being redone or failed as a whole).</summary>
    public void Discard()
    {
        _writer?.Dispose();
        _writer = null;
        if (File.Exists(_path)) File.Delete(_path);
    }

    public void Dispose() => _writer?.Dispose();
}
