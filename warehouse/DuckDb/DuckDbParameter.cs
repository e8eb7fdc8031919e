using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Analytics.Warehouse.DuckDb;

/// <summary>
/// A value bound to a prepared statement. A named parameter (<c>$region</c>) matches by name; an
/// unnamed one binds by position (<c>?</c> or <c>$1</c>). The DuckDB type follows the CLR type of
/// the value (DbType.Date turns a DateTime into a DATE); arrays bind as LISTs.
/// </summary>
public sealed class DuckDbParameter : DbParameter
{
    private string _name = "";

    public DuckDbParameter() { }

    public DuckDbParameter(string name, object? value)
    {
        ParameterName = name;
        Value = value;
    }

    public override DbType DbType { get; set; } = DbType.Object;
    public override ParameterDirection Direction { get; set; } = ParameterDirection.Input;
    public override bool IsNullable { get; set; } = true;

    [AllowNull]
    public override string ParameterName
    {
        get => _name;
        set => _name = value ?? "";
    }

    /// <summary>The name as DuckDB reports it: without the $, @ or : prefix.</summary>
    internal string BareName => _name.TrimStart('$', '@', ':');

    [AllowNull]
    public override string SourceColumn { get; set; } = "";
    public override bool SourceColumnNullMapping { get; set; }
    public override object? Value { get; set; }
    public override int Size { get; set; }

    public override void ResetDbType() => DbType = DbType.Object;
}
