# A hostile but fair user: values that would add headers, addresses that hold secrets, answers the article does not
# describe, rows that are $null, hashtables or misspelt, and a token that expires in the middle of a load.
BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $budgetToken = 'mqa-budget-token-0009'
    $server = Start-MqaMockServer
    $limits = @{ demandingPerSecond = 1; demandingPerMinute = 30; easyPerSecond = 10; easyPerMinute = 100; windowScale = 0.1 }
    function Set-Server([hashtable] $Extra = @{}) {
        Reset-MqaMockServer $server
        $config = @{ limits = $limits; exportRequestedMs = 50; exportInProgressMs = 100; validTokens = @($server.Token, $budgetToken) }
        foreach ($key in $Extra.Keys) { $config[$key] = $Extra[$key] }
        Set-MqaMockConfig $server $config
    }
    function New-ScaledSession([string] $Token = $server.Token) {
        New-MqaSession -ApiToken $Token -BaseUri $server.ApiUri -RetryIntervalSec 0.05 `
            -DemandingRateLimit @{ PerSecond = 1; PerMinute = 30; WindowScale = 0.1 } -EasyRateLimit @{ PerSecond = 10; PerMinute = 100; WindowScale = 0.1 }
    }
    function New-Row([string] $Id) {
        [pscustomobject]@{ gradable_id = $Id; type = 'chat'; subject = "Subject $Id"; agents = 'a1'; link = "https://helpdesk.example.com/$Id"; body = 'Body' }
    }
    function Get-Requests([string] $Route) { @(Get-MqaMockRequest $server | Where-Object route -EQ $Route) }
    $session = New-ScaledSession
}

AfterAll {
    Stop-MqaMockServer $server
}

Describe 'Nothing the user gives adds a header or changes a path' {
    BeforeEach { Set-Server }

    It '<Command>: a control character in <Parameter> is MaestroQA.InvalidArgument naming it, and nothing is sent' -ForEach @(
        @{ Command = 'Get-MqaExport'; Parameter = 'ExportId'; Run = { Get-MqaExport -ExportId "e1`r`nX-Evil: 2" -Session $session -ErrorAction Stop } }
        @{ Command = 'Wait-MqaExport'; Parameter = 'ExportId'; Run = { Wait-MqaExport -ExportId "e1`nX-Evil: 2" -Session $session -ErrorAction Stop } }
        @{ Command = 'Remove-MqaTicket'; Parameter = 'GradableId'; Run = { Remove-MqaTicket -GradableId "t-1`r`nX-Evil: 2" -Force -Session $session -ErrorAction Stop } }
        @{ Command = 'Set-MqaTicket'; Parameter = 'GradableId'; Run = { Set-MqaTicket -GradableId "t-1`r`nX-Evil: 2" -Status solved -Session $session -ErrorAction Stop } }
        @{ Command = 'New-MqaTicket'; Parameter = 'GradableId'; Run = { New-Row "t-1`r`nX-Evil: 2" | New-MqaTicket -Session $session -ErrorAction Stop } }
    ) {
        $failure = $Run | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'MaestroQA.InvalidArgument,*'
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure.Exception.Message | Should -Match "^$Parameter '.*\\u000a.*' holds a control character"
        $failure.TargetObject | Should -Not -BeNullOrEmpty
        @(Get-MqaMockRequest $server) | Should -HaveCount 0
    }

    It 'a token with a control character is MaestroQA.InvalidToken, never shown, and nothing is sent' {
        $failure = { Connect-Mqa -ApiToken "mqa-test-token-0001`r`nX-Evil: 1" -BaseUri $server.ApiUri } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'MaestroQA.InvalidToken,*'
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        "$failure $($failure.TargetObject)" | Should -Not -Match 'mqa-test-token'
        @(Get-MqaMockRequest $server) | Should -HaveCount 0
    }

    It 'a base URI holding <Parts> is MaestroQA.InvalidBaseUri, shown without them' -ForEach @(
        @{ Parts = 'a user name and password'; Uri = 'https://ana:s3cret@app.example.com/api/v1/' }
        @{ Parts = 'a query'; Uri = 'https://app.example.com/api/v1/?sig=s3cret' }
        @{ Parts = 'a fragment'; Uri = 'https://app.example.com/api/v1/#s3cret' }
    ) {
        $failure = { New-MqaSession -ApiToken $server.Token -BaseUri $Uri } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'MaestroQA.InvalidBaseUri,*'
        $failure.Exception.Message | Should -Match "https://app\.example\.com/api/v1/"
        "$failure $($failure.TargetObject)" | Should -Not -Match 's3cret'
    }
}

Describe 'One budget per token' {
    BeforeEach { Set-Server }

    It 'sessions of one token that ask for different limits share the stricter, and -Verbose says so' {
        $loose = New-MqaSession -ApiToken $budgetToken -BaseUri $server.ApiUri -EasyRateLimit @{ PerSecond = 40; PerMinute = 400; WindowScale = 0.1 }
        $both = @(New-MqaSession -ApiToken $budgetToken -BaseUri $server.ApiUri -EasyRateLimit @{ PerSecond = 10; PerMinute = 100; WindowScale = 0.1 } -Verbose 4>&1)
        $verbose = @($both | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        $strict = @($both | Where-Object { $_ -is [MaestroQA.PowerShell.Session.MqaSession] })
        ($verbose.Message -join "`n") | Should -Match 'stricter than those of another session with this token: 10/s and 100/min .* now hold for every session'
        $loose.EasyLimiterState.Limits.PerSecond | Should -Be 10
        $strict[0].EasyLimiterState.Limits.PerMinute | Should -Be 100

        $later = @(New-MqaSession -ApiToken $budgetToken -BaseUri $server.ApiUri -EasyRateLimit @{ PerSecond = 40; PerMinute = 400; WindowScale = 0.1 } -Verbose 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        ($later.Message -join "`n") | Should -Match 'Another session with this token asked for stricter easy limits: 10/s and 100/min'
    }

    It 'calls through two such sessions together keep to the stricter limits' {
        $id = (Invoke-MqaGroupsExport -Session (New-ScaledSession -Token $budgetToken)).ExportId
        Clear-MqaMockRequest $server
        $a = New-MqaSession -ApiToken $budgetToken -BaseUri $server.ApiUri -EasyRateLimit @{ PerSecond = 40; PerMinute = 400; WindowScale = 0.1 }
        $b = New-MqaSession -ApiToken $budgetToken -BaseUri $server.ApiUri -EasyRateLimit @{ PerSecond = 10; PerMinute = 100; WindowScale = 0.1 }
        $results = 1..60 | ForEach-Object { Get-MqaExport -ExportId $id -Session $(if ($_ % 2) { $a } else { $b }) -ErrorAction Stop }
        $results | Should -HaveCount 60
        $answered = @(Get-Requests get-export-data | Where-Object status -EQ 200)
        $answered | Should -HaveCount 60
        Get-MqaMaxRequestsInWindow -Request $answered -WindowMs 100 | Should -BeLessOrEqual 10
    }
}

Describe 'Answers the article does not describe' {
    It 'a ticket answered with <Name>: MaestroQA.UnexpectedResponse for that row, keeping its gradable_id, and no PATCH' -ForEach @(
        @{ Name = 'no _id'; Body = 'without-id' }
        @{ Name = 'an empty object'; Body = 'empty-object' }
        @{ Name = 'an array'; Body = 'array' }
    ) {
        Set-Server @{ responses = @{ ticketCreateBody = $Body } }
        $row = New-Row 'odd-1'
        $output = @($row | New-MqaTicket -Session $session -ErrorVariable failed -ErrorAction SilentlyContinue)
        $output | Should -HaveCount 0
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MaestroQA.UnexpectedResponse,*'
        $failed[0].TargetObject.gradable_id | Should -Be 'odd-1'
        @(Get-Requests tickets | Where-Object method -EQ 'PATCH') | Should -HaveCount 0
        "$($failed[0])" | Should -Not -Match '409'
    }

    It 'capture usage answered with <Name>: MaestroQA.UnexpectedResponse, not an empty result' -ForEach @(
        @{ Name = '{}'; Body = 'empty-object' }
        @{ Name = 'no data but other fields'; Body = 'without-data' }
    ) {
        Set-Server @{ responses = @{ captureUsageBody = $Body } }
        $failure = { Get-MqaCaptureUsage -GroupId grp_emea -Interval Week -Session $session -ErrorAction Stop } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'MaestroQA.UnexpectedResponse,*'
        $failure.Exception.Message | Should -Match "'data'"
    }

    It 'an answer of <Size> is MaestroQA.UnexpectedResponse, read no further than the cap, and not retried' -ForEach @(
        @{ Size = '150 MB with its length'; Chunked = $false }
        @{ Size = '150 MB without a length'; Chunked = $true }
    ) {
        Set-Server @{ faults = @{ sequence = @('big_body'); bigBodyBytes = 150000000; bigBodyChunked = $Chunked; routes = @('get-export-data') } }
        $failure = { Get-MqaExport -ExportId 'exp_x' -Session $session -ErrorAction Stop } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'MaestroQA.UnexpectedResponse,*'
        $failure.Exception.Message | Should -Match 'MaxResponseBytes'
        Get-Requests get-export-data | Should -HaveCount 1
    }
}

Describe 'Ticket rows as people write them' {
    BeforeEach { Set-Server }

    It 'a $null among the rows gets its own error with a $null TargetObject; the rows around it are created' {
        $rows = @((New-Row 'n-1'), $null, (New-Row 'n-2'))
        $output = @($rows | New-MqaTicket -Session $session -ErrorVariable failed -ErrorAction SilentlyContinue)
        $output.GradableId | Should -Be @('n-1', 'n-2')
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MaestroQA.InvalidTicket,*'
        $failed[0].TargetObject | Should -BeNullOrEmpty
        @(Get-MqaMockTicket $server) | Should -HaveCount 2
    }

    It 'CsatScore <Value> is an error naming the field and the value, and nothing is sent' -ForEach @(
        @{ Value = 'NaN' }
        @{ Value = 'Infinity' }
        @{ Value = '1e400' }
    ) {
        $row = New-Row 'csat-1' | Add-Member -NotePropertyName csat_score -NotePropertyValue $Value -PassThru
        $null = $row | New-MqaTicket -Session $session -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MaestroQA.InvalidTicket,*'
        $failed[0].Exception.Message | Should -Match "CsatScore \(csat_score\) '$Value' is not a finite number"
        @(Get-MqaMockRequest $server) | Should -HaveCount 0
    }

    It 'a hashtable row works like an object row, and its fields do not leak into the next row' {
        $rows = @(
            @{ gradable_id = 'h-1'; type = 'chat'; subject = 'From a hashtable'; Agents = 'a1, a2'; link = 'https://helpdesk.example.com/h-1'; body = 'Body'; csat_score = 4 }
            (New-Row 'h-2')
        )
        $output = @($rows | New-MqaTicket -Session $session -ErrorAction Stop)
        $output.GradableId | Should -Be @('h-1', 'h-2')
        $stored = @(Get-MqaMockTicket $server | Sort-Object gradable_id)
        $stored[0].subject | Should -Be 'From a hashtable'
        $stored[0].agents | Should -Be @('a1', 'a2')
        $stored[0].csat_score | Should -Be 4
        $stored[1].PSObject.Properties['csat_score'].Value | Should -BeNullOrEmpty -Because 'the hashtable''s csat_score belongs to its row only'
    }

    It 'columns that match no field are named once, in a warning' {
        $rows = 1..3 | ForEach-Object { New-Row "w-$_" | Add-Member -NotePropertyName subjct -NotePropertyValue 'typo' -PassThru }
        $null = $rows | New-MqaTicket -Session $session -WarningVariable warned -WarningAction SilentlyContinue
        @($warned) | Should -HaveCount 1
        "$($warned[0])" | Should -Be 'Ignored columns, which match no ticket field: subjct.'
    }

    It 'a token that expires mid-load: the rows MaestroQA accepted are written, then the load stops' {
        Set-Server @{ faults = @{ sequence = @('none', 'none', '401'); routes = @('tickets') } }
        $rows = 1..12 | ForEach-Object { New-Row ('x-{0:d2}' -f $_) }
        $output = [System.Collections.Generic.List[object]]::new()
        $failure = $null
        try { $rows | New-MqaTicket -Session $session -ThrottleLimit 4 -ErrorAction Continue | ForEach-Object { $output.Add($_) } }
        catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeLike 'MaestroQA.Unauthorized,*'
        $created = @(Get-MqaMockTicket $server).gradable_id | Sort-Object
        ($output.GradableId | Sort-Object) | Should -Be $created -Because 'the output matches what exists'
        @(Get-Requests tickets).Count | Should -BeLessOrEqual 6 -Because 'at most the rows in flight went out after the 401'
    }
}
