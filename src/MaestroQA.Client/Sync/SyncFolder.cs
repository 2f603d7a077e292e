using System;
using System.Collections.Generic;
using System.IO;
using MaestroQA.Client.Exports;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Sync;

/// <summary>
/// The folder a sync writes: &lt;root&gt;/&lt;table&gt;/&lt;from&gt;_&lt;to&gt;.csv per table and window. Every file is written
/// first in the work folder (&lt;root&gt;/.mqa-sync-work) and renamed into place whole, over what an earlier attempt of
/// the same window left: a name holds one window's rows once, whatever happened before.
/// </summary>
public sealed class SyncFolder
{
    public SyncFolder(string root)
    {
        Root = Path.GetFullPath(root);
        WorkFolder = Path.Combine(Root, SyncNames.WorkFolderName);
    }

    public string Root { get; }

    public string WorkFolder { get; }

    public string TableFolder(ExportTable table) => Path.Combine(Root, ExportCatalog.Get(table).FileStem);

    /// <summary>Starts a run with an empty work folder: what a killed run left there is of no use.</summary>
    public void ResetWorkFolder()
    {
        RemoveWorkFolder();
        Directory.CreateDirectory(WorkFolder);
    }

    public void RemoveWorkFolder()
    {
        if (Directory.Exists(WorkFolder))
        {
            Directory.Delete(WorkFolder, recursive: true);
        }
    }

    internal string NewWorkFile(string hint) => Path.Combine(WorkFolder, $"{hint}.{Guid.NewGuid():N}.partial");

    /// <summary>Renames finished work files into their tables' folders, in one step each; returns the final paths.</summary>
    internal IReadOnlyList<string> MoveIntoPlace(IReadOnlyList<(ExportTable Table, string WorkFile)> files, string fileName)
    {
        var placed = new List<string>();
        foreach ((ExportTable table, string workFile) in files)
        {
            string folder = TableFolder(table);
            Directory.CreateDirectory(folder);
            string target = Path.Combine(folder, fileName);
            AtomicFile.MoveIntoPlace(workFile, target);
            placed.Add(target);
        }

        return placed;
    }
}
