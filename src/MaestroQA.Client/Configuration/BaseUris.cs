using System;
using System.Collections.Generic;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Configuration;

/// <summary>The rules for an API base URI: which ones the token may go to, how one is shown, and when two are the same.</summary>
public static class BaseUris
{
    /// <summary>The vendor's domains: the product was MaestroQA and is now Rippit; both serve the one API.</summary>
    private static readonly string[] VendorDomains = ["maestroqa.com", "rippit.com"];

    /// <summary>
    /// The base with a trailing slash, so relative paths append to it (api/v1 + tickets, not api/tickets).
    /// </summary>
    /// <exception cref="MaestroQAInputException">Plain http off the local machine (the token would cross the network in
    /// clear text), a relative URI, or one holding a user name, password, query or fragment.</exception>
    public static Uri Checked(Uri baseUri)
    {
        if (!(baseUri.IsAbsoluteUri && (baseUri.Scheme == Uri.UriSchemeHttps || (baseUri.Scheme == Uri.UriSchemeHttp && baseUri.IsLoopback))))
        {
            throw new MaestroQAInputException(
                InputProblem.InsecureBaseUri,
                $"The base URI '{Redact(baseUri)}' must be an absolute https:// URI; http:// is allowed only for loopback, since the token would cross the network in clear text.",
                "BaseUri",
                Redact(baseUri));
        }

        if (ForbiddenParts(baseUri) is string parts)
        {
            // Shown without the parts: a password in it must not reach the error, the session view or a transcript.
            throw new MaestroQAInputException(
                InputProblem.InvalidBaseUri,
                $"The base URI must not hold {parts}: give the API's address alone, such as '{Redact(baseUri)}'.",
                "BaseUri",
                Redact(baseUri));
        }

        return baseUri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
    }

    /// <summary>A URI fit to show: scheme, host, port and path, without user info, query or fragment.</summary>
    public static string Redact(Uri uri) =>
        uri.IsAbsoluteUri ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped) : "(a relative URI)";

    /// <summary>
    /// Whether two base URIs name one API: compared as the transport uses them, so case in the scheme and host, a
    /// default port written out and a missing trailing slash make no difference.
    /// </summary>
    public static bool Same(Uri a, Uri b) =>
        string.Equals(Key(a), Key(b), StringComparison.Ordinal);

    /// <summary>
    /// Whether data that one base handed out (export ids, say) is still good on the other: the same base, or the
    /// vendor's API on either of its domains (it moved from maestroqa.com to rippit.com) under the same path.
    /// </summary>
    public static bool SameApi(Uri a, Uri b) =>
        Same(a, b)
        || (a.Scheme == Uri.UriSchemeHttps && b.Scheme == Uri.UriSchemeHttps && IsVendorHost(a.Host) && IsVendorHost(b.Host)
            && string.Equals(PathOf(a), PathOf(b), StringComparison.Ordinal));

    /// <summary>maestroqa.com, rippit.com or a subdomain of either.</summary>
    public static bool IsVendorHost(string host)
    {
        foreach (string domain in VendorDomains)
        {
            if (string.Equals(host, domain, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The form bases are compared and remembered by (see <see cref="Same"/>); the path keeps its case.</summary>
    public static string Key(Uri baseUri) =>
        $"{baseUri.Scheme.ToLowerInvariant()}://{baseUri.Host.ToLowerInvariant()}:{baseUri.Port}{PathOf(baseUri)}";

    private static string PathOf(Uri baseUri) =>
        baseUri.AbsolutePath.EndsWith("/", StringComparison.Ordinal) ? baseUri.AbsolutePath : baseUri.AbsolutePath + "/";

    // A user name or password shows in every session view and transcript; a query or fragment would be dropped or
    // kept by accident as relative API paths resolve against the base.
    private static string? ForbiddenParts(Uri baseUri)
    {
        var parts = new List<string>();
        if (baseUri.UserInfo.Length > 0)
        {
            parts.Add("a user name or password");
        }

        if (baseUri.Query.Length > 0)
        {
            parts.Add("a query");
        }

        if (baseUri.Fragment.Length > 0)
        {
            parts.Add("a fragment");
        }

        return parts.Count == 0 ? null : string.Join(" and ", parts);
    }
}
