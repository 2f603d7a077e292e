# What a compiled cmdlet says of itself, written as the schema writes it: its SYNTAX lines and the yaml block of
# each parameter.

$script:Undocumented = [System.Management.Automation.Cmdlet]::CommonParameters + 'UseTransaction'
$script:ShouldProcessParameters = 'WhatIf', 'Confirm'

function Get-NonNullableType {
    # Int32 for Nullable[Int32]: help names the type a user passes.
    param([type] $Type)
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { $underlying } else { $Type }
}

function Get-TypeDisplayName {
    param([type] $Type)
    $Type = Get-NonNullableType $Type
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
    $type = Get-NonNullableType $Parameter.ParameterType
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
