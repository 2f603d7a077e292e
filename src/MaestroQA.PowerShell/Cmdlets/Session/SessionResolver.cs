using System;
using System.Management.Automation;
using MaestroQA.Client.Configuration;
using MaestroQA.PowerShell.Session;

namespace MaestroQA.PowerShell.Cmdlets.Session;

/// <summary>Which session a cmdlet uses: -Session, else the runspace's default, else the environment.</summary>
internal static class SessionResolver
{
    public const string TokenVariable = "MAESTROQA_API_TOKEN";
    public const string BaseUriVariable = "MAESTROQA_BASE_URI";

    public static MqaSession Resolve(MqaSession? explicitSession) =>
        explicitSession ?? SessionStore.Current ?? FromEnvironment() ?? throw new PSInvalidOperationException(
            $"Not connected to MaestroQA. Run Connect-Mqa -ApiToken (Read-Host -AsSecureString), pass -Session, or set ${{env:{TokenVariable}}}.");

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
        catch (ArgumentException ex)
        {
            throw new PSInvalidOperationException($"${{env:{TokenVariable}}} is not a usable API token: {ex.Message} Fix the variable, or run Connect-Mqa.", ex);
        }

        string? baseUri = Environment.GetEnvironmentVariable(BaseUriVariable);
        try
        {
            Uri? uri = string.IsNullOrWhiteSpace(baseUri) ? null : new Uri(baseUri, UriKind.Absolute);
            return new MqaSession(new MaestroQAClientOptions(apiToken, uri), "Environment");
        }
        catch (Exception ex) when (ex is ArgumentException or UriFormatException)
        {
            // Shown without user info or query: the variable may hold a password.
            string shown = Uri.TryCreate(baseUri, UriKind.Absolute, out Uri? parsed) ? MaestroQAClientOptions.Redact(parsed) : baseUri ?? string.Empty;
            throw new PSInvalidOperationException(
                $"${{env:{BaseUriVariable}}} is not a MaestroQA API address: '{shown}'. {ex.Message} Fix or remove the variable, or run Connect-Mqa.", ex);
        }
    }

    public static ErrorRecord NotConnected(Exception exception) =>
        new(exception, "MaestroQA.NotConnected", ErrorCategory.AuthenticationError, null);
}
