<#
.SYNOPSIS
    Import-Module cost: a fresh pwsh that imports the module vs a bare fresh pwsh, measured alternately in one run.
#>
param([Parameter(Mandatory)] [string] $ModuleManifest, [int] $Runs = 7)
$pwsh = Join-Path $PSHOME 'pwsh'
$bare = [System.Collections.Generic.List[double]]::new()
$withModule = [System.Collections.Generic.List[double]]::new()
for ($i = 0; $i -lt $Runs; $i++) {
    $bare.Add((Measure-Command { & $pwsh -NoProfile -NonInteractive -Command '$null' }).TotalMilliseconds)
    $withModule.Add((Measure-Command { & $pwsh -NoProfile -NonInteractive -Command "Import-Module '$ModuleManifest'; `$null = Get-Command New-MqaTicket" }).TotalMilliseconds)
}
$median = { param($values) ($values | Sort-Object)[[int][Math]::Floor($values.Count / 2)] }
$bareMs = & $median $bare
$moduleMs = & $median $withModule
'bare pwsh start: {0:N0} ms; with Import-Module: {1:N0} ms; import cost: {2:N0} ms (goal < 300 ms); ratio {3:N2}' -f $bareMs, $moduleMs, ($moduleMs - $bareMs), ($moduleMs / $bareMs)
