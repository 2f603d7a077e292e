# What the sections of a cmdlet's markdown say, in the PlatyPS schema: which sections it must have, the parameters
# it documents and the parameter order of its SYNTAX lines.

# In the order a cmdlet's file has them: the template writes them so, and a file without one of them is refused.
$script:CommandHelpSections = 'SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS'

function Read-CommandHelpFile {
    # A cmdlet's markdown file, refused when it lacks a section of the schema.
    param([System.IO.FileInfo] $File)
    $help = Read-MarkdownHelpFile $File
    $missing = $script:CommandHelpSections | Where-Object { -not $help.Sections.Contains($_) }
    if ($missing) { throw "$($File.Name) lacks the section(s) $($missing -join ', ')." }
    $help
}

function Read-ParameterBlock {
    # 'Key: value' pairs of one ```yaml block.
    param([string] $Yaml)
    $fields = [ordered]@{}
    foreach ($line in $Yaml -split "`n") {
        if ($line -match '^([^:]+):\s*(.*)$') { $fields[$Matches[1].Trim()] = $Matches[2].Trim() }
    }
    $fields
}

function Get-DocumentedParameter {
    <#
    .SYNOPSIS
        The PARAMETERS section: one entry per '### -Name' with its description and its yaml blocks.
    #>
    param([string[]] $Lines)
    foreach ($part in Split-MarkdownSection -Lines $Lines -Level 3 | Select-Object -Skip 1) {
        if ($part.Title -notmatch '^-(\w+)$') { continue }
        [pscustomobject]@{
            Name        = $Matches[1]
            Description = (Get-ProseLine $part.Lines) -join "`n" -replace '^\s+|\s+$', ''
            Blocks      = @(Get-CodeBlock $part.Lines | Where-Object Language -eq 'yaml' | ForEach-Object { Read-ParameterBlock $_.Code })
        }
    }
}

function Get-SyntaxOrder {
    # Parameter names in the order the SYNTAX line shows them, per parameter set ('(All)' when there is one set).
    param([string[]] $Lines)
    $order = [ordered]@{}
    foreach ($part in Split-MarkdownSection -Lines $Lines -Level 3) {
        $code = @(Get-CodeBlock $part.Lines)
        if (-not $code) { continue }
        $setName = if ($part.Title) { $part.Title -replace '\s*\(Default\)$', '' } else { '(All)' }
        $order[$setName] = @([regex]::Matches($code[0].Code, '(?<=[\s\[])-(\w+)') | ForEach-Object { $_.Groups[1].Value })
    }
    $order
}
