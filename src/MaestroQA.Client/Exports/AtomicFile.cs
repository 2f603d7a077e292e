using System.IO;

namespace MaestroQA.Client.Sync;

internal static class SyncFiles
{
    /// <summary>Renames a finished file over its target in one step (same folder or volume), replacing what was there.</summary>
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
