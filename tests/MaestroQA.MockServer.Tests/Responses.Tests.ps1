BeforeAll {
    . $PSScriptRoot/ServerTestSetup.ps1
    $server = Start-MqaMockServer
    $week = @{ startDate = '2018-08-13T00:00:00Z'; endDate = '2018-08-19T00:00:00Z' }
    function New-TicketBody([string] $GradableId) {
        @{ gradable_id = $GradableId; type = 'email'; subject = 'Subject'; agents = @('agent-1'); link = "https://helpdesk.example.com/$GradableId"; body = 'Body' }
    }
}

AfterAll {
    Stop-MqaMockServer $server
}

Describe 'POST tickets answers (responses.ticketCreateBody)' {
    It '<Shape>: 201 with <Description>, and the ticket is stored with its _id' -ForEach @(
        @{ Shape = 'ticket'; Description = 'the ticket and its _id'; Check = { param($json) $json.'_id' | Should -Match '^[0-9a-f]{24}$'; $json.gradable_id | Should -Be 'shape-1' } }
        @{ Shape = 'without-id'; Description = 'the ticket without _id'; Check = { param($json) $json.PSObject.Properties.Name | Should -Not -Contain '_id'; $json.gradable_id | Should -Be 'shape-1' } }
        @{ Shape = 'empty-object'; Description = 'an empty object'; Check = { param($json, $text) $text | Should -BeExactly '{}' } }
        @{ Shape = 'array'; Description = 'a JSON array holding the ticket'; Check = { param($json, $text) $text | Should -Match '^\[\{'; $json[0].gradable_id | Should -Be 'shape-1' } }
    ) {
        Reset-TestServer $server @{ responses = @{ ticketCreateBody = $Shape } }
        $response = Invoke-Api $server tickets -Body (New-TicketBody 'shape-1')
        $response.StatusCode | Should -Be 201
        & $Check ($response.Content | ConvertFrom-Json -NoEnumerate) $response.Content
        $stored = @(Get-MqaMockTicket $server)
        $stored | Should -HaveCount 1
        $stored[0].'_id' | Should -Match '^[0-9a-f]{24}$'
    }
}

Describe 'screen-capture-usage-stats answers (responses.captureUsageBody)' {
    It '<Shape>: <Description>' -ForEach @(
        @{ Shape = 'data'; Description = 'the article''s {"data": [...]}'; Check = { param($json, $expected) ($json.data | ConvertTo-Json -Compress) | Should -Be $expected } }
        @{ Shape = 'empty-object'; Description = '{}'; Check = { param($json, $expected, $text) $text | Should -BeExactly '{}' } }
        @{ Shape = 'without-data'; Description = 'no "data", the same stats under "results", with "interval" and "count"'; Check = {
                param($json, $expected)
                $json.PSObject.Properties.Name -join ',' | Should -Be 'results,interval,count'
                ($json.results | ConvertTo-Json -Compress) | Should -Be $expected
                $json.interval | Should -Be 'week'
                $json.count | Should -Be 3
            }
        }
    ) {
        $body = @{ groupIds = @('grp_emea'); interval = 'week' }
        Reset-TestServer $server
        $expected = ((Invoke-Api $server screen-capture-usage-stats -Body $body).Content | ConvertFrom-Json).data | ConvertTo-Json -Compress
        Set-TestConfig $server @{ responses = @{ captureUsageBody = $Shape } }
        $response = Invoke-Api $server screen-capture-usage-stats -Body $body
        $response.StatusCode | Should -Be 200
        & $Check ($response.Content | ConvertFrom-Json) $expected $response.Content
    }
}

Describe 'Invalid parameters (responses.invalidParameterStatus)' {
    It '<Case>: <Status> with the same {"message"} naming the problem' -ForEach @(
        foreach ($status in 400, 422) {
            @{ Status = $status; Case = 'a malformed startDate'; Route = 'request-raw-export'; Method = 'Post'; Body = @{ startDate = '2018-08-13'; endDate = '2018-08-19T00:00:00Z' }; Message = "Invalid parameter 'startDate'" }
            @{ Status = $status; Case = 'a missing endDate'; Route = 'request-audit-log-export'; Method = 'Post'; Body = @{ startDate = '2018-08-13T00:00:00Z' }; Message = "Missing required parameter 'endDate'" }
            @{ Status = $status; Case = 'startDate after endDate'; Route = 'request-raw-export'; Method = 'Post'; Body = @{ startDate = '2018-08-19T00:00:00Z'; endDate = '2018-08-13T00:00:00Z' }; Message = "'startDate' must be before 'endDate'" }
            @{ Status = $status; Case = 'a body that is not JSON'; Route = 'request-groups-export'; Method = 'Post'; Body = 'not json'; Message = 'not valid JSON' }
            @{ Status = $status; Case = 'no exportId'; Route = 'get-export-data'; Method = 'Get'; Body = $null; Message = "Missing required parameter 'exportId'" }
            @{ Status = $status; Case = 'a bad interval'; Route = 'screen-capture-usage-stats'; Method = 'Post'; Body = @{ groupIds = @('123'); interval = 'year' }; Message = "Invalid parameter 'interval'" }
            @{ Status = $status; Case = 'a ticket without subject'; Route = 'tickets'; Method = 'Post'; Body = @{ gradable_id = 'x'; type = 't'; agents = @('a'); link = 'l'; body = 'b' }; Message = "Missing required parameter 'subject'" }
        }
    ) {
        Reset-TestServer $server @{ responses = @{ invalidParameterStatus = $Status } }
        $response = Invoke-Api $server $Route -Method $Method -Body $Body
        $response.StatusCode | Should -Be $Status
        $json = $response.Content | ConvertFrom-Json
        $json.PSObject.Properties.Name -join ',' | Should -Be 'message'
        $json.message | Should -Match ([regex]::Escape($Message))
    }

    It 'with 422, other errors keep their status' {
        Reset-TestServer $server @{ responses = @{ invalidParameterStatus = 422 } }
        (Invoke-Api $server get-export-data -Method Get -Headers @{ exportId = 'exp_none' }).StatusCode | Should -Be 404
        (Invoke-WebRequest "$($server.ApiUri)request-groups-export" -Method Post -Headers @{ apitoken = 'mqa-unknown' } -SkipHttpErrorCheck).StatusCode | Should -Be 401
        $null = Invoke-MqaMockAdmin $server tickets -Method Post -Body ((New-TicketBody 'synced-1') + @{ synced = $true })
        (Invoke-Api $server 'tickets/synced-1' -Method Patch -Body @{ subject = 'x' }).StatusCode | Should -Be 400 -Because 'refusing a synced ticket is not a parameter problem'
    }
}

Describe 'Export status names (responses.requestedStatus, responses.inProgressStatus)' {
    It 'reports the configured names while an export waits and runs; /admin keeps the article''s' {
        Reset-TestServer $server @{ exportRequestedMs = 600000; responses = @{ requestedStatus = 'queued'; inProgressStatus = 'processing' } }
        $waiting = ((Invoke-Api $server request-groups-export -Body @{}).Content | ConvertFrom-Json).exportId
        Set-TestConfig $server @{ exportRequestedMs = 0; exportInProgressMs = 600000; responses = @{ requestedStatus = 'queued'; inProgressStatus = 'processing' } }
        $running = ((Invoke-Api $server request-groups-export -Body @{}).Content | ConvertFrom-Json).exportId
        Set-TestConfig $server @{ responses = @{ requestedStatus = 'queued'; inProgressStatus = 'processing' } }
        $done = New-TestExport $server -Kind groups

        ((Get-ExportData $server $waiting).Content | ConvertFrom-Json).status | Should -Be 'queued'
        ((Get-ExportData $server $running).Content | ConvertFrom-Json).status | Should -Be 'processing'
        ((Get-ExportData $server $done.ExportId).Content | ConvertFrom-Json).status | Should -Be 'complete'
        (Get-MqaMockExport $server $waiting).status | Should -Be 'requested'
        (Get-MqaMockExport $server $running).status | Should -Be 'in_progress'

        Set-TestConfig $server
        ((Get-ExportData $server $running).Content | ConvertFrom-Json).status | Should -Be 'in_progress' -Because 'the names are read when the status is asked'
    }
}

Describe 'Forgetting exports (DELETE /admin/exports/{id}, exportRetentionMs)' {
    It 'DELETE makes get-export-data and the dataUrl answer 404 as for an unknown id; /admin keeps the export' {
        Reset-TestServer $server
        $export = New-TestExport $server -Kind groups
        $unknown = Get-ExportData $server 'exp_never'
        $forgotten = Remove-MqaMockExport $server $export.ExportId
        $forgotten.forgotten | Should -BeTrue
        $forgotten.dataUrl | Should -Be ''
        $response = Get-ExportData $server $export.ExportId
        $response.StatusCode | Should -Be 404
        $response.Content | Should -Be ($unknown.Content -replace 'exp_never', $export.ExportId)
        (Get-TestDownload $export.DataUrl).Response.StatusCode | Should -Be 404
        (Get-MqaMockExport $server $export.ExportId).forgotten | Should -BeTrue
        @(Get-LogicalRow $server $export.ExportId agent_groups) | Should -HaveCount 200 -Because 'a test can still compare rows'
        (Invoke-WebRequest "$($server.Url)admin/exports/exp_never" -Method Delete -SkipHttpErrorCheck).StatusCode | Should -Be 404
    }

    It 'exportRetentionMs: the API forgets each export that long after its request' {
        Reset-TestServer $server @{ exportRetentionMs = 60000 }
        $kept = New-TestExport $server -Kind groups
        Set-TestConfig $server @{ exportRetentionMs = 300 }
        $expiring = New-TestExport $server -Kind groups
        $requested = [DateTime]::UtcNow
        Start-Sleep -Milliseconds ([Math]::Max(0, 400 - ([DateTime]::UtcNow - $requested).TotalMilliseconds))
        # At least 300 ms have passed since its request (the export was requested before $requested was taken).
        (Get-ExportData $server $expiring.ExportId).StatusCode | Should -Be 404
        (Get-TestDownload $expiring.DataUrl).Response.StatusCode | Should -Be 404
        (Get-MqaMockExport $server $expiring.ExportId).forgotten | Should -BeTrue
        (Get-ExportData $server $kept.ExportId).StatusCode | Should -Be 200 -Because 'the retention is fixed when an export is requested'
    }
}

Describe 'The config stays strict' {
    It 'refuses <Case>' -ForEach @(
        @{ Case = 'an unknown file name mode'; Config = @{ files = @{ dataUrlFileNames = 'random' } }; Message = 'dataUrlFileNames' }
        @{ Case = 'a number for a mode'; Config = @{ files = @{ dates = 1 } }; Message = 'dates' }
        @{ Case = 'an unknown files field'; Config = @{ files = @{ bomb = $true } }; Message = 'bomb' }
        @{ Case = 'an unknown fault in a sequence'; Config = @{ faults = @{ sequence = @('explode') } }; Message = "unknown fault 'explode'" }
        @{ Case = 'a download-only fault on API routes'; Config = @{ faults = @{ sequence = @('truncate') } }; Message = "'truncate', which can happen on none of the covered routes" }
        @{ Case = 'a lost response where nothing is committed'; Config = @{ faults = @{ sequence = @('reset_after_commit'); routes = @('get-export-data') } }; Message = 'none of the covered routes' }
        @{ Case = 'a status other than 400 or 422'; Config = @{ responses = @{ invalidParameterStatus = 418 } }; Message = 'invalidParameterStatus' }
        @{ Case = 'an empty status name'; Config = @{ responses = @{ inProgressStatus = '' } }; Message = 'inProgressStatus' }
        @{ Case = 'a negative retention'; Config = @{ exportRetentionMs = -1 }; Message = 'exportRetentionMs' }
        @{ Case = 'a big body smaller than {"padding":""}'; Config = @{ faults = @{ bigBodyBytes = 13 } }; Message = 'bigBodyBytes' }
        @{ Case = 'a negative jitter'; Config = @{ faults = @{ latencyJitterMs = -1 } }; Message = 'durations' }
    ) {
        $response = Send-TestConfig $server $Config
        $response.StatusCode | Should -Be 400
        ($response.Content | ConvertFrom-Json).message | Should -Match ([regex]::Escape($Message))
    }

    It 'shows every new switch with its default in GET /admin/config' {
        Reset-MqaMockServer $server
        $config = Invoke-MqaMockAdmin $server config
        $config.exportRetentionMs | Should -BeNullOrEmpty
        ($config.files | ConvertTo-Json -Compress) | Should -Be '{"dataUrlFileNames":"table","zipFolder":false,"zipEntryNames":"table","missingValues":"unknown","extraColumn":false,"shuffledHeader":false,"dates":"mixed","bom":false,"lineEndings":"crlf"}'
        ($config.responses | ConvertTo-Json -Compress) | Should -Be '{"ticketCreateBody":"ticket","captureUsageBody":"data","invalidParameterStatus":400,"requestedStatus":"requested","inProgressStatus":"in_progress","coachingExtraField":false}'
        $config.faults.sequence | Should -HaveCount 0
        $config.faults.latencyJitterMs | Should -Be 0
    }
}
