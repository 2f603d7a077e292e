# What the export readers do at the edges of what a file may hold: empty files, cells and rows too long to read,
# columns named twice, and tables as long as the API's documented cap on one export.
BeforeAll {
    . $PSScriptRoot/TestSetup.ps1

    # Written byte for byte, so the test decides every line ending and byte order mark.
    function New-CsvFile([string] $Name, [string] $Content, [string] $Folder = (New-TestFolder)) {
        $path = Join-Path $Folder $Name
        [IO.File]::WriteAllText($path, $Content, [Text.UTF8Encoding]::new($false))
        $path
    }

    # A zip of the entries, in order, each written as UTF-8 text.
    function New-ZipFile([string] $Name, [Collections.Specialized.OrderedDictionary] $Entries) {
        $path = Join-Path (New-TestFolder) $Name
        Add-Type -AssemblyName System.IO.Compression, System.IO.Compression.FileSystem
        $archive = [IO.Compression.ZipFile]::Open($path, 'Create')
        try {
            foreach ($entry in $Entries.Keys) {
                $writer = [IO.StreamWriter]::new($archive.CreateEntry($entry).Open())
                try { $writer.Write($Entries[$entry]) } finally { $writer.Dispose() }
            }
        }
        finally { $archive.Dispose() }
        $path
    }

    # The one error Import-MqaExport wrote: MaestroQA.ExportFormat (InvalidData) for the file, with this message.
    function Assert-ExportFormatError([object[]] $Failure, [string] $File, [string] $Message) {
        $Failure | Should -HaveCount 1
        $Failure[0].FullyQualifiedErrorId | Should -Be 'MaestroQA.ExportFormat,MaestroQA.PowerShell.Cmdlets.Exports.ImportMqaExportCommand'
        $Failure[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $Failure[0].TargetObject | Should -Be $File
        $Failure[0].Exception.Message | Should -Be $Message
    }
}

Describe 'An empty file' {
    It 'a 0-byte CSV: one MaestroQA.ExportFormat error saying the file is empty' {
        $file = New-CsvFile 'csat.csv' ''
        $rows = @(Import-MqaExport $file -ErrorVariable failure -ErrorAction SilentlyContinue)
        $rows | Should -HaveCount 0
        Assert-ExportFormatError $failure $file "'csat.csv' is empty: it has no header row, so it holds no export table."
    }
}

Describe 'A cell too long to read' {
    It 'a 20 MB comment costs its row only: one MaestroQA.ExportFormat error naming file, row, column and length' {
        $comment = 'x' * (20 * 1024 * 1024)
        $file = New-CsvFile 'total_scores.csv' "gradable_id,comment,rubric_score`r`n1,`"$comment`",8`r`n2,fine,9`r`n"
        $rows = @(Import-MqaExport $file -ErrorVariable failure -ErrorAction SilentlyContinue)
        $rows.GradableId | Should -Be @('2')
        Assert-ExportFormatError $failure $file "'total_scores.csv' row 2, column 'comment': the cell is 20,971,522 characters long, more than the 8,388,608 a cell may hold."
    }

    It 'the limit the errors name is the one the help states, and a 3 MB comment is read whole' {
        $help = (Get-Help Import-MqaExport -Full | Out-String -Width 400) -replace '\s+', ' '
        $help -match '8,388,608 characters' | Should -BeTrue -Because 'the help states the limit'
        $comment = "Said `"no`", then`nleft. " * (3 * 1024 * 1024 / 22)
        $escaped = $comment.Replace('"', '""')
        $file = New-CsvFile 'total_scores.csv' "gradable_id,comment`n1,`"$escaped`"`n2,fine`n"
        $rows = @(Import-MqaExport $file -ErrorAction Stop)
        $rows | Should -HaveCount 2
        $rows[0].Comment.Length | Should -BeGreaterThan 3000000
        $rows[0].Comment | Should -BeExactly $comment
    }

    It 'in a zip entry too: the row is skipped, and the other rows and entries are read' {
        $zip = New-ZipFile 'export.zip' ([ordered]@{
                'total_scores.csv' = "gradable_id,comment,rubric_score`n1,$('x' * (9 * 1024 * 1024)),8`n2,fine,9`n"
                'csat.csv'         = "gradable_id,csat_score`nc1,5`n"
            })
        $rows = @(Import-MqaExport $zip -ErrorVariable failure -ErrorAction SilentlyContinue)
        $rows.GradableId | Should -Be @('2', 'c1')
        Assert-ExportFormatError $failure $zip "'total_scores.csv' row 2, column 'comment': the cell is 9,437,184 characters long, more than the 8,388,608 a cell may hold."
    }
}

Describe 'A column named twice' {
    It 'is read from its first place, and one warning per file names the file, the column and its places' {
        $file = New-CsvFile 'total_scores.csv' "gradable_id,rubric_score,Gradable ID,new_metric,new_metric`n1,8,one,a,b`n2,9,two,c,d`n"
        $rows = @(Import-MqaExport $file -WarningVariable warned -WarningAction SilentlyContinue -ErrorAction Stop)
        $rows.GradableId | Should -Be @('1', '2')
        $rows.new_metric | Should -Be @('a', 'c')
        $rows[0].GetAdditionalColumns().Keys | Should -Be @('new_metric')
        $warned | Should -HaveCount 1
        "$($warned[0])" | Should -Be ("'total_scores.csv' repeats columns in its header: 'gradable_id' at column 1 and 'Gradable ID' at column 3 (column 1 is read, column 3 is ignored); " +
            "'new_metric' at columns 4 and 5 (column 4 is read, column 5 is ignored).")
    }

    It 'a column with no name in the header is kept as Unnamed (beside one named so, Unnamed2), rather than failing the file' {
        $file = New-CsvFile 'total_scores.csv' "gradable_id,Unnamed,,rubric_score`n1,named,x,8`n"
        $rows = @(Import-MqaExport $file -ErrorAction Stop)
        $rows | Should -HaveCount 1
        $rows[0].RubricScore | Should -Be 8
        ($rows[0].Unnamed, $rows[0].Unnamed2) | Should -Be @('named', 'x')
    }

    It 'in a zip, each entry that repeats one warns, naming the zip and the entry' {
        $zip = New-ZipFile 'export.zip' ([ordered]@{ 'csat.csv' = "gradable_id,csat_score,csat_score`nc1,5,4`n"; 'total_scores.csv' = "gradable_id,rubric_score`n1,8`n" })
        $rows = @(Import-MqaExport $zip -WarningVariable warned -WarningAction SilentlyContinue -ErrorAction Stop)
        $rows | Should -HaveCount 2
        $rows[0].CsatScore | Should -Be 5
        $warned | Should -HaveCount 1
        "$($warned[0])" | Should -Be "'export.zip' entry 'csat.csv' repeats a column in its header: 'csat_score' at columns 2 and 3 (column 2 is read, column 3 is ignored)."
    }
}

Describe 'A table as long as the documented cap on one export' {
    BeforeAll {
        $server = Start-MqaMockServer -Config @{ exportRequestedMs = 0; exportInProgressMs = 0 }
        $session = New-MqaSession -ApiToken $server.Token -BaseUri $server.ApiUri -RetryIntervalSec 0.05
        $tables = @('total_scores', 'section_scores', 'individual_answers', 'annotations', 'csat')

        # A raw export zip of the local server: every table of it holds as many rows as its name says.
        function Save-RawExport([int] $Rows, [switch] $Expand) {
            $folder = New-TestFolder
            Invoke-MqaRawExport -StartDate '2025-01-01T00:00:00Z' -EndDate '2025-02-01T00:00:00Z' -Name "cap rows=$Rows" -Wait -PollInterval 0.1 -Session $session |
                Save-MqaExport -Path $folder -Expand:$Expand -Session $session -WarningVariable script:saveWarnings -WarningAction SilentlyContinue -ErrorAction Stop
        }

        function Get-CapWarning([string] $Where, [string] $Table, [string] $Rows) {
            "$Where holds $Rows rows of $Table, so it may be cut short: MaestroQA documents that one export holds `"10,000 to 50,000 scores`", " +
            'and not whether it drops the rest of a larger one without a word. If the export covers a date range, request smaller windows ' +
            '(-ChunkDays of Invoke-MqaRawExport or Sync-MqaExport) until each holds fewer than 10,000 rows.'
        }
    }

    AfterAll { Stop-MqaMockServer $server }

    It 'Import-MqaExport: 10,000 rows in each entry draw one warning per entry, after its rows, naming the zip and the entry' {
        $zip = Save-RawExport 10000
        $script:saveWarnings | Should -BeNullOrEmpty -Because 'Save-MqaExport counts only what -Expand extracts'
        # Warnings merged into the output, to see where they fall among the rows.
        $seen = [Collections.Generic.List[string]]::new()
        $rows = 0
        Import-MqaExport $zip -ErrorAction Stop 3>&1 | ForEach-Object {
            if ($_ -is [Management.Automation.WarningRecord]) { $seen.Add("$rows rows, then: $($_.Message)"); $rows = 0 } else { $rows++ }
        }
        $rows | Should -Be 0 -Because 'the last entry''s warning comes after its rows'
        $seen | Should -Be @($tables | ForEach-Object { "10000 rows, then: $(Get-CapWarning "'$($zip.Name)' entry '$_.csv'" $_ '10,000')" })
    }

    It 'Import-MqaExport: 9,999 rows warn nothing' {
        $zip = Save-RawExport 9999
        $rows = Import-MqaExport $zip -WarningVariable warned -ErrorAction Stop | Measure-Object
        $rows.Count | Should -Be (5 * 9999)
        $warned | Should -BeNullOrEmpty
    }

    It 'Save-MqaExport -Expand: each extracted table of 10,000 rows draws a warning naming its file; 9,999 rows none' {
        $files = @(Save-RawExport 10000 -Expand)
        $files | Should -HaveCount 5
        @($script:saveWarnings | ForEach-Object { "$_" }) | Should -Be @($files | ForEach-Object { Get-CapWarning "'$($_.FullName)'" $_.BaseName '10,000' })

        $files = @(Save-RawExport 9999 -Expand)
        $files | Should -HaveCount 5
        $script:saveWarnings | Should -BeNullOrEmpty
    }

    It 'both cmdlets'' help tells of the warning' {
        foreach ($command in 'Import-MqaExport', 'Save-MqaExport') {
            $help = (Get-Help $command -Full | Out-String -Width 400) -replace '\s+', ' '
            $help -match '"10,000 to 50,000 scores".*10,000 rows or more.*-ChunkDays' | Should -BeTrue -Because "$command's help tells of the cap warning"
        }
    }
}
