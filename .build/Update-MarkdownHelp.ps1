<#
.SYNOPSIS
    Creates or refreshes docs/en-US/<Cmdlet>.md from the built module (run by build.ps1 -Task Docs in a fresh pwsh).
#>
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $Path
)
$ErrorActionPreference = 'Stop'
$module = Import-Module $ModuleManifest -PassThru
Import-Module (Join-Path $PSScriptRoot 'MarkdownHelp.psm1')
Update-MarkdownCommandHelp -ModuleName $module.Name -Path $Path | ForEach-Object { Write-Host "Updated: $($_.Name)" }
