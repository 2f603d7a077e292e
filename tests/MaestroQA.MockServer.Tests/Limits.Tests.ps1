# The article's per-token limits as the server keeps them, and the Retry-After its refusals carry.
BeforeAll {
    . $PSScriptRoot/ServerTestSetup.ps1
    $server = Start-MqaMockServer
    function Invoke-Demanding {
        Invoke-WebRequest "$($server.ApiUri)request-groups-export" -Method Post -Headers @{ apitoken = $server.Token } -Body '{}' -ContentType 'application/json' -SkipHttpErrorCheck
    }
}

AfterAll {
    Stop-MqaMockServer $server
}

Describe 'A limiter 429''s Retry-After (limits.retryAfterMs)' {
    It 'says exactly when the window has room by default, in whole seconds and (scaled) in ms' {
        Reset-TestServer $server @{ limits = @{ enabled = $true; demandingPerSecond = 10; demandingPerMinute = 2; windowScale = 0.5 } }
        $answers = @(1..3 | ForEach-Object { Invoke-Demanding })
        $answers.StatusCode | Should -Be @(200, 200, 429)
        [int]$answers[2].Headers['Retry-After-Ms'][0] | Should -BeGreaterThan 25000 -Because 'the minute window (30 s scaled) holds both requests'
        [int]$answers[2].Headers['Retry-After'][0] | Should -BeGreaterOrEqual 26
    }

    It 'says limits.retryAfterMs whatever the window when that is set, as a server with a short Retry-After would' {
        Reset-TestServer $server @{ limits = @{ enabled = $true; demandingPerSecond = 10; demandingPerMinute = 2; windowScale = 0.5; retryAfterMs = 200 } }
        $answers = @(1..3 | ForEach-Object { Invoke-Demanding })
        $answers.StatusCode | Should -Be @(200, 200, 429)
        $answers[2].Headers['Retry-After-Ms'][0] | Should -Be '200'
        $answers[2].Headers['Retry-After'][0] | Should -Be '1'
    }

    It 'refuses a negative retryAfterMs' {
        (Send-TestConfig $server @{ limits = @{ retryAfterMs = -1 } }).StatusCode | Should -Be 400
    }
}
