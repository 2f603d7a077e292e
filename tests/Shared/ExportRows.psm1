# Compares the rows Import-MqaExport gives with the local server's logical rows (GET /admin/exports/{id}/rows/{table}).
Set-StrictMode -Version Latest

<#
.SYNOPSIS
    gradable_id -> GradableId, ip_address -> IpAddress: the module's property for a CSV header.
#>
function ConvertTo-PropertyName([string] $Column) {
    -join ($Column -split '_' | ForEach-Object { $_.Substring(0, 1).ToUpperInvariant() + $_.Substring(1) })
}

<#
.SYNOPSIS
    Every column of every row, the module's typed value against the server's logical one: returns the differences, so
    a failure says exactly which cell is wrong. Columns the server lists under "extra" (files.extraColumn) must be
    properties of the row holding the cell's text; any other column the row has beyond the known ones is a difference.
#>
function Compare-ExportRow([object[]] $Actual, [object[]] $Expected) {
    $differences = [System.Collections.Generic.List[string]]::new()
    if ($Actual.Count -ne $Expected.Count) { $differences.Add("row count: $($Actual.Count), expected $($Expected.Count)") }
    for ($i = 0; $i -lt [Math]::Min($Actual.Count, $Expected.Count); $i++) {
        $known = [System.Collections.Generic.HashSet[string]]::new([StringComparer]::OrdinalIgnoreCase)
        foreach ($column in $Expected[$i].PSObject.Properties) {
            if ($column.Name -eq 'extra') { continue }
            $name = ConvertTo-PropertyName $column.Name
            $null = $known.Add($name)
            $property = $Actual[$i].PSObject.Properties[$name]
            if (-not $property) { $differences.Add("row ${i}: no property $name"); continue }
            $want = $column.Value
            $got = $property.Value
            $same = if ($null -eq $want) { $null -eq $got }
            elseif ($want -is [DateTime]) { $got -is [DateTime] -and $got.Kind -eq 'Utc' -and $got.Ticks -eq $want.ToUniversalTime().Ticks }
            elseif ($want -is [bool]) { $got -is [bool] -and $got -eq $want }
            elseif ($want -is [ValueType]) { $got -is [double] -and $got -eq [double]$want }
            elseif ($want -is [array]) { $got -is [System.Collections.IEnumerable] -and $got -isnot [string] -and ($got -join "`n") -ceq ($want -join "`n") }
            else { $got -is [string] -and $got -ceq $want }
            if (-not $same) {
                $differences.Add("row $i $name`: got [$(if ($null -ne $got) { $got.GetType().Name })] '$got', expected [$(if ($null -ne $want) { $want.GetType().Name })] '$want'")
            }
        }

        $extra = if ($Expected[$i].PSObject.Properties['extra']) { $Expected[$i].extra } else { $null }
        $wantExtra = @(if ($extra) { $extra.PSObject.Properties })
        foreach ($column in $wantExtra) {
            $property = $Actual[$i].PSObject.Properties[$column.Name]
            $got = if ($property) { $property.Value } else { 'no such property' }
            $same = if ($null -eq $column.Value) { $null -eq $got }
            else { $got -is [string] -and [double]::Parse($got, [cultureinfo]::InvariantCulture) -eq [double]$column.Value }
            if (-not $same) { $differences.Add("row $i extra column $($column.Name): got '$got', expected '$($column.Value)'") }
        }

        $unexpected = @($Actual[$i].PSObject.Properties | Where-Object { $_.MemberType -eq 'NoteProperty' -and -not $known.Contains($_.Name) -and $_.Name -notin $wantExtra.Name })
        if ($unexpected) { $differences.Add("row ${i}: unexpected extra columns $($unexpected.Name -join ', ')") }
    }
    , $differences.ToArray()
}

# The module's row type for each table the server writes.
$script:RowType = @{
    total_scores = 'MqaTotalScore'; section_scores = 'MqaSectionScore'; individual_answers = 'MqaAnswerScore'
    annotations = 'MqaAnnotation'; csat = 'MqaCsat'; agent_groups = 'MqaGroupMember'; audit_log = 'MqaAuditLogEntry'
}

<#
.SYNOPSIS
    Every table the server wrote for the exports, every value of every row, against the rows Import-MqaExport gave
    (of any tables, each told by its type): returns the differences, each naming its table. Several exports are one
    table's windows in order, oldest first (a sync's), so their rows are compared as one list.
#>
function Compare-ServerExport([object] $Server, [string[]] $ExportId, [object[]] $Rows) {
    $differences = [System.Collections.Generic.List[string]]::new()
    $tables = @((Get-MqaMockExport $Server $ExportId[0]).entries | ForEach-Object { $_.table })
    if ($tables.Count -eq 0) { $differences.Add("the server wrote no table for $($ExportId[0])") }
    $compared = 0
    foreach ($table in $tables) {
        $actual = @($Rows | Where-Object { $_.GetType().Name -eq $script:RowType[$table] })
        $expected = @(foreach ($id in $ExportId) { Get-MqaMockExportRow $Server $id $table })
        if ($expected.Count -eq 0) { $differences.Add("${table}: the server holds no rows, so nothing would be compared") }
        foreach ($difference in (Compare-ExportRow $actual $expected)) { $differences.Add("${table}: $difference") }
        $compared += $actual.Count
    }
    if (@($Rows).Count -ne $compared) { $differences.Add("$(@($Rows).Count - $compared) row(s) of no table the server wrote") }
    , $differences.ToArray()
}

Export-ModuleMember -Function Compare-ExportRow, Compare-ServerExport, ConvertTo-PropertyName
