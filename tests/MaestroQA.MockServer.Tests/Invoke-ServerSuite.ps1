<#
.SYNOPSIS
    Runs the local MaestroQA server's own Pester suite (plain HTTP, never the module) and writes the totals as JSON for build.ps1.
#>
param(
    [string] $PesterPath,
    [Parameter(Mandatory)] [string] $ResultFile
)
$ErrorActionPreference = 'Stop'
if (-not $PesterPath) { $PesterPath = & (Join-Path $PSScriptRoot '../Shared/Find-PesterModule.ps1') }
Import-Module $PesterPath -Force

$configuration = New-PesterConfiguration
$configuration.Run.Path = $PSScriptRoot
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = if ($env:CI) { 'Normal' } else { 'Detailed' }
$result = Invoke-Pester -Configuration $configuration

[pscustomobject]@{
    Passed  = $result.PassedCount
    Failed  = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    Skipped = $result.SkippedCount
} | ConvertTo-Json | Set-Content -Path $ResultFile
Write-Host "Pester (server): $($result.PassedCount) passed, $($result.FailedCount) failed"
