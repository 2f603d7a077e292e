using MaestroQA.Client.Exports;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Tests.Exports;

/// <summary>The catalog is read from the row classes: these pin what it must make of them.</summary>
public sealed class ExportCatalogTests
{
    [Fact]
    public void EveryTableHasOneRowClass_InEnumOrder()
    {
        Assert.Equal(Enum.GetValues<ExportTable>(), ExportCatalog.Tables.Select(info => info.Table));
        Assert.All(ExportCatalog.Tables, info => Assert.True(typeof(MqaExportRow).IsAssignableFrom(info.RowType)));
        Assert.Equal(ExportCatalog.Tables.Count, ExportCatalog.Tables.Select(info => info.FileStem).Distinct().Count());
    }

    [Fact]
    public void TheRawExportHoldsFiveTables()
    {
        Assert.Equal(
            ["total_scores", "section_scores", "individual_answers", "annotations", "csat"],
            ExportCatalog.RawTables.Select(info => info.FileStem));
        Assert.Equal(ExportKind.Groups, ExportCatalog.Get(ExportTable.AgentGroups).Kind);
        Assert.Equal(ExportKind.AuditLog, ExportCatalog.Get(ExportTable.AuditLog).Kind);
    }

    [Fact]
    public void ColumnsComeFromTheAttributes_InDeclarationOrder()
    {
        Assert.Equal(
            ["gradable_id", "csat_score", "csat_comment", "ticket_created_at", "source"],
            ExportCatalog.Get(ExportTable.Csat).Columns);
        Assert.Equal(21, ExportCatalog.Get(ExportTable.TotalScores).Columns.Count);
    }

    [Fact]
    public void EveryPropertyOfARowIsAColumn()
    {
        // A property without [ExportColumn] would never be filled, and would be an empty column in Export-Csv.
        foreach (ExportTableInfo info in ExportCatalog.Tables)
        {
            string[] unbound = info.RowType.GetProperties()
                .Where(property => !property.IsDefined(typeof(ExportColumnAttribute), inherit: false))
                .Select(property => property.Name)
                .ToArray();
            Assert.True(unbound.Length == 0, $"{info.RowType.Name}: {string.Join(", ", unbound)}");
        }
    }

    [Fact]
    public void IdentifyingColumnsBelongToTheirTableAlone()
    {
        foreach (ExportTableInfo info in ExportCatalog.Tables)
        {
            Assert.NotEmpty(info.IdentifyingColumns);
            foreach (ExportTableInfo other in ExportCatalog.Tables.Where(other => other != info))
            {
                Assert.Empty(info.IdentifyingColumns.Intersect(other.Columns, StringComparer.OrdinalIgnoreCase));
            }
        }
    }

    [Theory]
    [InlineData("total_scores", ExportTable.TotalScores)]
    [InlineData("TotalScores", ExportTable.TotalScores)]
    [InlineData(" individual_ANSWERS ", ExportTable.IndividualAnswers)]
    [InlineData("groups", ExportTable.AgentGroups)]
    [InlineData("AgentGroups", ExportTable.AgentGroups)]
    [InlineData("audit_log", ExportTable.AuditLog)]
    public void TablesAreNamedBothWays(string name, ExportTable expected)
    {
        Assert.True(ExportCatalog.TryParse(name, out ExportTable table));
        Assert.Equal(expected, table);
    }

    [Theory]
    [InlineData("scores")]
    [InlineData("")]
    [InlineData("Total Scores")]
    public void OtherNamesAreNoTable(string name) => Assert.False(ExportCatalog.TryParse(name, out _));

    [Fact]
    public void EachColumnTypeReadsItsCells()
    {
        using var csv = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(
            "group_name,group_id,agent_name,agent_email,agent_ids,available\r\nSupport,g1,Ana,ana@example.com,\"a1, a2\",True\r\n"));
        var row = Assert.IsType<MqaGroupMember>(Assert.Single(ExportReader.ReadRows(csv, ExportTable.AgentGroups)));
        Assert.Equal(["a1", "a2"], row.AgentIds!);
        Assert.True(row.Available);
        Assert.Equal("Support", row.GroupName);
    }
}
