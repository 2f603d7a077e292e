# Sync-MqaExport against hostile states and servers: what a hostile try of the module found, each pinned here.
BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    . $PSScriptRoot/Support/SyncSetup.ps1

    # A state file as an earlier run, or a hand, could leave it.
    function Write-State([string] $Folder, [hashtable] $Raw, [string] $BaseUri = $server.ApiUri) {
        $null = New-Item -ItemType Directory -Path $Folder -Force
        $state = [ordered]@{ version = 1; baseUri = $BaseUri; raw = $Raw }
        [System.IO.File]::WriteAllText((Join-Path $Folder '.mqa-sync.json'), ($state | ConvertTo-Json -Depth 6))
    }
    function Get-RawOptions { 'includeCalibrations=none;includeGraderQA=false' }
    function Get-Day([int] $Offset) { ([datetime]'2024-01-01').AddDays($Offset).ToString('yyyy-MM-dd') + 'T00:00:00Z' }

    # A 429 holds a token's class for a (scaled) minute window in this whole process: tests that draw one use a token of their own.
    function New-HoldSession([string] $Token) {
        New-MqaSession -ApiToken $Token -BaseUri $server.ApiUri -RetryIntervalSec 0.05 -MaximumRetryCount 10 `
            -DemandingRateLimit @{ PerSecond = 1; PerMinute = 30; WindowScale = 0.1 } -EasyRateLimit @{ PerSecond = 10; PerMinute = 100; WindowScale = 0.1 }
    }
}

AfterAll {
    Stop-MqaMockServer $server
}

Describe 'Exports the server no longer knows' {
    BeforeEach { Reset-MqaMockServer $server; Set-SyncConfig }

    It 'a state with 300 forgotten windows, 12 inside this run: each checked once, requested anew oldest first, the rest left alone' {
        $folder = New-TestFolder -NameOnly
        $windows = @(0..299 | ForEach-Object { [ordered]@{ from = Get-Day $_; to = Get-Day ($_ + 1); exportId = "gone-$_"; requestedAt = '2023-12-31T00:00:00Z'; done = $false } })
        Write-State $folder @{ startDate = (Get-Day 0); syncedTo = (Get-Day 0); options = (Get-RawOptions); windows = $windows }

        $synced = @(Sync-MqaExport -Path $folder -EndDate (Get-Day 12) @sync)

        $synced | Should -HaveCount 12
        $checked = @(Get-MqaMockRequest $server | Where-Object { $_.exportId -like 'gone-*' -or $_.route -like '*/export-data/gone-*' })
        $inRange = 0..11 | ForEach-Object { "gone-$_" }
        foreach ($id in $inRange) {
            @($checked | Where-Object exportId -EQ $id).Count | Should -Be 1 -Because "$id costs one status check (get-export-data, then one try of export-data/<id>)"
        }
        @($checked | Where-Object { $_.exportId -and $_.exportId -notin $inRange }) | Should -BeNullOrEmpty -Because 'windows past -EndDate are neither checked nor requested'
        Get-RequestedWindow | Should -Be @(0..11 | ForEach-Object { '{0}_{1}' -f ((Get-Day $_) -replace ':', ''), ((Get-Day ($_ + 1)) -replace ':', '') }) -Because 'oldest first, so the bookmark moves'
        $state = Read-State $folder
        $state.raw.syncedTo | Should -Be (Get-Day 12)
        $state.raw.windows | Should -HaveCount 288
        $state.raw.windows[0].exportId | Should -Be 'gone-12'
    }
}

Describe 'A server that refuses what the limiter allowed' {
    BeforeEach { Reset-MqaMockServer $server }

    It 'a rerun within a minute of a killed run that filled the window completes, each window requested at most twice, saying so once' {
        # The killed run: 30 requests in the (scaled) minute with the same token; the server's 429s ask for a short
        # 100 ms, shorter than the window needs, as a server once did.
        $token = 'mqa-sync-rerun'
        Set-SyncConfig @{ validTokens = @($server.Token, $token); limits = $limits + @{ retryAfterMs = 100 } }
        foreach ($i in 1..30) {
            $null = Invoke-WebRequest "$($server.ApiUri)request-groups-export" -Method Post -Headers @{ apitoken = $token } -Body '{}' -ContentType 'application/json' -UseBasicParsing
            Start-Sleep -Milliseconds 110
        }
        Clear-MqaMockRequest $server

        $folder = New-TestFolder -NameOnly
        $synced = @(Sync-MqaExport -Path $folder -StartDate '2024-02-01Z' -EndDate '2024-02-11Z' -ChunkDays 1 -PollInterval 0.1 -Session (New-HoldSession $token) -WarningVariable warned -WarningAction SilentlyContinue)

        $synced | Should -HaveCount 10
        $requests = @(Get-ApiRequest request-raw-export)
        @($requests | Where-Object status -EQ 429).Count | Should -Be 1 -Because 'after the first refusal the class waits until the window must have freed'
        @($requests | Where-Object status -EQ 200) | Should -HaveCount 10
        @($warned | Where-Object { "$_" -match 'refused it with 429 .* window must have freed' }) | Should -HaveCount 1
    }

    It 'status checks answered 429 with a Retry-After longer than -Timeout: every export is checked again after the pause, and lands' {
        $token = 'mqa-sync-pause'
        Set-SyncConfig @{ validTokens = @($server.Token, $token); faults = @{ sequence = @('429'); retryAfterMs = 3000; routes = @('get-export-data') } }
        $folder = New-TestFolder -NameOnly

        $synced = @(Sync-MqaExport -Path $folder -StartDate '2024-02-01Z' -EndDate '2024-02-04Z' -ChunkDays 1 -PollInterval 0.1 -Timeout 2 -Session (New-HoldSession $token) -ErrorVariable failed -ErrorAction SilentlyContinue -WarningVariable warned -WarningAction SilentlyContinue)

        @($failed) | Should -BeNullOrEmpty -Because 'an export complete meanwhile is seen complete, not called still Requested'
        $synced | Should -HaveCount 3
        @($warned | Where-Object { "$_" -match 'MaestroQA asks to wait 3 s' }) | Should -HaveCount 1
        (Read-State $folder).raw.syncedTo | Should -Be '2024-02-04T00:00:00Z'
    }
}

Describe 'States and folders that cannot be used: a MaestroQA error naming the path, and nothing sent' {
    BeforeEach { Reset-MqaMockServer $server; Set-SyncConfig }

    It '<Case> is MaestroQA.<ErrorId> (<Category>)' -ForEach @(
        @{ Case = 'a state whose windows are null'; ErrorId = 'SyncStateInvalid'; Category = 'InvalidData'; Raw = @{ startDate = '2024-01-01T00:00:00Z'; syncedTo = '2024-01-01T00:00:00Z'; options = 'includeCalibrations=none;includeGraderQA=false'; windows = $null } }
        @{ Case = 'a state whose windows hold null'; ErrorId = 'SyncStateInvalid'; Category = 'InvalidData'; Raw = @{ startDate = '2024-01-01T00:00:00Z'; syncedTo = '2024-01-01T00:00:00Z'; options = 'includeCalibrations=none;includeGraderQA=false'; windows = @($null) } }
        @{ Case = 'a state synced to before its start'; ErrorId = 'SyncStateInvalid'; Category = 'InvalidData'; Raw = @{ startDate = '2024-03-01T00:00:00Z'; syncedTo = '2024-01-01T00:00:00Z'; options = 'includeCalibrations=none;includeGraderQA=false'; windows = @() } }
    ) {
        $folder = New-TestFolder -NameOnly
        Write-State $folder $Raw
        $statePath = Join-Path $folder '.mqa-sync.json'
        $before = Get-FileHash $statePath

        $thrown = { Sync-MqaExport -Path $folder -EndDate '2024-04-01Z' @sync -ErrorAction Stop } | Should -Throw -ErrorId "MaestroQA.$ErrorId,$cmdletId" -PassThru

        $thrown.CategoryInfo.Category | Should -Be $Category
        $thrown.TargetObject | Should -Be $statePath
        (Get-FileHash $statePath).Hash | Should -Be $before.Hash
        Get-MqaMockRequest $server | Should -BeNullOrEmpty
    }

    It 'a state whose base URI lacks only the trailing slash is the same API' {
        $folder = New-TestFolder -NameOnly
        Write-State $folder @{ startDate = (Get-Day 0); syncedTo = (Get-Day 0); options = (Get-RawOptions); windows = @() } -BaseUri ($server.ApiUri.TrimEnd('/'))

        @(Sync-MqaExport -Path $folder -EndDate (Get-Day 1) @sync) | Should -HaveCount 1
    }

    It '<Case>: MaestroQA.FileError naming <Named>, and no export requested' -ForEach @(
        @{ Case = 'a lock file that is a folder'; Named = '.mqa-sync.lock'; Prepare = { param($folder) $null = New-Item -ItemType Directory (Join-Path $folder '.mqa-sync.lock') } }
        @{ Case = 'a file where a table''s folder goes'; Named = 'total_scores'; Prepare = { param($folder) Set-Content (Join-Path $folder 'total_scores') 'a file, not a folder' } }
        @{ Case = 'a read-only state file'; Named = '.mqa-sync.json'; Prepare = {
                param($folder)
                $state = Join-Path $folder '.mqa-sync.json'
                [System.IO.File]::WriteAllText($state, ([ordered]@{ version = 1; baseUri = $server.ApiUri; raw = @{ startDate = '2024-01-01T00:00:00Z'; syncedTo = '2024-01-01T00:00:00Z'; options = 'includeCalibrations=none;includeGraderQA=false'; windows = @() } } | ConvertTo-Json -Depth 4))
                Set-ItemProperty $state -Name IsReadOnly -Value $true
            }
        }
        @{ Case = 'a -Path through a file'; Named = 'blocker'; Prepare = { param($folder) Set-Content (Join-Path $folder 'blocker') 'a file' } }
    ) {
        $root = New-TestFolder
        & $Prepare $root
        $folder = if ($Named -eq 'blocker') { Join-Path $root 'blocker/sync' } else { $root }

        $thrown = { Sync-MqaExport -Path $folder -StartDate '2024-01-01Z' -EndDate '2024-01-03Z' @sync -ErrorAction Stop } | Should -Throw -PassThru

        $thrown.FullyQualifiedErrorId | Should -Be "MaestroQA.FileError,$cmdletId"
        $thrown.CategoryInfo.Category | Should -Be 'WriteError'
        "$($thrown.TargetObject)" | Should -Match ([regex]::Escape($Named))
        $thrown.Exception.Message | Should -Match ([regex]::Escape($Named))
        Get-ApiRequest request-raw-export | Should -BeNullOrEmpty
    }
}

Describe 'Dates the user gave, named as they gave them' {
    BeforeEach { Reset-MqaMockServer $server; Set-SyncConfig; Clear-MqaMockRequest $server }

    It 'a first sync with -StartDate after -EndDate is MaestroQA.InvalidDateRange naming both' {
        $thrown = { Sync-MqaExport -Path (New-TestFolder -NameOnly) -StartDate '2024-02-01Z' -EndDate '2024-01-01Z' @sync -ErrorAction Stop } | Should -Throw -ErrorId "MaestroQA.InvalidDateRange,$cmdletId" -PassThru
        $thrown.Exception.Message | Should -BeLike '-StartDate 2024-02-01 00:00:00Z is after -EndDate 2024-01-01 00:00:00Z*'
        Get-MqaMockRequest $server | Should -BeNullOrEmpty
    }

    It 'a first sync starting in the future, with no -EndDate, names now minus -Lag, not an -EndDate never given' {
        $future = [DateTime]::UtcNow.AddDays(3).ToString('yyyy-MM-ddTHH:mm:ssZ', [cultureinfo]::InvariantCulture)
        $thrown = { Sync-MqaExport -Path (New-TestFolder -NameOnly) -StartDate $future @sync -ErrorAction Stop } | Should -Throw -ErrorId "MaestroQA.InvalidDateRange,$cmdletId" -PassThru
        $thrown.Exception.Message | Should -Match 'is after now minus -Lag \(.*\), where a run ends by default'
        $thrown.Exception.Message | Should -Not -Match '-EndDate'
    }

    It 'a state whose bookmark is in the future says so, naming now minus -Lag' {
        $folder = New-TestFolder -NameOnly
        $later = [DateTime]::UtcNow.Date.AddDays(5).ToString('yyyy-MM-ddTHH:mm:ssZ', [cultureinfo]::InvariantCulture)
        Write-State $folder @{ startDate = (Get-Day 0); syncedTo = $later; options = (Get-RawOptions); windows = @() }
        $thrown = { Sync-MqaExport -Path $folder @sync -ErrorAction Stop } | Should -Throw -ErrorId "MaestroQA.EndDateBeforeSynced,$cmdletId" -PassThru
        $thrown.Exception.Message | Should -Match '^Now minus -Lag \(.*\) is before .*the clock of the machine that wrote it may have been ahead'
        Get-MqaMockRequest $server | Should -BeNullOrEmpty
    }

    It 'a range of less than a second says there is nothing to sync, and sends nothing' {
        $null = Sync-MqaExport -Path (New-TestFolder -NameOnly) -StartDate '2024-01-01T00:00:00.2Z' -EndDate '2024-01-01T00:00:00.9Z' @sync -WarningVariable warned -WarningAction SilentlyContinue
        "$warned" | Should -Match 'nothing to sync yet'
        Get-MqaMockRequest $server | Should -BeNullOrEmpty
    }

    It 'without -EndDate a run ends at now minus -Lag' {
        $start = [DateTime]::UtcNow.Date.AddDays(-3)
        $before = [DateTime]::UtcNow
        $synced = @(Sync-MqaExport -Path (New-TestFolder -NameOnly) -StartDate $start -Lag '1.00:00:00' @sync)
        $after = [DateTime]::UtcNow
        $end = ($synced | Sort-Object To)[-1].To
        $end | Should -BeGreaterOrEqual $before.AddDays(-1).AddSeconds(-1)
        $end | Should -BeLessOrEqual $after.AddDays(-1)
    }
}

Describe 'Windows MaestroQA has no data for' {
    BeforeEach { Reset-MqaMockServer $server }

    It 'is confirmed by a second check, recorded empty, listed by -WhatIf, and redone by -RedoEmptyWindows' {
        $empty = 'Sync-MqaExport Raw 2024-01-02T000000Z_2024-01-03T000000Z'
        Set-SyncConfig @{ emptyExportNames = @($empty) }
        $folder = New-TestFolder -NameOnly
        $null = Sync-MqaExport -Path $folder -StartDate '2024-01-01Z' -EndDate '2024-01-04Z' @sync -WarningAction SilentlyContinue
        $emptyId = @(Get-MqaMockExport $server | Where-Object name -EQ $empty)[0].exportId
        @(Get-ApiRequest get-export-data | Where-Object { $_.exportId -eq $emptyId -and $_.status -eq 200 }).Count | Should -BeGreaterOrEqual 2 -Because 'an empty answer is asked once more before it is recorded'
        $recorded = @((Read-State $folder).raw.emptyWindows)
        $recorded | Should -HaveCount 1
        $recorded[0].from | Should -Be '2024-01-02T00:00:00Z'
        $recorded[0].exportId | Should -Be $emptyId

        $transcript = Join-Path $TestDrive 'empty-whatif.txt'
        $null = Start-Transcript -Path $transcript
        try { $null = Sync-MqaExport -Path $folder -EndDate '2024-01-04Z' @sync -WhatIf }
        finally { $null = Stop-Transcript }
        @(Get-Content $transcript | Where-Object { $_ -like 'What if:*' -and $_ -match 'Keep as synced with no data: Raw 2024-01-02 00:00:00Z' }) | Should -HaveCount 1

        Set-SyncConfig
        $redone = @(Sync-MqaExport -Path $folder -EndDate '2024-01-04Z' -RedoEmptyWindows @sync)
        $redone | Should -HaveCount 1
        $redone[0].Files | Should -HaveCount 5
        @((Read-State $folder).raw.emptyWindows) | Should -HaveCount 0
    }
}

Describe 'Storage and status answers that are not MaestroQA''s are tried again in the same run' {
    BeforeEach { Reset-MqaMockServer $server }

    It '<Case>: the window lands in this run' -ForEach @(
        @{ Case = 'an HTML page with 200 for the download'; Faults = @{ sequence = @('html200'); routes = @('downloads') } }
        @{ Case = 'an answer too large for a status check'; Faults = @{ sequence = @('big_body'); bigBodyBytes = 5000000; routes = @('get-export-data') } }
        @{ Case = 'an HTML page with 200 for a status check'; Faults = @{ sequence = @('html200'); routes = @('get-export-data') } }
    ) {
        Set-SyncConfig @{ faults = $Faults }
        $folder = New-TestFolder -NameOnly
        $synced = @(Sync-MqaExport -Path $folder -StartDate '2024-01-01Z' -EndDate '2024-01-02Z' @sync -ErrorVariable failed -ErrorAction SilentlyContinue)
        @($failed) | Should -BeNullOrEmpty
        $synced | Should -HaveCount 1
        $synced[0].Files | Should -HaveCount 5
        @(Get-MqaMockRequest $server | Where-Object fault) | Should -HaveCount 1 -Because 'the server gave the fault once, and the run recovered from it'
    }
}
