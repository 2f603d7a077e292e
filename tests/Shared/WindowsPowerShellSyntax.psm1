# Finds what Windows PowerShell 5.1 cannot read in a script file, from the PowerShell parser's tokens and AST
# (no regular expressions over source text). Works under both PowerShells: under 5.1 the newer syntax shows up
# as parse errors, so type and token names are compared as strings, never as 7-only enum values or types.
Set-StrictMode -Version Latest

$script:TokenConstructs = @{
    QuestionQuestion       = '?? (null-coalescing)'
    QuestionQuestionEquals = '??= (null-coalescing assignment)'
    QuestionDot            = '?. (null-conditional member access)'
    QuestionLBracket       = '?[ (null-conditional index)'
    AndAnd                 = '&& (pipeline chain)'
    OrOr                   = '|| (pipeline chain)'
}
$script:ForEachObjectNames = 'ForEach-Object', '%', 'foreach'
# Elements of format and type files (ps1xml) whose text is a script block.
$script:XmlScriptElements = 'ScriptBlock', 'GetScriptBlock', 'SetScriptBlock', 'Script'

function New-Finding([string] $File, [int] $Line, [string] $Construct, $Node) {
    # Node: the AST of a construct that parses in 5.1 and fails only when run (ForEach-Object -Parallel).
    [pscustomobject]@{ File = $File; Line = $Line; Construct = $Construct; Node = $Node }
}

function Find-InScript {
    # One script's findings; $LineOffset places a script embedded in a ps1xml file.
    param([System.Management.Automation.Language.Ast] $Ast, $Tokens, $Errors, [string] $File, [int] $LineOffset)
    foreach ($parseError in $Errors) {
        New-Finding $File ($parseError.Extent.StartLineNumber + $LineOffset) "parse error: $($parseError.Message)"
    }
    foreach ($token in Expand-Token $Tokens) {
        $kind = $token.Kind.ToString()
        if ($script:TokenConstructs.ContainsKey($kind)) {
            New-Finding $File ($token.Extent.StartLineNumber + $LineOffset) $script:TokenConstructs[$kind]
        }
        elseif ($kind -in 'StringExpandable', 'HereStringExpandable') {
            $escape = Find-NewEscape $token.Text
            if ($escape) { New-Finding $File ($token.Extent.StartLineNumber + $LineOffset) "$escape escape (5.1 reads the letter)" }
        }
    }
    $found = $Ast.FindAll({ $true }, $true)
    foreach ($node in $found) {
        $line = $node.Extent.StartLineNumber + $LineOffset
        $type = $node.GetType().Name
        if ($type -eq 'TernaryExpressionAst') { New-Finding $File $line '? : (ternary)' }
        elseif ($type -eq 'PipelineAst' -and $node.PSObject.Properties['Background'] -and $node.Background) { New-Finding $File $line '& (background operator)' }
        elseif ($type -eq 'ScriptBlockAst' -and $node.PSObject.Properties['CleanBlock'] -and $node.CleanBlock) {
            New-Finding $File ($node.CleanBlock.Extent.StartLineNumber + $LineOffset) 'clean {} block'
        }
        elseif ($type -eq 'CommandAst') {
            $name = $node.GetCommandName()
            if ($name -in $script:ForEachObjectNames -and (Test-ParallelParameter $node)) { New-Finding $File $line 'ForEach-Object -Parallel' $node }
            # 5.1 does not know the clean block: it reads 'clean { ... }' as a call to a command named clean.
            if ($name -eq 'clean' -and $node.CommandElements.Count -eq 2 -and $node.CommandElements[1].GetType().Name -eq 'ScriptBlockExpressionAst') {
                New-Finding $File $line 'clean {} block'
            }
        }
    }
}

function Expand-Token($Tokens) {
    # The tokens of "$(...)" inside a string are nested in the string's token.
    foreach ($token in $Tokens) {
        $token
        if ($token.PSObject.Properties['NestedTokens'] -and $token.NestedTokens) { Expand-Token $token.NestedTokens }
    }
}

function Test-ParallelParameter([System.Management.Automation.Language.CommandAst] $Command) {
    # -Parallel, or any abbreviation PowerShell accepts for it (-Pa and longer; -P is ambiguous).
    foreach ($element in $Command.CommandElements) {
        if ($element.GetType().Name -eq 'CommandParameterAst') {
            $name = $element.ParameterName
            if ($name.Length -ge 2 -and 'Parallel'.StartsWith($name, [StringComparison]::OrdinalIgnoreCase)) { return $true }
        }
    }
    $false
}

function Find-NewEscape([string] $Text) {
    # `e and `u{...} are PowerShell 7 escapes; 5.1 drops the backtick and keeps the letter.
    for ($i = 0; $i -lt $Text.Length - 1; $i++) {
        if ($Text[$i] -ne '`') { continue }
        $next = $Text[$i + 1]
        if ($next -ceq 'e') { return '`e' }
        if ($next -ceq 'u' -and $i + 2 -lt $Text.Length -and $Text[$i + 2] -eq '{') { return '`u{}' }
        $i++
    }
}

function Find-NonAsciiWithoutBom([string] $Path, [string] $File) {
    # 5.1 reads a script file without a byte-order mark in the ANSI code page: UTF-8 text turns into other
    # characters, some of them quote marks to PowerShell (the third byte of an em dash is a right double quote).
    $bytes = [System.IO.File]::ReadAllBytes($Path)
    $hasBom = ($bytes.Length -ge 3 -and $bytes[0] -eq 0xEF -and $bytes[1] -eq 0xBB -and $bytes[2] -eq 0xBF) -or
        ($bytes.Length -ge 2 -and (($bytes[0] -eq 0xFF -and $bytes[1] -eq 0xFE) -or ($bytes[0] -eq 0xFE -and $bytes[1] -eq 0xFF)))
    if ($hasBom) { return }
    $line = 1
    foreach ($byte in $bytes) {
        if ($byte -eq 10) { $line++ }
        elseif ($byte -ge 0x80) { return New-Finding $File $line 'non-ASCII text without a byte-order mark' }
    }
}

function Find-InXmlScripts([string] $Path, [string] $File) {
    $settings = [System.Xml.XmlReaderSettings]::new()
    $settings.DtdProcessing = [System.Xml.DtdProcessing]::Prohibit
    $reader = [System.Xml.XmlReader]::Create($Path, $settings)
    try {
        while (-not $reader.EOF) {
            if ($reader.NodeType -ne [System.Xml.XmlNodeType]::Element -or $reader.LocalName -notin $script:XmlScriptElements) {
                $null = $reader.Read()
                continue
            }
            $line = ([System.Xml.IXmlLineInfo] $reader).LineNumber
            $tokens = $null
            $errors = $null
            # Reading the content moves the reader past the element, onto the next node.
            $ast = [System.Management.Automation.Language.Parser]::ParseInput($reader.ReadElementContentAsString(), [ref] $tokens, [ref] $errors)
            Find-InScript -Ast $ast -Tokens $tokens -Errors $errors -File $File -LineOffset ($line - 1)
        }
    }
    finally {
        $reader.Dispose()
    }
}

function Find-WindowsPowerShellIncompatibility {
    <#
    .SYNOPSIS
        What Windows PowerShell 5.1 lacks in script files (.ps1, .psm1, .psd1; and the script blocks of .ps1xml):
        File (relative to -Root when given), Line and Construct for each finding.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory, ValueFromPipeline, ValueFromPipelineByPropertyName)] [Alias('FullName')] [string] $Path,
        [string] $Root
    )
    process {
        $file = if ($Root) { $Path.Substring($Root.TrimEnd('\', '/').Length).TrimStart('\', '/') -replace '\\', '/' } else { $Path }
        if ($Path -like '*.ps1xml') {
            Find-InXmlScripts -Path $Path -File $file
            return
        }
        Find-NonAsciiWithoutBom -Path $Path -File $file
        $tokens = $null
        $errors = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseFile($Path, [ref] $tokens, [ref] $errors)
        Find-InScript -Ast $ast -Tokens $tokens -Errors $errors -File $file -LineOffset 0
    }
}

Export-ModuleMember -Function Find-WindowsPowerShellIncompatibility
