<#
.SYNOPSIS
    A year in 52 weekly windows, each export taking 20 s on the local server, at the documented limits: Sync-MqaExport
    against the straightforward script (request, wait, download, one window at a time), side by side in one run.
    Prints both times, their ratio, and the floor the demanding limit sets; never fails on them. Takes about 25 minutes
    (the straightforward side alone is 52 waits of 20 s and more); -Weeks shortens it.
#>
param([Parameter(Mandatory)] [string] $ModuleManifest, [int] $Weeks = 52, [int] $ExportSeconds = 20)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module $ModuleManifest -Force
Import-Module (Join-Path $PSScriptRoot '../Shared/MockServer.psm1') -Force
$work = Join-Path ([IO.Path]::GetTempPath()) "mqa-sync-bench-$PID"
$null = New-Item -ItemType Directory -Path $work -Force

# The documented limits on both sides (windowScale 1); the export spends a quarter of its time requested, the rest in progress.
$server = Start-MqaMockServer -Config @{ exportRequestedMs = $ExportSeconds * 250; exportInProgressMs = $ExportSeconds * 750 }
try {
    # One token per side: each has the API's whole budget, as two separate runbooks would.
    $syncSession = New-MqaSession -ApiToken 'mqa-test-token-0001' -BaseUri $server.ApiUri
    $scriptSession = New-MqaSession -ApiToken 'mqa-test-token-0002' -BaseUri $server.ApiUri
    $start = [DateTimeOffset]::new(2023, 1, 2, 0, 0, 0, [TimeSpan]::Zero) # a Monday: whole weeks on the sync's grid
    $end = $start.AddDays(7 * $Weeks)

    $sync = Measure-Command {
        $script:windows = @(Sync-MqaExport -Path (Join-Path $work sync) -StartDate $start -EndDate $end -ChunkDays 7 -Session $syncSession)
    }

    $downloads = [Collections.Generic.List[double]]::new()
    $straightforward = Measure-Command {
        for ($from = $start; $from -lt $end; $from = $from.AddDays(7)) {
            $export = Invoke-MqaRawExport -StartDate $from -EndDate $from.AddDays(7) -Wait -Session $scriptSession
            $downloads.Add((Measure-Command { $null = $export | Save-MqaExport -Path (Join-Path $work script) -Session $scriptSession }).TotalSeconds)
        }
    }

    # The floor: the demanding limit's schedule for N requests (1/s and 30/min, each window widened by the 30 ms safety
    # margin, as the limiter does), then one export's time, then one download.
    $grants = [Collections.Generic.List[double]]::new()
    for ($k = 0; $k -lt $Weeks; $k++) {
        $at = if ($k -eq 0) { 0 } else { $grants[$k - 1] + 1.03 }
        if ($k -ge 30) { $at = [Math]::Max($at, $grants[$k - 30] + 60.03) }
        $grants.Add($at)
    }
    $download = ($downloads | Sort-Object)[[int][Math]::Floor($downloads.Count / 2)]
    $floor = $grants[-1] + $ExportSeconds + $download
    $requests = @(Get-MqaMockRequest $server)
    # Downloads carry no token: they count for the side that requested their export.
    $exportsOf = @{ '0001' = @($requests | Where-Object { $_.tokenTail -eq '0001' -and $_.exportId }).exportId; '0002' = @($requests | Where-Object { $_.tokenTail -eq '0002' -and $_.exportId }).exportId }
    $count = {
        param($tail, $route)
        @($requests | Where-Object { $_.route -eq $route -and ($_.tokenTail -eq $tail -or ($route -eq 'downloads' -and $_.exportId -in $exportsOf[$tail])) }).Count
    }

    '{0} weekly windows, exports taking {1} s, documented limits; load average {2}:' -f $Weeks, $ExportSeconds, $(if (Test-Path /proc/loadavg) { (Get-Content /proc/loadavg).Split(' ')[0] } else { 'n/a' })
    '  Sync-MqaExport                                     : {0,8:N1} s ({1} windows, {2} requests, {3} status checks, {4} downloads)' -f $sync.TotalSeconds, $windows.Count, (& $count '0001' request-raw-export), (& $count '0001' get-export-data), (& $count '0001' downloads)
    '  request, wait, download, one window at a time      : {0,8:N1} s ({1} requests, {2} status checks, {3} downloads)' -f $straightforward.TotalSeconds, (& $count '0002' request-raw-export), (& $count '0002' get-export-data), (& $count '0002' downloads)
    '  speed ratio: {0:N1}x (goal >= 5x)' -f ($straightforward.TotalSeconds / $sync.TotalSeconds)
    '  floor: {0:N1} s = {1:N1} s for {2} requests at 1/s and 30/min + {3} s for one export + {4:N2} s for one download' -f $floor, $grants[-1], $Weeks, $ExportSeconds, $download
    '  Sync-MqaExport against the floor: {0:N2}x (goal <= 1.3x)' -f ($sync.TotalSeconds / $floor)
    $syncFiles = @(Get-ChildItem (Join-Path $work sync) -Recurse -File -Filter *.csv).Count
    if ($syncFiles -ne 5 * $Weeks) { "  WARNING: the sync landed $syncFiles files, expected $(5 * $Weeks)" }
}
finally {
    Stop-MqaMockServer $server
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}
