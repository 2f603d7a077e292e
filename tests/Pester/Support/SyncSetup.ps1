# Dot-sourced by the Sync-MqaExport test files' BeforeAll, after TestSetup.ps1: a local server with windows a tenth of
# their documented length, a session to match, and the helpers that read what a sync left in its folder and state.
$server = Start-MqaMockServer
$manifestPath = (Resolve-Path $manifest).Path
$childScript = Join-Path $PSScriptRoot 'Invoke-SyncChild.ps1'
$rawTables = 'annotations', 'csat', 'individual_answers', 'section_scores', 'total_scores'

# Windows a tenth of their documented length on both sides; exports that finish in 0.3 s; entries that only their
# header names (numbered, in a folder, shuffled), so the sync cannot lean on entry names.
$limits = @{ demandingPerSecond = 1; demandingPerMinute = 30; easyPerSecond = 10; easyPerMinute = 100; windowScale = 0.1 }
function Set-SyncConfig([hashtable] $Extra = @{}) {
    $config = @{ limits = $limits; exportRequestedMs = 100; exportInProgressMs = 200; rowsPerExport = 10; files = @{ zipEntryNames = 'numbered'; zipFolder = $true } }
    foreach ($key in $Extra.Keys) { $config[$key] = $Extra[$key] }
    Set-MqaMockConfig $server $config
}
$session = New-MqaSession -ApiToken $server.Token -BaseUri $server.ApiUri -RetryIntervalSec 0.05 -MaximumRetryCount 10 `
    -DemandingRateLimit @{ PerSecond = 1; PerMinute = 30; WindowScale = 0.1 } `
    -EasyRateLimit @{ PerSecond = 10; PerMinute = 100; WindowScale = 0.1 }
$sync = @{ Session = $session; PollInterval = 0.1; ChunkDays = 1 }
$cmdletId = 'MaestroQA.PowerShell.Cmdlets.Exports.SyncMqaExportCommand'

function Read-State([string] $Folder) {
    $file = Join-Path $Folder '.mqa-sync.json'
    # Dates as text: PowerShell 7 would turn them into DateTime, Windows PowerShell leaves them so anyway.
    $options = if ($PSVersionTable.PSVersion.Major -ge 7) { @{ DateKind = 'String' } } else { @{} }
    if (Test-Path $file) { Get-Content $file -Raw | ConvertFrom-Json @options }
}
function Get-TableFile([string] $Folder) {
    @(Get-ChildItem $Folder -Recurse -File -Filter *.csv | Where-Object { $_.Directory.Name -notlike '.*' } |
            ForEach-Object { '{0}/{1}' -f $_.Directory.Name, $_.Name } | Sort-Object)
}
# The window each raw-export request asked for, in the order the server saw them (the sync names exports after their window).
function Get-RequestedWindow {
    $names = @{}
    Get-MqaMockExport $server | ForEach-Object { $names[$_.exportId] = $_.name }
    @(Get-ApiRequest request-raw-export | Where-Object status -EQ 200 | ForEach-Object { $names[$_.exportId] -replace '^Sync-MqaExport Raw ', '' })
}
function Start-SyncChild([string] $Folder, [string] $StartDate, [string] $EndDate) {
    $info = [System.Diagnostics.ProcessStartInfo]::new((Join-Path $PSHOME 'pwsh'))
    $arguments = '-NoProfile', '-NonInteractive', '-File', $childScript, '-ModuleManifest', $manifestPath, '-Flavor', $flavor,
        '-ApiUri', $server.ApiUri, '-Token', $server.Token, '-Folder', $Folder, '-StartDate', $StartDate, '-EndDate', $EndDate
    foreach ($argument in $arguments) { $info.ArgumentList.Add([string]$argument) }
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($info)
    [pscustomobject]@{ Process = $process; Out = $process.StandardOutput.ReadToEndAsync(); Err = $process.StandardError.ReadToEndAsync() }
}
# Polls until the condition holds (true) or the process ends first (false).
function Wait-Condition([System.Diagnostics.Process] $Process, [scriptblock] $Condition, [int] $TimeoutSec = 180) {
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
    while (-not $Process.HasExited) {
        if (& $Condition) { return $true }
        if ([DateTime]::UtcNow -gt $deadline) { throw "Condition not met within $TimeoutSec s: $Condition" }
        Start-Sleep -Milliseconds 20
    }
    $false
}
