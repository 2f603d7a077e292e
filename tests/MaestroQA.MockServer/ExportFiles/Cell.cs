using System.Globalization;
using System.Text.Json;

namespace MaestroQA.MockServer.ExportFiles;

internal enum CellKind : byte
{
    Missing,
    Text,
    Number,
    Date,
    IdList,
    Flag,
}

/// <summary>How a date is spelt in the CSV; real files mix the first three (files.dates picks the others).</summary>
internal enum DateStyle : byte
{
    FormulaWithMilliseconds,
    FormulaWithoutMilliseconds,
    PlainIso,
    BareFormulaWithMilliseconds,
    BareFormulaWithoutMilliseconds,
    IsoOffsetWithMilliseconds,
    IsoOffsetWithoutMilliseconds,
}

/// <summary>
/// One value of a generated row, which knows both its CSV spelling (with the real files' quirks) and its logical
/// JSON value for /admin rows, so the two can never disagree.
/// </summary>
internal readonly struct Cell
{
    private readonly CellKind _kind;
    private readonly DateStyle _dateStyle;
    private readonly bool _flag;
    private readonly double _number;
    private readonly DateTime _date;
    private readonly string? _text;
    private readonly string[]? _ids;

    private Cell(CellKind kind, string? text = null, double number = 0, DateTime date = default,
        DateStyle dateStyle = default, string[]? ids = null, bool flag = false)
    {
        _kind = kind;
        _text = text;
        _number = number;
        _date = date;
        _dateStyle = dateStyle;
        _ids = ids;
        _flag = flag;
    }

    /// <summary>A missing value, spelt as the file has it ("Unknown", "", "N/A"...).</summary>
    public static Cell Missing(string spelling) => new(CellKind.Missing, spelling);

    public static Cell Text(string value) => new(CellKind.Text, value);

    public static Cell Number(double value) => new(CellKind.Number, number: value);

    /// <summary>Styles without milliseconds drop them from the value too, so the logical value is exactly what the CSV says.</summary>
    public static Cell Date(DateTime utc, DateStyle style) => new(CellKind.Date,
        date: HasMilliseconds(style) ? DateFormats.TruncateToMillisecond(utc) : DateFormats.TruncateToSecond(utc),
        dateStyle: style);

    public static Cell IdList(string[] ids) => new(CellKind.IdList, ids: ids);

    public static Cell Flag(bool value) => new(CellKind.Flag, flag: value);

    public void WriteCsv(CsvWriter csv)
    {
        switch (_kind)
        {
            case CellKind.Number:
                csv.Field(_number.ToString(CultureInfo.InvariantCulture));
                break;
            case CellKind.Date:
                WriteDate(csv);
                break;
            case CellKind.IdList:
                csv.Field(string.Join(',', _ids!), alwaysQuote: true);
                break;
            case CellKind.Flag:
                csv.Field(_flag ? "True" : "False");
                break;
            default:
                csv.Field(_text!);
                break;
        }
    }

    private static bool HasMilliseconds(DateStyle style) =>
        style is DateStyle.FormulaWithMilliseconds or DateStyle.BareFormulaWithMilliseconds or DateStyle.IsoOffsetWithMilliseconds;

    private void WriteDate(CsvWriter csv)
    {
        var milliseconds = HasMilliseconds(_dateStyle);
        switch (_dateStyle)
        {
            case DateStyle.PlainIso:
                csv.Field(DateFormats.IsoSeconds(_date));
                break;
            case DateStyle.BareFormulaWithMilliseconds or DateStyle.BareFormulaWithoutMilliseconds:
                // The quotes stand mid-field, unescaped: not RFC 4180, but what some exporters write.
                csv.RawField(DateFormats.ExcelFormula(_date, milliseconds));
                break;
            case DateStyle.IsoOffsetWithMilliseconds or DateStyle.IsoOffsetWithoutMilliseconds:
                csv.Field(DateFormats.IsoWithOffset(_date, milliseconds));
                break;
            default:
                csv.Field(DateFormats.ExcelFormula(_date, milliseconds));
                break;
        }
    }

    public void WriteJson(Utf8JsonWriter json)
    {
        switch (_kind)
        {
            case CellKind.Missing:
                json.WriteNullValue();
                break;
            case CellKind.Number:
                json.WriteNumberValue(_number);
                break;
            case CellKind.Date:
                json.WriteStringValue(DateFormats.Iso(_date));
                break;
            case CellKind.IdList:
                json.WriteStartArray();
                foreach (var id in _ids!)
                {
                    json.WriteStringValue(id);
                }

                json.WriteEndArray();
                break;
            case CellKind.Flag:
                json.WriteBooleanValue(_flag);
                break;
            default:
                json.WriteStringValue(_text);
                break;
        }
    }
}
