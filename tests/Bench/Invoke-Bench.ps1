<#
.SYNOPSIS
    Runs every *.Bench.ps1 beside this file, each in a fresh pwsh, and prints what each measured.
    Each benchmark compares two things side by side in one run and prints ratios; none of them fails a build.
#>
param([Parameter(Mandatory)] [string] $ModuleManifest)
$ErrorActionPreference = 'Stop'
$pwsh = Join-Path $PSHOME 'pwsh'
$failed = 0
foreach ($bench in Get-ChildItem $PSScriptRoot -Filter *.Bench.ps1 | Sort-Object Name) {
    Write-Host "== $($bench.BaseName)" -ForegroundColor Cyan
    & $pwsh -NoProfile -NonInteractive -File $bench.FullName -ModuleManifest $ModuleManifest
    if ($LASTEXITCODE -ne 0) { $failed++; Write-Host "$($bench.BaseName) failed (exit $LASTEXITCODE)." -ForegroundColor Red }
}
if ($failed) { exit 1 }
