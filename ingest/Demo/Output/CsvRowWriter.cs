namespace Analytics.Ingest.Demo.Output;

/// <summary>Writes a delimited text file in a given dialect, quoting only where RFC 4180 requires it.</summary>
internal sealed class CsvRowWriter : IRowWriter
{
    private readonly DemoOutput _output;
    private readonly string _dataset, _fileName;
    private readonly IReadOnlyList<Column> _columns;
    private readonly TextDialect _dialect;
    private readonly StreamWriter _writer;
    private long _rows;

    public CsvRowWriter(DemoOutput output, string dataset, string fileName, IReadOnlyList<Column> columns, TextDialect dialect)
    {
        _output = output;
        _dataset = dataset;
        _fileName = fileName;
        _columns = columns;
        _dialect = dialect;
        _writer = new StreamWriter(output.StagingPath(dataset, fileName), append: false, dialect.Encoding, bufferSize: 1 << 16)
        {
            NewLine = dialect.NewLine,
        };
        WriteLine(columns.Select(dialect.Header));
    }

    public void Write(params object?[] values)
    {
        if (values.Length != _columns.Count) throw new ArgumentException($"{_fileName}: {values.Length} values for {_columns.Count} columns");
        WriteLine(values.Select((v, i) => _dialect.Format(_columns[i], v)));
        _rows++;
        _output.RowWritten();
    }

    private void WriteLine(IEnumerable<string> fields)
    {
        bool first = true;
        foreach (var field in fields)
        {
            if (!first) _writer.Write(',');
            first = false;
            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0) _writer.Write("\"" + field.Replace("\"", "\"\"") + "\"");
            else _writer.Write(field);
        }
        _writer.WriteLine();
    }

    public void Dispose()
    {
        _writer.Dispose();
        _output.Commit(_dataset, _fileName, _rows);
    }
}
