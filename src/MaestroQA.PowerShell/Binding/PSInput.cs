using System.Management.Automation;

namespace MaestroQA.PowerShell.Binding;

/// <summary>What the user gave, without the PSObject that pipelines and variables may wrap it in.</summary>
internal static class PSInput
{
    public static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
}
