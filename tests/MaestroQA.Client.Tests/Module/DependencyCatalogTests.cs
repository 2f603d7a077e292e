using System.Reflection;
using MaestroQA.Client.Tests.Exports;
using MaestroQA.PowerShell.Module;

namespace MaestroQA.Client.Tests.Module;

/// <summary>
/// The module's dependency resolver decides which shipped file answers which request. On Windows PowerShell 5.1
/// nothing redirects bindings, so each referrer asks for the version it was compiled against.
/// </summary>
public sealed class DependencyCatalogTests
{
    private const string Folder = "/module/desktop/dependencies/";

    // Identities as the desktop build ships them (read from out/.../desktop/dependencies).
    private static readonly DependencyCatalog Desktop = new(new[]
    {
        Shipped("System.Memory, Version=4.0.1.2, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51"),
        Shipped("System.Runtime.CompilerServices.Unsafe, Version=6.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a"),
        Shipped("System.Text.Json, Version=8.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51"),
        Shipped("Microsoft.Bcl.AsyncInterfaces, Version=8.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51"),
        Shipped("MaestroQA.Client, Version=0.1.0.0, Culture=neutral, PublicKeyToken=null"),
    });

    [Theory]
    [InlineData("System.Memory, Version=4.0.1.2, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", "System.Memory")]
    [InlineData("System.Memory, Version=4.0.1.1, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", "System.Memory")]
    [InlineData("System.Runtime.CompilerServices.Unsafe, Version=4.0.4.1, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a", "System.Runtime.CompilerServices.Unsafe")]
    [InlineData("Microsoft.Bcl.AsyncInterfaces, Version=6.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", "Microsoft.Bcl.AsyncInterfaces")]
    [InlineData("MaestroQA.Client, Version=0.1.0.0, Culture=neutral, PublicKeyToken=null", "MaestroQA.Client")]
    public void Serves_our_file_to_the_version_shipped_and_to_older_ones_across_majors(string request, string file)
    {
        // System.Memory asks for Unsafe 4.0.4.1 and Polly.Core for AsyncInterfaces 6.0.0.0 while we ship 6.0 and 8.0.
        Assert.Equal(Folder + file + ".dll", Desktop.PathFor(new AssemblyName(request)));
    }

    [Theory]
    [InlineData("System.Memory")]
    [InlineData("system.memory")]
    [InlineData("System.Memory, Culture=neutral")]
    public void Serves_a_request_without_version_or_token_in_any_case(string request)
    {
        Assert.Equal(Folder + "System.Memory.dll", Desktop.PathFor(new AssemblyName(request)));
    }

    [Theory]
    [InlineData("System.Memory, Version=4.0.1.3, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51")]
    [InlineData("System.Memory, Version=4.0.2.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51")]
    [InlineData("System.Text.Json, Version=9.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51")]
    public void Refuses_a_newer_version_than_it_ships(string request)
    {
        // Our closure never asks for more than we ship: this is another module's request, which our copy would fail.
        Assert.Null(Desktop.PathFor(new AssemblyName(request)));
    }

    [Theory]
    [InlineData("Newtonsoft.Json, Version=13.0.0.0, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed")]
    [InlineData("MaestroQA.PowerShell, Version=0.1.0.0, Culture=neutral, PublicKeyToken=null")]
    [InlineData("System.Memory.Extensions")]
    public void Refuses_names_it_does_not_ship(string request)
    {
        // MaestroQA.PowerShell.dll lies beside the dependencies folder, loaded by the .psm1 by path.
        Assert.Null(Desktop.PathFor(new AssemblyName(request)));
    }

    [Theory]
    [InlineData("System.Text.Json.resources, Version=8.0.0.0, Culture=de, PublicKeyToken=cc7b13ffcd2ddd51")]
    [InlineData("System.Text.Json, Version=8.0.0.0, Culture=de, PublicKeyToken=cc7b13ffcd2ddd51")]
    public void Refuses_culture_specific_requests(string request)
    {
        // Satellite resources: none are shipped, and a neutral assembly must never stand in for one.
        Assert.Null(Desktop.PathFor(new AssemblyName(request)));
    }

    [Theory]
    [InlineData("System.Memory, Version=4.0.1.2, Culture=neutral, PublicKeyToken=0123456789abcdef")]
    [InlineData("System.Memory, Version=4.0.1.2, Culture=neutral, PublicKeyToken=null")]
    [InlineData("MaestroQA.Client, Version=0.1.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51")]
    public void Refuses_another_publishers_assembly_of_the_same_name(string request)
    {
        Assert.Null(Desktop.PathFor(new AssemblyName(request)));
    }

    [Fact]
    public void Reads_the_identities_of_a_folder_once_and_skips_files_that_are_not_assemblies()
    {
        using var folder = new TempDirectory();
        string polly = typeof(Polly.ResiliencePipeline).Assembly.Location;
        File.Copy(polly, Path.Combine(folder.Path, "Polly.Core.dll"));
        folder.Write("native.dll", "not a managed assembly");
        var catalog = DependencyCatalog.ReadFolder(folder.Path);

        AssemblyName shipped = AssemblyName.GetAssemblyName(polly);
        Directory.Delete(folder.Path, recursive: true);
        Directory.CreateDirectory(folder.Path);

        // The folder is gone; the catalog still answers from what it read.
        Assert.Equal(Path.Combine(folder.Path, "Polly.Core.dll"), catalog.PathFor(shipped));
        Assert.Null(catalog.PathFor(new AssemblyName("native")));
        Assert.Null(DependencyCatalog.ReadFolder(Path.Combine(folder.Path, "missing")).PathFor(shipped));
    }

    [Fact]
    public void Deciding_loads_no_PowerShell_assembly()
    {
        // This project references the cmdlet assembly for the resolver alone; System.Management.Automation is not here.
        Assert.NotNull(Desktop.PathFor(new AssemblyName("System.Memory")));
        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), assembly => assembly.GetName().Name == "System.Management.Automation");
    }

    private static ShippedAssembly Shipped(string identity)
    {
        var name = new AssemblyName(identity);
        return new ShippedAssembly(name, Folder + name.Name + ".dll");
    }
}
