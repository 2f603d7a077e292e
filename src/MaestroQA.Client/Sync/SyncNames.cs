using System;
using System.Globalization;
using System.IO;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Sync;

/// <summary>Every name a sync gives on disk and to MaestroQA: deterministic, so a redone window lands on the same files.</summary>
public static class SyncNames
{
    public const string StateFileName = ".mqa-sync.json";
    public const string LockFileName = ".mqa-sync.lock";

    /// <summary>Where downloads and partial files wait before they move into place; emptied by each run.</summary>
    public const string WorkFolderName = ".mqa-sync-work";

    /// <summary>UTC to the second, without ':' so the name is valid on Windows too: 2024-01-01T000000Z. Sorts as it reads.</summary>
    public static string Stamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>&lt;from&gt;_&lt;to&gt;.csv for a range; &lt;taken&gt;.csv for a groups snapshot (From equals To).</summary>
    public static string WindowFile(DateTime from, DateTime to) => Span(from, to) + ".csv";

    /// <summary>The export's name in MaestroQA: fixed by the window, so a redone window asks for the very same export.</summary>
    public static string ExportName(ExportKind kind, DateTime from, DateTime to) =>
        $"Sync-MqaExport {kind} {Span(from, to)}";

    public static string DefaultStatePath(string folder) => Path.Combine(folder, StateFileName);

    /// <summary>&lt;from&gt;_&lt;to&gt; for a range, &lt;taken&gt; for a snapshot (From equals To).</summary>
    internal static string Span(DateTime from, DateTime to) => from == to ? Stamp(from) : $"{Stamp(from)}_{Stamp(to)}";
}
