using System.Runtime.CompilerServices;
using MaestroQA.Client.Exports;
using MaestroQA.Client.Models;
using static MaestroQA.Client.Tests.Exports.ExportCsv;

namespace MaestroQA.Client.Tests.Exports;

public sealed class ExportStreamingTests
{
    private const int RowCount = 200_000;

    private const string Header =
        "gradable_id,agent_id,agent_name,agent_email,rubric_id,rubric_name,question_id,question,answer_label,question_score,max_question_score,comment,date_graded";

    private const string Row =
        "123456,a-17,Zoë Müller,zoe@example.com,r1,Support,q-1,Was the customer greeted?,Yes,1,1,\"Good, \"\"warm\"\" greeting\",=\"2020-06-24 12:34:56.789\"";

    // Holding rows, or reading the file ahead of them, would make memory grow with the row count.
    [Fact]
    public void RowsAreReadAsTheyAreEnumeratedAndNotHeldOnto()
    {
        using var csv = new GeneratedCsvStream(Header, Row, RowCount);
        using IEnumerator<MqaExportRow> rows = ExportReader.ReadRows(csv, ExportTable.IndividualAnswers).GetEnumerator();

        WeakReference firstRow = NextRow(rows);
        Assert.InRange(csv.BytesRead, 1, 1 << 20);
        Assert.True(csv.TotalBytes > 25 << 20);

        int count = 1;
        while (rows.MoveNext())
        {
            count++;
        }

        GC.Collect();
        Assert.False(firstRow.IsAlive);
        Assert.Equal(RowCount, count);
        Assert.Equal(csv.TotalBytes, csv.BytesRead);
    }

    [Fact]
    public void ACellLongerThanTheBufferIsReadWhole()
    {
        string comment = string.Concat(Enumerable.Repeat("long, \"quoted\"\nsürely ", 10_000));
        string csv = $"gradable_id,comment\n1,\"{comment.Replace("\"", "\"\"")}\"\n2,short\n";

        List<MqaAnswerScore> rows = Read<MqaAnswerScore>(csv, ExportTable.IndividualAnswers);

        Assert.True(comment.Length > 128 * 1024);
        Assert.Equal(comment, rows[0].Comment);
        Assert.Equal("short", rows[1].Comment);
    }

    // Not inlined, so that no local of the test keeps the row alive.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference NextRow(IEnumerator<MqaExportRow> rows)
    {
        Assert.True(rows.MoveNext());
        return new WeakReference(rows.Current);
    }
}
