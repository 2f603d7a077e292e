using System;
using MaestroQA.Client.Models;
using MaestroQA.Client.Transport;

namespace MaestroQA.Client.Sync;

/// <summary>How far a run is: windows in the run, requested (by this run or an earlier one), complete and failed.</summary>
public readonly record struct SyncProgress(int Total, int Requested, int Completed, int Failed);

/// <summary>Where a run reports; called from worker threads (the cmdlet posts each call to the pipeline thread).</summary>
public interface ISyncObserver : IApiLog
{
    void Progress(SyncProgress progress);

    /// <summary>A window whose files are in place and recorded; no files when MaestroQA had no data for it.</summary>
    void Completed(MqaSyncWindow window);

    /// <summary>A window this run could not complete; the state keeps it for the next run.</summary>
    void Failed(SyncJob job, Exception error);
}
