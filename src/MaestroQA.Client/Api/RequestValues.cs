using System;
using System.Text;
using MaestroQA.Client.Models;

namespace MaestroQA.Client.Api;

/// <summary>
/// Values that travel in a header or a URL path (an export id, a gradable id), checked before anything is sent: a
/// control character there could add a header of its own (CR LF) or change what the request means.
/// </summary>
internal static class RequestValues
{
    /// <summary>A value the user gave: a control character in it is refused, naming the parameter.</summary>
    /// <exception cref="MaestroQAInputException">InvalidArgument.</exception>
    public static string FromUser(string value, string parameterName) =>
        IndexOfControl(value) is int index
            ? throw new MaestroQAInputException(InputProblem.InvalidArgument, $"{parameterName} '{Visible(value)}' holds a control character (U+{(int)value[index]:X4}); nothing was sent.", parameterName, Visible(value))
            : value;

    /// <summary>A value the server gave that will go back in a header or path: a control character there is not MaestroQA's.</summary>
    public static string FromServer(string value, string what, object request) =>
        IndexOfControl(value) is int
            ? throw new MaestroQAApiException(ApiErrorKind.UnexpectedResponse, $"MaestroQA answered {request} with {what} '{Visible(value)}', which holds a control character; it is not used.")
            : value;

    private static int? IndexOfControl(string value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            if (char.IsControl(value[i]))
            {
                return i;
            }
        }

        return null;
    }

    // Shown escaped, so the message itself cannot break a line or a log.
    private static string Visible(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (char c in value)
        {
            text.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return text.ToString();
    }
}
