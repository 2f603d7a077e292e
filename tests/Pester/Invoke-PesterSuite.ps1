<#
.SYNOPSIS
    Runs the Pester suite against one build of the module and writes the totals as JSON for build.ps1.
#>
param(
    [Parameter(Mandatory)] [string] $PesterPath,
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [ValidateSet('Core', 'Desktop')] [string] $Flavor,
    [Parameter(Mandatory)] [string] $ResultFile,
    # Only the tests with these tags (say LocalTime, for a pass in another time zone).
    [string[]] $Tag
)
$ErrorActionPreference = 'Stop'
Import-Module $PesterPath -Force

# A pass in another culture or time zone: build.ps1 starts this pwsh with LC_ALL and TZ set for it, and names them here
# too, so they are made certain in-process (needing ICU, not the OS's installed locales) and a pass that did not get
# them fails rather than running in the machine's own.
if ($env:MQA_TEST_TIME_ZONE) {
    $env:TZ = $env:MQA_TEST_TIME_ZONE
    [TimeZoneInfo]::ClearCachedData()
    if ([TimeZoneInfo]::Local.Id -ne $env:MQA_TEST_TIME_ZONE) { throw "The time zone is $([TimeZoneInfo]::Local.Id), not $env:MQA_TEST_TIME_ZONE." }
}
if ($env:MQA_TEST_CULTURE) {
    $culture = [cultureinfo]::GetCultureInfo($env:MQA_TEST_CULTURE)
    [cultureinfo]::DefaultThreadCurrentCulture = $culture
    [cultureinfo]::CurrentCulture = $culture
}
Write-Host "Pester ($Flavor) in culture '$([cultureinfo]::CurrentCulture.Name)' (1.5 reads $((1.5).ToString())), time zone $([TimeZoneInfo]::Local.Id)"

# The test files read these to import the build under test.
$env:MQA_TEST_MODULE_MANIFEST = $ModuleManifest
$env:MQA_TEST_FLAVOR = $Flavor

$configuration = New-PesterConfiguration
$configuration.Run.Path = $PSScriptRoot
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = if ($env:CI) { 'Normal' } else { 'Detailed' }
$configuration.Filter.ExcludeTag = if ($Flavor -eq 'Desktop') { @('CoreOnly') } else { @() }
if ($Tag) { $configuration.Filter.Tag = $Tag }
$result = Invoke-Pester -Configuration $configuration

[pscustomobject]@{
    Flavor  = $Flavor
    Passed  = $result.PassedCount
    Failed  = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    Skipped = $result.SkippedCount
} | ConvertTo-Json | Set-Content -Path $ResultFile
Write-Host "Pester ($Flavor): $($result.PassedCount) passed, $($result.FailedCount) failed"
