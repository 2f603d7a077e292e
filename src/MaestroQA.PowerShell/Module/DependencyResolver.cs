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

    internal static readonly string DependencyFolder =
        Path.Combine(Path.GetDirectoryName(typeof(DependencyResolver).Assembly.Location)!, "dependencies");

#if NET
    // PowerShell 7: the client loads into the module's own load context; its dependencies follow it there.
    public static void Register() => AssemblyLoadContext.Default.Resolving += ResolveClient;

    public static void Unregister() => AssemblyLoadContext.Default.Resolving -= ResolveClient;

    private static Assembly? ResolveClient(AssemblyLoadContext context, AssemblyName name) =>
        name.Name == ClientAssemblyName ? DependencyLoadContext.Instance.LoadFromAssemblyName(name) : null;
#else
    // Windows PowerShell 5.1 has no load contexts and no binding redirects: serve our own files, whatever version is asked.
    public static void Register() => AppDomain.CurrentDomain.AssemblyResolve += ResolveDependency;

    public static void Unregister() => AppDomain.CurrentDomain.AssemblyResolve -= ResolveDependency;

    private static Assembly? ResolveDependency(object? sender, ResolveEventArgs args)
    {
        string? path = DependencyPath(new AssemblyName(args.Name));
        return path is null ? null : Assembly.LoadFrom(path);
    }
#endif

    internal static string? DependencyPath(AssemblyName name)
    {
        if (string.IsNullOrEmpty(name.Name))
        {
            return null;
        }

        string path = Path.Combine(DependencyFolder, name.Name + ".dll");
        return File.Exists(path) ? path : null;
    }
}
