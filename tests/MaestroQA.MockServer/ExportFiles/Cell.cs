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

/// <summary>How a date is spelt in the CSV; real files mix all three.</summary>
internal enum DateStyle : byte
{
    FormulaWithMilliseconds,
    FormulaWithoutMilliseconds,
    PlainIso,
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

    /// <summary>A missing value: the literal Unknown, or an empty cell.</summary>
    public static Cell Missing(bool spelledUnknown) => new(CellKind.Missing, spelledUnknown ? "Unknown" : "");

    public static Cell Text(string value) => new(CellKind.Text, value);

    public static Cell Number(double value) => new(CellKind.Number, number: value);

    /// <summary>Styles without milliseconds drop them from the value too, so the logical value is exactly what the CSV says.</summary>
    public static Cell Date(DateTime utc, DateStyle style) => new(CellKind.Date,
        date: style == DateStyle.FormulaWithMilliseconds ? DateFormats.TruncateToMillisecond(utc) : DateFormats.TruncateToSecond(utc),
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
                csv.Field(_dateStyle == DateStyle.PlainIso
                    ? DateFormats.IsoSeconds(_date)
                    : DateFormats.ExcelFormula(_date, _dateStyle == DateStyle.FormulaWithMilliseconds));
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
