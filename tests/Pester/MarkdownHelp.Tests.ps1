# The help builder (.build/MarkdownHelp.psm1): markdown in the PlatyPS schema to MAML and about_*.help.txt, and the
# SYNTAX/parameter blocks regenerated from a command's metadata. Independent of the build under test, so Core only.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../.build/MarkdownHelp.psm1') -Force

    function Test-Widget {
        [CmdletBinding(DefaultParameterSetName = 'ByName', SupportsShouldProcess)]
        [OutputType([string])]
        param(
            [Parameter(Mandatory, Position = 0, ParameterSetName = 'ByName', ValueFromPipeline)]
            [string] $Name,

            [Parameter(Mandatory, ParameterSetName = 'ById', ValueFromPipelineByPropertyName)]
            [Alias('widget_id')]
            [int] $Id,

            [ValidateSet('Small', 'Large')]
            [string] $Size,

            [switch] $Force
        )
    }

    function Complete-Template([string] $Markdown) {
        # What an author does to a fresh template: every placeholder becomes text.
        $Markdown -replace '\{\{ Fill in the Synopsis \}\}', 'Makes a widget.' `
            -replace '\{\{ Fill in the Description \}\}', "Makes a widget, by name or by id.`n`nSecond paragraph:`n- one`n- two" `
            -replace 'PS C:\\> \{\{ Add example code here \}\}', "PS C:\> Test-Widget -Name w1 -Size Small`nw1" `
            -replace '\{\{ Add example description here \}\}', 'Makes a small widget called w1.' `
            -replace '\{\{ Fill (\w+) Description \}\}', 'The $1 of the widget.' `
            -replace '\{\{ Fill in the (input|output) description \}\}', 'A widget name.'
    }

    $command = Get-Command Test-Widget
    $template = Get-UpdatedMarkdownHelp -Command $command
    $written = Complete-Template $template
}

Describe 'ConvertTo-Paragraph' -Tag CoreOnly {
    It 'joins wrapped lines, keeps list lines apart and code verbatim' {
        $paragraphs = @(ConvertTo-Paragraph @('One', 'sentence.', '', '- first', '- second', '', '```powershell', 'Get-Thing |', '  Out-Null', '```', 'After.'))
        $paragraphs | Should -HaveCount 4
        $paragraphs[0] | Should -BeExactly 'One sentence.'
        $paragraphs[1] | Should -BeExactly "- first`n- second"
        $paragraphs[2] | Should -BeExactly "    Get-Thing |`n      Out-Null"
        $paragraphs[3] | Should -BeExactly 'After.'
    }
}

Describe 'Reading the markdown' -Tag CoreOnly {
    BeforeAll {
        $fenced = "``````text`n## SYNTAX`n### -Gone`nnot a heading`n``````"
        $withFence = $written -replace '(?m)^Makes a widget, by name or by id\.$', "`$0`n`n$fenced"
    }

    It 'takes a heading inside a code fence for code, in the sections, the refresh and the paragraphs alike' {
        $help = Read-MarkdownHelp $withFence
        $help.Sections.Keys -join ',' | Should -BeExactly 'SYNOPSIS,SYNTAX,DESCRIPTION,EXAMPLES,PARAMETERS,INPUTS,OUTPUTS,NOTES,RELATED LINKS'
        $help.Sections['DESCRIPTION'] -join "`n" | Should -Match ([regex]::Escape($fenced))
        Get-UpdatedMarkdownHelp -Command $command -Markdown $withFence | Should -BeExactly $withFence
        ConvertTo-Paragraph $help.Sections['DESCRIPTION'] | Should -Contain "    ## SYNTAX`n    ### -Gone`n    not a heading"
    }
}

Describe 'Get-UpdatedMarkdownHelp' -Tag CoreOnly {
    It 'writes a template in the PlatyPS schema, with placeholders the completeness test rejects' {
        $template | Should -Match '(?m)^schema: 2\.0\.0$'
        $template | Should -Match '(?m)^# Test-Widget$'
        $template | Should -Match '\{\{ Fill in the Synopsis \}\}'
        $template | Should -Match '\{\{ Fill Size Description \}\}'
        $sections = (Read-MarkdownHelp $template).Sections.Keys -join ','
        $sections | Should -BeExactly 'SYNOPSIS,SYNTAX,DESCRIPTION,EXAMPLES,PARAMETERS,INPUTS,OUTPUTS,NOTES,RELATED LINKS'
        $template | Should -Match '(?m)^### System\.String$' -Because 'OutputType'
    }

    It 'writes one SYNTAX block per parameter set, positional then mandatory then optional' {
        $template | Should -Match '(?m)^### ByName \(Default\)$'
        $template | Should -Match '(?m)^### ById$'
        $template | Should -Match ([regex]::Escape('Test-Widget [-Name] <String> [-Size <String>] [-Force] [-WhatIf] [-Confirm] [<CommonParameters>]'))
        $template | Should -Match ([regex]::Escape('Test-Widget -Id <Int32> [-Size <String>] [-Force] [-WhatIf] [-Confirm] [<CommonParameters>]'))
        (Read-MarkdownHelp $template).Sections['SYNTAX'] -join "`n" | Should -Not -Match '-ProgressAction|-Verbose' -Because 'common parameters are not listed'
    }

    It 'writes the parameter metadata: sets, aliases, accepted values, position, pipeline' {
        $parameters = @{}
        (Read-MarkdownHelp $template).Sections['PARAMETERS'] -join "`n" -split '(?m)^### ' | Where-Object { $_ -match '^-(\w+)' } |
            ForEach-Object { $parameters[$Matches[1]] = $_ }
        ($parameters.Keys | Sort-Object) -join ',' | Should -BeExactly 'Confirm,Force,Id,Name,Size,WhatIf'
        $parameters.Id | Should -Match 'Parameter Sets: ById\n'
        $parameters.Id | Should -Match 'Aliases: widget_id\n'
        $parameters.Id | Should -Match 'Required: True\n'
        $parameters.Id | Should -Match 'Accept pipeline input: True \(ByPropertyName\)\n'
        $parameters.Name | Should -Match 'Position: 0\n'
        $parameters.Name | Should -Match 'Accept pipeline input: True \(ByValue\)\n'
        $parameters.Size | Should -Match 'Parameter Sets: \(All\)\n'
        $parameters.Size | Should -Match 'Accepted values: Small, Large\n'
        $parameters.Force | Should -Match 'Type: SwitchParameter\n'
    }

    It 'keeps what the author wrote, drops parameters the command lost, and is stable' {
        $edited = $written -replace '(?s)(### -Size\n.*?Default value: )None', '${1}Small'
        $edited = $edited -replace '## INPUTS', "### -Gone`nA parameter the command no longer has.`n`n``````yaml`nType: String`n``````n`n## INPUTS"
        $updated = Get-UpdatedMarkdownHelp -Command $command -Markdown $edited
        $updated | Should -Match 'Makes a widget, by name or by id\.'
        $updated | Should -Match '(?s)### -Size\nThe Size of the widget\.\n.*?Default value: Small\n'
        $updated | Should -Not -Match '### -Gone'
        Get-UpdatedMarkdownHelp -Command $command -Markdown $updated | Should -BeExactly $updated
    }
}

Describe 'ConvertTo-MamlHelp' -Tag CoreOnly {
    BeforeAll {
        $docs = Join-Path $TestDrive 'docs'
        $null = New-Item -ItemType Directory -Path $docs
        Set-Content -Path (Join-Path $docs 'Test-Widget.md') -Value $written -NoNewline
        Set-Content -Path (Join-Path $docs 'about_Widgets.md') -Value "# about_Widgets`n`n## SHORT DESCRIPTION`nAll about widgets.`n`n## LONG DESCRIPTION`nWidgets are made.`n`n### MAKING ONE`n``````powershell`nTest-Widget w1`n``````" -NoNewline
        $mamlPath = (ConvertTo-MamlHelp -Path $docs -OutputPath (Join-Path $TestDrive 'en-US/Widgets-Help.xml')).FullName
        [xml] $maml = Get-Content $mamlPath -Raw
        $ns = [System.Xml.XmlNamespaceManager]::new($maml.NameTable)
        $ns.AddNamespace('command', 'http://schemas.microsoft.com/maml/dev/command/2004/10')
        $ns.AddNamespace('maml', 'http://schemas.microsoft.com/maml/2004/10')
        $ns.AddNamespace('dev', 'http://schemas.microsoft.com/maml/dev/2004/10')
    }

    It 'writes one command with its syntax items, parameters, examples and links; about topics are left out' {
        $maml.SelectNodes('//command:command', $ns) | Should -HaveCount 1
        $maml.SelectSingleNode('//command:details/command:name', $ns).InnerText | Should -BeExactly 'Test-Widget'
        $maml.SelectSingleNode('//command:details/maml:description/maml:para', $ns).InnerText | Should -BeExactly 'Makes a widget.'
        $items = $maml.SelectNodes('//command:syntax/command:syntaxItem', $ns)
        $items | Should -HaveCount 2
        @($items[0].SelectNodes('command:parameter/maml:name', $ns).InnerText) -join ',' | Should -BeExactly 'Name,Size,Force,WhatIf,Confirm'
        $name = $items[0].SelectSingleNode("command:parameter[maml:name='Name']", $ns)
        $name.required | Should -Be 'true'
        $name.position | Should -Be '0'
        $name.pipelineInput | Should -Be 'True (ByValue)'
        $size = $maml.SelectSingleNode("//command:parameters/command:parameter[maml:name='Size']", $ns)
        @($size.SelectNodes('command:parameterValueGroup/command:parameterValue', $ns).InnerText) -join ',' | Should -BeExactly 'Small,Large'
        $maml.SelectSingleNode('//command:example/dev:code', $ns).InnerText | Should -BeExactly "PS C:\> Test-Widget -Name w1 -Size Small`nw1"
        $maml.SelectSingleNode('//command:relatedLinks/maml:navigationLink/maml:linkText', $ns).InnerText | Should -BeExactly 'about_MaestroQA'
    }

    It 'is what Get-Help reads' {
        # Get-Help matches MAML to a command by name: the same Test-Widget, now pointing at the file.
        . ([scriptblock]::Create("function Test-Widget { <# .EXTERNALHELP $mamlPath #> [CmdletBinding()] param([string] `$Name) }"))
        $help = Get-Help Test-Widget -Full
        $help | Out-String | Should -Match 'Makes a widget\.'
        @($help.description.Text.TrimEnd()) | Should -Be @('Makes a widget, by name or by id.', 'Second paragraph:', "- one`n- two")
        $help.examples.example[0].remarks.Text | Should -Contain 'Makes a small widget called w1.'
    }

    It 'refuses a file that lacks a section, naming both' {
        Set-Content -Path (Join-Path $docs 'Test-Broken.md') -Value "# Test-Broken`n`n## SYNOPSIS`nBroken."
        { ConvertTo-MamlHelp -Path $docs -OutputPath (Join-Path $TestDrive 'broken.xml') } | Should -Throw '*Test-Broken.md lacks the section(s) SYNTAX, DESCRIPTION*'
        Remove-Item (Join-Path $docs 'Test-Broken.md')
    }

    It 'writes about topics as text Get-Help shows: headings in capitals, code indented' {
        $file = ConvertTo-AboutHelpText -Path $docs -OutputDirectory (Join-Path $TestDrive 'about')
        $file.Name | Should -BeExactly 'about_Widgets.help.txt'
        $text = Get-Content $file.FullName -Raw
        $text | Should -Match "^TOPIC\n    about_Widgets\n"
        $text | Should -Match "SHORT DESCRIPTION\n    All about widgets\.\n"
        $text | Should -Match "\n  MAKING ONE\n"
        $text | Should -Match "\n        Test-Widget w1\n"
        $text | Should -Not -Match '```'
    }
}
