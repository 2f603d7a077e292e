<#
.SYNOPSIS
    The main job, end to end, against the bundled local MaestroQA server: connect, export a week of scores to typed
    rows, load tickets from CSV, and read screen-capture usage.
#>
param([Parameter(Mandatory)] [string] $ModuleManifest)
$ErrorActionPreference = 'Stop'
Import-Module $ModuleManifest
Import-Module (Join-Path $PSScriptRoot '../Shared/MockServer.psm1')

$server = Start-MqaMockServer
$work = Join-Path ([IO.Path]::GetTempPath()) "mqa-demo-$PID"
$null = New-Item -ItemType Directory -Path $work -Force
try {
    Write-Host "Local MaestroQA server at $($server.ApiUri)" -ForegroundColor Cyan
    Connect-Mqa -ApiToken $server.Token -BaseUri $server.ApiUri
    Get-MqaSession | Format-Table | Out-Host

    Write-Host '1. A week of QA scores as typed rows' -ForegroundColor Cyan
    $end = [datetime]::UtcNow.Date
    $rows = Invoke-MqaRawExport -StartDate $end.AddDays(-7) -EndDate $end -Name 'Demo weekly export' -Wait -PollInterval 0.5 |
        Save-MqaExport -Path $work |
        Import-MqaExport -Table TotalScores
    Write-Host "$(@($rows).Count) total-score rows; the first five:"
    $rows | Select-Object -First 5 | Format-Table | Out-Host
    $rows | Group-Object AgentName | Sort-Object Count -Descending | Select-Object -First 3 Count, Name | Format-Table | Out-Host

    Write-Host '2. Tickets from a CSV with the API''s own headers' -ForegroundColor Cyan
    $csv = Join-Path $work 'tickets.csv'
    1..5 | ForEach-Object {
        [pscustomobject]@{
            gradable_id = "demo-$_"; type = 'custom helpdesk'; subject = "Demo ticket $_"
            agents = 'agent-1;agent-2'; link = "https://helpdesk.example/tickets/$_"; body = 'Customer asked about a refund.'
            tags = 'demo,refund'; status = 'closed'; csat_score = 4; first_seen = '2024-05-01T09:00:00Z'; last_seen = '2024-05-02T10:30:00Z'
        }
    } | Export-Csv -Path $csv -NoTypeInformation
    Import-Csv $csv | New-MqaTicket -IfExists Skip | Format-Table | Out-Host

    Write-Host '3. Screen-capture usage for two groups' -ForegroundColor Cyan
    Get-MqaCaptureUsage -GroupId 'grp_emea', 'grp_apac' -Interval Week | Format-Table | Out-Host
}
finally {
    Disconnect-Mqa
    Stop-MqaMockServer $server
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}
