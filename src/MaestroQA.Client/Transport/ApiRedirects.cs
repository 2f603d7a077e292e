using System;
using System.Net.Http;
using MaestroQA.Client.Configuration;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Transport;

/// <summary>One hop an API call follows: where to, and whether the server said the move is for good.</summary>
internal readonly record struct RedirectHop(Uri Target, bool Permanent);

/// <summary>
/// Which redirects of an API call are followed. The token goes wherever the call goes, so only to MaestroQA's own
/// hosts (maestroqa.com, rippit.com and their subdomains, over https) or to the session's own host name (any port:
/// what a local server uses); never from https to http; 307/308 for any method, 301/302/303 only for GET, since
/// another method may have been applied. Anything else is refused before anything is sent there.
/// </summary>
internal static class ApiRedirects
{
    public const int MaxHops = 5;

    /// <summary>The hop to follow, or null when the answer is no redirect.</summary>
    /// <exception cref="MaestroQAApiException">UnexpectedResponse: a redirect that is not followed, naming where it led and what to do.</exception>
    public static RedirectHop? Next(ApiRequest request, Uri from, HttpResponseMessage response, int hops, Uri baseUri)
    {
        int status = (int)response.StatusCode;
        if (status is not (301 or 302 or 303 or 307 or 308) || response.Headers.Location is not Uri location)
        {
            return null;
        }

        Uri target = location.IsAbsoluteUri ? location : new Uri(from, location);
        string said = $"MaestroQA answered {request} with {status} ({response.StatusCode}), redirecting to {target.Host}";
        if (!MayCarryToken(from, target, baseUri))
        {
            string why = from.Scheme == Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttps
                ? "from https to plain http, which would put the token on the wire in clear text"
                : "which is neither MaestroQA's (maestroqa.com, rippit.com, over https) nor this session's host";
            throw Refused($"{said}, {why}: API redirects are not followed there, so nothing was sent and the token went nowhere else. Check the session's BaseUri.", status);
        }

        if (hops >= MaxHops)
        {
            throw Refused($"{said} more than {MaxHops} times in a row; nothing more was sent. Check the session's BaseUri.", status);
        }

        bool isGet = request.Method == HttpMethod.Get || request.Method == HttpMethod.Head;
        if (status is 301 or 302 or 303 && !isGet)
        {
            string where = MovedBase(from, target, baseUri) is Uri moved ? $"'{BaseUris.Redact(moved)}'" : $"the host it names ({target.Host})";
            throw Refused(
                $"{said}: the API has moved to {where}. {request} was not sent there again, since MaestroQA may have applied it; check whether it was before sending it again, and connect with -BaseUri {where} (or set $env:MAESTROQA_BASE_URI to it).",
                status);
        }

        return new RedirectHop(target, Permanent: status is 301 or 308);
    }

    /// <summary>
    /// The base a call's permanent move implies: <paramref name="requested"/> was the base plus a path; if
    /// <paramref name="movedTo"/> ends with that same path, what precedes it is the new base. Null when it cannot be told.
    /// </summary>
    public static Uri? MovedBase(Uri requested, Uri movedTo, Uri baseUri)
    {
        string basePath = baseUri.AbsolutePath;
        if (!requested.AbsolutePath.StartsWith(basePath, StringComparison.Ordinal))
        {
            return null;
        }

        string rest = requested.AbsolutePath.Substring(basePath.Length);
        string target = movedTo.AbsolutePath;
        if (!target.EndsWith(rest, StringComparison.Ordinal) || !target.Substring(0, target.Length - rest.Length).EndsWith("/", StringComparison.Ordinal))
        {
            return null;
        }

        return new Uri(movedTo.GetLeftPart(UriPartial.Authority) + target.Substring(0, target.Length - rest.Length));
    }

    internal static bool MayCarryToken(Uri from, Uri target, Uri baseUri)
    {
        if ((target.Scheme != Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttp)
            || (from.Scheme == Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttps))
        {
            return false;
        }

        return string.Equals(target.Host, baseUri.Host, StringComparison.OrdinalIgnoreCase)
            || (target.Scheme == Uri.UriSchemeHttps && BaseUris.IsVendorHost(target.Host));
    }

    private static MaestroQAApiException Refused(string message, int status) => new(ApiErrorKind.UnexpectedResponse, message, status);
}
