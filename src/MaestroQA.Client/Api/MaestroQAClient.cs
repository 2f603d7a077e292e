using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using MaestroQA.Client.Api.Wire;
using MaestroQA.Client.Exports;
using MaestroQA.Client.Models;
using MaestroQA.Client.RateLimiting;
using MaestroQA.Client.Transport;

namespace MaestroQA.Client.Api;

/// <summary>One typed method per endpoint of the MaestroQA API.</summary>
public sealed class MaestroQAClient
{
    private static readonly HttpMethod Patch = new("PATCH");
    private readonly ApiTransport _transport;
    private readonly IApiLog _log;
    private readonly TimeProvider _time;

    public MaestroQAClient(ApiTransport transport, IApiLog? log = null, TimeProvider? time = null)
    {
        _transport = transport ?? throw new ArgumentNullException(nameof(transport));
        _log = log ?? NullApiLog.Instance;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>A client on the connection <paramref name="export"/> was requested or checked through; null for an export made by hand.</summary>
    public static MaestroQAClient? ForExport(MqaExport export, IApiLog? log = null) =>
        export.Origin is ApiTransport origin ? new MaestroQAClient(origin, log) : null;

    public Task<MqaExport> RequestRawExportAsync(RawExportRequest request, CancellationToken cancellationToken = default)
    {
        EnsureOrdered(request.StartDate, request.EndDate);
        var body = new RawExportRequestBody
        {
            StartDate = ApiDateFormat.Format(request.StartDate),
            EndDate = ApiDateFormat.Format(request.EndDate),
            Name = request.Name,
            SingleFileExport = request.SingleFile is ExportTable table ? ExportCatalog.Get(table).FileStem : null,
            IncludeCalibrations = request.IncludeCalibrations is CalibrationFilter filter ? WireNames.Of(filter) : null,
            IncludeGraderQA = request.IncludeGraderQA,
        };
        var requested = new MqaExport(string.Empty, ExportKind.Raw)
        {
            Name = request.Name,
            StartDate = request.StartDate.UtcDateTime,
            EndDate = request.EndDate.UtcDateTime,
            SingleFile = request.SingleFile,
        };
        return RequestExportAsync("request-raw-export", Serialize(body, ApiJsonContext.Default.RawExportRequestBody), requested, cancellationToken);
    }

    public Task<MqaExport> RequestGroupsExportAsync(GroupsExportRequest request, CancellationToken cancellationToken = default)
    {
        var body = new GroupsExportRequestBody { Name = request.Name, IncludeUnavailable = request.IncludeUnavailable };
        var requested = new MqaExport(string.Empty, ExportKind.Groups) { Name = request.Name };
        return RequestExportAsync("request-groups-export", Serialize(body, ApiJsonContext.Default.GroupsExportRequestBody), requested, cancellationToken);
    }

    public Task<MqaExport> RequestAuditLogExportAsync(AuditLogExportRequest request, CancellationToken cancellationToken = default)
    {
        EnsureOrdered(request.StartDate, request.EndDate);
        var body = new AuditLogExportRequestBody
        {
            StartDate = ApiDateFormat.Format(request.StartDate),
            EndDate = ApiDateFormat.Format(request.EndDate),
            Name = request.Name,
        };
        var requested = new MqaExport(string.Empty, ExportKind.AuditLog)
        {
            Name = request.Name,
            StartDate = request.StartDate.UtcDateTime,
            EndDate = request.EndDate.UtcDateTime,
        };
        return RequestExportAsync("request-audit-log-export", Serialize(body, ApiJsonContext.Default.AuditLogExportRequestBody), requested, cancellationToken);
    }

    /// <summary>The export's current status; <paramref name="export"/> keeps what the caller knew of it.</summary>
    public async Task<MqaExport> GetExportAsync(MqaExport export, CancellationToken cancellationToken = default)
    {
        // The id travels as a header: a GET with a body cannot be sent from Windows PowerShell 5.1.
        var request = new ApiRequest(HttpMethod.Get, "get-export-data", EndpointClass.Easy)
        {
            Headers = [new KeyValuePair<string, string>("exportId", RequestValues.FromUser(export.ExportId, "ExportId"))],
            RetryTransientFailures = true,
        };
        ExportDataBody data = await SendAsync(request, ApiJsonContext.Default.ExportDataBody, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(data.Status))
        {
            throw new MaestroQAApiException(ApiErrorKind.UnexpectedResponse, $"MaestroQA answered {request} without the export's status.");
        }

        return export with { Status = WireNames.ParseStatus(data.Status), ServerStatus = data.Status, DataUrl = data.DataUrl ?? string.Empty, CheckedAt = _time.GetUtcNow().UtcDateTime, Origin = _transport };
    }

    /// <summary>Streams a complete export's file; the presigned URL is fetched without the token.</summary>
    public Task<long> DownloadExportAsync(MqaExport export, Stream destination, Action<long, long?>? progress = null, CancellationToken cancellationToken = default)
    {
        if (!export.HasData || !Uri.TryCreate(export.DataUrl, UriKind.Absolute, out Uri? dataUrl))
        {
            throw new ArgumentException($"Export {export.ExportId} has no data to download (status {export.Status}).", nameof(export));
        }

        return _transport.DownloadAsync(dataUrl, destination, progress, _log, cancellationToken);
    }

    public async Task<IReadOnlyList<MqaCaptureUsage>> GetCaptureUsageAsync(IReadOnlyList<string> groupIds, CaptureInterval interval, CancellationToken cancellationToken = default)
    {
        var body = new CaptureUsageRequestBody { GroupIds = groupIds, Interval = WireNames.Of(interval) };
        var request = new ApiRequest(HttpMethod.Post, "screen-capture-usage-stats", EndpointClass.Demanding)
        {
            JsonBody = Serialize(body, ApiJsonContext.Default.CaptureUsageRequestBody),
            RetryTransientFailures = true, // a read, though sent as POST
        };
        CaptureUsageResponseBody response = await SendAsync(request, ApiJsonContext.Default.CaptureUsageResponseBody, cancellationToken).ConfigureAwait(false);
        if (response.Data is null)
        {
            throw new MaestroQAApiException(ApiErrorKind.UnexpectedResponse, $"MaestroQA answered {request} without the 'data' list the article describes.");
        }

        var usage = new List<MqaCaptureUsage>();
        foreach (CaptureUsageItem agent in response.Data)
        {
            usage.Add(agent.ToModel(interval));
        }

        return usage;
    }

    /// <summary>
    /// Creates a ticket, retried like a read. A 409 means the gradable_id is taken; on a retry
    /// (<see cref="MaestroQAApiException.Attempts"/> above 1) that may be an earlier attempt of this call, which
    /// <see cref="TicketCreator"/> tells apart.
    /// </summary>
    public async Task<MqaTicket> CreateTicketAsync(MqaTicket ticket, CancellationToken cancellationToken = default)
    {
        RequestValues.FromUser(ticket.GradableId ?? string.Empty, "GradableId");
        var request = new ApiRequest(HttpMethod.Post, "tickets", EndpointClass.Easy)
        {
            JsonBody = Serialize(TicketBody.ToSend(ticket, includeGradableId: true), ApiJsonContext.Default.TicketBody),
            RetryTransientFailures = true,
        };
        TicketBody created = await SendAsync(request, ApiJsonContext.Default.TicketBody, cancellationToken).ConfigureAwait(false);

        // The article's answer is the ticket with MaestroQA's _id; without it, the ticket's fate is unknown.
        return created.Id is not null
            ? created.ToModel()
            : throw new MaestroQAApiException(ApiErrorKind.UnexpectedResponse, $"MaestroQA answered {request} for ticket '{ticket.GradableId}' without the ticket's _id; check in MaestroQA whether it was created.");
    }

    /// <summary>Changes the fields <paramref name="changes"/> sets; an empty one changes nothing and reads the ticket back.</summary>
    public async Task<MqaTicket> UpdateTicketAsync(string gradableId, MqaTicket changes, CancellationToken cancellationToken = default)
    {
        // The id is in the path; the body carries only what changes.
        var request = new ApiRequest(Patch, TicketPath(gradableId), EndpointClass.Easy)
        {
            JsonBody = Serialize(TicketBody.ToSend(changes, includeGradableId: false), ApiJsonContext.Default.TicketBody),
            RetryTransientFailures = true,
        };
        TicketBody updated = await SendAsync(request, ApiJsonContext.Default.TicketBody, cancellationToken).ConfigureAwait(false);
        return updated.ToModel();
    }

    public async Task DeleteTicketAsync(string gradableId, CancellationToken cancellationToken = default)
    {
        var request = new ApiRequest(HttpMethod.Delete, TicketPath(gradableId), EndpointClass.Easy) { RetryTransientFailures = true };
        ApiResponse response = await _transport.SendAsync(request, _log, cancellationToken).ConfigureAwait(false);

        // A 404 on a retry means an earlier attempt deleted it.
        if (response.StatusCode == HttpStatusCode.NotFound && response.Attempts > 1)
        {
            _log.Verbose($"Ticket '{gradableId}': 404 on attempt {response.Attempts} means an earlier attempt deleted it.");
            return;
        }

        ApiTransport.EnsureSuccess(request, response);
    }

    private async Task<MqaExport> RequestExportAsync(string path, byte[] body, MqaExport requested, CancellationToken cancellationToken)
    {
        // Requesting an export is not idempotent: only a 429 (refused before any work) is retried.
        var request = new ApiRequest(HttpMethod.Post, path, EndpointClass.Demanding) { JsonBody = body };
        ExportRequestedBody response = await SendAsync(request, ApiJsonContext.Default.ExportRequestedBody, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(response.ExportId))
        {
            throw new MaestroQAApiException(ApiErrorKind.UnexpectedResponse, $"MaestroQA answered {request} without an exportId.");
        }

        var export = new MqaExport(RequestValues.FromServer(response.ExportId!, "the exportId", request), requested.Kind)
        {
            Name = requested.Name,
            StartDate = requested.StartDate,
            EndDate = requested.EndDate,
            SingleFile = requested.SingleFile,
            RequestedAt = _time.GetUtcNow().UtcDateTime,
            Origin = _transport,
        };
        _log.Verbose($"Requested {export}.");
        return export;
    }

    private async Task<T> SendAsync<T>(ApiRequest request, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        ApiResponse response = await _transport.SendAsync(request, _log, cancellationToken).ConfigureAwait(false);
        return Deserialize(request, response, responseType);
    }

    private static T Deserialize<T>(ApiRequest request, ApiResponse response, JsonTypeInfo<T> responseType)
    {
        ApiTransport.EnsureSuccess(request, response);
        try
        {
            return JsonSerializer.Deserialize(response.Body, responseType)
                ?? throw new JsonException("The body was null.");
        }
        catch (JsonException ex)
        {
            throw new MaestroQAApiException(ApiErrorKind.UnexpectedResponse, $"MaestroQA answered {request} with JSON this module does not understand: {ex.Message}", (int)response.StatusCode, innerException: ex);
        }
    }

    private static byte[] Serialize<T>(T body, JsonTypeInfo<T> bodyType) => JsonSerializer.SerializeToUtf8Bytes(body, bodyType);

    private static string TicketPath(string gradableId) => "tickets/" + Uri.EscapeDataString(RequestValues.FromUser(gradableId, "GradableId"));

    private static void EnsureOrdered(DateTimeOffset start, DateTimeOffset end)
    {
        if (start >= end)
        {
            throw new ArgumentException($"The start date {ApiDateFormat.Format(start)} must be before the end date {ApiDateFormat.Format(end)}.");
        }
    }
}
