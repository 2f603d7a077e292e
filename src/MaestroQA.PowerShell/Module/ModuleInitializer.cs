using System.Management.Automation;

namespace MaestroQA.PowerShell.Module;

/// <summary>
/// Runs on Import-Module, before any cmdlet touches the client: the client assembly and its dependencies
/// (Polly, System.Threading.RateLimiting, Sylvan.Data.Csv, ...) live in a 'dependencies' folder that only
/// this module's resolver serves, so another module's copy of the same library never collides with ours.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    public void OnImport() => DependencyResolver.Register();

    public void OnRemove(PSModuleInfo psModuleInfo) => DependencyResolver.Unregister();
}
