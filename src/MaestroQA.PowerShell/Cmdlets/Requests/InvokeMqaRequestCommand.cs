using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Text;
using System.Text.Json;
using MaestroQA.Client.Api.Raw;
using MaestroQA.Client.Api.Wire;
using MaestroQA.Client.Models;
using MaestroQA.PowerShell.Binding;
using MaestroQA.PowerShell.Errors;

namespace MaestroQA.PowerShell.Cmdlets.Requests;

/// <summary>
/// Any route of the API through the session, for what the module does not wrap: the same token, limiter, retries,
/// redirects and errors as every other cmdlet, with the parameter names of Invoke-RestMethod.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "MqaRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PSObject), typeof(Hashtable), typeof(string))]
public sealed class InvokeMqaRequestCommand : MqaApiCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateSet("Get", "Post", "Patch", "Put", "Delete", IgnoreCase = true)]
    public string Method { get; set; } = string.Empty;

    /// <summary>Relative to the session's BaseUri (export-data/abc, tickets/T1), or an absolute URI on the session's own host.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [Alias("Uri")]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    /// <summary>A hashtable or object, sent as JSON, or JSON text as it is.</summary>
    [Parameter]
    [AllowNull]
    public object? Body { get; set; }

    /// <summary>Added to the path's query; a list value is sent comma-separated, a date in the API's format.</summary>
    [Parameter]
    [ValidateNotNull]
    public IDictionary? Query { get; set; }

    [Parameter]
    [ValidateNotNull]
    public IDictionary? Headers { get; set; }

    /// <summary>The limit class to pace the request by; by default Easy for GET and Demanding for anything else.</summary>
    [Parameter]
    [ValidateSet("Demanding", "Easy", IgnoreCase = true)]
    public string? EndpointClass { get; set; }

    [Parameter]
    [ValidateSet("PSObject", "HashTable", "Json", IgnoreCase = true)]
    public string OutputType { get; set; } = "PSObject";

    /// <summary>Streams the answer's body into this file (whole, not capped) instead of writing it out.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? OutFile { get; set; }

    /// <summary>The name of a variable to set to the answer's headers (a dictionary of string arrays).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ResponseHeadersVariable { get; set; }

    /// <summary>The name of a variable to set to the answer's status code.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? StatusCodeVariable { get; set; }

    /// <summary>Write 4xx and 5xx answers out instead of raising errors for them (a 429 is still waited out and retried).</summary>
    [Parameter]
    public SwitchParameter SkipHttpErrorCheck { get; set; }

    protected override void ProcessRecord()
    {
        string method = Method.ToUpperInvariant();
        string target = $"{method} {Path}";
        if (!TryBuild(method, target, out RawRequest request))
        {
            return;
        }

        // A read changes nothing; a write is asked about as its impact says (a DELETE as High: asked by default).
        if (method != "GET" && !(ShouldProcess(target, $"Send {method} to MaestroQA") && ConfirmDelete(method, target)))
        {
            return;
        }

        var raw = new RawApiClient(Client);
        string? outFile = OutFile is null ? null : GetUnresolvedProviderPathFromPSPath(OutFile);
        if (!TryCall(token => outFile is null ? raw.SendAsync(request, token) : raw.SendToFileAsync(request, outFile, token), target, out RawResponse response))
        {
            return;
        }

        SetVariables(response);
        WriteVerbose($"{target}: {response.StatusCode}, {response.Body.Length:N0} bytes{(outFile is null || !response.IsSuccess ? string.Empty : $" (the body went to '{outFile}')")}.");
        if (!response.IsSuccess && !SkipHttpErrorCheck)
        {
            try
            {
                raw.EnsureSuccess(response);
            }
            catch (MaestroQAApiException failure)
            {
                WriteFailure(failure, target);
            }

            return;
        }

        if (outFile is null || !response.IsSuccess)
        {
            WriteBody(response, target);
        }
    }

    private bool TryBuild(string method, string target, out RawRequest request)
    {
        request = null!;
        byte[]? json;
        try
        {
            json = Body switch
            {
                null => null,
                string text => RawJson.FromText(text),
                PSObject { BaseObject: string text } => RawJson.FromText(text),
                _ => RawJson.Write(PSInput.ToPlain(Body)),
            };
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            WriteError(ErrorRecords.InvalidArgument("InvalidRequest", $"-Body is neither JSON text nor a value that can be sent as JSON: {ex.Message} Nothing was sent.", Body));
            return false;
        }

        request = new RawRequest(method, Path)
        {
            Query = Pairs(Query),
            Headers = Pairs(Headers),
            JsonBody = json,
            EndpointClass = EndpointClass is null ? null : (MaestroQA.Client.RateLimiting.EndpointClass)Enum.Parse(typeof(MaestroQA.Client.RateLimiting.EndpointClass), EndpointClass, ignoreCase: true),
        };
        return true;
    }

    /// <summary>
    /// The cmdlet's ConfirmImpact is Medium; a DELETE's is High, so under the default $ConfirmPreference (High), where
    /// ShouldProcess does not ask, it is asked about here (after ShouldProcess, so never under -WhatIf). -Confirm and
    /// -Confirm:$false decide as they do for ShouldProcess, and a $ConfirmPreference of Medium or Low has had
    /// ShouldProcess ask already.
    /// </summary>
    private bool ConfirmDelete(string method, string target) =>
        method != "DELETE"
        || Confirmation.Given(this)
        || LanguagePrimitives.ConvertTo<ConfirmImpact>(GetVariableValue("ConfirmPreference")) != ConfirmImpact.High
        || Confirmation.Ask(this, $"{target} deletes it in MaestroQA.", "Delete", target);

    private void SetVariables(RawResponse response)
    {
        if (StatusCodeVariable is not null)
        {
            SessionState.PSVariable.Set(StatusCodeVariable, response.StatusCode);
        }

        if (ResponseHeadersVariable is not null)
        {
            var headers = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
            foreach (KeyValuePair<string, string[]> header in response.Headers)
            {
                headers[header.Key] = header.Value;
            }

            SessionState.PSVariable.Set(ResponseHeadersVariable, headers);
        }
    }

    /// <summary>JSON as objects (a top-level array one item at a time) or as text; any other body as text; none as nothing.</summary>
    private void WriteBody(RawResponse response, string target)
    {
        if (response.Body.Length == 0)
        {
            return;
        }

        if (string.Equals(OutputType, "Json", StringComparison.OrdinalIgnoreCase) || !response.IsJson)
        {
            WriteObject(Encoding.UTF8.GetString(response.Body));
            return;
        }

        object? parsed;
        try
        {
            parsed = RawJson.Parse(response.Body);
        }
        catch (JsonException ex)
        {
            WriteError(ErrorRecords.From(new MaestroQAApiException(ApiErrorKind.UnexpectedResponse, $"MaestroQA answered {target} with {response.StatusCode} and a body that says it is JSON but is not: {ex.Message}", response.StatusCode, innerException: ex), target));
            return;
        }

        object? output = string.Equals(OutputType, "HashTable", StringComparison.OrdinalIgnoreCase) ? JsonOutput.ToHashtables(parsed) : JsonOutput.ToPSObjects(parsed);
        WriteObject(output, enumerateCollection: output is object?[]);
    }

    /// <summary>A hashtable's entries as text pairs: a list comma-separated, a date in the API's format, a boolean in lower case.</summary>
    private static IReadOnlyList<KeyValuePair<string, string>> Pairs(IDictionary? table)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (table is null)
        {
            return pairs;
        }

        foreach (DictionaryEntry entry in table)
        {
            pairs.Add(new KeyValuePair<string, string>(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty, Text(PSInput.Unwrap(entry.Value))));
        }

        return pairs;
    }

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        bool flag => flag ? "true" : "false",
        DateTime date => ApiDateFormat.Format(ApiDateFormat.ToUtc(date)),
        DateTimeOffset instant => ApiDateFormat.Format(instant),
        IEnumerable items => string.Join(",", EnumerateText(items)),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static IEnumerable<string> EnumerateText(IEnumerable items)
    {
        foreach (object? item in items)
        {
            yield return Text(PSInput.Unwrap(item));
        }
    }
}
