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

        string? baseUri = Environment.GetEnvironmentVariable(BaseUriVariable);
        try
        {
            Uri? uri = string.IsNullOrWhiteSpace(baseUri) ? null : new Uri(baseUri, UriKind.Absolute);
            return new MqaSession(new MaestroQAClientOptions(new ApiToken(token!), uri), "Environment");
        }
        catch (Exception ex) when (ex is ArgumentException or UriFormatException)
        {
            throw new PSInvalidOperationException(
                $"${{env:{BaseUriVariable}}} is not a MaestroQA API address: '{baseUri}'. {ex.Message} Fix or remove the variable, or run Connect-Mqa.", ex);
        }
    }

    public static ErrorRecord NotConnected(Exception exception) =>
        new(exception, "MaestroQA.NotConnected", ErrorCategory.AuthenticationError, null);
}
