BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    Import-Module (Join-Path $PSScriptRoot '../Shared/ExportRows.psm1') -Force
    $server = Start-MqaMockServer

    # Windows a tenth of their documented length on both sides, and exports that finish in a third of a second.
    $limits = @{ demandingPerSecond = 1; demandingPerMinute = 30; easyPerSecond = 10; easyPerMinute = 100; windowScale = 0.1 }
    function Set-ExportConfig([hashtable] $Extra = @{}) {
        $config = @{ limits = $limits; exportRequestedMs = 100; exportInProgressMs = 200 }
        foreach ($key in $Extra.Keys) { $config[$key] = $Extra[$key] }
        Set-MqaMockConfig $server $config
    }
    function New-ScaledSession([int] $MaximumRetryCount = 5) {
        New-MqaSession -ApiToken $server.Token -BaseUri $server.ApiUri -MaximumRetryCount $MaximumRetryCount -RetryIntervalSec 0.05 `
            -DemandingRateLimit @{ PerSecond = 1; PerMinute = 30; WindowScale = 0.1 } `
            -EasyRateLimit @{ PerSecond = 10; PerMinute = 100; WindowScale = 0.1 }
    }
    Connect-Mqa -ApiToken $server.Token -BaseUri $server.ApiUri -RetryIntervalSec 0.05 `
        -DemandingRateLimit @{ PerSecond = 1; PerMinute = 30; WindowScale = 0.1 } `
        -EasyRateLimit @{ PerSecond = 10; PerMinute = 100; WindowScale = 0.1 }

    # Dates left as the server wrote them (ISO UTC with milliseconds).
    function Get-MockExport([string] $ExportId) { Invoke-MqaMockAdmin -Server $server -Path "exports/$ExportId" -DatesAsText }

    # The past, in UTC, so every export holds data and the dates sent are known exactly.
    $start = [DateTimeOffset]::new(2025, 1, 1, 0, 0, 0, [TimeSpan]::Zero)
    $end = $start.AddDays(30)

    function Read-ZipEntryText([string] $Zip, [string] $Entry) {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $archive = [System.IO.Compression.ZipFile]::OpenRead($Zip)
        try {
            $reader = [System.IO.StreamReader]::new($archive.GetEntry($Entry).Open())
            try { $reader.ReadToEnd() } finally { $reader.Dispose() }
        }
        finally { $archive.Dispose() }
    }
}

AfterAll {
    Disconnect-Mqa
    Stop-MqaMockServer $server
}

Describe 'Request, wait, save and import: the rows are exactly the server''s' {
    BeforeEach { Reset-MqaMockServer $server; Set-ExportConfig }

    It 'a raw export zip: every column of every table, quirks included' {
        $folder = New-TestFolder
        $rows = @(Invoke-MqaRawExport -StartDate $start -EndDate $end -Name 'round trip rows=300' -Wait -PollInterval 0.1 -OutVariable export |
                Save-MqaExport -Path $folder -OutVariable file |
                Import-MqaExport -Table total_scores)
        $export = $export[0]
        $export.PSTypeNames | Should -Contain 'MaestroQA.Client.Models.MqaExport'
        $export.Status | Should -Be 'Complete'
        $file.Name | Should -Be "$($export.ExportId).zip"
        $rows | Should -HaveCount 300
        $rows[0].GetType().Name | Should -Be 'MqaTotalScore'
        $expected = @(Get-MqaMockExportRow $server $export.ExportId total_scores)
        Compare-ExportRow $rows $expected | Should -BeNullOrEmpty

        # The quirks are really in the file, so the comparison above covered them.
        $csv = Read-ZipEntryText $file[0].FullName 'total_scores.csv'
        $csv | Should -Match '"=""\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}"""' -Because 'formula dates with milliseconds'
        $csv | Should -Match '"=""\d{4}-\d\d-\d\d \d\d:\d\d:\d\d"""' -Because 'formula dates without'
        $csv | Should -Match ',\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ,' -Because 'plain ISO dates'
        $csv | Should -Match ',Unknown,' -Because 'Unknown for a missing value'
        $csv | Should -Match ',,' -Because 'empty for a missing value'
        $csv | Should -Match ',"[^"=]*""[^"]+""[^"]*",' -Because 'quoted cells with doubled quotes'
        $csv | Should -Match ',"[^"]*\r?\n[^"]*",' -Because 'a cell with a line break'
        $csv | Should -Match '[^\x00-\x7F]' -Because 'non-ASCII text'

        # The other four tables of the same zip, straight out of it.
        foreach ($table in 'section_scores', 'individual_answers', 'annotations', 'csat') {
            $actual = @(Import-MqaExport -Path $file[0].FullName -Table $table)
            $actual.Count | Should -BeGreaterThan 0 -Because $table
            Compare-ExportRow $actual @(Get-MqaMockExportRow $server $export.ExportId $table) | Should -BeNullOrEmpty -Because $table
        }
    }

    It 'reads every table of the zip when no -Table is given, each typed' {
        $folder = New-TestFolder
        $rows = @(Invoke-MqaRawExport $start $end -Name 'all tables rows=20' -Wait -PollInterval 0.1 | Save-MqaExport -Path $folder | Import-MqaExport)
        $rows | Should -HaveCount 100
        ($rows | ForEach-Object { $_.GetType().Name } | Select-Object -Unique) |
            Should -Be @('MqaTotalScore', 'MqaSectionScore', 'MqaAnswerScore', 'MqaAnnotation', 'MqaCsat')
    }

    It 'a single-file export: the CSV is named after the export and its table is inferred' {
        $folder = New-TestFolder
        $rows = @(Invoke-MqaRawExport -StartDate $start -EndDate $end -SingleFile section_scores -Name 'single rows=150' -Wait -PollInterval 0.1 -OutVariable export |
                Save-MqaExport -Path $folder -OutVariable file |
                Import-MqaExport)
        $file.Name | Should -Be "$($export[0].ExportId).section_scores.csv"
        (Get-MockExport $export[0].ExportId).singleFileExport | Should -Be 'section_scores'
        $rows | Should -HaveCount 150
        $rows[0].GetType().Name | Should -Be 'MqaSectionScore'
        Compare-ExportRow $rows @(Get-MqaMockExportRow $server $export[0].ExportId section_scores) | Should -BeNullOrEmpty
    }

    It 'a groups export: AgentIds as a TextList, Available as bool' {
        $folder = New-TestFolder
        $rows = @(Invoke-MqaGroupsExport -IncludeUnavailable -Name 'groups rows=120' -Wait -PollInterval 0.1 -OutVariable export |
                Save-MqaExport -Path $folder | Import-MqaExport)
        $export[0].Kind | Should -Be 'Groups'
        (Get-MockExport $export[0].ExportId).includeUnavailable | Should -BeTrue
        $rows | Should -HaveCount 120
        $rows[0].GetType().Name | Should -Be 'MqaGroupMember'
        $rows | ForEach-Object { , $_.AgentIds } | ForEach-Object { $_.GetType().Name } | Select-Object -Unique | Should -Be 'TextList'
        ($rows.AgentIds | Measure-Object).Count | Should -BeGreaterThan 120 -Because 'some agents have several ids'
        ($rows.Available | Select-Object -Unique | Sort-Object) | Should -Be @($false, $true)
        Compare-ExportRow $rows @(Get-MqaMockExportRow $server $export[0].ExportId agent_groups) | Should -BeNullOrEmpty
        foreach ($name in 'groups', 'agent_groups', 'AgentGroups') {
            $named = @(Get-ChildItem $folder -File | Import-MqaExport -Table $name)
            $named | Should -HaveCount 120 -Because "-Table $name names this table"
            $named[0].GetType().Name | Should -Be 'MqaGroupMember'
        }
    }

    It 'an audit log export' {
        $folder = New-TestFolder
        $rows = @(Invoke-MqaAuditLogExport -StartDate $start -EndDate $end -Name 'audit rows=80' -Wait -PollInterval 0.1 -OutVariable export |
                Save-MqaExport -Path $folder | Import-MqaExport -Table audit_log)
        $export[0].Kind | Should -Be 'AuditLog'
        $rows | Should -HaveCount 80
        $rows[0].GetType().Name | Should -Be 'MqaAuditLogEntry'
        Compare-ExportRow $rows @(Get-MqaMockExportRow $server $export[0].ExportId audit_log) | Should -BeNullOrEmpty
    }

    It 'sends the request''s options and dates as UTC, shown in -Verbose' -Tag LocalTime {
        $localStart = [DateTime]::new(2025, 3, 1, 8, 30, 0, [DateTimeKind]::Unspecified)
        $verbose = Invoke-MqaRawExport -StartDate $localStart -EndDate '2025-03-05T00:00:00Z' -IncludeCalibrations Only -IncludeGraderQA -Name opts -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $sent = Get-MockExport (Get-ApiRequest request-raw-export)[0].exportId
        $utcStart = ConvertTo-ExpectedUtc '2025-03-01T08:30:00'
        $sent.startDate | Should -Be ($utcStart -replace 'Z$', '.000Z')
        $sent.endDate | Should -Be '2025-03-05T00:00:00.000Z'
        $sent.includeCalibrations | Should -Be 'only'
        $sent.includeGraderQA | Should -BeTrue
        $sent.name | Should -Be 'opts'
        ($verbose -join "`n") | Should -Match "$utcStart to 2025-03-05T00:00:00Z"
    }

    It 'a date with no zone is local time, given as <Name>' -Tag LocalTime -ForEach @(
        @{ Name = 'strings'; Start = '2024-01-31T08:00:00'; End = '2024-06-15 12:00:00' }
        @{ Name = '[datetime] of unspecified kind'; Start = [datetime]::new(2024, 1, 31, 8, 0, 0); End = [datetime]::new(2024, 6, 15, 12, 0, 0) }
        @{ Name = '[datetime] of local kind'; Start = [datetime]::new(2024, 1, 31, 8, 0, 0, [DateTimeKind]::Local); End = [datetime]::new(2024, 6, 15, 12, 0, 0, [DateTimeKind]::Local) }
    ) {
        $raw = Invoke-MqaRawExport -StartDate $Start -EndDate $End -Name local
        $audit = Invoke-MqaAuditLogExport -StartDate $Start -EndDate $End -Name local
        foreach ($export in $raw, $audit) {
            $sent = Get-MockExport $export.ExportId
            $sent.startDate | Should -Be ((ConvertTo-ExpectedUtc '2024-01-31T08:00:00') -replace 'Z$', '.000Z')
            $sent.endDate | Should -Be ((ConvertTo-ExpectedUtc '2024-06-15T12:00:00') -replace 'Z$', '.000Z')
            $export.StartDate.ToString('s') + 'Z' | Should -Be (ConvertTo-ExpectedUtc '2024-01-31T08:00:00') -Because 'the export shows its range in UTC too'
            $export.StartDate.Kind | Should -Be 'Utc'
        }
    }
}

Describe 'Long ranges in windows' {
    BeforeEach { Reset-MqaMockServer $server; Set-ExportConfig }

    It '90 days with -ChunkDays 7: 13 requests, consecutive windows, in order, no limit broken' {
        $to = $start.AddDays(90)
        $exports = @(Invoke-MqaRawExport -StartDate $start -EndDate $to -ChunkDays 7 -Name chunked)
        $requests = Get-ApiRequest request-raw-export
        $requests | Should -HaveCount 13
        $requests.status | Select-Object -Unique | Should -Be 200
        $exports | Should -HaveCount 13
        $exports.ExportId | Should -Be $requests.exportId -Because 'one export per window, emitted in order'

        $iso = { param($date) $date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'") }
        $windows = $exports | ForEach-Object { Get-MockExport $_.ExportId }
        $windows[0].startDate | Should -Be (& $iso $start)
        $windows[12].endDate | Should -Be (& $iso $to)
        for ($i = 0; $i -lt 13; $i++) {
            $windows[$i].startDate | Should -Be (& $iso $start.AddDays(7 * $i))
            if ($i -lt 12) { $windows[$i].endDate | Should -Be $windows[$i + 1].startDate }
        }
        $exports[12].StartDate | Should -Be $start.AddDays(84).UtcDateTime

        # The server's own record: never more than the demanding limits in any window (0.1 s and 6 s when scaled).
        Get-MqaMaxRequestsInWindow -Request $requests -WindowMs 100 | Should -BeLessOrEqual 1
        Get-MqaMaxRequestsInWindow -Request $requests -WindowMs 6000 | Should -BeLessOrEqual 30
        # A 429 can happen on a loaded machine (the server counts arrivals, the limiter grants); it is retried, never lost.
        $exports | Should -HaveCount 13
    }

    It 'with -Wait: requests every window, then emits each completed export in order' {
        $exports = @(Invoke-MqaRawExport -StartDate $start -EndDate $start.AddDays(20) -ChunkDays 7 -Wait -PollInterval 0.1)
        $exports | Should -HaveCount 3
        $exports.Status | Select-Object -Unique | Should -Be 'Complete'
        $exports.ExportId | Should -Be (Get-ApiRequest request-raw-export).exportId
        $exports[2].EndDate | Should -Be $start.AddDays(20).UtcDateTime
    }
}

Describe 'Requesting an export is not repeated on a failure that may have made one' {
    BeforeEach { Reset-MqaMockServer $server; Set-ExportConfig }
    BeforeAll {
        $requesters = @(
            @{ Command = 'Invoke-MqaRawExport'; Route = 'request-raw-export'; Dated = $true }
            @{ Command = 'Invoke-MqaGroupsExport'; Route = 'request-groups-export'; Dated = $false }
            @{ Command = 'Invoke-MqaAuditLogExport'; Route = 'request-audit-log-export'; Dated = $true }
        )
        function Invoke-Requester([hashtable] $Requester, $Session) {
            $call = @{ Session = $Session }
            if ($Requester.Dated) { $call.StartDate = $start; $call.EndDate = $end }
            & $Requester.Command @call -ErrorVariable script:failure -ErrorAction SilentlyContinue
        }
    }

    It '<Fault> on each export route: one POST, <Made> export(s) made, and <ErrorId> (<Category>)' -ForEach @(
        @{ Fault = '503'; Faults = @{ rate503 = 1.0 }; Made = 0; ErrorId = 'MaestroQA.ServerError'; Category = 'ResourceUnavailable' }
        @{ Fault = 'reset'; Faults = @{ resetRate = 1.0 }; Made = 0; ErrorId = 'MaestroQA.NetworkError'; Category = 'ConnectionError' }
        @{ Fault = 'reset_after_commit'; Faults = @{ sequence = @('reset_after_commit') }; Made = 1; ErrorId = 'MaestroQA.NetworkError'; Category = 'ConnectionError' }
    ) {
        foreach ($requester in $requesters) {
            Set-ExportConfig @{ faults = $Faults + @{ routes = @($requester.Route) } }
            $output = Invoke-Requester $requester (New-ScaledSession -MaximumRetryCount 2)
            $output | Should -BeNullOrEmpty
            $failure | Should -HaveCount 1 -Because $requester.Command
            $failure[0].FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
            $failure[0].CategoryInfo.Category | Should -Be $Category
            $failure[0].Exception.Message | Should -BeLike '*not sent again*may have made the export*' -Because 'the user decides whether to request again'
            $posts = Get-ApiRequest $requester.Route
            $posts | Should -HaveCount 1 -Because "$($requester.Command) must not send again what may already have made an export"
            $posts[0].fault | Should -Be $Fault
            @(Get-MqaMockExport $server) | Should -HaveCount $Made -Because 'a second POST would have made a second export'
            Reset-MqaMockServer $server
        }
    }

    It 'a 429 on each export route is retried, as the server refused before doing anything: one export' {
        foreach ($requester in $requesters) {
            # A 429 holds the token's demanding requests for a minute window (the server refused what the limiter
            # allowed): a token of its own per route, with windows a hundredth long on the client, keeps that short.
            $token = "mqa-hold-$($requester.Route)"
            Set-ExportConfig @{ validTokens = @($server.Token, $token); faults = @{ sequence = @('429'); routes = @($requester.Route) } }
            $held = New-MqaSession -ApiToken $token -BaseUri $server.ApiUri -MaximumRetryCount 2 -RetryIntervalSec 0.05 `
                -DemandingRateLimit @{ PerSecond = 1; PerMinute = 30; WindowScale = 0.01 } -EasyRateLimit @{ PerSecond = 10; PerMinute = 100; WindowScale = 0.01 }
            $output = @(Invoke-Requester $requester $held)
            $failure | Should -HaveCount 0 -Because $requester.Command
            $output | Should -HaveCount 1
            $posts = Get-ApiRequest $requester.Route
            $posts.status | Should -Be @(429, 200)
            $made = @(Get-MqaMockExport $server)
            $made | Should -HaveCount 1
            $output[0].ExportId | Should -Be $made[0].exportId
            Reset-MqaMockServer $server
        }
    }
}

Describe 'Downloads' {
    BeforeEach { Reset-MqaMockServer $server; Set-ExportConfig }

    It 'never sends the token to the download URL' {
        $folder = New-TestFolder
        $null = Invoke-MqaRawExport $start $end -Wait -PollInterval 0.1 | Save-MqaExport -Path $folder
        $downloads = Get-ApiRequest downloads
        $downloads | Should -HaveCount 1
        $downloads[0].hadApiTokenHeader | Should -BeFalse
        $downloads[0].tokenTail | Should -BeNullOrEmpty
        $downloads[0].status | Should -Be 200
        (Get-ApiRequest get-export-data)[0].hadApiTokenHeader | Should -BeTrue -Because 'the API itself does get it'
    }

    It 'follows a storage redirect, still without the token' {
        $folder = New-TestFolder
        $export = Invoke-MqaRawExport $start $end -Wait -PollInterval 0.1
        Set-ExportConfig @{ faults = @{ redirectRate = 1; routes = @('downloads') } }
        $file = $export | Save-MqaExport -Path $folder
        $file.Length | Should -BeGreaterThan 0
        $downloads = Get-ApiRequest downloads
        $downloads | Should -HaveCount 2
        $downloads[0].status | Should -Be 307
        $downloads[1].host | Should -Be 'localhost' -Because 'the redirect pointed at another host name'
        $downloads[1].status | Should -Be 200
        $downloads.hadApiTokenHeader | Should -Not -Contain $true
    }

    It 'a refused download link: MaestroQA.DownloadRefused, non-terminating, saying how to get a fresh link' {
        $folder = New-TestFolder
        $export = Invoke-MqaRawExport $start $end -Wait -PollInterval 0.1
        # A link whose signature no longer matches is what an expired presigned URL looks like to a client.
        $stale = $export.'<Clone>$'()
        $stale.GetType().GetProperty('DataUrl').SetMethod.Invoke($stale, @($export.DataUrl -replace 'sig=[^&]+', 'sig=expired'))
        $output = $stale, $export | Save-MqaExport -Path $folder -ErrorVariable failure -ErrorAction SilentlyContinue
        $output | Should -HaveCount 1 -Because 'the next export in the pipeline is still saved'
        $failure | Should -HaveCount 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'MaestroQA.DownloadRefused,MaestroQA.PowerShell.Cmdlets.Exports.SaveMqaExportCommand'
        $failure[0].CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $failure[0].ToString() | Should -Match "The export's storage host refused GET .* with 403 \(Forbidden\).*run Get-MqaExport for a fresh DataUrl"
        $failure[0].ToString() | Should -Not -Match 'Admin'
        $failure[0].ToString() | Should -Not -Match 'sig='
        (Get-ApiRequest downloads).status | Should -Be @(403, 200) -Because 'a refused link is not retried'
    }

    It 'a truncated download fails clearly, is retried, and leaves no file, partial or whole' {
        $folder = New-TestFolder
        $export = Invoke-MqaRawExport $start $end -Name 'truncated rows=2000' -Wait -PollInterval 0.1
        Set-ExportConfig @{ faults = @{ truncateRate = 1; routes = @('downloads') } }
        $output = $export | Save-MqaExport -Path $folder -Session (New-ScaledSession -MaximumRetryCount 2) -ErrorVariable failure -ErrorAction SilentlyContinue
        $output | Should -BeNullOrEmpty
        $failure | Should -HaveCount 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'MaestroQA.NetworkError,MaestroQA.PowerShell.Cmdlets.Exports.SaveMqaExportCommand'
        $failure[0].CategoryInfo.Category | Should -Be 'ConnectionError'
        # Shown to the user: which export, how far it got (when the headers arrived before the connection dropped), and that no file was left.
        $failure[0].ToString() -match "^Export $($export.ExportId) was not saved: (the download broke off after (?<received>\d[\d.,\s]*) of (?<expected>\d[\d.,\s]*) bytes\. )?Could not reach the export's storage host" |
            Should -BeTrue -Because $failure[0].ToString()
        if ($Matches.received) {
            # In the user's number format ("194,048" or "194.048"): compared as numbers.
            $received, $expected = $Matches.received, $Matches.expected | ForEach-Object { [long]::Parse($_, 'AllowThousands', [cultureinfo]::CurrentCulture) }
            $received | Should -BeGreaterThan 0
            $received | Should -BeLessThan $expected
        }
        $failure[0].ToString() | Should -Match ([regex]::Escape("No file was left at '$(Join-Path $folder "$($export.ExportId).zip")'."))
        $failure[0].ToString() | Should -Not -Match 'sig=' -Because 'the presigned URL''s signature stays out of error messages'
        $failure[0].TargetObject.ExportId | Should -Be $export.ExportId
        $downloads = Get-ApiRequest downloads
        $downloads | Should -HaveCount 3 -Because 'the first try and two retries'
        $downloads.fault | Select-Object -Unique | Should -Be 'truncate'
        @(Get-ChildItem $folder -Force -Recurse) | Should -HaveCount 0
    }

    It 'a download broken off once, then whole: the saved file holds exactly the server''s rows' {
        $folder = New-TestFolder
        $export = Invoke-MqaRawExport $start $end -Name 'broken once rows=1000' -Wait -PollInterval 0.1
        Set-ExportConfig @{ faults = @{ sequence = @('truncate'); routes = @('downloads') } }
        $file = @($export | Save-MqaExport -Path $folder -Session (New-ScaledSession -MaximumRetryCount 2) -ErrorVariable failure -ErrorAction SilentlyContinue)
        $failure | Should -HaveCount 0
        $file | Should -HaveCount 1
        (Get-ApiRequest downloads).fault | Should -Be @('truncate', $null) -Because 'the first attempt broke off and the second came whole'
        @(Get-ChildItem $folder -Force -Recurse -File) | Should -HaveCount 1 -Because 'no partial file is left beside it'
        # Byte for byte: a zip with the broken attempt before it still opens, so rows alone would not tell.
        $served = Join-Path (New-TestFolder) 'served.zip'
        Invoke-WebRequest $export.DataUrl -OutFile $served
        (Get-FileHash $file[0].FullName).Hash | Should -Be (Get-FileHash $served).Hash
        Compare-ExportRow @(Import-MqaExport -Path $file[0].FullName -Table csat) @(Get-MqaMockExportRow $server $export.ExportId csat) | Should -BeNullOrEmpty
    }

    It 'needs no token: with a refused token (<Status>), several exports are all saved, and nothing goes to the API' -ForEach @(
        @{ Status = 401; Token = 'mqa-expired-token-0003' }
        @{ Status = 403; Token = 'mqa-nonadmin-token-0004' }
    ) {
        Set-ExportConfig @{ forbiddenTokens = @('mqa-nonadmin-token-0004') }
        $folder = New-TestFolder
        $exports = @(Invoke-MqaGroupsExport -Name 'a rows=5'; Invoke-MqaGroupsExport -Name 'b rows=5'; Invoke-MqaGroupsExport -Name 'c rows=5') | Wait-MqaExport -PollInterval 0.1
        Clear-MqaMockRequest $server
        # Save-MqaExport's session is resolved, but the presigned links carry their own permission.
        $refused = New-MqaSession -ApiToken $Token -BaseUri $server.ApiUri
        $files = @($exports | Save-MqaExport -Path $folder -Session $refused -ErrorVariable failure -ErrorAction Continue)
        $failure | Should -HaveCount 0
        $files | Should -HaveCount 3
        @($files | Import-MqaExport) | Should -HaveCount 15
        $requests = @(Get-MqaMockRequest $server)
        $requests.route | Select-Object -Unique | Should -Be 'downloads'
        $requests | Should -HaveCount 3
    }

    It 'refuses to overwrite without -Force, overwrites with it' {
        $folder = New-TestFolder
        $export = Invoke-MqaRawExport $start $end -Wait -PollInterval 0.1
        $first = $export | Save-MqaExport -Path $folder
        $null = $export | Save-MqaExport -Path $folder -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'MaestroQA.FileExists,*'
        @(Get-ApiRequest downloads) | Should -HaveCount 1 -Because 'nothing is downloaded that cannot be kept'
        ($export | Save-MqaExport -Path $folder -Force).FullName | Should -Be $first.FullName
        @(Get-ChildItem $folder -Force) | Should -HaveCount 1
    }

    It 'saves to an explicit file path, and -Expand unzips a well-formed export' {
        $folder = New-TestFolder
        $export = Invoke-MqaRawExport $start $end -Name 'expand rows=10' -Wait -PollInterval 0.1
        ($export | Save-MqaExport -Path (Join-Path $folder 'mine.zip')).Name | Should -Be 'mine.zip'
        $files = @($export | Save-MqaExport -Path (Join-Path $folder 'sub') -Expand)
        $files.Name | Sort-Object | Should -Be @('annotations.csv', 'csat.csv', 'individual_answers.csv', 'section_scores.csv', 'total_scores.csv')
        $files[0].DirectoryName | Should -Be (Join-Path $folder "sub/$($export.ExportId)")
        @(Import-MqaExport (Join-Path $folder "sub/$($export.ExportId)")) | Should -HaveCount 50
    }

    It 'refuses a zip-slip entry and extracts nothing' {
        $folder = New-TestFolder
        Set-ExportConfig @{ zipSlipExportNames = @('hostile') }
        $target = Join-Path $folder 'inner'
        $output = Invoke-MqaRawExport $start $end -Name hostile -Wait -PollInterval 0.1 |
            Save-MqaExport -Path $target -Expand -ErrorVariable failure -ErrorAction SilentlyContinue
        $output | Should -BeNullOrEmpty
        $failure | Should -HaveCount 1
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'MaestroQA.ExportFormat,*'
        $failure[0].Exception.Message | Should -Match ([regex]::Escape('../zip-slip.csv'))
        Test-Path (Join-Path $target 'zip-slip.csv') | Should -BeFalse
        Test-Path (Join-Path $folder 'zip-slip.csv') | Should -BeFalse
        @(Get-ChildItem $target -Recurse -File | Where-Object Extension -EQ '.csv') | Should -HaveCount 0 -Because 'every entry is checked before any is written'
    }

    It 'a row with an unreadable cell: one MaestroQA.ExportFormat error naming row and column, and the other rows still come' {
        $file = Join-Path (New-TestFolder) 'total_scores.csv'
        Set-Content -Path $file -Value "gradable_id,rubric_score`n1,8`n2,eight`n3,9" -NoNewline
        $rows = @(Import-MqaExport $file -ErrorVariable failure -ErrorAction SilentlyContinue)
        $rows.GradableId | Should -Be @('1', '3')
        $failure | Should -HaveCount 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'MaestroQA.ExportFormat,MaestroQA.PowerShell.Cmdlets.Exports.ImportMqaExportCommand'
        $failure[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $failure[0].TargetObject | Should -Be $file
        $failure[0].Exception.Message | Should -Be "'total_scores.csv' row 3, column 'rubric_score': 'eight' is not a number."
    }
}

Describe 'Saving: names, checks and file errors' {
    BeforeEach { Reset-MqaMockServer $server; Set-ExportConfig }

    It 'an export known only by its id is named from its bytes: <Name>' -ForEach @(
        @{ Name = 'a zip'; Request = { Invoke-MqaRawExport $start $end -Name 'sniff rows=5' }; Suffix = '.zip' }
        @{ Name = 'a groups CSV'; Request = { Invoke-MqaGroupsExport -Name 'sniff rows=5' }; Suffix = '.agent_groups.csv' }
        @{ Name = 'an audit log CSV'; Request = { Invoke-MqaAuditLogExport $start $end -Name 'sniff rows=5' }; Suffix = '.audit_log.csv' }
    ) {
        Set-ExportConfig @{ files = @{ dataUrlFileNames = 'opaque' } }
        $id = (& $Request).ExportId
        $saved = Wait-MqaExport -ExportId $id -PollInterval 0.1 | Save-MqaExport -Path (New-TestFolder)
        $saved.Name | Should -Be "$id$Suffix"
    }

    It 'a zip is never saved under a .csv name: the extension is corrected, with a warning' {
        $folder = New-TestFolder
        $export = Invoke-MqaRawExport $start $end -Name 'named rows=5' -Wait -PollInterval 0.1
        $saved = $export | Save-MqaExport -Path (Join-Path $folder 'scores.csv') -WarningVariable warned
        $saved.Name | Should -Be 'scores.zip'
        "$($warned[0])" | Should -Match "saved as '.*scores\.zip'"
        Test-Path (Join-Path $folder 'scores.csv') | Should -BeFalse
    }

    It 'an export got with -Session saves without a default session' {
        Disconnect-Mqa
        try {
            $session = New-ScaledSession
            $export = Invoke-MqaGroupsExport -Name 'session rows=5' -Wait -PollInterval 0.1 -Session $session
            @($export | Save-MqaExport -Path (New-TestFolder) | Import-MqaExport) | Should -HaveCount 5
        }
        finally {
            Connect-Mqa -ApiToken $server.Token -BaseUri $server.ApiUri -RetryIntervalSec 0.05 `
                -DemandingRateLimit @{ PerSecond = 1; PerMinute = 30; WindowScale = 0.1 } `
                -EasyRateLimit @{ PerSecond = 10; PerMinute = 100; WindowScale = 0.1 }
        }
    }

    It '-WhatIf creates nothing, not even the folder' {
        $target = Join-Path (New-TestFolder) 'not/yet'
        Invoke-MqaGroupsExport -Name 'whatif rows=5' -Wait -PollInterval 0.1 | Save-MqaExport -Path $target -WhatIf
        Test-Path $target | Should -BeFalse
        @(Get-ApiRequest downloads) | Should -HaveCount 0
    }

    It 'a path through a file: MaestroQA.FileError naming the path, and nothing downloaded is left' {
        $folder = New-TestFolder
        Set-Content -Path (Join-Path $folder 'blocker') -Value 'a file, not a folder'
        $target = Join-Path $folder 'blocker/exports'
        $null = Invoke-MqaGroupsExport -Name 'blocked rows=5' -Wait -PollInterval 0.1 | Save-MqaExport -Path $target -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure | Should -HaveCount 1
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'MaestroQA.FileError,*'
        $failure[0].CategoryInfo.Category | Should -Be 'WriteError'
        "$($failure[0].TargetObject)" | Should -Match ([regex]::Escape('blocker'))
        @(Get-ChildItem $folder -Force) | Should -HaveCount 1
    }

    It '-Expand checks every file before writing any: one that exists stops it, and nothing is written' {
        $folder = New-TestFolder
        $export = Invoke-MqaRawExport $start $end -Name 'expand twice rows=5' -Wait -PollInterval 0.1
        $first = @($export | Save-MqaExport -Path $folder -Expand)
        $first | Should -HaveCount 5
        Remove-Item (Join-Path $folder "$($export.ExportId).zip")
        Remove-Item ($first | Where-Object Name -NE 'csat.csv').FullName
        $null = $export | Save-MqaExport -Path $folder -Expand -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'MaestroQA.FileExists,*'
        $failure[0].Exception.Message | Should -Match 'csat\.csv'
        @(Get-ChildItem (Join-Path $folder $export.ExportId)).Name | Should -Be @('csat.csv') -Because 'no other file was written'
    }
}

Describe 'Import-MqaExport -Table picks what each file holds' {
    BeforeAll {
        $tables = New-TestFolder
        Set-Content -Path (Join-Path $tables 'a.csv') -Value "gradable_id,rubric_score,max_rubric_score`n1,8,10" -NoNewline
        Set-Content -Path (Join-Path $tables 'b.csv') -Value "group_name,group_id,agent_name,agent_email,agent_ids,available`nSupport,g1,Ana,ana@example.com,a1,True" -NoNewline
    }

    It 'in a folder, the files of that table are read and the others skipped' {
        @(Import-MqaExport -Path $tables -Table total_scores).GradableId | Should -Be @('1')
        @(Import-MqaExport -Path $tables -Table groups).GroupName | Should -Be @('Support')
        @(Import-MqaExport -Path $tables) | Should -HaveCount 2
    }

    It 'a file named on its own whose header holds another table is an error naming both' {
        $rows = @(Import-MqaExport -Path (Join-Path $tables 'b.csv') -Table TotalScores -ErrorVariable failure -ErrorAction SilentlyContinue)
        $rows | Should -HaveCount 0
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'MaestroQA.ExportFormat,*'
        $failure[0].Exception.Message | Should -Match "'b\.csv' holds agent_groups .* not total_scores"
    }
}

Describe '-ChunkDays windows' {
    BeforeEach { Reset-MqaMockServer $server; Set-ExportConfig }

    It 'never requests windows that lie wholly in the future' {
        $exports = @(Invoke-MqaRawExport -StartDate '2024-01-01T00:00:00Z' -EndDate ([datetime]::MaxValue) -ChunkDays 3660 -Confirm:$false)
        $exports | Should -HaveCount 1
        $requests = @(Get-ApiRequest request-raw-export)
        $requests | Should -HaveCount 1
        $exports[0].StartDate | Should -Be ([datetime]::new(2024, 1, 1, 0, 0, 0, [DateTimeKind]::Utc))
        $exports[0].EndDate | Should -Be ([datetime]::new(2034, 1, 8, 0, 0, 0, [DateTimeKind]::Utc))
    }

    It 'more than 60 windows: a host that cannot ask gets MaestroQA.ConfirmationNeeded and nothing is sent; -WhatIf and -Confirm:$false do not ask' {
        $failure = { Invoke-MqaRawExport -StartDate '2024-01-01T00:00:00Z' -EndDate '2024-03-02T00:00:00Z' -ChunkDays 1 -ErrorAction Stop } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'MaestroQA.ConfirmationNeeded,*'
        $failure.Exception.Message | Should -Match '61 raw exports'
        $failure.Exception.Message | Should -Match '-Confirm:\$false'
        Invoke-MqaRawExport -StartDate '2024-01-01T00:00:00Z' -EndDate '2024-03-02T00:00:00Z' -ChunkDays 1 -WhatIf
        @(Get-ApiRequest request-raw-export) | Should -HaveCount 0
    }

    It 'the question''s time estimate is the session''s own demanding limit, not the article''s 30 a minute' {
        $slow = New-MqaSession -ApiToken (ConvertTo-SecureString 'mqa-estimate-token-0042' -AsPlainText -Force) -BaseUri $server.ApiUri -DemandingRateLimit @{ PerSecond = 1; PerMinute = 10 }
        $asked = foreach ($case in @(@{ Session = $slow; PerMinute = 10 }, @{ Session = (Get-MqaSession); PerMinute = 30 })) {
            $failure = { Invoke-MqaRawExport -StartDate '2024-01-01T00:00:00Z' -EndDate '2024-03-02T00:00:00Z' -ChunkDays 1 -Session $case.Session -ErrorAction Stop } | Should -Throw -PassThru
            $failure.Exception.Message -match "at the demanding limit \($($case.PerMinute) a minute\) that takes (\d+) minute" | Should -BeTrue -Because $failure.Exception.Message
            [int] $Matches[1]
        }
        $asked[0] | Should -BeGreaterOrEqual 6 -Because '61 requests at 10 a minute take six minutes at least'
        $asked[0] | Should -BeGreaterThan $asked[1]
        @(Get-ApiRequest request-raw-export) | Should -HaveCount 0
    }

    It 'more than 60 windows in a console whose input has ended (a scheduled task without -NonInteractive): MaestroQA.ConfirmationNeeded, nothing sent' -Tag 'CoreOnly' {
        $connect = "Import-Module '{0}' -ArgumentList Core; `$s = New-MqaSession -ApiToken '{1}' -BaseUri '{2}'" -f (Resolve-Path $manifest).Path, $server.Token, $server.ApiUri
        $command = "$connect; try { Invoke-MqaRawExport -StartDate 2024-01-01T00:00:00Z -EndDate 2024-03-02T00:00:00Z -ChunkDays 1 -Session `$s -ErrorAction Stop } catch { 'error: ' + `$_.FullyQualifiedErrorId }"
        $info = [System.Diagnostics.ProcessStartInfo]::new((Join-Path $PSHOME 'pwsh'))
        foreach ($argument in '-NoProfile', '-Command', $command) { $info.ArgumentList.Add($argument) }
        $info.RedirectStandardInput = $true
        $info.RedirectStandardOutput = $true
        $info.UseShellExecute = $false
        $child = [System.Diagnostics.Process]::Start($info)
        $child.StandardInput.Close()
        $output = $child.StandardOutput.ReadToEnd()
        $child.WaitForExit()
        $output | Should -Match 'error: MaestroQA\.ConfirmationNeeded,'
        @(Get-ApiRequest request-raw-export) | Should -HaveCount 0
    }
}

Describe 'Import-MqaExport paths, as Import-Csv takes them' {
    BeforeAll {
        $folder = New-TestFolder
        Set-Content -Path (Join-Path $folder 'a.total_scores.csv') -Value "gradable_id,rubric_score`n1,8" -NoNewline
        Set-Content -Path (Join-Path $folder 'b.total_scores.csv') -Value "gradable_id,rubric_score`n2,9" -NoNewline
        Set-Content -LiteralPath (Join-Path $folder 'c[1].total_scores.csv') -Value "gradable_id,rubric_score`n3,7" -NoNewline
    }

    It '-Path expands wildcards' {
        @(Import-MqaExport -Path (Join-Path $folder '?.total_scores.csv')).GradableId | Should -Be @('1', '2')
    }

    It '-LiteralPath takes a name with wildcard characters as it is, and -Path a pattern that matches nothing is FileNotFound' {
        @(Import-MqaExport -LiteralPath (Join-Path $folder 'c[1].total_scores.csv')).GradableId | Should -Be @('3')
        $rows = @(Import-MqaExport -Path (Join-Path $folder 'zz*.csv') -ErrorVariable failure -ErrorAction SilentlyContinue)
        $rows | Should -HaveCount 0
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'MaestroQA.FileNotFound,*'
        $failure[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'files from Get-ChildItem bind to -LiteralPath by PSPath' {
        @(Get-ChildItem -LiteralPath $folder -Filter '*.csv' | Import-MqaExport).GradableId | Sort-Object | Should -Be @('1', '2', '3')
        (Get-Command Import-MqaExport).Parameters['LiteralPath'].Aliases | Should -Contain 'PSPath'
    }
}

Describe 'Errors and warnings' {
    BeforeEach { Reset-MqaMockServer $server; Set-ExportConfig }

    It 'an errored export: MaestroQA.ExportFailed naming the export' {
        Set-ExportConfig @{ erroredExportNames = @('broken') }
        $failure = { Invoke-MqaRawExport $start $end -Name broken -Wait -PollInterval 0.1 -ErrorAction Stop } | Should -Throw -PassThru
        $id = (Get-ApiRequest request-raw-export)[0].exportId
        $failure.FullyQualifiedErrorId | Should -Be 'MaestroQA.ExportFailed,MaestroQA.PowerShell.Cmdlets.Exports.InvokeMqaRawExportCommand'
        $failure.CategoryInfo.Category | Should -Be 'InvalidResult'
        $failure.Exception.Message | Should -Match $id
        $failure.TargetObject.ExportId | Should -Be $id
        $failure.TargetObject.Status | Should -Be 'Errored' -Because 'the TargetObject is the export as the last check found it'

        $waited = { Wait-MqaExport -ExportId $id -PollInterval 0.1 -ErrorAction Stop } | Should -Throw -PassThru
        $waited.FullyQualifiedErrorId | Should -Be 'MaestroQA.ExportFailed,MaestroQA.PowerShell.Cmdlets.Exports.WaitMqaExportCommand'
        $waited.TargetObject.Status | Should -Be 'Errored'
    }

    It 'a wait that runs out: MaestroQA.Timeout, OperationTimeout, on time, with -Timeout given as <Name>' -ForEach @(
        @{ Name = 'a number of seconds'; Timeout = 1; PollInterval = 0.2 }
        @{ Name = 'a string of seconds, as from a CSV or an Automation variable'; Timeout = '1'; PollInterval = '0.2' }
        @{ Name = 'a TimeSpan string'; Timeout = '00:00:01'; PollInterval = '00:00:00.2' }
    ) {
        Set-ExportConfig @{ exportInProgressMs = 600000 }
        $export = Invoke-MqaRawExport $start $end
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $failure = { $export | Wait-MqaExport -Timeout $Timeout -PollInterval $PollInterval -ErrorAction Stop } | Should -Throw -PassThru
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 60 -Because 'it gives up at -Timeout, not when the export completes (600 s)'
        $failure.FullyQualifiedErrorId | Should -Be 'MaestroQA.Timeout,MaestroQA.PowerShell.Cmdlets.Exports.WaitMqaExportCommand'
        $failure.CategoryInfo.Category | Should -Be 'OperationTimeout'
        $failure.Exception.Message | Should -Match $export.ExportId
    }

    It 'an empty dataUrl: a warning at each step and nothing downstream fails' {
        Set-ExportConfig @{ emptyExportNames = @('nothing') }
        $folder = New-TestFolder
        $rows = Invoke-MqaRawExport $start $end -Name nothing -Wait -PollInterval 0.1 -WarningVariable waitWarning -WarningAction SilentlyContinue -ErrorAction Stop |
            Save-MqaExport -Path $folder -WarningVariable saveWarning -WarningAction SilentlyContinue -ErrorAction Stop |
            Import-MqaExport -ErrorAction Stop
        $rows | Should -BeNullOrEmpty
        $id = (Get-ApiRequest request-raw-export)[0].exportId
        $waitWarning | Should -HaveCount 1
        "$waitWarning" | Should -Match "Export $id is complete but holds no data"
        $saveWarning | Should -HaveCount 1
        "$saveWarning" | Should -Match "Export $id has nothing to download"
        @(Get-ApiRequest downloads) | Should -HaveCount 0
        @(Get-ChildItem $folder -Force) | Should -HaveCount 0
    }

    It 'future dates: a warning, and the request is still sent' {
        $from = [DateTimeOffset]::UtcNow.AddDays(2)
        $export = Invoke-MqaRawExport -StartDate $from -EndDate $from.AddDays(1) -WarningVariable warning -WarningAction SilentlyContinue
        $warning | Should -HaveCount 1
        "$warning" | Should -Match '^StartDate \S+ is in the future: MaestroQA will return no data'
        @(Get-ApiRequest request-raw-export) | Should -HaveCount 1
        $export.ExportId | Should -Be (Get-ApiRequest request-raw-export)[0].exportId
    }

    It 'start after end: MaestroQA.InvalidDateRange from <Command>, and no request' -ForEach @(
        @{ Command = 'Invoke-MqaRawExport' }
        @{ Command = 'Invoke-MqaAuditLogExport' }
    ) {
        foreach ($range in @(@($end, $start), @($start, $start))) {
            $failure = { & $Command -StartDate $range[0] -EndDate $range[1] -ErrorAction Stop } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -BeLike 'MaestroQA.InvalidDateRange,*'
            $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $failure.Exception.Message | Should -Match 'StartDate must be before EndDate'
        }
        @(Get-MqaMockRequest $server) | Should -HaveCount 0
    }

    It 'a bad <Parameter> is a binding error, and no request' -ForEach @(
        @{ Parameter = '-SingleFile bogus'; Arguments = @{ SingleFile = 'bogus' } }
        @{ Parameter = '-IncludeCalibrations bogus'; Arguments = @{ IncludeCalibrations = 'bogus' } }
        @{ Parameter = '-ChunkDays 0'; Arguments = @{ ChunkDays = 0 } }
        @{ Parameter = '-StartDate not-a-date'; Arguments = @{ StartDate = 'not-a-date' } }
    ) {
        $call = @{ StartDate = $start; EndDate = $end }
        foreach ($key in $Arguments.Keys) { $call[$key] = $Arguments[$key] }
        $failure = { Invoke-MqaRawExport @call -ErrorAction Stop } | Should -Throw -PassThru
        $failure.Exception | Should -BeOfType [System.Management.Automation.ParameterBindingException]
        $failure.Exception.Message | Should -Match ($Parameter -split ' ')[0].TrimStart('-')
        @(Get-MqaMockRequest $server) | Should -HaveCount 0
    }

    It '-SingleFile with a table that is not a raw one: MaestroQA.InvalidSingleFile, and no request' {
        $failure = { Invoke-MqaRawExport $start $end -SingleFile agent_groups -ErrorAction Stop } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'MaestroQA.InvalidSingleFile,*'
        @(Get-MqaMockRequest $server) | Should -HaveCount 0
    }
}

Describe 'Get-MqaExport and Wait-MqaExport' {
    BeforeEach { Reset-MqaMockServer $server; Set-ExportConfig }

    It 'takes exports from the pipeline as <Name>' -ForEach @(
        @{ Name = 'string ids'; Make = { param($e) $e.ExportId } }
        @{ Name = 'MqaExport objects'; Make = { param($e) $e } }
        @{ Name = 'objects with an ExportId property'; Make = { param($e) [pscustomobject]@{ ExportId = $e.ExportId; Other = 1 } } }
    ) {
        $exports = @(Invoke-MqaGroupsExport; Invoke-MqaGroupsExport)
        Start-Sleep -Milliseconds 400
        $checked = @($exports | ForEach-Object { & $Make $_ } | Get-MqaExport)
        $checked | Should -HaveCount 2
        $checked.ExportId | Should -Be $exports.ExportId
        $checked.Status | Select-Object -Unique | Should -Be 'Complete'
        $checked[0].DataUrl | Should -Match '^http://127\.0\.0\.1:\d+/downloads/'
        $checked[0].PSTypeNames | Should -Contain 'MaestroQA.Client.Models.MqaExport'
        @(Get-ApiRequest get-export-data) | Should -HaveCount 2
    }

    It 'keeps what it knew of an MqaExport, and -ExportId takes several ids' {
        $export = Invoke-MqaAuditLogExport $start $end -Name kept
        ($export | Get-MqaExport).Name | Should -Be 'kept'
        ($export | Get-MqaExport).Kind | Should -Be 'AuditLog'
        ($export | Get-MqaExport).StartDate | Should -Be $start.UtcDateTime
        ($export | Wait-MqaExport -PollInterval 0.1).Name | Should -Be 'kept'
        (Get-MqaExport $export).Name | Should -Be 'kept'
        (Get-MqaExport $export.ExportId).ExportId | Should -Be $export.ExportId
        @(Get-MqaExport -ExportId $export.ExportId, $export.ExportId) | Should -HaveCount 2
    }

    It 'shows progress per export and backs off between polls' {
        Set-ExportConfig @{ exportRequestedMs = 300; exportInProgressMs = 2000 }
        $export = Invoke-MqaRawExport $start $end
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                    param($Manifest, $Flavor, $Session, $Id)
                    Import-Module $Manifest -ArgumentList $Flavor
                    Wait-MqaExport -ExportId $Id -PollInterval 0.2 -Session $Session
                }).AddParameters(@{ Manifest = $manifest; Flavor = $flavor; Session = (New-ScaledSession); Id = $export.ExportId })
            $complete = @($ps.Invoke())
            $ps.Streams.Error | Should -HaveCount 0
            $complete | Should -HaveCount 1
            $complete[0].Status | Should -Be 'Complete'

            $progress = @($ps.Streams.Progress | Where-Object Activity -Match $export.ExportId)
            $progress.Count | Should -BeGreaterOrEqual 3
            @($progress.StatusDescription -match '^Requested after \d+ s$').Count | Should -BeGreaterThan 0
            @($progress.StatusDescription -match '^InProgress after \d+ s$').Count | Should -BeGreaterThan 0
            $progress[-1].RecordType | Should -Be 'Completed'
        }
        finally { $ps.Dispose() }

        # The schedule itself (0.2 s, then half the export's age, up to 30 s) is pinned on a fake clock (PollScheduleTests); here,
        # on a real and maybe loaded machine, only what cannot depend on its speed: it polled, and never faster.
        $polls = @(Get-ApiRequest get-export-data | Where-Object exportId -EQ $export.ExportId)
        $polls.Count | Should -BeGreaterOrEqual 2
        $polls.Count | Should -BeLessOrEqual 8 -Because 'polls 0.2 s apart, growing by half, over ~2.3 s'
        for ($i = 1; $i -lt $polls.Count; $i++) { $polls[$i].elapsedMs - $polls[$i - 1].elapsedMs | Should -BeGreaterOrEqual 150 }
    }
}

Describe 'Stopping (Ctrl+C)' {
    BeforeEach { Reset-MqaMockServer $server; Set-ExportConfig }

    It '<Name> stops at once, long before the wait would end' -ForEach @(
        @{ Name = 'Wait-MqaExport on a long export'; Config = @{ exportInProgressMs = 600000 }; Script = '$Export | Wait-MqaExport -Session $Session' }
        @{ Name = 'Save-MqaExport on a hanging download'; Config = @{ faults = @{ hangRate = 1; hangMs = 60000; routes = @('downloads') } }; Script = '$Export | Save-MqaExport -Path $Folder -Session $Session' }
    ) {
        $folder = New-TestFolder
        $export = Invoke-MqaRawExport $start $end -Wait:($Name -like 'Save*') -PollInterval 0.1
        Set-ExportConfig $Config
        $ps = [powershell]::Create()
        try {
            # One statement: a batch of several would go on touching the runspace after Stop() on a pool thread.
            $null = $ps.AddScript("param(`$Export, `$Session, `$Folder)`nImport-Module '$manifest' -ArgumentList $flavor`nWrite-Information imported`n$Script").
                AddParameters(@{ Export = $export; Session = (New-ScaledSession); Folder = $folder })
            $running = $ps.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(15)
            while ($ps.Streams.Information.Count -eq 0 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            Start-Sleep -Milliseconds 700
            $running.IsCompleted | Should -BeFalse
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 30 -Because 'Stop() cancels the wait (60 s or more here) instead of waiting it out'
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally { $ps.Dispose() }
        @(Get-ChildItem $folder -Force -Recurse) | Should -HaveCount 0 -Because 'a stopped download leaves nothing'
    }
}
