<#
.SYNOPSIS
    Import-MqaExport against Expand-Archive + Import-Csv on the same raw export zip from the local server, in one run;
    then peak working set of Import-MqaExport at 50,000 and 500,000 rows, each in a fresh pwsh.
    Prints figures and ratios; never fails on them.
#>
param([Parameter(Mandatory)] [string] $ModuleManifest, [int] $Runs = 7, [int] $WarmUps = 4)
$ErrorActionPreference = 'Stop'
# Tables of 10,000 rows or more warn that the export may be capped; here they are that long on purpose.
$WarningPreference = 'SilentlyContinue'
Import-Module $ModuleManifest -Force
Import-Module (Join-Path $PSScriptRoot '../Shared/MockServer.psm1') -Force
$pwsh = Join-Path $PSHOME 'pwsh'
$work = Join-Path ([IO.Path]::GetTempPath()) "mqa-exports-bench-$PID"
$null = New-Item -ItemType Directory -Path $work -Force
$server = Start-MqaMockServer -Config @{ exportRequestedMs = 0; exportInProgressMs = 0 }
try {
    $session = New-MqaSession -ApiToken $server.Token -BaseUri $server.ApiUri
    function Get-ExportZip([int] $Rows) {
        # A raw export zip: all five tables, each of $Rows rows; the benchmark reads individual_answers.
        Invoke-MqaRawExport -StartDate '2025-01-01T00:00:00Z' -EndDate '2025-02-01T00:00:00Z' -Name "bench rows=$Rows" -Wait -PollInterval 0.1 -Session $session |
            Save-MqaExport -Path (Join-Path $work "rows$Rows.zip") -Session $session
    }
    $median = { param($values) ($values | Sort-Object)[[int][Math]::Floor($values.Count / 2)] }

    # 1. Speed: the same 50,000-row zip both ways, alternated, median of $Runs once both have settled: .NET's tiered JIT
    # recompiles hot code a few runs in, so the first run (printed too) and the next few are slower on both sides.
    $zip = (Get-ExportZip 50000).FullName
    $zipMb = (Get-Item $zip).Length / 1MB
    $coldModule = (Measure-Command { $null = Import-MqaExport -Path $zip -Table individual_answers | Measure-Object }).TotalSeconds
    $coldCsv = (Measure-Command {
            Expand-Archive -Path $zip -DestinationPath (Join-Path $work 'warm') -Force
            $null = Import-Csv -Path (Join-Path $work 'warm/individual_answers.csv') | Measure-Object
        }).TotalSeconds
    for ($i = 0; $i -lt $WarmUps; $i++) {
        $null = Import-MqaExport -Path $zip -Table individual_answers | Measure-Object
        $null = Import-Csv -Path (Join-Path $work 'warm/individual_answers.csv') | Measure-Object
    }
    Remove-Item (Join-Path $work 'warm') -Recurse -Force
    $module = [Collections.Generic.List[double]]::new()
    $expand = [Collections.Generic.List[double]]::new()
    $csv = [Collections.Generic.List[double]]::new()
    $counts = @{}
    for ($i = 0; $i -lt $Runs; $i++) {
        [GC]::Collect()
        $module.Add((Measure-Command { $counts.Module = (Import-MqaExport -Path $zip -Table individual_answers | Measure-Object).Count }).TotalSeconds)
        $folder = Join-Path $work "expanded$i"
        [GC]::Collect()
        $expand.Add((Measure-Command { Expand-Archive -Path $zip -DestinationPath $folder -Force }).TotalSeconds)
        $csv.Add((Measure-Command { $counts.Csv = (Import-Csv -Path (Join-Path $folder 'individual_answers.csv') | Measure-Object).Count }).TotalSeconds)
        Remove-Item $folder -Recurse -Force
    }
    $moduleS = & $median $module
    $expandS = & $median $expand
    $csvS = & $median $csv
    'individual_answers, {0:N0} rows (zip of five tables, {1:N1} MB), median of {2} runs after {4} untimed warm-ups; load average {3}:' -f $counts.Module, $zipMb, $Runs, $(if (Test-Path /proc/loadavg) { (Get-Content /proc/loadavg).Split(' ')[0] } else { 'n/a' }), $WarmUps
    '  Import-MqaExport -Table individual_answers | Measure-Object : {0,6:N2} s' -f $moduleS
    '  Expand-Archive + Import-Csv | Measure-Object               : {0,6:N2} s (Expand-Archive {1:N2} s, Import-Csv {2:N2} s)' -f ($expandS + $csvS), $expandS, $csvS
    '  speed ratio: {0:N1}x (goal >= 5x); against Import-Csv alone, without extracting: {1:N1}x' -f (($expandS + $csvS) / $moduleS), ($csvS / $moduleS)
    '  first (cold, JIT) run of each in this process: {0:N2} s vs {1:N2} s, ratio {2:N1}x' -f $coldModule, $coldCsv, ($coldCsv / $coldModule)
    if ($counts.Module -ne $counts.Csv) { "  WARNING: row counts differ: Import-MqaExport $($counts.Module), Import-Csv $($counts.Csv)" }

    # 2. Memory: peak working set of a fresh pwsh that imports the module and streams N rows (0 = import only).
    $peak = {
        param([string] $Path, [string] $Mode)
        $read = switch ($Mode) {
            'none' { '$n = 0' }
            'module' { "`$n = (Import-MqaExport -Path '$Path' -Table individual_answers | Measure-Object).Count" }
        }
        $script = "`$WarningPreference = 'SilentlyContinue'; Import-Module '$ModuleManifest'; $read; '{0} {1}' -f `$n, [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64"
        $fields = (& $pwsh -NoProfile -NonInteractive -Command $script) -split ' '
        [pscustomobject]@{ Rows = [int]$fields[0]; PeakMB = [double]$fields[1] / 1MB }
    }
    $big = (Get-ExportZip 500000).FullName
    $baseline = & $peak $zip 'none'
    $small = & $peak $zip 'module'
    $large = & $peak $big 'module'
    'Peak working set, fresh pwsh each (Import-MqaExport | Measure-Object):'
    '  module imported, no rows : {0,7:N1} MB' -f $baseline.PeakMB
    '  {0,9:N0} rows         : {1,7:N1} MB' -f $small.Rows, $small.PeakMB
    '  {0,9:N0} rows         : {1,7:N1} MB ({2:N1} MB zip)' -f $large.Rows, $large.PeakMB, ((Get-Item $big).Length / 1MB)
    '  growth for 10x the rows: {0:N1} MB, ratio {1:N2} (goal: does not grow with rows, ~1.0)' -f ($large.PeakMB - $small.PeakMB), ($large.PeakMB / $small.PeakMB)
}
finally {
    Stop-MqaMockServer $server
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}
