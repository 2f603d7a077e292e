using System.IO;

namespace MaestroQA.Client.Exports;

/// <summary>Finished files moved over their targets: saved exports, synced tables and the sync state.</summary>
internal static class AtomicFile
{
    /// <summary>
    /// Renames a finished file over its target in one step (same folder or volume), replacing what was there: a reader
    /// sees the old file or the new one, never none.
    /// </summary>
    public static void MoveIntoPlace(string finished, string target)
    {
#if NET
        File.Move(finished, target, overwrite: true);
#else
        if (File.Exists(target))
        {
            File.Replace(finished, target, destinationBackupFileName: null);
        }
        else
        {
            File.Move(finished, target);
        }
#endif
    }
}
