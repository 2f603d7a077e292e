<#
.SYNOPSIS
    Import-Module cost: a fresh pwsh that imports the module vs a bare fresh pwsh, measured alternately in one run.
.DESCRIPTION
    A third fresh pwsh runs one built-in command instead: what any first command costs a new session (command
    discovery, the formatting tables), so the line below tells the module's own part from PowerShell's.
#>
param([Parameter(Mandatory)] [string] $ModuleManifest, [int] $Runs = 15)
$pwsh = Join-Path $PSHOME 'pwsh'
$commands = [ordered]@{
    Bare         = '$null'
    FirstCommand = '$null = Get-Date | Format-Table | Out-String'
    Module       = "Import-Module '$ModuleManifest'; `$null = Get-Command New-MqaTicket"
}
$times = @{}
foreach ($name in $commands.Keys) { $times[$name] = [System.Collections.Generic.List[double]]::new() }
for ($i = 0; $i -lt $Runs; $i++) {
    foreach ($name in $commands.Keys) {
        $times[$name].Add((Measure-Command { & $pwsh -NoProfile -NonInteractive -Command $commands[$name] }).TotalMilliseconds)
    }
}
$median = @{}
foreach ($name in $commands.Keys) { $median[$name] = ($times[$name] | Sort-Object)[[int][Math]::Floor($Runs / 2)] }
'bare pwsh start: {0:N0} ms; with Import-Module: {1:N0} ms; import cost: {2:N0} ms (goal <= 250 ms); ratio {3:N2}' -f $median.Bare, $median.Module, ($median.Module - $median.Bare), ($median.Module / $median.Bare)
'  one built-in command and its table instead: {0:N0} ms, {1:N0} ms over bare (PowerShell''s own first-command cost)' -f $median.FirstCommand, ($median.FirstCommand - $median.Bare)
