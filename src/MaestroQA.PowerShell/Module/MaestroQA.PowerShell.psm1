# Picks the build for this PowerShell: net8.0 ('core') for PowerShell 7.4+, netstandard2.0 ('desktop') for
# Windows PowerShell 5.1. -ArgumentList Desktop forces the netstandard2.0 build, so it can be tested under pwsh too.
param(
    [ValidateSet('Core', 'Desktop')]
    [string] $Flavor = $PSEdition
)

# The manifest's PowerShellVersion (5.1) lets PowerShell 7.0-7.3 in, but they run on .NET 6 or older, where the
# net8.0 build cannot load: say so plainly instead of failing on a missing assembly.
if ($Flavor -eq 'Core' -and $PSVersionTable.PSVersion -lt [version]'7.4') {
    throw "MaestroQA.PowerShell needs PowerShell 7.4 or later (this is $($PSVersionTable.PSVersion)), or Windows PowerShell 5.1."
}

$flavorPath = Join-Path $PSScriptRoot $Flavor.ToLowerInvariant()
$binaryPath = Join-Path $flavorPath 'MaestroQA.PowerShell.dll'

# The types users see (MqaExport, MqaTicket, export rows, ExportTable...) load first, in PowerShell's own load
# context, so [MaestroQA.Client.Models.MqaTicket] resolves on PowerShell 7 too; the engine finds them there.
$null = [System.Reflection.Assembly]::LoadFrom((Join-Path $flavorPath 'MaestroQA.Client.Models.dll'))

# Import-Module reads the cmdlets' parameter types, some of which live in the client assembly, before it runs the
# module initializer; so the dependency resolver is registered first (registering is idempotent).
$assembly = [System.Reflection.Assembly]::LoadFrom($binaryPath)
$assembly.GetType('MaestroQA.PowerShell.Module.ModuleInitializer', $true)::new().OnImport()
$binary = Import-Module -Name $binaryPath -PassThru -ErrorAction Stop
Export-ModuleMember -Cmdlet @($binary.ExportedCmdlets.Keys)
