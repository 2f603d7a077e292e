BeforeAll {
    . $PSScriptRoot/ServerTestSetup.ps1
    $server = Start-MqaMockServer
    $current = @{ api = @{ profile = 'current' } }
    # Every kind of value, a number whose spelling must survive (1.50), escapes and non-ASCII text.
    $attributesJson = '{"priority":"high","score":1.50,"vip":true,"region":null,"nested":{"tier":2,"tags":["a","b"]},"note":"caf\u00e9 \"q\", ok"}'

    # Today's uploader: ticket_id, no gradable_id, no link; dates given so two answers can be compared whole.
    function New-TodayTicketJson([string] $Id, [string] $Attributes) {
        $fields = "`"ticket_id`":`"$Id`",`"type`":`"email`",`"subject`":`"S`",`"agents`":[`"360001234501`"],`"body`":`"B`",`"first_seen`":`"2024-01-02T00:00:00Z`",`"last_seen`":`"2024-01-03T00:00:00Z`""
        if ($Attributes) { "{$fields,`"attributes`":$Attributes}" } else { "{$fields}" }
    }
    function New-ArticleTicket([string] $GradableId) {
        @{ gradable_id = $GradableId; type = 'email'; subject = 'S'; agents = @('a'); link = 'https://example.com/t'; body = 'B'; first_seen = '2024-01-02T00:00:00Z'; last_seen = '2024-01-03T00:00:00Z' }
    }
    function Get-Message($Response) { ($Response.Content | ConvertFrom-Json).message }
    function Get-Attributes($Response) { ($Response.Content | ConvertFrom-Json).attributes | ConvertTo-Json -Compress -Depth 5 }
    # The attributes as the server wrote them: the ticket's last field.
    function Get-AttributesText($Response) {
        $text = $Response.Content
        $text.EndsWith('}') | Should -BeTrue
        $text.Substring(0, $text.Length - 1) -replace '^.*?"attributes":', ''
    }
}

AfterAll {
    Stop-MqaMockServer $server
}

Describe 'Tickets in the article profile' {
    It 'ignores ticket_id and attributes, as any field it does not know' {
        Reset-TestServer $server
        $plain = Invoke-Api $server tickets -Body (New-ArticleTicket 'art-1')
        $extra = Invoke-Api $server tickets -Body ((New-ArticleTicket 'art-2') + @{ ticket_id = 'other'; attributes = @{ priority = 'high' } })
        $extra.StatusCode | Should -Be 201
        ($extra.Content -replace '"_id":"\w+"', '') | Should -BeExactly (($plain.Content -replace '"_id":"\w+"', '') -replace 'art-1', 'art-2')
        (Get-MqaMockTicket $server | Where-Object gradable_id -EQ 'art-2').PSObject.Properties.Name | Should -Not -Contain 'attributes'
        (Get-MqaMockRequest $server -Route tickets)[-1].gradableId | Should -Be 'art-2'
    }

    It 'still requires gradable_id and link' {
        Reset-TestServer $server
        $body = New-ArticleTicket 'x'
        $body.Remove('gradable_id')
        Get-Message (Invoke-Api $server tickets -Body ($body + @{ ticket_id = 'x' })) | Should -BeExactly "Missing required parameter 'gradable_id'"
        $body = New-ArticleTicket 'x'
        $body.Remove('link')
        Get-Message (Invoke-Api $server tickets -Body $body) | Should -BeExactly "Missing required parameter 'link'"
    }

    It 'has no GET ticket routes' {
        Reset-TestServer $server
        $null = Invoke-Api $server tickets -Body (New-ArticleTicket 'art-1')
        (Invoke-Api $server tickets/art-1 -Method Get).Content | Should -BeExactly '{"message":"No route GET /api/v1/tickets/art-1"}'
        (Invoke-Api $server 'tickets?ticket_ids=art-1' -Method Get).Content | Should -BeExactly '{"message":"No route GET /api/v1/tickets"}'
    }
}

Describe 'Tickets in the current profile: keyed by ticket_id' {
    It 'creates a ticket from ticket_id without link, and echoes ticket_id, _id and the attributes as given' {
        Reset-TestServer $server $current
        $response = Invoke-Api $server tickets -Body (New-TodayTicketJson 'today-1' $attributesJson)
        $response.StatusCode | Should -Be 201
        $response.Content | Should -Match '^\{"_id":"[0-9a-f]{24}","ticket_id":"today-1","type":"email","subject":"S","body":"B","agents":\["360001234501"\],"first_seen":"2024-01-02T00:00:00.000Z","last_seen":"2024-01-03T00:00:00.000Z","attributes":'
        Get-AttributesText $response | Should -BeExactly $attributesJson.Replace('\u00e9', [string][char]0xe9) -Because 'the attributes come back as sent (1.50 too), escapes written as the server writes them'
        $response.Content | Should -Not -Match 'gradable_id|"link"'
        (Get-MqaMockRequest $server -Route tickets)[-1].gradableId | Should -Be 'today-1'
        (Get-MqaMockTicket $server).gradable_id | Should -Be 'today-1' -Because '/admin shows the server''s own key'
    }

    It 'GET tickets/{ticket_id} answers the ticket as created, then 404 once deleted' {
        Reset-TestServer $server $current
        $created = Invoke-Api $server tickets -Body (New-TodayTicketJson 'a/b' $attributesJson)
        $got = Invoke-Api $server 'tickets/a%2Fb' -Method Get
        $got.StatusCode | Should -Be 200
        $got.Content | Should -BeExactly $created.Content
        (Get-MqaMockRequest $server -Route tickets)[-1].gradableId | Should -Be 'a/b'
        (Invoke-Api $server 'tickets/a%2Fb' -Method Delete).StatusCode | Should -Be 200
        $gone = Invoke-Api $server 'tickets/a%2Fb' -Method Get
        $gone.StatusCode | Should -Be 404
        Get-Message $gone | Should -BeExactly "Ticket with ticket_id 'a/b' not found"
    }

    It 'GET tickets?ticket_ids= answers the known ones, in the order asked' {
        Reset-TestServer $server $current
        foreach ($id in 'one', 'two', 'three') { $null = Invoke-Api $server tickets -Body (New-TodayTicketJson $id) }
        $response = Invoke-Api $server 'tickets?ticket_ids=three,nope,one,%20two%20,one' -Method Get
        $response.StatusCode | Should -Be 200
        $response.Content | Should -Match '^\[\{'
        (($response.Content | ConvertFrom-Json -NoEnumerate) | ForEach-Object { $_.ticket_id }) -join ',' | Should -Be 'three,one,two'
        (Invoke-Api $server 'tickets?ticket_ids=nope' -Method Get).Content | Should -BeExactly '[]'
        $missing = Invoke-Api $server tickets -Method Get
        $missing.StatusCode | Should -Be 400
        Get-Message $missing | Should -BeExactly "Missing required parameter 'ticket_ids'"
    }

    It 'names ticket_id in its 404 and 409 messages' {
        Reset-TestServer $server $current
        $null = Invoke-Api $server tickets -Body (New-TodayTicketJson 'dup')
        $conflict = Invoke-Api $server tickets -Body (New-TodayTicketJson 'dup')
        $conflict.StatusCode | Should -Be 409
        Get-Message $conflict | Should -BeExactly "A ticket with ticket_id 'dup' already exists"
        Get-Message (Invoke-Api $server tickets/nope -Method Patch -Body @{ subject = 'x' }) | Should -BeExactly "Ticket with ticket_id 'nope' not found"
        Get-Message (Invoke-Api $server tickets/nope -Method Delete) | Should -BeExactly "Ticket with ticket_id 'nope' not found"
    }

    It 'shapes the answer per responses.ticketCreateBody <Shape>' -ForEach @(
        @{ Shape = 'without-id'; Pattern = '^\{"ticket_id":"shape-1","type"' }
        @{ Shape = 'array'; Pattern = '^\[\{"_id":"[0-9a-f]{24}","ticket_id":"shape-1",' }
    ) {
        Reset-TestServer $server @{ api = @{ profile = 'current' }; responses = @{ ticketCreateBody = $Shape } }
        (Invoke-Api $server tickets -Body (New-TodayTicketJson 'shape-1')).Content | Should -Match $Pattern
    }
}

Describe 'ticket_id and its alias gradable_id' {
    It '<Case>: <Outcome>' -ForEach @(
        @{ Case = 'gradable_id alone'; Ids = @{ gradable_id = 'g-1' }; Status = 201; Outcome = 'the ticket, named ticket_id'; Expect = 'g-1' }
        @{ Case = 'both, the same'; Ids = @{ ticket_id = 'g-1'; gradable_id = 'g-1' }; Status = 201; Outcome = 'the ticket'; Expect = 'g-1' }
        @{ Case = 'both, different'; Ids = @{ ticket_id = 't-1'; gradable_id = 'g-1' }; Status = 400; Outcome = 'an invalid parameter'; Expect = "Invalid parameters: 'ticket_id' ('t-1') and 'gradable_id' ('g-1') name different tickets" }
        @{ Case = 'neither'; Ids = @{}; Status = 400; Outcome = 'a missing ticket_id'; Expect = "Missing required parameter 'ticket_id'" }
        @{ Case = 'an empty ticket_id'; Ids = @{ ticket_id = ''; gradable_id = 'g-1' }; Status = 400; Outcome = 'an invalid ticket_id'; Expect = "Invalid parameter 'ticket_id': must not be empty" }
    ) {
        Reset-TestServer $server $current
        $response = Invoke-Api $server tickets -Body (@{ type = 'email'; subject = 'S'; agents = @('a'); body = 'B' } + $Ids)
        $response.StatusCode | Should -Be $Status
        $json = $response.Content | ConvertFrom-Json
        if ($Status -eq 201) { $json.ticket_id | Should -BeExactly $Expect; $json.PSObject.Properties.Name | Should -Not -Contain 'gradable_id' }
        else { $json.message | Should -BeExactly $Expect; @(Get-MqaMockTicket $server) | Should -HaveCount 0 }
    }

    It 'api.requireTicketId: gradable_id alone is a <Status> naming ticket_id; ticket_id alone still creates' -ForEach @(
        @{ Status = 400 }
        @{ Status = 422 }
    ) {
        Reset-TestServer $server @{ api = @{ profile = 'current'; requireTicketId = $true }; responses = @{ invalidParameterStatus = $Status } }
        $refused = Invoke-Api $server tickets -Body @{ gradable_id = 'g-1'; type = 'email'; subject = 'S'; agents = @('a'); body = 'B' }
        $refused.StatusCode | Should -Be $Status
        $refused.Content | Should -BeExactly '{"message":"Missing required parameter ''ticket_id''"}'
        (Get-MqaMockRequest $server -Route tickets)[-1].gradableId | Should -Be 'g-1' -Because 'a refused request is attributable too'
        (Invoke-Api $server tickets -Body (New-TodayTicketJson 't-1')).StatusCode | Should -Be 201
        (Invoke-Api $server tickets -Body @{ ticket_id = 't-2'; gradable_id = 't-2'; type = 'email'; subject = 'S'; agents = @('a'); body = 'B' }).StatusCode | Should -Be 201
    }

    It 'api.requireTicketId does nothing in the article profile' {
        Reset-TestServer $server @{ api = @{ requireTicketId = $true } }
        (Invoke-Api $server tickets -Body (New-ArticleTicket 'g-1')).StatusCode | Should -Be 201
    }
}

Describe 'Ticket attributes (current profile)' {
    It 'refuses attributes that are <Case>, with invalidParameterStatus' -ForEach @(
        @{ Case = 'a string'; Value = '"high"'; Got = 'a string' }
        @{ Case = 'an array'; Value = '[{"a":1}]'; Got = 'an array' }
        @{ Case = 'a number'; Value = '3'; Got = 'a number' }
        @{ Case = 'null'; Value = 'null'; Got = 'null' }
    ) {
        Reset-TestServer $server @{ api = @{ profile = 'current' }; responses = @{ invalidParameterStatus = 422 } }
        $response = Invoke-Api $server tickets -Body (New-TodayTicketJson 'bad' $Value)
        $response.StatusCode | Should -Be 422
        Get-Message $response | Should -BeExactly "Invalid parameter 'attributes': expected an object, got $Got"
        @(Get-MqaMockTicket $server) | Should -HaveCount 0
    }

    It 'PATCH merges attributes key by key (null removes a key) and patches the rest as before' {
        Reset-TestServer $server $current
        $null = Invoke-Api $server tickets -Body (New-TodayTicketJson 'm-1' '{"a":1,"b":"x","c":{"d":true}}')
        $patched = Invoke-Api $server tickets/m-1 -Method Patch -Body '{"subject":"New","attributes":{"b":null,"a":2.0,"e":[1,{"f":null}]}}'
        $patched.StatusCode | Should -Be 200
        $patched.Content | Should -BeLike '*"subject":"New",*'
        Get-AttributesText $patched | Should -BeExactly '{"a":2.0,"c":{"d":true},"e":[1,{"f":null}]}' -Because 'a changed key keeps its place, a new one comes last, nested nulls stay'
        $kept = Invoke-Api $server tickets/m-1 -Method Patch -Body @{ status = 'closed' }
        Get-Attributes $kept | Should -Be (Get-Attributes $patched)
        (Invoke-Api $server tickets/m-1 -Method Get).Content | Should -BeExactly $kept.Content
    }

    It 'PATCH adds attributes to a ticket without them, and refuses attributes that are not an object' {
        Reset-TestServer $server $current
        $null = Invoke-Api $server tickets -Body (New-TodayTicketJson 'm-2')
        Get-AttributesText (Invoke-Api $server tickets/m-2 -Method Patch -Body '{"attributes":{"gone":null,"new":"yes"}}') | Should -BeExactly '{"new":"yes"}'
        $refused = Invoke-Api $server tickets/m-2 -Method Patch -Body '{"attributes":"x"}'
        $refused.StatusCode | Should -Be 400
        Get-Message $refused | Should -BeExactly "Invalid parameter 'attributes': expected an object, got a string"
        Get-Attributes (Invoke-Api $server tickets/m-2 -Method Get) | Should -Be '{"new":"yes"}'
    }

    It 'a PATCH in the article profile leaves stored attributes alone' {
        Reset-TestServer $server $current
        $null = Invoke-Api $server tickets -Body (New-TodayTicketJson 'm-3' '{"a":1}')
        Set-TestConfig $server
        $patched = Invoke-Api $server tickets/m-3 -Method Patch -Body '{"attributes":{"a":null}}'
        $patched.StatusCode | Should -Be 200
        (Get-MqaMockTicket $server).attributes.a | Should -Be 1
    }
}
