BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $server = Start-MqaMockServer
    $secret = $server.Token

    # Windows a tenth of their documented length on both sides, so limit tests take seconds.
    $scaledLimits = @{ demandingPerSecond = 1; demandingPerMinute = 30; easyPerSecond = 10; easyPerMinute = 100; windowScale = 0.1 }
    function New-ScaledSession([string] $Token = $secret, [int] $MaximumRetryCount = 5, [int] $TimeoutSec = 100) {
        New-MqaSession -ApiToken $Token -BaseUri $server.ApiUri -MaximumRetryCount $MaximumRetryCount -TimeoutSec $TimeoutSec -RetryIntervalSec 0.05 `
            -DemandingRateLimit @{ PerSecond = 1; PerMinute = 30; WindowScale = 0.1 } `
            -EasyRateLimit @{ PerSecond = 10; PerMinute = 100; WindowScale = 0.1 }
    }
    function Get-ExportId {
        (Invoke-RestMethod -Method Post -Uri "$($server.ApiUri)request-groups-export" -Headers @{ apitoken = $secret } -Body '{}' -ContentType 'application/json').exportId
    }
}

AfterAll {
    Disconnect-Mqa
    Stop-MqaMockServer $server
}

Describe 'Authentication' {
    BeforeEach { Reset-MqaMockServer $server }

    It 'sends the token in the apitoken header' {
        $null = Get-MqaCaptureUsage -GroupId grp_emea -Interval Day -Session (New-ScaledSession)
        $request = Get-MqaMockRequest $server | Select-Object -Last 1
        $request.tokenSource | Should -Be 'header'
        $request.status | Should -Be 200
    }

    It 'maps <Name> to <Category> with ErrorId <ErrorId>, naming what to do' -ForEach @(
        @{ Name = 'an unknown token'; Token = 'mqa-unknown-token-9999'; Category = 'AuthenticationError'; ErrorId = 'MaestroQA.Unauthorized'; Advice = '90 days' }
        @{ Name = 'an expired token'; Token = 'mqa-expired-token-0003'; Category = 'AuthenticationError'; ErrorId = 'MaestroQA.Unauthorized'; Advice = 'expire' }
        @{ Name = 'a non-admin token'; Token = 'mqa-nonadmin-token-0004'; Category = 'PermissionDenied'; ErrorId = 'MaestroQA.Forbidden'; Advice = 'Admin' }
    ) {
        Set-MqaMockConfig $server @{ forbiddenTokens = @('mqa-nonadmin-token-0004') }
        $failure = { Get-MqaCaptureUsage -GroupId grp_emea -Interval Day -Session (New-ScaledSession -Token $Token) -ErrorAction Stop } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $failure.CategoryInfo.Category | Should -Be $Category
        $failure.Exception.Message | Should -Match $Advice
        $failure.Exception.Message | Should -Not -Match ([regex]::Escape($Token))
        @(Get-MqaMockRequest $server).Count | Should -Be 1 -Because 'a refused token is never retried'
    }

    # -ErrorAction Continue, because under Stop every error ends the command and this rule could not be seen.
    It 'a refused token (<Status>) stops <Name> at the first input, even with -ErrorAction Continue' -ForEach @(
        foreach ($refusal in @{ Status = 401; Token = 'mqa-expired-token-0003'; ErrorId = 'MaestroQA.Unauthorized' }, @{ Status = 403; Token = 'mqa-nonadmin-token-0004'; ErrorId = 'MaestroQA.Forbidden' }) {
            @{ Name = 'New-MqaTicket with 20 CSV rows'; Route = 'tickets'; Limit = 4; Call = { param($s) Import-Csv $csv | New-MqaTicket -Session $s -ErrorAction Continue } } + $refusal
            @{ Name = 'New-MqaTicket -ThrottleLimit 8 with 20 CSV rows'; Route = 'tickets'; Limit = 8; Call = { param($s) Import-Csv $csv | New-MqaTicket -ThrottleLimit 8 -Session $s -ErrorAction Continue } } + $refusal
            @{ Name = 'Get-MqaExport with 5 ids from the pipeline'; Route = 'get-export-data'; Limit = 1; Call = { param($s) 'e-1', 'e-2', 'e-3', 'e-4', 'e-5' | Get-MqaExport -Session $s -ErrorAction Continue } } + $refusal
            @{ Name = 'Get-MqaExport -ExportId with 5 ids'; Route = 'get-export-data'; Limit = 1; Call = { param($s) Get-MqaExport -ExportId 'e-1', 'e-2', 'e-3', 'e-4', 'e-5' -Session $s -ErrorAction Continue } } + $refusal
            @{ Name = 'Invoke-MqaRawExport -ChunkDays over 5 windows'; Route = 'request-raw-export'; Limit = 1; Call = { param($s) Invoke-MqaRawExport -StartDate '2025-01-01T00:00:00Z' -EndDate '2025-01-06T00:00:00Z' -ChunkDays 1 -Session $s -ErrorAction Continue } } + $refusal
        }
    ) {
        Set-MqaMockConfig $server @{ forbiddenTokens = @('mqa-nonadmin-token-0004') }
        $csv = Join-Path $TestDrive 'tickets.csv'
        1..20 | ForEach-Object { [pscustomobject]@{ gradable_id = "auth-$_"; type = 'chat'; subject = "Row $_"; agents = 'a1'; link = "https://helpdesk.example.com/$_"; body = 'B' } } |
            Export-Csv -Path $csv -NoTypeInformation
        $session = New-ScaledSession -Token $Token
        # Errors the command only wrote arrive through 2>&1; the one that ends it is thrown to the catch.
        $errors = [System.Collections.Generic.List[object]]::new()
        $stopped = $null
        try { & $Call $session 2>&1 | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | ForEach-Object { $errors.Add($_) } }
        catch { $stopped = $_; $errors.Add($_) }
        $errors | Should -HaveCount 1 -Because 'nothing else can work with that token, so the command stops'
        $stopped | Should -Not -BeNullOrEmpty -Because 'the error ends the command'
        $stopped.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $requests = @(Get-MqaMockRequest $server)
        $requests.Count | Should -BeGreaterThan 0
        $requests.Count | Should -BeLessOrEqual $Limit -Because 'only requests already in flight went out'
        $requests.route | Select-Object -Unique | Should -Be $Route
        # Requests the stop cancelled in flight may be recorded without the refusal's status.
        $requests.status | Should -Contain $Status
        @(Get-MqaMockTicket $server) | Should -HaveCount 0
        @(Get-MqaMockExport $server) | Should -HaveCount 0
    }
}

Describe 'Errors from the API' {
    BeforeEach { Reset-MqaMockServer $server }

    It 'maps 404 to ObjectNotFound with the input as TargetObject' {
        $failure = { Get-MqaExport -ExportId 'no-such-export' -Session (New-ScaledSession) -ErrorAction Stop } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'MaestroQA.NotFound,*'
        $failure.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failure.TargetObject.ExportId | Should -Be 'no-such-export'
    }

    It 'retries 5xx and succeeds, and maps persistent 5xx to ResourceUnavailable' {
        Set-MqaMockConfig $server @{ faults = @{ seed = 7; rate503 = 0.5; routes = @('get-export-data') } }
        $id = Get-ExportId
        (Get-MqaExport -ExportId $id -Session (New-ScaledSession)).ExportId | Should -Be $id
        Set-MqaMockConfig $server @{ faults = @{ rate500 = 1.0; routes = @('get-export-data') } }
        $failure = { Get-MqaExport -ExportId $id -Session (New-ScaledSession -MaximumRetryCount 2) -ErrorAction Stop } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'MaestroQA.ServerError,*'
        $failure.CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        @(Get-MqaMockRequest $server | Where-Object route -EQ 'get-export-data' | Where-Object status -EQ 500).Count | Should -Be 3
    }

    It 'honours Retry-After on 429 and maps a persistent 429 to LimitsExceeded' {
        Set-MqaMockConfig $server @{ faults = @{ seed = 3; rate429 = 0.5; routes = @('get-export-data') } }
        $id = Get-ExportId
        $session = New-ScaledSession
        1..6 | ForEach-Object { $id } | Get-MqaExport -Session $session | Should -HaveCount 6
        $record = @(Get-MqaMockRequest $server | Where-Object route -EQ 'get-export-data')
        $throttled = @(for ($i = 0; $i -lt $record.Count - 1; $i++) { if ($record[$i].status -eq 429) { $record[$i + 1].elapsedMs - $record[$i].elapsedMs } })
        $throttled.Count | Should -BeGreaterThan 0
        $throttled | ForEach-Object { $_ | Should -BeGreaterOrEqual 950 -Because 'Retry-After: 1 means a full second' }

        Set-MqaMockConfig $server @{ faults = @{ rate429 = 1.0; routes = @('get-export-data') } }
        $failure = { Get-MqaExport -ExportId $id -Session (New-ScaledSession -MaximumRetryCount 0) -ErrorAction Stop } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'MaestroQA.RateLimited,*'
        $failure.CategoryInfo.Category | Should -Be 'LimitsExceeded'
    }

    It 'maps an attempt that hangs past -TimeoutSec to OperationTimeout' {
        Set-MqaMockConfig $server @{ faults = @{ hangRate = 1.0; hangMs = 5000; routes = @('get-export-data') } }
        $id = Get-ExportId
        $failure = { Get-MqaExport -ExportId $id -Session (New-ScaledSession -MaximumRetryCount 0 -TimeoutSec 1) -ErrorAction Stop } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'MaestroQA.Timeout,*'
        $failure.CategoryInfo.Category | Should -Be 'OperationTimeout'
    }

    It 'does not follow a redirect away from the API host, so the token goes nowhere else' {
        Set-MqaMockConfig $server @{ faults = @{ redirectRate = 1.0; routes = @('get-export-data') } }
        $id = Get-ExportId
        $failure = { Get-MqaExport -ExportId $id -Session (New-ScaledSession) -ErrorAction Stop } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'MaestroQA.UnexpectedResponse,*'
        $failure.CategoryInfo.Category | Should -Be 'InvalidResult'
        $failure.Exception.Message | Should -Match '307 .*redirects are not followed'
        $failure.TargetObject.ExportId | Should -Be $id
        $record = @(Get-MqaMockRequest $server | Where-Object route -EQ 'get-export-data')
        $record | Should -HaveCount 1 -Because 'a redirect is neither followed nor retried'
        $record[0].fault | Should -Be 'redirect'
        @(Get-MqaMockRequest $server | Where-Object host -EQ 'localhost') | Should -HaveCount 0
    }

    It 'retries a reset connection' {
        Set-MqaMockConfig $server @{ faults = @{ seed = 11; resetRate = 0.5; routes = @('get-export-data') } }
        $id = Get-ExportId
        1..4 | ForEach-Object { $id } | Get-MqaExport -Session (New-ScaledSession) | Should -HaveCount 4
        $record = @(Get-MqaMockRequest $server | Where-Object route -EQ 'get-export-data')
        $resets = @($record | Where-Object fault -EQ 'reset')
        $resets.Count | Should -BeGreaterThan 0 -Because 'the server dropped some connections'
        $answered = @($record | Where-Object { -not $_.fault })
        $answered | Should -HaveCount 4
        $answered.status | Select-Object -Unique | Should -Be 200
        $record | Should -HaveCount (4 + $resets.Count) -Because 'each reset request was sent again, and nothing else was'
        $record[-1].fault | Should -BeNullOrEmpty -Because 'a reset is never the last word'
    }
}

Describe 'Rate limits' {
    BeforeEach { Reset-MqaMockServer $server; Set-MqaMockConfig $server @{ limits = $scaledLimits } }

    # What a user sees, on any machine: every call answered, any 429 retried, no window over the limits. How close to
    # the limits the limiter runs is pinned on a fake clock (ThroughputCeilingTests) and measured by the benchmark.
    It 'a burst of 200 easy calls all succeed, within both windows, any 429 retried' {
        $id = Get-ExportId
        Clear-MqaMockRequest $server
        $session = New-ScaledSession
        1..200 | ForEach-Object { $id } | Get-MqaExport -Session $session -ErrorAction Stop | Should -HaveCount 200
        $record = @(Get-MqaMockRequest $server | Where-Object route -EQ 'get-export-data')
        $answered = @($record | Where-Object status -EQ 200)
        $answered | Should -HaveCount 200
        @($record | Where-Object status -NotIn 200, 429) | Should -HaveCount 0
        Get-MqaMaxRequestsInWindow -Request $answered -WindowMs 100 | Should -BeLessOrEqual 10
        Get-MqaMaxRequestsInWindow -Request $answered -WindowMs 6000 | Should -BeLessOrEqual 100
    }

    It 'parallel runspaces with one token share one budget' -Tag 'CoreOnly' {
        $id = Get-ExportId
        Clear-MqaMockRequest $server
        $manifest = $env:MQA_TEST_MODULE_MANIFEST
        $uri = $server.ApiUri
        1..4 | ForEach-Object -ThrottleLimit 4 -Parallel {
            Import-Module $using:manifest
            $session = New-MqaSession -ApiToken $using:secret -BaseUri $using:uri -EasyRateLimit @{ PerSecond = 10; PerMinute = 100; WindowScale = 0.1 }
            1..40 | ForEach-Object { $using:id } | Get-MqaExport -Session $session
        } | Should -HaveCount 160
        $record = @(Get-MqaMockRequest $server | Where-Object route -EQ 'get-export-data')
        $answered = @($record | Where-Object status -EQ 200)
        $answered | Should -HaveCount 160
        @($record | Where-Object status -NotIn 200, 429) | Should -HaveCount 0
        Get-MqaMaxRequestsInWindow -Request $answered -WindowMs 100 | Should -BeLessOrEqual 10
        Get-MqaMaxRequestsInWindow -Request $answered -WindowMs 6000 | Should -BeLessOrEqual 100
    }

    It 'demanding calls keep to one a (scaled) second' {
        Clear-MqaMockRequest $server
        $session = New-ScaledSession
        1..12 | ForEach-Object { Get-MqaCaptureUsage -GroupId grp_emea -Interval Day -Session $session } | Should -Not -BeNullOrEmpty
        $record = @(Get-MqaMockRequest $server | Where-Object route -EQ 'screen-capture-usage-stats')
        $answered = @($record | Where-Object status -EQ 200)
        $answered | Should -HaveCount 12
        @($record | Where-Object status -NotIn 200, 429) | Should -HaveCount 0
        Get-MqaMaxRequestsInWindow -Request $answered -WindowMs 100 | Should -Be 1
    }

    It 'says in -Verbose when it waits for a permit' {
        $session = New-ScaledSession
        $verbose = 1..3 | ForEach-Object { Get-MqaCaptureUsage -GroupId grp_emea -Interval Day -Session $session -Verbose 4>&1 } |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        # The wait is written in the user's number format ("0.09" or "0,09"): read back as a number.
        ($verbose.Message -join "`n") -match 'waiting (?<seconds>\d+[.,]\d+) s for a rate-limit permit \(Demanding endpoints\)' | Should -BeTrue
        $seconds = [double]::Parse($Matches.seconds, [cultureinfo]::CurrentCulture)
        $seconds | Should -BeGreaterThan 0
        $seconds | Should -BeLessThan 1 -Because 'the scaled window is a tenth of a second, and its margin a few hundredths'
    }
}

Describe 'Secrets and cancellation' {
    BeforeEach { Reset-MqaMockServer $server }

    It 'never shows the token in any stream, even failing and verbose' {
        Set-MqaMockConfig $server @{ faults = @{ seed = 5; rate503 = 0.5 } }
        $session = New-ScaledSession
        $everything = & {
            $session
            $session | Format-List * | Out-String
            Get-MqaCaptureUsage -GroupId grp_emea -Interval Day -Session $session -Verbose -Debug
            Get-MqaExport -ExportId missing -Session $session -Verbose -ErrorAction Continue
            try { Get-MqaCaptureUsage -GroupId grp_emea -Interval Day -Session (New-ScaledSession -Token 'mqa-expired-token-0003') } catch { $_; $_.Exception.ToString() }
        } *>&1 | Out-String
        $everything | Should -Not -BeNullOrEmpty
        $everything | Should -Not -Match ([regex]::Escape($secret))
        $everything | Should -Not -Match 'mqa-expired-token-0003'
    }

    It 'Ctrl+C stops a wait at once, long before it would end' {
        Set-MqaMockConfig $server @{ exportInProgressMs = 120000 }
        $id = Get-ExportId
        $runner = [powershell]::Create()
        try {
            $null = $runner.AddScript("Import-Module '$($env:MQA_TEST_MODULE_MANIFEST)' -ArgumentList $flavor; Wait-MqaExport -ExportId $id -PollInterval 0.2 -Session (New-MqaSession -ApiToken '$secret' -BaseUri '$($server.ApiUri)')")
            $async = $runner.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(20)
            while (@(Get-MqaMockRequest $server | Where-Object route -EQ 'get-export-data').Count -lt 2 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
            $stopwatch = [Diagnostics.Stopwatch]::StartNew()
            $runner.Stop()
            $stopwatch.Elapsed.TotalSeconds | Should -BeLessThan 30 -Because 'Stop() cancels the wait (120 s) instead of waiting it out'
            $async.IsCompleted | Should -BeTrue
        }
        finally {
            $runner.Dispose()
        }
    }
}
