# The desktop build's dependencies on Windows PowerShell 5.1, where nothing redirects bindings: each assembly asks
# for the versions it was compiled against, and the module's resolver (Module/DependencyCatalog.cs) answers.
BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $dependencies = Join-Path (Split-Path (Get-Module MaestroQA.PowerShell).Path) 'desktop/dependencies'
    $shipped = @{}
    foreach ($file in Get-ChildItem $dependencies -Filter *.dll) { $shipped[[Reflection.AssemblyName]::GetAssemblyName($file.FullName).Name] = $file.FullName }
}

Describe 'The resolver and the files the desktop build ships' -Tag 'CoreOnly' {
    # Runs once, in PowerShell 7, which reads assembly metadata without loading anything.
    It 'serves every reference the shipped assemblies and the cmdlets make to one another, older versions included' {
        $assembly = (Get-Command Connect-Mqa).ImplementingType.Assembly
        $catalog = $assembly.GetType('MaestroQA.PowerShell.Module.DependencyCatalog', $true).GetMethod('ReadFolder').Invoke($null, @([string] $dependencies))
        $referrers = @(Get-ChildItem $dependencies -Filter *.dll) + @(Get-Item (Join-Path (Split-Path $dependencies) 'MaestroQA.PowerShell.dll'))
        $references = foreach ($referrer in $referrers) {
            $stream = [IO.File]::OpenRead($referrer.FullName)
            $reader = [System.Reflection.PortableExecutable.PEReader]::new($stream)
            try {
                $metadata = [System.Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($reader)
                foreach ($handle in $metadata.AssemblyReferences) {
                    $name = $metadata.GetAssemblyReference($handle).GetAssemblyName()
                    if ($shipped.ContainsKey($name.Name)) { [pscustomobject]@{ Referrer = $referrer.Name; Name = $name } }
                }
            }
            finally {
                $reader.Dispose()
                $stream.Dispose()
            }
        }
        $unanswered = @($references | Where-Object { $catalog.PathFor($_.Name) -ne $shipped[$_.Name.Name] } | ForEach-Object { "$($_.Referrer) -> $($_.Name.FullName)" })
        $unanswered | Should -BeNullOrEmpty
        $older = @($references | Where-Object { $_.Name.Version -lt [Reflection.AssemblyName]::GetAssemblyName($shipped[$_.Name.Name]).Version })
        $older.Count | Should -BeGreaterThan 0 -Because 'System.Memory asks for Unsafe 4.0.4.1 while 6.0.0.0 ships, as a binding redirect would otherwise settle'
    }
}

Describe 'Windows PowerShell 5.1 loads the dependencies from the module' -Tag 'WindowsPowerShellOnly' {
    It 'after real calls, every shipped library in the process is the module''s copy (or the GAC''s)' {
        $server = Start-MqaMockServer
        try {
            $session = New-MqaSession -ApiToken $server.Token -BaseUri $server.ApiUri
            Get-MqaCaptureUsage -GroupId grp_emea -Interval Day -Session $session | Should -Not -BeNullOrEmpty
            $csv = Join-Path $TestDrive 'total_scores.csv'
            Set-Content -Path $csv -Value "gradable_id,rubric_score`n1,8" -NoNewline
            @(Import-MqaExport $csv) | Should -HaveCount 1
        }
        finally {
            Stop-MqaMockServer $server
        }
        $loaded = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $shipped.ContainsKey($_.GetName().Name) })
        $foreign = @($loaded | Where-Object { -not $_.GlobalAssemblyCache -and $_.Location -ne $shipped[$_.GetName().Name] } | ForEach-Object { "$($_.FullName) from $($_.Location)" })
        $foreign | Should -BeNullOrEmpty
        # Never in the GAC: the resolver served these, and through them the rest (MaestroQA.Client asks for
        # System.Memory 4.0.1.2, Polly.Core for Microsoft.Bcl.AsyncInterfaces 6.0.0.0 while 8.0.0.0 ships).
        foreach ($name in 'MaestroQA.Client', 'System.Text.Json', 'Polly.Core', 'System.Threading.RateLimiting', 'Sylvan.Data.Csv') {
            @($loaded | Where-Object { $_.GetName().Name -eq $name -and $_.Location -eq $shipped[$name] }) | Should -HaveCount 1 -Because "$name comes from the module"
        }
    }
}
