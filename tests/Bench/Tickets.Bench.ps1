<#
.SYNOPSIS
    New-MqaTicket against a sequential Invoke-RestMethod loop, loading the same CSV into the local server with 250 ms
    of injected latency per request, in one run; then the same load with 0-100 ms of random jitter per request. Prints tickets/s, achieved rate / permitted rate and the 429 count
    from the server's record; never fails on the figures.
.NOTES
    At 250 ms a request, N requests in flight can go at most N / 0.25 s: 16/s for the default -ThrottleLimit 4, 4/s for
    one at a time. So the main comparison permits 14/s (documented 1 s and 1 min windows, no scaling): four in flight can
    reach it, and it leaves room for 3x a sequential loop (at 12/s or less, 3x is out of reach by arithmetic). A second
    pass permits 50/s, to show what -ThrottleLimit buys when latency, not the limit, is the ceiling.
#>
param([Parameter(Mandatory)] [string] $ModuleManifest, [int] $Rows = 240)
$ErrorActionPreference = 'Stop'
Import-Module $ModuleManifest -Force
Import-Module (Join-Path $PSScriptRoot '../Shared/MockServer.psm1') -Force
$latencyMs = 250
$server = Start-MqaMockServer
$work = Join-Path ([IO.Path]::GetTempPath()) "mqa-tickets-bench-$PID"
$null = New-Item -ItemType Directory -Path $work -Force
try {
    $csv = Join-Path $work 'tickets.csv'
    1..$Rows | ForEach-Object {
        [pscustomobject][ordered]@{
            gradable_id = 'bench-{0:d5}' -f $_
            type        = 'email'
            subject     = "Subject $_"
            agents      = 'agent_1; agent_2'
            link        = "https://helpdesk.example.com/tickets/$_"
            body        = "Body of ticket $_"
            tags        = 'billing, refund'
            status      = 'open'
            csat_score  = '4'
            first_seen  = '2024-03-01T10:00:00Z'
            last_seen   = '2024-03-02T10:00:00Z'
        }
    } | Export-Csv -Path $csv -NoTypeInformation

    # Each pass has a token of its own: sessions of one token share one budget, kept to the strictest limits asked for.
    $tokens = @{ 14 = 'mqa-bench-token-0014'; 50 = 'mqa-bench-token-0050'; 'jitter' = 'mqa-bench-token-jitter' }
    function Set-Limit([int] $PerSecond, [int] $LatencyMs = $latencyMs, [int] $JitterMs = 0) {
        # perMinute well above 60 x perSecond, so the per-second window is the one that binds.
        Set-MqaMockConfig $server @{
            validTokens = @($server.Token) + $tokens.Values
            limits = @{ easyPerSecond = $PerSecond; easyPerMinute = 3000 }
            faults = @{ latencyMs = $LatencyMs; latencyJitterMs = $JitterMs }
        }
    }

    # One measured load: clean server, a second for the client's own window to empty, then time the whole pipeline.
    function Measure-Load([string] $Name, [int] $Permitted, [scriptblock] $Load) {
        Invoke-MqaMockAdmin -Server $server -Path tickets -Method Delete | Out-Null
        Clear-MqaMockRequest $server
        Start-Sleep -Milliseconds 1100
        $clock = [Diagnostics.Stopwatch]::StartNew()
        & $Load
        $seconds = $clock.Elapsed.TotalSeconds
        $record = @(Get-MqaMockRequest $server | Where-Object route -EQ 'tickets')
        $created = @(Get-MqaMockTicket $server).Count
        $admitted = @($record | Where-Object status -EQ 201 | Sort-Object { [double]$_.elapsedMs })
        # The server's own view, after the first second's burst: admitted requests per second from then to the last.
        $sustained = if ($admitted.Count -gt 2 * $Permitted) {
            $from = $admitted[$Permitted]
            ($admitted.Count - 1 - $Permitted) / (($admitted[-1].elapsedMs - $from.elapsedMs) / 1000)
        }
        [pscustomobject]@{
            Name      = $Name
            Permitted = $Permitted
            Created   = $created
            Seconds   = $seconds
            PerSecond = $created / $seconds
            Sustained = $sustained
            Count429  = @($record | Where-Object status -EQ 429).Count
            MaxIn1s   = Get-MqaMaxRequestsInWindow -Request $admitted -WindowMs 1000
        }
    }

    function Format-Result($Result) {
        $sustained = if ($Result.Sustained) { '{0:N2}/s ({1:P0})' -f $Result.Sustained, ($Result.Sustained / $Result.Permitted) } else { 'n/a' }
        '  {0,-36} {1,4} tickets in {2,5:N1} s = {3,5:N2}/s = {4,4:P0} of the permitted {5}/s | server record: rate after the first {5} {6}, most in any 1 s {7}, 429s {8}' -f `
            $Result.Name, $Result.Created, $Result.Seconds, $Result.PerSecond, ($Result.PerSecond / $Result.Permitted), $Result.Permitted, $sustained, $Result.MaxIn1s, $Result.Count429
    }

    # The loop a script author would write: same CSV, same conversions, one request at a time, token in the header.
    $irmLoop = {
        $headers = @{ apitoken = $server.Token }
        foreach ($row in Import-Csv $csv) {
            $body = @{
                gradable_id = $row.gradable_id; type = $row.type; subject = $row.subject; link = $row.link; body = $row.body
                agents = @(($row.agents -split '[,;]').Trim() | Where-Object { $_ })
                tags = (($row.tags -split '[,;]').Trim() | Where-Object { $_ }) -join ','
                status = $row.status; csat_score = [double]$row.csat_score
                first_seen = ([DateTimeOffset]$row.first_seen).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'")
                last_seen = ([DateTimeOffset]$row.last_seen).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'")
            } | ConvertTo-Json -Compress
            $null = Invoke-RestMethod -Uri "$($server.ApiUri)tickets" -Method Post -Headers $headers -Body $body -ContentType 'application/json'
        }
    }

    "$Rows tickets from one CSV, $latencyMs ms injected latency per request; load average $(if (Test-Path /proc/loadavg) { (Get-Content /proc/loadavg).Split(' ')[0] } else { 'n/a' })"
    $permitted = 14
    Set-Limit $permitted
    $session = New-MqaSession -ApiToken $tokens[14] -BaseUri $server.ApiUri -EasyRateLimit @{ PerSecond = $permitted; PerMinute = 3000 }
    # Untimed warm-up of both ways (JIT, first connection), on a CSV of a few rows.
    $fullCsv = $csv
    $csv = Join-Path $work 'warmup.csv'
    Import-Csv $fullCsv | Select-Object -First 4 | Export-Csv $csv -NoTypeInformation
    $null = Import-Csv $csv | New-MqaTicket -Session $session
    Invoke-MqaMockAdmin -Server $server -Path tickets -Method Delete | Out-Null
    & $irmLoop
    $csv = $fullCsv
    $tl4 = Measure-Load 'New-MqaTicket (ThrottleLimit 4)' $permitted { $null = Import-Csv $csv | New-MqaTicket -Session $session }
    $tl8 = Measure-Load 'New-MqaTicket -ThrottleLimit 8' $permitted { $null = Import-Csv $csv | New-MqaTicket -Session $session -ThrottleLimit 8 }
    $irm = Measure-Load 'Invoke-RestMethod loop (sequential)' $permitted $irmLoop
    "Permitted $permitted/s (easy endpoints, 1 s and 1 min windows as documented):"
    Format-Result $tl4
    Format-Result $tl8
    Format-Result $irm
    '  New-MqaTicket vs Invoke-RestMethod loop: {0:N1}x (ThrottleLimit 4), {1:N1}x (ThrottleLimit 8); at most {2:N1}x is possible at this limit' -f `
        ($tl4.PerSecond / $irm.PerSecond), ($tl8.PerSecond / $irm.PerSecond), ($permitted / $irm.PerSecond)
    '  goals (issue 4): >= 0.95 of permitted with zero 429s: {0}; >= 3x the loop: {1}' -f `
        $(if ($tl4.PerSecond / $permitted -ge 0.95 -and $tl4.Count429 -eq 0) { 'met' } else { 'NOT met' }), $(if ($tl4.PerSecond / $irm.PerSecond -ge 3) { 'met' } else { 'NOT met' })

    Set-Limit 50
    $session = New-MqaSession -ApiToken $tokens[50] -BaseUri $server.ApiUri -EasyRateLimit @{ PerSecond = 50; PerMinute = 3000 }
    $wide4 = Measure-Load 'New-MqaTicket (ThrottleLimit 4)' 50 { $null = Import-Csv $csv | New-MqaTicket -Session $session }
    $wide16 = Measure-Load 'New-MqaTicket -ThrottleLimit 16' 50 { $null = Import-Csv $csv | New-MqaTicket -Session $session -ThrottleLimit 16 }
    'Permitted 50/s: latency caps N in flight at N / 0.25 s (16/s for 4, 64/s for 16):'
    Format-Result $wide4
    Format-Result $wide16

    # Issue 11: the server counts a request when it arrives, the limiter when it grants. With 0-100 ms of random delay
    # before the server counts each request, two requests granted a second apart can arrive 0.9 s apart.
    Set-Limit $permitted -LatencyMs 0 -JitterMs 100
    $session = New-MqaSession -ApiToken $tokens['jitter'] -BaseUri $server.ApiUri -EasyRateLimit @{ PerSecond = $permitted; PerMinute = 3000 }
    $jitter = Measure-Load 'New-MqaTicket, 0-100 ms jitter' $permitted { $null = Import-Csv $csv | New-MqaTicket -Session $session -ErrorAction Stop }
    $posts = @(Get-MqaMockRequest $server | Where-Object route -EQ 'tickets')
    $accepted = @($posts | Where-Object status -EQ 201)
    "Permitted $permitted/s, each request delayed by a random 0-100 ms before the server counts it (limiter's jitter allowance now $([int]$session.EasyLimiterState.JitterAllowance.TotalMilliseconds) ms):"
    Format-Result $jitter
    $whole = $jitter.Created -eq $Rows -and $accepted.Count -eq $Rows -and @($accepted.gradableId | Select-Object -Unique).Count -eq $Rows
    '  goals (issue 11): <= 0.5 % of requests answered 429: {0} ({1} of {2}, {3:P2}); >= 0.9 of the permitted rate after the first second: {4} ({5:P0}); nothing lost or duplicated: {6}' -f `
        $(if ($jitter.Count429 / $posts.Count -le 0.005) { 'met' } else { 'NOT met' }), $jitter.Count429, $posts.Count, ($jitter.Count429 / $posts.Count),
        $(if ($jitter.Sustained / $permitted -ge 0.9) { 'met' } else { 'NOT met' }), ($jitter.Sustained / $permitted), $(if ($whole) { 'met' } else { 'NOT met' })
}
finally {
    Stop-MqaMockServer $server
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}
