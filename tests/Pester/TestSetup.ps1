# Dot-sourced by every test file's BeforeAll: imports the build under test and the local server's helpers.
$manifest = $env:MQA_TEST_MODULE_MANIFEST
if (-not $manifest) {
    $version = (Import-PowerShellDataFile (Join-Path $PSScriptRoot '../../MaestroQA.PowerShell.psd1')).ModuleVersion
    $manifest = Join-Path $PSScriptRoot "../../out/MaestroQA.PowerShell/$version/MaestroQA.PowerShell.psd1"
}
$flavor = if ($env:MQA_TEST_FLAVOR) { $env:MQA_TEST_FLAVOR } else { 'Core' }
Import-Module $manifest -ArgumentList $flavor -Force -ErrorAction Stop
Import-Module (Join-Path $PSScriptRoot '../Shared/MockServer.psm1') -Force -ErrorAction Stop

<#
    A new, empty folder under the test drive; with -NameOnly, a fresh path that does not exist yet (for the tests that
    prove nothing was made there).
#>
function New-TestFolder([switch] $NameOnly) {
    $path = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
    if ($NameOnly) { return $path }
    (New-Item -ItemType Directory -Path $path).FullName
}

# The local server's record of the requests on one route, in order ($server is the test file's server).
function Get-ApiRequest([string] $Route) { @(Get-MqaMockRequest $server -Route $Route) }

<#
    The UTC time ('yyyy-MM-ddTHH:mm:ssZ') a date and time written with no zone stands for here: local time, in the zone
    this pass runs in. The build runs the suite in UTC, Asia/Kolkata and America/New_York (build.ps1); for those the
    answers are written out, so the module cannot agree with a test by sharing its arithmetic. Elsewhere TimeZoneInfo answers.
#>
function ConvertTo-ExpectedUtc([string] $LocalTime) {
    $written = @{
        '2024-01-31T08:00:00' = @{ UTC = '2024-01-31T08:00:00Z'; Kolkata = '2024-01-31T02:30:00Z'; NewYork = '2024-01-31T13:00:00Z' }
        '2024-06-15T12:00:00' = @{ UTC = '2024-06-15T12:00:00Z'; Kolkata = '2024-06-15T06:30:00Z'; NewYork = '2024-06-15T16:00:00Z' }
        '2025-03-01T08:30:00' = @{ UTC = '2025-03-01T08:30:00Z'; Kolkata = '2025-03-01T03:00:00Z'; NewYork = '2025-03-01T13:30:00Z' }
    }
    if (-not $written.ContainsKey($LocalTime)) { throw "No answer is written for the local time '$LocalTime'; add one." }
    $zone = switch ([TimeZoneInfo]::Local.Id) {
        { $_ -in 'UTC', 'Etc/UTC', 'Etc/UCT', 'Etc/Universal', 'Etc/Zulu', 'Universal', 'Zulu' } { 'UTC' }
        { $_ -in 'Asia/Kolkata', 'Asia/Calcutta', 'India Standard Time' } { 'Kolkata' }
        { $_ -in 'America/New_York', 'US/Eastern', 'Eastern Standard Time' } { 'NewYork' }
    }
    if ($zone) { return $written[$LocalTime][$zone] }
    $local = [datetime]::ParseExact($LocalTime, 's', [cultureinfo]::InvariantCulture)
    [TimeZoneInfo]::ConvertTimeToUtc($local, [TimeZoneInfo]::Local).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", [cultureinfo]::InvariantCulture)
}

<#
    A JSON value as text that two readers agree on: object members sorted by name (ordinal), no white space, numbers in
    the invariant culture (a whole number without a fraction), strings escaped as JSON. So the server's stored value (read
    by ConvertFrom-Json in 5.1 or 7) and the one a test wrote (a hashtable, [ordered] or not) compare as text.
#>
function ConvertTo-SortedJson($Value) {
    if ($null -eq $Value) { return 'null' }
    if ($Value -is [string]) {
        $text = [System.Text.StringBuilder]::new('"')
        foreach ($c in $Value.ToCharArray()) {
            if ($c -eq '"' -or $c -eq '\') { $null = $text.Append('\').Append($c) }
            elseif ([char]::IsControl($c)) { $null = $text.Append('\u').Append(([int]$c).ToString('x4', [cultureinfo]::InvariantCulture)) }
            else { $null = $text.Append($c) }
        }
        return $text.Append('"').ToString()
    }
    if ($Value -is [bool]) { if ($Value) { return 'true' } return 'false' }
    $names = $null
    if ($Value -is [System.Collections.IDictionary]) { $names = [string[]]@($Value.Keys) }
    elseif ($Value -is [System.Management.Automation.PSCustomObject]) { $names = [string[]]@($Value.PSObject.Properties | ForEach-Object { $_.Name }) }
    if ($null -ne $names) {
        [Array]::Sort($names, [StringComparer]::Ordinal)
        $members = foreach ($name in $names) {
            # Assigned, not taken from an if: an empty list must stay a list.
            $member = $null
            if ($Value -is [System.Collections.IDictionary]) { $member = $Value[$name] } else { $member = $Value.PSObject.Properties[$name].Value }
            (ConvertTo-SortedJson $name) + ':' + (ConvertTo-SortedJson $member)
        }
        return '{' + (@($members) -join ',') + '}'
    }
    if ($Value -is [System.Collections.IEnumerable]) { return '[' + (@(foreach ($item in $Value) { ConvertTo-SortedJson $item }) -join ',') + ']' }
    if ($Value -is [ValueType] -and $Value -isnot [datetime] -and $Value -isnot [DateTimeOffset]) { return ([double]$Value).ToString('R', [cultureinfo]::InvariantCulture) }
    throw "ConvertTo-SortedJson: a $($Value.GetType().FullName) is not a JSON value; write dates as text."
}
