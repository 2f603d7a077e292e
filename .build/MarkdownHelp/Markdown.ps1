# The one reader of markdown structure: which lines are code, where sections begin, what the code blocks hold.
# The other parts read markdown only through these, so code fences are tracked in this file alone.

function Get-MarkdownLine {
    # Each line with its kind: Fence (a ``` line: Opens, and the Language of an opening one), Code (inside a
    # fence) or Prose.
    param([string[]] $Lines)
    $inFence = $false
    foreach ($line in $Lines) {
        if ($line -match '^```(.*)$') {
            $inFence = -not $inFence
            [pscustomobject]@{ Text = $line; Kind = 'Fence'; Opens = $inFence; Language = $Matches[1].Trim() }
            continue
        }
        [pscustomobject]@{ Text = $line; Kind = $(if ($inFence) { 'Code' } else { 'Prose' }); Opens = $false; Language = '' }
    }
}

function Split-MarkdownSection {
    # Splits lines at the prose headings of one level ('## ' or '### '): first the untitled lines before the
    # first heading, then a Title and Lines per heading.
    param([string[]] $Lines, [int] $Level)
    $prefix = ('#' * $Level) + ' '
    $sections = [System.Collections.Generic.List[object]]::new()
    $current = [pscustomobject]@{ Title = ''; Lines = [System.Collections.Generic.List[string]]::new() }
    foreach ($line in Get-MarkdownLine $Lines) {
        if ($line.Kind -eq 'Prose' -and $line.Text.StartsWith($prefix)) {
            $sections.Add($current)
            $current = [pscustomobject]@{ Title = $line.Text.Substring($prefix.Length).Trim(); Lines = [System.Collections.Generic.List[string]]::new() }
            continue
        }
        $current.Lines.Add($line.Text)
    }
    $sections.Add($current)
    $sections
}

function Get-CodeBlock {
    # The closed code blocks among lines, in order: Language and Code.
    param([string[]] $Lines)
    $code = $null
    foreach ($line in Get-MarkdownLine $Lines) {
        if ($line.Kind -eq 'Code') { $code.Add($line.Text); continue }
        if ($line.Kind -ne 'Fence') { continue }
        if ($line.Opens) {
            $language = $line.Language
            $code = [System.Collections.Generic.List[string]]::new()
        }
        else {
            [pscustomobject]@{ Language = $language; Code = $code -join "`n" }
        }
    }
}

function Get-ProseLine {
    # The lines outside code blocks.
    param([string[]] $Lines)
    Get-MarkdownLine $Lines | Where-Object Kind -eq 'Prose' | ForEach-Object Text
}

function Read-MarkdownHelp {
    <#
    .SYNOPSIS
        Parses one PlatyPS-schema markdown file into front matter, title and level-2 sections.
    .DESCRIPTION
        Sections maps each title to its lines (of repeated titles, the last); SectionList keeps every section in
        order, and Preamble every line before the first, front matter included: what a rewrite keeps as it is.
    #>
    param([Parameter(Mandatory)] [string] $Text)
    $lines = $Text -replace "`r`n", "`n" -split "`n"
    $frontMatter = [ordered]@{}
    $start = 0
    if ($lines[0] -eq '---') {
        $end = [array]::IndexOf($lines, '---', 1)
        foreach ($line in $lines[1..($end - 1)]) {
            if ($line -match '^([^:]+):\s*(.*)$') { $frontMatter[$Matches[1]] = $Matches[2] }
        }
        $start = $end + 1
    }
    $parts = @(Split-MarkdownSection -Lines ($lines | Select-Object -Skip $start) -Level 2)
    $title = ($parts[0].Lines | Where-Object { $_ -match '^# ' } | Select-Object -First 1) -replace '^# ', ''
    $sections = [ordered]@{}
    $sectionList = @($parts | Select-Object -Skip 1)
    foreach ($part in $sectionList) { $sections[$part.Title] = @($part.Lines) }
    [pscustomobject]@{
        FrontMatter = $frontMatter
        Title       = $title.Trim()
        Sections    = $sections
        SectionList = $sectionList
        Preamble    = @($lines | Select-Object -First $start) + @($parts[0].Lines)
    }
}

function Read-MarkdownHelpFile {
    param([System.IO.FileInfo] $File)
    Read-MarkdownHelp ([System.IO.File]::ReadAllText($File.FullName))
}
