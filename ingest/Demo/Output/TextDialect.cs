using System.Text;

namespace Analytics.Ingest.Demo.Output;

/// <summary>How a delimited text file spells its header and values: the shapes real exports come in.</summary>
internal sealed record TextDialect(Encoding Encoding, string NewLine, bool ChineseHeaders, bool ChineseEnums,
    Func<DateOnly, string> Date, Func<decimal, string> Money, Func<bool, string> Boolean)
{
    static TextDialect() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>A system export: UTF-8 without BOM, LF, English headers, ISO dates.</summary>
    public static readonly TextDialect Plain =
        new(new UTF8Encoding(false), "\n", false, false, Formats.Date, Formats.Money, b => b ? "true" : "false");

    /// <summary>Saved from Excel as "CSV UTF-8": BOM, CRLF, 1/0 booleans.</summary>
    public static readonly TextDialect ExcelUtf8 =
        new(new UTF8Encoding(true), "\r\n", false, false, Formats.Date, Formats.Money, b => b ? "1" : "0");

    /// <summary>A bureau system's export: GB18030, CRLF, Chinese headers and labels, yyyy/M/d dates, ¥1,234.00, 是/否.</summary>
    public static TextDialect BureauGbk => new(Encoding.GetEncoding("GB18030"), "\r\n", true, true,
        Formats.SlashDate, Formats.DisplayMoney, b => b ? "是" : "否");

    public string Header(Column column) => ChineseHeaders ? column.ChineseName : column.Name;

    /// <summary>A value as text. A string is written as it is (that is how deliberately bad values get in), except enum codes in a Chinese file.</summary>
    public string Format(Column column, object? value) => value switch
    {
        null => "",
        string s when column.Kind == ColumnKind.Code && ChineseEnums => EnumLabels.ToChinese(s),
        string s => s,
        DateOnly d => Date(d),
        decimal m => Money(m),
        int i => Formats.Number(i),
        bool b => Boolean(b),
        _ => throw new ArgumentException($"Unexpected value type {value.GetType()} in column {column.Name}"),
    };
}
