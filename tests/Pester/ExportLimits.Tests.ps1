# What the export readers do at the edges of what a file may hold: empty files, cells and rows too long to read,
# columns named twice, and tables as long as the API's documented cap on one export.
BeforeAll {
    . $PSScriptRoot/TestSetup.ps1

    function New-TestFolder { (New-Item -ItemType Directory -Path (Join-Path $TestDrive ([guid]::NewGuid().ToString('N')))).FullName }

    # Written byte for byte, so the test decides every line ending and byte order mark.
    function New-CsvFile([string] $Name, [string] $Content, [string] $Folder = (New-TestFolder)) {
        $path = Join-Path $Folder $Name
        [IO.File]::WriteAllText($path, $Content, [Text.UTF8Encoding]::new($false))
        $path
    }
}

Describe 'An empty file' {
    It 'a 0-byte CSV: one MaestroQA.ExportFormat error saying the file is empty' {
        $file = New-CsvFile 'csat.csv' ''
        $rows = @(Import-MqaExport $file -ErrorVariable failure -ErrorAction SilentlyContinue)
        $rows | Should -HaveCount 0
        $failure | Should -HaveCount 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'MaestroQA.ExportFormat,MaestroQA.PowerShell.Cmdlets.Exports.ImportMqaExportCommand'
        $failure[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $failure[0].TargetObject | Should -Be $file
        $failure[0].Exception.Message | Should -Be "'csat.csv' is empty: it has no header row, so it holds no export table."
    }
}
