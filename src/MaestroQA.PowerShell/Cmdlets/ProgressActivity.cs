using System.Threading;

namespace MaestroQA.PowerShell.Cmdlets;

/// <summary>
/// Progress activity ids, unique in the session: two bars that share an id overwrite each other, as two waits, downloads
/// or syncs in one pipeline (or in parallel runspaces) would.
/// </summary>
internal static class ProgressActivity
{
    private static int _lastId;

    public static int NextId() => Interlocked.Increment(ref _lastId);
}
