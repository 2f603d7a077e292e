# Markdown text as the paragraphs of a help description (MAML's maml:para).

function Join-ParagraphLine {
    # A list keeps one item a line; wrapped prose becomes one line.
    param([System.Collections.Generic.List[string]] $Paragraph, [bool] $IsList)
    if ($IsList) { $Paragraph -join "`n" } else { $Paragraph -join ' ' }
}

function ConvertTo-Paragraph {
    <#
    .SYNOPSIS
        Markdown text to paragraphs: blank lines separate them, lines of a list stay on their own lines, code
        blocks are kept verbatim.
    #>
    param([string[]] $Lines)
    $paragraph = [System.Collections.Generic.List[string]]::new()
    $isList = $false
    foreach ($line in Get-MarkdownLine (@($Lines) + '')) {
        if ($line.Kind -eq 'Fence') {
            if (-not $line.Opens) { $paragraph -join "`n" }
            elseif ($paragraph.Count) { Join-ParagraphLine $paragraph $isList }
            $paragraph.Clear()
            continue
        }
        if ($line.Kind -eq 'Code') { $paragraph.Add("    $($line.Text)"); continue }
        if ([string]::IsNullOrWhiteSpace($line.Text)) {
            if ($paragraph.Count) { Join-ParagraphLine $paragraph $isList }
            $paragraph.Clear()
            continue
        }
        $isListLine = $line.Text -match '^\s*([-*]|\d+\.)\s'
        if ($isListLine -and $paragraph.Count -and -not $isList) { $paragraph -join ' '; $paragraph.Clear() }
        if ($paragraph.Count -eq 0) { $isList = $isListLine }
        $paragraph.Add($(if ($isList) { $line.Text.TrimEnd() } else { $line.Text.Trim() }))
    }
}
