using System.Management.Automation;
using System.Threading;

namespace MaestroQA.PowerShell.Cmdlets;

/// <summary>
/// One progress bar. Its id is unique in the session: two bars that share an id overwrite each other, as two waits,
/// downloads or syncs in one pipeline (or in parallel runspaces) would. Each step is a new record, since hosts and the
/// progress stream keep the records they are given: one changed in place would show every step as the last.
/// </summary>
internal sealed class ProgressActivity(string activity)
{
    private static int _lastId;
    private readonly int _id = Interlocked.Increment(ref _lastId);

    public ProgressRecord Step(string status, int percentComplete = -1) => new(_id, activity, status) { PercentComplete = percentComplete };

    public ProgressRecord Done() => new(_id, activity, "Done") { RecordType = ProgressRecordType.Completed };
}
