using System;
using System.IO;
using MaestroQA.Client.Configuration;
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

    /// <summary>The API's base as the connection now has it: a permanent redirect mid-run moves it, and the state with it.</summary>
    public Func<Uri>? CurrentBaseUri { get; set; }

    /// <summary>Records the export a window was requested as, before anything waits on it: a later run polls it rather than asking again.</summary>
    /// <returns>The job as it now stands: requested.</returns>
    public SyncJob Requested(SyncJob job, MqaExport export)
    {
        lock (_gate)
        {
            Kind(job).Windows.Add(new RequestedWindow { From = job.From, To = job.To, ExportId = export.ExportId, RequestedAt = export.RequestedAt });
            Save();
            return job with { Pending = new PendingExport(export.ExportId, export.RequestedAt) };
        }
    }

    /// <summary>Call only once the window's files are all in place (none, when MaestroQA confirmed it holds no data).</summary>
    public void Completed(SyncJob job, EmptyWindow? empty = null)
    {
        lock (_gate)
        {
            SyncKindState kind = Kind(job);
            kind.EmptyWindows.RemoveAll(window => window.From == job.From && window.To == job.To);
            if (empty is not null)
            {
                kind.EmptyWindows.Add(empty);
            }

            if (kind.Find(job.Window) is RequestedWindow window)
            {
                kind.Complete(window);
            }

            Save();
        }
    }

    /// <summary>The export cannot deliver (the API forgot it, or it errored): the window is to be requested anew.</summary>
    /// <returns>The job as it now stands: not requested.</returns>
    public SyncJob Abandoned(SyncJob job)
    {
        lock (_gate)
        {
            if (Kind(job).Find(job.Window) is RequestedWindow window && !window.Done)
            {
                Kind(job).Windows.Remove(window);
                Save();
            }

            return job with { Pending = null };
        }
    }

    private SyncKindState Kind(SyncJob job) => _state.For(job.Kind)!;

    private void Save()
    {
        // Recorded as moved, so the next run, connected to where the API now is, takes this state as its own.
        if (CurrentBaseUri?.Invoke() is Uri now && !BaseUris.Same(new Uri(_state.BaseUri), now))
        {
            _state.BaseUri = now.AbsoluteUri;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        SyncStateFile.Save(_path, _state);
    }
}
