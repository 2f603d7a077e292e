using System.Collections.Generic;
using MaestroQA.Client.Models;

namespace MaestroQA.PowerShell.Cmdlets.Exports;

/// <summary>Exports as Get-MqaExport and Wait-MqaExport take them: MqaExport objects, or bare ids (by value or by property name).</summary>
internal static class ExportInput
{
    public const string ExportSet = "Export";
    public const string ExportIdSet = "ExportId";

    /// <summary>What one pipeline record brought: the export itself, or exports known only by id.</summary>
    public static IEnumerable<MqaExport> Expand(string parameterSetName, MqaExport export, string[] exportIds)
    {
        if (parameterSetName == ExportSet)
        {
            yield return export;
            yield break;
        }

        foreach (string id in exportIds)
        {
            yield return new MqaExport(id.Trim(), kind: null);
        }
    }
}
