# What users pipe the module's objects into: Export-Csv and ConvertTo-Json. No cell may hold a type name, lists must
# read as text, and each value must appear once; Import-Csv and ConvertFrom-Json give the same values back.
BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $server = Start-MqaMockServer
    Set-MqaMockConfig $server @{
        limits = @{ demandingPerSecond = 1; demandingPerMinute = 30; easyPerSecond = 10; easyPerMinute = 100; windowScale = 0.1 }
        exportRequestedMs = 50; exportInProgressMs = 100; files = @{ extraColumn = $true }
    }
    $session = New-MqaSession -ApiToken $server.Token -BaseUri $server.ApiUri -RetryIntervalSec 0.05 `
        -DemandingRateLimit @{ PerSecond = 1; PerMinute = 30; WindowScale = 0.1 } `
        -EasyRateLimit @{ PerSecond = 10; PerMinute = 100; WindowScale = 0.1 }
    $start = [DateTimeOffset]::new(2025, 1, 1, 0, 0, 0, [TimeSpan]::Zero)
    $folder = Join-Path $TestDrive 'exports'

    $raw = Invoke-MqaRawExport -StartDate $start -EndDate $start.AddDays(30) -Name 'roundtrip rows=6' -Wait -PollInterval 0.1 -Session $session
    $groups = Invoke-MqaGroupsExport -Name 'roundtrip rows=6' -IncludeUnavailable -Wait -PollInterval 0.1 -Session $session
    $audit = Invoke-MqaAuditLogExport -StartDate $start -EndDate $start.AddDays(30) -Name 'roundtrip rows=6' -Wait -PollInterval 0.1 -Session $session
    $rows = @($raw, $groups, $audit | Save-MqaExport -Path $folder | Import-MqaExport)
    $ticket = [pscustomobject]@{
        gradable_id = 'rt-1'; type = 'chat'; subject = 'Round trip'; agents = 'a1, a2'; link = 'https://helpdesk.example.com/rt-1'
        body = 'Body'; tags = 'vip, billing'; csat_score = '4.5'; first_seen = '2024-03-01T10:00:00Z'
    } | New-MqaTicket -Session $session
    $usage = @(Get-MqaCaptureUsage -GroupId grp_emea -Interval Week -Session $session)

    # One object of each type the module emits.
    $samples = [ordered]@{}
    foreach ($row in $rows) { if (-not $samples.Contains($row.GetType().Name)) { $samples[$row.GetType().Name] = $row } }
    $samples['MqaTicket'] = $ticket
    $samples['MqaCaptureUsage'] = $usage[0]
    $samples['MqaExport'] = $raw
    $cases = @($samples.Keys | ForEach-Object { @{ Type = $_ } })
}

AfterAll {
    Stop-MqaMockServer $server
}

Describe 'Every output type round-trips' {
    It 'emits all ten types' {
        @($samples.Keys) | Sort-Object | Should -Be @('MqaAnnotation', 'MqaAnswerScore', 'MqaAuditLogEntry', 'MqaCaptureUsage', 'MqaCsat', 'MqaExport', 'MqaGroupMember', 'MqaSectionScore', 'MqaTicket', 'MqaTotalScore')
    }

    It '<Type>: Export-Csv writes no type name and each column once; Import-Csv reads the same text back' -ForEach @(
        @{ Type = 'MqaTotalScore' }, @{ Type = 'MqaSectionScore' }, @{ Type = 'MqaAnswerScore' }, @{ Type = 'MqaAnnotation' }, @{ Type = 'MqaCsat' }
        @{ Type = 'MqaGroupMember' }, @{ Type = 'MqaAuditLogEntry' }, @{ Type = 'MqaTicket' }, @{ Type = 'MqaCaptureUsage' }, @{ Type = 'MqaExport' }
    ) {
        $object = $samples[$Type]
        $path = Join-Path $TestDrive "$Type.csv"
        $object | Export-Csv -Path $path -NoTypeInformation
        $text = Get-Content $path -Raw
        $text | Should -Not -Match 'System\.|Dictionary|\[\]|MaestroQA\.Client'
        $back = Import-Csv $path
        $names = @($back.PSObject.Properties.Name)
        $names | Should -Be @($names | Select-Object -Unique)
        foreach ($property in $object.PSObject.Properties) {
            # Export-Csv writes each value's own ToString(), in the current culture: a list's is "a1,a2".
            $expected = if ($null -eq $property.Value) { '' } else { $property.Value.ToString() }
            $back.($property.Name) | Should -Be $expected -Because "$Type.$($property.Name)"
        }
    }

    It '<Type>: ConvertTo-Json holds each value once, and ConvertFrom-Json gives the values back' -ForEach @(
        @{ Type = 'MqaTotalScore' }, @{ Type = 'MqaGroupMember' }, @{ Type = 'MqaTicket' }, @{ Type = 'MqaCaptureUsage' }, @{ Type = 'MqaExport' }
    ) {
        $object = $samples[$Type]
        $json = $object | ConvertTo-Json -Depth 3
        $json | Should -Not -Match 'AdditionalColumns|MaestroQA\.Client'
        $back = $json | ConvertFrom-Json
        @($back.PSObject.Properties.Name) | Sort-Object | Should -Be (@($object.PSObject.Properties.Name | Select-Object -Unique) | Sort-Object)
        foreach ($property in $object.PSObject.Properties) {
            $value = $property.Value
            if ($value -is [System.Collections.IEnumerable] -and $value -isnot [string]) {
                @($back.($property.Name)) | Should -Be @($value) -Because "$Type.$($property.Name) is a JSON array"
            }
            elseif ($value -is [string] -or $value -is [double]) {
                $back.($property.Name) | Should -Be $value -Because "$Type.$($property.Name)"
            }
        }
    }

    It 'lists read as comma-separated text in CSV, and as lists otherwise' {
        $member = $samples['MqaGroupMember']
        $member.AgentIds -is [MaestroQA.Client.Models.TextList] | Should -BeTrue
        "$($member.AgentIds)" | Should -Be ($member.AgentIds -join ',')
        $ticket.Agents | Should -Be @('a1', 'a2')
        $ticket.Tags[1] | Should -Be 'billing'
        ($ticket | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv).agents | Should -Be 'a1,a2'
    }

    It 'a row with a column this release does not know keeps it, once, after the known ones' {
        $row = $samples['MqaTotalScore']
        @($row.PSObject.Properties.Name)[-1] | Should -Be 'new_metric'
        (($row | ConvertTo-Json) | Select-String -Pattern '"new_metric"' -AllMatches).Matches.Count | Should -Be 1
    }
}
