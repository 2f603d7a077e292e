# Sync-MqaExport end to end against the local server: what lands in the folder, what the state records, what is sent.
BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    . $PSScriptRoot/Support/SyncSetup.ps1
}

AfterAll {
    Stop-MqaMockServer $server
}

Describe 'Sync-MqaExport lands each window''s tables' {
    BeforeEach { Reset-MqaMockServer $server; Set-SyncConfig }

    It 'splits each raw zip by header into table/from_to.csv, byte for byte, and Import-MqaExport reads the windows in order' {
        $folder = New-TestFolder -NameOnly
        $windows = @(Sync-MqaExport -Path $folder -StartDate '2024-01-03T12:00:00Z' -EndDate '2024-01-10T00:00:00Z' -ChunkDays 7 -Session $session -PollInterval 0.1)

        # Monday-aligned weeks: the first window starts where asked, the rest on Mondays (2024-01-08).
        $windows | Should -HaveCount 2
        $windows[0] | Should -BeOfType [MaestroQA.Client.Models.MqaSyncWindow]
        $windows.ForEach({ '{0:yyyy-MM-ddTHH:mm:ss} {1:yyyy-MM-ddTHH:mm:ss}' -f $_.From, $_.To }) | Should -Be @('2024-01-03T12:00:00 2024-01-08T00:00:00', '2024-01-08T00:00:00 2024-01-10T00:00:00')
        $windows[0].Kind | Should -Be 'Raw'
        $windows[0].Files | Should -HaveCount 5
        $windows[0].Bytes | Should -Be (($windows[0].Files | Get-Item | Measure-Object Length -Sum).Sum)
        $windows[0].Duration | Should -BeGreaterThan ([TimeSpan]::Zero)
        Get-TableFile $folder | Should -Be @($rawTables | ForEach-Object { "$_/2024-01-03T120000Z_2024-01-08T000000Z.csv"; "$_/2024-01-08T000000Z_2024-01-10T000000Z.csv" })

        # Each file is exactly its zip entry, which sat at a numbered name in a folder.
        $export = Get-MqaExport -ExportId $windows[0].ExportId -Session $session
        $zip = $export | Save-MqaExport -Path (New-TestFolder -NameOnly) -Session $session
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $archive = [System.IO.Compression.ZipFile]::OpenRead($zip.FullName)
        try {
            foreach ($entry in (Get-MqaMockExport $server $windows[0].ExportId).entries) {
                $entry.name | Should -Match '/\d\.csv$'
                $stream = [System.IO.MemoryStream]::new()
                $archive.GetEntry($entry.name).Open().CopyTo($stream)
                $file = Join-Path $folder "$($entry.table)/2024-01-03T120000Z_2024-01-08T000000Z.csv"
                [System.IO.File]::ReadAllBytes($file) | Should -Be $stream.ToArray() -Because $entry.table
            }
        }
        finally { $archive.Dispose() }

        $rows = @(Import-MqaExport -Path (Join-Path $folder total_scores))
        $rows | Should -HaveCount 20
        $expected = @($windows | ForEach-Object { Get-MqaMockExportRow $server $_.ExportId total_scores })
        $rows.GradableId | Should -Be $expected.gradable_id -Because 'every window, oldest first'

        $state = Read-State $folder
        $state.raw.syncedTo | Should -Be '2024-01-10T00:00:00Z'
        $state.raw.windows | Should -HaveCount 0
        Test-Path (Join-Path $folder '.mqa-sync.lock') | Should -BeFalse
        Test-Path (Join-Path $folder '.mqa-sync-work') | Should -BeFalse
    }

    It 'lands the audit log as one table per window and a groups snapshot under the time it was taken' {
        $folder = New-TestFolder -NameOnly
        $windows = @(Sync-MqaExport -Path $folder -Kind AuditLog, Groups -StartDate '2024-01-01Z' -EndDate '2024-01-03Z' @sync)
        $windows.Kind | Should -Be @('AuditLog', 'AuditLog', 'Groups')
        $snapshot = $windows[2]
        $snapshot.From | Should -Be $snapshot.To
        $taken = $snapshot.From.ToString("yyyy-MM-dd'T'HHmmss'Z'")
        Get-TableFile $folder | Should -Be @("agent_groups/$taken.csv", 'audit_log/2024-01-01T000000Z_2024-01-02T000000Z.csv', 'audit_log/2024-01-02T000000Z_2024-01-03T000000Z.csv')
        @(Import-MqaExport -Path (Join-Path $folder audit_log)) | Should -HaveCount 20
        @(Import-MqaExport -Path (Join-Path $folder agent_groups))[0].GetType().Name | Should -Be 'MqaGroupMember'
    }

    It 'completes a window MaestroQA has no data for, with a warning and no file' {
        Set-SyncConfig @{ emptyExportNames = @('Sync-MqaExport Raw 2024-01-02T000000Z_2024-01-03T000000Z') }
        $folder = New-TestFolder -NameOnly
        $windows = @(Sync-MqaExport -Path $folder -StartDate '2024-01-01Z' -EndDate '2024-01-04Z' @sync -WarningVariable warnings -WarningAction SilentlyContinue)
        $windows | Should -HaveCount 3
        ($windows | Sort-Object From)[1].Files | Should -HaveCount 0
        $warnings | Should -HaveCount 1
        "$warnings" | Should -Match 'complete with no data'
        (Read-State $folder).raw.syncedTo | Should -Be '2024-01-04T00:00:00Z'
        @(Get-TableFile $folder | Where-Object { $_ -like '*2024-01-02T000000Z_*' }) | Should -BeNullOrEmpty
    }
}

Describe 'Sync-MqaExport continues from where the last run ended' {
    BeforeEach { Reset-MqaMockServer $server; Set-SyncConfig }

    It 'a nightly run after a missed night covers both nights, with no gap and nothing asked twice' {
        $folder = New-TestFolder -NameOnly
        $null = Sync-MqaExport -Path $folder -StartDate '2024-03-01T06:00:00Z' -EndDate '2024-03-02T06:00:00Z' @sync
        # The night of the 2nd is missed; the run of the 3rd covers both.
        $third = @(Sync-MqaExport -Path $folder -EndDate '2024-03-04T06:00:00Z' @sync)
        $third | ForEach-Object { '{0:MM-ddTHH} {1:MM-ddTHH}' -f $_.From, $_.To } | Should -Be @('03-02T06 03-03T00', '03-03T00 03-04T00', '03-04T00 03-04T06')
        $all = Get-RequestedWindow
        $all | Should -Be @(
            '2024-03-01T060000Z_2024-03-02T000000Z', '2024-03-02T000000Z_2024-03-02T060000Z',
            '2024-03-02T060000Z_2024-03-03T000000Z', '2024-03-03T000000Z_2024-03-04T000000Z', '2024-03-04T000000Z_2024-03-04T060000Z')
        # Contiguous: each window starts where the one before ended.
        for ($i = 1; $i -lt $all.Count; $i++) { ($all[$i] -split '_')[0] | Should -Be ($all[$i - 1] -split '_')[1] }
        (Read-State $folder).raw.syncedTo | Should -Be '2024-03-04T06:00:00Z'
        # Run again with the same end: nothing to do, nothing sent.
        $before = @(Get-ApiRequest request-raw-export).Count
        Sync-MqaExport -Path $folder -EndDate '2024-03-04T06:00:00Z' @sync | Should -BeNullOrEmpty
        @(Get-ApiRequest request-raw-export).Count | Should -Be $before
    }

    It 'keeps its state where -StatePath says, so a job with a new, empty folder each time (Azure Automation) goes on from the last' {
        $work = New-TestFolder -NameOnly
        $firstState = Join-Path $work 'first/state.json'
        $firstFolder = Join-Path $work 'first/data'
        $null = New-Item -ItemType Directory -Path (Split-Path $firstState) -Force
        $null = Sync-MqaExport -Path $firstFolder -StatePath $firstState -StartDate '2024-03-01Z' -EndDate '2024-03-03Z' @sync
        Test-Path (Join-Path $firstFolder '.mqa-sync.json') | Should -BeFalse -Because 'the state goes where -StatePath says'
        # As the runbook does: the state text goes into an Automation variable, and the next job writes it to a new file.
        $variable = [System.IO.File]::ReadAllText($firstState)
        $secondState = Join-Path $work 'second/state.json'
        $secondFolder = Join-Path $work 'second/data'
        $null = New-Item -ItemType Directory -Path (Split-Path $secondState) -Force
        [System.IO.File]::WriteAllText($secondState, $variable)

        $windows = @(Sync-MqaExport -Path $secondFolder -StatePath $secondState -EndDate '2024-03-04Z' @sync)
        $windows | ForEach-Object { '{0:MM-dd} {1:MM-dd}' -f $_.From, $_.To } | Should -Be @('03-03 03-04')
        Get-RequestedWindow | Should -Be @('2024-03-01T000000Z_2024-03-02T000000Z', '2024-03-02T000000Z_2024-03-03T000000Z', '2024-03-03T000000Z_2024-03-04T000000Z')
        Get-TableFile $secondFolder | Should -Be @($rawTables | ForEach-Object { "$_/2024-03-03T000000Z_2024-03-04T000000Z.csv" })
    }

    It 'polls and downloads the exports an earlier run requested, without requesting them again' {
        # Exports that take 3 s, and a run that gives up after 1 s: it leaves every window requested and pending.
        Set-SyncConfig @{ exportRequestedMs = 500; exportInProgressMs = 2500 }
        $folder = New-TestFolder -NameOnly
        $null = Sync-MqaExport -Path $folder -StartDate '2024-01-01Z' -EndDate '2024-01-04Z' -Timeout 1 @sync -ErrorVariable timedOut -ErrorAction SilentlyContinue
        $timedOut | Should -HaveCount 3
        $timedOut[0].FullyQualifiedErrorId | Should -BeLike 'MaestroQA.Timeout,*'
        (Read-State $folder).raw.windows | Should -HaveCount 3
        Get-ApiRequest request-raw-export | Should -HaveCount 3

        $windows = @(Sync-MqaExport -Path $folder -EndDate '2024-01-04Z' @sync)
        $windows | Should -HaveCount 3
        Get-ApiRequest request-raw-export | Should -HaveCount 3 -Because 'pending exports are polled, not requested again'
        (Read-State $folder).raw.windows | Should -HaveCount 0
    }

    It 'a token refused mid-run ends it at once with one error; the next run polls what it requested, asking nothing twice' {
        Set-SyncConfig @{ faults = @{ sequence = @('401'); routes = @('get-export-data') } }
        $folder = New-TestFolder -NameOnly
        { Sync-MqaExport -Path $folder -StartDate '2024-01-01Z' -EndDate '2024-01-04Z' @sync -ErrorAction Continue -ErrorVariable failed } |
            Should -Throw -ErrorId "MaestroQA.Unauthorized,$cmdletId"
        $failed | Should -HaveCount 1 -Because 'the refusal ends the run: the other windows are not each reported'

        $windows = @(Sync-MqaExport -Path $folder -EndDate '2024-01-04Z' @sync)
        $windows | Should -HaveCount 3
        Get-RequestedWindow | Should -Be @('2024-01-01T000000Z_2024-01-02T000000Z', '2024-01-02T000000Z_2024-01-03T000000Z', '2024-01-03T000000Z_2024-01-04T000000Z')
    }

    It 'requests anew a window whose export the API no longer knows' {
        Set-SyncConfig @{ exportRequestedMs = 500; exportInProgressMs = 2500 }
        $folder = New-TestFolder -NameOnly
        $null = Sync-MqaExport -Path $folder -StartDate '2024-01-01Z' -EndDate '2024-01-03Z' -Timeout 1 @sync -ErrorAction SilentlyContinue
        $forgotten = (Read-State $folder).raw.windows[0].exportId
        $null = Remove-MqaMockExport $server $forgotten
        $windows = @(Sync-MqaExport -Path $folder -EndDate '2024-01-03Z' @sync)
        $windows | Should -HaveCount 2
        $windows.ExportId | Should -Not -Contain $forgotten
        Get-RequestedWindow | Should -Be @('2024-01-01T000000Z_2024-01-02T000000Z', '2024-01-02T000000Z_2024-01-03T000000Z', '2024-01-01T000000Z_2024-01-02T000000Z')
    }

    It 'leaves an errored window for the next run, which requests it again' {
        Set-SyncConfig @{ erroredExportNames = @('Sync-MqaExport Raw 2024-01-01T000000Z_2024-01-02T000000Z') }
        $folder = New-TestFolder -NameOnly
        $windows = @(Sync-MqaExport -Path $folder -StartDate '2024-01-01Z' -EndDate '2024-01-03Z' @sync -ErrorVariable failed -ErrorAction SilentlyContinue)
        $windows | Should -HaveCount 1 -Because 'the window after the errored one still lands'
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MaestroQA.ExportFailed,*'
        $state = Read-State $folder
        $state.raw.syncedTo | Should -Be '2024-01-01T00:00:00Z' -Because 'the synced point stops before the gap'
        $state.raw.windows.done | Should -Be @($true)

        Set-SyncConfig
        $again = @(Sync-MqaExport -Path $folder -EndDate '2024-01-03Z' @sync)
        ($again.From | ForEach-Object { $_.ToString('yyyy-MM-dd') }) | Should -Be @('2024-01-01')
        (Read-State $folder).raw.syncedTo | Should -Be '2024-01-03T00:00:00Z'
    }
}

Describe 'Sync-MqaExport refuses bad input, touching nothing' {
    BeforeAll {
        Reset-MqaMockServer $server; Set-SyncConfig
        $synced = New-TestFolder -NameOnly
        $null = Sync-MqaExport -Path $synced -StartDate '2024-01-01Z' -EndDate '2024-01-03Z' @sync
        $stateFile = Join-Path $synced '.mqa-sync.json'
    }
    BeforeEach { Clear-MqaMockRequest $server }

    It '<Case>' -ForEach @(
        @{ Case = 'an EndDate before the synced point'; ErrorId = 'MaestroQA.EndDateBeforeSynced'; Category = 'InvalidArgument'; Arguments = @{ EndDate = '2024-01-02Z' } }
        @{ Case = 'options other than the folder was synced with'; ErrorId = 'MaestroQA.SyncStateMismatch'; Category = 'InvalidArgument'; Arguments = @{ EndDate = '2024-01-05Z'; IncludeCalibrations = 'All' } }
        @{ Case = 'a negative -Lag'; ErrorId = 'MaestroQA.InvalidLag'; Category = 'InvalidArgument'; Arguments = @{ Lag = -5 } }
    ) {
        $before = Get-FileHash $stateFile
        $files = Get-TableFile $synced
        $thrown = { Sync-MqaExport -Path $synced @Arguments @sync -ErrorAction Stop } | Should -Throw -ErrorId "$ErrorId,$cmdletId" -PassThru
        $thrown.CategoryInfo.Category | Should -Be $Category
        (Get-FileHash $stateFile).Hash | Should -Be $before.Hash
        Get-TableFile $synced | Should -Be $files
        Get-MqaMockRequest $server | Should -BeNullOrEmpty
        Test-Path (Join-Path $synced '.mqa-sync.lock') | Should -BeFalse
    }

    It 'a Path that is a file' {
        $file = Join-Path $TestDrive 'not-a-folder.txt'
        Set-Content $file 'x'
        $thrown = { Sync-MqaExport -Path $file -StartDate '2024-01-01Z' -EndDate '2024-01-02Z' @sync -ErrorAction Stop } | Should -Throw -ErrorId "MaestroQA.InvalidPath,$cmdletId" -PassThru
        Get-Content $file | Should -Be 'x'
        Get-MqaMockRequest $server | Should -BeNullOrEmpty
    }

    It 'a first sync without -StartDate' {
        $folder = New-TestFolder -NameOnly
        $thrown = { Sync-MqaExport -Path $folder -EndDate '2024-01-02Z' @sync -ErrorAction Stop } | Should -Throw -ErrorId "MaestroQA.StartDateRequired,$cmdletId" -PassThru
        Test-Path $folder | Should -BeFalse
        Get-MqaMockRequest $server | Should -BeNullOrEmpty
    }

    It 'a state file that does not parse' {
        $folder = New-TestFolder -NameOnly
        $null = New-Item -ItemType Directory $folder
        Set-Content (Join-Path $folder '.mqa-sync.json') '{ "version": 1, "raw": { "syncedTo": '
        $broken = Get-FileHash (Join-Path $folder '.mqa-sync.json')
        $thrown = { Sync-MqaExport -Path $folder -StartDate '2024-01-01Z' -EndDate '2024-01-02Z' @sync -ErrorAction Stop } | Should -Throw -ErrorId "MaestroQA.SyncStateInvalid,$cmdletId" -PassThru
        $thrown.CategoryInfo.Category | Should -Be 'InvalidData'
        (Get-FileHash (Join-Path $folder '.mqa-sync.json')).Hash | Should -Be $broken.Hash
        @(Get-ChildItem $folder -Force) | Should -HaveCount 1
        Get-MqaMockRequest $server | Should -BeNullOrEmpty
    }

    It 'a state from another BaseUri' {
        $other = New-MqaSession -ApiToken $server.Token -BaseUri ($server.ApiUri -replace '127\.0\.0\.1', 'localhost') `
            -DemandingRateLimit @{ PerSecond = 1; PerMinute = 30; WindowScale = 0.1 } -EasyRateLimit @{ PerSecond = 10; PerMinute = 100; WindowScale = 0.1 }
        $before = Get-FileHash $stateFile
        $thrown = { Sync-MqaExport -Path $synced -EndDate '2024-01-05Z' -Session $other -ErrorAction Stop } | Should -Throw -ErrorId "MaestroQA.SyncStateMismatch,$cmdletId" -PassThru
        $thrown.Exception.Message | Should -Match 'export ids of one API mean nothing to another'
        (Get-FileHash $stateFile).Hash | Should -Be $before.Hash
        Get-MqaMockRequest $server | Should -BeNullOrEmpty
    }

    It '-WhatIf lists the windows it would request and sends nothing' {
        $folder = New-TestFolder -NameOnly
        # What if lines go to the host: a transcript is what sees them.
        $transcript = Join-Path $TestDrive 'whatif.txt'
        $null = Start-Transcript -Path $transcript
        try { Sync-MqaExport -Path $folder -StartDate '2024-01-01Z' -EndDate '2024-01-04Z' @sync -WhatIf | Should -BeNullOrEmpty }
        finally { $null = Stop-Transcript }
        $lines = @(Get-Content $transcript | Where-Object { $_ -like 'What if:*' })
        $lines | Should -HaveCount 3
        foreach ($day in 1..3) { $lines[$day - 1] | Should -Match "Request the export .*: Raw 2024-01-0$day 00:00:00Z to 2024-01-0$($day + 1) 00:00:00Z" }
        Get-MqaMockRequest $server | Should -BeNullOrEmpty
        Test-Path $folder | Should -BeFalse
    }
}

# CoreOnly: these start a child pwsh (a PowerShell 7 host), as the suite's convention says.
Describe 'One sync per folder' -Tag 'CoreOnly' {
    BeforeEach { Reset-MqaMockServer $server; Set-SyncConfig @{ exportRequestedMs = 500; exportInProgressMs = 4000 } }

    It 'a second sync while one runs fails at once naming the holder; a lock left by a killed sync is taken over' {
        $folder = New-TestFolder -NameOnly
        $child = Start-SyncChild $folder '2024-01-01Z' '2024-01-03Z'
        try {
            $lockFile = Join-Path $folder '.mqa-sync.lock'
            $held = Wait-Condition $child.Process { Test-Path $lockFile }
            $held | Should -BeTrue -Because "the child holds the lock (exit $(if ($child.Process.HasExited) { $child.Process.ExitCode }): $(if ($child.Process.HasExited) { $child.Out.Result + $child.Err.Result }))"
            # Another token, so the server's record tells this sync's requests from the child's.
            $second = New-MqaSession -ApiToken 'mqa-test-token-0002' -BaseUri $server.ApiUri `
                -DemandingRateLimit @{ PerSecond = 1; PerMinute = 30; WindowScale = 0.1 } -EasyRateLimit @{ PerSecond = 10; PerMinute = 100; WindowScale = 0.1 }
            $thrown = { Sync-MqaExport -Path $folder -StartDate '2024-01-01Z' -EndDate '2024-01-03Z' -ChunkDays 1 -Session $second -ErrorAction Stop } | Should -Throw -ErrorId "MaestroQA.SyncLocked,$cmdletId" -PassThru
            $record = $thrown
            $record.CategoryInfo.Category | Should -Be 'ResourceBusy'
            $record.Exception.Message | Should -Match "process $($child.Process.Id) on $([regex]::Escape([Environment]::MachineName)), since \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ"
            $record.Exception.ProcessId | Should -Be $child.Process.Id
            @(Get-MqaMockRequest $server | Where-Object tokenTail -EQ '0002') | Should -BeNullOrEmpty -Because 'the second sync sent nothing'

            $child.Process.Kill()
            $child.Process.WaitForExit()
            Test-Path $lockFile | Should -BeTrue -Because 'a killed process cannot remove its lock'
        }
        finally { if (-not $child.Process.HasExited) { $child.Process.Kill() } }

        # The same command as the child's, as a scheduled job runs it (the child may have died before its first request).
        $windows = @(Sync-MqaExport -Path $folder -StartDate '2024-01-01Z' -EndDate '2024-01-03Z' @sync)
        $windows | Should -HaveCount 2
        Test-Path (Join-Path $folder '.mqa-sync.lock') | Should -BeFalse
    }
}

Describe 'Killed hard at random moments, a 20-window backfill still ends byte-identical' -Tag 'CoreOnly' {
    BeforeAll {
        Reset-MqaMockServer $server
        Set-SyncConfig @{ exportRequestedMs = 150; exportInProgressMs = 350 }
        $start = '2024-01-01T00:00:00Z'
        $end = '2024-01-21T00:00:00Z'
        $windowNames = 0..19 | ForEach-Object { '{0:yyyy-MM-dd}T000000Z_{1:yyyy-MM-dd}T000000Z' -f ([datetime]'2024-01-01').AddDays($_), ([datetime]'2024-01-01').AddDays($_ + 1) }

        # The reference: one run, never interrupted.
        $reference = New-TestFolder -NameOnly
        $run = Start-SyncChild $reference $start $end
        $run.Process.WaitForExit()
        if ($run.Process.ExitCode -ne 0) { throw "The reference run failed: $($run.Err.Result)" }
        Clear-MqaMockRequest $server

        # Ten hard kills, each at a moment drawn (from a fixed seed) among: the n-th export request, status check or
        # download of this run, or the n-th new table file; then one run to the end.
        $random = [Random]::new(20240101)
        $folder = New-TestFolder -NameOnly
        $kills = [System.Collections.Generic.List[object]]::new()
        $runs = 0
        while ($true) {
            $runs++
            $state = Read-State $folder
            $requested = if ($state) { $windowNames.Count - @($windowNames | Where-Object { $_ -ge ($state.raw.syncedTo -replace ':', '') }).Count + @($state.raw.windows).Count } else { 0 }
            $seen = @(Get-MqaMockRequest $server)
            $count = { param($route) @($seen | Where-Object route -EQ $route).Count }
            $triggers = @('status', 'download', 'file') + $(if ($requested -lt $windowNames.Count - 2) { 'request', 'request' })
            $trigger = $triggers[$random.Next($triggers.Count)]
            $n = $random.Next(1, 4)
            $files = (Get-TableFile $folder).Count
            $condition = switch ($trigger) {
                'request' { $base = & $count request-raw-export; { @(Get-ApiRequest request-raw-export).Count -ge $base + $n } }
                'status' { $base = & $count get-export-data; { @(Get-ApiRequest get-export-data).Count -ge $base + 2 * $n } }
                'download' { $base = & $count downloads; { @(Get-ApiRequest downloads).Count -ge $base + $n } }
                'file' { $want = $files + $n; { (Get-TableFile $folder).Count -ge $want } }
            }
            $child = Start-SyncChild $folder $start $end
            if ($kills.Count -ge 10) {
                $child.Process.WaitForExit()
                if ($child.Process.ExitCode -ne 0) { throw "The last run failed: $($child.Err.Result)" }
                break
            }
            if (Wait-Condition $child.Process $condition) {
                $child.Process.Kill()
                $child.Process.WaitForExit()
                # What was complete when it died: every table file of a window in place, or the state says so.
                $present = Get-TableFile $folder
                $state = Read-State $folder
                $complete = @($windowNames | Where-Object {
                        $name = $_
                        ($rawTables | Where-Object { "$_/$name.csv" -in $present }).Count -eq $rawTables.Count -or
                        ($state -and (
                            ($name -split '_')[1] -le ($state.raw.syncedTo -replace ':', '') -or
                            @($state.raw.windows | Where-Object { $_.done -and ('{0}_{1}' -f ($_.from -replace ':', ''), ($_.to -replace ':', '')) -eq $name })))
                    })
                $kills.Add([pscustomobject]@{ Trigger = "$trigger $n"; RequestsBefore = @(Get-RequestedWindow).Count; Complete = $complete })
            }
            elseif ($child.Process.ExitCode -ne 0) { throw "Run $runs failed: $($child.Err.Result)" }
            else { break } # it finished before the moment came: nothing left to kill
        }
        $requests = Get-RequestedWindow
    }

    It 'was killed ten times' {
        $kills | Should -HaveCount 10
    }

    It 'ends byte-identical to an uninterrupted run' {
        $expected = Get-TableFile $reference
        $expected | Should -HaveCount 100
        Get-TableFile $folder | Should -Be $expected
        foreach ($file in $expected) {
            (Get-FileHash (Join-Path $folder $file)).Hash | Should -Be (Get-FileHash (Join-Path $reference $file)).Hash -Because $file
        }
        (Read-State $folder).raw.syncedTo | Should -Be '2024-01-21T00:00:00Z'
        Test-Path (Join-Path $folder '.mqa-sync.lock') | Should -BeFalse
        Test-Path (Join-Path $folder '.mqa-sync-work') | Should -BeFalse
    }

    It 'never requested a complete window again, and no window more than twice' {
        for ($k = 0; $k -lt $kills.Count; $k++) {
            $later = @($requests | Select-Object -Skip $kills[$k].RequestsBefore)
            @($later | Where-Object { $_ -in $kills[$k].Complete }) | Should -BeNullOrEmpty -Because "windows complete at kill $($k + 1) ($($kills[$k].Trigger))"
        }
        $perWindow = $requests | Group-Object
        @($perWindow | Where-Object Count -GT 2) | Should -BeNullOrEmpty
        @($windowNames | Where-Object { $_ -notin $requests }) | Should -BeNullOrEmpty
        $again = @($perWindow | Where-Object Count -EQ 2)
        Write-Host ("    {0} runs, {1} kills ({2}); {3} requests for 20 windows, {4} window(s) requested twice; {5} downloads" -f
            $runs, $kills.Count, (($kills.Trigger | Group-Object | ForEach-Object { "$($_.Name) x$($_.Count)" }) -join ', '),
            $requests.Count, $again.Count, @(Get-ApiRequest downloads).Count)
    }
}
