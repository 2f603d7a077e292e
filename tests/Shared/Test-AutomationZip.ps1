<#
.SYNOPSIS
    Installs the Azure Automation zip as Automation does (expanded into a folder on PSModulePath), imports the
    module by name in this PowerShell, and makes one real call against the local server. Throws on any failure.
.DESCRIPTION
    Packaging.Tests.ps1 runs it in a fresh pwsh; CI's windows-powershell job runs it in Windows PowerShell 5.1,
    where the module must load its desktop build.
#>
param(
    [Parameter(Mandatory)] [string] $Zip
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$modules = Join-Path ([IO.Path]::GetTempPath()) "mqa-automation-$PID"
Expand-Archive -Path $Zip -DestinationPath $modules -Force
$env:PSModulePath = $modules + [IO.Path]::PathSeparator + $env:PSModulePath
try {
    Import-Module MaestroQA.PowerShell
    $module = Get-Module MaestroQA.PowerShell
    # By name, as the folder ends: Windows may spell the temporary folder's path in its short form.
    if ($module.ModuleBase -notlike "*mqa-automation-${PID}?MaestroQA.PowerShell") { throw "Imported from $($module.ModuleBase), not from the zip." }
    $flavor = if ($PSVersionTable.PSEdition -eq 'Desktop') { 'desktop' } else { 'core' }
    $dll = (Get-Command Connect-Mqa).DLL
    if ((Split-Path (Split-Path $dll) -Leaf) -ne $flavor) { throw "PowerShell $($PSVersionTable.PSVersion) loaded $dll, not the $flavor build." }
    $listed = @((Import-PowerShellDataFile (Join-Path $module.ModuleBase 'MaestroQA.PowerShell.psd1')).CmdletsToExport | Sort-Object)
    $exported = @(Get-Command -Module MaestroQA.PowerShell | ForEach-Object Name | Sort-Object)
    if (($exported -join ',') -ne ($listed -join ',')) { throw "Exported $($exported -join ', '); the manifest lists $($listed -join ', ')." }

    Import-Module (Join-Path $PSScriptRoot 'MockServer.psm1')
    $server = Start-MqaMockServer
    try {
        Connect-Mqa -ApiToken $server.Token -BaseUri $server.ApiUri
        $agents = @(Get-MqaCaptureUsage -GroupId grp_emea -Interval Day).Count
        if ($agents -ne 3) { throw "Get-MqaCaptureUsage returned $agents agents; the local server has 3 in grp_emea." }
    }
    finally {
        Stop-MqaMockServer $server
    }
    "The Automation zip imports in PowerShell $($PSVersionTable.PSVersion) ($flavor build): $($exported.Count) cmdlets, $agents agents from a real call."
}
finally {
    Remove-Module MaestroQA.PowerShell -ErrorAction SilentlyContinue
    Remove-Item $modules -Recurse -Force -ErrorAction SilentlyContinue
}
