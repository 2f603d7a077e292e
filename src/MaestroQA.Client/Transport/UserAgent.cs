using System.Reflection;

namespace MaestroQA.Client.Transport;

internal static class UserAgent
{
    public static readonly string Value =
        "MaestroQA.PowerShell/" + (typeof(UserAgent).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0");
}
