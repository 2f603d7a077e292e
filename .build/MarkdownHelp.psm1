# The project's own stand-in for PlatyPS (which our registry does not serve): it keeps docs/en-US in the PlatyPS
# markdown schema 2.0.0, regenerates each file's SYNTAX and parameter blocks from the compiled cmdlets, and turns
# the markdown into MAML (cmdlets) and .help.txt (about topics). Stay within that schema so PlatyPS can take over.
# One job a file under MarkdownHelp/; all of them read markdown through Markdown.ps1.
Set-StrictMode -Version Latest

foreach ($part in 'Markdown', 'Schema', 'CommandMetadata', 'Update', 'Paragraph', 'Maml', 'AboutTopic') {
    . (Join-Path $PSScriptRoot "MarkdownHelp/$part.ps1")
}

Export-ModuleMember -Function Read-MarkdownHelp, ConvertTo-Paragraph, Get-UpdatedMarkdownHelp, Update-MarkdownCommandHelp,
    ConvertTo-MamlHelp, ConvertTo-AboutHelpText
