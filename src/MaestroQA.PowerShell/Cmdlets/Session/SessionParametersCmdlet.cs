using System.Management.Automation;
using System.Net;
using System.Security;
using System;
using MaestroQA.Client.Configuration;
using MaestroQA.Client.Models;
using MaestroQA.Client.RateLimiting;
using MaestroQA.PowerShell.Binding;
using MaestroQA.PowerShell.Errors;
using MaestroQA.PowerShell.Session;

namespace MaestroQA.PowerShell.Cmdlets.Session;

/// <summary>The parameters Connect-Mqa and New-MqaSession share, and the one place that turns them into a session.</summary>
public abstract class SessionParametersCmdlet : PSCmdlet
{
    protected const string TokenSet = "ApiToken";
    protected const string CredentialSet = "Credential";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = TokenSet)]
    [SecureStringTransformation]
    [ValidateNotNull]
    public SecureString ApiToken { get; set; } = null!;

    /// <summary>The password is the token; the user name is ignored (Azure Automation hands tokens this way).</summary>
    [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
    [Credential]
    [ValidateNotNull]
    public PSCredential Credential { get; set; } = null!;

    [Parameter]
    [ValidateNotNull]
    public Uri BaseUri { get; set; } = MaestroQAClientOptions.DefaultBaseUri;

    [Parameter]
    [ValidateNotNull]
    public Uri? Proxy { get; set; }

    [Parameter]
    [Credential]
    [ValidateNotNull]
    public PSCredential? ProxyCredential { get; set; }

    [Parameter]
    public SwitchParameter ProxyUseDefaultCredentials { get; set; }

    /// <summary>Seconds one attempt may take before it is retried.</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int TimeoutSec { get; set; } = 100;

    [Parameter]
    [ValidateRange(0, 20)]
    public int MaximumRetryCount { get; set; } = 5;

    [Parameter]
    [ValidateRange(0.05, 600)]
    public double RetryIntervalSec { get; set; } = 1;

    /// <summary>Overrides the documented 1/s and 30/min for export requests and capture stats.</summary>
    [Parameter]
    [RateLimitPolicyTransformation]
    public RateLimitPolicy? DemandingRateLimit { get; set; }

    /// <summary>Overrides the documented 10/s and 100/min for export status and tickets.</summary>
    [Parameter]
    [RateLimitPolicyTransformation]
    public RateLimitPolicy? EasyRateLimit { get; set; }

    protected MqaSession CreateSession()
    {
        if (!MaestroQAClientOptions.IsAllowedBaseUri(BaseUri))
        {
            ThrowTerminatingError(ErrorRecords.InvalidArgument(
                "InsecureBaseUri",
                $"The base URI '{MaestroQAClientOptions.Redact(BaseUri)}' must be an absolute https:// URI; http:// is allowed only for loopback, since the token would cross the network in clear text.",
                MaestroQAClientOptions.Redact(BaseUri)));
        }

        if (MaestroQAClientOptions.ForbiddenParts(BaseUri) is string parts)
        {
            // Shown without the parts: a password in it must not reach the error, the session view or a transcript.
            ThrowTerminatingError(ErrorRecords.InvalidArgument(
                "InvalidBaseUri",
                $"-BaseUri must not hold {parts}: give the API's address alone, such as '{MaestroQAClientOptions.Redact(BaseUri)}'.",
                MaestroQAClientOptions.Redact(BaseUri)));
        }

        if ((ProxyCredential is not null || ProxyUseDefaultCredentials) && Proxy is null)
        {
            ThrowTerminatingError(ErrorRecords.InvalidArgument("ProxyCredentialWithoutProxy", "-ProxyCredential and -ProxyUseDefaultCredentials need -Proxy.", ProxyCredential));
        }

        string token = ParameterSetName == CredentialSet ? Credential.GetNetworkCredential().Password : new NetworkCredential(string.Empty, ApiToken).Password;
        if (string.IsNullOrWhiteSpace(token))
        {
            ThrowTerminatingError(ErrorRecords.InvalidArgument("EmptyToken", "The API token is empty. Create one in MaestroQA under Other Settings > API Tokens.", null));
        }

        ApiToken apiToken = null!;
        try
        {
            apiToken = new ApiToken(token);
        }
        catch (ArgumentException invalid)
        {
            ThrowTerminatingError(ErrorRecords.InvalidArgument("InvalidToken", invalid.Message, ParameterSetName));
        }

        var options = new MaestroQAClientOptions(apiToken, BaseUri)
        {
            DemandingLimit = DemandingRateLimit ?? RateLimitPolicy.Demanding,
            EasyLimit = EasyRateLimit ?? RateLimitPolicy.Easy,
            AttemptTimeout = TimeSpan.FromSeconds(TimeoutSec),
            MaxRetryCount = MaximumRetryCount,
            RetryBaseDelay = TimeSpan.FromSeconds(RetryIntervalSec),
            Proxy = Proxy is null ? null : new ProxySettings(Proxy, ProxyCredential?.GetNetworkCredential(), ProxyUseDefaultCredentials),
        };
        RateLimitPolicy? demandingBefore = SharedRateLimiters.CurrentPolicy(options.Token.LimiterKey, EndpointClass.Demanding, options.DemandingLimit.WindowScale);
        RateLimitPolicy? easyBefore = SharedRateLimiters.CurrentPolicy(options.Token.LimiterKey, EndpointClass.Easy, options.EasyLimit.WindowScale);
        var session = new MqaSession(options, ParameterSetName);
        SayWhichLimitsHold("demanding", options.DemandingLimit, demandingBefore, session.Transport.DemandingLimiter.Policy);
        SayWhichLimitsHold("easy", options.EasyLimit, easyBefore, session.Transport.EasyLimiter.Policy);
        return session;
    }

    // The API counts one budget per token: sessions that ask for different limits all get the strictest of them.
    private void SayWhichLimitsHold(string endpoints, RateLimitPolicy asked, RateLimitPolicy? before, RateLimitPolicy holds)
    {
        string limits = $"{holds.PerSecond}/s and {holds.PerMinute}/min (margin {holds.SafetyMargin.TotalMilliseconds:0} ms)";
        if (asked != holds)
        {
            WriteVerbose($"Another session with this token asked for stricter {endpoints} limits: {limits} hold for every session of the token, not the {asked.PerSecond}/s and {asked.PerMinute}/min asked.");
        }
        else if (before is not null && before != holds)
        {
            WriteVerbose($"This session's {endpoints} limits are stricter than those of another session with this token: {limits} now hold for every session of the token.");
        }
    }
}
