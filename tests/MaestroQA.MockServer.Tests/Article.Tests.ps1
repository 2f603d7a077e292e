BeforeAll {
    . $PSScriptRoot/ServerTestSetup.ps1
    $server = Start-MqaMockServer
}

AfterAll {
    Stop-MqaMockServer $server
}

Describe 'The article''s authentication' {
    BeforeEach { Reset-MqaMockServer $server }

    It 'takes the token in the JSON body, as the article allows' {
        $body = @{ groupIds = @('grp_emea'); interval = 'day'; apiToken = $server.Token } | ConvertTo-Json
        (Invoke-RestMethod -Method Post -Uri "$($server.ApiUri)screen-capture-usage-stats" -Body $body -ContentType 'application/json').data | Should -Not -BeNullOrEmpty
        (Get-MqaMockRequest $server | Select-Object -Last 1).tokenSource | Should -Be 'body'
    }
}

Describe 'Fidelity with the vendor article' {
    It 'runs the article''s Python examples verbatim against the local server' {
        $script = Join-Path $PSScriptRoot '../fidelity/seed_examples.py'
        $env:MAESTROQA_MOCK_URL = $server.Url
        try {
            $output = & python3 $script 2>&1
            $LASTEXITCODE | Should -Be 0 -Because ($output -join "`n")
        }
        finally {
            Remove-Item Env:MAESTROQA_MOCK_URL
        }
    }
}
