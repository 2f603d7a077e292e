# Every type a user sees resolves by name on both builds: as a type literal, with -is, in [OutputType()] of the user's
# own functions, and with Should -BeOfType; and the objects the cmdlets emit are of those very types.
BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $server = Start-MqaMockServer
    $session = New-MqaSession -ApiToken $server.Token -BaseUri $server.ApiUri
}

AfterAll {
    Stop-MqaMockServer $server
}

Describe 'Public types by name' {
    It 'resolves every public type from its literal' {
        # Literals, not strings: this is what users write in their scripts.
        $types = @(
            [MaestroQA.Client.Models.MqaExport]
            [MaestroQA.Client.Models.MqaTicket]
            [MaestroQA.Client.Models.MqaCaptureUsage]
            [MaestroQA.Client.Models.MqaApiObject]
            [MaestroQA.Client.Models.MqaApiObjectList`1]
            [MaestroQA.Client.Models.MqaCoachingSession]
            [MaestroQA.Client.Models.MqaCoachingPoint]
            [MaestroQA.Client.Models.MqaCoachingActivity]
            [MaestroQA.Client.Models.MqaCoachingPointList]
            [MaestroQA.Client.Models.MqaCoachingActivityList]
            [MaestroQA.Client.Models.CoachingTimeAxis]
            [MaestroQA.Client.Models.CoachingSessionRequest]
            [MaestroQA.Client.Models.MqaExportRow]
            [MaestroQA.Client.Models.MqaTotalScore]
            [MaestroQA.Client.Models.MqaSectionScore]
            [MaestroQA.Client.Models.MqaAnswerScore]
            [MaestroQA.Client.Models.MqaAnnotation]
            [MaestroQA.Client.Models.MqaCsat]
            [MaestroQA.Client.Models.MqaGroupMember]
            [MaestroQA.Client.Models.MqaAuditLogEntry]
            [MaestroQA.Client.Models.ExportStatus]
            [MaestroQA.Client.Models.ExportKind]
            [MaestroQA.Client.Models.ExportTable]
            [MaestroQA.Client.Models.CalibrationFilter]
            [MaestroQA.Client.Models.CaptureInterval]
            [MaestroQA.Client.Models.TicketConflictAction]
            [MaestroQA.Client.Models.RateLimitPolicy]
            [MaestroQA.Client.Models.RateLimiterSnapshot]
            [MaestroQA.Client.Models.MaestroQAApiException]
            [MaestroQA.Client.Models.ApiErrorKind]
            [MaestroQA.Client.Models.ExportFormatException]
            [MaestroQA.Client.Models.MqaSyncWindow]
            [MaestroQA.Client.Models.SyncLockedException]
            [MaestroQA.Client.Models.SyncStateException]
            [MaestroQA.PowerShell.Session.MqaSession]
        )
        $types | Should -HaveCount 35
        $types | ForEach-Object { $_ | Should -BeOfType [type] }
        [MaestroQA.Client.Models.ExportTable]::TotalScores | Should -Be 'TotalScores'
    }

    It 'names every exported type of the models assembly, and loads it in PowerShell''s own load context' {
        $assembly = [MaestroQA.Client.Models.MqaTicket].Assembly
        $missing = $assembly.GetExportedTypes() | Where-Object { -not ($_.FullName -as [type]) }
        $missing | Should -BeNullOrEmpty
        if ($PSVersionTable.PSEdition -eq 'Core') {
            [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($assembly) | Should -Be ([System.Runtime.Loader.AssemblyLoadContext]::Default)
        }
    }

    It 'the objects the cmdlets emit are of the named types' {
        $export = Invoke-MqaGroupsExport -Name 'types rows=3' -Wait -PollInterval 0.1 -Session $session
        $export | Should -BeOfType [MaestroQA.Client.Models.MqaExport]
        $export.Status -is [MaestroQA.Client.Models.ExportStatus] | Should -BeTrue
        $export.Kind | Should -Be ([MaestroQA.Client.Models.ExportKind]::Groups)
        $session | Should -BeOfType [MaestroQA.PowerShell.Session.MqaSession]
        $session.EasyRateLimit | Should -BeOfType [MaestroQA.Client.Models.RateLimitPolicy]

        $folder = Join-Path $TestDrive 'types'
        $rows = @($export | Save-MqaExport -Path $folder -Session $session | Import-MqaExport)
        $rows | Should -HaveCount 3
        $rows | ForEach-Object { $_ | Should -BeOfType [MaestroQA.Client.Models.MqaGroupMember] }
        $rows[0] -is [MaestroQA.Client.Models.MqaExportRow] | Should -BeTrue

        $usage = @(Get-MqaCaptureUsage -GroupId grp_emea -Interval Week -Session $session)
        $usage[0] | Should -BeOfType [MaestroQA.Client.Models.MqaCaptureUsage]
        $usage[0].Interval | Should -Be ([MaestroQA.Client.Models.CaptureInterval]::Week)

        $coaching = @(Get-MqaCoachingSession -StartDate '2024-05-10Z' -EndDate '2024-05-12Z' -TimeAxis CreatedAt -Session $session)
        $coaching[0] | Should -BeOfType [MaestroQA.Client.Models.MqaCoachingSession]
        $coaching[0].CoachingPoints -is [MaestroQA.Client.Models.MqaCoachingPointList] | Should -BeTrue
        @($coaching.CoachingPoints)[0] | Should -BeOfType [MaestroQA.Client.Models.MqaCoachingPoint]
        @($coaching.ActivityLog)[0] | Should -BeOfType [MaestroQA.Client.Models.MqaCoachingActivity]
    }

    It 'works in [OutputType()] and typed parameters of the user''s own functions' {
        function Get-LatestExport {
            [OutputType([MaestroQA.Client.Models.MqaExport])]
            param([MaestroQA.PowerShell.Session.MqaSession] $Session, [MaestroQA.Client.Models.ExportTable] $Table = 'TotalScores')
            Get-MqaExport -ExportId (Invoke-MqaGroupsExport -Session $Session).ExportId -Session $Session
            $Table
        }
        (Get-Command Get-LatestExport).OutputType.Type | Should -Be ([MaestroQA.Client.Models.MqaExport])
        $result = @(Get-LatestExport -Session $session)
        $result[0] | Should -BeOfType [MaestroQA.Client.Models.MqaExport]
        $result[1] | Should -Be ([MaestroQA.Client.Models.ExportTable]::TotalScores)
    }

    It 'an API failure carries a MaestroQAApiException users can catch by type' {
        $caught = $null
        try { Get-MqaExport -ExportId 'no-such-export' -Session $session -ErrorAction Stop }
        catch [MaestroQA.Client.Models.MaestroQAApiException] { $caught = $_.Exception }
        $caught | Should -Not -BeNullOrEmpty
        $caught.Kind | Should -Be ([MaestroQA.Client.Models.ApiErrorKind]::NotFound)
    }
}
