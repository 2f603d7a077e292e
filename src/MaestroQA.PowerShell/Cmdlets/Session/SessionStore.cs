using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using MaestroQA.PowerShell.Session;

namespace MaestroQA.PowerShell.Cmdlets.Session;

/// <summary>The default session of each runspace: Connect-Mqa in one runspace never changes another's.</summary>
internal static class SessionStore
{
    private static readonly ConditionalWeakTable<Runspace, MqaSession> Defaults = new();

    public static MqaSession? Current =>
        Runspace.DefaultRunspace is Runspace runspace && Defaults.TryGetValue(runspace, out MqaSession? session) ? session : null;

    public static void SetCurrent(MqaSession session)
    {
        Runspace runspace = Runspace.DefaultRunspace;
        Defaults.Remove(runspace);
        Defaults.Add(runspace, session);
    }

    public static bool Clear() => Runspace.DefaultRunspace is Runspace runspace && Defaults.Remove(runspace);
}
