<#
.SYNOPSIS
    The path of the Pester that tests/Tools/Tools.csproj pins, in the NuGet cache its restore fills (build.ps1 restores it).
#>
[xml] $tools = Get-Content (Join-Path $PSScriptRoot '../Tools/Tools.csproj') -Raw
$version = @($tools.Project.ItemGroup.PackageDownload | Where-Object Include -EQ 'Pester')[0].Version.Trim('[]')
$line = @(& dotnet nuget locals global-packages --list) -match '^global-packages:' | Select-Object -First 1
$cache = ($line -replace '^global-packages:\s*', '').Trim()
$path = Join-Path $cache "pester/$version/tools/Pester.psd1"
if (-not (Test-Path $path)) { throw "Pester $version is not in the NuGet cache ($path); restore tests/Tools/Tools.csproj." }
$path
