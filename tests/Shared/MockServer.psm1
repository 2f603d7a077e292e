# Starts and steers the local MaestroQA server (tests/MaestroQA.MockServer) for tests, the demo and benchmarks.
Set-StrictMode -Version Latest

$script:DefaultToken = 'mqa-test-token-0001'

function Start-MqaMockServer {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [string] $Configuration = 'Release',
        [hashtable] $Config
    )
    $dll = Join-Path $PSScriptRoot "../MaestroQA.MockServer/bin/$Configuration/net10.0/MaestroQA.MockServer.dll"
    if (-not (Test-Path $dll)) { throw "The local MaestroQA server is not built ($dll); run ./build.ps1 -Task Build." }
    # One argument string: .NET Framework (Windows PowerShell 5.1) has no ProcessStartInfo.ArgumentList.
    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet', ('"{0}" --parent-pid {1}' -f (Resolve-Path $dll).Path, $PID))
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardInput = $true
    $start.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($start)
    $deadline = [DateTime]::UtcNow.AddSeconds(30)
    $url = $null
    while (-not $url -and [DateTime]::UtcNow -lt $deadline) {
        $line = $process.StandardOutput.ReadLine()
        if ($null -eq $line) { break }
        if ($line -match '^MAESTROQA_MOCK_URL=(.+)$') { $url = $Matches[1].Trim() }
    }
    if (-not $url) {
        if (-not $process.HasExited) { $process.Kill() }
        throw 'The local MaestroQA server did not report its URL within 30 s.'
    }
    # Keep draining stdout so the server never blocks on a full pipe.
    $null = $process.StandardOutput.ReadToEndAsync()
    $server = [pscustomobject]@{
        PSTypeName  = 'MaestroQA.MockServer'
        Url         = $url
        ApiUri      = "${url}api/v1/"
        MovedUrl    = $null
        MovedApiUri = $null
        Token       = $script:DefaultToken
        Process     = $process
    }
    # The moved (old) host redirects every request to Url (api.moved); /admin/health reports it, stdout keeps its one line.
    $server.MovedUrl = (Invoke-MqaMockAdmin -Server $server -Path health).movedUrl
    $server.MovedApiUri = "$($server.MovedUrl)api/v1/"
    if ($Config) { Set-MqaMockConfig -Server $server -Config $Config }
    $server
}

function Stop-MqaMockServer {
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Server)
    if (-not $Server.Process.HasExited) {
        $Server.Process.StandardInput.Close()
        if (-not $Server.Process.WaitForExit(5000)) { $Server.Process.Kill() }
    }
}

<#
.SYNOPSIS
    Calls /admin and returns its JSON as PowerShell 7 reads it (dates as DateTime unless -DatesAsText, fractions
    as double, arrays one item at a time), in Windows PowerShell 5.1 too.
#>
function Invoke-MqaMockAdmin {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] $Server,
        [Parameter(Mandatory)] [string] $Path,
        [string] $Method = 'Get',
        $Body,
        # Dates exactly as the server wrote them.
        [switch] $DatesAsText
    )
    $parameters = @{ Uri = "$($Server.Url)admin/$Path"; Method = $Method; UseBasicParsing = $true }
    if ($PSBoundParameters.ContainsKey('Body')) {
        $parameters.Body = $Body | ConvertTo-Json -Depth 10
        $parameters.ContentType = 'application/json; charset=utf-8'
    }
    # Windows PowerShell draws a progress bar per chunk read, which makes large answers slow.
    $ProgressPreference = 'SilentlyContinue'
    $json = (Invoke-WebRequest @parameters).Content
    if ([string]::IsNullOrWhiteSpace($json)) { return }
    if ($PSVersionTable.PSVersion.Major -ge 7) {
        $options = if ($DatesAsText) { @{ DateKind = 'String' } } else { @{} }
        return $json | ConvertFrom-Json @options
    }
    # Windows PowerShell leaves dates as text, reads fractions as decimal and writes an array as one object.
    foreach ($item in ($json | ConvertFrom-Json)) { ConvertTo-PowerShell7Json $item -DatesAsText:$DatesAsText }
}

function ConvertTo-PowerShell7Json($Value, [switch] $DatesAsText) {
    if ($Value -is [string]) {
        if (-not $DatesAsText -and $Value -match '^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,7})?)?(Z|[+-]\d\d:\d\d)?$') {
            return [DateTime]::Parse($Value, [cultureinfo]::InvariantCulture, [System.Globalization.DateTimeStyles]::RoundtripKind)
        }
        return $Value
    }
    if ($Value -is [decimal]) { return [double]::Parse($Value.ToString([cultureinfo]::InvariantCulture), [cultureinfo]::InvariantCulture) }
    if ($Value -is [array]) { return , [object[]]@(foreach ($item in $Value) { ConvertTo-PowerShell7Json $item -DatesAsText:$DatesAsText }) }
    if ($Value -is [System.Management.Automation.PSCustomObject]) {
        foreach ($property in $Value.PSObject.Properties) { $property.Value = ConvertTo-PowerShell7Json $property.Value -DatesAsText:$DatesAsText }
    }
    $Value
}

function Set-MqaMockConfig {
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Server, [Parameter(Mandatory)] [hashtable] $Config)
    $null = Invoke-MqaMockAdmin -Server $Server -Path config -Method Post -Body $Config
}

function Reset-MqaMockServer {
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Server)
    $null = Invoke-MqaMockAdmin -Server $Server -Path reset -Method Post
}

<#
.SYNOPSIS
    The server's record of every API, download and moved-host request, in order; with -Route only that route's
    (request-raw-export, export-data, tickets, moved, ...; a request no route served is recorded under its path).
#>
function Get-MqaMockRequest {
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Server, [string] $Route)
    $records = Invoke-MqaMockAdmin -Server $Server -Path requests | ForEach-Object { $_ }
    if ($Route) { $records | Where-Object { $_.route -eq $Route } }
    else { $records }
}

function Clear-MqaMockRequest {
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Server)
    $null = Invoke-MqaMockAdmin -Server $Server -Path requests -Method Delete
}

<#
.SYNOPSIS
    Who ended the first stalled download: 'client' or 'server'. The server notes it when it sees the connection close,
    a moment after the client's side of it, and always within hangMs, so this wait ends whatever the machine's speed.
#>
function Get-MqaMockStallEnd {
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Server, [int] $TimeoutSec = 40)
    $deadline = [datetime]::UtcNow.AddSeconds($TimeoutSec)
    while ($true) {
        $stall = @(Get-MqaMockRequest $Server | Where-Object fault -EQ 'stall')[0]
        $endedBy = if ($stall -and $stall.PSObject.Properties['endedBy']) { $stall.endedBy }
        if ($endedBy -or [datetime]::UtcNow -ge $deadline) { return $endedBy }
        Start-Sleep -Milliseconds 100
    }
}

function Get-MqaMockTicket {
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Server)
    Invoke-MqaMockAdmin -Server $Server -Path tickets | ForEach-Object { $_ }
}

<#
.SYNOPSIS
    The server's description of one export, or of every export (forgotten ones too) when no id is given.
#>
function Get-MqaMockExport {
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Server, [string] $ExportId)
    if ($ExportId) { Invoke-MqaMockAdmin -Server $Server -Path "exports/$ExportId" }
    else { Invoke-MqaMockAdmin -Server $Server -Path exports | ForEach-Object { $_ } }
}

<#
.SYNOPSIS
    Makes the API forget an export (get-export-data and its dataUrl answer 404, as for an unknown id); /admin keeps it.
#>
function Remove-MqaMockExport {
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Server, [Parameter(Mandatory)] [string] $ExportId)
    Invoke-MqaMockAdmin -Server $Server -Path "exports/$ExportId" -Method Delete
}

<#
.SYNOPSIS
    The coaching sessions the server holds for a range of days (both included) on the meetingDate (default) or
    createdAt axis: what POST coaching-sessions answers, without its limits or its 90-day rule (the test oracle).
#>
function Get-MqaMockCoachingSession {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] $Server,
        [Parameter(Mandatory)] [datetime] $StartDate,
        [Parameter(Mandatory)] [datetime] $EndDate,
        [ValidateSet('meetingDate', 'createdAt')] [string] $TimeAxis,
        [switch] $DatesAsText
    )
    $day = { param($date) $date.ToString('yyyy-MM-dd', [cultureinfo]::InvariantCulture) }
    $path = 'coaching-sessions?startDate={0}&endDate={1}' -f (& $day $StartDate), (& $day $EndDate)
    if ($TimeAxis) { $path += "&timeAxis=$TimeAxis" }
    Invoke-MqaMockAdmin -Server $Server -Path $path -DatesAsText:$DatesAsText | ForEach-Object { $_ }
}

function Get-MqaMockExportRow {
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Server, [Parameter(Mandatory)] [string] $ExportId, [Parameter(Mandatory)] [string] $Table)
    Invoke-MqaMockAdmin -Server $Server -Path "exports/$ExportId/rows/$Table" | ForEach-Object { $_ }
}

<#
.SYNOPSIS
    The largest number of requests of one class that any sliding window of the given length held, from the server's record.
#>
function Get-MqaMaxRequestsInWindow {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [object[]] $Request,
        [Parameter(Mandatory)] [double] $WindowMs
    )
    $times = @($Request | ForEach-Object { [double]$_.elapsedMs } | Sort-Object)
    $max = 0
    $first = 0
    for ($last = 0; $last -lt $times.Count; $last++) {
        while ($times[$last] - $times[$first] -ge $WindowMs) { $first++ }
        $max = [Math]::Max($max, $last - $first + 1)
    }
    $max
}

Export-ModuleMember -Function *-Mqa*
