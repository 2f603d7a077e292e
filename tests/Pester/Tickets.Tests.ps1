BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $server = Start-MqaMockServer
    # A token of its own: sessions of one token share one budget, kept to the strictest limits any of them asked for,
    # and this file's loads run at 40 a (scaled) second where other files' sessions ask for 10.
    $server.Token = 'mqa-tickets-token-0010'

    # Windows a tenth of their documented length on both sides. Easy calls: 40 per 0.1 s and 1,200 per 6 s, so a
    # 2,000-row load meets both windows (with a 50 ms margin: about 266/s at first, then 200/s). The margin absorbs
    # differences in travel time between requests; here that includes cold connections and GC pauses on a shared
    # 2-core machine, which now and then exceed the 30 ms default over loopback.
    $limits = @{ demandingPerSecond = 1; demandingPerMinute = 30; easyPerSecond = 40; easyPerMinute = 1200; windowScale = 0.1 }
    $clientEasy = @{ PerSecond = 40; PerMinute = 1200; WindowScale = 0.1; SafetyMarginMs = 50 }
    function Reset-Server([hashtable] $Faults) {
        Reset-MqaMockServer $server
        $config = @{ limits = $limits; validTokens = @($server.Token) }
        if ($Faults) { $config.faults = $Faults }
        Set-MqaMockConfig $server $config
    }
    function New-TicketSession([int] $MaximumRetryCount = 5) {
        New-MqaSession -ApiToken $server.Token -BaseUri $server.ApiUri -EasyRateLimit $clientEasy -MaximumRetryCount $MaximumRetryCount -RetryIntervalSec 0.05
    }
    Connect-Mqa -ApiToken $server.Token -BaseUri $server.ApiUri -EasyRateLimit $clientEasy -RetryIntervalSec 0.05

    # The server's truth: tickets with dates as the server wrote them, and its record of ticket requests.
    function Get-ServerTicket { @(Invoke-MqaMockAdmin -Server $server -Path tickets -DatesAsText) }
    function Get-TicketRequest([string] $Method) { @(Get-MqaMockRequest $server | Where-Object { $_.route -eq 'tickets' -and (-not $Method -or $_.method -eq $Method) }) }
    function Add-ServerTicket([string] $Id, [switch] $Synced) {
        $body = @{ gradable_id = $Id; type = 'chat'; subject = "Seeded $Id"; agents = @('agent_seed'); link = "https://helpdesk.example.com/seed/$Id"; body = 'Seeded body'; tags = 'seeded'; status = 'open'; csat_score = 3; first_seen = '2023-01-02T03:04:05Z'; last_seen = '2023-01-03T03:04:05Z' }
        if ($Synced) { $body.synced = $true }
        Invoke-MqaMockAdmin -Server $server -Path tickets -Method Post -Body $body
    }


    # One row as the API names its fields; every kind of value the conversions must handle turns up in 2,000 rows.
    function New-TicketRow([int] $I, [string] $Prefix = 'load') {
        [pscustomobject][ordered]@{
            gradable_id = '{0}-{1:d5}' -f $Prefix, $I
            type        = @('email', 'chat', 'phone')[$I % 3]
            subject     = "Subject $I, with ""quotes"" and $([char]0xFC)mlauts"
            agents      = @('agent_1', 'agent_2; agent_3', ' agent_4 , agent_5 ;agent_6 ')[$I % 3]
            link        = "https://helpdesk.example.com/tickets/${I}?x=1&y=2"
            body        = if ($I % 7 -eq 0) { "Line one`r`nLine two, ""quoted""" } else { "Body $I" }
            tags        = @('', 'vip', 'billing; refund , urgent')[$I % 3]
            status      = @('open', 'closed', '')[$I % 3]
            csat_score  = @('', '5', '3.5', '0', '-1.25')[$I % 5]
            first_seen  = @('', '2024-03-01T10:00:00Z', '2024-03-01T10:00:00+02:00', '2024-02-29 23:59:59Z', '2024-06-15 12:00:00')[$I % 5]
            last_seen   = @('', '2024-03-05T08:30:15Z', '2024-03-05T08:30:15-05:30')[$I % 3]
        }
    }
    function New-TicketCsv([object[]] $Row, [string] $Path = (Join-Path (New-TestFolder) 'tickets.csv')) {
        $Row | Export-Csv -Path $Path -NoTypeInformation -Encoding utf8
        $Path
    }

    # What the server must hold for a row (as Import-Csv gave it), computed here independently of the module.
    function ConvertTo-ExpectedTicket($Row) {
        $list = { param($text) @(($text -split '[,;]') | ForEach-Object Trim | Where-Object { $_ }) }
        $date = {
            param($text)
            # A cell with no zone is local time: its answer is written out per zone (see ConvertTo-ExpectedUtc).
            if ($text -and $text -notmatch '(Z|[+-]\d\d:\d\d)$') { (ConvertTo-ExpectedUtc ($text -replace ' ', 'T')) -replace 'Z$', '.000Z' }
            elseif ($text) { [DateTimeOffset]::Parse($text, [cultureinfo]::InvariantCulture).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'.000Z'", [cultureinfo]::InvariantCulture) }
        }
        [ordered]@{
            gradable_id = $Row.gradable_id
            type        = $Row.type
            subject     = $Row.subject
            agents      = (& $list $Row.agents) -join '|'
            link        = $Row.link
            body        = $Row.body
            tags        = if ($Row.tags) { (& $list $Row.tags) -join ',' } else { $null }
            status      = if ($Row.status) { $Row.status } else { $null }
            csat_score  = if ($Row.csat_score) { [double]::Parse($Row.csat_score, [cultureinfo]::InvariantCulture) } else { $null }
            first_seen  = & $date $Row.first_seen
            last_seen   = & $date $Row.last_seen
        }
    }

    # Every field of every ticket against the rows: returns the differences, so a failure says which cell is wrong.
    function Compare-ServerTicket([object[]] $Row, [object[]] $Ticket) {
        $differences = [System.Collections.Generic.List[string]]::new()
        if ($Ticket.Count -ne $Row.Count) { $differences.Add("server holds $($Ticket.Count) tickets, expected $($Row.Count)") }
        $byId = @{}
        foreach ($t in $Ticket) { $byId[$t.gradable_id] = $t }
        foreach ($r in $Row) {
            $want = ConvertTo-ExpectedTicket $r
            $got = $byId[$r.gradable_id]
            if (-not $got) { $differences.Add("missing $($r.gradable_id)"); continue }
            foreach ($name in $want.Keys) {
                $property = $got.PSObject.Properties[$name]
                $value = if (-not $property) { $null } elseif ($name -eq 'agents') { $property.Value -join '|' } else { $property.Value }
                # A date left out of the row defaults to the server's now: only its presence is checked.
                if ($name -in 'first_seen', 'last_seen' -and $null -eq $want[$name]) { if (-not $value) { $differences.Add("$($r.gradable_id) ${name}: none") }; continue }
                $same = if ($null -eq $want[$name]) { $null -eq $value } elseif ($name -eq 'csat_score') { $null -ne $value -and [double]$value -eq $want[$name] } else { $value -ceq $want[$name] }
                if (-not $same) { $differences.Add("$($r.gradable_id) ${name}: got '$value', expected '$($want[$name])'") }
            }
        }
        ($differences | Select-Object -First 10) -join "`n"
    }

    # Tickets created per gradable_id, from the record: a 201, or a create whose response the server dropped.
    function Get-CommitCount {
        $counts = @{}
        foreach ($request in Get-TicketRequest POST) {
            if ($request.status -eq 201 -or $request.fault -eq 'reset_after_commit') { $counts[$request.gradableId] = 1 + [int]$counts[$request.gradableId] }
        }
        $counts
    }
}

AfterAll {
    Disconnect-Mqa
    Stop-MqaMockServer $server
}

Describe 'Bulk loads from CSV' {
    BeforeAll {
        $rows = 1..2000 | ForEach-Object { New-TicketRow $_ }
        $apiCsv = New-TicketCsv $rows
        # Agent and Tags here; Agents and Tag in the small load below: all four spellings bind.
        $pascalCsv = New-TicketCsv ($rows | Select-Object @{ n = 'GradableId'; e = { $_.gradable_id } }, @{ n = 'Type'; e = { $_.type } }, @{ n = 'Subject'; e = { $_.subject } },
            @{ n = 'Agent'; e = { $_.agents } }, @{ n = 'Link'; e = { $_.link } }, @{ n = 'Body'; e = { $_.body } }, @{ n = 'Tags'; e = { $_.tags } }, @{ n = 'Status'; e = { $_.status } },
            @{ n = 'CsatScore'; e = { $_.csat_score } }, @{ n = 'FirstSeen'; e = { $_.first_seen } }, @{ n = 'LastSeen'; e = { $_.last_seen } })
        # The values the cmdlet sees; both files hold the same cells.
        $expected = @(Import-Csv $apiCsv)

        $loads = @{}
        foreach ($load in @{ Headers = 'API'; Path = $apiCsv }, @{ Headers = 'PascalCase'; Path = $pascalCsv }) {
            Reset-Server
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $output = @(Import-Csv $load.Path | New-MqaTicket -ErrorVariable failed -ErrorAction SilentlyContinue)
            $loads[$load.Headers] = @{
                Output   = $output
                Errors   = @($failed)
                Seconds  = $clock.Elapsed.TotalSeconds
                Tickets  = Get-ServerTicket
                Requests = Get-TicketRequest
            }
        }
    }

    It '<_> headers: the server holds exactly the 2,000 tickets, every field equal' -ForEach 'API', 'PascalCase' {
        $load = $loads[$_]
        $load.Errors | Should -HaveCount 0
        $load.Tickets | Should -HaveCount 2000
        Compare-ServerTicket $expected $load.Tickets | Should -BeNullOrEmpty
    }

    It '<_> headers: one MqaTicket per row, with the server''s Id, in input order' -ForEach 'API', 'PascalCase' {
        $load = $loads[$_]
        $load.Output | Should -HaveCount 2000
        ($load.Output.GradableId -join ',') | Should -BeExactly ($expected.gradable_id -join ',')
        @($load.Output | Where-Object { $_.PSTypeNames[0] -ne 'MaestroQA.Client.Models.MqaTicket' }) | Should -HaveCount 0
        $serverIds = @{}
        foreach ($ticket in $load.Tickets) { $serverIds[$ticket.gradable_id] = $ticket._id }
        @($load.Output | Where-Object { -not $_.Id -or $_.Id -ne $serverIds[$_.GradableId] }) | Should -HaveCount 0
        $load.Output[0].CsatScore | Should -BeOfType [double]
    }

    # What the user sees, whatever the machine's speed: each row created once, and any 429 retried. How close to the
    # limit the load runs is the benchmark's to measure, and the limiter's own fake-clock tests pin its windows.
    It '<_> headers: each row created by exactly one accepted POST, any 429 retried, no window above the limits' -ForEach 'API', 'PascalCase' {
        $requests = $loads[$_].Requests
        $accepted = @($requests | Where-Object status -EQ 201)
        $accepted | Should -HaveCount 2000
        @($accepted.gradableId | Select-Object -Unique) | Should -HaveCount 2000
        $refused = @($requests | Where-Object status -NE 201)
        @($refused | Where-Object status -NE 429) | Should -HaveCount 0 -Because 'nothing but a 429 may be refused'
        foreach ($retry in $refused) {
            @($accepted | Where-Object { $_.gradableId -eq $retry.gradableId -and [double]$_.elapsedMs -gt [double]$retry.elapsedMs }) | Should -HaveCount 1 -Because "$($retry.gradableId)'s 429 was retried"
        }
        Write-Host "  $_ headers: $($requests.Count) POSTs for 2000 rows, $($refused.Count) answered 429 and retried"
        Get-MqaMaxRequestsInWindow -Request $accepted -WindowMs 100 | Should -BeLessOrEqual 40
        Get-MqaMaxRequestsInWindow -Request $accepted -WindowMs 6000 | Should -BeLessOrEqual 1200
    }

    It 'binds the Agents and Tag spellings, and plain parameters, too' {
        Reset-Server
        $small = $expected | Select-Object -First 20
        $csv = New-TicketCsv ($small | Select-Object gradable_id, type, subject, @{ n = 'Agents'; e = { $_.agents } }, link, body, @{ n = 'Tag'; e = { $_.tags } }, status, csat_score, first_seen, last_seen)
        @(Import-Csv $csv | New-MqaTicket) | Should -HaveCount 20
        $single = New-MqaTicket -GradableId 'param-1' -Type email -Subject 'By parameters' -Agent 'a1', 'a2' -Link 'https://helpdesk.example.com/p/1' -Body 'B' -Tag 'x', 'y' -CsatScore 4 -FirstSeen ([DateTimeOffset]'2024-01-01T12:00:00+01:00')
        $single.Id | Should -Not -BeNullOrEmpty
        $tickets = Get-ServerTicket
        Compare-ServerTicket $small @($tickets | Where-Object gradable_id -NE 'param-1') | Should -BeNullOrEmpty
        $param = $tickets | Where-Object gradable_id -EQ 'param-1'
        $param.agents -join '|' | Should -Be 'a1|a2'
        $param.tags | Should -Be 'x,y'
        $param.first_seen | Should -Be '2024-01-01T11:00:00.000Z'
    }
}

Describe 'Transient faults' {
    # A 429 holds the token's easy requests for a (scaled) minute window, as the server refused what the limiter allowed:
    # the load starts with four at once (its first requests, in flight together), which one hold answers.
    It '1,000 rows under 10% 5xx, four 429s, 2% resets and 2% lost responses: each ticket once, one output per row, no error, one warning of the hold' {
        Reset-Server -Faults @{ seed = 7; sequence = @('429', '429', '429', '429'); rate500 = 0.04; rate502 = 0.03; rate503 = 0.03; retryAfterMs = 200; resetRate = 0.02; faultAfterCommitRate = 0.02 }
        $rows = 1..1000 | ForEach-Object { New-TicketRow $_ -Prefix 'fault' }
        $csv = New-TicketCsv $rows
        $output = @(Import-Csv $csv | New-MqaTicket -Session (New-TicketSession -MaximumRetryCount 10) -ErrorVariable failed -ErrorAction SilentlyContinue -WarningVariable warned)

        @($failed) | Should -HaveCount 0
        @($warned | Where-Object { "$_" -notmatch 'refused it with 429' }) | Should -HaveCount 0
        @($warned | Where-Object { "$_" -match 'refused it with 429' }) | Should -HaveCount 1 -Because 'the server refused what the limiter allowed: said once a command, then in -Verbose'
        $output | Should -HaveCount 1000
        ($output.GradableId -join ',') | Should -BeExactly ($rows.gradable_id -join ',')
        $tickets = Get-ServerTicket
        Compare-ServerTicket @(Import-Csv $csv) $tickets | Should -BeNullOrEmpty
        $serverIds = @{}
        foreach ($ticket in $tickets) { $serverIds[$ticket.gradable_id] = $ticket._id }
        @($output | Where-Object { -not $_.Id -or $_.Id -ne $serverIds[$_.GradableId] }) | Should -HaveCount 0 -Because 'a create whose response was lost is read back for its Id'

        $commits = Get-CommitCount
        $commits.Count | Should -Be 1000
        @($commits.Values | Where-Object { $_ -ne 1 }) | Should -HaveCount 0 -Because 'no ticket is created twice'
        $requests = Get-TicketRequest
        foreach ($fault in '500', '502', '503', '429', 'reset', 'reset_after_commit') {
            @($requests | Where-Object fault -EQ $fault).Count | Should -BeGreaterThan 3 -Because "the server injected $fault faults"
        }
        @($requests | Where-Object { $_.status -eq 429 -and -not $_.fault }) | Should -HaveCount 0 -Because 'the client never exceeds the limit itself'
        @($requests | Where-Object { $_.method -eq 'POST' -and $_.status -eq 409 }).Count | Should -BeGreaterThan 3 -Because 'lost responses were retried into 409s'
    }
}

Describe 'Interrupted load, then re-run with -IfExists Skip' {
    It 'stops within a second, and the re-run completes the load with no duplicate' {
        Reset-Server -Faults @{ latencyMs = 10 }
        $rows = 1..600 | ForEach-Object { New-TicketRow $_ -Prefix 'stop' }
        $csv = New-TicketCsv $rows
        $ps = [powershell]::Create()
        try {
            # One statement: a batch of several would go on touching the runspace after Stop() on a pool thread.
            $null = $ps.AddScript("param(`$Session, `$Path)`nImport-Module '$manifest' -ArgumentList $flavor`nImport-Csv `$Path | New-MqaTicket -Session `$Session").
                AddParameters(@{ Session = New-TicketSession; Path = $csv })
            $running = $ps.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(30)
            while ((Get-ServerTicket).Count -lt 150 -and -not $running.IsCompleted -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
            $running.IsCompleted | Should -BeFalse -Because 'the load is stopped midway'
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 30 -Because 'Stop() cancels the rows in flight instead of finishing the load'
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally { $ps.Dispose() }
        $before = (Get-ServerTicket).Count
        $before | Should -BeLessThan 600

        $output = @(Import-Csv $csv | New-MqaTicket -IfExists Skip -ErrorVariable failed -ErrorAction SilentlyContinue -WarningVariable warned 3>$null)
        @($failed) | Should -HaveCount 0
        $tickets = Get-ServerTicket
        $tickets | Should -HaveCount 600
        Compare-ServerTicket @(Import-Csv $csv) $tickets | Should -BeNullOrEmpty
        $skipped = 600 - $output.Count
        $skipped | Should -BeGreaterOrEqual $before
        @($warned) | Should -HaveCount 1
        "$($warned[0])" | Should -Be "$skipped ticket(s) already existed and were skipped (-IfExists Skip)."
        $created = [System.Collections.Generic.HashSet[string]]::new([string[]]$output.GradableId)
        ($output.GradableId -join ',') | Should -BeExactly (($rows.gradable_id | Where-Object { $created.Contains($_) }) -join ',') -Because 'output keeps input order'
        @((Get-CommitCount).Values | Where-Object { $_ -ne 1 }) | Should -HaveCount 0
    }
}

Describe 'Bad rows' {
    BeforeAll {
        function New-BadRow([string] $Id, [hashtable] $Change) {
            $row = New-TicketRow 1 -Prefix x
            $row.gradable_id = $Id
            foreach ($key in $Change.Keys) { $row.$key = $Change[$key] }
            $row
        }
        # Each bad row, the text its error must hold to name the field.
        $bad = @(
            @{ Row = New-BadRow '' @{}; Name = '(no gradable_id)'; Field = 'gradable_id' }
            @{ Row = New-BadRow 'bad-type' @{ type = '' }; Field = 'type' }
            @{ Row = New-BadRow 'bad-subject' @{ subject = '  ' }; Field = 'subject' }
            @{ Row = New-BadRow 'bad-link-missing' @{ link = '' }; Field = 'link' }
            @{ Row = New-BadRow 'bad-body' @{ body = '' }; Field = 'body' }
            @{ Row = New-BadRow 'bad-agents-empty' @{ agents = '' }; Field = 'agents' }
            @{ Row = New-BadRow 'bad-agents-separators' @{ agents = ' ; , ' }; Field = 'agents' }
            @{ Row = New-BadRow 'bad-csat' @{ csat_score = 'five' }; Field = 'csat_score' }
            @{ Row = New-BadRow 'bad-first-seen' @{ first_seen = '2024-13-45T00:00:00Z' }; Field = 'first_seen' }
            @{ Row = New-BadRow 'bad-last-seen' @{ last_seen = 'last Tuesday' }; Field = 'last_seen' }
            @{ Row = New-BadRow 'bad-link-relative' @{ link = '/tickets/5' }; Field = 'link' }
            @{ Row = New-BadRow 'bad-link-no-scheme' @{ link = 'helpdesk.example.com/tickets/5' }; Field = 'link' }
        )
        $good = 1..4 | ForEach-Object { New-TicketRow $_ -Prefix good }
        # Good rows around and between the bad ones.
        $mixed = @($good[0]; $bad[0..3].Row; $good[1]; $bad[4..7].Row; $good[2]; $bad[8..11].Row; $good[3])
    }

    It 'gives each bad row its own error naming the row and the field, sends none of them, and loads the rest' {
        Reset-Server
        $csv = New-TicketCsv $mixed
        $imported = @(Import-Csv $csv)
        $output = @($imported | New-MqaTicket -ErrorVariable failed -ErrorAction SilentlyContinue)

        ($output.GradableId -join ',') | Should -BeExactly ($good.gradable_id -join ',')
        $failed | Should -HaveCount $bad.Count
        for ($i = 0; $i -lt $bad.Count; $i++) {
            $record = $failed[$i]
            $name = if ($bad[$i].Name) { $bad[$i].Name } else { $bad[$i].Row.gradable_id }
            $record.FullyQualifiedErrorId | Should -BeLike 'MaestroQA.InvalidTicket,*'
            $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $record.Exception.Message | Should -Match ([regex]::Escape("'$name'"))
            $record.Exception.Message | Should -Match "\b$($bad[$i].Field)\b"
            $record.TargetObject.gradable_id | Should -BeExactly $bad[$i].Row.gradable_id -Because 'errors come in input order, each with its row'
            $row = @($imported | Where-Object gradable_id -CEQ $bad[$i].Row.gradable_id)
            [object]::ReferenceEquals($record.TargetObject, $row[0]) | Should -BeTrue -Because 'TargetObject is the very row Import-Csv gave'
        }
        # Not one of them was sent.
        @(Get-TicketRequest | Where-Object { $_.gradableId -notin $good.gradable_id }) | Should -HaveCount 0
        Get-TicketRequest | Should -HaveCount 4
        Compare-ServerTicket $good (Get-ServerTicket) | Should -BeNullOrEmpty
    }

    It 'carries each failed row whole, so $failed.TargetObject | Export-Csv re-queues exactly those rows' {
        Reset-Server
        $null = Import-Csv (New-TicketCsv $mixed) | New-MqaTicket -ErrorVariable failed -ErrorAction SilentlyContinue
        $retry = Join-Path (New-TestFolder) 'retry.csv'
        $failed.TargetObject | Export-Csv -Path $retry -NoTypeInformation -Encoding utf8
        (Get-Content $retry -Raw) | Should -BeExactly ((Get-Content (New-TicketCsv $bad.Row) -Raw))
    }

    It 'stops at the first bad row with -ErrorAction Stop: earlier rows written, later rows never sent' {
        Reset-Server
        $rows = @((1..6 | ForEach-Object { New-TicketRow $_ -Prefix before }); $bad[1].Row; (1..5 | ForEach-Object { New-TicketRow $_ -Prefix after }))
        $caught = $null
        try { Import-Csv (New-TicketCsv $rows) | New-MqaTicket -ErrorAction Stop -OutVariable created | Out-Null }
        catch { $caught = $_ }
        $caught | Should -Not -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -BeLike 'MaestroQA.InvalidTicket,*'
        $caught.TargetObject.gradable_id | Should -Be 'bad-type'
        ($created.GradableId -join ',') | Should -BeExactly (($rows | Select-Object -First 6).gradable_id -join ',')
        ((Get-ServerTicket).gradable_id | Sort-Object) -join ',' | Should -BeExactly (($rows | Select-Object -First 6).gradable_id -join ',')
        @(Get-TicketRequest | Where-Object gradableId -Like 'after-*') | Should -HaveCount 0
    }
}

Describe 'What a hostile try of rows and answers found' {
    BeforeEach { Reset-Server }

    It 'a ticket whose echo is larger than the response cap is created, and reported created, not failed' {
        $ticket = New-MqaTicket -GradableId 'g-big' -Type chat -Subject 'A long one' -Agent a1 -Link 'https://helpdesk.example.com/big' -Body ('B' * 10MB) -ErrorVariable failed -ErrorAction SilentlyContinue
        @($failed) | Should -BeNullOrEmpty
        $ticket.GradableId | Should -Be 'g-big'
        $stored = @(Get-ServerTicket | Where-Object gradable_id -EQ 'g-big')
        $stored | Should -HaveCount 1
        $ticket.Id | Should -Be $stored[0]._id -Because 'the _id comes first in the echo, within the part that is read'
        @(Get-TicketRequest POST) | Should -HaveCount 1
    }

    It 'an update whose echo is larger than the response cap is applied, and reported updated, not failed' {
        Add-ServerTicket 'g-big-update'
        $ticket = Set-MqaTicket -GradableId 'g-big-update' -Body ('U' * 10MB) -PassThru -ErrorVariable failed -ErrorAction SilentlyContinue
        @($failed) | Should -BeNullOrEmpty
        $ticket.GradableId | Should -Be 'g-big-update'
        $ticket.Body.Length | Should -Be 10MB -Because 'the ticket is as sent where its echo could not be read whole'
        (Get-ServerTicket | Where-Object gradable_id -EQ 'g-big-update').body.Length | Should -Be 10MB
        @(Get-TicketRequest PATCH) | Should -HaveCount 1
    }

    It 'a create that still fails after its retries says MaestroQA may have applied it, since any try may have landed' {
        Reset-Server -Faults @{ rate500 = 1.0; routes = @('tickets') }
        $null = New-MqaTicket -GradableId 'g-500' -Type chat -Subject S -Agent a1 -Link 'https://helpdesk.example.com/500' -Body B -Session (New-TicketSession -MaximumRetryCount 1) -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MaestroQA.ServerError,*'
        $failed[0].Exception.Message | Should -Match 'MaestroQA may have applied it all the same: check whether it did before sending it again'
        @(Get-TicketRequest POST) | Should -HaveCount 2
    }

    It 'agents and tags given as JSON arrays, as a parameter or a CSV cell, are read as one list each' {
        $null = New-MqaTicket -GradableId 'j-param' -Type chat -Subject S -Agent '["a1","a2"]' -Tag '["x, y","z"]' -Link 'https://helpdesk.example.com/j1' -Body B
        $csv = New-TicketCsv @([pscustomobject]@{ gradable_id = 'j-csv'; type = 'chat'; subject = 'S'; agents = '["a3", "a4"]'; link = 'https://helpdesk.example.com/j2'; body = 'B' })
        $null = Import-Csv $csv | New-MqaTicket
        $byId = @{}
        Get-ServerTicket | ForEach-Object { $byId[$_.gradable_id] = $_ }
        $byId['j-param'].agents | Should -Be @('a1', 'a2')
        $byId['j-param'].tags | Should -Be 'x, y,z' -Because 'the API keeps tags as one comma-separated string; a tag is never cut at its own comma before then'
        $byId['j-csv'].agents | Should -Be @('a3', 'a4')
    }

    It 'a cell that starts like a JSON array but is not one is MaestroQA.InvalidTicket naming the field, and nothing is sent for it' {
        $row = [pscustomobject]@{ gradable_id = 'j-broken'; type = 'chat'; subject = 'S'; agents = '["a1",'; link = 'https://helpdesk.example.com/j3'; body = 'B' }
        $null = $row | New-MqaTicket -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MaestroQA.InvalidTicket,*'
        $failed[0].Exception.Message | Should -Match "Agent \(agents\) '\[""a1"",' starts like a JSON array but is not one"
        $failed[0].TargetObject | Should -Be $row
        @(Get-TicketRequest POST) | Should -BeNullOrEmpty
    }
}

Describe 'Progress and summary' {
    It 'shows progress with counts, errors and rate, then one verbose summary line' {
        Reset-Server -Faults @{ latencyMs = 30 }
        $rows = @(1..40 | ForEach-Object { New-TicketRow $_ -Prefix prog })
        $rows[10].csat_score = 'n/a'
        $rows[30].link = 'not a link'
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("param(`$Session, `$Path)`nImport-Module '$manifest' -ArgumentList $flavor`nImport-Csv `$Path | New-MqaTicket -Session `$Session -Verbose").
                AddParameters(@{ Session = New-TicketSession; Path = New-TicketCsv $rows })
            $output = @($ps.Invoke())
            $output | Should -HaveCount 38
            $ps.Streams.Error | Should -HaveCount 2
            $progress = @($ps.Streams.Progress | Where-Object Activity -EQ 'Creating MaestroQA tickets')
            $progress.Count | Should -BeGreaterOrEqual 3
            $progress[-1].RecordType | Should -Be 'Completed'
            # Rates and times come in the user's number format ("29.1" or "29,1"): read back as numbers.
            $number = { param($text) [double]::Parse($text, [cultureinfo]::CurrentCulture) }
            foreach ($record in $progress[0..($progress.Count - 2)]) {
                $record.StatusDescription -match '^(?<done>\d+) done \((?<created>\d+) created, 0 skipped, (?<failed>\d+) failed\), (?<rate>\d+[.,]\d)/s$' | Should -BeTrue -Because $record.StatusDescription
                [int]$Matches.done | Should -Be ([int]$Matches.created + [int]$Matches.failed)
                & $number $Matches.rate | Should -BeGreaterOrEqual 0
            }
            $summary = @($ps.Streams.Verbose.Message | Where-Object { $_ -like 'New-MqaTicket:*' })
            $summary | Should -HaveCount 1
            $summary[0] -match '^New-MqaTicket: 38 created, 0 skipped, 2 failed in (?<seconds>\d+[.,]\d) s \((?<rate>\d+[.,]\d) tickets/s\)\.$' | Should -BeTrue -Because $summary[0]
            & $number $Matches.seconds | Should -BeGreaterThan 0
            & $number $Matches.rate | Should -BeGreaterThan 0
        }
        finally { $ps.Dispose() }
    }
}

Describe '-IfExists' {
    BeforeAll {
        $rows = @(
            New-TicketRow 1 -Prefix new
            (New-TicketRow 2 -Prefix x | ForEach-Object { $_.gradable_id = 'dup-1'; $_.subject = 'From the CSV'; $_.status = 'solved'; $_.tags = 'from; csv'; $_ })
            New-TicketRow 3 -Prefix new
        )
    }
    BeforeEach {
        Reset-Server
        $seeded = Add-ServerTicket 'dup-1'
        $csv = New-TicketCsv $rows
    }

    It 'Error (the default): a ResourceExists error for that row only; the ticket is left alone' {
        $output = @(Import-Csv $csv | New-MqaTicket -ErrorVariable failed -ErrorAction SilentlyContinue)
        ($output.GradableId -join ',') | Should -Be 'new-00001,new-00003'
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MaestroQA.Conflict,*'
        $failed[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $failed[0].TargetObject.gradable_id | Should -Be 'dup-1'
        $failed[0].Exception.Message | Should -Match '409'
        ((Get-ServerTicket) | Where-Object gradable_id -EQ 'dup-1').subject | Should -Be 'Seeded dup-1'
        Get-TicketRequest PATCH | Should -HaveCount 0
    }

    It 'Skip: nothing for that row, one warning with the count, no error' {
        $output = @(Import-Csv $csv | New-MqaTicket -IfExists Skip -ErrorVariable failed -WarningVariable warned 3>$null)
        ($output.GradableId -join ',') | Should -Be 'new-00001,new-00003'
        @($failed) | Should -HaveCount 0
        @($warned) | Should -HaveCount 1
        "$($warned[0])" | Should -Be '1 ticket(s) already existed and were skipped (-IfExists Skip).'
        ((Get-ServerTicket) | Where-Object gradable_id -EQ 'dup-1').subject | Should -Be 'Seeded dup-1'
        Get-TicketRequest PATCH | Should -HaveCount 0
    }

    It 'Update: PATCHes the existing ticket with the row''s fields and outputs it' {
        $output = @(Import-Csv $csv | New-MqaTicket -IfExists Update -ErrorVariable failed)
        @($failed) | Should -HaveCount 0
        ($output.GradableId -join ',') | Should -Be 'new-00001,dup-1,new-00003'
        $output[1].Id | Should -Be $seeded._id
        $output[1].Subject | Should -Be 'From the CSV'
        $patch = Get-TicketRequest PATCH
        $patch | Should -HaveCount 1
        $patch[0].gradableId | Should -Be 'dup-1'
        $patch[0].status | Should -Be 200
        Compare-ServerTicket @(Import-Csv $csv) (Get-ServerTicket) | Should -BeNullOrEmpty
    }

    It 'Update on a helpdesk-synced ticket: a clear error for that row' {
        Reset-Server
        $null = Add-ServerTicket 'dup-1' -Synced
        $output = @(Import-Csv $csv | New-MqaTicket -IfExists Update -ErrorVariable failed -ErrorAction SilentlyContinue)
        $output | Should -HaveCount 2
        $failed | Should -HaveCount 1
        $failed[0].Exception.Message | Should -Match 'synced from helpdesk integrations cannot be manually updated'
        $failed[0].TargetObject.gradable_id | Should -Be 'dup-1'
    }
}

Describe '-WhatIf, Set-MqaTicket and Remove-MqaTicket' {
    BeforeEach { Reset-Server }

    It 'New-MqaTicket -WhatIf sends nothing and outputs nothing' {
        $output = @(Import-Csv (New-TicketCsv (1..5 | ForEach-Object { New-TicketRow $_ })) | New-MqaTicket -WhatIf)
        $output | Should -HaveCount 0
        Get-MqaMockRequest $server | Should -HaveCount 0
        Get-ServerTicket | Should -HaveCount 0
    }

    It 'Set-MqaTicket PATCHes the given fields from a row and leaves blank ones as they are' {
        $seeded = Add-ServerTicket 's-1'
        $row = [pscustomobject]@{ gradable_id = 's-1'; type = ''; subject = 'New subject'; agents = 'a2, a3'; link = ''; body = ''; tags = 'a; b'; status = 'closed'; csat_score = '4.5'; first_seen = ''; last_seen = '2024-05-01T12:00:00+02:00' }
        $output = @($row | Set-MqaTicket -PassThru)
        $output | Should -HaveCount 1
        $output[0].PSTypeNames[0] | Should -Be 'MaestroQA.Client.Models.MqaTicket'
        $output[0].Id | Should -Be $seeded._id
        $patch = Get-TicketRequest
        $patch | Should -HaveCount 1
        $patch[0].method | Should -Be 'PATCH'
        $ticket = Get-ServerTicket
        $ticket.subject | Should -Be 'New subject'
        $ticket.agents -join '|' | Should -Be 'a2|a3'
        $ticket.tags | Should -Be 'a,b'
        $ticket.status | Should -Be 'closed'
        $ticket.csat_score | Should -Be 4.5
        $ticket.last_seen | Should -Be '2024-05-01T10:00:00.000Z'
        $ticket.type | Should -Be 'chat'
        $ticket.link | Should -Be 'https://helpdesk.example.com/seed/s-1'
        $ticket.body | Should -Be 'Seeded body'
        $ticket.first_seen | Should -Be '2023-01-02T03:04:05.000Z'
    }

    It 'Set-MqaTicket takes bare gradable ids from the pipeline, as Remove-MqaTicket does' {
        $null = Add-ServerTicket 's-1'
        $null = Add-ServerTicket 's-2'
        $output = @('s-1', 's-2' | Set-MqaTicket -Status 'solved' -PassThru)
        $output.GradableId | Should -Be @('s-1', 's-2')
        (Get-TicketRequest).method | Should -Be @('PATCH', 'PATCH')
        (Get-ServerTicket).status | Should -Be @('solved', 'solved')
    }

    It 'Set-MqaTicket writes the ticket only with -PassThru, as Set-* cmdlets do' {
        $null = Add-ServerTicket 's-1'
        @(Set-MqaTicket -GradableId 's-1' -Status 'solved') | Should -HaveCount 0
        (Get-ServerTicket).status | Should -Be 'solved'
        (Set-MqaTicket -GradableId 's-1' -Status 'closed' -PassThru).Status | Should -Be 'closed'
    }

    It 'Set-MqaTicket and Remove-MqaTicket -WhatIf send nothing' {
        $null = Add-ServerTicket 's-1'
        Set-MqaTicket -GradableId 's-1' -Subject 'Changed' -WhatIf | Should -BeNullOrEmpty
        Remove-MqaTicket -GradableId 's-1' -WhatIf
        Remove-MqaTicket -GradableId 's-1' -Force -WhatIf
        Get-MqaMockRequest $server | Should -HaveCount 0
        (Get-ServerTicket).subject | Should -Be 'Seeded s-1'
    }

    It 'Remove-MqaTicket is ConfirmImpact High: it asks for each ticket, and deletes nothing when it cannot ask' {
        $attribute = (Get-Command Remove-MqaTicket).ImplementingType.GetCustomAttributes($true) | Where-Object { $_.GetType().Name -eq 'CmdletAttribute' }
        "$($attribute.ConfirmImpact)" | Should -Be 'High'
        $null = Add-ServerTicket 'r-1'
        $ps = [powershell]::Create()
        try {
            # No host to ask through: the confirmation PowerShell tries to show becomes an error instead.
            $null = $ps.AddScript("param(`$Session)`nImport-Module '$manifest' -ArgumentList $flavor`n'r-1' | Remove-MqaTicket -Session `$Session").AddParameters(@{ Session = New-TicketSession })
            $null = $ps.Invoke()
            @($ps.Streams.Error) | Should -HaveCount 1
            $ps.Streams.Error[0].FullyQualifiedErrorId | Should -BeLike 'HostFunctionNotImplemented,*'
            $ps.Streams.Error[0].Exception.Message | Should -Match 'target "r-1"'
        }
        finally { $ps.Dispose() }
        Get-MqaMockRequest $server | Should -HaveCount 0
        Get-ServerTicket | Should -HaveCount 1
    }

    It 'Remove-MqaTicket deletes with -Confirm:$false or -Force, from parameters or the pipeline' {
        'r-1', 'r-2', 'r-3', 'r-4' | ForEach-Object { $null = Add-ServerTicket $_ }
        Remove-MqaTicket -GradableId 'r-1' -Confirm:$false
        'r-2', 'r-3' | Remove-MqaTicket -Force
        [pscustomobject]@{ gradable_id = 'r-4'; subject = 'ignored' } | Remove-MqaTicket -Force
        Get-ServerTicket | Should -HaveCount 0
        $deletes = Get-TicketRequest DELETE
        ($deletes.gradableId | Sort-Object) -join ',' | Should -Be 'r-1,r-2,r-3,r-4'
        @($deletes | Where-Object status -NE 200) | Should -HaveCount 0
    }

    It 'helpdesk-synced tickets: Set and Remove give a clear error and change nothing' {
        $null = Add-ServerTicket 'synced-1' -Synced
        Set-MqaTicket -GradableId 'synced-1' -Subject 'Changed' -ErrorVariable setFailed -ErrorAction SilentlyContinue
        Remove-MqaTicket -GradableId 'synced-1' -Force -ErrorVariable removeFailed -ErrorAction SilentlyContinue
        $setFailed | Should -HaveCount 1
        $setFailed[0].FullyQualifiedErrorId | Should -BeLike 'MaestroQA.InvalidRequest,*'
        $setFailed[0].Exception.Message | Should -Match 'synced from helpdesk integrations cannot be manually updated'
        $removeFailed | Should -HaveCount 1
        $removeFailed[0].Exception.Message | Should -Match 'synced from helpdesk integrations cannot be manually deleted'
        $removeFailed[0].TargetObject | Should -Be 'synced-1'
        $ticket = Get-ServerTicket
        $ticket | Should -HaveCount 1
        $ticket.subject | Should -Be 'Seeded synced-1'
    }

    It 'unknown ids: Set and Remove give ObjectNotFound for that id' {
        Set-MqaTicket -GradableId 'nope' -Subject 'x' -ErrorVariable setFailed -ErrorAction SilentlyContinue
        'nope', 'nope-2' | Remove-MqaTicket -Force -ErrorVariable removeFailed -ErrorAction SilentlyContinue
        $setFailed | Should -HaveCount 1
        $setFailed[0].FullyQualifiedErrorId | Should -BeLike 'MaestroQA.NotFound,*'
        $setFailed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $setFailed[0].TargetObject.GradableId | Should -Be 'nope'
        $removeFailed | Should -HaveCount 2
        ($removeFailed.CategoryInfo.Category -join ',') | Should -Be 'ObjectNotFound,ObjectNotFound'
        ($removeFailed.TargetObject -join ',') | Should -Be 'nope,nope-2'
    }
}

Describe 'Dates with no zone' {
    BeforeEach { Reset-Server }

    It 'reads a date with no zone as local time, from a CSV cell and from parameters' -Tag LocalTime {
        $winter = (ConvertTo-ExpectedUtc '2024-01-31T08:00:00') -replace 'Z$', '.000Z'
        $summer = (ConvertTo-ExpectedUtc '2024-06-15T12:00:00') -replace 'Z$', '.000Z'
        $row = New-TicketRow 1 -Prefix local
        $row.first_seen = '2024-01-31 08:00:00'
        $row.last_seen = '2024-06-15T12:00:00'
        $null = Import-Csv (New-TicketCsv $row) | New-MqaTicket
        $fromCsv = Get-ServerTicket | Where-Object gradable_id -EQ 'local-00001'
        $fromCsv.first_seen | Should -Be $winter
        $fromCsv.last_seen | Should -Be $summer

        $null = New-MqaTicket -GradableId 'local-param' -Type email -Subject 'S' -Agent 'a1' -Link 'https://helpdesk.example.com/p/2' -Body 'B' `
            -FirstSeen ([datetime]::new(2024, 1, 31, 8, 0, 0)) -LastSeen '2024-06-15 12:00:00'
        $fromParameters = Get-ServerTicket | Where-Object gradable_id -EQ 'local-param'
        $fromParameters.first_seen | Should -Be $winter
        $fromParameters.last_seen | Should -Be $summer
        Set-MqaTicket -GradableId 'local-param' -LastSeen '2024-01-31T08:00:00'
        (Get-ServerTicket | Where-Object gradable_id -EQ 'local-param').last_seen | Should -Be $winter
    }
}

Describe 'The token' {
    It 'never appears in any stream, error or session view, even retrying and verbose' {
        # Two 429s at the start (one hold of the easy class, its warning and verbose lines), then the random faults.
        Reset-Server -Faults @{ seed = 3; sequence = @('429', '429'); rate503 = 0.15; resetRate = 0.05; faultAfterCommitRate = 0.05 }
        $null = Add-ServerTicket 'tok-00003'
        $session = New-TicketSession -MaximumRetryCount 10
        $csv = New-TicketCsv (1..60 | ForEach-Object { New-TicketRow $_ -Prefix tok })
        $everything = @(& {
                # Every error is collected here, whatever the runner's preference.
                $ErrorActionPreference = 'Continue'
                $session
                $session.ToString()
                $session | Format-List * | Out-String
                Get-MqaSession | Format-List * | Out-String
                Import-Csv $csv | New-MqaTicket -Session $session -Verbose
                Import-Csv $csv | New-MqaTicket -Session $session -Verbose -IfExists Skip
                Set-MqaTicket -GradableId 'nope' -Subject 'x' -Session $session -Verbose
            } *>&1)
        $errors = @($everything | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $verbose = @($everything | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        $errors.Count | Should -BeGreaterOrEqual 2 -Because 'a conflict and a 404'
        ($verbose.Message -join "`n") | Should -Match 'retrying in'
        ($verbose.Message -join "`n") | Should -Match 'New-MqaTicket: 59 created, 0 skipped, 1 failed'
        $text = ($everything | Out-String) + ($errors | ForEach-Object { $_.ToString(); $_.Exception.ToString(); $_ | Format-List * -Force | Out-String; $_.InvocationInfo | Out-String } | Out-String)
        $text | Should -Match 'tok-00001'
        $text | Should -Not -Match ([regex]::Escape($server.Token))
        @(Get-MqaMockRequest $server | Where-Object tokenTail -NE $server.Token.Substring($server.Token.Length - 4)) | Should -HaveCount 0 -Because 'the token did reach the server'
    }
}
