using System;
using System.IO;
using System.Reflection;
#if NET
using System.Runtime.Loader;
#endif

namespace MaestroQA.PowerShell.Module;

internal static class DependencyResolver
{
    private const string ClientAssemblyName = "MaestroQA.Client";
#if !NET
    private const string ModelsAssemblyName = "MaestroQA.Client.Models";
#endif

    internal static readonly string DependencyFolder =
        Path.Combine(Path.GetDirectoryName(typeof(DependencyResolver).Assembly.Location)!, "dependencies");

    // Read on the first request, once: the files do not change while the module is loaded.
    private static readonly Lazy<DependencyCatalog> Catalog = new(() => DependencyCatalog.ReadFolder(DependencyFolder));

    private static readonly object Gate = new();
    private static bool _registered;

    /// <summary>Idempotent: the root module registers before Import-Module scans the cmdlets, then OnImport does again.</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (!_registered)
            {
                Hook(register: true);
                _registered = true;
            }
        }
    }

    public static void Unregister()
    {
        lock (Gate)
        {
            if (_registered)
            {
                Hook(register: false);
                _registered = false;
            }
        }
    }

#if NET
    // PowerShell 7: the client loads into the module's own load context; its dependencies follow it there.
    private static void Hook(bool register)
    {
        if (register)
        {
            AssemblyLoadContext.Default.Resolving += ResolveClient;
        }
        else
        {
            AssemblyLoadContext.Default.Resolving -= ResolveClient;
        }
    }

    private static Assembly? ResolveClient(AssemblyLoadContext context, AssemblyName name) =>
        name.Name == ClientAssemblyName ? DependencyLoadContext.Instance.LoadFromAssemblyName(name) : null;
#else
    // Windows PowerShell 5.1 has no load contexts and no binding redirects: serve our own files to the versions our
    // referrers ask for (DependencyCatalog.PathFor says which).
    private static void Hook(bool register)
    {
        if (register)
        {
            AppDomain.CurrentDomain.AssemblyResolve += ResolveDependency;
        }
        else
        {
            AppDomain.CurrentDomain.AssemblyResolve -= ResolveDependency;
        }
    }

    private static Assembly? ResolveDependency(object? sender, ResolveEventArgs args)
    {
        var name = new AssemblyName(args.Name);

        // The types users see sit beside the cmdlets, where the .psm1 loaded them: the engine, which loads from
        // dependencies/, must bind to that copy, or one type would have two identities.
        if (string.Equals(name.Name, ModelsAssemblyName, StringComparison.OrdinalIgnoreCase))
        {
            return typeof(Client.Models.MqaExport).Assembly;
        }

        string? path = DependencyPath(name);
        return path is null ? null : Assembly.LoadFrom(path);
    }
#endif

    internal static string? DependencyPath(AssemblyName name) => Catalog.Value.PathFor(name);
}
