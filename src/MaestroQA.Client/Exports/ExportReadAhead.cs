using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Exports;

/// <summary>
/// Reads an export file on a worker thread while the caller handles the rows already read, so parsing overlaps with
/// whatever the caller does with each row (for the cmdlets: the PowerShell pipeline). Rows travel in batches through
/// a bounded queue, so memory stays flat however large the file; everything else behaves as <see cref="ExportReader.ReadFile"/>.
/// </summary>
public static class ExportReadAhead
{
    private const int BatchSize = 256;
    private const int QueuedBatches = 8;

    /// <summary>
    /// The rows of <paramref name="path"/> in file order. The options' callbacks are called on the caller's thread, in
    /// order with the rows; a failure of the read is thrown there too, after the rows read before it. The summary is
    /// complete once the enumeration ends.
    /// Leaving the enumeration early, or cancelling, stops the worker.
    /// </summary>
    public static IEnumerable<MqaExportRow> ReadFile(string path, ExportReadOptions options, CancellationToken cancellationToken)
    {
        using var queue = new BlockingCollection<Batch>(QueuedBatches);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task worker = Task.Run(() => Produce(path, options, queue, stop.Token));
        try
        {
            foreach (Batch batch in queue.GetConsumingEnumerable(stop.Token))
            {
                foreach (Entry entry in batch.Entries)
                {
                    if (entry.Row is not null)
                    {
                        yield return entry.Row;
                    }
                    else if (entry.Invalid is not null)
                    {
                        options.OnInvalidRow?.Invoke(entry.Invalid);
                    }
                    else if (entry.Warning is not null)
                    {
                        options.OnWarning?.Invoke(entry.Warning);
                    }
                    else
                    {
                        options.OnSkipped?.Invoke(entry.Skipped!);
                    }
                }

                batch.Failure?.Throw();
            }
        }
        finally
        {
            stop.Cancel();
            worker.Wait();
        }
    }

    private static void Produce(string path, ExportReadOptions options, BlockingCollection<Batch> queue, CancellationToken stop)
    {
        var entries = new List<Entry>(BatchSize);
        ExceptionDispatchInfo? failure = null;
        try
        {
            // The caller's callbacks run on the caller's thread, in order with the rows; the summary is shared.
            ExportReadOptions onWorker = options with
            {
                OnInvalidRow = options.OnInvalidRow is null ? null : invalid => entries.Add(new Entry(null, invalid, null, null)),
                OnSkipped = skipped => entries.Add(new Entry(null, null, skipped, null)),
                OnWarning = warning => entries.Add(new Entry(null, null, null, warning)),
            };
            foreach (MqaExportRow row in ExportReader.ReadFile(path, onWorker))
            {
                entries.Add(new Entry(row, null, null, null));
                if (entries.Count >= BatchSize)
                {
                    queue.Add(new Batch(entries, null), stop);
                    entries = new List<Entry>(BatchSize);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return;
        }
        catch (Exception exception)
        {
            failure = ExceptionDispatchInfo.Capture(exception);
        }

        try
        {
            queue.Add(new Batch(entries, failure), stop);
            queue.CompleteAdding();
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The reader has gone: nobody is left to hand the rest to.
        }
    }

    /// <summary>A row, a row that could not be read, a file or entry that was skipped, or a warning.</summary>
    private readonly record struct Entry(MqaExportRow? Row, ExportFormatException? Invalid, string? Skipped, string? Warning);

    private sealed record Batch(List<Entry> Entries, ExceptionDispatchInfo? Failure);
}
