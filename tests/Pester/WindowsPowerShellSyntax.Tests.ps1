# Windows PowerShell 5.1 loads the module's script files (the .psm1, the manifest, the formats) and, in CI, runs
# this suite: each must use only what 5.1 reads. Under 5.1 itself the newer syntax shows up as parse errors.
BeforeDiscovery {
    . $PSScriptRoot/TestSetup.ps1
    $repository = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $moduleBase = (Get-Module MaestroQA.PowerShell).ModuleBase
    $moduleFiles = @(Get-ChildItem $moduleBase -Recurse -File -Include *.ps1, *.psm1, *.psd1, *.ps1xml |
            ForEach-Object { @{ File = $_.FullName.Substring($moduleBase.Length + 1); Path = $_.FullName; Root = $moduleBase } })
    # The suite's own scripts, and the help builder with the parts it loads (Help.Tests.ps1 imports it).
    $suiteFiles = @(@(Get-ChildItem (Join-Path $repository 'tests/Pester'), (Join-Path $repository 'tests/Shared') -File) +
            @(Get-ChildItem (Join-Path $repository '.build') -File -Recurse) |
            Where-Object Extension -In '.ps1', '.psm1' |
            ForEach-Object { @{ File = $_.FullName.Substring($repository.Length + 1); Path = $_.FullName; Root = $repository } })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../Shared/WindowsPowerShellSyntax.psm1') -Force
    $onPowerShell7 = $PSVersionTable.PSVersion.Major -ge 7

    function Get-Problem([string] $Path, [string] $Root) {
        @(Find-WindowsPowerShellIncompatibility -Path $Path -Root $Root |
                Where-Object { -not ($_.Node -and (Test-InTaggedBlock $_.Node 'CoreOnly')) } |
                ForEach-Object { "$($_.File) line $($_.Line): $($_.Construct)" })
    }

    # A construct that parses in 5.1 and fails only when run may stay in a Describe, Context or It with a tag the
    # Windows PowerShell run excludes (Invoke-PesterSuite.ps1 excludes CoreOnly for the desktop build).
    function Test-InTaggedBlock([System.Management.Automation.Language.Ast] $Node, [string] $Tag) {
        for ($parent = $Node.Parent; $parent; $parent = $parent.Parent) {
            if ($parent -isnot [System.Management.Automation.Language.CommandAst] -or $parent.GetCommandName() -notin 'Describe', 'Context', 'It') { continue }
            $elements = $parent.CommandElements
            for ($i = 1; $i -lt $elements.Count; $i++) {
                if ($elements[$i] -isnot [System.Management.Automation.Language.CommandParameterAst] -or $elements[$i].ParameterName -notin 'Tag', 'Tags') { continue }
                $argument = if ($elements[$i].Argument) { $elements[$i].Argument } elseif ($i + 1 -lt $elements.Count) { $elements[$i + 1] }
                if ($argument -and $Tag -in @($argument.SafeGetValue())) { return $true }
            }
        }
        $false
    }
}

Describe 'The built module' {
    It 'checks the manifest and every script file it lists' -ForEach @{ ModuleBase = $moduleBase; Checked = @($moduleFiles | ForEach-Object { $_.File }) } {
        $manifest = Import-PowerShellDataFile (Join-Path $ModuleBase 'MaestroQA.PowerShell.psd1')
        $listed = foreach ($key in 'RootModule', 'NestedModules', 'ScriptsToProcess', 'TypesToProcess', 'FormatsToProcess') {
            if ($manifest.ContainsKey($key)) { @($manifest[$key]) | Where-Object { $_ -match '\.ps(m?1|d1|1xml)$' } }
        }
        @($listed).Count | Should -BeGreaterOrEqual 2 -Because 'the root module and the formats'
        foreach ($file in @($listed) + 'MaestroQA.PowerShell.psd1') { $Checked | Should -Contain $file }
    }

    It '<File> uses only what Windows PowerShell 5.1 reads' -ForEach $moduleFiles {
        Get-Problem $Path $Root | Should -BeNullOrEmpty
    }
}

Describe 'The test suite' {
    It '<File> uses only what Windows PowerShell 5.1 reads' -ForEach $suiteFiles {
        Get-Problem $Path $Root | Should -BeNullOrEmpty
    }
}

Describe 'The 5.1 syntax check' {
    BeforeAll {
        function Write-Planted([string] $Name, [string] $Text, [bool] $ByteOrderMark = $false) {
            $path = Join-Path $TestDrive $Name
            [System.IO.File]::WriteAllText($path, $Text, [System.Text.UTF8Encoding]::new($ByteOrderMark))
            $path
        }
    }

    It 'names file, line and construct for <Construct>' -ForEach @(
        @{ Construct = '?? (null-coalescing)'; Code = '$b = $null ?? 1' }
        @{ Construct = '?? (null-coalescing)'; Code = '"flavor $($env:FLAVOR ?? ''Core'')"' }
        @{ Construct = '??= (null-coalescing assignment)'; Code = '$a ??= 1' }
        @{ Construct = '?. (null-conditional member access)'; Code = '${a}?.Length' }
        @{ Construct = '?[ (null-conditional index)'; Code = '${a}?[0]' }
        @{ Construct = '? : (ternary)'; Code = '$b = $true ? 1 : 2' }
        @{ Construct = '&& (pipeline chain)'; Code = 'Get-Date && Get-Date' }
        @{ Construct = '|| (pipeline chain)'; Code = 'Get-Date || Get-Date' }
        @{ Construct = 'ForEach-Object -Parallel'; Code = '1..2 | ForEach-Object -Parallel { $_ }' }
        @{ Construct = 'ForEach-Object -Parallel'; Code = '1..2 | % -Pa { $_ }' }
        @{ Construct = 'clean {} block'; Code = 'function f { process { $_ } clean { ''done'' } }' }
        @{ Construct = 'clean {} block'; Code = 'function g { clean { ''done'' } }' }
        @{ Construct = '& (background operator)'; Code = 'Get-Date &' }
        @{ Construct = '`e escape (5.1 reads the letter)'; Code = '"`e[0m"' }
        @{ Construct = '`u{} escape (5.1 reads the letter)'; Code = '"`u{00E9}"' }
        @{ Construct = 'non-ASCII text without a byte-order mark'; Code = "'caf$([char]0xE9)'" }
    ) {
        # Two lines before the construct, so a finding must name line 3.
        $path = Write-Planted 'planted.ps1' "param()`n`$a = 1`n$Code`n"
        $findings = @(Find-WindowsPowerShellIncompatibility -Path $path -Root $TestDrive)
        $findings.File | Select-Object -Unique | Should -Be 'planted.ps1'
        $findings.Line | Select-Object -Unique | Should -Be 3
        # Windows PowerShell's parser knows none of these: there they are parse errors at the same line.
        if ($onPowerShell7) { $findings.Construct | Should -Contain $Construct }
    }

    It 'reads the script blocks of a format file, naming the line in the file' {
        $path = Write-Planted 'planted.Format.ps1xml' @'
<?xml version="1.0" encoding="utf-8"?>
<Configuration><ViewDefinitions><View><Name>v</Name><ViewSelectedBy><TypeName>T</TypeName></ViewSelectedBy>
<TableControl><TableRowEntries><TableRowEntry><TableColumnItems>
<TableColumnItem><ScriptBlock>$_.Name</ScriptBlock></TableColumnItem><TableColumnItem><ScriptBlock>
$_.Value ?? 'none'
</ScriptBlock></TableColumnItem>
</TableColumnItems></TableRowEntry></TableRowEntries></TableControl></View></ViewDefinitions></Configuration>
'@
        $findings = @(Find-WindowsPowerShellIncompatibility -Path $path -Root $TestDrive)
        $findings | Should -HaveCount 1
        $findings[0].File | Should -Be 'planted.Format.ps1xml'
        $findings[0].Line | Should -Be 5
        if ($onPowerShell7) { $findings[0].Construct | Should -Be '?? (null-coalescing)' }
    }

    It 'lets the suite keep ForEach-Object -Parallel only in tests the Windows PowerShell run excludes' {
        $path = Write-Planted 'planted.Tests.ps1' @'
Describe 'd' -Tag 'CoreOnly' { It 'i' { 1 | ForEach-Object -Parallel { $_ } } }
Describe 'd' { It 'i' -Tag:@('Slow', 'CoreOnly') { 1 | ForEach-Object -Parallel { $_ } } }
Describe 'd' -Tag 'Slow' { It 'i' { 1 | ForEach-Object -Parallel { $_ } } }
'@
        Get-Problem $path $TestDrive | Should -Be 'planted.Tests.ps1 line 3: ForEach-Object -Parallel'
    }

    It 'finds nothing in what 5.1 does read, however alike' {
        $path = Write-Planted 'fine.ps1' @'
$a? = 1; $b = "?? ?. && || `$e ``e"; $c = '`e'
1..3 | ? { $_ -gt 1 } | % { $_ } | ForEach-Object -Process { $_ } -PipelineVariable p
foreach ($i in 1..2) { $i }
function f { begin { } process { $_ } end { } }
Get-Date; if ($a?) { 1 } else { 2 }
'@
        Find-WindowsPowerShellIncompatibility -Path $path | Should -BeNullOrEmpty
        $path = Write-Planted 'utf8.ps1' "'caf$([char]0xE9)'" -ByteOrderMark $true
        Find-WindowsPowerShellIncompatibility -Path $path | Should -BeNullOrEmpty -Because 'a byte-order mark tells 5.1 the file is UTF-8'
    }
}
