using MaestroQA.Client.Exports;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Tests.Exports;

public sealed class ExportTableInferenceTests
{
    [Theory]
    [InlineData("total_scores.csv", ExportTable.TotalScores)]
    [InlineData("section_scores.csv", ExportTable.SectionScores)]
    [InlineData("foo/individual_answers.csv", ExportTable.IndividualAnswers)]
    [InlineData("annotations.csv", ExportTable.Annotations)]
    [InlineData("csat.csv", ExportTable.Csat)]
    [InlineData("AGENT_GROUPS.CSV", ExportTable.AgentGroups)]
    [InlineData("/exports/2024/audit_log.csv", ExportTable.AuditLog)]
    [InlineData("Weekly export - total_scores.csv", ExportTable.TotalScores)]
    [InlineData("section_scores", ExportTable.SectionScores)]
    public void TheTableComesFromTheEndOfTheFileName(string fileName, ExportTable expected) =>
        Assert.Equal(expected, ExportReader.InferTable(fileName));

    [Theory]
    [InlineData("scores.csv")]
    [InlineData("total_scores_old.csv")]
    [InlineData("calibrations.csv")]
    [InlineData("")]
    public void NamesMatchingNoTableGiveNull(string fileName) =>
        Assert.Null(ExportReader.InferTable(fileName));
}
