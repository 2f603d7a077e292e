using System;
using System.Net;

namespace MaestroQA.Client.Configuration;

/// <summary>An explicit proxy, as Invoke-RestMethod's -Proxy, -ProxyCredential and -ProxyUseDefaultCredentials take it.</summary>
public sealed record ProxySettings(Uri Address, NetworkCredential? Credential, bool UseDefaultCredentials)
{
    /// <summary>Identifies the proxy for the HttpClient cache without holding its password.</summary>
    internal string CacheKey => $"{Address}|{Credential?.UserName}|{Credential?.Domain}|{(Credential is null ? null : SecretHash.Of(Credential.Password))}|{UseDefaultCredentials}";
}
