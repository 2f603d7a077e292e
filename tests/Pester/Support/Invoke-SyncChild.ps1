<#
.SYNOPSIS
    One Sync-MqaExport run in a pwsh of its own, for tests that kill it or run a second sync beside it.
    Writes one line per completed window (its export id) and exits 0 when the sync ended without an error.
#>
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $Flavor,
    [Parameter(Mandatory)] [string] $ApiUri,
    [Parameter(Mandatory)] [string] $Token,
    [Parameter(Mandatory)] [string] $Folder,
    [Parameter(Mandatory)] [string] $StartDate,
    [Parameter(Mandatory)] [string] $EndDate,
    [int] $ChunkDays = 1,
    [double] $WindowScale = 0.1
)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module $ModuleManifest -ArgumentList $Flavor
$session = New-MqaSession -ApiToken $Token -BaseUri $ApiUri -RetryIntervalSec 0.05 -MaximumRetryCount 10 `
    -DemandingRateLimit @{ PerSecond = 1; PerMinute = 30; WindowScale = $WindowScale } `
    -EasyRateLimit @{ PerSecond = 10; PerMinute = 100; WindowScale = $WindowScale }
Sync-MqaExport -Path $Folder -StartDate $StartDate -EndDate $EndDate -ChunkDays $ChunkDays -PollInterval 0.1 -Session $session |
    ForEach-Object { [Console]::Out.WriteLine($_.ExportId) }
