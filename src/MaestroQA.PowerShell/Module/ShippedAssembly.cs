using System.Reflection;

namespace MaestroQA.PowerShell.Module;

/// <summary>One assembly file the module ships: its identity, read from the file, and its path.</summary>
internal sealed class ShippedAssembly
{
    public ShippedAssembly(AssemblyName identity, string path)
    {
        Identity = identity;
        Path = path;
    }

    public AssemblyName Identity { get; }

    public string Path { get; }
}
