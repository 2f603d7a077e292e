#if NET
using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace MaestroQA.PowerShell.Module;

/// <summary>The module's private load context on PowerShell 7 (the pattern of the PowerShell docs and the Graph SDK).</summary>
internal sealed class DependencyLoadContext : AssemblyLoadContext
{
    public static readonly DependencyLoadContext Instance = new();

    private static readonly Dictionary<string, string> FrameworkAssemblies = ReadFrameworkAssemblies();

    private DependencyLoadContext()
        : base("MaestroQA.PowerShell", isCollectible: false)
    {
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        string? path = DependencyResolver.DependencyPath(assemblyName);
        if (path is null || FrameworkIsAtLeastAsNew(assemblyName.Name!, path))
        {
            return null; // the default context (the shared framework) serves it
        }

        return LoadFromAssemblyPath(path);
    }

    private static bool FrameworkIsAtLeastAsNew(string name, string ourPath)
    {
        if (!FrameworkAssemblies.TryGetValue(name, out string? frameworkPath))
        {
            return false;
        }

        Version? frameworkVersion = AssemblyName.GetAssemblyName(frameworkPath).Version;
        Version? ourVersion = AssemblyName.GetAssemblyName(ourPath).Version;
        return frameworkVersion is not null && ourVersion is not null && frameworkVersion >= ourVersion;
    }

    private static Dictionary<string, string> ReadFrameworkAssemblies()
    {
        var assemblies = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string trusted = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;
        foreach (string path in trusted.Split(Path.PathSeparator))
        {
            if (path.Length > 0)
            {
                assemblies[Path.GetFileNameWithoutExtension(path)] = path;
            }
        }

        return assemblies;
    }
}
#endif
