using System;

namespace MaestroQA.PowerShell.Cmdlets.Exports;

/// <summary>
/// -Timeout and -PollInterval, on the cmdlets that wait (Wait-MqaExport, Invoke-Mqa*Export -Wait) and not on the ones
/// that do not. Declare them with <see cref="Binding.SecondsTransformationAttribute"/>, so a number means seconds.
/// </summary>
internal interface IExportWaitOptions
{
    /// <summary>How long to wait for one export to complete; 30 minutes by default.</summary>
    TimeSpan Timeout { get; }

    /// <summary>The first pause between status checks; later ones grow by half, up to 30 s; 2 s by default.</summary>
    TimeSpan PollInterval { get; }
}
