BeforeAll {
    . $PSScriptRoot/ServerTestSetup.ps1
    $server = Start-MqaMockServer
    $week = @{ startDate = '2018-08-13T00:00:00Z'; endDate = '2018-08-19T00:00:00Z' }
    $current = @{ api = @{ profile = 'current' } }

    # What the fallback answers (and records) for a request no route serves.
    function Assert-NoRoute($Response, [string] $Method, [string] $Path) {
        $Response.StatusCode | Should -Be 404
        $Response.Content | Should -BeExactly "{`"message`":`"No route $Method $Path`"}"
        $record = @(Get-MqaMockRequest $server -Route $Path)
        $record | Should -HaveCount 1 -Because 'the fallback records the path as the route'
        $record[0].method | Should -Be $Method
        $record[0].status | Should -Be 404
        $record[0].endpointClass | Should -BeNullOrEmpty -Because 'no route took the request'
        $record[0].tokenTail | Should -BeNullOrEmpty -Because 'nothing was authenticated'
    }
}

AfterAll {
    Stop-MqaMockServer $server
}

Describe 'The article profile (api.profile "article", the default)' {
    It 'serves get-export-data and the legacy routes, not export-data/{id}' {
        Reset-TestServer $server
        $export = New-TestExport $server -Kind groups
        (Get-ExportData $server $export.ExportId).StatusCode | Should -Be 200
        (Invoke-Api $server screen-capture-usage-stats -Body @{ groupIds = @('123'); interval = 'day' }).StatusCode | Should -Be 200
        Clear-MqaMockRequest $server
        Assert-NoRoute (Invoke-Api $server "export-data/$($export.ExportId)" -Method Get) GET "/api/v1/export-data/$($export.ExportId)"
    }
}

Describe 'The current profile (api.profile "current")' {
    It 'export-data/{id} answers exactly as get-export-data, through every phase' {
        Reset-TestServer $server @{ exportRequestedMs = 600000; responses = @{ requestedStatus = 'queued' } }
        $waiting = ((Invoke-Api $server request-groups-export -Body @{}).Content | ConvertFrom-Json).exportId
        Set-TestConfig $server
        $done = New-TestExport $server -Kind groups
        $empty = New-TestExport $server -Body @{ startDate = '2099-01-01T00:00:00Z'; endDate = '2099-01-02T00:00:00Z' }
        $gone = New-TestExport $server -Kind groups
        $null = Remove-MqaMockExport $server $gone.ExportId
        $ids = $waiting, $done.ExportId, $empty.ExportId, $gone.ExportId, 'exp_never'
        $responses = @{ requestedStatus = 'queued' }
        Set-TestConfig $server @{ responses = $responses }
        $article = $ids | ForEach-Object { $r = Get-ExportData $server $_; "$($r.StatusCode) $($r.Content)" }

        Set-TestConfig $server @{ responses = $responses; api = @{ profile = 'current' } }
        Clear-MqaMockRequest $server
        $today = $ids | ForEach-Object { $r = Invoke-Api $server "export-data/$_" -Method Get; "$($r.StatusCode) $($r.Content)" }
        $today -join "`n" | Should -BeExactly ($article -join "`n")
        $today[0] | Should -Match '"status":"queued"'
        $today[1] | Should -Match '"status":"complete","dataUrl":"http://127\.0\.0\.1:\d+/downloads/'
        $today[3] | Should -BeExactly "404 {`"message`":`"Export '$($gone.ExportId)' not found`"}"

        $record = @(Get-MqaMockRequest $server -Route export-data)
        $record | Should -HaveCount 5
        ($record.exportId) -join ',' | Should -Be ($ids -join ',')
        $record | ForEach-Object { $_.endpointClass | Should -Be 'easy'; $_.method | Should -Be 'GET' }
    }

    It 'get-export-data falls to the unknown-route 404, told apart in the record by its path' {
        Reset-TestServer $server $current
        $export = New-TestExport $server -Kind audit
        Clear-MqaMockRequest $server
        Assert-NoRoute (Get-ExportData $server $export.ExportId) GET '/api/v1/get-export-data'
        @(Get-MqaMockRequest $server -Route get-export-data) | Should -HaveCount 0
    }

    It 'drops <Route> unless api.legacyRoutes' -ForEach @(
        @{ Route = 'request-groups-export'; Body = @{} }
        @{ Route = 'screen-capture-usage-stats'; Body = @{ groupIds = @('123'); interval = 'week' } }
    ) {
        Reset-TestServer $server $current
        Assert-NoRoute (Invoke-Api $server $Route -Body $Body) POST "/api/v1/$Route"
        @(Get-MqaMockExport $server) | Should -HaveCount 0
        Set-TestConfig $server @{ api = @{ profile = 'current'; legacyRoutes = $true } }
        (Invoke-Api $server $Route -Body $Body).StatusCode | Should -Be 200
        (Get-MqaMockRequest $server -Route $Route).status | Should -Be 200
    }

    It 'still serves the raw and audit-log export requests' {
        Reset-TestServer $server $current
        (Invoke-Api $server request-raw-export -Body $week).StatusCode | Should -Be 200
        (Invoke-Api $server request-audit-log-export -Body $week).StatusCode | Should -Be 200
    }

    It 'faults name the route export-data' {
        Reset-TestServer $server $current
        $export = New-TestExport $server -Kind audit
        Set-TestConfig $server @{ api = @{ profile = 'current' }; faults = @{ sequence = @('503'); routes = @('export-data') } }
        Clear-MqaMockRequest $server
        (1..2 | ForEach-Object { (Invoke-Api $server "export-data/$($export.ExportId)" -Method Get).StatusCode }) -join ',' | Should -Be '503,200'
        (Get-MqaMockRequest $server -Route export-data | ForEach-Object { "$($_.fault)" }) -join ',' | Should -Be '503,'
    }
}

Describe 'The api config section' {
    It 'shows its defaults in GET /admin/config' {
        Reset-MqaMockServer $server
        ((Invoke-MqaMockAdmin $server config).api | ConvertTo-Json -Compress) |
            Should -BeExactly '{"profile":"article","requireTicketId":false,"legacyRoutes":false,"moved":{"status":308,"target":"same-host"}}'
    }

    It 'refuses <Case>' -ForEach @(
        @{ Case = 'an unknown profile'; Config = @{ api = @{ profile = 'rippit' } }; Message = 'profile' }
        @{ Case = 'a number for the profile'; Config = @{ api = @{ profile = 1 } }; Message = 'profile' }
        @{ Case = 'an unknown api field'; Config = @{ api = @{ editions = 2 } }; Message = 'editions' }
        @{ Case = 'a moved status that is no redirect'; Config = @{ api = @{ moved = @{ status = 303 } } }; Message = 'api.moved.status must be one of 301, 302, 307, 308' }
        @{ Case = 'an unknown moved target'; Config = @{ api = @{ moved = @{ target = 'elsewhere' } } }; Message = 'target' }
        @{ Case = 'an unknown moved field'; Config = @{ api = @{ moved = @{ host = 'x' } } }; Message = 'host' }
        @{ Case = 'an unknown fault route'; Config = @{ faults = @{ routes = @('export-status') } }; Message = 'unknown faults.routes export-status' }
    ) {
        $response = Send-TestConfig $server $Config
        $response.StatusCode | Should -Be 400
        ($response.Content | ConvertFrom-Json).message | Should -Match ([regex]::Escape($Message))
    }
}
