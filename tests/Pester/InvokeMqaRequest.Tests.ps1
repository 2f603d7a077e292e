# Invoke-MqaRequest: any route through the session, for what the module does not wrap. Each test proves what was sent
# from the local server's record: how many requests, to which route and host, with which token, query and body.
BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $server = Start-MqaMockServer
    $secret = $server.Token
    $tail = $secret.Substring($secret.Length - 4)
    $port = ([uri]$server.Url).Port

    # Windows a tenth of their documented length on both sides (50 ms of margin on the client: the server counts
    # arrivals), and today's edition (GET agents and tickets) unless a test asks for the article's. Tokens of their own
    # for the tests that draw 429s (each holds its class) or read a limiter's count.
    $limits = @{ demandingPerSecond = 1; demandingPerMinute = 30; easyPerSecond = 10; easyPerMinute = 100; windowScale = 0.1 }
    $ownTokens = @(1..8 | ForEach-Object { "mqa-raw-own-$_" })
    function Reset-Server([hashtable] $Faults = @{}, [string] $ApiProfile = 'current', [hashtable] $Moved = @{ status = 308 }) {
        Reset-MqaMockServer $server
        Set-MqaMockConfig $server @{
            limits = $limits; validTokens = @($secret) + $ownTokens; exportRequestedMs = 0; exportInProgressMs = 0
            api = @{ profile = $ApiProfile; moved = $Moved }; faults = $Faults
        }
    }
    function New-RawSession([string] $Token = $secret, [string] $BaseUri = $server.ApiUri, [int] $MaximumRetryCount = 2, [double] $WindowScale = 0.1) {
        New-MqaSession -ApiToken $Token -BaseUri $BaseUri -MaximumRetryCount $MaximumRetryCount -RetryIntervalSec 0.05 `
            -DemandingRateLimit @{ PerSecond = 1; PerMinute = 30; WindowScale = $WindowScale; SafetyMarginMs = 50 } `
            -EasyRateLimit @{ PerSecond = 10; PerMinute = 100; WindowScale = $WindowScale; SafetyMarginMs = 50 }
    }
    function Get-Sent { @(Get-MqaMockRequest $server) }
    function Get-ServerTicket([string] $Id) { @(Invoke-MqaMockAdmin -Server $server -Path tickets -DatesAsText | Where-Object { $_.gradable_id -ceq $Id }) }
    function Add-ServerTicket([string] $Id, $Attributes) {
        $ticket = @{ ticket_id = $Id; type = 'chat'; subject = "Seeded $Id"; agents = @('agent_1'); body = 'Seeded body' }
        if ($null -ne $Attributes) { $ticket.attributes = $Attributes }
        $null = Invoke-MqaMockAdmin -Server $server -Path tickets -Method Post -Body $ticket
    }
    # The server's answer read past the module, with the token in its header (the module's own way is what is tested).
    function Get-ServerAnswer([string] $Path) {
        $ProgressPreference = 'SilentlyContinue'
        (Invoke-WebRequest -UseBasicParsing -Uri "$($server.ApiUri)$Path" -Headers @{ apitoken = $secret }).Content
    }
    # A query string as name/value pairs, unescaped: what the server reads from it.
    function Read-Query([string] $Query) {
        $pairs = [ordered]@{}
        foreach ($pair in $Query.TrimStart('?').Split('&')) {
            $parts = $pair.Split('=')
            $parts | Should -HaveCount 2 -Because "'$pair' is one name and one value"
            $pairs[[uri]::UnescapeDataString($parts[0])] = [uri]::UnescapeDataString($parts[1])
        }
        $pairs
    }
    # Custom fields of every kind the wire carries (as a [pscustomobject] too, for the bodies given as objects).
    $attributes = [ordered]@{
        plan  = 'gold'; seats = 12; ratio = 0.75; vip = $true; churn = $null; regions = @('emea', 'apac')
        owner = [ordered]@{ name = "Ana ""A"", J$([char]0xFC)rgen`nline two"; teams = @(1, 2, [ordered]@{ lead = $true }) }
    }
    $attributesJson = ConvertTo-SortedJson $attributes
}

AfterAll {
    Disconnect-Mqa
    Stop-MqaMockServer $server
}

Describe 'Paths: relative to the session''s BaseUri, or absolute on its own host' {
    BeforeEach { Reset-Server }

    It 'a relative path, one starting with /, the base''s own /api/v1/ path and an absolute URI on the session''s host all reach GET agents, with the session''s token' {
        $session = New-RawSession
        $count = @(Get-ServerAnswer agents | ConvertFrom-Json | ForEach-Object { $_ }).Count
        Clear-MqaMockRequest $server
        foreach ($path in 'agents', '/agents', '/api/v1/agents', "$($server.ApiUri)agents") {
            @(Invoke-MqaRequest Get $path -Session $session) | Should -HaveCount $count -Because $path
        }
        $sent = Get-Sent
        ($sent | ForEach-Object { '{0} {1} {2} {3} {4}' -f $_.method, $_.route, $_.status, $_.tokenSource, $_.tokenTail }) | Should -Be @(1..4 | ForEach-Object { "GET agents 200 header $tail" })
    }

    It 'an absolute URI on <Name>: MaestroQA.InvalidRequest, and nothing is sent' -ForEach @(
        @{ Name = 'another name for this machine (localhost)'; Uri = 'http://localhost:{0}/api/v1/agents' }
        @{ Name = 'MaestroQA''s own host, which is not this session''s'; Uri = 'https://app.rippit.com/api/v1/agents' }
        @{ Name = 'a host of no one''s'; Uri = 'https://api.example.com/api/v1/agents' }
        @{ Name = 'another host, written without a scheme'; Uri = '//localhost:{0}/api/v1/agents' }
    ) {
        $target = $Uri -f $port
        $output = Invoke-MqaRequest Get $target -Session (New-RawSession) -ErrorVariable failed -ErrorAction SilentlyContinue
        $output | Should -BeNullOrEmpty
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MaestroQA.InvalidRequest,*'
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failed[0].Exception.Message | Should -Match 'Nothing was sent'
        Get-Sent | Should -HaveCount 0
    }
}

Describe 'What it writes' {
    BeforeEach { Reset-Server }

    It 'a JSON array: one [pscustomobject] per item, each as the server sent it' {
        $answer = Get-ServerAnswer agents
        Clear-MqaMockRequest $server
        $output = @(Invoke-MqaRequest Get agents -Session (New-RawSession))
        $output.Count | Should -BeGreaterThan 1
        # [pscustomobject] is PSObject, which anything written can be; the object under it must be a PSCustomObject.
        @($output | Where-Object { -not ($_ -is [pscustomobject] -and $_ -is [System.Management.Automation.PSCustomObject]) }) | Should -HaveCount 0
        ConvertTo-SortedJson $output | Should -BeExactly (ConvertTo-SortedJson ($answer | ConvertFrom-Json))
        (Get-Sent).route | Should -Be @('agents')
    }

    It 'one JSON object: one [pscustomobject], its nested objects [pscustomobject]s and its lists arrays' {
        Add-ServerTicket 'out-1' $attributes
        $output = @(Invoke-MqaRequest Get tickets/out-1 -Session (New-RawSession))
        $output | Should -HaveCount 1
        $output[0] -is [System.Management.Automation.PSCustomObject] | Should -BeTrue
        $output[0].ticket_id | Should -Be 'out-1'
        $output[0].attributes -is [System.Management.Automation.PSCustomObject] | Should -BeTrue
        $output[0].attributes.owner -is [System.Management.Automation.PSCustomObject] | Should -BeTrue
        , $output[0].attributes.regions | Should -BeOfType [object[]]
        $output[0].attributes.owner.teams[2].lead | Should -BeTrue
        ConvertTo-SortedJson $output[0].attributes | Should -BeExactly $attributesJson
    }

    It '-OutputType HashTable: [hashtable]s all the way down, the same values' {
        Add-ServerTicket 'out-2' $attributes
        $session = New-RawSession
        $ticket = @(Invoke-MqaRequest Get tickets/out-2 -OutputType HashTable -Session $session)
        $ticket | Should -HaveCount 1
        $ticket[0] -is [hashtable] | Should -BeTrue
        $ticket[0].attributes -is [hashtable] | Should -BeTrue
        $ticket[0].attributes.owner -is [hashtable] | Should -BeTrue
        $ticket[0].attributes.owner.teams[2] -is [hashtable] | Should -BeTrue
        ConvertTo-SortedJson $ticket[0].attributes | Should -BeExactly $attributesJson
        $agents = @(Invoke-MqaRequest Get agents -OutputType HashTable -Session $session)
        @($agents | Where-Object { $_ -isnot [hashtable] }) | Should -HaveCount 0
        ConvertTo-SortedJson $agents | Should -BeExactly (ConvertTo-SortedJson (Get-ServerAnswer agents | ConvertFrom-Json))
    }

    It '-OutputType Json: the body as one [string], exactly as sent' {
        $answer = Get-ServerAnswer agents
        $output = @(Invoke-MqaRequest Get agents -OutputType Json -Session (New-RawSession))
        $output | Should -HaveCount 1
        $output[0] | Should -BeOfType [string]
        $output[0] | Should -BeExactly $answer
    }

    It 'an empty body (DELETE) writes nothing' {
        Add-ServerTicket 'out-3' $null
        $output = @(Invoke-MqaRequest Delete tickets/out-3 -Confirm:$false -StatusCodeVariable status -Session (New-RawSession))
        $output | Should -HaveCount 0
        $status | Should -Be 200
        ((Get-Sent) | ForEach-Object { '{0} {1} {2}' -f $_.method, $_.route, $_.status }) | Should -Be @('DELETE tickets 200')
        Get-ServerTicket 'out-3' | Should -HaveCount 0
    }

    It 'a body that is not JSON (a gateway''s 503 page, with -SkipHttpErrorCheck) is written as text, after the retries' {
        Reset-Server -Faults @{ rate503 = 1.0; routes = @('agents') }
        $output = @(Invoke-MqaRequest Get agents -SkipHttpErrorCheck -StatusCodeVariable status -Session (New-RawSession))
        $output | Should -HaveCount 1
        $output[0] | Should -BeOfType [string]
        $output[0] | Should -Match '<title>503 Service Temporarily Unavailable</title>'
        $status | Should -Be 503
        (Get-Sent).status | Should -Be @(503, 503, 503) -Because 'a GET is retried (-MaximumRetryCount 2) before the last answer is written'
    }
}

Describe '-Body' {
    BeforeEach { Reset-Server }

    It 'given as <Name>: sent as JSON (here in de-DE), stored as given' -ForEach @(
        @{ Name = 'JSON text'; Id = 'body-text'; Make = { param($fields) ConvertTo-SortedJson $fields } }
        @{ Name = 'a hashtable'; Id = 'body-hashtable'; Make = { param($fields) $table = @{}; foreach ($key in $fields.Keys) { $table[$key] = $fields[$key] }; $table } }
        @{ Name = 'an [ordered] dictionary'; Id = 'body-ordered'; Make = { param($fields) $fields } }
        @{ Name = 'a [pscustomobject], nested ones inside'; Id = 'body-object'; Make = {
                param($fields)
                $object = [pscustomobject]$fields
                $object.attributes = [pscustomobject]@{ plan = 'gold'; seats = 12; ratio = 0.75; vip = $true; churn = $null; regions = @('emea', 'apac')
                    owner = [pscustomobject]@{ name = "Ana ""A"", J$([char]0xFC)rgen`nline two"; teams = @(1, 2, [pscustomobject]@{ lead = $true }) }
                }
                $object
            }
        }
        @{ Name = 'what ConvertFrom-Json made'; Id = 'body-converted'; Make = { param($fields) ConvertTo-SortedJson $fields | ConvertFrom-Json } }
    ) {
        $fields = [ordered]@{ ticket_id = $Id; type = 'chat'; subject = 'By body'; agents = @('agent_1', 'agent_2'); body = 'B'; first_seen = '2024-01-31T08:00:00Z'; attributes = $attributes }
        $saved = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = [cultureinfo]::GetCultureInfo('de-DE')
            $output = @(Invoke-MqaRequest Post tickets -Body (& $Make $fields) -StatusCodeVariable status -Session (New-RawSession))
        }
        finally { [cultureinfo]::CurrentCulture = $saved }
        $status | Should -Be 201
        $output | Should -HaveCount 1
        $output[0].ticket_id | Should -Be $Id
        ((Get-Sent) | ForEach-Object { '{0} {1} {2} {3}' -f $_.method, $_.route, $_.status, $_.gradableId }) | Should -Be @("POST tickets 201 $Id")
        $stored = Get-ServerTicket $Id
        $stored | Should -HaveCount 1
        ConvertTo-SortedJson $stored[0].attributes | Should -BeExactly $attributesJson
        ($stored[0].agents -join '|') | Should -Be 'agent_1|agent_2'
        $stored[0].first_seen | Should -Be '2024-01-31T08:00:00.000Z'
    }

    It 'a [datetime] or [DateTimeOffset] in a body is sent in UTC as yyyy-MM-ddTHH:mm:ssZ' {
        $body = @{ ticket_id = 'body-dates'; type = 'chat'; subject = 'S'; agents = @('a1'); body = 'B'
            first_seen = [datetime]::new(2024, 1, 31, 8, 0, 0, [DateTimeKind]::Utc); last_seen = [DateTimeOffset]::new(2024, 2, 1, 11, 30, 0, [TimeSpan]::FromHours(2))
            attributes = @{ renewal = [DateTimeOffset]::new(2024, 3, 1, 0, 0, 0, [TimeSpan]::FromHours(-5)) }
        }
        $null = Invoke-MqaRequest Post tickets -Body $body -Session (New-RawSession)
        $stored = (Get-ServerTicket 'body-dates')[0]
        $stored.first_seen | Should -Be '2024-01-31T08:00:00.000Z'
        $stored.last_seen | Should -Be '2024-02-01T09:30:00.000Z'
        $stored.attributes.renewal | Should -BeExactly '2024-03-01T05:00:00Z'
    }

    It 'JSON text that is not JSON (<Name>): MaestroQA.InvalidRequest, and nothing is sent' -ForEach @(
        @{ Name = 'cut short'; Text = '{"ticket_id":"t-1",' }
        @{ Name = 'a bare word'; Text = 'hello' }
        @{ Name = 'single quotes'; Text = "{'ticket_id':'t-1'}" }
        @{ Name = 'empty'; Text = '' }
    ) {
        $output = Invoke-MqaRequest Post tickets -Body $Text -Session (New-RawSession) -ErrorVariable failed -ErrorAction SilentlyContinue
        $output | Should -BeNullOrEmpty
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MaestroQA.InvalidRequest,*'
        $failed[0].Exception.Message | Should -Match 'Nothing was sent'
        Get-Sent | Should -HaveCount 0
    }

    It 'a value JSON cannot carry (NaN): MaestroQA.InvalidRequest, and nothing is sent' {
        $output = Invoke-MqaRequest Post tickets -Body @{ ticket_id = 't-nan'; csat_score = [double]::NaN } -Session (New-RawSession) -ErrorVariable failed -ErrorAction SilentlyContinue
        $output | Should -BeNullOrEmpty
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MaestroQA.InvalidRequest,*'
        Get-Sent | Should -HaveCount 0
    }

    # In a pwsh of its own: should the module recurse for ever, the stack overflow ends that process, not this one.
    It 'a hashtable that holds itself: MaestroQA.InvalidRequest, and nothing is sent' -Tag CoreOnly {
        $script = "Import-Module '{0}' -ArgumentList {1}; `$session = New-MqaSession -ApiToken '{2}' -BaseUri '{3}'; `$body = @{{ ticket_id = 't-loop' }}; `$body.self = `$body; " +
        "try {{ Invoke-MqaRequest Post tickets -Body `$body -Session `$session -ErrorAction Stop; 'sent' }} catch {{ 'error: ' + `$_.FullyQualifiedErrorId }}"
        $info = [System.Diagnostics.ProcessStartInfo]::new((Join-Path $PSHOME 'pwsh'))
        foreach ($argument in '-NoProfile', '-NonInteractive', '-Command', ($script -f (Resolve-Path $manifest).Path, $flavor, $secret, $server.ApiUri)) { $info.ArgumentList.Add($argument) }
        $info.RedirectStandardOutput = $true
        $info.RedirectStandardError = $true
        $info.UseShellExecute = $false
        $child = [System.Diagnostics.Process]::Start($info)
        $errorText = $child.StandardError.ReadToEndAsync()
        $output = $child.StandardOutput.ReadToEnd()
        $child.WaitForExit()
        $errorText.Result | Should -Not -Match 'Stack overflow'
        $child.ExitCode | Should -Be 0
        $output.Trim() | Should -BeLike 'error: MaestroQA.InvalidRequest,*'
        Get-Sent | Should -HaveCount 0
    }
}

Describe '-Query' {
    BeforeEach { Reset-Server }

    It 'names and values escaped, a list comma-joined, dates in UTC as yyyy-MM-ddTHH:mm:ssZ, booleans in lower case, numbers invariant (here de-DE)' -Tag LocalTime {
        $query = [ordered]@{
            q           = 'a b&c=d/e?f+g'
            ids         = @('x', 'y z')
            utc         = [datetime]::new(2024, 1, 31, 8, 0, 0, [DateTimeKind]::Utc)
            offset      = [DateTimeOffset]::new(2024, 1, 31, 10, 0, 0, [TimeSpan]::FromHours(2))
            local       = [datetime]::new(2025, 3, 1, 8, 30, 0)
            flag        = $true
            n           = 1.5
            'odd name&' = 'v'
        }
        $saved = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = [cultureinfo]::GetCultureInfo('de-DE')
            $null = Invoke-MqaRequest Get agents -Query $query -Session (New-RawSession)
        }
        finally { [cultureinfo]::CurrentCulture = $saved }
        $sent = Get-Sent
        $sent | Should -HaveCount 1
        $sent[0].status | Should -Be 200
        $sent[0].query | Should -Match 'q=a%20b%26c%3Dd%2Fe%3Ff%2Bg(&|$)' -Because 'a space is %20 and a + is %2B, so neither reads as the other'
        $read = Read-Query $sent[0].query
        @($read.Keys) | Should -Be @('q', 'ids', 'utc', 'offset', 'local', 'flag', 'n', 'odd name&')
        $read.q | Should -BeExactly 'a b&c=d/e?f+g'
        $read.ids | Should -BeExactly 'x,y z'
        $read.utc | Should -BeExactly '2024-01-31T08:00:00Z'
        $read.offset | Should -BeExactly '2024-01-31T08:00:00Z'
        $read.local | Should -BeExactly (ConvertTo-ExpectedUtc '2025-03-01T08:30:00')
        $read.flag | Should -BeExactly 'true'
        $read.n | Should -BeExactly '1.5'
        $read['odd name&'] | Should -BeExactly 'v'
    }

    It 'the server reads a list as its comma-separated ids: GET tickets -Query @{ ticket_ids = ... }, in the order asked' {
        Add-ServerTicket 'q-1' $null
        Add-ServerTicket 'q-2' $null
        $session = New-RawSession
        $output = @(Invoke-MqaRequest Get tickets -Query @{ ticket_ids = @('q-2', 'nope', 'q-1') } -Session $session)
        $output.ticket_id | Should -Be @('q-2', 'q-1')
        @(Invoke-MqaRequest Get tickets -Query @{ ticket_ids = 'nope' } -Session $session) | Should -HaveCount 0 -Because 'an empty JSON array is no items'
        (Get-Sent).status | Should -Be @(200, 200)
    }

    It 'joins the query the path already has' {
        Add-ServerTicket 'q-3' $null
        $output = @(Invoke-MqaRequest Get 'tickets?ticket_ids=q-3' -Query @{ extra = 'y' } -Session (New-RawSession))
        $output.ticket_id | Should -Be @('q-3')
        (Get-Sent)[0].query | Should -BeExactly '?ticket_ids=q-3&extra=y'
    }
}

Describe '-Headers' {
    BeforeEach { Reset-Server -ApiProfile article }

    It 'are sent: POST request-raw-export, then GET get-export-data with the id in an exportId header (the seed article''s edition)' {
        $session = New-RawSession
        $requested = Invoke-MqaRequest Post request-raw-export -Body @{ startDate = [DateTimeOffset]::new(2025, 1, 1, 0, 0, 0, [TimeSpan]::Zero); endDate = '2025-01-31T00:00:00Z'; name = 'raw' } -Session $session
        $requested.exportId | Should -Not -BeNullOrEmpty
        (Invoke-MqaMockAdmin -Server $server -Path "exports/$($requested.exportId)" -DatesAsText).startDate | Should -Be '2025-01-01T00:00:00.000Z'
        $status = Invoke-MqaRequest Get get-export-data -Headers @{ exportId = $requested.exportId } -Session $session
        $status.status | Should -Be 'complete'
        $status.dataUrl | Should -Match '/downloads/'
        $polls = @(Get-Sent | Where-Object route -EQ 'get-export-data')
        $polls | Should -HaveCount 1
        $polls[0].exportId | Should -Be $requested.exportId
        $polls[0].status | Should -Be 200
    }

    It 'a header value holding a line break is refused, and nothing is sent' {
        $null = Invoke-MqaRequest Get agents -Headers @{ 'X-Note' = "a`r`nX-Other: b" } -Session (New-RawSession) -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MaestroQA.*'
        $failed[0].Exception.Message | Should -Match 'control character'
        Get-Sent | Should -HaveCount 0
    }
}

Describe 'The token is the session''s' {
    BeforeEach { Reset-Server }

    It '<Name>: MaestroQA.InvalidRequest, and nothing is sent' -ForEach @(
        @{ Name = 'an apitoken header'; Call = { param($s) Invoke-MqaRequest Get agents -Headers @{ apitoken = 'mqa-test-token-0002' } -Session $s -ErrorVariable failed -ErrorAction SilentlyContinue } }
        @{ Name = 'an APITOKEN header'; Call = { param($s) Invoke-MqaRequest Get agents -Headers @{ APITOKEN = 'mqa-test-token-0002' } -Session $s -ErrorVariable failed -ErrorAction SilentlyContinue } }
        @{ Name = 'an apiToken field in JSON text'; Call = { param($s) Invoke-MqaRequest Post tickets -Body '{"apiToken":"mqa-test-token-0002","ticket_id":"t-1"}' -Session $s -ErrorVariable failed -ErrorAction SilentlyContinue } }
        @{ Name = 'an apitoken key in a hashtable body'; Call = { param($s) Invoke-MqaRequest Post request-raw-export -Body @{ apitoken = 'mqa-test-token-0002'; startDate = '2025-01-01T00:00:00Z'; endDate = '2025-01-02T00:00:00Z' } -Session $s -ErrorVariable failed -ErrorAction SilentlyContinue } }
        @{ Name = 'an ApiToken property of a [pscustomobject] body'; Call = { param($s) Invoke-MqaRequest Post request-raw-export -Body ([pscustomobject]@{ ApiToken = 'mqa-test-token-0002' }) -Session $s -ErrorVariable failed -ErrorAction SilentlyContinue } }
        @{ Name = 'an apiToken key in -Query'; Call = { param($s) Invoke-MqaRequest Get agents -Query @{ apiToken = 'mqa-test-token-0002' } -Session $s -ErrorVariable failed -ErrorAction SilentlyContinue } }
        @{ Name = 'an apiToken key in the path''s own query'; Call = { param($s) Invoke-MqaRequest Get 'agents?apiToken=mqa-test-token-0002' -Session $s -ErrorVariable failed -ErrorAction SilentlyContinue } }
    ) {
        # Dot-sourced, so -ErrorVariable sets $failed here.
        $failed = $null
        $output = . $Call (New-RawSession)
        $output | Should -BeNullOrEmpty
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MaestroQA.InvalidRequest,*'
        $failed[0].Exception.Message | Should -Not -Match 'mqa-test-token-0002'
        Get-Sent | Should -HaveCount 0
    }

    It 'never shows in any output, stream or error, failing, retrying, verbose or trying to pass it in a header' {
        Reset-Server -Faults @{ seed = 5; rate503 = 0.5; routes = @('agents') }
        $session = New-RawSession -MaximumRetryCount 5
        $expired = New-RawSession -Token 'mqa-expired-token-0003'
        $everything = @(& {
                $ErrorActionPreference = 'Continue'
                $session | Format-List * | Out-String
                Invoke-MqaRequest Get agents -Session $session -Verbose -Debug -ResponseHeadersVariable headers -StatusCodeVariable status
                $headers | Out-String
                Invoke-MqaRequest Get agents/nope -Session $session -Verbose
                Invoke-MqaRequest Get agents/nope -Session $session -Verbose -SkipHttpErrorCheck -OutputType Json
                Invoke-MqaRequest Post tickets -Body @{ subject = 'no id' } -Session $session -Verbose
                Invoke-MqaRequest Get agents -Headers @{ apitoken = $secret } -Session $session -Verbose
                try { Invoke-MqaRequest Get agents -Session $expired -Verbose } catch { $_ }
            } *>&1)
        $errors = @($everything | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $errors.Count | Should -BeGreaterOrEqual 4 -Because 'a 404, a 400, a refused header and a 401'
        @($everything | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 0
        $text = ($everything | Out-String) + ($errors | ForEach-Object { $_.ToString(); $_.Exception.ToString(); $_ | Format-List * -Force | Out-String; $_.InvocationInfo | Out-String; "$($_.TargetObject)" } | Out-String)
        $text | Should -Match 'Agent ''nope'' not found'
        $text | Should -Not -Match ([regex]::Escape($secret))
        $text | Should -Not -Match 'mqa-expired-token-0003'
        $sent = Get-Sent
        @($sent | Where-Object status -EQ 503).Count | Should -BeGreaterThan 0 -Because 'the retries were drawn'
        @($sent | Where-Object { $_.tokenSource -ne 'header' }) | Should -HaveCount 0
        @($sent | Where-Object { $_.tokenTail -notin $tail, '0003' }) | Should -HaveCount 0 -Because 'the session''s token reached the server, and only in its header'
    }
}

Describe 'Errors, -SkipHttpErrorCheck, -StatusCodeVariable and -ResponseHeadersVariable' {
    BeforeEach {
        Reset-Server
        Add-ServerTicket 'taken' $null
        $cases = @{
            404 = @{ Method = 'Get'; Path = 'agents/nope'; Body = $null; Token = $secret; Message = 'Agent ''nope'' not found' }
            400 = @{ Method = 'Post'; Path = 'tickets'; Body = @{ subject = 'no id' }; Token = $secret; Message = 'ticket_id' }
            409 = @{ Method = 'Post'; Path = 'tickets'; Body = @{ ticket_id = 'taken'; type = 'chat'; subject = 'S'; agents = @('a1'); body = 'B' }; Token = $secret; Message = 'taken' }
            401 = @{ Method = 'Get'; Path = 'agents'; Body = $null; Token = 'mqa-expired-token-0003'; Message = 'expire' }
        }
        function Invoke-Case([int] $Status, [switch] $Skip) {
            $case = $cases[$Status]
            $call = @{ Method = $case.Method; Path = $case.Path; Session = (New-RawSession -Token $case.Token); SkipHttpErrorCheck = $Skip }
            if ($null -ne $case.Body) { $call.Body = $case.Body }
            Invoke-MqaRequest @call -StatusCodeVariable script:code -ErrorAction Stop
        }
    }

    It '<Status>: <ErrorId> (<Category>), -StatusCodeVariable set, nothing written' -ForEach @(
        @{ Status = 404; ErrorId = 'MaestroQA.NotFound'; Category = 'ObjectNotFound' }
        @{ Status = 400; ErrorId = 'MaestroQA.InvalidRequest'; Category = 'InvalidArgument' }
        @{ Status = 409; ErrorId = 'MaestroQA.Conflict'; Category = 'ResourceExists' }
        @{ Status = 401; ErrorId = 'MaestroQA.Unauthorized'; Category = 'AuthenticationError' }
    ) {
        $script:code = $null
        $output = $null
        $failure = $null
        try { $output = Invoke-Case $Status } catch { $failure = $_ }
        $output | Should -BeNullOrEmpty
        $failure | Should -Not -BeNullOrEmpty
        $failure.FullyQualifiedErrorId | Should -Be "$ErrorId,MaestroQA.PowerShell.Cmdlets.Requests.InvokeMqaRequestCommand"
        $failure.CategoryInfo.Category | Should -Be $Category
        $failure.Exception.Message | Should -Match $cases[$Status].Message
        $script:code | Should -Be $Status
        @(Get-Sent | Where-Object status -EQ $Status) | Should -HaveCount 1 -Because 'a 4xx is not retried'
    }

    It '<_> with -SkipHttpErrorCheck: its body written, -StatusCodeVariable set, no error' -ForEach 404, 400, 409, 401 {
        $script:code = $null
        $output = @(Invoke-Case $_ -Skip)
        $output | Should -HaveCount 1
        $output[0].message | Should -Match $cases[$_].Message
        $script:code | Should -Be $_
        @(Get-Sent | Where-Object status -EQ $_) | Should -HaveCount 1
    }

    It '-ResponseHeadersVariable: the answer''s headers, by name in any case' {
        $null = Invoke-MqaRequest Get agents -ResponseHeadersVariable headers -Session (New-RawSession)
        $headers['Content-Type'][0] | Should -Match '^application/json'
        $headers['content-type'][0] | Should -Be $headers['Content-Type'][0]
    }

    It 'a 429 is waited out and retried for <Method> <Path><Skip>, and the answer written' -ForEach @(
        @{ Method = 'Get'; Path = 'agents'; Route = 'agents'; Skip = ' with -SkipHttpErrorCheck'; Token = 'mqa-raw-own-1' }
        @{ Method = 'Post'; Path = 'request-raw-export'; Route = 'request-raw-export'; Skip = ''; Token = 'mqa-raw-own-2' }
    ) {
        # A token of its own, whose class the 429 holds for a hundredth of a minute.
        Reset-Server -Faults @{ sequence = @('429'); routes = @($Route) }
        $call = @{ Session = (New-RawSession -Token $Token -WindowScale 0.01); SkipHttpErrorCheck = [bool]$Skip }
        if ($Method -eq 'Post') { $call.Body = @{ startDate = '2025-01-01T00:00:00Z'; endDate = '2025-01-02T00:00:00Z' } }
        $output = @(Invoke-MqaRequest $Method $Path @call -StatusCodeVariable status -WarningVariable warned -WarningAction SilentlyContinue)
        $status | Should -Be 200
        $output.Count | Should -BeGreaterThan 0
        (Get-Sent).status | Should -Be @(429, 200)
        @($warned | Where-Object { "$_" -match '429' }) | Should -HaveCount 1
        if ($Method -eq 'Post') {
            $made = @(Get-MqaMockExport $server)
            $made | Should -HaveCount 1 -Because 'the server refused the first before doing anything'
            $output[0].exportId | Should -Be $made[0].exportId
        }
    }
}

Describe 'Retries: 5xx and dropped connections only where sending again is safe' {
    It '<Fault> on <Method> <Path>: <Count> request(s)' -ForEach @(
        @{ Fault = '500'; Faults = @{ rate500 = 1.0 }; Method = 'Get'; Path = 'agents'; Count = 3; ErrorId = 'MaestroQA.ServerError' }
        @{ Fault = '500'; Faults = @{ rate500 = 1.0 }; Method = 'Delete'; Path = 'tickets/r-1'; Count = 3; ErrorId = 'MaestroQA.ServerError' }
        @{ Fault = '500'; Faults = @{ rate500 = 1.0 }; Method = 'Post'; Path = 'tickets'; Count = 1; ErrorId = 'MaestroQA.ServerError' }
        @{ Fault = '500'; Faults = @{ rate500 = 1.0 }; Method = 'Patch'; Path = 'tickets/r-1'; Count = 1; ErrorId = 'MaestroQA.ServerError' }
        @{ Fault = 'a dropped connection'; Faults = @{ resetRate = 1.0 }; Method = 'Get'; Path = 'agents'; Count = 3; ErrorId = 'MaestroQA.NetworkError' }
        @{ Fault = 'a dropped connection'; Faults = @{ resetRate = 1.0 }; Method = 'Post'; Path = 'tickets'; Count = 1; ErrorId = 'MaestroQA.NetworkError' }
    ) {
        # No route of the server takes PUT, so no fault can be put in its way: PUT's retries are not shown here.
        Reset-Server -Faults ($Faults + @{ routes = @('agents', 'tickets') })
        $call = @{ Session = (New-RawSession -MaximumRetryCount 2) }
        if ($Method -ne 'Get') { $call.Body = @{ ticket_id = 'r-1'; subject = 'S' } }
        if ($Method -eq 'Delete') { $call.Confirm = $false }
        $output = Invoke-MqaRequest $Method $Path @call -ErrorVariable failed -ErrorAction SilentlyContinue
        $output | Should -BeNullOrEmpty
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        if ($Count -eq 1) { $failed[0].Exception.Message | Should -Match 'not sent again' }
        $sent = Get-Sent
        $sent | Should -HaveCount $Count
        $sent.method | Select-Object -Unique | Should -Be $Method.ToUpperInvariant()
    }

    It 'a 404 on <Path>, a route that names no id, is MaestroQA.RouteNotFound (NotImplemented): the server lacks the route' -ForEach @(
        @{ Path = 'metrics' }, @{ Path = 'metrics?from=2024-01-01' }, @{ Path = '/api/v1/metrics' }
    ) {
        Reset-Server
        $null = Invoke-MqaRequest Get $Path -Session (New-RawSession) -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MaestroQA.RouteNotFound,*'
        $failed[0].CategoryInfo.Category | Should -Be 'NotImplemented'
        $failed[0].Exception.Message | Should -Match 'does not know GET \S*metrics \(404\): this edition of the API lacks the route'
        $failed[0].Exception.Message | Should -Not -Match 'Invoke-MqaRequest reaches' -Because 'the user is already using it'
        @(Get-Sent) | Should -HaveCount 1
    }

    It 'PUT is sent as PUT (here to a route the server lacks: one 404)' {
        Reset-Server
        $null = Invoke-MqaRequest Put tickets/p-1 -Body @{ subject = 'S' } -Session (New-RawSession) -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MaestroQA.NotFound,*'
        ((Get-Sent) | ForEach-Object { '{0} {1} {2}' -f $_.method, $_.route, $_.status }) | Should -Be @('PUT /api/v1/tickets/p-1 404')
    }
}

Describe 'Endpoint classes' {
    BeforeAll { Reset-Server }

    # A token of its own each, so its limiters counted nothing else.
    It '<Method> <Path><Given> is paced as <Class>' -ForEach @(
        @{ Method = 'Get'; Path = 'agents'; Given = ''; Class = 'Easy'; Token = 'mqa-raw-own-3' }
        @{ Method = 'Post'; Path = 'tickets'; Given = ''; Class = 'Demanding'; Token = 'mqa-raw-own-4' }
        @{ Method = 'Patch'; Path = 'tickets/c-1'; Given = ''; Class = 'Demanding'; Token = 'mqa-raw-own-5' }
        @{ Method = 'Delete'; Path = 'tickets/c-1'; Given = ''; Class = 'Demanding'; Token = 'mqa-raw-own-6' }
        @{ Method = 'Post'; Path = 'tickets'; Given = ' -EndpointClass Easy'; Class = 'Easy'; Token = 'mqa-raw-own-7' }
        @{ Method = 'Get'; Path = 'agents'; Given = ' -EndpointClass Demanding'; Class = 'Demanding'; Token = 'mqa-raw-own-8' }
    ) {
        Clear-MqaMockRequest $server
        $session = New-RawSession -Token $Token
        $call = @{ Session = $session; Confirm = $false }
        if ($Given) { $call.EndpointClass = $Class }
        if ($Method -ne 'Get') { $call.Body = @{ ticket_id = "c-$Token"; type = 'chat'; subject = 'S'; agents = @('a1'); body = 'B' } }
        $null = Invoke-MqaRequest $Method $Path @call -ErrorAction SilentlyContinue
        $other = if ($Class -eq 'Easy') { 'Demanding' } else { 'Easy' }
        $session."${Class}LimiterState".GrantedLastMinute | Should -Be 1
        $session."${other}LimiterState".GrantedLastMinute | Should -Be 0
        (Get-Sent).method | Should -Be @($Method.ToUpperInvariant())
    }
}

Describe '-OutFile' {
    BeforeEach { Reset-Server }

    It 'streams the body into the file and writes nothing: the file holds exactly the server''s bytes' {
        $folder = New-TestFolder
        $file = Join-Path $folder 'agents.json'
        $output = @(Invoke-MqaRequest Get agents -OutFile $file -StatusCodeVariable status -Session (New-RawSession))
        $output | Should -HaveCount 0
        $status | Should -Be 200
        $served = Join-Path $folder 'served.json'
        $ProgressPreference = 'SilentlyContinue'
        Invoke-WebRequest -UseBasicParsing -Uri "$($server.ApiUri)agents" -Headers @{ apitoken = $secret } -OutFile $served
        (Get-FileHash $file).Hash | Should -Be (Get-FileHash $served).Hash
        @(Get-ChildItem $folder -Force).Name | Sort-Object | Should -Be @('agents.json', 'served.json') -Because 'no partial or temporary file is left'
    }

    It 'a relative path is under the PowerShell location, not the process''s' {
        $folder = New-TestFolder
        Push-Location $folder
        try { Invoke-MqaRequest Get agents -OutFile 'relative.json' -Session (New-RawSession) }
        finally { Pop-Location }
        (Get-Item (Join-Path $folder 'relative.json')).Length | Should -BeGreaterThan 0
    }

    It 'is not capped as answers are: a 5,000,000-byte body (over the 4 MiB cap) goes whole into the file, and without -OutFile is refused' {
        Reset-Server -Faults @{ bigBodyRate = 1.0; bigBodyBytes = 5000000; routes = @('agents') }
        $session = New-RawSession
        $null = Invoke-MqaRequest Get agents -Session $session -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MaestroQA.UnexpectedResponse,*'
        $file = Join-Path (New-TestFolder) 'big.json'
        Invoke-MqaRequest Get agents -OutFile $file -Session $session
        (Get-Item $file).Length | Should -Be 5000000
    }

    It '<Name> leaves no file, and a file that was there as it was' -ForEach @(
        @{ Name = 'an error answer (404)'; Faults = @{}; Path = 'agents/nope'; ErrorId = 'MaestroQA.NotFound' }
        @{ Name = 'a connection dropped on every try'; Faults = @{ resetRate = 1.0; routes = @('agents') }; Path = 'agents'; ErrorId = 'MaestroQA.NetworkError' }
    ) {
        Reset-Server -Faults $Faults
        $folder = New-TestFolder
        $kept = Join-Path $folder 'kept.json'
        Set-Content -Path $kept -Value 'old' -NoNewline
        $null = Invoke-MqaRequest Get $Path -OutFile $kept -Session (New-RawSession) -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        Get-Content -Path $kept -Raw | Should -BeExactly 'old'
        $fresh = Join-Path $folder 'fresh.json'
        $null = Invoke-MqaRequest Get $Path -OutFile $fresh -Session (New-RawSession) -ErrorAction SilentlyContinue
        @(Get-ChildItem $folder -Force).Name | Should -Be @('kept.json')
        @(Get-Sent).Count | Should -BeGreaterThan 1 -Because 'both were sent'
    }

    It 'with -SkipHttpErrorCheck, an error answer is written out, and no file made' {
        $folder = New-TestFolder
        $output = @(Invoke-MqaRequest Get agents/nope -OutFile (Join-Path $folder 'nope.json') -SkipHttpErrorCheck -Session (New-RawSession))
        $output | Should -HaveCount 1
        $output[0].message | Should -Match 'not found'
        @(Get-ChildItem $folder -Force) | Should -HaveCount 0
    }

    It 'into a folder that does not exist: MaestroQA.FileError, and nothing is sent' {
        $null = Invoke-MqaRequest Get agents -OutFile (Join-Path $TestDrive 'no/such/folder/agents.json') -Session (New-RawSession) -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MaestroQA.FileError,*'
        Get-Sent | Should -HaveCount 0
    }
}

Describe '-WhatIf and -Confirm' {
    BeforeEach { Reset-Server }

    It 'is ConfirmImpact Medium' {
        $attribute = (Get-Command Invoke-MqaRequest).ImplementingType.GetCustomAttributes($true) | Where-Object { $_.GetType().Name -eq 'CmdletAttribute' }
        "$($attribute.ConfirmImpact)" | Should -Be 'Medium'
    }

    It '<_> -WhatIf sends nothing and writes nothing' -ForEach 'Post', 'Patch', 'Put', 'Delete' {
        Add-ServerTicket 'w-1' $null
        $output = @(Invoke-MqaRequest $_ 'tickets/w-1' -Body @{ subject = 'Changed' } -WhatIf -Session (New-RawSession))
        $output | Should -HaveCount 0
        Get-Sent | Should -HaveCount 0
        (Get-ServerTicket 'w-1')[0].subject | Should -Be 'Seeded w-1'
    }

    It 'in a host that cannot ask: DELETE ends with MaestroQA.ConfirmationNeeded and is not sent; POST is not asked; DELETE -Confirm:$false is sent' {
        Add-ServerTicket 'c-1' $null
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                    param($Manifest, $Flavor, $Session)
                    Import-Module $Manifest -ArgumentList $Flavor
                    try { Invoke-MqaRequest Delete tickets/c-1 -Session $Session -ErrorAction Stop; 'deleted without asking' }
                    catch { 'refused: ' + $_.FullyQualifiedErrorId + ': ' + $_.Exception.Message }
                    $null = Invoke-MqaRequest Post tickets -Body @{ ticket_id = 'c-2'; type = 'chat'; subject = 'S'; agents = @('a1'); body = 'B' } -Session $Session
                    Invoke-MqaRequest Delete tickets/c-1 -Confirm:$false -Session $Session
                }).AddParameters(@{ Manifest = $manifest; Flavor = $flavor; Session = (New-RawSession) })
            $output = @($ps.Invoke())
            @($ps.Streams.Error) | Should -HaveCount 0
        }
        finally { $ps.Dispose() }
        $output | Should -HaveCount 1
        "$($output[0])" | Should -Match '^refused: MaestroQA\.ConfirmationNeeded,'
        "$($output[0])" | Should -Match '-Confirm:\$false'
        ((Get-Sent) | ForEach-Object { '{0} {1}' -f $_.method, $_.status }) | Should -Be @('POST 201', 'DELETE 200')
        Get-ServerTicket 'c-1' | Should -HaveCount 0
        Get-ServerTicket 'c-2' | Should -HaveCount 1
    }
}

Describe 'Redirects and the default session' {
    It 'a 307 from the old host is followed with the same body, once, and the session stays' {
        Reset-Server -Moved @{ status = 307 }
        $session = New-RawSession -BaseUri $server.MovedApiUri
        $output = Invoke-MqaRequest Post tickets -Body ([ordered]@{ ticket_id = 'moved-1'; type = 'chat'; subject = 'S'; agents = @('a1'); body = 'B'; attributes = $attributes }) -Session $session
        $output.ticket_id | Should -Be 'moved-1'
        ((Get-Sent) | ForEach-Object { '{0} {1} {2}' -f $_.method, $_.route, $_.status }) | Should -Be @('POST moved 307', 'POST tickets 201')
        ConvertTo-SortedJson (Get-ServerTicket 'moved-1')[0].attributes | Should -BeExactly $attributesJson
        $session.BaseUri.AbsoluteUri | Should -Be $server.MovedApiUri
    }

    It 'a redirect to another host: MaestroQA.UnexpectedResponse naming localhost, and nothing reached localhost' {
        Reset-Server -Moved @{ status = 308; target = 'other-host' }
        $null = Invoke-MqaRequest Get agents -Session (New-RawSession -BaseUri $server.MovedApiUri) -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MaestroQA.UnexpectedResponse,*'
        $failed[0].Exception.Message | Should -Match '\blocalhost\b'
        ((Get-Sent) | ForEach-Object { '{0} {1}' -f $_.route, $_.host }) | Should -Be @('moved 127.0.0.1')
    }

    It 'without -Session it uses the session Connect-Mqa made, and with none at all it is MaestroQA.NotConnected and sends nothing' {
        Reset-Server
        $savedToken = $env:MAESTROQA_API_TOKEN
        Remove-Item Env:MAESTROQA_API_TOKEN -ErrorAction SilentlyContinue
        try {
            Disconnect-Mqa
            { Invoke-MqaRequest Get agents -ErrorAction Stop } | Should -Throw -ErrorId 'MaestroQA.NotConnected,MaestroQA.PowerShell.Cmdlets.Requests.InvokeMqaRequestCommand'
            Get-Sent | Should -HaveCount 0
            Connect-Mqa -ApiToken $secret -BaseUri $server.ApiUri -DemandingRateLimit @{ PerSecond = 1; PerMinute = 30; WindowScale = 0.1 } -EasyRateLimit @{ PerSecond = 10; PerMinute = 100; WindowScale = 0.1 }
            @(Invoke-MqaRequest Get agents).Count | Should -BeGreaterThan 0
            ((Get-Sent) | ForEach-Object { '{0} {1}' -f $_.route, $_.tokenTail }) | Should -Be @("agents $tail")
        }
        finally {
            Disconnect-Mqa
            if ($null -ne $savedToken) { $env:MAESTROQA_API_TOKEN = $savedToken }
        }
    }
}
