# What the vendor's article leaves open (file names behind dataUrl, zip layout, cell spellings, column order, storage
# failures): the local server serves each plausible variant behind a switch, and every export shape goes through the
# whole request -> wait -> save -> import pipeline, every value compared with the server's logical rows.
BeforeDiscovery {
    $variants = @(
        @{ Name = 'dataUrl named "file" (no extension, no table)'; Files = @{ dataUrlFileNames = 'opaque' } }
        @{ Name = 'dataUrl named by a UUID'; Files = @{ dataUrlFileNames = 'uuid' } }
        @{ Name = 'dataUrl named after the export'; Files = @{ dataUrlFileNames = 'export-name' } }
        @{ Name = 'dataUrl named in the plural (audit_logs.csv)'; Files = @{ dataUrlFileNames = 'plural' } }
        @{ Name = 'zip entries under a folder'; Files = @{ zipFolder = $true } }
        @{ Name = 'zip entries that do not name their table'; Files = @{ zipEntryNames = 'numbered' } }
        @{ Name = 'N/A, null, None, - and the like in number, date and boolean columns'; Files = @{ missingValues = 'varied' } }
        @{ Name = 'an unknown column and a reordered header'; Files = @{ extraColumn = $true; shuffledHeader = $true } }
        @{ Name = 'bare formula dates'; Files = @{ dates = 'bare-formula' } }
        @{ Name = 'ISO dates with an offset'; Files = @{ dates = 'iso-offset' } }
        @{ Name = 'a byte order mark and LF line endings'; Files = @{ bom = $true; lineEndings = 'lf' } }
    )
    $shapes = @('raw zip', 'raw single file', 'groups', 'audit log')
}

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    Import-Module (Join-Path $PSScriptRoot '../Shared/ExportRows.psm1') -Force
    $server = Start-MqaMockServer
    $limits = @{ demandingPerSecond = 1; demandingPerMinute = 30; easyPerSecond = 10; easyPerMinute = 100; windowScale = 0.1 }
    $session = New-MqaSession -ApiToken $server.Token -BaseUri $server.ApiUri -TimeoutSec 2 -RetryIntervalSec 0.05 `
        -DemandingRateLimit @{ PerSecond = 1; PerMinute = 30; WindowScale = 0.1 } `
        -EasyRateLimit @{ PerSecond = 10; PerMinute = 100; WindowScale = 0.1 }
    $start = [DateTimeOffset]::new(2025, 1, 1, 0, 0, 0, [TimeSpan]::Zero)
    $end = $start.AddDays(30)

    function Set-Variant([hashtable] $Files = @{}, [hashtable] $Faults = @{}, [hashtable] $Responses = @{}) {
        Reset-MqaMockServer $server
        Set-MqaMockConfig $server @{ limits = $limits; exportRequestedMs = 50; exportInProgressMs = 100; files = $Files; faults = $Faults; responses = $Responses }
    }

    function Request-Shape([string] $Shape) {
        $common = @{ Name = "variant rows=12"; Wait = $true; PollInterval = 0.1; Session = $session }
        switch ($Shape) {
            'raw zip' { Invoke-MqaRawExport -StartDate $start -EndDate $end @common }
            'raw single file' { Invoke-MqaRawExport -StartDate $start -EndDate $end -SingleFile total_scores @common }
            'groups' { Invoke-MqaGroupsExport -IncludeUnavailable @common }
            'audit log' { Invoke-MqaAuditLogExport -StartDate $start -EndDate $end @common }
        }
    }
}

AfterAll {
    Stop-MqaMockServer $server
}

Describe 'Every export shape, when the server writes <Name>' -ForEach $variants {
    BeforeAll { Set-Variant -Files $Files }

    It '<_>: request, wait, save, import: every value is the server''s' -ForEach $shapes {
        $folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        $export = Request-Shape $_
        $saved = @($export | Save-MqaExport -Path $folder -ErrorAction Stop)
        $saved | Should -HaveCount 1
        $expectedName = switch ($_) {
            'raw zip' { "$($export.ExportId).zip" }
            'raw single file' { "$($export.ExportId).total_scores.csv" }
            'groups' { "$($export.ExportId).agent_groups.csv" }
            'audit log' { "$($export.ExportId).audit_log.csv" }
        }
        $saved[0].Name | Should -Be $expectedName -Because 'saved files are named from what the module knows, whatever the storage URL says'
        Compare-ServerExport $server $export.ExportId @($saved | Import-MqaExport -ErrorAction Stop) | Should -BeNullOrEmpty
    }
}

Describe 'What the module says about what it read' {
    It 'counts the cells that said they hold no value, in the verbose summary' {
        Set-Variant -Files @{ missingValues = 'varied' }
        $folder = Join-Path $TestDrive 'summary'
        $verbose = @(Request-Shape 'raw zip' | Save-MqaExport -Path $folder | Import-MqaExport -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        $summary = @($verbose | Where-Object Message -Like 'Import-MqaExport:*')
        $summary | Should -HaveCount 1
        $summary[0].Message -match '^Import-MqaExport: (\d+) rows from 5 file\(s\); 0 row\(s\) skipped for an unreadable cell; (\d+) number, date or boolean cell\(s\) said they hold no value\.$' | Should -BeTrue -Because $summary[0].Message
        [int]$Matches[1] | Should -Be 60
        [int]$Matches[2] | Should -BeGreaterThan 0
    }

    It 'an unknown column comes after the known ones, in Export-Csv as in the object' {
        Set-Variant -Files @{ extraColumn = $true; shuffledHeader = $true }
        $row = @(Request-Shape 'raw single file' | Save-MqaExport -Path (Join-Path $TestDrive 'extra') | Import-MqaExport)[0]
        $names = @($row.PSObject.Properties.Name)
        $names.IndexOf('new_metric') | Should -Be ([array]::IndexOf($names, 'OriginalGrader') + 1)
        ($row | ConvertTo-Csv -NoTypeInformation)[0] | Should -Match '"OriginalGrader","new_metric"$'
        $row -is [MaestroQA.Client.Models.MqaTotalScore] | Should -BeTrue
    }
}

Describe 'Storage that misbehaves' {
    It 'a download that stalls after a few bytes is dropped after -TimeoutSec without a byte, retried, and the rows are whole' {
        Set-Variant -Faults @{ routes = @('downloads'); sequence = @('stall'); hangMs = 30000 }
        $export = Request-Shape 'raw zip'
        $rows = @($export | Save-MqaExport -Path (Join-Path $TestDrive 'stall') -ErrorAction Stop | Import-MqaExport)
        Compare-ServerExport $server $export.ExportId $rows | Should -BeNullOrEmpty
        $downloads = @(Get-MqaMockRequest $server | Where-Object route -EQ 'downloads')
        $downloads | Should -HaveCount 2
        $downloads[0].fault | Should -Be 'stall'
        Get-MqaMockStallEnd $server | Should -Be 'client' -Because 'the module gives up on a silent host after -TimeoutSec (2 s), not when the server drops it (hangMs, 30 s)'
    }

    It 'a 200 with an HTML page is an error naming the export and the storage host, and leaves no file' {
        Set-Variant -Faults @{ routes = @('downloads'); sequence = @('html200') }
        $export = Request-Shape 'groups'
        $folder = Join-Path $TestDrive 'html'
        $output = $export | Save-MqaExport -Path $folder -ErrorVariable failure -ErrorAction SilentlyContinue
        $output | Should -BeNullOrEmpty
        $failure | Should -HaveCount 1
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'MaestroQA.UnexpectedResponse,*'
        $failure[0].Exception.Message | Should -Match ([regex]::Escape($export.ExportId))
        $failure[0].Exception.Message | Should -Match 'storage host \(127\.0\.0\.1\)'
        $failure[0].Exception.Message | Should -Match 'HTML'
        @(Get-ChildItem $folder -Force -ErrorAction SilentlyContinue) | Should -HaveCount 0
        @($export | Save-MqaExport -Path $folder -ErrorAction Stop) | Should -HaveCount 1 -Because 'the next try gets the file'
    }

    It 'a redirect loop is an error about the download, not about the API''s base URI' {
        Set-Variant -Faults @{ routes = @('downloads'); sequence = @('redirect_loop') }
        $export = Request-Shape 'groups'
        $null = $export | Save-MqaExport -Path (Join-Path $TestDrive 'loop') -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].Exception.Message | Should -Match 'redirected the download more than 5 times'
        $failure[0].Exception.Message | Should -Not -Match 'BaseUri'
    }
}

Describe 'What the API may answer that the article does not list' {
    BeforeEach {
        Reset-MqaMockServer $server
        Set-MqaMockConfig $server @{ limits = $limits; exportRequestedMs = 0; exportInProgressMs = 60000; responses = @{ inProgressStatus = 'processing' } }
    }

    It 'a status it does not know is shown as it came' {
        $checked = Invoke-MqaGroupsExport -Session $session | Get-MqaExport -Session $session
        $checked.Status | Should -Be 'Unknown'
        $checked.ServerStatus | Should -Be 'processing'
        ($checked | Format-Table | Out-String) | Should -Match 'processing'
        "$checked" | Should -Match '\(processing\)$'
    }

    It 'the wait goes on, warning once, and a timeout names the status' {
        $export = Invoke-MqaGroupsExport -Session $session
        $failure = $null
        try { Wait-MqaExport -Export $export -PollInterval 0.1 -Timeout 1 -Session $session -WarningVariable warnings -WarningAction SilentlyContinue -ErrorAction Stop }
        catch { $failure = $_ }
        $failure | Should -Not -BeNullOrEmpty
        $failure.FullyQualifiedErrorId | Should -BeLike 'MaestroQA.Timeout,*'
        $failure.Exception.Message | Should -Match "'processing'"
        @(Get-MqaMockRequest $server | Where-Object route -EQ 'get-export-data').Count | Should -BeGreaterThan 2 -Because 'it kept polling'
        $warnings | Should -HaveCount 1
        "$($warnings[0])" | Should -Match "'processing', a status this module does not know"
    }
}
