using System.Globalization;
using System.Linq;
using System;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Exports;

/// <summary>Turns the text of an export cell into a value; each parser throws <see cref="FormatException"/> for text it cannot read.</summary>
internal static class ExportCell
{
    private const string Unknown = "Unknown";

    // Spellings of "no value" seen in, or plausible for, number, date and boolean columns; in a text column they are text.
    private static readonly string[] NoValueSpellings = ["N/A", "NA", "null", "None", "-"];

    /// <summary>
    /// Unwraps cells written as Excel formulas (<c>="..."</c>, which keep Excel from reformatting them)
    /// and returns null for the exports' two spellings of a missing value: nothing and <c>Unknown</c>.
    /// </summary>
    public static string? Normalize(string cell)
    {
        string value = IsExcelFormula(cell) ? cell.Substring(2, cell.Length - 3) : cell;
        return value.Length == 0 || value == Unknown ? null : value;
    }

    /// <summary>Whether a cell of a number, date or boolean column says it holds no value.</summary>
    public static bool MeansNoValue(string text)
    {
        foreach (string spelling in NoValueSpellings)
        {
            if (string.Equals(text, spelling, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public static double ParseNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number)
            ? number
            : throw new FormatException($"'{text}' is not a number.");

    public static bool ParseBoolean(string text) =>
        bool.TryParse(text, out bool value)
            ? value
            : throw new FormatException($"'{text}' is neither True nor False.");

    public static TextList ParseTextList(string text) =>
        text.Split(',').Select(item => item.Trim()).Where(item => item.Length != 0).ToArray();

    /// <summary>The parser for a row property of type <typeparamref name="TValue"/>; null for a type export cells never hold.</summary>
    public static Func<string, TValue>? ParserFor<TValue>()
    {
        Type type = typeof(TValue);
        Delegate? parser =
            type == typeof(string) ? static (string text) => text
            : type == typeof(double?) ? static (string text) => (double?)ParseNumber(text)
            : type == typeof(DateTime?) ? static (string text) => (DateTime?)ExportDate.Parse(text)
            : type == typeof(bool?) ? static (string text) => (bool?)ParseBoolean(text)
            : type == typeof(TextList) ? ParseTextList
            : null;
        return (Func<string, TValue>?)parser;
    }

    private static bool IsExcelFormula(string cell) =>
        cell.Length >= 3 && cell[0] == '=' && cell[1] == '"' && cell[cell.Length - 1] == '"';
}
