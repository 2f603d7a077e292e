using System.IO;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Sync;

/// <summary>The run's state in memory, saved whole (atomically) after every change, one change at a time.</summary>
internal sealed class SyncStateStore
{
    private readonly object _gate = new();
    private readonly string _path;
    private readonly SyncState _state;

    public SyncStateStore(string path, SyncState state)
    {
        _path = Path.GetFullPath(path);
        _state = state;
    }

    /// <summary>Records the export a window was requested as, before anything waits on it: a later run polls it rather than asking again.</summary>
    public void Requested(SyncJob job, MqaExport export)
    {
        lock (_gate)
        {
            var window = new SyncWindowState { From = job.From, To = job.To, ExportId = export.ExportId, RequestedAt = export.RequestedAt };
            KindState(job).Windows.Add(window);
            job.Export = window;
            Save();
        }
    }

    /// <summary>Call only once the window's files are all in place.</summary>
    public void Completed(SyncJob job)
    {
        lock (_gate)
        {
            KindState(job).Complete(job.Export!);
            Save();
        }
    }

    /// <summary>The export cannot deliver (the API forgot it, or it errored): the window is to be requested anew.</summary>
    public void Abandoned(SyncJob job)
    {
        lock (_gate)
        {
            if (job.Export is SyncWindowState window)
            {
                KindState(job).Windows.Remove(window);
                job.Export = null;
                Save();
            }
        }
    }

    private SyncKindState KindState(SyncJob job) => _state.For(job.Kind)!;

    private void Save()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        SyncStateFile.Save(_path, _state);
    }
}
