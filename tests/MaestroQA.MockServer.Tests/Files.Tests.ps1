BeforeAll {
    . $PSScriptRoot/ServerTestSetup.ps1
    $server = Start-MqaMockServer
    $articleOrder = 'total_scores', 'section_scores', 'individual_answers', 'annotations', 'csat'

    # One export of each file kind: the raw zip, a single-file CSV, agent groups (unnamed) and the audit log.
    function New-EachKind([hashtable] $Files, [int] $Rows = 40) {
        Reset-TestServer $server @{ rowsPerExport = $Rows; files = $Files }
        [pscustomobject]@{
            Raw    = New-TestExport $server -Body @{ name = 'Weekly Maestro Grades Export' }
            Single = New-TestExport $server -Body @{ name = 'Weekly CSAT'; singleFileExport = 'csat' }
            Groups = New-TestExport $server -Kind groups
            Audit  = New-TestExport $server -Kind audit -Body @{ name = 'Maestro Activity Log Export' }
        }
    }
    function Get-FileName([string] $Url) { [uri]::UnescapeDataString(([uri]$Url).Segments[-1]) }
    function Get-ColumnsByTable($Export) {
        $columns = @{}
        foreach ($table in $Export.Admin.tables) {
            $columns[$table] = @((Get-LogicalRow $server $Export.ExportId $table)[0].PSObject.Properties.Name | Where-Object { $_ -ne 'extra' })
        }
        $columns
    }
}

AfterAll {
    Stop-MqaMockServer $server
}

Describe 'dataUrl file names (files.dataUrlFileNames)' {
    It '<Mode>: names each file as configured, and the download serves that name' -ForEach @(
        @{ Mode = 'table'; Expected = { param($e) "$($e.Raw.ExportId).zip", 'csat.csv', 'agent_groups.csv', 'audit_log.csv' } }
        @{ Mode = 'opaque'; Expected = { 'file', 'file', 'file', 'file' } }
        @{ Mode = 'export-name'; Expected = { param($e) 'Weekly Maestro Grades Export.zip', 'Weekly CSAT.csv', "$($e.Groups.Admin.name).csv", 'Maestro Activity Log Export.csv' } }
        @{ Mode = 'plural'; Expected = { 'raw_exports.zip', 'csat_scores.csv', 'agent_group.csv', 'audit_logs.csv' } }
        @{ Mode = 'export-id'; Expected = { param($e) "$($e.Raw.ExportId).zip", "$($e.Single.ExportId).csv", "$($e.Groups.ExportId).csv", "$($e.Audit.ExportId).csv" } }
    ) {
        $exports = New-EachKind @{ dataUrlFileNames = $Mode } -Rows 3
        $all = $exports.Raw, $exports.Single, $exports.Groups, $exports.Audit
        ($all | ForEach-Object { Get-FileName $_.DataUrl }) -join '|' | Should -BeExactly ((& $Expected $exports) -join '|')
        ($all | ForEach-Object { $_.Admin.fileName }) -join '|' | Should -BeExactly ((& $Expected $exports) -join '|')
        foreach ($export in $all) {
            $download = Get-TestDownload $export.DataUrl
            $download.Response.StatusCode | Should -Be 200
            if ($export -eq $exports.Raw) {
                [System.Text.Encoding]::ASCII.GetString($download.Bytes, 0, 2) | Should -Be 'PK'
            }
            else {
                (ConvertFrom-RawCsv $download.Bytes).Header | Should -Contain $export.Admin.entries[0].columns[0]
            }
        }
    }

    It 'uuid: a version-4-looking GUID with the right extension, different per export' {
        $exports = New-EachKind @{ dataUrlFileNames = 'uuid' } -Rows 3
        $names = $exports.Raw, $exports.Single, $exports.Groups, $exports.Audit | ForEach-Object { Get-FileName $_.DataUrl }
        $names[0] | Should -Match '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}\.zip$'
        $names[1..3] | ForEach-Object { $_ | Should -Match '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}\.csv$' }
        @($names | Sort-Object -Unique) | Should -HaveCount 4
        (Get-TestDownload $exports.Single.DataUrl).Response.StatusCode | Should -Be 200
    }

    It 'export-name: escapes the name in the URL, and makes a name with a slash one path segment' {
        $exports = New-EachKind @{ dataUrlFileNames = 'export-name' } -Rows 3
        $exports.Raw.DataUrl | Should -Match '/Weekly%20Maestro%20Grades%20Export\.zip\?sig='
        $exports.Groups.Admin.nameGiven | Should -BeFalse -Because 'the unnamed export falls back to its generated name'
        $slashed = New-TestExport $server -Kind groups -Body @{ name = 'Q3/Q4 groups' }
        Get-FileName $slashed.DataUrl | Should -BeExactly 'Q3_Q4 groups.csv'
        (Get-TestDownload $slashed.DataUrl).Response.StatusCode | Should -Be 200
    }

    It 'the download route serves only the name it handed out' {
        $exports = New-EachKind @{ dataUrlFileNames = 'opaque' } -Rows 3
        (Get-TestDownload ($exports.Single.DataUrl -replace '/file\?', '/csat.csv?')).Response.StatusCode | Should -Be 404
        (Get-TestDownload $exports.Single.DataUrl).Response.StatusCode | Should -Be 200
    }
}

Describe 'Zip layout (files.zipFolder, files.zipEntryNames)' {
    It 'by default: one entry per table, named after it, at the root, in the article''s order' {
        $export = (New-EachKind @{} -Rows 3).Raw
        (Read-ZipEntry (Get-TestDownload $export.DataUrl).Bytes).Name -join '|' | Should -BeExactly (($articleOrder | ForEach-Object { "$_.csv" }) -join '|')
    }

    It 'zipFolder: every entry under a folder named after the export, after the folder''s own entry' {
        $export = (New-EachKind @{ zipFolder = $true } -Rows 3).Raw
        $names = @((Read-ZipEntry (Get-TestDownload $export.DataUrl).Bytes).Name)
        $names[0] | Should -BeExactly 'Weekly Maestro Grades Export/'
        ($names | Select-Object -Skip 1) -join '|' | Should -BeExactly (($articleOrder | ForEach-Object { "Weekly Maestro Grades Export/$_.csv" }) -join '|')
    }

    It '<Names> (folder: <Folder>): entry names do not name the tables, and only the header row tells which table is which' -ForEach @(
        @{ Names = 'numbered'; Folder = $false; Pattern = '^(\d)\.csv$' }
        @{ Names = 'parts'; Folder = $false; Pattern = '^Weekly Maestro Grades Export - part (\d)\.csv$' }
        @{ Names = 'numbered'; Folder = $true; Pattern = '^Weekly Maestro Grades Export/(\d)\.csv$' }
    ) {
        $export = (New-EachKind @{ zipEntryNames = $Names; zipFolder = $Folder } -Rows 3).Raw
        $columns = Get-ColumnsByTable $export
        $files = @(Get-ExportCsv $export)
        $files | Should -HaveCount 5
        $identified = foreach ($file in $files) {
            $file.Name | Should -Match $Pattern
            $file.Name | Should -Not -Match ($articleOrder -join '|')
            $matching = @($articleOrder | Where-Object { (@($file.Csv.Header | Sort-Object) -join ',') -eq (@($columns[$_] | Sort-Object) -join ',') })
            $matching | Should -HaveCount 1 -Because "the header of $($file.Name) fits exactly one table"
            $matching[0] | Should -Be $file.Table -Because 'the admin description agrees with the header'
            $matching[0]
        }
        ($files | ForEach-Object { [int]([regex]::Match($_.Name, $Pattern).Groups[1].Value) }) -join ',' | Should -Be '1,2,3,4,5'
        @($identified | Sort-Object -Unique) | Should -HaveCount 5
        $identified -join ',' | Should -Not -Be ($articleOrder -join ',') -Because 'the entry order does not follow the article either'
    }
}

Describe 'Cells and files: the file holds exactly the logical rows (GET /admin/exports/{id}/rows/{table})' {
    It 'with <Name>, every cell of every table spells its logical value' -ForEach @(
        @{ Name = 'the defaults'; Files = @{} }
        @{ Name = 'varied missing values'; Files = @{ missingValues = 'varied' } }
        @{ Name = 'an extra column'; Files = @{ extraColumn = $true } }
        @{ Name = 'a shuffled header'; Files = @{ shuffledHeader = $true } }
        @{ Name = 'bare formula dates'; Files = @{ dates = 'bare-formula' } }
        @{ Name = 'quoted formula dates'; Files = @{ dates = 'quoted-formula' } }
        @{ Name = 'ISO dates with offsets'; Files = @{ dates = 'iso-offset' } }
        @{ Name = 'a BOM and LF line endings'; Files = @{ bom = $true; lineEndings = 'lf' } }
        @{ Name = 'every variant at once'; Files = @{ dataUrlFileNames = 'opaque'; zipFolder = $true; zipEntryNames = 'numbered'; missingValues = 'varied'; extraColumn = $true; shuffledHeader = $true; dates = 'bare-formula'; bom = $true; lineEndings = 'lf' } }
    ) {
        $exports = New-EachKind $Files
        foreach ($export in $exports.Raw, $exports.Groups, $exports.Audit) {
            foreach ($file in Get-ExportCsv $export) {
                $rows = @(Get-LogicalRow $server $export.ExportId $file.Table)
                $rows | Should -HaveCount 40
                @(Compare-CsvWithRow $file.Csv $rows) | Select-Object -First 5 | Should -BeNullOrEmpty -Because "$($file.Table) in $($file.Name)"
                $file.Csv.Header -join ',' | Should -BeExactly (($export.Admin.entries | Where-Object name -EQ $file.Name).columns -join ',')
            }
        }
    }
}

Describe 'Cell and file variants, each as switched' {
    BeforeAll {
        # Per table: the parsed file, its logical rows, and the kind of each column judged from its logical values
        # ("unknown" when it has none, as the calibration columns of an export without calibrations).
        function Get-TableSample([hashtable] $Files) {
            $exports = New-EachKind $Files -Rows 120
            foreach ($export in $exports.Raw, $exports.Groups) {
                foreach ($file in Get-ExportCsv $export) {
                    $rows = @(Get-LogicalRow $server $export.ExportId $file.Table)
                    $kinds = @{}
                    foreach ($column in $file.Csv.Header) {
                        $values = @($rows | ForEach-Object { $column -eq 'new_metric' ? $_.extra.new_metric : $_.$column } | Where-Object { $null -ne $_ })
                        $kinds[$column] = switch ($true) {
                            ($values.Count -eq 0) { 'unknown'; break }
                            ($values[0] -is [bool]) { 'boolean' }
                            ($values[0] -is [ValueType]) { 'number' }
                            ($values[0] -match '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$') { 'date' }
                            default { 'text' }
                        }
                    }
                    [pscustomobject]@{ Table = $file.Table; File = $file; Rows = $rows; Kinds = $kinds }
                }
            }
        }
        # The spellings of the cells whose logical value is null, in columns of the given kinds.
        function Get-MissingSpelling($Samples, [string[]] $Kinds) {
            foreach ($sample in $Samples) {
                for ($c = 0; $c -lt $sample.File.Csv.Header.Count; $c++) {
                    $column = $sample.File.Csv.Header[$c]
                    if ($sample.Kinds[$column] -notin $Kinds) { continue }
                    for ($r = 0; $r -lt $sample.Rows.Count; $r++) {
                        $logical = $column -eq 'new_metric' ? $sample.Rows[$r].extra.new_metric : $sample.Rows[$r].$column
                        if ($null -eq $logical) { $sample.File.Csv.Rows[$r][$c] }
                    }
                }
            }
        }
    }

    It 'missingValues varied: number, date and boolean columns use all eight spellings; text keeps Unknown or empty' {
        $samples = @(Get-TableSample @{ missingValues = 'varied' })
        @(Get-MissingSpelling $samples 'number', 'date', 'boolean' | Sort-Object -Unique -CaseSensitive) -join '|' |
            Should -BeExactly (@($MissingSpellings | Sort-Object -Unique -CaseSensitive) -join '|')
        @(Get-MissingSpelling $samples 'text' | Sort-Object -Unique) -join '|' | Should -BeExactly '|Unknown'
        $groups = $samples | Where-Object Table -EQ 'agent_groups'
        @($groups.Rows | Where-Object { $null -eq $_.available }).Count | Should -BeGreaterThan 0 -Because 'booleans can be missing too'
    }

    It 'missingValues unknown (default): only Unknown or empty anywhere' {
        $samples = @(Get-TableSample @{})
        @(Get-MissingSpelling $samples 'number', 'date', 'boolean', 'text' | Sort-Object -Unique) -join '|' | Should -BeExactly '|Unknown'
    }

    It 'extraColumn: every table has "new_metric" once, in the middle, and the logical rows carry it under "extra"' {
        $samples = @(Get-TableSample @{ extraColumn = $true })
        $samples | Should -HaveCount 6
        foreach ($sample in $samples) {
            $header = $sample.File.Csv.Header
            @($header | Where-Object { $_ -eq 'new_metric' }) | Should -HaveCount 1
            [array]::IndexOf($header, 'new_metric') | Should -Be ([Math]::Floor(($header.Count - 1) / 2))
            @($sample.Rows | Where-Object { $null -ne $_.extra.new_metric }).Count | Should -BeGreaterThan 0
        }
        $plain = @(Get-TableSample @{})
        $plain | ForEach-Object { $_.File.Csv.Header | Should -Not -Contain 'new_metric'; $_.Rows[0].PSObject.Properties.Name | Should -Not -Contain 'extra' }
    }

    It 'shuffledHeader: the same columns in another order, the same order for the same request' {
        $plain = @(Get-TableSample @{})
        $shuffled = @(Get-TableSample @{ shuffledHeader = $true })
        $again = @(Get-TableSample @{ shuffledHeader = $true })
        for ($i = 0; $i -lt $plain.Count; $i++) {
            $shuffled[$i].File.Csv.Header -join ',' | Should -Not -Be ($plain[$i].File.Csv.Header -join ',')
            @($shuffled[$i].File.Csv.Header | Sort-Object) -join ',' | Should -Be (@($plain[$i].File.Csv.Header | Sort-Object) -join ',')
            # The order follows the export's data seed; the unnamed groups export's generated name changes with its id.
            if ($shuffled[$i].Table -ne 'agent_groups') {
                $again[$i].File.Csv.Header -join ',' | Should -Be ($shuffled[$i].File.Csv.Header -join ',')
            }
        }
    }

    It 'dates <Dates>: <Description>' -ForEach @(
        @{ Dates = 'mixed'; Description = 'quoted formulas with and without milliseconds, and plain ISO UTC'; Present = '"=""\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}""', '"=""\d{4}-\d\d-\d\d \d\d:\d\d:\d\d""', ',\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ(,|\r?$)'; Absent = '(^|,)="\d', '[+-]\d\d:\d\d(,|\r?$)' }
        @{ Dates = 'bare-formula'; Description = 'formulas with their quotes bare mid-field, never RFC 4180 quoted'; Present = '(^|,)="\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}"(,|\r?$)', '(^|,)="\d{4}-\d\d-\d\d \d\d:\d\d:\d\d"(,|\r?$)'; Absent = '"=""', '\d\d:\d\d:\d\d(\.\d{3})?(Z|[+-]\d\d:\d\d)' }
        @{ Dates = 'quoted-formula'; Description = 'RFC 4180 quoted formulas only'; Present = '"=""\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}""', '"=""\d{4}-\d\d-\d\d \d\d:\d\d:\d\d""'; Absent = '(^|,)="\d', '\d\d:\d\d:\d\d(\.\d{3})?(Z|[+-]\d\d:\d\d)' }
        @{ Dates = 'iso-offset'; Description = 'ISO 8601 with UTC and non-UTC offsets'; Present = 'T\d\d:\d\d:\d\d\.\d{3}\+00:00', 'T\d\d:\d\d:\d\d-05:00', 'T\d\d:\d\d:\d\d(\.\d{3})?\+05:30', 'T\d\d:\d\d:\d\d(\.\d{3})?\+09:00'; Absent = '="', '\d\d:\d\d:\d\dZ' }
    ) {
        $text = (@(Get-TableSample @{ dates = $Dates }) | ForEach-Object { $_.File.Csv.Text }) -join "`n"
        foreach ($pattern in $Present) { [regex]::IsMatch($text, $pattern, 'Multiline') | Should -BeTrue -Because "the files hold $pattern" }
        foreach ($pattern in $Absent) { [regex]::IsMatch($text, $pattern, 'Multiline') | Should -BeFalse -Because "the files never hold $pattern" }
    }

    It 'bom and lineEndings: every CSV starts with a BOM and ends records with LF only when asked' {
        $plain = @(Get-TableSample @{})
        $plain | ForEach-Object { $_.File.Csv.HasBom | Should -BeFalse; $_.File.Csv.LineEndings -join ',' | Should -Be 'CRLF' }
        $variant = @(Get-TableSample @{ bom = $true; lineEndings = 'lf' })
        $variant | ForEach-Object { $_.File.Csv.HasBom | Should -BeTrue; $_.File.Csv.LineEndings -join ',' | Should -Be 'LF' }
        $bomOnly = @(Get-TableSample @{ bom = $true })
        $bomOnly | ForEach-Object { $_.File.Bytes[0..2] -join ',' | Should -Be '239,187,191'; $_.File.Csv.LineEndings -join ',' | Should -Be 'CRLF' }
        ($variant | Where-Object Table -EQ 'total_scores').File.Csv.Text | Should -Match "`r`n" -Because 'a line break inside a quoted text is data, not a record end'
    }
}
