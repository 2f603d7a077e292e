# Get-MqaCoachingSession end to end against the local server: the windows it asks for (from the server's record), the
# sessions it writes (value for value against the server's oracle), their types, and what users pipe them into.
BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $server = Start-MqaMockServer
    # Windows a tenth of their documented length on both sides, as the other files scale them.
    $limits = @{ demandingPerSecond = 1; demandingPerMinute = 30; easyPerSecond = 10; easyPerMinute = 100; windowScale = 0.1 }
    function Set-CoachingConfig([hashtable] $Extra = @{}) {
        $config = @{ limits = $limits }
        foreach ($key in $Extra.Keys) { $config[$key] = $Extra[$key] }
        Set-MqaMockConfig $server $config
    }
    $session = New-MqaSession -ApiToken $server.Token -BaseUri $server.ApiUri -RetryIntervalSec 0.05 `
        -DemandingRateLimit @{ PerSecond = 1; PerMinute = 30; WindowScale = 0.1 } `
        -EasyRateLimit @{ PerSecond = 10; PerMinute = 100; WindowScale = 0.1 }

    # About 200 days, starting and ending mid-day, so the padded days hold sessions outside the range.
    $start = [DateTimeOffset]::new(2024, 2, 29, 12, 0, 0, [TimeSpan]::Zero)
    $end = [DateTimeOffset]::new(2024, 9, 16, 18, 0, 0, [TimeSpan]::Zero)
    # The days the cmdlet asks for: the day before the range to the day after it, as the oracle is asked for them.
    $paddedFirst = '2024-02-28'
    $paddedLast = '2024-09-17'

    function Get-CoachingRequest { @(Get-MqaMockRequest $server -Route coaching-sessions) }

    function ConvertTo-UtcInstant([string] $Text) {
        [datetime]::Parse($Text, [cultureinfo]::InvariantCulture, [System.Globalization.DateTimeStyles] 'AdjustToUniversal, AssumeUniversal')
    }
    # A date as ConvertFrom-Json gives it back: a DateTime on PowerShell 7, the text on Windows PowerShell 5.1.
    function ConvertTo-UtcDate($Value) { if ($Value -is [datetime]) { $Value.ToUniversalTime() } else { ConvertTo-UtcInstant $Value } }

    # The oracle's sessions over the padded days, kept as the cmdlet keeps them: axis instant in [From, To).
    function Get-ExpectedSession([string] $FirstDay, [string] $LastDay, [string] $Axis, [datetime] $From, [datetime] $To) {
        Get-MqaMockCoachingSession $server -StartDate $FirstDay -EndDate $LastDay -TimeAxis $Axis -DatesAsText | Where-Object {
            $instant = ConvertTo-UtcInstant $_.$Axis
            $instant -ge $From -and $instant -lt $To
        }
    }

    # The JSON name of a property: the API spells it in camelCase, and names ids _id.
    function ConvertTo-WireName([string] $Name) { if ($Name -eq 'Id') { '_id' } else { $Name.Substring(0, 1).ToLowerInvariant() + $Name.Substring(1) } }

    # One line with every value of a session, its points and its log, read the same way from the cmdlet's object and
    # (-Wire) from the oracle's JSON, so two lists of lines compare value for value.
    function Get-SessionLine($Item, [switch] $Wire) {
        $read = { param($Object, [string] $Name) if ($Wire) { $Object.(ConvertTo-WireName $Name) } else { $Object.$Name } }
        $date = { param($Value) if ($null -eq $Value) { '' } elseif ($Value -is [datetime]) { $Value.ToUniversalTime().ToString('o') } else { (ConvertTo-UtcInstant $Value).ToString('o') } }
        $parts = [System.Collections.Generic.List[string]]::new()
        foreach ($name in 'Id', 'CoachingFormName', 'CoachingTemplateId', 'CoachingTemplateName', 'MeetingFormat', 'FormCreatorId', 'FormCreatorName',
            'CoachName', 'CoachId', 'AgentName', 'AgentId', 'CoachNotes', 'AgentNotes', 'SharedWithAgent', 'AgentConfirmed', 'CoachConfirmed', 'IsDeleted') {
            $parts.Add("$name=$(& $read $Item $name)")
        }
        foreach ($name in 'MeetingDate', 'CreatedAt', 'UpdatedAt') { $parts.Add("$name=$(& $date (& $read $Item $name))") }
        foreach ($point in @(& $read $Item 'CoachingPoints')) {
            $fields = foreach ($name in 'Id', 'Type', 'Classification', 'TicketId', 'Subject', 'RubricName', 'CriteriaName') { "$name=$(& $read $point $name)" }
            $parts.Add("point(" + ($fields -join ';') + ";CoachingFormIds=$(@(& $read $point 'CoachingFormIds') -join ','))")
        }
        foreach ($entry in @(& $read $Item 'ActivityLog')) {
            $fields = foreach ($name in 'UserId', 'UserEmail', 'ActionType', 'IpAddress') { "$name=$(& $read $entry $name)" }
            $parts.Add("activity(" + ($fields -join ';') + ";Descriptions=$(@(& $read $entry 'Descriptions') -join ',');Timestamp=$(& $date (& $read $entry 'Timestamp')))")
        }
        $parts -join '|'
    }

    # A session with points and log entries: what the round trips need.
    function Get-FullSession {
        @(Get-MqaCoachingSession -StartDate '2024-05-10Z' -EndDate '2024-05-20Z' -Session $session |
                Where-Object { $_.CoachingPoints.Count -gt 1 -and $_.ActivityLog.Count -gt 1 })[0]
    }
}

AfterAll {
    Stop-MqaMockServer $server
}

Describe 'Get-MqaCoachingSession: windows' {
    BeforeEach { Reset-MqaMockServer $server; Set-CoachingConfig }

    It '200 days: three requests in order, padded by a day, each at most 90 days and starting where the one before ended' {
        $output = @(Get-MqaCoachingSession -StartDate $start -EndDate $end -TimeAxis CreatedAt -Session $session -Verbose 4>&1)
        $requests = Get-CoachingRequest
        ($requests | ForEach-Object { "$($_.startDate)|$($_.endDate)|$($_.timeAxis)|$($_.status)" }) | Should -Be @(
            '2024-02-28|2024-05-28|createdAt|200', '2024-05-28|2024-08-26|createdAt|200', '2024-08-26|2024-09-17|createdAt|200')
        foreach ($request in $requests) {
            $days = ([datetime]::ParseExact($request.endDate, 'yyyy-MM-dd', [cultureinfo]::InvariantCulture) - [datetime]::ParseExact($request.startDate, 'yyyy-MM-dd', [cultureinfo]::InvariantCulture)).TotalDays
            $days | Should -BeLessOrEqual 90 -Because "$($request.startDate) to $($request.endDate)"
        }
        $verbose = @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message
        ($verbose -join "`n") | Should -Match '3 request\(s\) for the days 2024-02-28 to 2024-09-17'
        ($output | Out-String) + ($verbose -join "`n") | Should -Not -Match ([regex]::Escape($server.Token))
    }

    It 'shows progress per window, in order, and completes it' {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                    param($Manifest, $Flavor, $Session, $Start, $End)
                    Import-Module $Manifest -ArgumentList $Flavor
                    Get-MqaCoachingSession -StartDate $Start -EndDate $End -Session $Session
                }).AddParameters(@{ Manifest = $manifest; Flavor = $flavor; Session = $session; Start = $start; End = $end })
            $output = @($ps.Invoke())
            $ps.Streams.Error | Should -HaveCount 0
            $output.Count | Should -BeGreaterThan 0
            $progress = @($ps.Streams.Progress | Where-Object Activity -EQ 'Getting MaestroQA coaching sessions')
            $requesting = @($progress | Where-Object StatusDescription -Match '^Requesting ')
            $requesting | Should -HaveCount 3 -Because 'one record per window of the three'
            $requesting.PercentComplete | Should -Be @(0, 33, 66)
            @($requesting.StatusDescription | Select-Object -Unique) | Should -HaveCount 3
            $progress[-1].RecordType | Should -Be 'Completed'
        }
        finally { $ps.Dispose() }
    }

    It 'a short range is one request, from the day before to the day after' {
        $null = Get-MqaCoachingSession -StartDate '2024-03-01T09:00:00Z' -EndDate '2024-03-01T10:00:00Z' -Session $session
        (Get-CoachingRequest | ForEach-Object { "$($_.startDate)|$($_.endDate)|$($_.timeAxis)" }) | Should -Be '2024-02-29|2024-03-02|meetingDate'
    }

    It 'keeps the demanding limit over more than 30 windows: no 429 in the server''s record, no window over the limits' {
        Set-CoachingConfig @{ coachingSessionsPerDay = 0 }
        $null = Get-MqaCoachingSession -StartDate '2019-01-01Z' -EndDate '2027-01-01Z' -Session $session -ErrorVariable failure
        $failure | Should -HaveCount 0
        $requests = Get-CoachingRequest
        $requests | Should -HaveCount 33 -Because '2018-12-31 to 2027-01-02 is 2924 days'
        @($requests | Where-Object status -NE 200) | Should -HaveCount 0 -Because 'the limiter keeps to 1/s and 30/min, so the server never refuses'
        Get-MqaMaxRequestsInWindow -Request $requests -WindowMs 100 | Should -BeLessOrEqual 1
        Get-MqaMaxRequestsInWindow -Request $requests -WindowMs 6000 | Should -BeLessOrEqual 30
    }
}

Describe 'Get-MqaCoachingSession: the sessions' {
    BeforeEach { Reset-MqaMockServer $server; Set-CoachingConfig }

    It '<Axis>: value for value the oracle''s sessions in [StartDate, EndDate), each once, in order' -ForEach @(
        @{ Axis = 'MeetingDate'; Field = 'meetingDate' }
        @{ Axis = 'CreatedAt'; Field = 'createdAt' }
    ) {
        $sessions = @(Get-MqaCoachingSession -StartDate $start -EndDate $end -TimeAxis $Axis -Session $session)
        $padded = @(Get-MqaMockCoachingSession $server -StartDate $paddedFirst -EndDate $paddedLast -TimeAxis $Field -DatesAsText)
        $expected = @(Get-ExpectedSession $paddedFirst $paddedLast $Field $start.UtcDateTime $end.UtcDateTime)
        $padded.Count | Should -BeGreaterThan $expected.Count -Because 'the padded days hold sessions outside the range, which must be left out'
        $expected.Count | Should -BeGreaterThan 400
        @($sessions | ForEach-Object { Get-SessionLine $_ }) | Should -Be @($expected | ForEach-Object { Get-SessionLine $_ -Wire })
        @($sessions.Id | Select-Object -Unique) | Should -HaveCount $sessions.Count
    }

    It 'a date without an offset is local time: the range starts and ends at those local instants' -Tag LocalTime {
        $from = ConvertTo-UtcInstant (ConvertTo-ExpectedUtc '2024-06-15T12:00:00')
        $to = ConvertTo-UtcInstant (ConvertTo-ExpectedUtc '2025-03-01T08:30:00')
        $sessions = @(Get-MqaCoachingSession -StartDate '2024-06-15T12:00:00' -EndDate '2025-03-01T08:30:00' -Session $session)
        $first = $from.Date.AddDays(-1).ToString('yyyy-MM-dd', [cultureinfo]::InvariantCulture)
        $last = $to.Date.AddDays(1).ToString('yyyy-MM-dd', [cultureinfo]::InvariantCulture)
        (Get-CoachingRequest)[0].startDate | Should -Be $first
        (Get-CoachingRequest)[-1].endDate | Should -Be $last
        $sessions.Id | Should -Be @(Get-ExpectedSession $first $last 'meetingDate' $from $to | ForEach-Object { $_.'_id' })
    }

    It 'is typed: MqaCoachingSession, with typed lists of MqaCoachingPoint and MqaCoachingActivity, UTC dates, booleans' {
        $full = Get-FullSession
        $full | Should -Not -BeNullOrEmpty
        $full -is [MaestroQA.Client.Models.MqaCoachingSession] | Should -BeTrue
        $full -is [MaestroQA.Client.Models.MqaApiObject] | Should -BeTrue
        $full.CoachingPoints -is [MaestroQA.Client.Models.MqaCoachingPointList] | Should -BeTrue
        $full.ActivityLog -is [MaestroQA.Client.Models.MqaCoachingActivityList] | Should -BeTrue
        $full.CoachingPoints | ForEach-Object { $_ -is [MaestroQA.Client.Models.MqaCoachingPoint] | Should -BeTrue }
        $full.ActivityLog | ForEach-Object { $_ -is [MaestroQA.Client.Models.MqaCoachingActivity] | Should -BeTrue }
        $full.CoachingPoints[0].CoachingFormIds -is [MaestroQA.Client.Models.TextList] | Should -BeTrue
        $full.CoachingPoints[0].CoachingFormIds | Should -Contain $full.Id
        $full.ActivityLog[0].Descriptions -is [MaestroQA.Client.Models.TextList] | Should -BeTrue
        $full.ActivityLog[0].Timestamp.Kind | Should -Be 'Utc'
        $full.MeetingDate.Kind | Should -Be 'Utc'
        $full.IsDeleted | Should -BeOfType [bool]
        (Get-Command Get-MqaCoachingSession).OutputType.Type | Should -Be ([MaestroQA.Client.Models.MqaCoachingSession])
    }

    It 'shows MeetingDate, the coach, the agent, the form and the point count in a table that fits 120 columns' {
        $text = Get-MqaCoachingSession -StartDate '2024-05-10Z' -EndDate '2024-05-20Z' -Session $session | Format-Table | Out-String -Width 250
        $lines = @($text -split "`r?`n" | Where-Object { $_.Trim() })
        $lines[0] | Should -Match '^MeetingDate\s+CoachName\s+AgentName\s+CoachingFormName\s+Points$'
        ($lines | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual 120
    }
}

Describe 'Get-MqaCoachingSession: round trips' {
    BeforeAll {
        Reset-MqaMockServer $server
        Set-CoachingConfig
        $full = Get-FullSession
    }

    It 'Export-Csv writes no type name and each column once; Import-Csv reads each value''s text back; the lists as JSON' {
        $path = Join-Path $TestDrive 'coaching.csv'
        $full | Export-Csv -Path $path -NoTypeInformation
        Get-Content $path -Raw | Should -Not -Match 'System\.|Dictionary|MaestroQA\.Client|\w\[\]'
        $back = Import-Csv $path
        $names = @($back.PSObject.Properties.Name)
        $names | Should -Be @($names | Select-Object -Unique)
        $names | Should -Be @($full.PSObject.Properties.Name)
        foreach ($property in $full.PSObject.Properties) {
            $expected = if ($null -eq $property.Value) { '' } else { $property.Value.ToString() }
            $back.($property.Name) | Should -BeExactly $expected -Because $property.Name
        }
        $points = @($back.CoachingPoints | ConvertFrom-Json)
        $points.Id | Should -Be @($full.CoachingPoints.Id)
        $points.Subject | Should -Be @($full.CoachingPoints.Subject)
        @($points[0].CoachingFormIds) | Should -Be @($full.CoachingPoints[0].CoachingFormIds)
        $activities = @($back.ActivityLog | ConvertFrom-Json)
        $activities.UserEmail | Should -Be @($full.ActivityLog.UserEmail)
        @($activities | ForEach-Object { ConvertTo-UtcDate $_.Timestamp }) | Should -Be @($full.ActivityLog.Timestamp)
    }

    It 'ConvertTo-Json writes the lists as arrays of objects, and ConvertFrom-Json gives the values back' {
        $json = $full | ConvertTo-Json -Depth 4
        $json | Should -Not -Match 'AdditionalFields|MaestroQA\.Client'
        $back = $json | ConvertFrom-Json
        @($back.PSObject.Properties.Name) | Should -Be @($full.PSObject.Properties.Name)
        foreach ($name in 'Id', 'CoachName', 'AgentName', 'CoachNotes', 'AgentNotes', 'IsDeleted') { $back.$name | Should -BeExactly $full.$name -Because $name }
        ConvertTo-UtcDate $back.MeetingDate | Should -Be $full.MeetingDate
        $back.CoachingPoints | Should -HaveCount $full.CoachingPoints.Count
        $back.CoachingPoints[0].PSObject.Properties.Name | Should -Be @($full.CoachingPoints[0].PSObject.Properties.Name)
        $back.CoachingPoints.Subject | Should -Be @($full.CoachingPoints.Subject)
        @($back.CoachingPoints[0].CoachingFormIds) | Should -Be @($full.CoachingPoints[0].CoachingFormIds)
        $back.ActivityLog.ActionType | Should -Be @($full.ActivityLog.ActionType)
        @($back.ActivityLog[0].Descriptions) | Should -Be @($full.ActivityLog[0].Descriptions)
    }
}

Describe 'Get-MqaCoachingSession: fields this release does not know' {
    It 'a session''s becomes a note property after the known ones, once; a point''s stays in GetAdditionalFields() and its JSON text' {
        Reset-MqaMockServer $server
        Set-CoachingConfig @{ responses = @{ coachingExtraField = $true } }
        $sessions = @(Get-MqaCoachingSession -StartDate '2024-08-01Z' -EndDate '2024-08-11Z' -Session $session)
        $sessions.Count | Should -BeGreaterThan 0
        $sessions[0] -is [MaestroQA.Client.Models.MqaCoachingSession] | Should -BeTrue
        foreach ($item in $sessions) {
            @($item.PSObject.Properties.Name)[-1] | Should -Be 'sessionScore'
            $item.sessionScore | Should -Be $item.GetAdditionalFields()['sessionScore']
        }
        $wire = @(Get-MqaMockCoachingSession $server -StartDate '2024-07-31' -EndDate '2024-08-12' -DatesAsText)
        $byId = @{}
        $wire | ForEach-Object { $byId[$_.'_id'] = $_ }
        foreach ($item in $sessions) { $item.sessionScore | Should -Be $byId[$item.Id].sessionScore -Because $item.Id }
        $withPoint = @($sessions | Where-Object { $_.CoachingPoints.Count -gt 0 })[0]
        $withPoint.CoachingPoints[0].GetAdditionalFields()['weight'] | Should -Be $byId[$withPoint.Id].coachingPoints[0].weight
        $withPoint.CoachingPoints.ToString() | Should -Match '"weight":'
        (($withPoint | ConvertTo-Json -Depth 4) | Select-String -Pattern '"sessionScore"' -AllMatches).Matches.Count | Should -Be 1
        ($withPoint | ConvertTo-Csv -NoTypeInformation)[0] | Should -Match ',"sessionScore"$'
    }
}

Describe 'Get-MqaCoachingSession: failures' {
    BeforeEach { Reset-MqaMockServer $server }

    It 'a 503 is retried, as a read is: every window is answered' {
        Set-CoachingConfig @{ faults = @{ sequence = @('none', '503'); routes = @('coaching-sessions') } }
        $sessions = @(Get-MqaCoachingSession -StartDate $start -EndDate $end -Session $session -ErrorVariable failure)
        $failure | Should -HaveCount 0
        (Get-CoachingRequest | ForEach-Object { "$($_.endDate)|$($_.status)" }) -join ',' | Should -Be '2024-05-28|200,2024-08-26|503,2024-08-26|200,2024-09-17|200'
        $sessions.Count | Should -BeGreaterThan 400
    }

    It 'a window that fails is an error naming it, after the sessions of the windows before it; no later window is asked for' {
        Set-CoachingConfig @{ faults = @{ sequence = @('none', 'html200'); routes = @('coaching-sessions') } }
        $sessions = @(Get-MqaCoachingSession -StartDate $start -EndDate $end -Session $session -ErrorVariable failure -ErrorAction SilentlyContinue)
        $failure | Should -HaveCount 1
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'MaestroQA.UnexpectedResponse,*'
        $failure[0].CategoryInfo.Category | Should -Be 'InvalidResult'
        $failure[0].TargetObject.StartDate | Should -Be $start
        $failure[0].ErrorDetails.Message | Should -Match 'It failed at window 2 of 3, 2024-05-28 to 2024-08-26; the sessions of the 1 window\(s\) before it were written, and no later window was requested\.$'
        Get-CoachingRequest | Should -HaveCount 2
        $sessions.Count | Should -BeGreaterThan 100
        $sessions | ForEach-Object { $_.MeetingDate | Should -BeLessThan ([datetime]::new(2024, 5, 29, 0, 0, 0, [DateTimeKind]::Utc)) }
    }
}

Describe 'Get-MqaCoachingSession: bad input sends nothing' {
    BeforeEach { Reset-MqaMockServer $server; Set-CoachingConfig }

    It 'an EndDate <Case> StartDate is MaestroQA.InvalidDateRange (InvalidArgument), with StartDate as TargetObject' -ForEach @(
        @{ Case = 'equal to'; End = '2024-03-01T00:00:00Z' }
        @{ Case = 'before'; End = '2024-02-01T00:00:00Z' }
    ) {
        $result = @(Get-MqaCoachingSession -StartDate '2024-03-01T00:00:00Z' -EndDate $End -Session $session -ErrorVariable failure -ErrorAction SilentlyContinue)
        $result | Should -HaveCount 0
        $failure | Should -HaveCount 1
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'MaestroQA.InvalidDateRange,*'
        $failure[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure[0].TargetObject | Should -Be ([DateTimeOffset]::new(2024, 3, 1, 0, 0, 0, [TimeSpan]::Zero))
        $failure[0].Exception.Message | Should -Match 'StartDate must be before EndDate'
        @(Get-MqaMockRequest $server) | Should -HaveCount 0
    }

    It 'a -TimeAxis that is not MeetingDate or CreatedAt is a binding error naming them' {
        $failure = { Get-MqaCoachingSession -StartDate '2024-03-01Z' -EndDate '2024-03-02Z' -TimeAxis UpdatedAt -Session $session -ErrorAction Stop } | Should -Throw -PassThru
        $failure.Exception | Should -BeOfType [System.Management.Automation.ParameterBindingException]
        $failure.Exception.Message | Should -Match 'MeetingDate.*CreatedAt'
        @(Get-MqaMockRequest $server) | Should -HaveCount 0
    }

    It 'a -StartDate that is not a date is a binding error that says how to write one' {
        $failure = { Get-MqaCoachingSession -StartDate 'last spring' -EndDate '2024-03-02Z' -Session $session -ErrorAction Stop } | Should -Throw -PassThru
        $failure.Exception | Should -BeOfType [System.Management.Automation.ParameterBindingException]
        $failure.Exception.Message | Should -Match "'last spring' is not a date"
        @(Get-MqaMockRequest $server) | Should -HaveCount 0
    }
}
