using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using MaestroQA.Client.Api.Coaching;
using MaestroQA.Client.Api.Wire;
using MaestroQA.Client.Configuration;
using MaestroQA.Client.Dates;
using MaestroQA.Client.Exports;
using MaestroQA.Client.Models;
using MaestroQA.Client.RateLimiting;
using MaestroQA.Client.Transport;

namespace MaestroQA.Client.Api;

/// <summary>One typed method per endpoint of the MaestroQA API, in both editions of its article.</summary>
public sealed class MaestroQAClient : IExportApi
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
        ExportConnections.Of(export) is ApiTransport origin ? new MaestroQAClient(origin, log) : null;

    /// <summary>Whether tickets on this base are named by ticket_id (learnt from the server); then a link is optional.</summary>
    public bool NamesTicketsByTicketId => Dialect.TicketIdField == TicketIdField.TicketId;

    internal ApiTransport Transport => _transport;

    internal IApiLog Log => _log;

    private ServerDialect Dialect => ServerDialect.For(_transport.BaseUri);

    public Task<MqaExport> RequestRawExportAsync(RawExportRequest request, CancellationToken cancellationToken = default)
    {
        DateRange.EnsureOrdered(request.StartDate, request.EndDate);
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
        DateRange.EnsureOrdered(request.StartDate, request.EndDate);
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

    /// <summary>
    /// The export's current status; <paramref name="export"/> keeps what the caller knew of it. The seed article checks
    /// an export with <c>GET get-export-data</c> (the id in a header), today's edition with <c>GET export-data/&lt;id&gt;</c>.
    /// A 404 from one route is followed by one try of the other, and the route that answered is tried first from then on
    /// by every session on the base: a server of either edition is understood from its answers alone, and one that
    /// drops a route later is followed. An id unknown on both routes is NotFound.
    /// </summary>
    public async Task<MqaExport> GetExportAsync(MqaExport export, CancellationToken cancellationToken = default)
    {
        string id = RequestValues.FromUser(export.ExportId, "ExportId");
        // What an answer teaches is recorded for the base that gave it: a 308 may move the session during the call.
        StatusRoute first = Dialect.StatusRoute ?? StatusRoute.GetExportData;
        ExportDataBody data;
        try
        {
            data = await CheckStatusAsync(first, id, cancellationToken).ConfigureAwait(false);
            Dialect.Answered(first);
        }
        catch (MaestroQAApiException notFound) when (notFound.Kind == ApiErrorKind.NotFound)
        {
            StatusRoute other = first == StatusRoute.GetExportData ? StatusRoute.ExportDataById : StatusRoute.GetExportData;
            try
            {
                data = await CheckStatusAsync(other, id, cancellationToken).ConfigureAwait(false);
            }
            catch (MaestroQAApiException again) when (again.Kind == ApiErrorKind.NotFound)
            {
                throw new MaestroQAApiException(
                    ApiErrorKind.NotFound,
                    $"MaestroQA knows no export '{id}': both status routes answered 404 ({Describe(first)}: {notFound.ServerMessage ?? "no message"}; {Describe(other)}: {again.ServerMessage ?? "no message"}). An export is forgotten some time after it was made: request it again.",
                    404,
                    again.ServerMessage);
            }

            Dialect.Answered(other);
            _log.Verbose($"This MaestroQA checks exports with {Describe(other)}, not {Describe(first)}; this base tries it first from now on.");
        }

        if (string.IsNullOrEmpty(data.Status))
        {
            throw new MaestroQAApiException(ApiErrorKind.UnexpectedResponse, $"MaestroQA answered the status check of export {id} without the export's status.");
        }

        return ExportConnections.Remember(
            export with { Status = WireNames.ParseStatus(data.Status), ServerStatus = data.Status, DataUrl = data.DataUrl ?? string.Empty, CheckedAt = _time.GetUtcNow().UtcDateTime },
            _transport);
    }

    /// <summary>Streams a complete export's file; the presigned URL is fetched without the token.</summary>
    public async Task<long> DownloadExportAsync(MqaExport export, Stream destination, Action<long, long?>? progress = null, CancellationToken cancellationToken = default)
    {
        if (!export.HasData || !Uri.TryCreate(export.DataUrl, UriKind.Absolute, out Uri? dataUrl))
        {
            throw new ArgumentException($"Export {export.ExportId} has no data to download (status {export.Status}).", nameof(export));
        }

        return await _transport.DownloadAsync(dataUrl, destination, progress, _log, cancellationToken).ConfigureAwait(false);
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
    /// The coaching sessions of [StartDate, EndDate) on the request's axis, through <paramref name="onSession"/> as each
    /// window's answer arrives: any range, in windows the API takes (see <see cref="CoachingWindows"/>), one request per
    /// window, in order, paced by the demanding limiter. <paramref name="onWindow"/> hears of each window before it is sent.
    /// </summary>
    /// <returns>How many sessions went to <paramref name="onSession"/>.</returns>
    /// <exception cref="MaestroQAInputException">InvalidDateRange: EndDate is not after StartDate; nothing was sent.</exception>
    public async Task<int> GetCoachingSessionsAsync(CoachingSessionRequest request, Action<MqaCoachingSession> onSession, Action<CoachingWindow>? onWindow = null, CancellationToken cancellationToken = default)
    {
        DateRange.EnsureOrdered(request.StartDate, request.EndDate);
        IReadOnlyList<DateWindow> windows = CoachingWindows.For(request.StartDate, request.EndDate);
        TimeSpan least = _transport.DemandingLimiter.Policy.MinimumDuration(windows.Count);
        _log.Verbose($"Coaching sessions {DateRange.Describe(request.StartDate, request.EndDate)} by {WireNames.Of(request.TimeAxis)}: {windows.Count} request(s) for the days {CoachingWindows.Describe(new DateWindow(windows[0].From, windows[windows.Count - 1].To))} (a day either side), at least {least.TotalSeconds:0} s at the demanding limit.");
        var filter = new CoachingSessionFilter(request, _log);
        int written = 0;
        for (int i = 0; i < windows.Count; i++)
        {
            DateWindow days = windows[i];
            CoachingWindows.EnsureWithinLimit(days);
            onWindow?.Invoke(new CoachingWindow(i + 1, windows.Count, days));
            var body = new CoachingRequestBody { StartDate = ApiDateFormat.FormatDay(days.From), EndDate = ApiDateFormat.FormatDay(days.To), TimeAxis = WireNames.Of(request.TimeAxis) };
            var call = new ApiRequest(HttpMethod.Post, "coaching-sessions", EndpointClass.Demanding)
            {
                JsonBody = Serialize(body, ApiJsonContext.Default.CoachingRequestBody),
                RetryTransientFailures = true, // a read, though sent as POST
            };
            List<CoachingSessionItem> answered = await SendAsync(call, ApiJsonContext.Default.ListCoachingSessionItem, cancellationToken).ConfigureAwait(false);
            List<MqaCoachingSession> kept = filter.Keep(answered.OfType<CoachingSessionItem>(), CoachingWindows.Describe(days));
            kept.ForEach(onSession);
            written += kept.Count;
        }

        return written;
    }

    /// <summary>
    /// Creates a ticket, retried like a read. A 409 means the id is taken; on a retry (<see
    /// cref="MaestroQAApiException.Attempts"/> above 1) that may be an earlier attempt of this call, which
    /// <see cref="TicketCreator"/> tells apart. The id goes as the seed's gradable_id until the server refuses it,
    /// naming ticket_id (today's edition): the ticket is then sent once more with ticket_id, and the base remembers
    /// (and the other way round, should a server want gradable_id back). Until a base has shown which field it takes,
    /// its creates go one at a time, so that a load meets the refusal that teaches it once, not once per row in flight.
    /// </summary>
    public async Task<MqaTicket> CreateTicketAsync(MqaTicket ticket, CancellationToken cancellationToken = default)
    {
        RequestValues.FromUser(ticket.GradableId ?? string.Empty, "GradableId");
        ServerDialect dialect = Dialect;
        if (dialect.TicketIdFieldShown)
        {
            return await CreateNamingTicketAsync(ticket, cancellationToken).ConfigureAwait(false);
        }

        await dialect.TicketIdLesson.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await CreateNamingTicketAsync(ticket, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            dialect.TicketIdLesson.Release();
        }
    }

    /// <summary>Changes the fields <paramref name="changes"/> sets; an empty one changes nothing and reads the ticket back.</summary>
    public async Task<MqaTicket> UpdateTicketAsync(string gradableId, MqaTicket changes, CancellationToken cancellationToken = default) =>
        (await PatchTicketAsync(gradableId, changes, cancellationToken).ConfigureAwait(false)).Ticket;

    /// <summary>
    /// Reads a ticket back with a PATCH that changes nothing (the API has no GET for one); null when its echo is longer
    /// than the response cap, so that what it holds cannot be told.
    /// </summary>
    internal async Task<MqaTicket?> ReadTicketBackAsync(string gradableId, CancellationToken cancellationToken)
    {
        (MqaTicket stored, bool whole) = await PatchTicketAsync(gradableId, new MqaTicket(), cancellationToken).ConfigureAwait(false);
        return whole ? stored : null;
    }

    private Task<(MqaTicket Ticket, bool Whole)> PatchTicketAsync(string gradableId, MqaTicket changes, CancellationToken cancellationToken)
    {
        // The id is in the path; the body carries only what changes.
        var request = new ApiRequest(Patch, TicketPath(gradableId), EndpointClass.Easy)
        {
            JsonBody = Serialize(TicketBody.ToSend(changes, idField: null), ApiJsonContext.Default.TicketBody),
            RetryTransientFailures = true,
            KeepsOversizedSuccess = true,
        };
        return SendTicketAsync(request, changes with { GradableId = gradableId }, requireId: false, cancellationToken);
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

        _transport.EnsureSuccess(request, response);
    }

    internal async Task<T> SendAsync<T>(ApiRequest request, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        ApiResponse response = await _transport.SendAsync(request, _log, cancellationToken).ConfigureAwait(false);
        EnsureSuccess(request, response);
        return Deserialize(request, response, responseType);
    }

    internal static byte[] Serialize<T>(T body, JsonTypeInfo<T> bodyType) => JsonSerializer.SerializeToUtf8Bytes(body, bodyType);

    /// <summary>Sends the ticket named by the field the base takes, or, refused with a message naming the other, by that one.</summary>
    private async Task<MqaTicket> CreateNamingTicketAsync(MqaTicket ticket, CancellationToken cancellationToken)
    {
        TicketIdField field = Dialect.TicketIdField;
        try
        {
            return await CreateTicketAsync(ticket, field, cancellationToken).ConfigureAwait(false);
        }
        catch (MaestroQAApiException refused) when (refused.Kind == ApiErrorKind.InvalidRequest && Names(refused.ServerMessage, Other(field)))
        {
            // Refused, so nothing was created: sending it again cannot make two.
            TicketIdField wanted = Other(field);
            _log.Verbose($"Ticket '{ticket.GradableId}': MaestroQA refused {WireName(field)}, naming {WireName(wanted)} ({refused.ServerMessage}); sending it with {WireName(wanted)}, as this base will from now on.");
            Dialect.NamesTicketsBy(wanted);
            return await CreateTicketAsync(ticket, wanted, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// One create, named by <paramref name="field"/>. A 2xx or a 409 shows the server read that field, which is recorded
    /// for the base that answered (a 308 may have moved the session meanwhile).
    /// </summary>
    private async Task<MqaTicket> CreateTicketAsync(MqaTicket ticket, TicketIdField field, CancellationToken cancellationToken)
    {
        var request = new ApiRequest(HttpMethod.Post, "tickets", EndpointClass.Easy)
        {
            JsonBody = Serialize(TicketBody.ToSend(ticket, field), ApiJsonContext.Default.TicketBody),
            RetryTransientFailures = true,
            KeepsOversizedSuccess = true,
        };
        try
        {
            MqaTicket created = (await SendTicketAsync(request, ticket, requireId: true, cancellationToken).ConfigureAwait(false)).Ticket;
            Dialect.TookTicketId(field);
            return created;
        }
        catch (MaestroQAApiException taken) when (taken.Kind == ApiErrorKind.Conflict)
        {
            Dialect.TookTicketId(field);
            throw;
        }
    }

    /// <summary>
    /// A create or update MaestroQA answered with 2xx was applied, whatever its echo: an echo too long to keep whole is
    /// read as far as the cap (its _id comes first in the article's example) and the ticket is otherwise as sent.
    /// </summary>
    /// <param name="requireId">A create: the article's answer is the ticket with MaestroQA's _id, and a whole answer
    /// without it leaves the ticket's fate unknown.</param>
    /// <returns>The ticket, and whether it is the whole echo (not the ticket as sent, for want of one).</returns>
    private async Task<(MqaTicket Ticket, bool Whole)> SendTicketAsync(ApiRequest request, MqaTicket sent, bool requireId, CancellationToken cancellationToken)
    {
        ApiResponse response = await _transport.SendAsync(request, _log, cancellationToken).ConfigureAwait(false);
        EnsureSuccess(request, response);
        if (response.IsTruncated)
        {
            string? id = TicketEcho.ReadId(response.Body);
            _log.Verbose($"{request} for ticket '{sent.GradableId}': MaestroQA answered {(int)response.StatusCode} with more than {_transport.Options.MaxResponseBytes:N0} bytes; the ticket is as sent{(id is null ? string.Empty : $", with _id {id}")}.");
            return (sent with { Id = id }, false);
        }

        MqaTicket echoed;
        try
        {
            echoed = (JsonSerializer.Deserialize(response.Body, ApiJsonContext.Default.TicketBody) ?? throw new JsonException("The body was null.")).ToModel();
        }
        catch (JsonException ex)
        {
            throw new MaestroQAApiException(
                ApiErrorKind.UnexpectedResponse,
                $"MaestroQA answered {request} for ticket '{sent.GradableId}' with {(int)response.StatusCode}, so it was applied, but with JSON this module does not understand: {ex.Message}",
                (int)response.StatusCode,
                innerException: ex);
        }

        return echoed.Id is not null || !requireId
            ? (echoed, true)
            : throw new MaestroQAApiException(ApiErrorKind.UnexpectedResponse, $"MaestroQA answered {request} for ticket '{sent.GradableId}' without the ticket's _id; check in MaestroQA whether it was created.");
    }

    private async Task<ExportDataBody> CheckStatusAsync(StatusRoute route, string exportId, CancellationToken cancellationToken)
    {
        // The seed's route takes the id as a header: a GET with a body cannot be sent from Windows PowerShell 5.1.
        var request = route == StatusRoute.GetExportData
            ? new ApiRequest(HttpMethod.Get, "get-export-data", EndpointClass.Easy)
            {
                Headers = [new KeyValuePair<string, string>("exportId", exportId)],
                RetryTransientFailures = true,
            }
            : new ApiRequest(HttpMethod.Get, "export-data/" + Uri.EscapeDataString(exportId), EndpointClass.Easy) { RetryTransientFailures = true };
        return await SendAsync(request, ApiJsonContext.Default.ExportDataBody, cancellationToken).ConfigureAwait(false);
    }

    private async Task<MqaExport> RequestExportAsync(string path, byte[] body, MqaExport requested, CancellationToken cancellationToken)
    {
        // Requesting an export is not idempotent: only a 429 (refused before any work) is retried.
        var request = new ApiRequest(HttpMethod.Post, path, EndpointClass.Demanding) { JsonBody = body, MakesExport = true };
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
        };
        _log.Verbose($"Requested {export}.");
        return ExportConnections.Remember(export, _transport);
    }

    /// <summary>A 404 on a route that names no id says the server lacks the route itself: its edition does not have it.</summary>
    /// <param name="raw">The request is the user's own (Invoke-MqaRequest), which is not pointed to itself.</param>
    internal void EnsureSuccess(ApiRequest request, ApiResponse response, bool raw = false)
    {
        if (response.StatusCode == HttpStatusCode.NotFound && NamesNoId(request))
        {
            string lacks = raw
                ? "this edition of the API lacks the route (see about_MaestroQA, WHICH API)."
                : "this edition of the API lacks it (today's article no longer lists the groups export or the screen-capture stats). Invoke-MqaRequest reaches any route the server has.";
            throw new MaestroQAApiException(ApiErrorKind.RouteNotFound, $"MaestroQA at {BaseUris.Redact(_transport.BaseUri)} does not know {request} (404): {lacks}", 404);
        }

        _transport.EnsureSuccess(request, response);
    }

    /// <summary>The route below the base is one name: "metrics" names no id, "tickets/T-1" does.</summary>
    private bool NamesNoId(ApiRequest request)
    {
        // An absolute path on the base's host (Invoke-MqaRequest -Path /api/v1/metrics) is read below the base too.
        string route = request.Route;
        string basePath = _transport.BaseUri.AbsolutePath;
        if (route.StartsWith("/", StringComparison.Ordinal))
        {
            route = route.StartsWith(basePath, StringComparison.Ordinal) ? route.Substring(basePath.Length) : route.TrimStart('/');
        }

        route = route.TrimEnd('/');
        return route.Length > 0 && route.IndexOf('/') < 0 && !string.Equals(route, "get-export-data", StringComparison.Ordinal);
    }

    private static T Deserialize<T>(ApiRequest request, ApiResponse response, JsonTypeInfo<T> responseType)
    {
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

    private static bool Names(string? serverMessage, TicketIdField field) =>
        serverMessage is not null && serverMessage.IndexOf(WireName(field), StringComparison.OrdinalIgnoreCase) >= 0;

    private static TicketIdField Other(TicketIdField field) => field == TicketIdField.GradableId ? TicketIdField.TicketId : TicketIdField.GradableId;

    private static string WireName(TicketIdField field) => field == TicketIdField.GradableId ? "gradable_id" : "ticket_id";

    private static string Describe(StatusRoute route) => route == StatusRoute.GetExportData ? "GET get-export-data" : "GET export-data/<id>";

    private static string TicketPath(string gradableId) => "tickets/" + Uri.EscapeDataString(RequestValues.FromUser(gradableId, "GradableId"));
}
