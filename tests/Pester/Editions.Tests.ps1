# Both editions of the API, the seed article's and today's (the product is now called Rippit), told apart from the
# server's answers alone; the old host that redirects to the new one; the routes today's edition dropped. One server per
# profile: the module remembers per base URI, for the life of the process, which status route and ticket id field a
# server speaks, so neither server is ever reset (that would not reset the module) and every check of the record reads
# what came after a mark.
BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    Import-Module (Join-Path $PSScriptRoot '../Shared/ExportRows.psm1') -Force
    $rawTables = 'annotations', 'csat', 'individual_answers', 'section_scores', 'total_scores'

    # Windows a tenth of their documented length on both sides, and exports that finish in a twentieth of a second. The
    # client keeps 50 ms of margin: the server counts arrivals, and on a loaded machine two requests the limiter let go
    # a window apart can arrive closer; a 429 then holds the class for a (scaled) minute and warns (see Select-MoveWarning).
    $limits = @{ demandingPerSecond = 1; demandingPerMinute = 30; easyPerSecond = 10; easyPerMinute = 100; windowScale = 0.1 }
    $clientLimits = @{
        DemandingRateLimit = @{ PerSecond = 1; PerMinute = 30; WindowScale = 0.1; SafetyMarginMs = 50 }
        EasyRateLimit      = @{ PerSecond = 10; PerMinute = 100; WindowScale = 0.1; SafetyMarginMs = 50 }
    }
    # The warnings that say the API moved; a loaded machine may add one about a 429, which is not what these tests are about.
    function Select-MoveWarning([object[]] $Warnings) { @($Warnings | Where-Object { "$_" -match 'permanent redirect' }) }
    # The whole config (a POST replaces it): the profile's, with what a test changes in api, api.moved and faults.
    function Get-EditionConfig([string] $ApiProfile, [hashtable] $Api = @{}, [hashtable] $Moved = @{}, [hashtable] $Faults = @{}) {
        $apiConfig = @{ profile = $ApiProfile; moved = @{ status = 308; target = 'same-host' } }
        foreach ($key in $Api.Keys) { $apiConfig[$key] = $Api[$key] }
        foreach ($key in $Moved.Keys) { $apiConfig.moved[$key] = $Moved[$key] }
        @{ limits = $limits; exportRequestedMs = 0; exportInProgressMs = 50; rowsPerExport = 4; api = $apiConfig; faults = $Faults }
    }
    $servers = @{
        article = Start-MqaMockServer -Config (Get-EditionConfig article)
        current = Start-MqaMockServer -Config (Get-EditionConfig current)
    }
    function Set-Edition([string] $Edition, [hashtable] $Api = @{}, [hashtable] $Moved = @{}, [hashtable] $Faults = @{}) {
        Set-MqaMockConfig $servers[$Edition] (Get-EditionConfig $Edition $Api $Moved $Faults)
    }
    function New-EditionSession([string] $Edition, [switch] $Moved) {
        $server = $servers[$Edition]
        $uri = if ($Moved) { $server.MovedApiUri } else { $server.ApiUri }
        New-MqaSession -ApiToken $server.Token -BaseUri $uri -RetryIntervalSec 0.05 -MaximumRetryCount 2 @clientLimits
    }
    # The record is never cleared: a test reads what came after its mark.
    function Get-RequestMark([string] $Edition) { @(Get-MqaMockRequest $servers[$Edition]).Count }
    function Get-RequestSince([string] $Edition, [int] $Mark) { @(Get-MqaMockRequest $servers[$Edition] | Select-Object -Skip $Mark) }
    # Tickets as the server stores them, dates as it wrote them.
    function Get-ServerTicket([string] $Edition, [string] $Id) {
        @(Invoke-MqaMockAdmin -Server $servers[$Edition] -Path tickets -DatesAsText | Where-Object { $_.gradable_id -ceq $Id })
    }

    # The past, in UTC, so every export holds data.
    $start = [DateTimeOffset]::new(2025, 1, 1, 0, 0, 0, [TimeSpan]::Zero)
    $end = $start.AddDays(30)
}

AfterAll {
    Disconnect-Mqa
    foreach ($server in $servers.Values) { Stop-MqaMockServer $server }
}

Describe 'Request, wait, save and import on <Name>' -ForEach @(
    @{ Name = 'the seed article''s edition'; Edition = 'article'; Moved = $false; StatusRoute = 'get-export-data' }
    @{ Name = 'today''s edition'; Edition = 'current'; Moved = $false; StatusRoute = 'export-data' }
    @{ Name = 'the seed article''s edition, through the old host (308)'; Edition = 'article'; Moved = $true; StatusRoute = 'get-export-data' }
    @{ Name = 'today''s edition, through the old host (308)'; Edition = 'current'; Moved = $true; StatusRoute = 'export-data' }
) {
    BeforeAll {
        $server = $servers[$Edition]
        # What the old host's 308 must have done to a session, and must not have done to one that was not sent there.
        function Assert-Route([object[]] $Requests, $Session, [object[]] $Warnings) {
            $moved = @($Requests | Where-Object route -EQ 'moved')
            if ($Moved) {
                $moved | Should -HaveCount 1 -Because 'the first request moved the session, and nothing went to the old host after it'
                $moved[0].method | Should -Be 'POST'
                $moved[0].status | Should -Be 308
                $Session.BaseUri.AbsoluteUri | Should -Be $server.ApiUri
                $said = Select-MoveWarning $Warnings
                $said | Should -HaveCount 1
                "$($said[0])" | Should -Match ([regex]::Escape($server.ApiUri))
            }
            else {
                $moved | Should -HaveCount 0
                $Session.BaseUri.AbsoluteUri | Should -Be $server.ApiUri
                Select-MoveWarning $Warnings | Should -HaveCount 0
            }
            @($Requests | Where-Object host -NE '127.0.0.1') | Should -HaveCount 0
            $polls = @($Requests | Where-Object route -EQ $StatusRoute)
            $polls.Count | Should -BeGreaterThan 0 -Because "this edition's exports are checked with $StatusRoute"
            $polls.status | Select-Object -Unique | Should -Be 200
            @($Requests | Where-Object { $_.route -notin 'moved', 'downloads', '/api/v1/get-export-data' -and -not $_.hadApiTokenHeader }) | Should -HaveCount 0
        }
    }

    It 'a raw zip: every value of every table is the server''s' {
        $session = New-EditionSession $Edition -Moved:$Moved
        $mark = Get-RequestMark $Edition
        $export = Invoke-MqaRawExport -StartDate $start -EndDate $end -Name 'edition rows=8' -Wait -PollInterval 0.1 -Session $session -WarningVariable warnings -WarningAction SilentlyContinue
        $export.Status | Should -Be 'Complete'
        $file = @($export | Save-MqaExport -Path (New-TestFolder -NameOnly) -Session $session)
        $file | Should -HaveCount 1
        $file[0].Name | Should -Be "$($export.ExportId).zip"
        Compare-ServerExport $server $export.ExportId @($file | Import-MqaExport) | Should -BeNullOrEmpty
        Assert-Route (Get-RequestSince $Edition $mark) $session $warnings
    }

    It 'Sync-MqaExport of three daily windows: every value of every window is the server''s' {
        $session = New-EditionSession $Edition -Moved:$Moved
        $mark = Get-RequestMark $Edition
        $folder = New-TestFolder -NameOnly
        $windows = @(Sync-MqaExport -Path $folder -StartDate '2024-01-01T00:00:00Z' -EndDate '2024-01-04T00:00:00Z' -ChunkDays 1 -PollInterval 0.1 -Session $session -WarningVariable warnings -WarningAction SilentlyContinue |
                Sort-Object From)
        $windows | Should -HaveCount 3
        $windows | ForEach-Object { $_.From.ToString('yyyy-MM-dd', [cultureinfo]::InvariantCulture) } | Should -Be @('2024-01-01', '2024-01-02', '2024-01-03')
        $windows | ForEach-Object { $_.Files | Should -HaveCount 5 }
        $rows = @(foreach ($table in $rawTables) { Import-MqaExport -Path (Join-Path $folder $table) })
        Compare-ServerExport $server @($windows | ForEach-Object { $_.ExportId }) $rows | Should -BeNullOrEmpty
        Assert-Route (Get-RequestSince $Edition $mark) $session $warnings
    }
}

Describe 'Tickets on today''s edition, which requires ticket_id' {
    BeforeAll {
        Set-Edition current -Api @{ requireTicketId = $true }
        $session = New-EditionSession current
        $server = $servers.current
        function Get-TicketPost([int] $Mark) { @(Get-RequestSince current $Mark | Where-Object { $_.route -eq 'tickets' -and $_.method -eq 'POST' }) }
        # Custom fields of every kind the wire carries: text with quotes, commas, a line break and non-ASCII, numbers,
        # booleans, null, lists and nested objects.
        function New-Attributes([int] $I) {
            [ordered]@{
                plan    = @('gold', 'silver')[$I % 2]
                seats   = $I
                ratio   = 0.25 * $I
                vip     = ($I % 2 -eq 0)
                churn   = $null
                regions = @('emea', 'apac')
                owner   = [ordered]@{ name = "Ana ""A"", J$([char]0xFC)rgen`nline two"; teams = @(1, 2, @{ lead = $true }) }
            }
        }
    }
    AfterAll { Set-Edition current }

    # The first ticket this file sends to this server: the module learns ticket_id here. The tickets route answers
    # 50 ms late, as over a real network, so the load's first rows are in flight together when the first answer comes.
    It 'a load of 10 CSV rows named by ticket_id, attributes in a cell, no link: one 400 for the whole load, then only ticket_id' {
        Set-Edition current -Api @{ requireTicketId = $true } -Faults @{ latencyMs = 50; routes = @('tickets') }
        $rows = foreach ($i in 1..10) {
            [pscustomobject][ordered]@{
                ticket_id  = 'tid-{0:d2}' -f $i
                type       = 'chat'
                subject    = "Subject $i"
                agents     = 'agent_1; agent_2'
                body       = "Body $i"
                attributes = ConvertTo-SortedJson (New-Attributes $i)
            }
        }
        $csv = Join-Path $TestDrive 'ticket_id.csv'
        $rows | Export-Csv -Path $csv -NoTypeInformation -Encoding utf8
        $mark = Get-RequestMark current
        $output = @(Import-Csv $csv | New-MqaTicket -Session $session -ErrorVariable failed -ErrorAction SilentlyContinue)

        @($failed) | Should -HaveCount 0
        ($output.GradableId -join ',') | Should -BeExactly ($rows.ticket_id -join ',')
        @($output | Where-Object { $_.Attributes -isnot [MaestroQA.Client.Models.TicketAttributes] }) | Should -HaveCount 0
        $posts = Get-TicketPost $mark
        @($posts | Where-Object status -EQ 400) | Should -HaveCount 1 -Because 'the first refusal, naming ticket_id, teaches the whole load (and this base) to send ticket_id'
        $posts[0].status | Should -Be 400
        @($posts | Where-Object status -EQ 201) | Should -HaveCount 10
        $posts | Should -HaveCount 11
        foreach ($row in $rows) {
            $stored = Get-ServerTicket current $row.ticket_id
            $stored | Should -HaveCount 1
            ConvertTo-SortedJson $stored[0].attributes | Should -BeExactly $row.attributes -Because $row.ticket_id
            ($stored[0].agents -join '|') | Should -Be 'agent_1|agent_2'
        }
        Set-Edition current -Api @{ requireTicketId = $true }
    }

    It 'a ticket by parameters, -TicketId and -Attributes (nested, with a date), no -Link: one POST, stored as given' {
        $attributes = New-Attributes 3
        $attributes.renewal = [datetime]::new(2024, 1, 31, 8, 0, 0, [DateTimeKind]::Utc)
        $mark = Get-RequestMark current
        $ticket = New-MqaTicket -TicketId 'tid-param' -Type email -Subject 'By parameters' -Agent 'agent_9' -Body 'B' -Attributes $attributes -Session $session
        $ticket.GradableId | Should -Be 'tid-param'
        $ticket.Attributes['owner']['teams'][2]['lead'] | Should -BeTrue
        (Get-TicketPost $mark).status | Should -Be @(201) -Because 'this base names tickets by ticket_id since the load above'
        $attributes.renewal = '2024-01-31T08:00:00Z'
        ConvertTo-SortedJson (Get-ServerTicket current 'tid-param')[0].attributes | Should -BeExactly (ConvertTo-SortedJson $attributes)
    }

    It 'attributes round-trip: New-MqaTicket, Export-Csv, Import-Csv, New-MqaTicket again, the server holds the same values' {
        $mark = Get-RequestMark current
        $created = @(1..3 | ForEach-Object { @{ TicketId = "trip-$_"; Type = 'chat'; Subject = "Trip $_"; Agents = @('agent_1', "agent_$_"); Body = 'B'; Tags = 'x;y'; Attributes = New-Attributes $_ } } |
                New-MqaTicket -Session $session)
        $created | Should -HaveCount 3
        $csv = Join-Path $TestDrive 'trip.csv'
        # The dates are left out here: see the test of a ticket exported whole, below.
        $created | Select-Object -Property * -ExcludeProperty FirstSeen, LastSeen | Export-Csv -Path $csv -NoTypeInformation -Encoding utf8
        $cells = @(Import-Csv $csv)
        $cells[0].Attributes | Should -BeExactly $created[0].Attributes.ToString() -Because 'a cell holds the attributes as compact JSON'
        ConvertTo-SortedJson ($cells[0].Attributes | ConvertFrom-Json) | Should -BeExactly (ConvertTo-SortedJson (New-Attributes 1))

        $again = @(Import-Csv $csv | ForEach-Object { $_.GradableId = 'again-' + $_.GradableId; $_ } | New-MqaTicket -Session $session -ErrorVariable failed -ErrorAction SilentlyContinue)
        @($failed) | Should -HaveCount 0
        $again | Should -HaveCount 3
        (Get-TicketPost $mark).status | Select-Object -Unique | Should -Be 201
        foreach ($i in 1..3) {
            $first = (Get-ServerTicket current "trip-$i")[0]
            $second = (Get-ServerTicket current "again-trip-$i")[0]
            ConvertTo-SortedJson $first.attributes | Should -BeExactly (ConvertTo-SortedJson (New-Attributes $i))
            ConvertTo-SortedJson $second.attributes | Should -BeExactly (ConvertTo-SortedJson $first.attributes)
            ($second.agents -join '|') | Should -Be "agent_1|agent_$i"
            $second.tags | Should -Be 'x,y'
        }
    }

    It 'a ticket exported whole in de-DE: its culture-written dates are refused, never guessed; with the dates as ISO text (the help''s recipe) it is created again exactly' {
        $ticket = New-MqaTicket -TicketId 'whole-1' -Type chat -Subject 'Whole' -Agent 'agent_1' -Body 'B' -FirstSeen '2024-01-02T08:00:00Z' -LastSeen '2024-02-01T09:30:00Z' -Attributes @{ plan = 'gold' } -Session $session
        $plain = Join-Path $TestDrive 'whole.csv'
        $iso = Join-Path $TestDrive 'whole-iso.csv'
        $saved = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = [cultureinfo]::GetCultureInfo('de-DE')
            $ticket | Export-Csv -Path $plain -NoTypeInformation -Encoding utf8
            # The recipe New-MqaTicket's help gives, word for word.
            $ticket | ForEach-Object { $_ | Select-Object * -ExcludeProperty FirstSeen, LastSeen | Add-Member -PassThru -NotePropertyMembers @{ FirstSeen = $_.FirstSeen.ToString('o'); LastSeen = $_.LastSeen.ToString('o') } } |
                Export-Csv -Path $iso -NoTypeInformation -Encoding utf8
            $mark = Get-RequestMark current
            $refused = @(Import-Csv $plain | ForEach-Object { $_.GradableId = 'whole-2'; $_ } | New-MqaTicket -Session $session -ErrorVariable plainFailed -ErrorAction SilentlyContinue)
            $sentForPlain = @(Get-TicketPost $mark).Count
            $again = @(Import-Csv $iso | ForEach-Object { $_.GradableId = 'whole-3'; $_ } | New-MqaTicket -Session $session -ErrorVariable isoFailed -ErrorAction SilentlyContinue)
        }
        finally { [cultureinfo]::CurrentCulture = $saved }
        $refused | Should -HaveCount 0
        $sentForPlain | Should -Be 0
        $plainFailed | Should -HaveCount 1
        $plainFailed[0].FullyQualifiedErrorId | Should -BeLike 'MaestroQA.InvalidTicket,*'
        "$($plainFailed[0])" | Should -Match 'FirstSeen .*02\.01\.2024.* write the year first'
        @($isoFailed | ForEach-Object { "$_" }) | Should -BeNullOrEmpty
        $again | Should -HaveCount 1
        $stored = (Get-ServerTicket current 'whole-3')[0]
        $stored.first_seen | Should -Be '2024-01-02T08:00:00.000Z'
        $stored.last_seen | Should -Be '2024-02-01T09:30:00.000Z'
    }

    It 'a CSV row whose gradable_id and ticket_id differ: MaestroQA.InvalidTicket naming both, nothing sent for it, the rows around it created' {
        $csv = Join-Path $TestDrive 'pair.csv'
        @(
            [pscustomobject]@{ ticket_id = 'pair-1'; gradable_id = ''; type = 'chat'; subject = 'S'; agents = 'a1'; body = 'B' }
            [pscustomobject]@{ ticket_id = 'pair-ticket'; gradable_id = 'pair-gradable'; type = 'chat'; subject = 'S'; agents = 'a1'; body = 'B' }
            [pscustomobject]@{ ticket_id = 'pair-3'; gradable_id = 'pair-3'; type = 'chat'; subject = 'S'; agents = 'a1'; body = 'B' }
        ) | Export-Csv -Path $csv -NoTypeInformation -Encoding utf8
        $rows = @(Import-Csv $csv)
        $mark = Get-RequestMark current
        $output = @($rows | New-MqaTicket -Session $session -ErrorVariable failed -ErrorAction SilentlyContinue)
        $output.GradableId | Should -Be @('pair-1', 'pair-3')
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MaestroQA.InvalidTicket,*'
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failed[0].Exception.Message | Should -Match "'pair-gradable'"
        $failed[0].Exception.Message | Should -Match "'pair-ticket'"
        [object]::ReferenceEquals($failed[0].TargetObject, $rows[1]) | Should -BeTrue
        $posts = Get-TicketPost $mark
        $posts.gradableId | Should -Be @('pair-1', 'pair-3')
        @(Get-ServerTicket current 'pair-gradable') + @(Get-ServerTicket current 'pair-ticket') | Should -HaveCount 0
    }

    It 'rows of both editions in one load (gradable_id rows, then ticket_id rows): each row sends only its own fields' {
        # Old rows with the seed's columns and new ones with today's, piped together: objects of two shapes.
        $rows = @(
            [pscustomobject]@{ gradable_id = 'shape-old'; type = 'chat'; subject = 'Old'; agents = 'a1'; link = 'https://helpdesk.example.com/old'; body = 'B'; status = 'closed'; csat_score = '5'; tags = 'vip'; attributes = '{"plan":"gold"}' }
            [pscustomobject]@{ ticket_id = 'shape-new'; type = 'chat'; subject = 'New'; agents = 'a2'; body = 'B' }
        )
        $output = @($rows | New-MqaTicket -Session $session -ErrorVariable failed -ErrorAction SilentlyContinue)
        @($failed | ForEach-Object { "$_" }) | Should -BeNullOrEmpty
        $output.GradableId | Should -Be @('shape-old', 'shape-new')
        $new = (Get-ServerTicket current 'shape-new')[0]
        $new.PSObject.Properties.Name | Should -Not -Contain 'status'
        $new.PSObject.Properties.Name | Should -Not -Contain 'csat_score'
        $new.PSObject.Properties.Name | Should -Not -Contain 'tags'
        $new.PSObject.Properties.Name | Should -Not -Contain 'link'
        $new.PSObject.Properties.Name | Should -Not -Contain 'attributes'
    }

    It 'an attributes cell whose JSON names a field twice: MaestroQA.InvalidTicket for that row, and the rows around it created' {
        $rows = @(
            [pscustomobject]@{ ticket_id = 'twice-1'; type = 'chat'; subject = 'S'; agents = 'a1'; body = 'B'; attributes = '{"plan":"gold"}' }
            [pscustomobject]@{ ticket_id = 'twice-2'; type = 'chat'; subject = 'S'; agents = 'a1'; body = 'B'; attributes = '{"plan":"gold","plan":"silver"}' }
            [pscustomobject]@{ ticket_id = 'twice-3'; type = 'chat'; subject = 'S'; agents = 'a1'; body = 'B'; attributes = '{"plan":"gold"}' }
        )
        $mark = Get-RequestMark current
        $output = $null
        $stopped = $null
        try { $output = @($rows | New-MqaTicket -Session $session -ErrorVariable failed -ErrorAction SilentlyContinue) }
        catch { $stopped = $_ }
        "$stopped" | Should -BeNullOrEmpty -Because 'one bad cell is that row''s error, not the end of the load'
        $output.GradableId | Should -Be @('twice-1', 'twice-3')
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MaestroQA.InvalidTicket,*'
        $failed[0].Exception.Message | Should -Match 'twice-2'
        $failed[0].Exception.Message | Should -Match 'attributes'
        (Get-TicketPost $mark).gradableId | Should -Be @('twice-1', 'twice-3')
    }

    # Last of the tickets: it teaches this base gradable_id again.
    It 'the other way round: when the server wants gradable_id again, one 400 teaches it (one row at a time)' {
        Set-MqaMockConfig $server (Get-EditionConfig article)
        try {
            $rows = 1..5 | ForEach-Object { [pscustomobject]@{ ticket_id = "back-$_"; type = 'chat'; subject = 'S'; agents = 'a1'; link = "https://helpdesk.example.com/back/$_"; body = 'B' } }
            $mark = Get-RequestMark current
            # One at a time, so this is about the learning alone, not about rows already in flight when it happens.
            $output = @($rows | New-MqaTicket -ThrottleLimit 1 -Session $session -ErrorVariable failed -ErrorAction SilentlyContinue)
            @($failed) | Should -HaveCount 0
            $output | Should -HaveCount 5
            (Get-TicketPost $mark).status | Should -Be @(400, 201, 201, 201, 201, 201)
            @(1..5 | ForEach-Object { Get-ServerTicket current "back-$_" }) | Should -HaveCount 5
        }
        finally { Set-Edition current -Api @{ requireTicketId = $true } }
    }
}

Describe 'Routes today''s edition no longer lists' {
    BeforeAll { $session = New-EditionSession current }
    AfterAll { Set-Edition current }

    It '<Command>: MaestroQA.RouteNotFound (NotImplemented) naming <Route> and Invoke-MqaRequest, sent once' -ForEach @(
        @{ Command = 'Invoke-MqaGroupsExport'; Route = 'request-groups-export'; Call = { param($s) Invoke-MqaGroupsExport -Session $s -ErrorAction Stop } }
        @{ Command = 'Get-MqaCaptureUsage'; Route = 'screen-capture-usage-stats'; Call = { param($s) Get-MqaCaptureUsage -GroupId grp_emea -Interval Day -Session $s -ErrorAction Stop } }
    ) {
        Set-Edition current
        $mark = Get-RequestMark current
        $failure = { & $Call $session } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike "MaestroQA.RouteNotFound,*"
        $failure.CategoryInfo.Category | Should -Be 'NotImplemented'
        $failure.Exception.Message | Should -Match ([regex]::Escape($Route))
        $failure.Exception.Message | Should -Match 'Invoke-MqaRequest'
        $requests = Get-RequestSince current $mark
        $requests | Should -HaveCount 1 -Because 'a route the server lacks is not asked again'
        $requests[0].route | Should -Be "/api/v1/$Route"
        $requests[0].status | Should -Be 404
    }

    It 'with api.legacyRoutes they answer again: a groups export whose every value is the server''s, and the capture stats' {
        Set-Edition current -Api @{ legacyRoutes = $true }
        $export = Invoke-MqaGroupsExport -IncludeUnavailable -Name 'legacy rows=12' -Wait -PollInterval 0.1 -Session $session
        $rows = @($export | Save-MqaExport -Path (New-TestFolder -NameOnly) -Session $session | Import-MqaExport)
        $rows | Should -HaveCount 12
        Compare-ServerExport $servers.current $export.ExportId $rows | Should -BeNullOrEmpty
        $mark = Get-RequestMark current
        $usage = @(Get-MqaCaptureUsage -GroupId grp_emea -Interval Week -Session $session)
        $usage.Count | Should -BeGreaterThan 0
        (Get-RequestSince current $mark).route | Should -Be @('screen-capture-usage-stats')
    }
}

Describe 'The old host''s redirects' {
    BeforeAll {
        $server = $servers.article
        # An export made straight on the main listener, for the status checks below.
        $direct = New-EditionSession article
        $known = Invoke-MqaRawExport -StartDate $start -EndDate $end -Name 'known rows=3' -Wait -PollInterval 0.1 -Session $direct
        function Get-ExportCount { @(Get-MqaMockExport $server).Count }
        # Sets the old host's answer, and runs a call through it that must fail with MaestroQA.UnexpectedResponse naming
        # the status, having made no export: the error, what the server saw, and the session.
        function Invoke-Refused([hashtable] $Moved, [scriptblock] $Call) {
            Set-Edition article -Moved $Moved
            $session = New-EditionSession article -Moved
            $before = Get-ExportCount
            $mark = Get-RequestMark article
            $failure = { & $Call $session } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -BeLike 'MaestroQA.UnexpectedResponse,*'
            $failure.CategoryInfo.Category | Should -Be 'InvalidResult'
            $failure.Exception.Message | Should -Match "\b$($Moved.status)\b"
            Get-ExportCount | Should -Be $before -Because 'no export was made'
            [pscustomobject]@{ Failure = $failure; Requests = Get-RequestSince article $mark; Session = $session }
        }
    }
    AfterEach { Set-Edition article }

    It '308 moves the session: one warning naming the new base and how to keep it, and every later request goes straight there' {
        Set-Edition article
        $session = New-EditionSession article -Moved
        $mark = Get-RequestMark article
        $export = Invoke-MqaRawExport -StartDate $start -EndDate $end -Name 'moved rows=3' -Session $session -WarningVariable first -WarningAction SilentlyContinue
        $null = $export | Wait-MqaExport -PollInterval 0.1 -Session $session -WarningVariable second -WarningAction SilentlyContinue
        $null = Get-MqaExport -ExportId $known.ExportId -Session $session -WarningVariable third -WarningAction SilentlyContinue
        $warnings = Select-MoveWarning (@($first) + @($second) + @($third))
        $warnings | Should -HaveCount 1
        "$($warnings[0])" | Should -Match '\b308\b'
        "$($warnings[0])" | Should -Match ([regex]::Escape("-BaseUri '$($server.ApiUri)'"))
        "$($warnings[0])" | Should -Match ([regex]::Escape('$env:MAESTROQA_BASE_URI'))
        $session.BaseUri.AbsoluteUri | Should -Be $server.ApiUri
        $requests = Get-RequestSince article $mark
        $requests[0].route | Should -Be 'moved'
        @($requests | Where-Object route -EQ 'moved') | Should -HaveCount 1
        @($requests | Where-Object route -EQ 'request-raw-export') | Should -HaveCount 1
        @($requests | Where-Object route -EQ 'get-export-data').Count | Should -BeGreaterThan 1
    }

    It '307 is followed every time, and the session stays where it was' {
        Set-Edition article -Moved @{ status = 307 }
        $session = New-EditionSession article -Moved
        $before = Get-ExportCount
        $mark = Get-RequestMark article
        $export = Invoke-MqaRawExport -StartDate $start -EndDate $end -Name 'temporary rows=3' -Session $session -WarningVariable first -WarningAction SilentlyContinue
        $null = Get-MqaExport -ExportId $export.ExportId -Session $session -WarningVariable second -WarningAction SilentlyContinue
        $null = Get-MqaExport -ExportId $known.ExportId -Session $session -WarningVariable third -WarningAction SilentlyContinue
        Select-MoveWarning (@($first) + @($second) + @($third)) | Should -HaveCount 0
        $session.BaseUri.AbsoluteUri | Should -Be $server.MovedApiUri
        $requests = Get-RequestSince article $mark
        ($requests | ForEach-Object { '{0} {1} {2}' -f $_.method, $_.route, $_.status }) | Should -Be @(
            'POST moved 307', 'POST request-raw-export 200', 'GET moved 307', 'GET get-export-data 200', 'GET moved 307', 'GET get-export-data 200')
        (Get-ExportCount) - $before | Should -Be 1 -Because 'the POST was followed once'
    }

    It '301 on a GET moves the session, with one warning' {
        Set-Edition article -Moved @{ status = 301 }
        $session = New-EditionSession article -Moved
        $mark = Get-RequestMark article
        $checked = Get-MqaExport -ExportId $known.ExportId -Session $session -WarningVariable first -WarningAction SilentlyContinue
        $checked.Status | Should -Be 'Complete'
        $null = Get-MqaExport -ExportId $known.ExportId -Session $session -WarningVariable second -WarningAction SilentlyContinue
        $warnings = Select-MoveWarning (@($first) + @($second))
        $warnings | Should -HaveCount 1
        "$($warnings[0])" | Should -Match '\b301\b'
        $session.BaseUri.AbsoluteUri | Should -Be $server.ApiUri
        ((Get-RequestSince article $mark) | ForEach-Object { '{0} {1}' -f $_.route, $_.status }) | Should -Be @('moved 301', 'get-export-data 200', 'get-export-data 200')
    }

    It '<Status> on <Name> is not sent again: MaestroQA.UnexpectedResponse naming the new base, and nothing changed' -ForEach @(
        @{ Status = 301; Name = 'POST request-raw-export'; Method = 'POST'; Route = 'request-raw-export'; Call = { param($s) Invoke-MqaRawExport -StartDate $start -EndDate $end -Name 'not again' -Session $s -ErrorAction Stop } }
        @{ Status = 302; Name = 'POST request-raw-export'; Method = 'POST'; Route = 'request-raw-export'; Call = { param($s) Invoke-MqaRawExport -StartDate $start -EndDate $end -Name 'not again' -Session $s -ErrorAction Stop } }
        @{ Status = 301; Name = 'PATCH tickets/<id> (Set-MqaTicket)'; Method = 'PATCH'; Route = 'tickets'; Call = { param($s) Set-MqaTicket -GradableId 'moved-patch' -Subject 'Changed' -Session $s -ErrorAction Stop } }
    ) {
        $null = Invoke-MqaMockAdmin -Server $server -Path tickets -Method Delete
        $null = Invoke-MqaMockAdmin -Server $server -Path tickets -Method Post -Body @{ gradable_id = 'moved-patch'; type = 'chat'; subject = 'Seeded'; agents = @('a1'); link = 'https://helpdesk.example.com/1'; body = 'B' }
        $refused = Invoke-Refused @{ status = $Status } $Call
        $refused.Failure.Exception.Message | Should -Match ([regex]::Escape("'$($server.ApiUri)'"))
        $refused.Failure.Exception.Message | Should -Match '-BaseUri'
        ($refused.Requests | ForEach-Object { '{0} {1} {2}' -f $_.method, $_.route, $_.status }) | Should -Be @("$Method moved $Status") -Because 'the request was not sent to the new base'
        @(Invoke-MqaMockAdmin -Server $server -Path tickets | Where-Object gradable_id -EQ 'moved-patch')[0].subject | Should -Be 'Seeded'
    }

    It '<Status> to another host: MaestroQA.UnexpectedResponse naming localhost, for <Name>, and nothing reached localhost' -ForEach @(
        foreach ($status in 308, 307) {
            @{ Status = $status; Name = 'POST request-raw-export'; Call = { param($s) Invoke-MqaRawExport -StartDate $start -EndDate $end -Session $s -ErrorAction Stop } }
            @{ Status = $status; Name = 'GET get-export-data'; Call = { param($s) Get-MqaExport -ExportId $known.ExportId -Session $s -ErrorAction Stop } }
            @{ Status = $status; Name = 'POST tickets'; Call = { param($s) New-MqaTicket -GradableId 'elsewhere' -Type chat -Subject 'S' -Agent 'a1' -Link 'https://helpdesk.example.com/1' -Body 'B' -Session $s -ErrorAction Stop } }
        }
    ) {
        $refused = Invoke-Refused @{ status = $Status; target = 'other-host' } $Call
        $refused.Failure.Exception.Message | Should -Match '\blocalhost\b'
        ($refused.Requests | ForEach-Object { '{0} {1}' -f $_.route, $_.host }) | Should -Be @('moved 127.0.0.1') -Because 'the token went to the session''s own base and nowhere else'
        @(Invoke-MqaMockAdmin -Server $server -Path tickets | Where-Object gradable_id -EQ 'elsewhere') | Should -HaveCount 0
        $refused.Session.BaseUri.AbsoluteUri | Should -Be $server.MovedApiUri
    }

    # A server of its own (today's edition), so that what is learnt here is learnt first here, through the old host.
    It 'what a status check or a ticket moved by a 308 teaches is remembered for the base that answered it' {
        $fresh = Start-MqaMockServer -Config (Get-EditionConfig current -Api @{ requireTicketId = $true })
        try {
            $direct = New-MqaSession -ApiToken $fresh.Token -BaseUri $fresh.ApiUri -RetryIntervalSec 0.05 @clientLimits
            $export = Invoke-MqaRawExport -StartDate $start -EndDate $end -Session $direct
            $session = New-MqaSession -ApiToken $fresh.Token -BaseUri $fresh.MovedApiUri -RetryIntervalSec 0.05 @clientLimits
            foreach ($i in 1..3) { $null = Get-MqaExport -ExportId $export.ExportId -Session $session -WarningAction SilentlyContinue }
            foreach ($i in 1..3) { $null = New-MqaTicket -TicketId "fresh-$i" -Type chat -Subject 'S' -Agent 'a1' -Body 'B' -Session $session -WarningAction SilentlyContinue }
            $session.BaseUri.AbsoluteUri | Should -Be $fresh.ApiUri
            $requests = @(Get-MqaMockRequest $fresh)
            @($requests | Where-Object route -EQ '/api/v1/get-export-data') | Should -HaveCount 1 -Because 'the first check''s 404 was the new base''s, and taught it export-data/{id}'
            @($requests | Where-Object { $_.route -eq 'tickets' -and $_.status -eq 400 }) | Should -HaveCount 1 -Because 'the first ticket''s 400 was the new base''s, and taught it ticket_id'
            @(Get-MqaMockTicket $fresh) | Should -HaveCount 3
        }
        finally { Stop-MqaMockServer $fresh }
    }

    It 'a sync moved by a 308 goes on the next night from a session connected as the warning says' {
        Set-Edition article
        $folder = New-TestFolder -NameOnly
        $first = @(Sync-MqaExport -Path $folder -StartDate '2024-02-01T00:00:00Z' -EndDate '2024-02-03T00:00:00Z' -ChunkDays 1 -PollInterval 0.1 -Session (New-EditionSession article -Moved) -WarningAction SilentlyContinue)
        $first | Should -HaveCount 2
        $next = @(Sync-MqaExport -Path $folder -EndDate '2024-02-04T00:00:00Z' -ChunkDays 1 -PollInterval 0.1 -Session (New-EditionSession article) -ErrorVariable failed -ErrorAction SilentlyContinue)
        @($failed | ForEach-Object { "$_" }) | Should -BeNullOrEmpty
        $next | Should -HaveCount 1
        $next[0].From.ToString('yyyy-MM-dd', [cultureinfo]::InvariantCulture) | Should -Be '2024-02-03'
    }
}

Describe '$env:MAESTROQA_BASE_URI' {
    BeforeAll {
        $server = $servers.article
        $known = Invoke-MqaRawExport -StartDate $start -EndDate $end -Name 'env rows=3' -Session (New-EditionSession article)
        $saved = $env:MAESTROQA_BASE_URI
    }
    AfterEach {
        Disconnect-Mqa
        if ($null -eq $saved) { Remove-Item Env:MAESTROQA_BASE_URI -ErrorAction SilentlyContinue } else { $env:MAESTROQA_BASE_URI = $saved }
    }

    It '<Command> without -BaseUri takes it, and its calls go there' -ForEach @(
        @{ Command = 'Connect-Mqa'; Connect = { param($token) Connect-Mqa -ApiToken $token -RetryIntervalSec 0.05 @clientLimits -PassThru } }
        @{ Command = 'New-MqaSession'; Connect = { param($token) New-MqaSession -ApiToken $token -RetryIntervalSec 0.05 @clientLimits } }
    ) {
        $env:MAESTROQA_BASE_URI = $server.ApiUri
        $session = & $Connect $server.Token
        $session.BaseUri.AbsoluteUri | Should -Be $server.ApiUri
        $mark = Get-RequestMark article
        if ($Command -eq 'Connect-Mqa') {
            (Get-MqaSession).BaseUri.AbsoluteUri | Should -Be $server.ApiUri
            $checked = Get-MqaExport -ExportId $known.ExportId
        }
        else { $checked = Get-MqaExport -ExportId $known.ExportId -Session $session }
        $checked.ExportId | Should -Be $known.ExportId
        $requests = Get-RequestSince article $mark
        $requests | Should -HaveCount 1
        $requests[0].route | Should -Be 'get-export-data'
        $requests[0].tokenTail | Should -Be $server.Token.Substring($server.Token.Length - 4)
    }

    It '-BaseUri, when given, wins over it' {
        $env:MAESTROQA_BASE_URI = $server.MovedApiUri
        (New-MqaSession -ApiToken $server.Token -BaseUri $server.ApiUri @clientLimits).BaseUri.AbsoluteUri | Should -Be $server.ApiUri
        (Connect-Mqa -ApiToken $server.Token -BaseUri $server.ApiUri @clientLimits -PassThru).BaseUri.AbsoluteUri | Should -Be $server.ApiUri
    }
}

# Last: what the whole file taught the module, read from records that were never cleared.
Describe 'What the module learnt, over this file''s life' {
    It 'today''s edition: get-export-data was tried exactly once, and every status check after it went to export-data/{id} first' {
        $records = @(Get-MqaMockRequest $servers.current)
        $tried = @($records | Where-Object route -EQ '/api/v1/get-export-data')
        $tried | Should -HaveCount 1 -Because 'its 404 taught this base export-data/<id>, for every session on it'
        $tried[0].status | Should -Be 404
        $checks = @($records | Where-Object route -EQ 'export-data')
        $made = @(Get-MqaMockExport $servers.current | ForEach-Object { $_.exportId } | Sort-Object)
        $made.Count | Should -BeGreaterThan 5
        ($checks | ForEach-Object { $_.exportId } | Sort-Object -Unique) -join ',' | Should -Be ($made -join ',') -Because 'every export made above was checked there'
        [array]::IndexOf($records, $tried[0]) | Should -BeLessThan ([array]::IndexOf($records, $checks[0]))
    }

    It 'the article''s edition: export-data/{id} was never tried, get-export-data answered from the first' {
        $records = @(Get-MqaMockRequest $servers.article)
        @($records | Where-Object route -Like '/api/v1/export-data*') | Should -HaveCount 0
        @($records | Where-Object route -EQ 'get-export-data').Count | Should -BeGreaterThan 5
    }

    It 'an id neither route knows is MaestroQA.NotFound (ObjectNotFound), after one try of each' {
        $mark = Get-RequestMark article
        $failure = { Get-MqaExport -ExportId 'no-such-export' -Session (New-EditionSession article) -ErrorAction Stop } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'MaestroQA.NotFound,*'
        $failure.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failure.Exception.Message | Should -Match 'no-such-export'
        ((Get-RequestSince article $mark) | ForEach-Object { '{0} {1}' -f $_.route, $_.status }) | Should -Be @('get-export-data 404', '/api/v1/export-data/no-such-export 404')
    }
}
