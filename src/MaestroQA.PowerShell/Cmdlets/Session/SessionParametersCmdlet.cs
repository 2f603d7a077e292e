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

    /// <summary>By default $env:MAESTROQA_BASE_URI when it is set, else the seed article's https://app.maestroqa.com/api/v1/.</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? BaseUri { get; set; }

    [Parameter]
    [ValidateNotNull]
    public Uri? Proxy { get; set; }

    [Parameter]
    [Credential]
    [ValidateNotNull]
    public PSCredential? ProxyCredential { get; set; }

    [Parameter]
    public SwitchParameter ProxyUseDefaultCredentials { get; set; }

    /// <summary>Seconds one attempt may take before it is retried; the options' default when not given.</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int? TimeoutSec { get; set; }

    [Parameter]
    [ValidateRange(0, 20)]
    public int? MaximumRetryCount { get; set; }

    [Parameter]
    [ValidateRange(0.05, 600)]
    public double? RetryIntervalSec { get; set; }

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
        if ((ProxyCredential is not null || ProxyUseDefaultCredentials) && Proxy is null)
        {
            ThrowTerminatingError(ErrorRecords.InvalidArgument("ProxyCredentialWithoutProxy", "-ProxyCredential and -ProxyUseDefaultCredentials need -Proxy.", ProxyCredential));
        }

        string token = ParameterSetName == CredentialSet ? Credential.GetNetworkCredential().Password : new NetworkCredential(string.Empty, ApiToken).Password;
        MaestroQAClientOptions options = null!;
        try
        {
            // The engine checks the token and the base URI; a wrong one is refused here, before any session exists.
            options = new MaestroQAClientOptions(new ApiToken(token), BaseUri ?? SessionResolver.BaseUriFromEnvironment());
        }
        catch (MaestroQAInputException invalid)
        {
            ThrowTerminatingError(ErrorRecords.From(invalid, ParameterSetName));
        }

        options = options with
        {
            DemandingLimit = DemandingRateLimit ?? options.DemandingLimit,
            EasyLimit = EasyRateLimit ?? options.EasyLimit,
            AttemptTimeout = TimeoutSec is int seconds ? TimeSpan.FromSeconds(seconds) : options.AttemptTimeout,
            MaxRetryCount = MaximumRetryCount ?? options.MaxRetryCount,
            RetryBaseDelay = RetryIntervalSec is double interval ? TimeSpan.FromSeconds(interval) : options.RetryBaseDelay,
            Proxy = Proxy is null ? null : new ProxySettings(Proxy, ProxyCredential?.GetNetworkCredential(), ProxyUseDefaultCredentials),
        };
        RateLimitPolicy? demandingBefore = SharedRateLimiters.CurrentPolicy(options.Token.LimiterKey, EndpointClass.Demanding, options.DemandingLimit.WindowScale);
        RateLimitPolicy? easyBefore = SharedRateLimiters.CurrentPolicy(options.Token.LimiterKey, EndpointClass.Easy, options.EasyLimit.WindowScale);
        var session = new MqaSession(options, ParameterSetName);
        SayWhichLimitsHold("demanding", options.DemandingLimit, demandingBefore, session.Transport.DemandingLimiter.Policy);
        SayWhichLimitsHold("easy", options.EasyLimit, easyBefore, session.Transport.EasyLimiter.Policy);
        return session;
    }

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
