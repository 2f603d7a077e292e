# Runs once (Core): the packages hold both builds, and each install is checked in a fresh pwsh.
BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $server = Start-MqaMockServer
    $moduleDir = Split-Path $env:MQA_TEST_MODULE_MANIFEST
    $packages = Join-Path $moduleDir '../../packages'
    $pwsh = Join-Path $PSHOME 'pwsh'

    # Runs a script in a fresh pwsh and returns its output; fails the test on a non-zero exit.
    function Invoke-FreshPwsh([string] $Script) {
        $output = & $pwsh -NoProfile -NonInteractive -Command $Script 2>&1
        $LASTEXITCODE | Should -Be 0 -Because ($output -join "`n")
        $output
    }
    $realCall = "Connect-Mqa -ApiToken '$($server.Token)' -BaseUri '$($server.ApiUri)'; (Get-MqaCaptureUsage -GroupId grp_emea -Interval Day | Measure-Object).Count"
}

AfterAll {
    Stop-MqaMockServer $server
}

Describe 'Packages' -Tag 'CoreOnly' {
    It 'the .nupkg installs from a local repository and imports in a fresh pwsh' {
        $nupkg = Get-ChildItem $packages -Filter 'MaestroQA.PowerShell.*.nupkg'
        $nupkg | Should -HaveCount 1
        $repository = "MqaTest$PID"
        $installRoot = Join-Path ([IO.Path]::GetTempPath()) "mqa-install-$PID"
        $null = New-Item -ItemType Directory -Path $installRoot -Force
        $script = @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name $repository -Uri '$packages' -Trusted
try {
    Save-PSResource -Name MaestroQA.PowerShell -Repository $repository -Path '$installRoot' -TrustRepository -SkipDependencyCheck
    Install-PSResource -Name MaestroQA.PowerShell -Repository $repository -TrustRepository -Scope CurrentUser -Reinstall
    (Get-InstalledPSResource -Name MaestroQA.PowerShell).Version.ToString()
}
finally { Unregister-PSResourceRepository -Name $repository }
"@
        (Invoke-FreshPwsh $script | Select-Object -Last 1) | Should -Be (Import-PowerShellDataFile $env:MQA_TEST_MODULE_MANIFEST).ModuleVersion
        try {
            Invoke-FreshPwsh "Import-Module MaestroQA.PowerShell -ErrorAction Stop; $realCall" | Select-Object -Last 1 | Should -Be 3
            Test-Path (Join-Path $installRoot 'MaestroQA.PowerShell/*/desktop/MaestroQA.PowerShell.dll') | Should -BeTrue
        }
        finally {
            $null = Invoke-FreshPwsh 'Uninstall-PSResource -Name MaestroQA.PowerShell -Scope CurrentUser'
            Remove-Item $installRoot -Recurse -Force -ErrorAction SilentlyContinue
        }
    }

    It 'the Azure Automation zip has the module folder and manifest at its root, named as the zip' {
        $zipPath = Join-Path $packages 'MaestroQA.PowerShell.zip'
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [IO.Compression.ZipFile]::OpenRead($zipPath)
        try {
            $names = @($zip.Entries.FullName | ForEach-Object { $_ -replace '\\', '/' })
        }
        finally {
            $zip.Dispose()
        }
        $names | Should -Contain 'MaestroQA.PowerShell/MaestroQA.PowerShell.psd1'
        $names | ForEach-Object { $_ | Should -BeLike 'MaestroQA.PowerShell/*' }
        $names | Should -Not -Match '^MaestroQA\.PowerShell/\d+\.\d+\.\d+/' -Because 'Azure Automation wants no version folder'
        $names | Should -Contain 'MaestroQA.PowerShell/core/MaestroQA.PowerShell.dll'
        $names | Should -Contain 'MaestroQA.PowerShell/desktop/MaestroQA.PowerShell.dll'

        # What CI's windows-powershell job runs in Windows PowerShell 5.1: on PSModulePath, imported by name, a real call.
        $installAndCall = Join-Path $PSScriptRoot '../Shared/Test-AutomationZip.ps1'
        Invoke-FreshPwsh "& '$installAndCall' -Zip '$zipPath'" | Select-Object -Last 1 | Should -Match '\(core build\): \d+ cmdlets, 3 agents from a real call'
    }
}

Describe 'Dependency isolation' -Tag 'CoreOnly' {
    It 'works beside another module''s copy of one of its dependencies' {
        # A stub Polly.Core of another version, loaded first into the default load context, as another module might.
        $stubFolder = Join-Path ([IO.Path]::GetTempPath()) "mqa-stub-$PID"
        $null = New-Item -ItemType Directory -Path $stubFolder -Force
        $stub = Join-Path $stubFolder 'Polly.Core.dll'
        Invoke-FreshPwsh @"
Add-Type -TypeDefinition 'public static class MqaRoslynWarmup { }'   # loads the C# compiler PowerShell ships
`$tree = [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree]::ParseText('[assembly: System.Reflection.AssemblyVersion("1.2.3.4")] namespace Polly { public sealed class ConflictingStub { } }')
`$references = [Microsoft.CodeAnalysis.MetadataReference[]]@([Microsoft.CodeAnalysis.MetadataReference]::CreateFromFile([object].Assembly.Location))
`$options = [Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions]::new([Microsoft.CodeAnalysis.OutputKind]::DynamicallyLinkedLibrary)
`$compilation = [Microsoft.CodeAnalysis.CSharp.CSharpCompilation]::Create('Polly.Core', [Microsoft.CodeAnalysis.SyntaxTree[]]@(`$tree), `$references, `$options)
if (-not [Microsoft.CodeAnalysis.FileSystemExtensions]::Emit(`$compilation, '$stub').Success) { exit 1 }
"@ | Out-Null
        try {
            $output = Invoke-FreshPwsh @"
`$ErrorActionPreference = 'Stop'
Add-Type -Path '$stub'
Import-Module '$($env:MQA_TEST_MODULE_MANIFEST)'
$realCall
[AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'Polly.Core' } | ForEach-Object { `$_.GetName().Version.ToString() } | Sort-Object | Join-String -Separator ','
"@
            $output[-2] | Should -Be 3 -Because 'a real call succeeds with the module''s own Polly'
            $output[-1] | Should -Be '1.2.3.4,8.0.0.0' -Because 'both copies are loaded, each in its own context'
        }
        finally {
            Remove-Item $stubFolder -Recurse -Force
        }
    }
}
