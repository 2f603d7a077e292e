# The format views: every header whole and every row on one line in a 120-column console, in any culture.
BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    function Get-TableLine($InputObject) {
        @(($InputObject | Format-Table | Out-String -Width 120) -split '\r?\n' | Where-Object { $_.Trim() })
    }
}

Describe 'Format views in a 120-column console' {
    It '<Name>: the headers whole, each value on one line' -ForEach @(
        @{
            Name = 'MqaTicket'; Labels = 'GradableId', 'Id', 'Subject', 'Status', 'Agents', 'CsatScore', 'LastSeen'; Values = (4.5).ToString(), '2024-03-07 08:09:10Z' # a number in the culture's own form, as PowerShell shows it
            Make = { [MaestroQA.Client.Models.MqaTicket]@{ GradableId = 'zendesk-000123456789'; Id = '64a1f0c20000000000000001'; Subject = 'Refund for order 1234 and more'; Status = 'solved'; Agents = [MaestroQA.Client.Models.TextList]::new([string[]]@('agent_1', 'agent_2')); CsatScore = 4.5; LastSeen = [datetime]::new(2024, 3, 7, 8, 9, 10, [DateTimeKind]::Utc) } }
        }
        @{
            Name = 'MqaSyncWindow'; Labels = 'Kind', 'From', 'To', 'ExportId', 'Files', 'Bytes', 'Duration'; Values = '2024-01-01 00:00:00Z', '2024-01-08 00:00:00Z', '26:03:04', '123456789'
            Make = {
                $window = [MaestroQA.Client.Models.MqaSyncWindow]::new('AuditLog', [datetime]::new(2024, 1, 1, 0, 0, 0, [DateTimeKind]::Utc), [datetime]::new(2024, 1, 8, 0, 0, 0, [DateTimeKind]::Utc), 'exp_0000000000000000000123')
                $window.Bytes = 123456789
                $window.Duration = [TimeSpan]::new(1, 2, 3, 4)
                $window
            }
        }
    ) {
        $lines = Get-TableLine (& $Make)
        $lines | Should -HaveCount 3 -Because 'a header, its underline and one row: nothing wraps'
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 120 }
        foreach ($label in $Labels) { $lines[0] | Should -Match "\b$label\b" }
        foreach ($value in $Values) { $lines[2] | Should -Match ([regex]::Escape($value)) }
    }
}
