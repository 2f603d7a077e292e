# Every cmdlet's help is complete, matches the compiled cmdlet, and is what Get-Help shows from the built module.
BeforeDiscovery {
    . $PSScriptRoot/TestSetup.ps1
    $cmdlets = @(Get-Command -Module MaestroQA.PowerShell -CommandType Cmdlet | ForEach-Object { @{ Name = $_.Name } })
}

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    Import-Module (Join-Path $PSScriptRoot '../../.build/MarkdownHelp.psm1') -Force
    $docs = Join-Path $PSScriptRoot '../../docs/en-US'
    $placeholder = '\{\{.*\}\}'

    function Get-DocumentableParameter([string] $Name) {
        $common = [System.Management.Automation.Cmdlet]::CommonParameters + 'UseTransaction'
        (Get-Command $Name).Parameters.Values | Where-Object {
            $_.Name -notin $common -and -not ($_.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow })
        }
    }
}

Describe '<Name> help' -ForEach $cmdlets {
    BeforeAll {
        $help = Get-Help $Name -Full
        $markdownPath = Join-Path $docs "$Name.md"
    }

    It 'has a synopsis and a description' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match $placeholder
        $help.Synopsis | Should -Not -BeLike "$Name *" -Because 'PowerShell writes the syntax there when a cmdlet has no help'
        $description = $help.description.Text -join "`n"
        $description.Length | Should -BeGreaterThan 80
        $description | Should -Not -Match $placeholder
    }

    It 'has examples with code and an explanation' {
        $examples = @($help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($example in $examples) {
            $example.code | Should -Match "$Name|Mqa" -Because $example.title
            $example.code | Should -Not -Match $placeholder
            ($example.remarks.Text -join '').Trim() | Should -Not -BeNullOrEmpty -Because $example.title
            ($example.remarks.Text -join '') | Should -Not -Match $placeholder
        }
    }

    It 'describes every parameter, and only parameters the cmdlet has' {
        $expected = @(Get-DocumentableParameter $Name | ForEach-Object Name | Sort-Object)
        $documented = @($help.parameters.parameter | ForEach-Object name | Sort-Object)
        $documented -join ',' | Should -BeExactly ($expected -join ',')
        foreach ($parameter in $help.parameters.parameter) {
            $text = ($parameter.description.Text -join '').Trim()
            $text | Should -Not -BeNullOrEmpty -Because "-$($parameter.name) needs a description"
            $text | Should -Not -Match $placeholder -Because "-$($parameter.name)"
        }
    }

    It 'names its output types and its inputs' {
        $outputs = @($help.returnValues.returnValue.type.name)
        foreach ($type in (Get-Command $Name).OutputType) {
            $outputs | Should -Contain $type.Name
        }
        ($help.inputTypes.inputType.type.name -join '') | Should -Not -BeNullOrEmpty
        ($help.inputTypes.inputType.description.Text + $help.returnValues.returnValue.description.Text) -join '' | Should -Not -Match $placeholder
    }

    It 'has markdown whose SYNTAX and parameter blocks match the compiled cmdlet (build.ps1 -Task Docs refreshes them)' {
        $markdown = [System.IO.File]::ReadAllText($markdownPath)
        Get-UpdatedMarkdownHelp -Command (Get-Command $Name) -Markdown $markdown | Should -BeExactly $markdown
    }
}

Describe 'The help files' {
    It 'are one markdown file per cmdlet, and no file for a cmdlet that is gone' {
        $cmdletNames = @(Get-Command -Module MaestroQA.PowerShell -CommandType Cmdlet).Name | Sort-Object
        $files = @(Get-ChildItem $docs -Filter *.md | Where-Object Name -NotLike 'about_*').BaseName | Sort-Object
        $files -join ',' | Should -BeExactly ($cmdletNames -join ',')
    }

    It 'show real text for Get-Help -Examples and -Parameter' {
        Get-Help New-MqaTicket -Examples | Out-String | Should -Match 'Import-Csv .*\| New-MqaTicket'
        $agent = Get-Help New-MqaTicket -Parameter Agent | Out-String
        $agent | Should -Match 'Required\?'
        $agent | Should -Match 'agents'
        $agent | Should -Not -Match $placeholder
    }

    It 'include the about topics, readable with Get-Help' -ForEach @(
        @{ Topic = 'about_MaestroQA'; Expected = 'Connect-Mqa' }
        @{ Topic = 'about_MaestroQA_Automation'; Expected = 'Get-AutomationPSCredential' }
    ) {
        $text = Get-Help $Topic | Out-String
        $text | Should -Match 'SHORT DESCRIPTION'
        $text | Should -Match $Expected
        $text | Should -Not -Match $placeholder
    }
}

Describe 'Tab completion' {
    It 'offers the values of every enum-like parameter' {
        $enumLike = foreach ($command in Get-Command -Module MaestroQA.PowerShell -CommandType Cmdlet) {
            foreach ($parameter in Get-DocumentableParameter $command.Name) {
                $type = [Nullable]::GetUnderlyingType($parameter.ParameterType)
                if (-not $type) { $type = $parameter.ParameterType }
                # Tables are strings with a completer: PowerShell would complete an enum with its names alone.
                $completed = $parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterAttribute] }
                if ($type.IsEnum -or $completed) { [pscustomobject]@{ Command = $command.Name; Parameter = $parameter.Name; Values = if ($type.IsEnum) { [enum]::GetNames($type) } } }
            }
        }
        ($enumLike | ForEach-Object { "$($_.Command) -$($_.Parameter)" }) | Should -Contain 'Import-MqaExport -Table'
        ($enumLike | ForEach-Object { "$($_.Command) -$($_.Parameter)" }) | Should -Contain 'Get-MqaCaptureUsage -Interval'
        ($enumLike | ForEach-Object { "$($_.Command) -$($_.Parameter)" }) | Should -Contain 'Invoke-MqaRawExport -SingleFile'
        # Tables complete in both spellings users type (total_scores and TotalScores); -SingleFile only the raw ones.
        $tables = @{
            'Import-MqaExport -Table'          = 'AgentGroups', 'agent_groups', 'Annotations', 'annotations', 'AuditLog', 'audit_log', 'Csat', 'csat',
                                                 'IndividualAnswers', 'individual_answers', 'SectionScores', 'section_scores', 'TotalScores', 'total_scores'
            'Invoke-MqaRawExport -SingleFile' = 'Annotations', 'annotations', 'Csat', 'csat', 'IndividualAnswers', 'individual_answers',
                                                 'SectionScores', 'section_scores', 'TotalScores', 'total_scores'
        }
        foreach ($case in $enumLike) {
            $line = "$($case.Command) -$($case.Parameter) "
            $expected = if ($tables.ContainsKey($line.Trim())) { $tables[$line.Trim()] } else { $case.Values }
            $offered = @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText)
            ($offered | Sort-Object -CaseSensitive) -join ',' |
                Should -BeExactly (($expected | Sort-Object -CaseSensitive) -join ',') -Because $line
        }
    }

    It 'completes a table from what was typed, in either spelling' {
        $line = 'Invoke-MqaRawExport -SingleFile tot'
        @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText) | Should -Be @('total_scores', 'TotalScores')
        $line = 'Import-MqaExport -Table audit'
        @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText) | Should -Be @('audit_log', 'AuditLog')
    }
}
