BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $server = Start-MqaMockServer
    $secret = $server.Token
}

AfterAll {
    Disconnect-Mqa
    Stop-MqaMockServer $server
}

Describe 'Connect-Mqa and the default session' {
    BeforeEach {
        Disconnect-Mqa
        Remove-Item Env:MAESTROQA_API_TOKEN, Env:MAESTROQA_BASE_URI -ErrorAction SilentlyContinue
    }

    It 'makes a default session that API cmdlets use, shown by fingerprint only' {
        Connect-Mqa -ApiToken $secret -BaseUri $server.ApiUri
        $session = Get-MqaSession
        $session.BaseUri.AbsoluteUri | Should -Be $server.ApiUri
        $session.TokenFingerprint | Should -Be ('****' + $secret.Substring($secret.Length - 4))
        $session.ToString() | Should -Not -Match ([regex]::Escape($secret))
        ($session | Format-List * | Out-String) | Should -Not -Match ([regex]::Escape($secret))
        ($session | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue) | Should -Not -Match ([regex]::Escape($secret))
    }

    It 'takes the token as a SecureString, a plain string or a credential''s password' {
        $secure = ConvertTo-SecureString $secret -AsPlainText -Force
        (New-MqaSession -ApiToken $secure -BaseUri $server.ApiUri).Source | Should -Be 'ApiToken'
        $credential = [pscredential]::new('automation', $secure)
        $session = New-MqaSession -Credential $credential -BaseUri $server.ApiUri
        $session.Source | Should -Be 'Credential'
        Get-MqaCaptureUsage -GroupId grp_emea -Interval Day -Session $session | Should -Not -BeNullOrEmpty
    }

    It 'New-MqaSession does not change the default session' {
        $null = New-MqaSession -ApiToken $secret -BaseUri $server.ApiUri
        { Get-MqaSession -ErrorAction Stop } | Should -Throw -ErrorId 'MaestroQA.NotConnected,MaestroQA.PowerShell.Cmdlets.Session.GetMqaSessionCommand'
    }

    It 'falls back to $env:MAESTROQA_API_TOKEN and $env:MAESTROQA_BASE_URI' {
        $env:MAESTROQA_API_TOKEN = $secret
        $env:MAESTROQA_BASE_URI = $server.ApiUri
        try {
            (Get-MqaSession).Source | Should -Be 'Environment'
            Get-MqaCaptureUsage -GroupId grp_emea -Interval Week | Should -Not -BeNullOrEmpty
        }
        finally {
            Remove-Item Env:MAESTROQA_API_TOKEN, Env:MAESTROQA_BASE_URI
        }
    }

    It 'a bad $env:MAESTROQA_BASE_URI (<BaseUri>) is MaestroQA.NotConnected from <Command>, naming the variable, and sends nothing' -ForEach @(
        @{ BaseUri = 'not a uri'; Command = 'Get-MqaSession' }
        @{ BaseUri = 'not a uri'; Command = 'Get-MqaExport' }
        @{ BaseUri = 'relative/path/'; Command = 'Get-MqaExport' }
    ) {
        Clear-MqaMockRequest $server
        $env:MAESTROQA_API_TOKEN = $secret
        $env:MAESTROQA_BASE_URI = $BaseUri
        try {
            $arguments = if ($Command -eq 'Get-MqaExport') { @{ ExportId = 'x' } } else { @{} }
            $failure = { & $Command @arguments -ErrorAction Stop } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -BeLike 'MaestroQA.NotConnected,*'
            $failure.Exception.Message | Should -BeLike "*env:MAESTROQA_BASE_URI* '$BaseUri'*"
            $failure.Exception.Message | Should -Not -Match ([regex]::Escape($secret))
        }
        finally {
            Remove-Item Env:MAESTROQA_API_TOKEN, Env:MAESTROQA_BASE_URI
        }
        @(Get-MqaMockRequest $server).Count | Should -Be 0
    }

    It 'says how to connect when there is no session, and sends nothing' {
        Clear-MqaMockRequest $server
        $failure = { Get-MqaExport -ExportId x -ErrorAction Stop } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'MaestroQA.NotConnected,*'
        $failure.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $failure.Exception.Message | Should -Match 'Connect-Mqa'
        @(Get-MqaMockRequest $server).Count | Should -Be 0
    }

    It 'refuses plain http:// except for loopback' {
        $failure = { New-MqaSession -ApiToken $secret -BaseUri 'http://maestro.example/api/v1/' } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'MaestroQA.InsecureBaseUri,*'
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure.TargetObject | Should -Be ([uri]'http://maestro.example/api/v1/')
        (New-MqaSession -ApiToken $secret -BaseUri 'https://maestro.example/api/v1').BaseUri.AbsoluteUri | Should -Be 'https://maestro.example/api/v1/'
    }

    It 'rejects a malformed rate-limit override' {
        { New-MqaSession -ApiToken $secret -DemandingRateLimit @{ PerSecond = 1 } } | Should -Throw '*PerMinute*'
        (New-MqaSession -ApiToken $secret -DemandingRateLimit @{ PerSecond = 2; PerMinute = 60 }).DemandingRateLimit.PerMinute | Should -Be 60
        $failure = { New-MqaSession -ApiToken $secret -EasyRateLimit @{ PerSecond = 10; PerMinutes = 100 } } | Should -Throw -PassThru
        $failure.Exception.Message | Should -Match "The key 'PerMinutes' is not one of PerSecond, PerMinute, SafetyMarginMs, WindowScale"
        $failure.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentTransformationError,*'
    }

    It 'takes a safety margin for the rate limits, 30 ms unless set' {
        (New-MqaSession -ApiToken $secret).EasyRateLimit.SafetyMargin.TotalMilliseconds | Should -Be 30
        $session = New-MqaSession -ApiToken $secret -EasyRateLimit @{ PerSecond = 10; PerMinute = 100; SafetyMarginMs = 120 }
        $session.EasyRateLimit.SafetyMargin.TotalMilliseconds | Should -Be 120
        $session.EasyRateLimit.PerSecond | Should -Be 10
    }

    It 'keeps default sessions per runspace' {
        Connect-Mqa -ApiToken $secret -BaseUri $server.ApiUri
        $other = [powershell]::Create()
        try {
            $null = $other.AddScript("Import-Module '$($env:MQA_TEST_MODULE_MANIFEST)' -ArgumentList $flavor; Get-MqaSession -ErrorAction SilentlyContinue")
            @($other.Invoke()).Count | Should -Be 0
        }
        finally {
            $other.Dispose()
        }
        (Get-MqaSession).BaseUri.AbsoluteUri | Should -Be $server.ApiUri
    }
}

Describe 'The module' {
    It 'exports exactly the cmdlets the manifest lists' {
        $manifestPath = (Get-Module MaestroQA.PowerShell).Path -replace '\.psm1$', '.psd1'
        $listed = (Import-PowerShellDataFile $manifestPath).CmdletsToExport | Sort-Object
        $compiled = (Get-Command -Module MaestroQA.PowerShell -CommandType Cmdlet).Name | Sort-Object
        $compiled | Should -Be $listed
    }

    It 'loads the <_> build' -ForEach @(if ($env:MQA_TEST_FLAVOR) { $env:MQA_TEST_FLAVOR } else { 'Core' }) {
        $cmdlet = Get-Command Connect-Mqa
        $cmdlet.DLL | Should -Match ([regex]::Escape([IO.Path]::DirectorySeparatorChar + $_.ToLowerInvariant() + [IO.Path]::DirectorySeparatorChar))
    }
}
