BeforeAll {
    . $PSScriptRoot/ServerTestSetup.ps1
    $server = Start-MqaMockServer
    $current = @{ api = @{ profile = 'current' } }
    function Get-Agents { (Invoke-Api $server agents -Method Get).Content | ConvertFrom-Json -NoEnumerate }
}

AfterAll {
    Stop-MqaMockServer $server
}

Describe 'GET agents (current profile)' {
    It 'answers a JSON array of agents, each { _id, name, email, groupIds, available }' {
        Reset-TestServer $server $current
        $response = Invoke-Api $server agents -Method Get
        $response.StatusCode | Should -Be 200
        $response.Content | Should -Match '^\[\{"_id":'
        $agents = $response.Content | ConvertFrom-Json -NoEnumerate
        $agents | Should -HaveCount 10
        foreach ($agent in $agents) {
            $agent.PSObject.Properties.Name -join ',' | Should -Be '_id,name,email,groupIds,available'
            $agent.'_id' | Should -Match '^\d{12}$'
            $agent.name | Should -Not -BeNullOrEmpty
            $agent.email | Should -Match '@'
            , $agent.groupIds | Should -BeOfType [object[]]
            $agent.available | Should -BeOfType [bool]
        }
        @($agents | Where-Object available).Count | Should -BeGreaterThan 0
        @($agents | Where-Object { -not $_.available }).Count | Should -BeGreaterThan 0 -Because 'the default seed makes some unavailable'
        $record = @(Get-MqaMockRequest $server -Route agents)
        $record | Should -HaveCount 1
        $record[0].endpointClass | Should -Be 'easy'
    }

    It 'is the cast of the generated exports: their agent ids, names and group memberships' {
        Reset-TestServer $server @{ api = @{ profile = 'current'; legacyRoutes = $true } }
        $agents = Get-Agents
        $byId = @{}
        foreach ($agent in $agents) { $byId[$agent.'_id'] = $agent }
        $raw = New-TestExport $server -Body @{ name = 'rows=60' }
        foreach ($row in Get-LogicalRow $server $raw.ExportId total_scores) {
            $byId.ContainsKey($row.agent_id) | Should -BeTrue -Because "$($row.agent_id) is an agent"
            if ($null -ne $row.agent_name) { $row.agent_name | Should -BeExactly $byId[$row.agent_id].name }
        }
        $groups = New-TestExport $server -Kind groups -Body @{ name = 'rows=60' }
        foreach ($row in Get-LogicalRow $server $groups.ExportId agent_groups) {
            $agent = @($agents | Where-Object email -EQ $row.agent_email)
            if ($agent) { $agent[0].groupIds | Should -Contain $row.group_id }
        }
    }

    It 'is the same for the same seed; availability follows the seed' {
        Reset-TestServer $server $current
        $first = (Invoke-Api $server agents -Method Get).Content
        Reset-TestServer $server $current
        (Invoke-Api $server agents -Method Get).Content | Should -BeExactly $first
        Set-TestConfig $server @{ seed = 1; api = @{ profile = 'current' } }
        $reseeded = (Invoke-Api $server agents -Method Get).Content
        ($reseeded -replace '"available":(true|false)', '') | Should -BeExactly ($first -replace '"available":(true|false)', '')
        $reseeded | Should -Not -BeExactly $first
    }
}

Describe 'GET agents/{id} (current profile)' {
    It 'answers the agent as the list has it, 404 for an unknown id' {
        Reset-TestServer $server $current
        $list = (Invoke-Api $server agents -Method Get).Content
        $agents = $list | ConvertFrom-Json -NoEnumerate
        $one = Invoke-Api $server "agents/$($agents[4].'_id')" -Method Get
        $one.StatusCode | Should -Be 200
        $one.Content | Should -Match '^\{"_id":"360001234505",'
        $list.Contains($one.Content) | Should -BeTrue -Because 'it is the list''s item, byte for byte'
        $unknown = Invoke-Api $server agents/nope -Method Get
        $unknown.StatusCode | Should -Be 404
        $unknown.Content | Should -BeExactly '{"message":"Agent ''nope'' not found"}'
        (Get-MqaMockRequest $server -Route agents).status -join ',' | Should -Be '200,200,404'
    }
}

Describe 'Agents in the article profile' {
    It 'are not served: GET agents and agents/{id} are unknown routes' {
        Reset-TestServer $server
        (Invoke-Api $server agents -Method Get).Content | Should -BeExactly '{"message":"No route GET /api/v1/agents"}'
        (Invoke-Api $server agents/360001234501 -Method Get).StatusCode | Should -Be 404
    }
}
