<#
.SYNOPSIS
    Runs the Pester suite against one build of the module and writes the totals as JSON for build.ps1.
.DESCRIPTION
    Runs in PowerShell 7 and in Windows PowerShell 5.1 (CI's windows-powershell job). Pester is the version
    tests/Tools/Tools.csproj pins, from the NuGet cache its restore fills, unless -PesterPath names another.
    Exits 1 when a test fails or none passes.
#>
param(
    [string] $PesterPath,
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [ValidateSet('Core', 'Desktop')] [string] $Flavor,
    [Parameter(Mandatory)] [string] $ResultFile,
    # Only the tests with these tags (say LocalTime, for a pass in another time zone).
    [string[]] $Tag
)
$ErrorActionPreference = 'Stop'

if (-not $PesterPath) { $PesterPath = & (Join-Path $PSScriptRoot '../Shared/Find-PesterModule.ps1') }
# Pester 6 runs on Windows PowerShell 5.1 (its net462 build) and PowerShell 7.4+; say so if the host is older.
$required = [version](Import-PowerShellDataFile $PesterPath).PowerShellVersion
if ($PSVersionTable.PSVersion -lt $required) { throw "$PesterPath needs PowerShell $required or later; this is $($PSVersionTable.PSVersion)." }
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
$env:MQA_TEST_MODULE_MANIFEST = (Resolve-Path $ModuleManifest).Path
$env:MQA_TEST_FLAVOR = $Flavor

$configuration = New-PesterConfiguration
$configuration.Run.Path = $PSScriptRoot
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = if ($env:CI) { 'Normal' } else { 'Detailed' }
# CoreOnly: needs the net8.0 build or a PowerShell 7 host (child pwsh, ForEach-Object -Parallel, metadata reading).
# WindowsPowerShellOnly: about binding on .NET Framework, which only Windows PowerShell runs.
$excluded = @()
if ($Flavor -eq 'Desktop') { $excluded += 'CoreOnly' }
if ($PSVersionTable.PSEdition -ne 'Desktop') { $excluded += 'WindowsPowerShellOnly' }
$configuration.Filter.ExcludeTag = $excluded
if ($Tag) { $configuration.Filter.Tag = $Tag }
$result = Invoke-Pester -Configuration $configuration

$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
$resultFolder = Split-Path $ResultFile
if ($resultFolder) { $null = New-Item -ItemType Directory -Path $resultFolder -Force }
[pscustomobject]@{
    Flavor  = $Flavor
    Passed  = $result.PassedCount
    Failed  = $failed
    Skipped = $result.SkippedCount
} | ConvertTo-Json | Set-Content -Path $ResultFile
Write-Host "Pester ($Flavor, PowerShell $($PSVersionTable.PSVersion)): $($result.PassedCount) passed, $failed failed"
if ($failed -gt 0 -or $result.PassedCount -eq 0) { exit 1 }
