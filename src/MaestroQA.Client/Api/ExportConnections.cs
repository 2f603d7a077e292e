using System.Runtime.CompilerServices;
using MaestroQA.Client.Models;
using MaestroQA.Client.Transport;

namespace MaestroQA.Client.Api;

/// <summary>
/// Which connection each export object came through, so that a save downloads it the same way (its session's proxy,
/// retries and timeouts) without the caller naming the session again. Kept beside the exports, not in them: an
/// export stays plain data, equal to another with the same values, and the association goes when the export does.
/// </summary>
internal static class ExportConnections
{
    private static readonly ConditionalWeakTable<MqaExport, ApiTransport> Origins = new();

    public static MqaExport Remember(MqaExport export, ApiTransport transport)
    {
        Origins.Remove(export);
        Origins.Add(export, transport);
        return export;
    }

    public static ApiTransport? Of(MqaExport export) => Origins.TryGetValue(export, out ApiTransport? transport) ? transport : null;
}
