using System;

namespace MaestroQA.Client.Models;

/// <summary>An export file that cannot be read: unknown table, malformed CSV or a cell that does not fit its column.</summary>
public sealed class ExportFormatException : Exception
{
    public ExportFormatException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    internal static ExportFormatException UnknownTable(string fileName) =>
        new($"Cannot tell which export table '{fileName}' holds: its header has none of the columns that identify one; specify the table ({string.Join(", ", Enum.GetNames(typeof(ExportTable)))}).");
}
