# The project's own stand-in for PlatyPS (which our registry does not serve): it keeps docs/en-US in the PlatyPS
# markdown schema 2.0.0, regenerates each file's SYNTAX and parameter blocks from the compiled cmdlets, and turns
# the markdown into MAML (cmdlets) and .help.txt (about topics). Stay within that schema so PlatyPS can take over.
Set-StrictMode -Version Latest

$script:Undocumented = [System.Management.Automation.Cmdlet]::CommonParameters + 'UseTransaction'
$script:ShouldProcessParameters = 'WhatIf', 'Confirm'
$script:Placeholder = '\{\{.*\}\}'
$script:CommonParametersText = 'This cmdlet supports the common parameters: -Debug, -ErrorAction, -ErrorVariable, ' +
    '-InformationAction, -InformationVariable, -OutBuffer, -OutVariable, -PipelineVariable, -ProgressAction, ' +
    '-Verbose, -WarningAction, and -WarningVariable. For more information, see ' +
    '[about_CommonParameters](http://go.microsoft.com/fwlink/?LinkID=113216).'

#region Reading markdown

function Split-MarkdownSection {
    # Splits text at headings of one level ('## ' or '### '), outside code fences.
    param([string[]] $Lines, [int] $Level)
    $prefix = ('#' * $Level) + ' '
    $sections = [System.Collections.Generic.List[object]]::new()
    $current = [pscustomobject]@{ Title = ''; Lines = [System.Collections.Generic.List[string]]::new() }
    $inFence = $false
    foreach ($line in $Lines) {
        if ($line -match '^```') { $inFence = -not $inFence }
        if (-not $inFence -and $line.StartsWith($prefix)) {
            $sections.Add($current)
            $current = [pscustomobject]@{ Title = $line.Substring($prefix.Length).Trim(); Lines = [System.Collections.Generic.List[string]]::new() }
            continue
        }
        $current.Lines.Add($line)
    }
    $sections.Add($current)
    $sections
}

function Read-MarkdownHelp {
    <#
    .SYNOPSIS
        Parses one PlatyPS-schema markdown file into front matter, title and level-2 sections.
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
    $parts = @(Split-MarkdownSection -Lines $lines[$start..($lines.Count - 1)] -Level 2)
    $title = ($parts[0].Lines | Where-Object { $_ -match '^# ' } | Select-Object -First 1) -replace '^# ', ''
    $sections = [ordered]@{}
    foreach ($part in $parts | Select-Object -Skip 1) { $sections[$part.Title] = @($part.Lines) }
    [pscustomobject]@{ FrontMatter = $frontMatter; Title = $title.Trim(); Sections = $sections }
}

function Get-CodeBlock {
    # The fenced blocks of a section, in order: Language and Code.
    param([string[]] $Lines)
    $block = $null
    foreach ($line in $Lines) {
        if ($line -match '^```(.*)$') {
            if ($null -eq $block) { $block = [pscustomobject]@{ Language = $Matches[1].Trim(); Code = [System.Collections.Generic.List[string]]::new() } }
            else { [pscustomobject]@{ Language = $block.Language; Code = $block.Code -join "`n" }; $block = $null }
            continue
        }
        if ($null -ne $block) { $block.Code.Add($line) }
    }
}

function Get-ProseLine {
    # The lines of a section outside code fences.
    param([string[]] $Lines)
    $inFence = $false
    foreach ($line in $Lines) {
        if ($line -match '^```') { $inFence = -not $inFence; continue }
        if (-not $inFence) { $line }
    }
}

function ConvertTo-Paragraph {
    <#
    .SYNOPSIS
        Markdown text to paragraphs: blank lines separate them, lines of a list stay on their own lines, code
        blocks are kept verbatim.
    #>
    param([string[]] $Lines)
    $paragraph = [System.Collections.Generic.List[string]]::new()
    $inFence = $false
    $isList = $false
    foreach ($line in @($Lines) + '') {
        if ($line -match '^```') {
            if ($inFence) { $paragraph -join "`n"; $paragraph.Clear() }
            elseif ($paragraph.Count) { if ($isList) { $paragraph -join "`n" } else { $paragraph -join ' ' }; $paragraph.Clear() }
            $inFence = -not $inFence
            continue
        }
        if ($inFence) { $paragraph.Add("    $line"); continue }
        if ([string]::IsNullOrWhiteSpace($line)) {
            if ($paragraph.Count) { if ($isList) { $paragraph -join "`n" } else { $paragraph -join ' ' } }
            $paragraph.Clear()
            continue
        }
        $isListLine = $line -match '^\s*([-*]|\d+\.)\s'
        if ($isListLine -and $paragraph.Count -and -not $isList) { $paragraph -join ' '; $paragraph.Clear() }
        if ($paragraph.Count -eq 0) { $isList = $isListLine }
        $paragraph.Add($(if ($isList) { $line.TrimEnd() } else { $line.Trim() }))
    }
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

#endregion

#region Metadata from the compiled cmdlets

function Get-TypeDisplayName {
    param([type] $Type)
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { $Type = $underlying }
    if ($Type.IsArray) { return (Get-TypeDisplayName $Type.GetElementType()) + '[]' }
    $Type.Name
}

function Get-DocumentableParameter {
    param([System.Management.Automation.CommandInfo] $Command, [System.Management.Automation.CommandParameterSetInfo] $ParameterSet)
    $parameters = if ($ParameterSet) { $ParameterSet.Parameters } else { $Command.ParameterSets.Parameters }
    $parameters | Where-Object { $_.Name -notin $script:Undocumented -and -not ($_.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow }) }
}

function Format-SyntaxLine {
    <#
    .SYNOPSIS
        One parameter set as PlatyPS writes it: positional first, then mandatory, optional, and -WhatIf/-Confirm.
    #>
    param([System.Management.Automation.CommandInfo] $Command, [System.Management.Automation.CommandParameterSetInfo] $ParameterSet)
    $parameters = @(Get-DocumentableParameter $Command $ParameterSet)
    $ordered = @($parameters | Where-Object Position -ge 0 | Sort-Object Position) +
        @($parameters | Where-Object { $_.Position -lt 0 -and $_.IsMandatory }) +
        @($parameters | Where-Object { $_.Position -lt 0 -and -not $_.IsMandatory -and $_.Name -notin $script:ShouldProcessParameters }) +
        @($parameters | Where-Object Name -in $script:ShouldProcessParameters)
    $parts = foreach ($parameter in $ordered) {
        $name = if ($parameter.Position -ge 0) { "[-$($parameter.Name)]" } else { "-$($parameter.Name)" }
        $text = if ($parameter.ParameterType -eq [switch]) { "-$($parameter.Name)" } else { "$name <$(Get-TypeDisplayName $parameter.ParameterType)>" }
        if ($parameter.IsMandatory) { $text } else { "[$text]" }
    }
    (@($Command.Name) + @($parts) + '[<CommonParameters>]') -join ' '
}

function Get-AcceptedValue {
    param([System.Management.Automation.ParameterMetadata] $Parameter)
    $type = $Parameter.ParameterType
    $underlying = [Nullable]::GetUnderlyingType($type)
    if ($underlying) { $type = $underlying }
    if ($type.IsArray) { $type = $type.GetElementType() }
    if ($type.IsEnum) { return [enum]::GetNames($type) }
    $Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | ForEach-Object ValidValues
}

function Format-PipelineInput {
    param($SetParameter)
    $kinds = @(if ($SetParameter.ValueFromPipelineByPropertyName) { 'ByPropertyName' }; if ($SetParameter.ValueFromPipeline) { 'ByValue' })
    if ($kinds) { "True ($($kinds -join ', '))" } else { 'False' }
}

function New-ParameterBlock {
    <#
    .SYNOPSIS
        The yaml blocks of one parameter: one per distinct (required, position, pipeline) over its parameter sets.
        'Default value' and 'Accept wildcard characters' are the author's and are carried over from $Previous.
    #>
    param([System.Management.Automation.CommandInfo] $Command, [string] $Name, [System.Collections.IDictionary[]] $Previous)
    $metadata = $Command.Parameters[$Name]
    $allSets = @($Command.ParameterSets.Name)
    $uses = foreach ($set in $Command.ParameterSets) {
        $setParameter = $set.Parameters | Where-Object Name -eq $Name
        if ($setParameter) {
            [pscustomobject]@{
                Set      = $set.Name
                Required = [string]$setParameter.IsMandatory
                Position = if ($setParameter.Position -ge 0) { [string]$setParameter.Position } else { 'Named' }
                Pipeline = Format-PipelineInput $setParameter
            }
        }
    }
    $groups = @($uses | Group-Object Required, Position, Pipeline)
    $accepted = @(Get-AcceptedValue $metadata)
    for ($i = 0; $i -lt $groups.Count; $i++) {
        $use = $groups[$i].Group[0]
        $sets = @($groups[$i].Group.Set)
        $previousBlock = if ($Previous -and $Previous.Count) { $Previous[[Math]::Min($i, $Previous.Count - 1)] } else { @{} }
        $lines = [System.Collections.Generic.List[string]]::new()
        $lines.Add("Type: $(Get-TypeDisplayName $metadata.ParameterType)")
        $lines.Add("Parameter Sets: $(if ($sets.Count -eq $allSets.Count) { '(All)' } else { $sets -join ', ' })")
        $lines.Add("Aliases: $(if ($metadata.Aliases.Count) { $metadata.Aliases -join ', ' } else { '' })".TrimEnd())
        if ($accepted) { $lines.Add("Accepted values: $($accepted -join ', ')") }
        $lines.Add('')
        $lines.Add("Required: $($use.Required)")
        $lines.Add("Position: $($use.Position)")
        $lines.Add("Default value: $(if ($previousBlock['Default value']) { $previousBlock['Default value'] } else { 'None' })")
        $lines.Add("Accept pipeline input: $($use.Pipeline)")
        $lines.Add("Accept wildcard characters: $(if ($previousBlock['Accept wildcard characters']) { $previousBlock['Accept wildcard characters'] } else { 'False' })")
        '```yaml'
        $lines
        '```'
        ''
    }
}

#endregion

#region Writing markdown

function New-MarkdownHelpTemplate {
    # A file for a cmdlet that has none yet: placeholders the completeness test rejects until they are written.
    param([System.Management.Automation.CommandInfo] $Command)
    $inputs = @($Command.ParameterSets.Parameters | Where-Object { $_.ValueFromPipeline -or $_.ValueFromPipelineByPropertyName } |
        ForEach-Object { $_.ParameterType.FullName } | Select-Object -Unique)
    $outputs = @($Command.OutputType.Name | Select-Object -Unique)
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
        '## SYNOPSIS'
        '{{ Fill in the Synopsis }}'
        ''
        '## SYNTAX'
        ''
        '## DESCRIPTION'
        '{{ Fill in the Description }}'
        ''
        '## EXAMPLES'
        ''
        '### Example 1'
        '```powershell'
        'PS C:\> {{ Add example code here }}'
        '```'
        ''
        '{{ Add example description here }}'
        ''
        '## PARAMETERS'
        ''
        '## INPUTS'
        ''
        $inputs | ForEach-Object { "### $_"; ''; '{{ Fill in the input description }}'; '' }
        '## OUTPUTS'
        ''
        $outputs | ForEach-Object { "### $_"; ''; '{{ Fill in the output description }}'; '' }
        '## NOTES'
        ''
        '## RELATED LINKS'
        ''
        '[about_MaestroQA](about_MaestroQA.md)'
    ) -join "`n"
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
    $lines = $Markdown -replace "`r`n", "`n" -split "`n"
    $parts = @(Split-MarkdownSection -Lines $lines -Level 2)
    $documented = @{}
    $parametersPart = $parts | Where-Object Title -eq 'PARAMETERS'
    if ($parametersPart) { Get-DocumentedParameter $parametersPart.Lines | ForEach-Object { $documented[$_.Name] = $_ } }

    $syntax = [System.Collections.Generic.List[string]]::new()
    $syntax.Add('')
    $sets = @($Command.ParameterSets)
    foreach ($set in $sets) {
        if ($sets.Count -gt 1) {
            $syntax.Add("### $($set.Name)$(if ($set.IsDefault) { ' (Default)' })")
        }
        $syntax.Add('```')
        $syntax.Add((Format-SyntaxLine $Command $set))
        $syntax.Add('```')
        $syntax.Add('')
    }

    $parameters = [System.Collections.Generic.List[string]]::new()
    $parameters.Add('')
    $names = @(Get-DocumentableParameter $Command | ForEach-Object Name | Select-Object -Unique | Sort-Object)
    foreach ($name in $names) {
        $existing = $documented[$name]
        $parameters.Add("### -$name")
        $parameters.Add($(if ($existing -and $existing.Description) { $existing.Description } else { "{{ Fill $name Description }}" }))
        $parameters.Add('')
        New-ParameterBlock -Command $Command -Name $name -Previous $(if ($existing) { $existing.Blocks }) | ForEach-Object { $parameters.Add($_) }
    }
    $parameters.Add('### CommonParameters')
    $parameters.Add($script:CommonParametersText)
    $parameters.Add('')

    $output = [System.Collections.Generic.List[string]]::new()
    $output.AddRange([string[]]$parts[0].Lines)
    foreach ($part in $parts | Select-Object -Skip 1) {
        $output.Add("## $($part.Title)")
        $body = switch ($part.Title) {
            'SYNTAX' { $syntax }
            'PARAMETERS' { $parameters }
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

#endregion

#region MAML

$script:Namespaces = [ordered]@{
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
}

function Write-Element {
    param([System.Xml.XmlWriter] $Writer, [string] $Name, [string] $Text)
    $prefix, $local = $Name -split ':'
    $Writer.WriteElementString($prefix, $local, $script:Namespaces[$prefix], $Text)
}

function Write-Start {
    param([System.Xml.XmlWriter] $Writer, [string] $Name, [hashtable] $Attributes)
    $prefix, $local = $Name -split ':'
    $Writer.WriteStartElement($prefix, $local, $script:Namespaces[$prefix])
    if ($Attributes) {
        foreach ($key in $Attributes.Keys | Sort-Object) { $Writer.WriteAttributeString($key, [string]$Attributes[$key]) }
    }
}

function Write-Description {
    param([System.Xml.XmlWriter] $Writer, [string[]] $Lines, [string] $Element = 'maml:description')
    Write-Start $Writer $Element
    foreach ($paragraph in ConvertTo-Paragraph $Lines) { Write-Element $Writer 'maml:para' $paragraph }
    $Writer.WriteEndElement()
}

function Get-SyntaxOrder {
    # Parameter names in the order the SYNTAX line shows them, per parameter set ('(All)' when there is one set).
    param([string[]] $Lines)
    $parts = @(Split-MarkdownSection -Lines $Lines -Level 3)
    $order = [ordered]@{}
    foreach ($part in $parts) {
        $code = @(Get-CodeBlock $part.Lines)
        if (-not $code) { continue }
        $setName = if ($part.Title) { $part.Title -replace '\s*\(Default\)$', '' } else { '(All)' }
        $order[$setName] = @([regex]::Matches($code[0].Code, '(?<=[\s\[])-(\w+)') | ForEach-Object { $_.Groups[1].Value })
    }
    $order
}

function Write-Parameter {
    param([System.Xml.XmlWriter] $Writer, $Parameter, [System.Collections.IDictionary] $Block)
    $position = if ($Block['Position'] -match '^\d+$') { $Block['Position'] } else { 'named' }
    $aliases = if ($Block['Aliases']) { $Block['Aliases'] } else { 'none' }
    $isSwitch = $Block['Type'] -eq 'SwitchParameter'
    Write-Start $Writer 'command:parameter' @{
        required = $Block['Required'].ToLowerInvariant(); variableLength = 'true'; position = $position; aliases = $aliases
        globbing = $Block['Accept wildcard characters'].ToLowerInvariant(); pipelineInput = $Block['Accept pipeline input']
    }
    Write-Element $Writer 'maml:name' $Parameter.Name
    Write-Description $Writer ($Parameter.Description -split "`n")
    if ($Block['Accepted values']) {
        Write-Start $Writer 'command:parameterValueGroup'
        foreach ($value in $Block['Accepted values'] -split ',\s*') {
            Write-Start $Writer 'command:parameterValue' @{ required = 'false'; variableLength = 'false' }
            $Writer.WriteString($value)
            $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    }
    if (-not $isSwitch) {
        Write-Start $Writer 'command:parameterValue' @{ required = 'true'; variableLength = 'false' }
        $Writer.WriteString($Block['Type'])
        $Writer.WriteEndElement()
    }
    Write-Start $Writer 'dev:type'
    Write-Element $Writer 'maml:name' $Block['Type']
    Write-Element $Writer 'maml:uri' ''
    $Writer.WriteEndElement()
    Write-Element $Writer 'dev:defaultValue' $Block['Default value']
    $Writer.WriteEndElement()
}

function Write-TypeList {
    # INPUTS and OUTPUTS: a '### Type' per entry, its text as the description.
    param([System.Xml.XmlWriter] $Writer, [string[]] $Lines, [string] $ListElement, [string] $ItemElement)
    Write-Start $Writer $ListElement
    foreach ($part in Split-MarkdownSection -Lines $Lines -Level 3 | Select-Object -Skip 1) {
        Write-Start $Writer $ItemElement
        Write-Start $Writer 'dev:type'
        Write-Element $Writer 'maml:name' $part.Title
        $Writer.WriteEndElement()
        Write-Description $Writer $part.Lines
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
}

function Write-CommandHelp {
    param([System.Xml.XmlWriter] $Writer, $Help)
    $sections = $Help.Sections
    $verb, $noun = $Help.Title -split '-', 2
    Write-Start $Writer 'command:command'
    # Declared once here, so the elements below carry only their prefixes.
    foreach ($prefix in $script:Namespaces.Keys) { $Writer.WriteAttributeString('xmlns', $prefix, $null, $script:Namespaces[$prefix]) }
    Write-Start $Writer 'command:details'
    Write-Element $Writer 'command:name' $Help.Title
    Write-Element $Writer 'command:verb' $verb
    Write-Element $Writer 'command:noun' $noun
    Write-Description $Writer $sections['SYNOPSIS']
    $Writer.WriteEndElement()
    Write-Description $Writer $sections['DESCRIPTION']

    $parameters = @(Get-DocumentedParameter $sections['PARAMETERS'])
    Write-Start $Writer 'command:syntax'
    $order = Get-SyntaxOrder $sections['SYNTAX']
    foreach ($setName in $order.Keys) {
        Write-Start $Writer 'command:syntaxItem'
        Write-Element $Writer 'maml:name' $Help.Title
        foreach ($name in $order[$setName]) {
            $parameter = $parameters | Where-Object Name -eq $name
            if (-not $parameter) { throw "$($Help.Title): -$name is in SYNTAX but not in PARAMETERS." }
            $block = $parameter.Blocks | Where-Object { $setName -eq '(All)' -or $_['Parameter Sets'] -eq '(All)' -or ($_['Parameter Sets'] -split ',\s*') -contains $setName } | Select-Object -First 1
            Write-Parameter $Writer $parameter $block
        }
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    Write-Start $Writer 'command:parameters'
    foreach ($parameter in $parameters) { Write-Parameter $Writer $parameter $parameter.Blocks[0] }
    $Writer.WriteEndElement()

    Write-TypeList $Writer $sections['INPUTS'] 'command:inputTypes' 'command:inputType'
    Write-TypeList $Writer $sections['OUTPUTS'] 'command:returnValues' 'command:returnValue'

    Write-Start $Writer 'maml:alertSet'
    Write-Start $Writer 'maml:alert'
    foreach ($paragraph in ConvertTo-Paragraph $sections['NOTES']) { Write-Element $Writer 'maml:para' $paragraph }
    $Writer.WriteEndElement()
    $Writer.WriteEndElement()

    Write-Start $Writer 'command:examples'
    foreach ($example in Split-MarkdownSection -Lines $sections['EXAMPLES'] -Level 3 | Select-Object -Skip 1) {
        Write-Start $Writer 'command:example'
        Write-Element $Writer 'maml:title' "-------------------------- $($example.Title) --------------------------"
        Write-Element $Writer 'dev:code' ((Get-CodeBlock $example.Lines | ForEach-Object Code) -join "`n`n")
        Write-Description $Writer (Get-ProseLine $example.Lines) 'dev:remarks'
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    Write-Start $Writer 'command:relatedLinks'
    foreach ($line in $sections['RELATED LINKS']) {
        if ($line -notmatch '^\[([^\]]+)\]\(([^)]*)\)') { continue }
        Write-Start $Writer 'maml:navigationLink'
        Write-Element $Writer 'maml:linkText' $Matches[1]
        Write-Element $Writer 'maml:uri' $(if ($Matches[2] -match '^https?://') { $Matches[2] } else { '' })
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
    $Writer.WriteEndElement()
}

function ConvertTo-MamlHelp {
    <#
    .SYNOPSIS
        Writes every cmdlet markdown file under -Path into one MAML file, <Assembly>.dll-Help.xml.
    #>
    param(
        [Parameter(Mandatory)] [string] $Path,
        [Parameter(Mandatory)] [string] $OutputPath
    )
    $settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [System.Text.UTF8Encoding]::new($false) }
    $null = New-Item -ItemType Directory -Path (Split-Path $OutputPath) -Force
    $writer = [System.Xml.XmlWriter]::Create($OutputPath, $settings)
    try {
        $writer.WriteStartDocument()
        $writer.WriteStartElement('helpItems', 'http://msh')
        $writer.WriteAttributeString('schema', 'maml')
        foreach ($file in Get-ChildItem $Path -Filter *.md | Where-Object Name -notlike 'about_*' | Sort-Object Name) {
            $help = Read-MarkdownHelp ([System.IO.File]::ReadAllText($file.FullName))
            $missing = @('SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS') | Where-Object { -not $help.Sections.Contains($_) }
            if ($missing) { throw "$($file.Name) lacks the section(s) $($missing -join ', ')." }
            Write-CommandHelp $writer $help
        }
        $writer.WriteEndElement()
        $writer.WriteEndDocument()
    }
    finally {
        $writer.Dispose()
    }
    Get-Item $OutputPath
}

#endregion

#region About topics

function ConvertTo-AboutHelpText {
    <#
    .SYNOPSIS
        about_<Topic>.md to the about_<Topic>.help.txt that Get-Help reads: headings in capitals, text indented.
    #>
    param(
        [Parameter(Mandatory)] [string] $Path,
        [Parameter(Mandatory)] [string] $OutputDirectory
    )
    $null = New-Item -ItemType Directory -Path $OutputDirectory -Force
    foreach ($file in Get-ChildItem $Path -Filter 'about_*.md') {
        $help = Read-MarkdownHelp ([System.IO.File]::ReadAllText($file.FullName))
        $text = [System.Text.StringBuilder]::new()
        $null = $text.Append("TOPIC`n    $($help.Title)`n")
        foreach ($section in $help.Sections.Keys) {
            $null = $text.Append("`n$($section.ToUpperInvariant())`n")
            $inFence = $false
            foreach ($line in $help.Sections[$section]) {
                if ($line -match '^```') { $inFence = -not $inFence; continue }
                $null = switch -Regex ($line) {
                    '^### (.*)' { $text.Append("`n  $($Matches[1].ToUpperInvariant())`n"); break }
                    '^\s*$' { $text.Append("`n"); break }
                    default { $text.Append($(if ($inFence) { '        ' } else { '    ' }) + $line.TrimEnd() + "`n") }
                }
            }
        }
        $target = Join-Path $OutputDirectory ($file.BaseName + '.help.txt')
        [System.IO.File]::WriteAllText($target, ($text.ToString() -replace "`n{3,}", "`n`n"), [System.Text.UTF8Encoding]::new($false))
        Get-Item $target
    }
}

#endregion

Export-ModuleMember -Function Read-MarkdownHelp, ConvertTo-Paragraph, Get-UpdatedMarkdownHelp, Update-MarkdownCommandHelp,
    ConvertTo-MamlHelp, ConvertTo-AboutHelpText
