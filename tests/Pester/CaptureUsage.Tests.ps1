BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $server = Start-MqaMockServer
    $limits = @{ demandingPerSecond = 1; demandingPerMinute = 30; easyPerSecond = 10; easyPerMinute = 100; windowScale = 0.1 }
    Connect-Mqa -ApiToken $server.Token -BaseUri $server.ApiUri -RetryIntervalSec 0.05 `
        -DemandingRateLimit @{ PerSecond = 1; PerMinute = 30; WindowScale = 0.1 } `
        -EasyRateLimit @{ PerSecond = 10; PerMinute = 100; WindowScale = 0.1 }
    function Get-CaptureRequest { @(Get-MqaMockRequest $server | Where-Object route -EQ 'screen-capture-usage-stats') }
}

AfterAll {
    Disconnect-Mqa
    Stop-MqaMockServer $server
}

Describe 'Get-MqaCaptureUsage' {
    BeforeEach {
        Reset-MqaMockServer $server
        Set-MqaMockConfig $server @{ limits = $limits; exportRequestedMs = 100; exportInProgressMs = 200 }
    }

    It 'takes -GroupId: one request, MqaCaptureUsage per agent with the interval' {
        $usage = @(Get-MqaCaptureUsage -GroupId grp_emea, grp_billing -Interval Week)
        Get-CaptureRequest | Should -HaveCount 1
        (Get-CaptureRequest)[0].status | Should -Be 200
        $usage.Count | Should -BeGreaterThan 1
        $usage[0].PSTypeNames | Should -Contain 'MaestroQA.Client.Models.MqaCaptureUsage'
        $usage.Interval | Select-Object -Unique | Should -Be 'Week'
        ($usage.AgentId | Select-Object -Unique).Count | Should -Be $usage.Count
        foreach ($agent in $usage) {
            $agent.AgentId | Should -Not -BeNullOrEmpty
            $agent.NumberExpectedRecordings | Should -BeOfType [double]
            $agent.NumberRecordings | Should -BeLessOrEqual $agent.NumberExpectedRecordings
            $agent.PercentRecorded | Should -Be ($agent.NumberRecordings / $agent.NumberExpectedRecordings * 100)
        }
    }

    It 'takes group ids from the pipeline, by value and by property name, in one request' {
        $byValue = @('grp_emea', 'grp_billing', 'grp_emea' | Get-MqaCaptureUsage -Interval Day)
        $byName = @([pscustomobject]@{ GroupId = 'grp_emea' }, [pscustomobject]@{ GroupId = 'grp_billing' } | Get-MqaCaptureUsage -Interval Day)
        Get-CaptureRequest | Should -HaveCount 2
        ($byName.AgentId -join ',') | Should -Be ($byValue.AgentId -join ',')
        ($byValue.AgentId | Select-Object -Unique).Count | Should -Be $byValue.Count -Because 'grp_emea, sent twice, is asked for once'
    }

    It 'takes the groups export''s rows: every agent in them, one capture request in all' {
        $folder = Join-Path $TestDrive 'groups'
        $members = @(Invoke-MqaGroupsExport -Name 'groups rows=60' -Wait -PollInterval 0.1 | Save-MqaExport -Path $folder | Import-MqaExport)
        $members.Count | Should -Be 60
        $usage = @($members | Get-MqaCaptureUsage -Interval Month)
        Get-CaptureRequest | Should -HaveCount 1
        $usage.Interval | Select-Object -Unique | Should -Be 'Month'
        $agents = $members | ForEach-Object { $_.AgentIds[0] } | Sort-Object -Unique
        $agents.Count | Should -BeGreaterThan 1
        $missing = $agents | Where-Object { $_ -notin $usage.AgentId }
        $missing | Should -BeNullOrEmpty
    }

    It 'an empty group id is an error; the rest still go' {
        $usage = @('grp_emea', '', ' ' | Get-MqaCaptureUsage -Interval Day -ErrorVariable failure -ErrorAction SilentlyContinue)
        $failure | Should -HaveCount 2
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'MaestroQA.EmptyGroupId,*'
        $failure[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $usage.Count | Should -BeGreaterThan 0
        Get-CaptureRequest | Should -HaveCount 1
    }

    It 'only empty group ids: errors and no request' {
        $null = Get-MqaCaptureUsage -GroupId '' -Interval Day -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure | Should -HaveCount 1
        @(Get-MqaMockRequest $server) | Should -HaveCount 0
    }

    It 'a bad -Interval is a binding error, and no request' {
        $failure = { Get-MqaCaptureUsage -GroupId grp_emea -Interval Fortnight -ErrorAction Stop } | Should -Throw -PassThru
        $failure.Exception | Should -BeOfType [System.Management.Automation.ParameterBindingException]
        $failure.Exception.Message | Should -Match 'Interval'
        $failure.Exception.Message | Should -Match 'Day.*Week.*Month'
        @(Get-MqaMockRequest $server) | Should -HaveCount 0
    }

    It 'an unknown group adds nobody, without error' {
        $usage = @(Get-MqaCaptureUsage -GroupId grp_nonexistent -Interval Day -ErrorVariable failure)
        $usage | Should -HaveCount 0
        $failure | Should -HaveCount 0
    }

    It 'shows AgentId and the counts in its table view' {
        $text = Get-MqaCaptureUsage -GroupId grp_emea -Interval Week | Format-Table | Out-String -Width 200
        $text | Should -Match 'AgentId'
        $text | Should -Match 'Recorded|Percent'
    }
}
