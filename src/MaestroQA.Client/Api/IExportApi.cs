using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Api;

/// <summary>
/// The export calls that a wait, a download and a sync make: <see cref="MaestroQAClient"/> makes them over HTTP;
/// tests give a fake that keeps time on a fake clock.
/// </summary>
public interface IExportApi
{
    Task<MqaExport> RequestRawExportAsync(RawExportRequest request, CancellationToken cancellationToken = default);

    Task<MqaExport> RequestGroupsExportAsync(GroupsExportRequest request, CancellationToken cancellationToken = default);

    Task<MqaExport> RequestAuditLogExportAsync(AuditLogExportRequest request, CancellationToken cancellationToken = default);

    /// <summary>The export's current status; the export given keeps what the caller knew of it.</summary>
    Task<MqaExport> GetExportAsync(MqaExport export, CancellationToken cancellationToken = default);

    /// <summary>Streams a complete export's file into <paramref name="destination"/>; returns its length.</summary>
    Task<long> DownloadExportAsync(MqaExport export, Stream destination, Action<long, long?>? progress = null, CancellationToken cancellationToken = default);
}
