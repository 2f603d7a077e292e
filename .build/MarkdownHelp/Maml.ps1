# Cmdlet markdown to MAML, the XML help that Get-Help reads beside a cmdlet's assembly.

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

function Write-Paragraph {
    param([System.Xml.XmlWriter] $Writer, [string[]] $Lines)
    foreach ($paragraph in ConvertTo-Paragraph $Lines) { Write-Element $Writer 'maml:para' $paragraph }
}

function Write-Description {
    param([System.Xml.XmlWriter] $Writer, [string[]] $Lines, [string] $Element = 'maml:description')
    Write-Start $Writer $Element
    Write-Paragraph $Writer $Lines
    $Writer.WriteEndElement()
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

function Write-Syntax {
    # A syntax item per parameter set, its parameters in the SYNTAX line's order, each with the set's yaml block.
    param([System.Xml.XmlWriter] $Writer, $Help, [object[]] $Parameters)
    Write-Start $Writer 'command:syntax'
    $order = Get-SyntaxOrder $Help.Sections['SYNTAX']
    foreach ($setName in $order.Keys) {
        Write-Start $Writer 'command:syntaxItem'
        Write-Element $Writer 'maml:name' $Help.Title
        foreach ($name in $order[$setName]) {
            $parameter = $Parameters | Where-Object Name -eq $name
            if (-not $parameter) { throw "$($Help.Title): -$name is in SYNTAX but not in PARAMETERS." }
            $block = $parameter.Blocks | Where-Object { $setName -eq '(All)' -or $_['Parameter Sets'] -eq '(All)' -or ($_['Parameter Sets'] -split ',\s*') -contains $setName } | Select-Object -First 1
            Write-Parameter $Writer $parameter $block
        }
        $Writer.WriteEndElement()
    }
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

function Write-Example {
    # A '### Title' per example: its code blocks as the code, the text around them as the remarks.
    param([System.Xml.XmlWriter] $Writer, [string[]] $Lines)
    Write-Start $Writer 'command:examples'
    foreach ($example in Split-MarkdownSection -Lines $Lines -Level 3 | Select-Object -Skip 1) {
        Write-Start $Writer 'command:example'
        Write-Element $Writer 'maml:title' "-------------------------- $($example.Title) --------------------------"
        Write-Element $Writer 'dev:code' ((Get-CodeBlock $example.Lines | ForEach-Object Code) -join "`n`n")
        Write-Description $Writer (Get-ProseLine $example.Lines) 'dev:remarks'
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
}

function Write-RelatedLink {
    # Each '[text](target)' line; only a web address is kept as the uri, as Get-Help -Online can open nothing else.
    param([System.Xml.XmlWriter] $Writer, [string[]] $Lines)
    Write-Start $Writer 'command:relatedLinks'
    foreach ($line in $Lines) {
        if ($line -notmatch '^\[([^\]]+)\]\(([^)]*)\)') { continue }
        Write-Start $Writer 'maml:navigationLink'
        Write-Element $Writer 'maml:linkText' $Matches[1]
        Write-Element $Writer 'maml:uri' $(if ($Matches[2] -match '^https?://') { $Matches[2] } else { '' })
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
    Write-Syntax $Writer $Help $parameters
    Write-Start $Writer 'command:parameters'
    foreach ($parameter in $parameters) { Write-Parameter $Writer $parameter $parameter.Blocks[0] }
    $Writer.WriteEndElement()

    Write-TypeList $Writer $sections['INPUTS'] 'command:inputTypes' 'command:inputType'
    Write-TypeList $Writer $sections['OUTPUTS'] 'command:returnValues' 'command:returnValue'

    Write-Start $Writer 'maml:alertSet'
    Write-Start $Writer 'maml:alert'
    Write-Paragraph $Writer $sections['NOTES']
    $Writer.WriteEndElement()
    $Writer.WriteEndElement()

    Write-Example $Writer $sections['EXAMPLES']
    Write-RelatedLink $Writer $sections['RELATED LINKS']
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
            Write-CommandHelp $writer (Read-CommandHelpFile $file)
        }
        $writer.WriteEndElement()
        $writer.WriteEndDocument()
    }
    finally {
        $writer.Dispose()
    }
    Get-Item $OutputPath
}
