<#
.SYNOPSIS
    Runs the Pester suite against one build of the module and writes the totals as JSON for build.ps1.
#>
param(
    [Parameter(Mandatory)] [string] $PesterPath,
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [ValidateSet('Core', 'Desktop')] [string] $Flavor,
    [Parameter(Mandatory)] [string] $ResultFile
)
$ErrorActionPreference = 'Stop'
Import-Module $PesterPath -Force

# The test files read these to import the build under test.
$env:MQA_TEST_MODULE_MANIFEST = $ModuleManifest
$env:MQA_TEST_FLAVOR = $Flavor

$configuration = New-PesterConfiguration
$configuration.Run.Path = $PSScriptRoot
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = if ($env:CI) { 'Normal' } else { 'Detailed' }
$configuration.Filter.ExcludeTag = if ($Flavor -eq 'Desktop') { @('CoreOnly') } else { @() }
$result = Invoke-Pester -Configuration $configuration

[pscustomobject]@{
    Flavor  = $Flavor
    Passed  = $result.PassedCount
    Failed  = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    Skipped = $result.SkippedCount
} | ConvertTo-Json | Set-Content -Path $ResultFile
Write-Host "Pester ($Flavor): $($result.PassedCount) passed, $($result.FailedCount) failed"
