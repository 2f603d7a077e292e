using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
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

    /// <summary>
    /// Everything before the first request: checks what the run writes (<see cref="EnsureWritable"/>), makes the folder
    /// and takes its lock. A file-system failure on the way names the folder.
    /// </summary>
    /// <exception cref="ExportFileException">A path that cannot be written, named.</exception>
    /// <exception cref="SyncLockedException">Another sync holds the folder.</exception>
    public SyncLock Open(IEnumerable<ExportKind> kinds, string statePath) => FileStep.Run(Root, () =>
    {
        EnsureWritable(kinds, statePath);
        Directory.CreateDirectory(Root);
        return SyncLock.Acquire(Root);
    });

    /// <summary>
    /// Checks, before anything is requested, that everything a run writes can be written: the state file and every
    /// table folder of these kinds (a file in a folder's place, a read-only folder). A request that lands nowhere still
    /// costs the user an export, so the run does not start.
    /// </summary>
    /// <exception cref="ExportFileException">A path that cannot be written, named.</exception>
    private void EnsureWritable(IEnumerable<ExportKind> kinds, string statePath)
    {
        EnsureFolderWritable(Root);
        EnsureFolderWritable(Path.GetDirectoryName(Path.GetFullPath(statePath))!);
        if (File.Exists(statePath) && (File.GetAttributes(statePath) & FileAttributes.ReadOnly) != 0)
        {
            throw new ExportFileException(statePath, $"The sync state file '{statePath}' is read-only: the run could record nothing it requests. Make it writable, or give another -StatePath.");
        }

        foreach (ExportTableInfo table in ExportCatalog.Tables.Where(table => kinds.Contains(table.Kind)))
        {
            string folder = TableFolder(table.Table);
            if (File.Exists(folder))
            {
                throw new ExportFileException(folder, $"'{folder}' is a file, where the sync keeps the {table} table's windows; move it away, or sync to another -Path.");
            }

            if (Directory.Exists(folder))
            {
                EnsureFolderWritable(folder);
            }
        }
    }

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

    /// <summary>Renames finished work files into their tables' folders, in one step each; returns the final paths.</summary>
    internal IReadOnlyList<string> MoveIntoPlace(IReadOnlyList<(ExportTable Table, AtomicFile File)> files, string fileName)
    {
        var placed = new List<string>();
        foreach ((ExportTable table, AtomicFile file) in files)
        {
            string folder = TableFolder(table);
            Directory.CreateDirectory(folder);
            string target = Path.Combine(folder, fileName);
            file.Commit(target, overwrite: true);
            placed.Add(target);
        }

        return placed;
    }

    /// <summary>
    /// A folder is written to once (a file made and removed): only that tells on every system. One that does not exist
    /// yet is made when the run writes there, as the nearest folder above it that does exist allows.
    /// </summary>
    private static void EnsureFolderWritable(string folder)
    {
        if (File.Exists(folder))
        {
            throw new ExportFileException(folder, $"'{folder}' is a file; a sync needs a folder there.");
        }

        string existing = folder;
        while (!Directory.Exists(existing) && Path.GetDirectoryName(existing) is string parent)
        {
            if (File.Exists(parent))
            {
                throw new ExportFileException(folder, $"Cannot make '{folder}': '{parent}' is a file.");
            }

            existing = parent;
        }

        try
        {
            using (AtomicFile.Create(existing, "mqa-sync-probe"))
            {
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ExportFileException(folder, $"Cannot write in '{existing}': {ex.Message} Nothing was requested.", innerException: ex);
        }
    }
}
