using System;
using System.Management.Automation;

namespace MaestroQA.PowerShell.Cmdlets;

/// <summary>What the user said about -WhatIf and -Confirm, and the one way to ask beyond ShouldProcess.</summary>
internal static class Confirmation
{
    /// <summary>-WhatIf given, or $WhatIfPreference set.</summary>
    public static bool WhatIfAsked(PSCmdlet cmdlet) =>
        cmdlet.MyInvocation.BoundParameters.TryGetValue("WhatIf", out object? whatIf)
            ? ((SwitchParameter)whatIf).IsPresent
            : LanguagePrimitives.IsTrue(cmdlet.GetVariableValue("WhatIfPreference"));

    /// <summary>-Confirm:$false given: the user said not to ask.</summary>
    public static bool TurnedOff(PSCmdlet cmdlet) =>
        cmdlet.MyInvocation.BoundParameters.TryGetValue("Confirm", out object? confirm) && !((SwitchParameter)confirm).IsPresent;

    /// <summary>-Confirm given, either way: ShouldProcess has asked already, or the user said not to ask.</summary>
    public static bool Given(PSCmdlet cmdlet) => cmdlet.MyInvocation.BoundParameters.ContainsKey("Confirm");

    /// <summary>
    /// Asks <paramref name="question"/>; a host that cannot ask (a runbook, a console whose input has ended) ends the
    /// command with MaestroQA.ConfirmationNeeded, having sent nothing, and says how to allow it.
    /// </summary>
    public static bool Ask(PSCmdlet cmdlet, string question, string caption, object? target)
    {
        try
        {
            return cmdlet.ShouldContinue($"{question} Continue? (-Confirm:$false skips this question.)", caption);
        }
        // The console host throws NullReferenceException when its input has ended (a scheduled 'pwsh -File' without
        // -NonInteractive); Remove-Item -Confirm fails the same way there.
        catch (Exception ex) when (ex is PSInvalidOperationException or System.Management.Automation.Host.HostException or NotImplementedException or NullReferenceException)
        {
            cmdlet.ThrowTerminatingError(new ErrorRecord(
                new PSInvalidOperationException($"{question} This host cannot ask whether to go on; add -Confirm:$false to allow it.", ex),
                "MaestroQA.ConfirmationNeeded",
                ErrorCategory.InvalidOperation,
                target));
            return false;
        }
    }
}
