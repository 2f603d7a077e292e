using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace MaestroQA.PowerShell.Module;

/// <summary>
/// Which shipped file answers a request for an assembly. The decision uses names and versions only, no I/O, so
/// both builds share it and xunit covers it. Windows PowerShell 5.1 has no binding redirects: each referrer asks
/// for the exact version it was compiled against (System.Memory asks for Unsafe 4.0.4.1; we ship 6.0.0.0).
/// </summary>
internal sealed class DependencyCatalog
{
    private readonly Dictionary<string, ShippedAssembly> _byName;

    public DependencyCatalog(IEnumerable<ShippedAssembly> shipped)
    {
        _byName = new Dictionary<string, ShippedAssembly>(StringComparer.OrdinalIgnoreCase);
        foreach (ShippedAssembly assembly in shipped)
        {
            _byName[assembly.Identity.Name!] = assembly;
        }
    }

    /// <summary>Reads each managed assembly's identity once; files that are not assemblies are left out.</summary>
    public static DependencyCatalog ReadFolder(string folder)
    {
        var shipped = new List<ShippedAssembly>();
        if (Directory.Exists(folder))
        {
            foreach (string path in Directory.GetFiles(folder, "*.dll"))
            {
                try
                {
                    shipped.Add(new ShippedAssembly(AssemblyName.GetAssemblyName(path), path));
                }
                catch (BadImageFormatException)
                {
                    // A native library: nothing a managed reference can ask for.
                }
            }
        }

        return new DependencyCatalog(shipped);
    }

    /// <summary>
    /// The file to load for <paramref name="requested"/>, or null to leave the request to the runtime and other
    /// resolvers. Served: a file we ship by that simple name whose version is the one asked for or newer (the
    /// whole point: our referrers were compiled against older versions of their dependencies). Refused: names we
    /// do not ship; culture-specific requests (satellite resources: we ship none); another publisher's assembly
    /// of the same name (a different public key token); and a request for a NEWER version than we ship. NuGet
    /// resolves our own closure to the highest version any member asks for, so that request comes from some other
    /// module sharing the process; our older copy would fail it later with MissingMethodException, while
    /// refusing lets that module's own resolver answer, or the load fail plainly where it happens.
    /// </summary>
    public string? PathFor(AssemblyName requested)
    {
        if (string.IsNullOrEmpty(requested.Name)
            || !string.IsNullOrEmpty(requested.CultureName)
            || !_byName.TryGetValue(requested.Name!, out ShippedAssembly? shipped))
        {
            return null;
        }

        bool samePublisher = requested.GetPublicKeyToken() is not { } token
            || token.SequenceEqual(shipped.Identity.GetPublicKeyToken() ?? Array.Empty<byte>());
        bool notNewer = requested.Version is null || requested.Version <= shipped.Identity.Version;
        return samePublisher && notNewer ? shipped.Path : null;
    }
}
