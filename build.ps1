#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests, demonstrates and benchmarks MaestroQA.PowerShell.
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Docs', 'Test', 'Demo', 'Bench', 'Package', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Release', 'Debug')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot
$moduleName = 'MaestroQA.PowerShell'
$manifest = Import-PowerShellDataFile (Join-Path $root "$moduleName.psd1")
$version = $manifest.ModuleVersion
$outRoot = Join-Path $root 'out'
$moduleDir = Join-Path $outRoot "$moduleName/$version"
$builtManifest = Join-Path $moduleDir "$moduleName.psd1"
$testResults = Join-Path $outRoot 'test-results'
$flavors = [ordered]@{ core = 'net8.0'; desktop = 'netstandard2.0' }
$docs = Join-Path $root 'docs/en-US'
Import-Module (Join-Path $root '.build/MarkdownHelp.psm1') -Force

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

function Build-ModuleFolder {
    Invoke-Dotnet restore (Join-Path $root 'tests/Tools/Tools.csproj') --nologo -v q
    Invoke-Dotnet build (Join-Path $root 'MaestroQA.sln') -c $Configuration --nologo -v q "-p:Version=$version"
    if (Test-Path $moduleDir) { Remove-Item $moduleDir -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $moduleDir -Force
    $project = Join-Path $root "src/$moduleName/$moduleName.csproj"
    foreach ($flavor in $flavors.Keys) {
        $staging = Join-Path $outRoot "publish/$flavor"
        Invoke-Dotnet publish $project -c $Configuration -f $flavors[$flavor] -o $staging --nologo -v q "-p:Version=$version"
        $target = Join-Path $moduleDir $flavor
        $dependencies = Join-Path $target 'dependencies'
        $null = New-Item -ItemType Directory -Path $dependencies -Force
        # The cmdlets and the types users name load in PowerShell's own context; the engine and everything it needs
        # load through the module's resolver (its own load context on PowerShell 7).
        $beside = "$moduleName.dll", 'MaestroQA.Client.Models.dll'
        $beside | ForEach-Object { Copy-Item (Join-Path $staging $_) $target }
        Get-ChildItem $staging -Filter *.dll |
            Where-Object Name -NotIn ($beside + 'System.Management.Automation.dll') |
            Copy-Item -Destination $dependencies
    }
    Copy-Item (Join-Path $root "$moduleName.psd1") $moduleDir
    Copy-Item (Join-Path $root "src/$moduleName/Module/$moduleName.psm1") $moduleDir
    Copy-Item (Join-Path $root "src/$moduleName/Formats/$moduleName.Format.ps1xml") $moduleDir
    Invoke-HelpBuild
    Write-Host "Module: $moduleDir"
}

function Invoke-HelpBuild {
    # Get-Help looks for a cmdlet's MAML beside its assembly, and for about topics under the module's folder.
    $maml = ConvertTo-MamlHelp -Path $docs -OutputPath (Join-Path $moduleDir "core/en-US/$moduleName.dll-Help.xml")
    Copy-Item -Path (Split-Path $maml) -Destination (Join-Path $moduleDir 'desktop') -Recurse -Force
    $null = ConvertTo-AboutHelpText -Path $docs -OutputDirectory (Join-Path $moduleDir 'en-US')
}

function Invoke-Docs {
    # SYNTAX and parameter blocks come from the compiled cmdlets, so they cannot drift from the code.
    Build-ModuleFolder
    Invoke-ScriptInChildPwsh (Join-Path $root '.build/Update-MarkdownHelp.ps1') @('-ModuleManifest', $builtManifest, '-Path', $docs)
    Invoke-HelpBuild
}

function Invoke-Package {
    # (a) a .nupkg that Publish-PSResource made, so the Gallery will take it too.
    $packages = Join-Path $outRoot 'packages'
    if (Test-Path $packages) { Remove-Item $packages -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $packages
    $repository = "MaestroQABuild$PID"
    Register-PSResourceRepository -Name $repository -Uri $packages -Trusted
    try {
        Publish-PSResource -Path $moduleDir -Repository $repository
    }
    finally {
        Unregister-PSResourceRepository -Name $repository
    }

    # (b) the Azure Automation zip: zip, folder and manifest share one name, with no version folder between.
    $staging = Join-Path $outRoot "automation/$moduleName"
    if (Test-Path (Split-Path $staging)) { Remove-Item (Split-Path $staging) -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $staging -Force
    Copy-Item (Join-Path $moduleDir '*') $staging -Recurse
    $zip = Join-Path $packages "$moduleName.zip"
    Compress-Archive -Path $staging -DestinationPath $zip
    Get-ChildItem $packages | ForEach-Object { Write-Host "Package: $($_.FullName)" }
}

# Besides the machine's own culture and time zone, the suite runs as a user elsewhere would run it, so that a dependence
# on either fails here rather than on a user's machine: a decimal comma and a half-hour offset (whole passes), and a
# zone west of UTC with summer time (the tests of local time, tagged LocalTime).
$elsewhere = [ordered]@{ Culture = 'de-DE'; TimeZone = 'Asia/Kolkata' }
$newYork = [ordered]@{ Culture = 'en-US'; TimeZone = 'America/New_York' }

function Invoke-Elsewhere([System.Collections.IDictionary] $Place, [scriptblock] $Script) {
    # .NET on Linux takes its culture from LC_ALL and its zone from TZ; the MQA_TEST_* names let the tests make sure.
    $variables = @{
        LC_ALL             = ($Place.Culture -replace '-', '_') + '.UTF-8'
        TZ                 = $Place.TimeZone
        MQA_TEST_CULTURE   = $Place.Culture
        MQA_TEST_TIME_ZONE = $Place.TimeZone
    }
    $saved = @{}
    foreach ($name in $variables.Keys) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $variables[$name])
    }
    try { & $Script "$($Place.Culture), $($Place.TimeZone)" }
    finally { foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) } }
}

function Invoke-ScriptInChildPwsh([string] $Script, [string[]] $Arguments, [switch] $MayFail) {
    # Each script in a pwsh of its own: two copies of one assembly cannot share a process. -MayFail is for the
    # test runners, whose results file tells how they went.
    & (Join-Path $PSHOME 'pwsh') -NoProfile -NonInteractive -File $Script @Arguments
    if ($LASTEXITCODE -ne 0 -and -not $MayFail) { throw "$Script failed with exit code $LASTEXITCODE." }
}

function Start-ScriptInChildPwsh([string] $Script, [string[]] $Arguments) {
    # As Invoke-ScriptInChildPwsh, but it returns at once, and the child takes the environment as it is now. Its output
    # is held until Wait-ChildPwsh shows it, so that the lines of runners that overlap do not mix.
    $info = [System.Diagnostics.ProcessStartInfo]::new((Join-Path $PSHOME 'pwsh'))
    foreach ($argument in @('-NoProfile', '-NonInteractive', '-File', $Script) + $Arguments) { $info.ArgumentList.Add($argument) }
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($info)
    [pscustomobject]@{ Process = $process; Out = $process.StandardOutput.ReadToEndAsync(); Err = $process.StandardError.ReadToEndAsync() }
}

function Wait-ChildPwsh($Child) {
    $Child.Process.WaitForExit()
    $Child.Out.GetAwaiter().GetResult()
    $Child.Err.GetAwaiter().GetResult()
}

function Stop-ChildPwsh($Child) {
    # A child left running when the build stops early goes, with its local servers (they watch their parent).
    if ($Child -and -not $Child.Process.HasExited) { $Child.Process.Kill($true) }
}

function ConvertTo-ResultFileName([string] $Label) {
    ($Label -replace '[^A-Za-z0-9]+', '-').Trim('-')
}

function Read-RunnerTotal([string] $ResultFile) {
    # dotnet test writes a .trx; the Pester runners write their totals as JSON.
    if ($ResultFile -like '*.trx') {
        $counters = ([xml] (Get-Content $ResultFile -Raw)).TestRun.ResultSummary.Counters
        return @{ Passed = [int]$counters.passed; Failed = [int]$counters.failed + [int]$counters.error }
    }
    Get-Content $ResultFile -Raw | ConvertFrom-Json
}

function Invoke-TestRunner([string] $Label, [string] $ResultFile, [scriptblock] $Run, [switch] $Started) {
    # One row of the totals. A runner that wrote no results (it crashed or never started) counts as a failure, and
    # an earlier run's file is removed first (when it starts, for one -Started before) so that it cannot stand in for this one's.
    if (-not $Started) { Remove-Item $ResultFile -ErrorAction SilentlyContinue }
    & $Run | Out-Host
    $totals = if (Test-Path $ResultFile) { Read-RunnerTotal $ResultFile } else { @{ Passed = 0; Failed = 1 } }
    [pscustomobject]@{ Runner = $Label; Passed = [int]$totals.Passed; Failed = [int]$totals.Failed }
}

function Invoke-XunitTests([string] $Where, [string] $Filter) {
    $label = 'xunit' + $(if ($Filter) { " $Filter" }) + $(if ($Where) { " ($Where)" })
    $trx = (ConvertTo-ResultFileName $label) + '.trx'
    $arguments = @(if ($Filter) { '--filter', $Filter })
    Invoke-TestRunner $label (Join-Path $testResults $trx) {
        & dotnet test (Join-Path $root 'tests/MaestroQA.Client.Tests') -c $Configuration --no-build --nologo @arguments `
            --logger "trx;LogFileName=$trx" --results-directory $testResults
    }
}

function Get-PesterPass([string] $Flavor, [string] $Where, [string] $Tag) {
    # The runner finds the pinned Pester in the NuGet cache that Build-ModuleFolder's restore of
    # tests/Tools/Tools.csproj filled.
    $label = "Pester ($Flavor" + $(if ($Tag) { ", $Tag" }) + $(if ($Where) { "; $Where" }) + ')'
    $resultFile = Join-Path $testResults "$(ConvertTo-ResultFileName $label).json"
    [pscustomobject]@{
        Label      = $label
        ResultFile = $resultFile
        Runner     = Join-Path $root 'tests/Pester/Invoke-PesterSuite.ps1'
        Arguments  = @('-ModuleManifest', $builtManifest, '-Flavor', $Flavor, '-ResultFile', $resultFile) + @(if ($Tag) { '-Tag', $Tag })
        Child      = $null
    }
}

function Invoke-PesterTests([string] $Flavor, [string] $Where, [string] $Tag) {
    $pass = Get-PesterPass $Flavor $Where $Tag
    Invoke-TestRunner $pass.Label $pass.ResultFile { Invoke-ScriptInChildPwsh $pass.Runner $pass.Arguments -MayFail }
}

function Start-PesterTests([string] $Flavor, [string] $Where, [string] $Tag) {
    # A pass that runs beside the others; Complete-PesterTests waits for it and counts it.
    $pass = Get-PesterPass $Flavor $Where $Tag
    Remove-Item $pass.ResultFile -ErrorAction SilentlyContinue
    $pass.Child = Start-ScriptInChildPwsh $pass.Runner $pass.Arguments
    $pass
}

function Complete-PesterTests($Pass) {
    Invoke-TestRunner $Pass.Label $Pass.ResultFile { Wait-ChildPwsh $Pass.Child } -Started
}

function Invoke-ServerTests {
    # The local server's own suite: plain HTTP, never the module, so it runs once and counts apart from the module's rows.
    $resultFile = Join-Path $testResults 'pester-server.json'
    $runner = Join-Path $root 'tests/MaestroQA.MockServer.Tests/Invoke-ServerSuite.ps1'
    Invoke-TestRunner 'Pester (server)' $resultFile { Invoke-ScriptInChildPwsh $runner @('-ResultFile', $resultFile) -MayFail }
}

function Invoke-Test {
    Build-ModuleFolder
    Invoke-Package
    $null = New-Item -ItemType Directory -Path $testResults -Force
    # The desktop build's pass runs beside the rest: the Pester passes spend most of their time waiting on their local
    # servers' (scaled) rate windows, not on the cores, and the suite is meant to pass on a machine busy with other work.
    $desktop = if ($IsWindows) { Start-PesterTests desktop }
    else { Invoke-Elsewhere $elsewhere { param($where) Start-PesterTests desktop -Where $where } }
    try {
        $totals = @(
            Invoke-XunitTests
            Invoke-PesterTests core
            if (-not $IsWindows) {
                # .NET reads LC_ALL and TZ on Linux and macOS only; there the builds run elsewhere too.
                Invoke-Elsewhere $elsewhere { param($where) Invoke-XunitTests -Where $where }
                Invoke-Elsewhere $newYork { param($where) Invoke-XunitTests -Where $where -Filter 'Category=LocalTime'; Invoke-PesterTests core -Where $where -Tag LocalTime }
            }
            Complete-PesterTests $desktop
            Invoke-ServerTests
        )
    }
    finally { Stop-ChildPwsh $desktop.Child }
    $totals | Format-Table -AutoSize | Out-Host
    $passed = ($totals | Measure-Object Passed -Sum).Sum
    $failed = ($totals | Measure-Object Failed -Sum).Sum
    Write-Host "$passed passed, $failed failed"
    if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
}

switch ($Task) {
    'Build' { Build-ModuleFolder }
    'Docs' { Invoke-Docs }
    'Test' { Invoke-Test }
    'Package' { Build-ModuleFolder; Invoke-Package }
    'Demo' {
        Build-ModuleFolder
        Invoke-ScriptInChildPwsh (Join-Path $root 'tests/Demo/Invoke-Demo.ps1') @('-ModuleManifest', $builtManifest)
    }
    'Bench' {
        Build-ModuleFolder
        Invoke-ScriptInChildPwsh (Join-Path $root 'tests/Bench/Invoke-Bench.ps1') @('-ModuleManifest', $builtManifest)
    }
    'Clean' {
        Remove-Item $outRoot -Recurse -Force -ErrorAction SilentlyContinue
        Invoke-Dotnet clean (Join-Path $root 'MaestroQA.sln') -c $Configuration --nologo -v q
    }
}
