BeforeAll {
    . $PSScriptRoot/ServerTestSetup.ps1
    $server = Start-MqaMockServer
    $week = @{ startDate = '2018-08-13T00:00:00Z'; endDate = '2018-08-19T00:00:00Z' }
    $mainPort = ([uri]$server.Url).Port

    function Get-MovedRecord { @(Get-MqaMockRequest $server -Route moved) }
}

AfterAll {
    Stop-MqaMockServer $server
}

Describe 'The moved host''s address' {
    It 'GET /admin/health reports movedUrl, a second loopback port, beside its status' {
        $health = Invoke-MqaMockAdmin $server health
        $health.PSObject.Properties.Name -join ',' | Should -Be 'status,movedUrl'
        $health.status | Should -Be 'ok'
        $health.movedUrl | Should -Match '^http://127\.0\.0\.1:\d+/$'
        ([uri]$health.movedUrl).Port | Should -Not -Be $mainPort
        $server.MovedUrl | Should -BeExactly $health.movedUrl
        $server.MovedApiUri | Should -BeExactly "$($health.movedUrl)api/v1/"
    }

    It 'stdout still carries exactly one line, the ready line' {
        $dll = Join-Path $PSScriptRoot '../MaestroQA.MockServer/bin/Release/net10.0/MaestroQA.MockServer.dll'
        $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
        $start.ArgumentList.Add((Resolve-Path $dll).Path)
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardInput = $true
        $start.UseShellExecute = $false
        $process = [System.Diagnostics.Process]::Start($start)
        try {
            $process.StandardOutput.ReadLine() | Should -Match '^MAESTROQA_MOCK_URL=http://127\.0\.0\.1:\d+/$'
            $rest = $process.StandardOutput.ReadToEndAsync()
            $process.StandardInput.Close()
            $rest.Wait(30000) | Should -BeTrue -Because 'the server exits when its stdin closes'
            $rest.Result | Should -BeExactly ''
        }
        finally {
            if (-not $process.HasExited) { $process.Kill() }
            $process.Dispose()
        }
    }
}

Describe 'The moved host redirects every request to the main listener (api.moved)' {
    It '<Status> to <Target>: the same path and query on <HostName>, whatever the method' -ForEach @(
        foreach ($status in 301, 302, 307, 308) {
            @{ Status = $status; Target = 'same-host'; HostName = '127.0.0.1' }
            @{ Status = $status; Target = 'other-host'; HostName = 'localhost' }
        }
    ) {
        Reset-TestServer $server @{ api = @{ moved = @{ status = $Status; target = $Target } } }
        $requests = @(
            @{ Method = 'Get'; Route = 'get-export-data?exportId=exp_1&x=a%20b' }
            @{ Method = 'Post'; Route = 'request-raw-export'; Body = $week }
            @{ Method = 'Patch'; Route = 'tickets/a%2Fb'; Body = @{ subject = 'x' } }
            @{ Method = 'Delete'; Route = 'tickets/t-1' }
        )
        foreach ($request in $requests) {
            $response = Invoke-Api $server $request.Route -Method $request.Method -Body $request.Body -BaseUri $server.MovedApiUri
            $response.StatusCode | Should -Be $Status
            $response.Headers.Location[0] | Should -BeExactly "http://${HostName}:$mainPort/api/v1/$($request.Route)"
        }
        $record = Get-MovedRecord
        ($record.method) -join ',' | Should -Be 'GET,POST,PATCH,DELETE'
        foreach ($entry in $record) {
            $entry.status | Should -Be $Status
            $entry.host | Should -Be '127.0.0.1'
            $entry.hadApiTokenHeader | Should -BeTrue
            $entry.tokenTail | Should -Be '0001'
            $entry.endpointClass | Should -BeNullOrEmpty
        }
        @(Get-MqaMockRequest $server) | Should -HaveCount 4 -Because 'nothing reached the main listener'
    }

    It 'changes no state: no export, no ticket, no reset, whatever the path' {
        Reset-TestServer $server
        $null = Invoke-MqaMockAdmin $server tickets -Method Post -Body @{ gradable_id = 't-1'; type = 'email'; subject = 's'; agents = @('a'); link = 'https://example.com/1'; body = 'b' }
        $null = Invoke-Api $server request-groups-export -Body @{} -BaseUri $server.MovedApiUri
        $null = Invoke-Api $server tickets -Body @{ gradable_id = 't-2'; type = 'email'; subject = 's'; agents = @('a'); link = 'l'; body = 'b' } -BaseUri $server.MovedApiUri
        $null = Invoke-Api $server tickets/t-1 -Method Delete -BaseUri $server.MovedApiUri
        $reset = Invoke-Api $server admin/reset -BaseUri $server.MovedUrl
        $reset.StatusCode | Should -Be 308
        $reset.Headers.Location[0] | Should -BeExactly "$($server.Url)admin/reset"
        (Invoke-Api $server 'downloads/exp_1/file?sig=x' -Method Get -BaseUri $server.MovedUrl).StatusCode | Should -Be 308

        @(Get-MqaMockExport $server) | Should -HaveCount 0
        (Get-MqaMockTicket $server).gradable_id -join ',' | Should -Be 't-1'
        (Invoke-MqaMockAdmin $server config).exportRequestedMs | Should -Be 0 -Because 'the test config was not reset'
        (Get-MovedRecord).status -join ',' | Should -Be '308,308,308,308,308' -Because 'the /admin request is recorded too'
    }

    It 'checks no token, but records what came: none, or one in the body' {
        Reset-TestServer $server
        $bare = Invoke-WebRequest "$($server.MovedApiUri)get-export-data" -MaximumRedirection 0 -SkipHttpErrorCheck -ErrorAction SilentlyContinue
        $bare.StatusCode | Should -Be 308
        $null = Invoke-WebRequest "$($server.MovedApiUri)request-groups-export" -Method Post -Body (@{ apiToken = 'mqa-test-token-0002' } | ConvertTo-Json) -ContentType 'application/json' -MaximumRedirection 0 -SkipHttpErrorCheck -ErrorAction SilentlyContinue
        $record = Get-MovedRecord
        $record[0].hadApiTokenHeader | Should -BeFalse
        $record[0].tokenTail | Should -BeNullOrEmpty
        $record[1].hadApiTokenHeader | Should -BeFalse
        $record[1].tokenTail | Should -Be '0002'
        $record[1].tokenSource | Should -Be 'body'
    }

    It 'is neither faulted nor rate limited, in either profile' {
        Reset-MqaMockServer $server
        Set-MqaMockConfig $server @{ faults = @{ rate500 = 1 }; limits = @{ demandingPerSecond = 1; windowScale = 1000 }; api = @{ profile = 'current' } }
        (1..3 | ForEach-Object { (Invoke-Api $server request-raw-export -Body $week -BaseUri $server.MovedApiUri).StatusCode }) -join ',' | Should -Be '308,308,308'
        (Invoke-Api $server request-raw-export -Body $week).StatusCode | Should -Be 500 -Because 'the main listener does fault'
    }

    It 'other-host: a client that follows the Location is recorded on the main listener with host localhost' {
        Reset-TestServer $server @{ api = @{ moved = @{ status = 307; target = 'other-host' } } }
        $location = (Invoke-Api $server request-groups-export -Body @{} -BaseUri $server.MovedApiUri).Headers.Location[0]
        $followed = Invoke-WebRequest $location -Method Post -Body '{}' -ContentType 'application/json' -Headers @{ apitoken = $server.Token }
        $followed.StatusCode | Should -Be 200
        $record = @(Get-MqaMockRequest $server -Route request-groups-export)
        $record | Should -HaveCount 1
        $record[0].host | Should -Be 'localhost'
        $record[0].hadApiTokenHeader | Should -BeTrue
    }
}
