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
$flavors = [ordered]@{ core = 'net8.0'; desktop = 'netstandard2.0' }
$docs = Join-Path $root 'docs/en-US'
Import-Module (Join-Path $root '.build/MarkdownHelp.psm1') -Force

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

function Invoke-Build {
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
    Invoke-Build
    Invoke-ScriptInChildPwsh (Join-Path $root '.build/Update-MarkdownHelp.ps1') @('-ModuleManifest', (Join-Path $moduleDir "$moduleName.psd1"), '-Path', $docs)
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

function Invoke-XunitTests {
    $results = Join-Path $outRoot 'test-results'
    $trx = 'xunit.trx'
    & dotnet test (Join-Path $root 'tests/MaestroQA.Client.Tests') -c $Configuration --no-build --nologo `
        --logger "trx;LogFileName=$trx" --results-directory $results | Out-Host
    [xml] $report = Get-Content (Join-Path $results $trx) -Raw
    $counters = $report.TestRun.ResultSummary.Counters
    [pscustomobject]@{ Runner = 'xunit'; Passed = [int]$counters.passed; Failed = [int]$counters.failed + [int]$counters.error }
}

function Invoke-PesterTests([string] $Flavor) {
    # Each build runs in its own pwsh: two copies of one assembly cannot share a process. The runner finds the
    # pinned Pester in the NuGet cache that Invoke-Build's restore of tests/Tools/Tools.csproj filled.
    $resultFile = Join-Path $outRoot "test-results/pester-$Flavor.json"
    $runner = Join-Path $root 'tests/Pester/Invoke-PesterSuite.ps1'
    & (Join-Path $PSHOME 'pwsh') -NoProfile -NonInteractive -File $runner `
        -ModuleManifest (Join-Path $moduleDir "$moduleName.psd1") -Flavor $Flavor -ResultFile $resultFile | Out-Host
    if (-not (Test-Path $resultFile)) {
        return [pscustomobject]@{ Runner = "Pester ($Flavor)"; Passed = 0; Failed = 1 }
    }
    $summary = Get-Content $resultFile -Raw | ConvertFrom-Json
    [pscustomobject]@{ Runner = "Pester ($Flavor)"; Passed = [int]$summary.Passed; Failed = [int]$summary.Failed }
}

function Invoke-ServerTests {
    # The local server's own suite: plain HTTP, never the module, so it runs once and counts apart from the module's rows.
    $resultFile = Join-Path $outRoot 'test-results/pester-server.json'
    Remove-Item $resultFile -ErrorAction SilentlyContinue
    & (Join-Path $PSHOME 'pwsh') -NoProfile -NonInteractive -File (Join-Path $root 'tests/MaestroQA.MockServer.Tests/Invoke-ServerSuite.ps1') `
        -ResultFile $resultFile | Out-Host
    $summary = if (Test-Path $resultFile) { Get-Content $resultFile -Raw | ConvertFrom-Json } else { @{ Passed = 0; Failed = 1 } }
    [pscustomobject]@{ Runner = 'Pester (server)'; Passed = [int]$summary.Passed; Failed = [int]$summary.Failed }
}

function Invoke-Test {
    Invoke-Build
    Invoke-Package
    $null = New-Item -ItemType Directory -Path (Join-Path $outRoot 'test-results') -Force
    $totals = @(Invoke-XunitTests) + @($flavors.Keys | ForEach-Object { Invoke-PesterTests $_ })
    $totals += Invoke-ServerTests
    $totals | Format-Table -AutoSize | Out-Host
    $passed = ($totals | Measure-Object Passed -Sum).Sum
    $failed = ($totals | Measure-Object Failed -Sum).Sum
    Write-Host "$passed passed, $failed failed"
    if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
}

function Invoke-ScriptInChildPwsh([string] $Script, [string[]] $Arguments) {
    & (Join-Path $PSHOME 'pwsh') -NoProfile -NonInteractive -File $Script @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Script failed with exit code $LASTEXITCODE." }
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Docs' { Invoke-Docs }
    'Test' { Invoke-Test }
    'Package' { Invoke-Build; Invoke-Package }
    'Demo' {
        Invoke-Build
        Invoke-ScriptInChildPwsh (Join-Path $root 'tests/Demo/Invoke-Demo.ps1') @('-ModuleManifest', (Join-Path $moduleDir "$moduleName.psd1"))
    }
    'Bench' {
        Invoke-Build
        Invoke-ScriptInChildPwsh (Join-Path $root 'tests/Bench/Invoke-Bench.ps1') @('-ModuleManifest', (Join-Path $moduleDir "$moduleName.psd1"))
    }
    'Clean' {
        Remove-Item $outRoot -Recurse -Force -ErrorAction SilentlyContinue
        Invoke-Dotnet clean (Join-Path $root 'MaestroQA.sln') -c $Configuration --nologo -v q
    }
}
