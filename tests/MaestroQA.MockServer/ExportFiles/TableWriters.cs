using System.IO.Pipelines;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MaestroQA.MockServer.ExportFiles;

/// <summary>Writes a table as the CSV users download, or as the logical JSON rows tests compare against.</summary>
internal static class TableWriters
{
    /// <summary>UTF-8 without a byte order mark, like the files it imitates; files.bom writes one explicitly.</summary>
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private const int FlushEveryRows = 256;

    public static void WriteCsv(Stream destination, ExportJob job, IExportTable table)
    {
        if (job.Files.Bom)
        {
            destination.Write(Encoding.UTF8.Preamble);
        }

        using var text = new StreamWriter(destination, Utf8NoBom, bufferSize: 1 << 16, leaveOpen: true);
        var csv = new CsvWriter(text, job.Files.LineEndings == LineEndings.Lf ? "\n" : "\r\n");
        var layout = TableLayout.For(job, table);
        foreach (var column in layout.Header)
        {
            csv.Field(column);
        }

        csv.EndRecord();
        foreach (var row in ExportTables.Rows(job, table))
        {
            var cells = row.Cells;
            foreach (var index in layout.CellOrder)
            {
                cells[index].WriteCsv(csv);
            }

            csv.EndRecord();
        }
    }

    /// <summary>
    /// A JSON array of objects keyed by the documented columns, streamed so large exports need no large buffer. With
    /// files.extraColumn each object also has "extra": {"new_metric": value}, the unknown column's logical value.
    /// </summary>
    public static async Task WriteJsonAsync(PipeWriter destination, ExportJob job, IExportTable table, CancellationToken cancellation)
    {
        await using var json = new Utf8JsonWriter(destination, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartArray();
        var written = 0;
        foreach (var row in ExportTables.Rows(job, table))
        {
            json.WriteStartObject();
            var cells = row.Cells;
            for (var i = 0; i < table.Columns.Count; i++)
            {
                json.WritePropertyName(table.Columns[i]);
                cells[i].WriteJson(json);
            }

            if (job.Files.ExtraColumn)
            {
                json.WriteStartObject("extra");
                json.WritePropertyName(TableLayout.ExtraColumnName);
                cells[^1].WriteJson(json);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            // By rows, not BytesPending: writing to a pipe, the writer advances the pipe in small chunks as it goes.
            if (++written % FlushEveryRows == 0)
            {
                await FlushAsync(json, destination, cancellation);
            }
        }

        json.WriteEndArray();
        await FlushAsync(json, destination, cancellation);
    }

    /// <summary>Hands the written bytes to the pipe and sends them: flushing the writer alone only buffers them in the pipe.</summary>
    private static async Task FlushAsync(Utf8JsonWriter json, PipeWriter destination, CancellationToken cancellation)
    {
        json.Flush();
        await destination.FlushAsync(cancellation);
    }
}
