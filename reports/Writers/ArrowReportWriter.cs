using Analytics.Reports.Formatting;
using Analytics.Reports.Model;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;

namespace Analytics.Reports.Writers;

/// <summary>
/// An Arrow IPC stream (<c>application/vnd.apache.arrow.stream</c>): the table's rows (as in JSON) in one
/// record batch, the JSON's column names, typed from the columns' definition: integers int64, money,
/// ratios, percents and wages decimal128(<see cref="ReportColumn.Precision"/>, <see cref="ReportColumn.Scale"/>),
/// dates and months date32, text utf8 (a number in a text column, rank_change's 3, as its CSV text),
/// code lists list&lt;utf8&gt;, flags bool; nulls kept. An empty table is the schema and no batch.
/// Built with Apache.Arrow's builders rather than DuckDB.NET's Arrow export: DuckDB leaves the bytes
/// under a null uninitialised, so its stream differed between two runs and could carry stray process memory.
/// </summary>
public sealed class ArrowReportWriter : IReportWriter
{
    public void Write(ReportTable table, Stream output, IProgress<int>? rowsWritten = null)
    {
        var columns = table.Columns;
        var schema = new Schema(columns.Select(c => new Field(c.Field, ArrowType(c), nullable: true)), metadata: null);
        using var writer = new ArrowStreamWriter(output, schema, leaveOpen: true);
        writer.WriteStart();
        if (table.Rows.Count > 0)
        {
            var arrays = new IArrowArray[columns.Count];
            for (var c = 0; c < columns.Count; c++) arrays[c] = Column(table, c);
            using var batch = new RecordBatch(schema, arrays, table.Rows.Count);
            writer.WriteRecordBatch(batch);
        }
        writer.WriteEnd();
        rowsWritten?.Report(table.Rows.Count);
    }

    public static IArrowType ArrowType(ReportColumn column) => column.Kind switch
    {
        ColumnKind.Integer => Int64Type.Default,
        _ when TypedValues.IsDecimal(column) => new Decimal128Type(column.Precision, column.Scale),
        ColumnKind.Date or ColumnKind.Month => Date32Type.Default,
        ColumnKind.Codes => new ListType(StringType.Default),
        ColumnKind.Boolean => BooleanType.Default,
        _ => StringType.Default,
    };

    private static IArrowArray Column(ReportTable table, int index)
    {
        var column = table.Columns[index];
        var values = table.Rows.Select(row => row.Published(column, index));
        switch (column.Kind)
        {
            case ColumnKind.Integer:
                return Fill(new Int64Array.Builder(), values, (b, v) => b.Append(TypedValues.Whole(column, v)), b => b.AppendNull()).Build();
            case ColumnKind.Money or ColumnKind.Ratio or ColumnKind.Percent or ColumnKind.Wage:
                return Fill(new Decimal128Array.Builder((Decimal128Type)ArrowType(column)), values,
                    (b, v) => b.Append(TypedValues.Exact(column, v)), b => b.AppendNull()).Build();
            case ColumnKind.Date or ColumnKind.Month:
                return Fill(new Date32Array.Builder(), values, (b, v) => b.Append((DateOnly)v), b => b.AppendNull()).Build();
            case ColumnKind.Boolean:
                return Fill(new BooleanArray.Builder(), values, (b, v) => b.Append((bool)v), b => b.AppendNull()).Build();
            case ColumnKind.Codes:
                return Fill(new ListArray.Builder(StringType.Default), values, (b, v) =>
                {
                    b.Append();
                    var items = (StringArray.Builder)b.ValueBuilder;
                    foreach (var item in (string[])v) items.Append(item);
                }, b => b.AppendNull()).Build();
            default:
                return Fill(new StringArray.Builder(), values, (b, v) => b.Append(MachineText.Format(column, v)), b => b.AppendNull()).Build();
        }
    }

    private static TBuilder Fill<TBuilder>(TBuilder builder, IEnumerable<object?> values, Action<TBuilder, object> append, Action<TBuilder> appendNull)
    {
        foreach (var value in values)
            if (value is null) appendNull(builder);
            else append(builder, value);
        return builder;
    }
}
