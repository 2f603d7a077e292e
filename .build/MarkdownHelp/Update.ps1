# Refreshing docs/en-US from the compiled cmdlets: SYNTAX and the parameter blocks are rewritten, every word the
# author wrote is kept, and a cmdlet without a file gets a template.

$script:CommonParametersText = 'This cmdlet supports the common parameters: -Debug, -ErrorAction, -ErrorVariable, ' +
    '-InformationAction, -InformationVariable, -OutBuffer, -OutVariable, -PipelineVariable, -ProgressAction, ' +
    '-Verbose, -WarningAction, and -WarningVariable. For more information, see ' +
    '[about_CommonParameters](http://go.microsoft.com/fwlink/?LinkID=113216).'

function New-MarkdownHelpTemplate {
    # A file for a cmdlet that has none yet: placeholders the completeness test rejects until they are written.
    param([System.Management.Automation.CommandInfo] $Command)
    $inputs = @($Command.ParameterSets.Parameters | Where-Object { $_.ValueFromPipeline -or $_.ValueFromPipelineByPropertyName } |
        ForEach-Object { $_.ParameterType.FullName } | Select-Object -Unique)
    $outputs = @($Command.OutputType.Name | Select-Object -Unique)
    # What each section starts with; the others start empty, and SYNTAX and PARAMETERS are filled from the cmdlet.
    $bodies = @{
        'SYNOPSIS'      = '{{ Fill in the Synopsis }}', ''
        'DESCRIPTION'   = '{{ Fill in the Description }}', ''
        'EXAMPLES'      = '', '### Example 1', '```powershell', 'PS C:\> {{ Add example code here }}', '```', '', '{{ Add example description here }}', ''
        'INPUTS'        = @('') + @($inputs | ForEach-Object { "### $_"; ''; '{{ Fill in the input description }}'; '' })
        'OUTPUTS'       = @('') + @($outputs | ForEach-Object { "### $_"; ''; '{{ Fill in the output description }}'; '' })
        'RELATED LINKS' = '', '[about_MaestroQA](about_MaestroQA.md)'
    }
    @(
        '---'
        'external help file: MaestroQA.PowerShell.dll-Help.xml'
        "Module Name: $($Command.ModuleName)"
        'online version:'
        'schema: 2.0.0'
        '---'
        ''
        "# $($Command.Name)"
        ''
        foreach ($section in $script:CommandHelpSections) {
            "## $section"
            if ($bodies.ContainsKey($section)) { $bodies[$section] } else { '' }
        }
    ) -join "`n"
}

function New-SyntaxSection {
    # One code block per parameter set, under the set's name when there are several.
    param([System.Management.Automation.CommandInfo] $Command)
    ''
    $sets = @($Command.ParameterSets)
    foreach ($set in $sets) {
        if ($sets.Count -gt 1) { "### $($set.Name)$(if ($set.IsDefault) { ' (Default)' })" }
        '```'
        Format-SyntaxLine $Command $set
        '```'
        ''
    }
}

function New-ParametersSection {
    # A '### -Name' per documentable parameter, in name order, with the author's description ($Documented) or a
    # placeholder, and its yaml blocks.
    param([System.Management.Automation.CommandInfo] $Command, [hashtable] $Documented)
    ''
    $names = @(Get-DocumentableParameter $Command | ForEach-Object Name | Select-Object -Unique | Sort-Object)
    foreach ($name in $names) {
        $existing = $Documented[$name]
        "### -$name"
        if ($existing -and $existing.Description) { $existing.Description } else { "{{ Fill $name Description }}" }
        ''
        New-ParameterBlock -Command $Command -Name $name -Previous $(if ($existing) { $existing.Blocks })
    }
    '### CommonParameters'
    $script:CommonParametersText
    ''
}

function Get-UpdatedMarkdownHelp {
    <#
    .SYNOPSIS
        Returns the markdown with its SYNTAX section and parameter blocks regenerated from the compiled cmdlet;
        every word the author wrote is kept.
    #>
    param(
        [Parameter(Mandatory)] [System.Management.Automation.CommandInfo] $Command,
        [string] $Markdown
    )
    if (-not $Markdown) { $Markdown = New-MarkdownHelpTemplate $Command }
    $help = Read-MarkdownHelp $Markdown
    $documented = @{}
    $parametersPart = $help.SectionList | Where-Object Title -eq 'PARAMETERS'
    if ($parametersPart) { Get-DocumentedParameter $parametersPart.Lines | ForEach-Object { $documented[$_.Name] = $_ } }

    $output = [System.Collections.Generic.List[string]]::new()
    $output.AddRange([string[]]$help.Preamble)
    foreach ($part in $help.SectionList) {
        $output.Add("## $($part.Title)")
        $body = switch ($part.Title) {
            'SYNTAX' { New-SyntaxSection $Command }
            'PARAMETERS' { New-ParametersSection $Command $documented }
            default { $part.Lines }
        }
        $output.AddRange([string[]]@($body))
    }
    ($output -join "`n").TrimEnd() + "`n"
}

function Update-MarkdownCommandHelp {
    <#
    .SYNOPSIS
        Creates or refreshes docs/en-US/<Cmdlet>.md for every cmdlet the module exports; emits the files it changed.
    #>
    param(
        [Parameter(Mandatory)] [string] $ModuleName,
        [Parameter(Mandatory)] [string] $Path
    )
    $utf8 = [System.Text.UTF8Encoding]::new($false)
    foreach ($command in Get-Command -Module $ModuleName -CommandType Cmdlet) {
        $file = Join-Path $Path "$($command.Name).md"
        $current = if (Test-Path $file) { [System.IO.File]::ReadAllText($file) } else { '' }
        $updated = Get-UpdatedMarkdownHelp -Command $command -Markdown $current
        if ($updated -cne $current) {
            [System.IO.File]::WriteAllText($file, $updated, $utf8)
            Get-Item $file
        }
    }
}
