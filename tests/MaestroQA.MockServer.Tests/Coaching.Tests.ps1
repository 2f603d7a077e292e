BeforeAll {
    . $PSScriptRoot/ServerTestSetup.ps1
    $server = Start-MqaMockServer
    $sessionFields = '_id,coachingFormName,coachingTemplateId,coachingTemplateName,meetingFormat,formCreatorId,formCreatorName,coachName,coachId,agentId,agentName,createdAt,updatedAt,sharedWithAgent,meetingDate,agentConfirmed,coachConfirmed,coachNotes,agentNotes,isDeleted,activityLog,coachingPoints'
    $isoMs = '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$'

    function Invoke-Coaching([string] $Start, [string] $End, [string] $Axis, $Server = $server) {
        $body = @{ startDate = $Start; endDate = $End }
        if ($Axis) { $body.timeAxis = $Axis }
        Invoke-Api $Server coaching-sessions -Body $body
    }
    # The sessions of a range, dates as the server wrote them.
    function Get-Session([string] $Start, [string] $End, [string] $Axis) {
        $response = Invoke-Coaching $Start $End $Axis
        if ($response.StatusCode -ne 200) { throw "coaching-sessions answered $($response.StatusCode): $($response.Content)" }
        $response.Content | ConvertFrom-Json -DateKind String -NoEnumerate | ForEach-Object { $_ }
    }
    function Get-Day([string] $Iso) { $Iso.Substring(0, 10) }
    function Get-Message($Response) { ($Response.Content | ConvertFrom-Json).message }
    # A JSON number as ConvertFrom-Json reads it: 56.5 is a double, 56 (or 56.0) a long.
    function Test-Number($Value) { $Value -is [double] -or $Value -is [long] }
}

AfterAll {
    Stop-MqaMockServer $server
}

Describe 'POST coaching-sessions: the sessions' {
    BeforeAll {
        Reset-TestServer $server
        $sessions = @(Get-Session '2024-01-01' '2024-03-30')
    }

    It 'answers 200 with a JSON array of sessions with every documented field, in both profiles' {
        $response = Invoke-Coaching '2024-01-01' '2024-01-07'
        $response.StatusCode | Should -Be 200
        $response.Content | Should -Match '^\[\{"_id":"[0-9a-f]{24}","coachingFormName":'
        Set-TestConfig $server @{ api = @{ profile = 'current' } }
        (Invoke-Coaching '2024-01-01' '2024-01-07').Content | Should -BeExactly $response.Content
        Set-TestConfig $server
    }

    It 'gives each session its fields, typed and shaped' {
        $sessions.Count | Should -BeGreaterThan 200
        foreach ($session in $sessions) {
            $session.PSObject.Properties.Name -join ',' | Should -BeExactly $sessionFields
            $session.'_id', $session.coachingTemplateId, $session.formCreatorId, $session.coachId | Should -Match '^[0-9a-f]{24}$'
            $session.agentId | Should -Match '^\d{12}$' -Because 'the agents are the exports'' (and GET agents'')'
            $session.createdAt, $session.updatedAt, $session.meetingDate | Should -Match $isoMs
            $session.updatedAt | Should -BeGreaterOrEqual $session.createdAt
            $session.meetingFormat | Should -BeIn 'video', 'in_person', 'phone', 'async'
            foreach ($flag in 'sharedWithAgent', 'agentConfirmed', 'coachConfirmed', 'isDeleted') { $session.$flag | Should -BeOfType [bool] }
            foreach ($text in 'coachingFormName', 'coachingTemplateName', 'formCreatorName', 'coachName', 'agentName', 'coachNotes', 'agentNotes') { $session.$text | Should -BeOfType [string] }
            @($session.activityLog).Count | Should -BeLessOrEqual 3
            foreach ($entry in $session.activityLog) {
                $entry.PSObject.Properties.Name -join ',' | Should -BeExactly 'userId,userEmail,actionType,descriptions,timestamp,ipAddress'
                $entry.userId | Should -BeIn $session.coachId, $session.agentId
                , $entry.descriptions | Should -BeOfType [object[]]
                $entry.timestamp | Should -Match $isoMs
            }
            @($session.coachingPoints).Count | Should -BeLessOrEqual 4
            foreach ($point in $session.coachingPoints) {
                $point.PSObject.Properties.Name -join ',' | Should -BeExactly '_id,coachingFormIds,type,classification,ticketId,subject,rubricName,criteriaName'
                $point.'_id' | Should -Match '^[0-9a-f]{24}$'
                $point.coachingFormIds | Should -Contain $session.'_id'
                $point.type | Should -BeIn 'strength', 'opportunity', 'n/a'
                $point.classification | Should -BeIn 'general', 'qa', 'csat', 'productivity'
            }
        }
    }

    It 'varies what a client must cope with: empty notes and notes with commas, quotes and line breaks; 0-3 log entries, 0-4 points' {
        $notes = @($sessions.coachNotes) + @($sessions.agentNotes)
        @($notes | Where-Object { $_ -eq '' }).Count | Should -BeGreaterThan 0
        foreach ($character in ',', '"', "`n") { @($notes | Where-Object { $_.Contains($character) }).Count | Should -BeGreaterThan 0 }
        (@($sessions | ForEach-Object { @($_.activityLog).Count }) | Sort-Object -Unique) -join ',' | Should -Be '0,1,2,3'
        (@($sessions | ForEach-Object { @($_.coachingPoints).Count }) | Sort-Object -Unique) -join ',' | Should -Be '0,1,2,3,4'
        @($sessions | Where-Object { (Get-Day $_.meetingDate) -ne (Get-Day $_.createdAt) }).Count | Should -BeGreaterThan 50 -Because 'the two axes must differ'
        @($sessions | Where-Object { (Get-Day $_.meetingDate) -eq (Get-Day $_.createdAt) }).Count | Should -BeGreaterThan 50
    }
}

Describe 'POST coaching-sessions: the range and its axis' {
    BeforeEach { Reset-TestServer $server }

    It 'createdAt: a day holds exactly coachingSessionsPerDay sessions, all created that day' {
        $day = @(Get-Session '2024-02-29' '2024-02-29' createdAt)
        $day | Should -HaveCount 3
        $day | ForEach-Object { Get-Day $_.createdAt | Should -Be '2024-02-29' }
        Set-TestConfig $server @{ coachingSessionsPerDay = 5 }
        $five = @(Get-Session '2024-02-29' '2024-02-29' createdAt)
        $five | Should -HaveCount 5
        foreach ($id in $day.'_id') { $id | Should -BeIn $five.'_id' -Because 'a session depends on its day and number only' }
        Set-TestConfig $server @{ coachingSessionsPerDay = 0 }
        (Invoke-Coaching '2024-01-01' '2024-03-30').Content | Should -BeExactly '[]'
    }

    It '<Axis>: the sessions whose <Axis> day is in the range, both days included, ordered by it' -ForEach @(
        @{ Axis = 'meetingDate' }
        @{ Axis = 'createdAt' }
    ) {
        $range = @(Get-Session '2024-05-10' '2024-05-12' $Axis)
        $range | ForEach-Object { Get-Day $_.$Axis | Should -BeIn '2024-05-10', '2024-05-11', '2024-05-12' }
        $days = foreach ($day in '2024-05-10', '2024-05-11', '2024-05-12') { Get-Session $day $day $Axis }
        ($range.'_id' | Sort-Object) -join ',' | Should -Be (($days.'_id' | Sort-Object) -join ',') -Because 'the range is its days, the first and the last included'
        @(Get-Session '2024-05-10' '2024-05-10' $Axis) | Should -Not -BeNullOrEmpty
        ($range.$Axis -join ',') | Should -Be (($range.$Axis | Sort-Object) -join ',')
    }

    It 'meetingDate: a range holds the meetings of sessions created before it (or after) too, as a wider range has them' {
        $range = @(Get-Session '2024-05-10' '2024-05-23' meetingDate)
        @($range | Where-Object { (Get-Day $_.createdAt) -lt '2024-05-10' }).Count | Should -BeGreaterThan 0 -Because 'a meeting comes up to two weeks after its form'
        @($range | Where-Object { (Get-Day $_.createdAt) -gt '2024-05-23' }).Count | Should -BeGreaterThan 0 -Because 'a meeting may be logged a few days later'
        $wide = @(Get-Session '2024-04-01' '2024-06-29' meetingDate | Where-Object { (Get-Day $_.meetingDate) -ge '2024-05-10' -and (Get-Day $_.meetingDate) -le '2024-05-23' })
        ($range.'_id' -join ',') | Should -Be ($wide.'_id' -join ',')
    }

    It 'timeAxis defaults to meetingDate, and the two axes pick different sessions' {
        $default = (Invoke-Coaching '2024-05-10' '2024-05-12').Content
        $default | Should -BeExactly (Invoke-Coaching '2024-05-10' '2024-05-12' meetingDate).Content
        $default | Should -Not -BeExactly (Invoke-Coaching '2024-05-10' '2024-05-12' createdAt).Content
    }

    It 'holds sessions created from 2023-01-01 to 2026-12-31 only' {
        (Invoke-Coaching '2022-10-02' '2022-12-31' createdAt).Content | Should -BeExactly '[]'
        @(Get-Session '2023-01-01' '2023-01-01' createdAt) | Should -HaveCount 3
        @(Get-Session '2026-12-31' '2026-12-31' createdAt) | Should -HaveCount 3
        (Invoke-Coaching '2027-01-01' '2027-03-31' createdAt).Content | Should -BeExactly '[]'
        (Invoke-Coaching '2030-01-01' '2030-01-31').Content | Should -BeExactly '[]'
    }
}

Describe 'POST coaching-sessions: deterministic from the seed' {
    It 'answers the same sessions every time, after a reset and in another server process; another seed answers others' {
        Reset-TestServer $server
        $first = (Invoke-Coaching '2025-06-01' '2025-07-15').Content
        (Invoke-Coaching '2025-06-01' '2025-07-15').Content | Should -BeExactly $first
        $null = Get-Session '2023-01-01' '2023-03-01'
        Reset-TestServer $server
        (Invoke-Coaching '2025-06-01' '2025-07-15').Content | Should -BeExactly $first
        $other = Start-MqaMockServer -Config @{ limits = @{ enabled = $false } }
        try { (Invoke-Coaching '2025-06-01' '2025-07-15' -Server $other).Content | Should -BeExactly $first }
        finally { Stop-MqaMockServer $other }
        Set-TestConfig $server @{ seed = 7 }
        (Invoke-Coaching '2025-06-01' '2025-07-15').Content | Should -Not -BeExactly $first
    }
}

Describe 'POST coaching-sessions: invalid parameters' {
    It 'a range of at most 90 days: <Case> is <Status>' -ForEach @(
        foreach ($status in 400, 422) {
            @{ Status = $status; Case = 'endDate 91 days after startDate'; Start = '2024-01-01'; End = '2024-04-01' }
            @{ Status = $status; Case = 'endDate before startDate'; Start = '2024-01-02'; End = '2024-01-01' }
        }
    ) {
        Reset-TestServer $server @{ responses = @{ invalidParameterStatus = $Status } }
        $response = Invoke-Coaching $Start $End
        $response.StatusCode | Should -Be $Status
        Get-Message $response | Should -BeExactly "Invalid parameters: the range may span at most 90 days: 'endDate' must be on or after 'startDate' and at most 90 days after it"
        (Invoke-Coaching '2024-01-01' '2024-03-31').StatusCode | Should -Be 200 -Because 'endDate 90 days after startDate is allowed'
    }

    It '<Case>: 400, "<Message>"' -ForEach @(
        @{ Case = 'no startDate'; Body = @{ endDate = '2024-01-01' }; Message = "Missing required parameter 'startDate'" }
        @{ Case = 'no endDate'; Body = @{ startDate = '2024-01-01' }; Message = "Missing required parameter 'endDate'" }
        @{ Case = 'a datetime'; Body = @{ startDate = '2024-01-01T00:00:00Z'; endDate = '2024-01-02' }; Message = "Invalid parameter 'startDate': '2024-01-01T00:00:00Z' is not a date in the format YYYY-MM-DD (e.g. 2024-01-31)" }
        @{ Case = 'a day that does not exist'; Body = @{ startDate = '2024-01-01'; endDate = '2023-02-29' }; Message = "Invalid parameter 'endDate': '2023-02-29' is not a date" }
        @{ Case = 'a short month'; Body = @{ startDate = '2024-1-01'; endDate = '2024-01-02' }; Message = "Invalid parameter 'startDate'" }
        @{ Case = 'a number'; Body = @{ startDate = '2024-01-01'; endDate = 20240102 }; Message = "Invalid parameter 'endDate': expected a string, got a number" }
        @{ Case = 'an unknown axis'; Body = @{ startDate = '2024-01-01'; endDate = '2024-01-02'; timeAxis = 'updatedAt' }; Message = "Invalid parameter 'timeAxis': 'updatedAt' is not one of: meetingDate, createdAt" }
        @{ Case = 'a body that is not JSON'; Body = 'startDate=2024-01-01'; Message = 'not valid JSON' }
    ) {
        Reset-TestServer $server
        $response = Invoke-Api $server coaching-sessions -Body $Body
        $response.StatusCode | Should -Be 400
        Get-Message $response | Should -Match ([regex]::Escape($Message))
    }
}

Describe 'POST coaching-sessions: a demanding endpoint' {
    It 'shares the demanding budget of its token, 1/s and 30/min' {
        Reset-MqaMockServer $server
        # Windows a thousand times longer: two requests always fall in the same second, however slow the machine.
        Set-MqaMockConfig $server @{ limits = @{ windowScale = 1000 } }
        (Invoke-Coaching '2024-01-01' '2024-01-02').StatusCode | Should -Be 200
        $limited = Invoke-Coaching '2024-01-01' '2024-01-02'
        $limited.StatusCode | Should -Be 429
        Get-Message $limited | Should -Match 'demanding endpoints allow 1 request\(s\) per second and 30 per minute'
        (Invoke-Api $server request-raw-export -Body @{ startDate = '2018-08-13T00:00:00Z'; endDate = '2018-08-19T00:00:00Z' }).StatusCode | Should -Be 429 -Because 'the export requests share the class'
        $otherToken = Invoke-WebRequest "$($server.ApiUri)coaching-sessions" -Method Post -Headers @{ apitoken = 'mqa-test-token-0002' } -Body '{"startDate":"2024-01-01","endDate":"2024-01-02"}' -ContentType 'application/json' -SkipHttpErrorCheck
        $otherToken.StatusCode | Should -Be 200 -Because 'each token has its own budget'
        $record = @(Get-MqaMockRequest $server -Route coaching-sessions)
        $record.endpointClass | ForEach-Object { $_ | Should -Be 'demanding' }
        $record.status -join ',' | Should -Be '200,429,200'
    }

    It 'takes the token in the JSON body, as the export routes do' {
        Reset-TestServer $server
        $body = @{ startDate = '2024-01-01'; endDate = '2024-01-02'; apiToken = $server.Token } | ConvertTo-Json
        (Invoke-WebRequest "$($server.ApiUri)coaching-sessions" -Method Post -Body $body -ContentType 'application/json').StatusCode | Should -Be 200
        (Get-MqaMockRequest $server -Route coaching-sessions)[-1].tokenSource | Should -Be 'body'
    }

    It 'records the body''s startDate, endDate and timeAxis as sent, refused ones too, so tests can see the windows a client cut' {
        Reset-TestServer $server
        $null = Invoke-Coaching '2024-01-01' '2024-03-31' createdAt
        $null = Invoke-Coaching '2024-01-01' '2024-04-01'
        $null = Invoke-Api $server coaching-sessions -Body @{ startDate = '2024-01-01'; endDate = 20240102 }
        $record = @(Get-MqaMockRequest $server -Route coaching-sessions)
        $record | ForEach-Object { "$($_.startDate)|$($_.endDate)|$($_.timeAxis)|$($_.status)" } | Should -Be @(
            '2024-01-01|2024-03-31|createdAt|200', '2024-01-01|2024-04-01||400', '2024-01-01|||400')
    }

    It 'is faulted as the export routes are, but is no state change to lose' {
        Reset-TestServer $server @{ faults = @{ sequence = @('503', 'none', '429'); routes = @('coaching-sessions') } }
        (1..4 | ForEach-Object { (Invoke-Coaching '2024-01-01' '2024-01-02').StatusCode }) -join ',' | Should -Be '503,200,429,200'
        (Get-MqaMockRequest $server -Route coaching-sessions | ForEach-Object { "$($_.fault)" }) -join ',' | Should -Be '503,,429,'
        $refused = Send-TestConfig $server @{ faults = @{ sequence = @('reset_after_commit'); routes = @('coaching-sessions') } }
        $refused.StatusCode | Should -Be 400
        Get-Message $refused | Should -Match 'none of the covered routes'
    }
}

Describe 'responses.coachingExtraField' {
    It 'adds sessionScore to every session and weight to every point, and changes nothing else' {
        Reset-TestServer $server
        $plain = (Invoke-Coaching '2024-08-01' '2024-08-31').Content
        Set-TestConfig $server @{ responses = @{ coachingExtraField = $true } }
        $extra = (Invoke-Coaching '2024-08-01' '2024-08-31').Content
        $sessions = @($extra | ConvertFrom-Json -DateKind String)
        foreach ($session in $sessions) {
            Test-Number $session.sessionScore | Should -BeTrue
            $session.PSObject.Properties.Name -join ',' | Should -BeExactly ($sessionFields -replace 'isDeleted,', 'isDeleted,sessionScore,')
            foreach ($point in $session.coachingPoints) { Test-Number $point.weight | Should -BeTrue }
        }
        @($sessions.coachingPoints).Count | Should -BeGreaterThan 0
        ($extra -replace ',"sessionScore":[0-9.]+', '' -replace ',"weight":[0-9.]+', '') | Should -BeExactly $plain
    }
}

Describe 'The coaching config' {
    It 'defaults to 3 sessions a day and no extra field' {
        Reset-MqaMockServer $server
        $config = Invoke-MqaMockAdmin $server config
        $config.coachingSessionsPerDay | Should -Be 3
        $config.responses.coachingExtraField | Should -BeFalse
    }

    It 'refuses <Case>' -ForEach @(
        @{ Case = 'a negative count'; Config = @{ coachingSessionsPerDay = -1 }; Message = 'coachingSessionsPerDay must be between 0 and 100' }
        @{ Case = 'too many a day'; Config = @{ coachingSessionsPerDay = 101 }; Message = 'coachingSessionsPerDay must be between 0 and 100' }
        @{ Case = 'a word for the extra field'; Config = @{ responses = @{ coachingExtraField = 'yes' } }; Message = 'coachingExtraField' }
    ) {
        $response = Send-TestConfig $server $Config
        $response.StatusCode | Should -Be 400
        Get-Message $response | Should -Match ([regex]::Escape($Message))
    }
}

Describe 'GET /admin/coaching-sessions (the oracle)' {
    It 'answers what the API answers, on <Axis>' -ForEach @(
        @{ Axis = 'meetingDate' }
        @{ Axis = 'createdAt' }
    ) {
        Reset-TestServer $server @{ responses = @{ coachingExtraField = $true } }
        $api = (Invoke-Coaching '2024-10-01' '2024-12-30' $Axis).Content
        (Invoke-WebRequest "$($server.Url)admin/coaching-sessions?startDate=2024-10-01&endDate=2024-12-30&timeAxis=$Axis").Content | Should -BeExactly $api
        $helper = @(Get-MqaMockCoachingSession $server -StartDate '2024-10-01' -EndDate '2024-12-30' -TimeAxis $Axis -DatesAsText)
        ($helper.'_id' -join ',') | Should -Be ((($api | ConvertFrom-Json -NoEnumerate) | ForEach-Object { $_.'_id' }) -join ',')
        $helper[0].createdAt | Should -Match $isoMs
    }

    It 'has no 90-day rule, no limits, and is not recorded' {
        Reset-MqaMockServer $server
        $year = @(Get-MqaMockCoachingSession $server -StartDate '2024-01-01' -EndDate '2024-12-31' -TimeAxis createdAt)
        $year | Should -HaveCount (366 * 3)
        $year[0].createdAt | Should -BeOfType [datetime]
        @(Get-MqaMockCoachingSession $server -StartDate '2023-01-01' -EndDate '2026-12-31' -TimeAxis createdAt) | Should -HaveCount (1461 * 3)
        (Invoke-WebRequest "$($server.Url)admin/coaching-sessions?startDate=2024-02-01&endDate=2024-01-01").Content | Should -BeExactly '[]'
        @(Get-MqaMockRequest $server) | Should -HaveCount 0
    }

    It 'refuses <Case> with a 400 naming the field' -ForEach @(
        @{ Case = 'no startDate'; Query = 'endDate=2024-01-01'; Message = "Missing required parameter 'startDate'" }
        @{ Case = 'a datetime'; Query = 'startDate=2024-01-01&endDate=2024-01-02T00:00:00Z'; Message = "Invalid parameter 'endDate'" }
        @{ Case = 'an unknown axis'; Query = 'startDate=2024-01-01&endDate=2024-01-02&timeAxis=meeting'; Message = "Invalid parameter 'timeAxis'" }
    ) {
        $response = Invoke-WebRequest "$($server.Url)admin/coaching-sessions?$Query" -SkipHttpErrorCheck
        $response.StatusCode | Should -Be 400
        Get-Message $response | Should -Match ([regex]::Escape($Message))
    }
}
