using System;
using System.Management.Automation;
using MaestroQA.Client.Configuration;
using MaestroQA.Client.Models;
using MaestroQA.PowerShell.Session;

namespace MaestroQA.PowerShell.Cmdlets.Session;

/// <summary>Which session a cmdlet uses: -Session, else the runspace's default, else the environment.</summary>
internal static class SessionResolver
{
    public const string TokenVariable = "MAESTROQA_API_TOKEN";
    public const string BaseUriVariable = "MAESTROQA_BASE_URI";

    /// <exception cref="PSInvalidOperationException">There is none, or the environment's is unusable.</exception>
    public static MqaSession Resolve(MqaSession? explicitSession) =>
        TryResolve(explicitSession) ?? throw new PSInvalidOperationException(
            $"Not connected to MaestroQA. Run Connect-Mqa -ApiToken (Read-Host -AsSecureString), pass -Session, or set ${{env:{TokenVariable}}}.");

    /// <summary>The session, or null when there is none at all.</summary>
    /// <exception cref="PSInvalidOperationException">The environment's token or base URI is unusable.</exception>
    public static MqaSession? TryResolve(MqaSession? explicitSession) => explicitSession ?? SessionStore.Current ?? FromEnvironment();

    /// <summary>
    /// $env:MAESTROQA_BASE_URI, when set: one setting moves every runbook and session to another host (the API is now
    /// also documented at https://app.rippit.com/api/v1/). Null when it is not set.
    /// </summary>
    /// <exception cref="MaestroQAInputException">InvalidBaseUri: it is set, but not to an absolute URI.</exception>
    public static Uri? BaseUriFromEnvironment()
    {
        string? value = Environment.GetEnvironmentVariable(BaseUriVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value!.Trim(), UriKind.Absolute, out Uri? uri)
            ? uri
            : throw new MaestroQAInputException(InputProblem.InvalidBaseUri, $"${{env:{BaseUriVariable}}} is not a MaestroQA API address: '{value}' is not an absolute URI. Fix or remove the variable.", "BaseUri", value);
    }

    private static MqaSession? FromEnvironment()
    {
        string? token = Environment.GetEnvironmentVariable(TokenVariable);
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        ApiToken apiToken;
        try
        {
            apiToken = new ApiToken(token!);
        }
        catch (MaestroQAInputException ex) when (ex.Problem is InputProblem.EmptyToken or InputProblem.InvalidToken)
        {
            throw new PSInvalidOperationException($"${{env:{TokenVariable}}} is not a usable API token: {ex.Message} Fix the variable, or run Connect-Mqa.", ex);
        }

        Uri? baseUri;
        try
        {
            baseUri = BaseUriFromEnvironment();
        }
        catch (MaestroQAInputException ex)
        {
            throw new PSInvalidOperationException($"{ex.Message} Or run Connect-Mqa.", ex);
        }

        try
        {
            return new MqaSession(new MaestroQAClientOptions(apiToken, baseUri), "Environment");
        }
        catch (MaestroQAInputException ex)
        {
            // The engine's message shows a base URI without user info or query: the variable may hold a password.
            string shown = ex.Value as string ?? string.Empty;
            throw new PSInvalidOperationException($"${{env:{BaseUriVariable}}} is not a MaestroQA API address: '{shown}'. {ex.Message} Fix or remove the variable. Or run Connect-Mqa.", ex);
        }
    }

    public static ErrorRecord NotConnected(Exception exception) =>
        new(exception, "MaestroQA.NotConnected", ErrorCategory.AuthenticationError, null);
}
