using System.Text;
using MaestroQA.Client.Exports;
using MaestroQA.Client.Models;
using static MaestroQA.Client.Tests.Exports.ExportCsv;

namespace MaestroQA.Client.Tests.Exports;

/// <summary>A CSV's table comes from its header row, whatever the file is called; the name only breaks ties.</summary>
public sealed class HeaderIdentificationTests
{
    [Theory]
    [InlineData("gradable_id,agent_id,rubric_score,max_rubric_score,comment", "file", ExportTable.TotalScores)]
    [InlineData("gradable_id,section_id,section_score,max_section_score", "3f2b9c1e-0000-4000-8000-000000000000.csv", ExportTable.SectionScores)]
    [InlineData("gradable_id,question_id,answer_label,question_score", "Weekly Maestro Grades Export.csv", ExportTable.IndividualAnswers)]
    [InlineData("gradable_id,annotation_id,selected_text,comment", "1.csv", ExportTable.Annotations)]
    [InlineData("gradable_id,csat_score,csat_comment", "exp_123.csv", ExportTable.Csat)]
    [InlineData("group_name,group_id,agent_name,agent_email,agent_ids,available", "exp_123.csv", ExportTable.AgentGroups)]
    [InlineData("activity_id,time_stamp,user_email,item_type,action_type,description,ip_address", "audit_logs.csv", ExportTable.AuditLog)]
    [InlineData(" Rubric Score ,GRADABLE_ID,Max_Rubric_Score", "x", ExportTable.TotalScores)]
    public void TheHeaderTellsTheTable(string header, string fileName, ExportTable expected) =>
        Assert.Equal(expected, ExportReader.IdentifyTable(Encode(header + "\n"), fileName));

    [Fact]
    public void OneIdentifyingColumnIsEnough_ForAnOldOrTrimmedFile() =>
        Assert.Equal(ExportTable.TotalScores, ExportReader.IdentifyTable(Encode("gradable_id,rubric_score\n"), "file"));

    [Theory]
    [InlineData("total_scores.csv", ExportTable.TotalScores)]
    [InlineData("csat.csv", ExportTable.Csat)]
    [InlineData("audit_logs.csv", ExportTable.AuditLog)]
    public void AHeaderWithNoIdentifyingColumn_IsToldByTheName(string fileName, ExportTable expected) =>
        Assert.Equal(expected, ExportReader.IdentifyTable(Encode("gradable_id,comment\n"), fileName));

    [Fact]
    public void ATieIsBrokenByTheName_AndWithoutOneThereIsNoTable()
    {
        // One identifying column of each of two tables: as likely one as the other.
        string header = "gradable_id,rubric_score,csat_score\n";

        Assert.Equal(ExportTable.Csat, ExportReader.IdentifyTable(Encode(header), "export - csat.csv"));
        Assert.Null(ExportReader.IdentifyTable(Encode(header), "file"));
        Assert.Null(ExportReader.IdentifyTable(Encode("gradable_id,comment\n"), "file"));
    }

    [Fact]
    public void AHeaderThatContradictsTheTableAskedFor_IsAnErrorNamingBoth()
    {
        var error = Assert.Throws<ExportFormatException>(() =>
            ExportReader.ReadRows(Encode("group_name,group_id,agent_ids,available\nSupport,g1,a1,True\n"), ExportTable.TotalScores, "agent_groups.csv").ToList());

        Assert.Equal(
            "'agent_groups.csv' holds agent_groups (its header has group_name, group_id, agent_ids, available), not total_scores; read it without -Table, or with -Table agent_groups.",
            error.Message);
    }

    [Theory]
    [InlineData("N/A")]
    [InlineData("n/a")]
    [InlineData("NA")]
    [InlineData("null")]
    [InlineData("None")]
    [InlineData("-")]
    [InlineData("Unknown")]
    [InlineData("")]
    public void NoValueSpellings_InNumberDateAndBooleanColumns_AreNull_AndCounted(string spelling)
    {
        var options = new ExportReadOptions { Table = ExportTable.AgentGroups };
        string csv = $"group_name,agent_ids,available\n{spelling},a1,{spelling}\n";
        using var directory = new TempDirectory();
        string path = directory.Write("groups.csv", csv);

        var row = Assert.IsType<MqaGroupMember>(Assert.Single(ExportReader.ReadFile(path, options)));

        Assert.Null(row.Available);
        Assert.Equal(spelling is "" or "Unknown" ? null : spelling, row.GroupName); // a text column keeps "N/A" as text
        Assert.Equal(spelling is "" or "Unknown" ? 0 : 1, options.Summary.NoValueCells);
        Assert.Equal(1, options.Summary.Rows);
    }

    [Theory]
    [InlineData("=\"2024-01-02 03:04:05\"")]
    [InlineData("\"=\"\"2024-01-02 03:04:05\"\"\"")]
    [InlineData("2024-01-02T03:04:05Z")]
    [InlineData("2024-01-02T08:34:05+05:30")]
    [InlineData("2024-01-01T22:04:05-05:00")]
    public void DatesReadInEveryStyleTheExportsUse(string cell)
    {
        MqaAuditLogEntry row = Assert.Single(Read<MqaAuditLogEntry>($"activity_id,time_stamp\nact-1,{cell}\n", ExportTable.AuditLog));

        Assert.Equal(Utc(2024, 1, 2, 3, 4, 5), row.TimeStamp);
        Assert.Equal(DateTimeKind.Utc, row.TimeStamp!.Value.Kind);
    }

    [Fact]
    public void ColumnsMatchWhateverTheirOrder_CaseOrSpacing_AndUnknownOnesAreKeptInOrder()
    {
        string csv = "New Metric,MAX_RUBRIC_SCORE, rubric score ,gradable_id,zeta\n1.5,10,8,t1,z\n";

        MqaTotalScore row = Assert.Single(Read<MqaTotalScore>(csv, ExportTable.TotalScores, withBom: true, newLine: "\r\n"));

        Assert.Equal("t1", row.GradableId);
        Assert.Equal(8, row.RubricScore);
        Assert.Equal(10, row.MaxRubricScore);
        Assert.Null(row.AgentId);
        Assert.Equal(["New Metric", "zeta"], row.GetAdditionalColumns().Keys);
    }

    [Fact]
    public void AZipIsKnownByItsBytes_WhateverItIsCalled()
    {
        using var directory = new TempDirectory();
        string zip = Path.Combine(directory.Path, "export.csv");
        using (var archive = new System.IO.Compression.ZipArchive(File.Create(zip), System.IO.Compression.ZipArchiveMode.Create))
        using (var writer = new StreamWriter(archive.CreateEntry("Weekly/1.csv").Open(), Encoding.UTF8))
        {
            writer.Write("gradable_id,csat_score,csat_comment\nc1,5,ok\n");
        }

        Assert.True(ExportFileKind.IsZip(zip));
        var row = Assert.IsType<MqaCsat>(Assert.Single(ExportReader.ReadFile(zip)));
        Assert.Equal(5, row.CsatScore);
    }
}
