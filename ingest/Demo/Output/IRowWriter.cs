namespace Analytics.Ingest.Demo.Output;

/// <summary>A demo inbox file being written row by row; disposing it commits the file to the inbox.</summary>
internal interface IRowWriter : IDisposable
{
    /// <summary>One row, values in column order: string (written as is), DateOnly, decimal (money), int, bool or null.</summary>
    void Write(params object?[] values);
}
