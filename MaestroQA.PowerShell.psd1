@{
    RootModule           = 'MaestroQA.PowerShell.psm1'
    ModuleVersion        = '0.1.0'
    CompatiblePSEditions = @('Desktop', 'Core')
    GUID                 = '6f0b8f55-2f7c-4b8e-9a51-3c1e4d3f7a20'
    Author               = 'MaestroQA.PowerShell contributors'
    CompanyName          = 'MaestroQA.PowerShell contributors'
    Copyright            = '(c) MaestroQA.PowerShell contributors. MIT License.'
    Description          = 'MaestroQA REST API from PowerShell: raw, agent-group and audit-log exports as typed rows, bulk ticket loads from CSV, and screen-capture usage stats, within the API''s rate limits.'
    PowerShellVersion    = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('MaestroQA.PowerShell.Format.ps1xml')
    FunctionsToExport    = @()
    CmdletsToExport      = @(
        'Connect-Mqa'
        'Disconnect-Mqa'
        'Get-MqaSession'
        'New-MqaSession'
        'Invoke-MqaRawExport'
        'Invoke-MqaGroupsExport'
        'Invoke-MqaAuditLogExport'
        'Get-MqaExport'
        'Wait-MqaExport'
        'Save-MqaExport'
        'Import-MqaExport'
        'Sync-MqaExport'
        'Get-MqaCaptureUsage'
        'Get-MqaCoachingSession'
        'New-MqaTicket'
        'Set-MqaTicket'
        'Remove-MqaTicket'
        'Invoke-MqaRequest'
    )
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('MaestroQA', 'QA', 'QualityAssurance', 'Support', 'REST', 'API', 'Export', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/maestroqa-powershell/MaestroQA.PowerShell'
            LicenseUri   = 'https://github.com/maestroqa-powershell/MaestroQA.PowerShell/blob/main/LICENSE'
            ReleaseNotes = 'First release: sessions with shared per-token rate limiting, exports end to end, tickets in bulk, capture usage stats.'
        }
    }
}
