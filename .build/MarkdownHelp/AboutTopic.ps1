# about_<Topic>.md to the plain text Get-Help shows for an about topic.

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
        $help = Read-MarkdownHelpFile $file
        $text = [System.Text.StringBuilder]::new()
        $null = $text.Append("TOPIC`n    $($help.Title)`n")
        foreach ($section in $help.Sections.Keys) {
            $null = $text.Append("`n$($section.ToUpperInvariant())`n")
            foreach ($line in Get-MarkdownLine $help.Sections[$section]) {
                if ($line.Kind -eq 'Fence') { continue }
                $null = switch -Regex ($line.Text) {
                    '^### (.*)' { $text.Append("`n  $($Matches[1].ToUpperInvariant())`n"); break }
                    '^\s*$' { $text.Append("`n"); break }
                    default { $text.Append($(if ($line.Kind -eq 'Code') { '        ' } else { '    ' }) + $line.Text.TrimEnd() + "`n") }
                }
            }
        }
        $target = Join-Path $OutputDirectory ($file.BaseName + '.help.txt')
        [System.IO.File]::WriteAllText($target, ($text.ToString() -replace "`n{3,}", "`n`n"), [System.Text.UTF8Encoding]::new($false))
        Get-Item $target
    }
}
