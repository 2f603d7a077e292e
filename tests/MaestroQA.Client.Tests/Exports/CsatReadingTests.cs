using MaestroQA.Client.Models;
using static MaestroQA.Client.Tests.Exports.ExportCsv;

namespace MaestroQA.Client.Tests.Exports;

public sealed class CsatReadingTests
{
    // source is missing; survey_id is a column a later server added, first.
    private const string Csv = """"
        survey_id,gradable_id,csat_score,csat_comment,ticket_created_at
        sv-1,5001,4.5,"Très bien, merci ""A+""
        à bientôt","=""2022-02-03 04:05:06"""
        Unknown,5002,Unknown,,2022-02-03T04:05:06.250Z
        """";

    [Theory]
    [InlineData(false, "\n")]
    [InlineData(true, "\r\n")]
    public void ReadsEveryColumn(bool withBom, string newLine)
    {
        List<MqaCsat> rows = Read<MqaCsat>(Csv, ExportTable.Csat, withBom, newLine);

        Assert.Equal(2, rows.Count);
        Assert.Equivalent(new
        {
            GradableId = "5001",
            CsatScore = 4.5,
            CsatComment = $"Très bien, merci \"A+\"{newLine}à bientôt",
            TicketCreatedAt = Utc(2022, 2, 3, 4, 5, 6),
            Source = (string?)null,
        }, rows[0]);
        Assert.Equal("sv-1", rows[0].GetAdditionalColumns()["survey_id"]);
        Assert.Equivalent(new
        {
            GradableId = "5002",
            CsatScore = (double?)null,
            CsatComment = (string?)null,
            TicketCreatedAt = Utc(2022, 2, 3, 4, 5, 6, 250),
        }, rows[1]);
        Assert.Null(rows[1].GetAdditionalColumns()["survey_id"]);
    }
}
