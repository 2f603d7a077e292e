BeforeAll {
    . $PSScriptRoot/ServerTestSetup.ps1
    $server = Start-MqaMockServer
    $week = @{ startDate = '2018-08-13T00:00:00Z'; endDate = '2018-08-19T00:00:00Z' }

    function Get-RouteRecord([string] $Route) { @(Get-MqaMockRequest $server | Where-Object route -EQ $Route) }
    function Get-FaultList([object[]] $Record) { ($Record | ForEach-Object { $_.fault ?? '-' }) -join ',' }

    # One request on a route, as a client sees it: the status, or 0 when the connection failed before a whole response.
    function Invoke-OnRoute([string] $Route, $Export) {
        try {
            $response = switch ($Route) {
                'downloads' { (Get-TestDownload $Export.DataUrl).Response }
                'get-export-data' { Get-ExportData $server $Export.ExportId }
                default { Invoke-Api $server $Route -Body $week }
            }
            [int]$response.StatusCode
        }
        catch {
            0
        }
    }

    # A completed export made with no faults, then the given faults switched on (which restarts their sequences).
    function New-FaultedExport([hashtable] $Faults, [hashtable] $Config = @{}) {
        Reset-TestServer $server $Config
        $export = New-TestExport $server -Body @{ name = 'Faulted rows=20' }
        $Config.faults = $Faults
        Set-TestConfig $server $Config
        Clear-MqaMockRequest $server
        $export
    }
}

AfterAll {
    Stop-MqaMockServer $server
}

Describe 'Fault sequences (faults.sequence)' {
    It 'the first requests of a route get the listed faults in order, then the rates (none here) take over' {
        $export = New-FaultedExport @{ sequence = @('503', 'none', '500', '429'); routes = @('get-export-data') }
        (1..6 | ForEach-Object { Invoke-OnRoute 'get-export-data' $export }) -join ',' | Should -Be '503,200,500,429,200,200'
        Get-FaultList (Get-RouteRecord 'get-export-data') | Should -Be '503,-,500,429,-,-'
    }

    It 'each covered route has its own sequence; a 503 on request-raw-export creates no export' {
        $export = New-FaultedExport @{ sequence = @('503') }
        (1..2 | ForEach-Object { Invoke-OnRoute 'request-raw-export' }) -join ',' | Should -Be '503,200'
        (1..2 | ForEach-Object { Invoke-OnRoute 'get-export-data' $export }) -join ',' | Should -Be '503,200'
        (1..2 | ForEach-Object { Invoke-OnRoute 'request-audit-log-export' }) -join ',' | Should -Be '503,200'
        @(Get-MqaMockExport $server | Where-Object kind -EQ 'raw') | Should -HaveCount 2 -Because 'the setup export and the second POST'
    }

    It 'truncate on downloads: the first download is cut short, the second is whole' {
        $export = New-FaultedExport @{ sequence = @('truncate'); routes = @('downloads') }
        { Invoke-WebRequest $export.DataUrl } | Should -Throw
        $whole = Get-TestDownload $export.DataUrl
        $whole.Response.StatusCode | Should -Be 200
        $whole.Bytes.Length | Should -Be ([long]$whole.Response.Headers['Content-Length'][0])
        @(Read-ZipEntry $whole.Bytes) | Should -HaveCount 5
        Get-FaultList (Get-RouteRecord 'downloads') | Should -Be 'truncate,-'
    }

    It '<Fault> on <Route>: the first request gets it, the next one is served' -ForEach @(
        @{ Fault = '401'; Route = 'get-export-data'; Status = 401 }
        @{ Fault = '500'; Route = 'get-export-data'; Status = 500 }
        @{ Fault = '502'; Route = 'get-export-data'; Status = 502 }
        @{ Fault = '503'; Route = 'get-export-data'; Status = 503 }
        @{ Fault = '429'; Route = 'get-export-data'; Status = 429 }
        @{ Fault = 'hang'; Route = 'get-export-data'; Status = 200 }
        @{ Fault = 'reset'; Route = 'get-export-data'; Status = 0 }
        @{ Fault = 'redirect'; Route = 'get-export-data'; Status = 307 }
        @{ Fault = 'html200'; Route = 'get-export-data'; Status = 200 }
        @{ Fault = 'redirect_loop'; Route = 'get-export-data'; Status = 307 }
        @{ Fault = 'big_body'; Route = 'get-export-data'; Status = 200 }
        @{ Fault = 'truncate'; Route = 'downloads'; Status = 0 }
        @{ Fault = 'stall'; Route = 'downloads'; Status = 0 }
        @{ Fault = 'html200'; Route = 'downloads'; Status = 200 }
        @{ Fault = 'redirect_loop'; Route = 'downloads'; Status = 307 }
        @{ Fault = 'reset_after_commit'; Route = 'request-raw-export'; Status = 0 }
    ) {
        $export = New-FaultedExport @{ sequence = @($Fault); routes = @($Route); hangMs = 100; bigBodyBytes = 1000 }
        Invoke-OnRoute $Route $export | Should -Be $Status
        Invoke-OnRoute $Route $export | Should -Be 200
        Get-FaultList (Get-RouteRecord $Route) | Should -Be "$Fault,-"
    }

    It 'a sequence entry that cannot happen on the request it falls to is used up as none' {
        $export = New-FaultedExport @{ sequence = @('reset_after_commit', 'reset_after_commit'); routes = @('tickets') }
        $ticket = @{ gradable_id = 'seq-1'; type = 'email'; subject = 's'; agents = @('a'); link = 'https://example.com/1'; body = 'b' }
        $null = Invoke-MqaMockAdmin $server tickets -Method Post -Body @{ gradable_id = 'seq-0'; type = 'email'; subject = 's'; agents = @('a'); link = 'https://example.com/0'; body = 'b' }
        (Invoke-Api $server 'tickets/seq-0' -Method Patch -Body @{ subject = 'changed' }).StatusCode | Should -Be 200
        { Invoke-Api $server tickets -Body $ticket } | Should -Throw
        Get-FaultList (Get-RouteRecord 'tickets') | Should -Be '-,reset_after_commit'
        (Get-MqaMockTicket $server).gradable_id | Should -Contain 'seq-1'
    }
}

Describe 'Storage faults on downloads' {
    It 'stall: the headers promise the whole file, a few bytes come, then nothing while the client stays' {
        $export = New-FaultedExport @{ stallRate = 1; hangMs = 60000; routes = @('downloads') }
        $client = [System.Net.Http.HttpClient]::new()
        try {
            $response = $client.GetAsync($export.DataUrl, [System.Net.Http.HttpCompletionOption]::ResponseHeadersRead).GetAwaiter().GetResult()
            [int]$response.StatusCode | Should -Be 200
            $response.Content.Headers.ContentLength | Should -BeGreaterThan 1000
            $stream = $response.Content.ReadAsStream()
            $buffer = [byte[]]::new(65536)
            $received = 0
            while ($received -lt 16) {
                $read = $stream.ReadAsync($buffer, $received, $buffer.Length - $received)
                $read.Wait(10000) | Should -BeTrue -Because 'the first bytes come at once'
                $read.Result | Should -BeGreaterThan 0
                $received += $read.Result
            }
            $received | Should -Be 16
            [System.Text.Encoding]::ASCII.GetString($buffer, 0, 2) | Should -Be 'PK' -Because 'they are the start of the file'
            $stream.ReadAsync($buffer, 0, $buffer.Length).Wait(1500) | Should -BeFalse -Because 'nothing more comes for hangMs (60 s)'
        }
        finally {
            if ($response) { $response.Dispose() }
            $client.Dispose()
        }
        Get-FaultList (Get-RouteRecord 'downloads') | Should -Be 'stall'
        Get-MqaMockStallEnd $server | Should -Be 'client' -Because 'the client closed the connection before hangMs ran out'
    }

    It 'stall: after hangMs the server drops the connection' {
        $export = New-FaultedExport @{ stallRate = 1; hangMs = 200; routes = @('downloads') }
        { Invoke-WebRequest $export.DataUrl } | Should -Throw
        Get-MqaMockStallEnd $server | Should -Be 'server'
    }

    It 'html200: 200 with an HTML error page as text/html instead of the file' {
        $export = New-FaultedExport @{ html200Rate = 1; routes = @('downloads') }
        $download = Get-TestDownload $export.DataUrl
        $download.Response.StatusCode | Should -Be 200
        $download.Response.Headers['Content-Type'] | Should -Be 'text/html'
        [System.Text.Encoding]::UTF8.GetString($download.Bytes) | Should -Match '^<html>'
    }

    It 'redirect_loop: 307 to the very URL requested, every time' {
        $export = New-FaultedExport @{ redirectLoopRate = 1; routes = @('downloads') }
        $first = (Get-TestDownload $export.DataUrl).Response
        $first.StatusCode | Should -Be 307
        $url = $first.Headers.Location[0]
        $url | Should -BeExactly "$($export.DataUrl)&redirect-loop=1"
        foreach ($hop in 1..3) {
            $response = (Get-TestDownload $url).Response
            $response.StatusCode | Should -Be 307
            $response.Headers.Location[0] | Should -BeExactly $url
        }
        Get-FaultList (Get-RouteRecord 'downloads') | Should -Be 'redirect_loop,redirect_loop,redirect_loop,redirect_loop'
        { Invoke-WebRequest $export.DataUrl -MaximumRedirection 5 } | Should -Throw
    }
}

Describe 'Lost responses on export requests (faults.faultAfterCommitRate)' {
    It '<Route>: the export is created and recorded, then the connection drops' -ForEach @(
        @{ Route = 'request-raw-export'; Kind = 'raw' }
        @{ Route = 'request-groups-export'; Kind = 'groups' }
        @{ Route = 'request-audit-log-export'; Kind = 'audit_log' }
    ) {
        Reset-TestServer $server @{ faults = @{ faultAfterCommitRate = 1; routes = @($Route) } }
        { Invoke-Api $server $Route -Body $week } | Should -Throw
        $exports = @(Get-MqaMockExport $server)
        $exports | Should -HaveCount 1
        $exports[0].kind | Should -Be $Kind
        $record = Get-RouteRecord $Route
        $record | Should -HaveCount 1
        $record[0].status | Should -Be 0
        $record[0].fault | Should -Be 'reset_after_commit'
        $record[0].exportId | Should -Be $exports[0].exportId
        (Get-ExportData $server $exports[0].exportId).StatusCode | Should -Be 200 -Because 'the API knows the export whose id was lost'
    }

    It 'still only on POST tickets among the ticket routes' {
        Reset-TestServer $server @{ faults = @{ faultAfterCommitRate = 1; routes = @('tickets') } }
        $null = Invoke-MqaMockAdmin $server tickets -Method Post -Body @{ gradable_id = 'c-0'; type = 'email'; subject = 's'; agents = @('a'); link = 'https://example.com/0'; body = 'b' }
        (Invoke-Api $server 'tickets/c-0' -Method Patch -Body @{ subject = 'changed' }).StatusCode | Should -Be 200
        (Invoke-Api $server 'tickets/c-0' -Method Delete).StatusCode | Should -Be 200
    }
}

Describe 'Latency jitter (faults.latencyJitterMs)' {
    BeforeAll {
        function Measure-Delay([hashtable] $Faults, $Export) {
            Set-TestConfig $server @{ faults = $Faults }
            Clear-MqaMockRequest $server
            foreach ($i in 1..12) {
                $stopwatch = [System.Diagnostics.Stopwatch]::StartNew()
                $null = Get-ExportData $server $Export.ExportId
                [pscustomobject]@{ ClientMs = $stopwatch.Elapsed.TotalMilliseconds }
            }
        }
    }

    It 'delays each covered request by a seeded 0..N ms before the limiter stamps it' {
        $export = New-FaultedExport @{}
        $client = @(Measure-Delay @{ seed = 4; latencyJitterMs = 250; routes = @('get-export-data') } $export)
        $record = Get-RouteRecord 'get-export-data'
        $record | Should -HaveCount 12
        $delays = @($record.delayMs)
        $delays | ForEach-Object { $_ | Should -BeGreaterOrEqual 0; $_ | Should -BeLessOrEqual 250 }
        @($delays | Sort-Object -Unique).Count | Should -BeGreaterThan 5 -Because 'the delay is random per request'
        # The server tops its coarse timers up to the whole delay; the 2 ms of slack covers the rounding of recorded times.
        for ($i = 0; $i -lt 12; $i++) {
            $record[$i].elapsedMs - $record[$i].receivedMs | Should -BeGreaterOrEqual ($delays[$i] - 2) -Because 'the limiter (and the record time) saw the request only after the delay'
            $client[$i].ClientMs | Should -BeGreaterOrEqual ($delays[$i] - 2) -Because 'the client waited at least that long'
        }

        $null = Measure-Delay @{ seed = 4; latencyJitterMs = 250; routes = @('get-export-data') } $export
        (Get-RouteRecord 'get-export-data').delayMs -join ',' | Should -Be ($delays -join ',') -Because 'the same seed gives the same delays'
        $null = Measure-Delay @{ seed = 5; latencyJitterMs = 250; routes = @('get-export-data') } $export
        (Get-RouteRecord 'get-export-data').delayMs -join ',' | Should -Not -Be ($delays -join ',')
    }

    It 'adds to latencyMs, and leaves uncovered routes alone' {
        $export = New-FaultedExport @{}
        $null = Measure-Delay @{ latencyMs = 40; latencyJitterMs = 30; routes = @('get-export-data') } $export
        (Get-RouteRecord 'get-export-data').delayMs | ForEach-Object { $_ | Should -BeGreaterOrEqual 40; $_ | Should -BeLessOrEqual 70 }
        (Invoke-Api $server request-groups-export -Body @{}).StatusCode | Should -Be 200
        (Get-RouteRecord 'request-groups-export').delayMs | Should -Be 0
    }
}

Describe 'Big bodies (faults.bigBodyRate, bigBodyBytes, bigBodyChunked)' {
    It 'answers exactly bigBodyBytes of JSON with its Content-Length, streamed without holding it in memory' {
        $export = New-FaultedExport @{ bigBodyRate = 1; bigBodyBytes = 150000000; routes = @('get-export-data') }
        $server.Process.Refresh()
        $peakBefore = $server.Process.PeakWorkingSet64
        $file = Join-Path ([System.IO.Path]::GetTempPath()) "mqa-big-body-$PID.json"
        try {
            $response = Invoke-WebRequest "$($server.ApiUri)get-export-data" -Headers @{ apitoken = $server.Token; exportId = $export.ExportId } -OutFile $file -PassThru
            $response.StatusCode | Should -Be 200
            $response.Headers['Content-Length'][0] | Should -Be '150000000'
            (Get-Item $file).Length | Should -Be 150000000
            $stream = [System.IO.File]::OpenRead($file)
            try {
                $head = [byte[]]::new(12)
                $null = $stream.Read($head, 0, 12)
                $null = $stream.Seek(-2, 'End')
                $tail = [byte[]]::new(2)
                $null = $stream.Read($tail, 0, 2)
            }
            finally {
                $stream.Dispose()
            }
            [System.Text.Encoding]::ASCII.GetString($head) + '...' + [System.Text.Encoding]::ASCII.GetString($tail) | Should -BeExactly '{"padding":"..."}'
        }
        finally {
            Remove-Item $file -ErrorAction SilentlyContinue
        }
        $server.Process.Refresh()
        $server.Process.PeakWorkingSet64 - $peakBefore | Should -BeLessThan 100MB -Because 'the server streams the body'
    }

    It 'bigBodyChunked: no Content-Length, the same exact size, valid JSON' {
        $export = New-FaultedExport @{ bigBodyRate = 1; bigBodyBytes = 100000; bigBodyChunked = $true; routes = @('get-export-data') }
        $response = Get-ExportData $server $export.ExportId
        $response.Headers.ContainsKey('Content-Length') | Should -BeFalse
        $response.Headers['Transfer-Encoding'] | Should -Be 'chunked'
        $response.RawContentStream.Length | Should -Be 100000
        ($response.Content | ConvertFrom-Json).padding.Length | Should -Be (100000 - 14)
    }

    It 'on a POST route it replaces the endpoint: no ticket is created' {
        $null = New-FaultedExport @{ bigBodyRate = 1; bigBodyBytes = 2000; routes = @('tickets') }
        $response = Invoke-Api $server tickets -Body @{ gradable_id = 'big-1'; type = 'email'; subject = 's'; agents = @('a'); link = 'https://example.com/1'; body = 'b' }
        $response.StatusCode | Should -Be 200
        $response.RawContentStream.Length | Should -Be 2000
        @(Get-MqaMockTicket $server) | Should -HaveCount 0
    }
}
