# Dot-sourced by every server test file's BeforeAll: the server's helpers, and this suite's plain-HTTP and file-reading
# tools. The module is never loaded here: these tests prove what the server itself sends.
Import-Module (Join-Path $PSScriptRoot '../Shared/MockServer.psm1') -Force -ErrorAction Stop
# Progress bars slow large downloads down a lot and show nothing in a test log.
$ProgressPreference = 'SilentlyContinue'

# Every spelling a missing value can have in a file (files.missingValues "varied"; "unknown" uses the last two).
$MissingSpellings = @('N/A', 'n/a', 'NA', 'null', 'None', '-', 'Unknown', '')

<#
.SYNOPSIS
    Replaces the config (restarting fault sequences and generators, keeping exports): exports that complete at once
    and no limiter, plus the given config on top.
#>
function Set-TestConfig {
    param([Parameter(Mandatory)] $Server, [hashtable] $Config = @{})
    $merged = @{ exportRequestedMs = 0; exportInProgressMs = 0; limits = @{ enabled = $false } }
    foreach ($key in $Config.Keys) { $merged[$key] = $Config[$key] }
    Set-MqaMockConfig $Server $merged
}

<#
.SYNOPSIS
    POSTs a config as it is, for the tests of what the server refuses: the raw response (a refusal is a 400 {"message"}).
#>
function Send-TestConfig {
    param([Parameter(Mandatory)] $Server, [Parameter(Mandatory)] [hashtable] $Config)
    Invoke-WebRequest "$($Server.Url)admin/config" -Method Post -Body ($Config | ConvertTo-Json -Depth 5) -ContentType 'application/json' -SkipHttpErrorCheck
}

<#
.SYNOPSIS
    Back to a clean server (no exports, tickets or records), configured as Set-TestConfig does.
#>
function Reset-TestServer {
    param([Parameter(Mandatory)] $Server, [hashtable] $Config = @{})
    Reset-MqaMockServer $Server
    Set-TestConfig $Server $Config
}

<#
.SYNOPSIS
    One API request with the test token; the raw response whatever its status, redirects not followed. -BaseUri sends
    it elsewhere than the server's ApiUri (the moved host's MovedApiUri, a Location).
#>
function Invoke-Api {
    param(
        [Parameter(Mandatory)] $Server,
        [Parameter(Mandatory)] [string] $Route,
        [string] $Method = 'Post',
        $Body,
        [hashtable] $Headers = @{},
        [string] $BaseUri = $Server.ApiUri
    )
    $parameters = @{
        Uri                = "$BaseUri$Route"
        Method             = $Method
        Headers            = @{ apitoken = $Server.Token } + $Headers
        SkipHttpErrorCheck = $true
        MaximumRedirection = 0
        # A 3xx also writes a "maximum redirection count" error; the response is what the tests look at.
        ErrorAction        = 'SilentlyContinue'
    }
    if ($null -ne $Body) {
        $parameters.Body = $Body -is [string] ? $Body : ($Body | ConvertTo-Json -Depth 10)
        $parameters.ContentType = 'application/json'
    }
    Invoke-WebRequest @parameters
}

function Get-ExportData {
    param([Parameter(Mandatory)] $Server, [Parameter(Mandatory)] [string] $ExportId)
    Invoke-Api $Server get-export-data -Method Get -Headers @{ exportId = $ExportId }
}

<#
.SYNOPSIS
    Requests an export (raw by default, over the article's example week), waits until it is complete (polling
    get-export-data, or export-data/{id} in the current profile), and returns its id, dataUrl and the server's
    description of it.
#>
function New-TestExport {
    param(
        [Parameter(Mandatory)] $Server,
        [ValidateSet('raw', 'groups', 'audit')] [string] $Kind = 'raw',
        [hashtable] $Body = @{}
    )
    $route = @{ raw = 'request-raw-export'; groups = 'request-groups-export'; audit = 'request-audit-log-export' }[$Kind]
    $payload = $Kind -eq 'groups' ? @{} : @{ startDate = '2018-08-13T00:00:00Z'; endDate = '2018-08-19T00:00:00Z' }
    foreach ($key in $Body.Keys) { $payload[$key] = $Body[$key] }
    $response = Invoke-Api $Server $route -Body $payload
    if ($response.StatusCode -ne 200) { throw "$route answered $($response.StatusCode): $($response.Content)" }
    $id = ($response.Content | ConvertFrom-Json).exportId
    # Polled on the status route of the edition the server speaks.
    $current = (Invoke-MqaMockAdmin $Server config).api.profile -eq 'current'
    $deadline = [DateTime]::UtcNow.AddSeconds(30)
    do {
        $status = if ($current) { Invoke-Api $Server "export-data/$id" -Method Get } else { Get-ExportData $Server $id }
        $data = $status.Content | ConvertFrom-Json
        if ($data.status -in 'complete', 'errored') {
            return [pscustomobject]@{ ExportId = $id; DataUrl = $data.dataUrl; Admin = Get-MqaMockExport $Server $id }
        }
        Start-Sleep -Milliseconds 50
    } while ([DateTime]::UtcNow -lt $deadline)
    throw "Export $id did not complete within 30 s."
}

<#
.SYNOPSIS
    GETs a URL as storage clients do (no token, redirects not followed) and returns the response and its exact bytes.
#>
function Get-TestDownload {
    param([Parameter(Mandatory)] [string] $Url)
    $response = Invoke-WebRequest $Url -SkipHttpErrorCheck -MaximumRedirection 0 -ErrorAction SilentlyContinue
    [pscustomobject]@{ Response = $response; Bytes = $response.RawContentStream.ToArray() }
}

function Read-ZipEntry {
    param([Parameter(Mandatory)] [byte[]] $Bytes)
    $zip = [System.IO.Compression.ZipArchive]::new([System.IO.MemoryStream]::new($Bytes), [System.IO.Compression.ZipArchiveMode]::Read)
    try {
        foreach ($entry in $zip.Entries) {
            $content = [System.IO.MemoryStream]::new()
            $stream = $entry.Open()
            try { $stream.CopyTo($content) } finally { $stream.Dispose() }
            [pscustomobject]@{ Name = $entry.FullName; Bytes = $content.ToArray() }
        }
    }
    finally {
        $zip.Dispose()
    }
}

<#
.SYNOPSIS
    Parses CSV bytes leniently, as a client must: RFC 4180 quoting, and quotes inside an unquoted field taken literally
    (="2024-01-02 03:04:05"). Reports the BOM and the record terminators seen outside quoted fields.
#>
function ConvertFrom-RawCsv {
    param([Parameter(Mandatory)] [byte[]] $Bytes)
    $hasBom = $Bytes.Length -ge 3 -and $Bytes[0] -eq 0xEF -and $Bytes[1] -eq 0xBB -and $Bytes[2] -eq 0xBF
    $skip = $hasBom ? 3 : 0
    $text = [System.Text.Encoding]::UTF8.GetString($Bytes, $skip, $Bytes.Length - $skip)
    $field = [regex]'\G(?:"((?:[^"]|"")*)"|([^,\r\n]*))(,|\r\n|\n|$)'
    $records = [System.Collections.Generic.List[object]]::new()
    $fields = [System.Collections.Generic.List[string]]::new()
    $endings = [System.Collections.Generic.SortedSet[string]]::new()
    for ($position = 0; $position -lt $text.Length) {
        $match = $field.Match($text, $position)
        if ($match.Length -eq 0) { throw "CSV syntax error at character $position" }
        $fields.Add($match.Groups[1].Success ? $match.Groups[1].Value.Replace('""', '"') : $match.Groups[2].Value)
        $position += $match.Length
        $end = $match.Groups[3].Value
        if ($end -ne ',') {
            if ($end) { $null = $endings.Add(($end -eq "`r`n") ? 'CRLF' : 'LF') }
            $records.Add($fields.ToArray())
            $fields.Clear()
        }
    }
    [pscustomobject]@{
        HasBom      = $hasBom
        LineEndings = @($endings)
        Text        = $text
        Header      = $records[0]
        Rows        = @($records | Select-Object -Skip 1)
    }
}

<#
.SYNOPSIS
    The server's logical rows of one table, with dates kept as the ISO strings the server wrote.
#>
function Get-LogicalRow {
    param([Parameter(Mandatory)] $Server, [Parameter(Mandatory)] [string] $ExportId, [Parameter(Mandatory)] [string] $Table)
    $response = Invoke-WebRequest "$($Server.Url)admin/exports/$ExportId/rows/$Table"
    @($response.Content | ConvertFrom-Json -DateKind String -NoEnumerate) | ForEach-Object { $_ }
}

function ConvertFrom-CellDate {
    param([string] $Cell)
    $formats = [string[]]@('yyyy-MM-dd HH:mm:ss', 'yyyy-MM-dd HH:mm:ss.fff')
    if ($Cell -match '^="(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{3})?)"$') {
        return [DateTimeOffset]::ParseExact($Matches[1], $formats, [cultureinfo]::InvariantCulture, [System.Globalization.DateTimeStyles]::AssumeUniversal)
    }
    if ($Cell -match '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?(Z|[+-]\d\d:\d\d)$') {
        return [DateTimeOffset]::Parse($Cell, [cultureinfo]::InvariantCulture)
    }
    $null
}

<#
.SYNOPSIS
    True when a CSV cell spells the logical value: a missing value, True/False, comma-joined ids, the same number, the
    same instant (formula, ISO UTC or ISO with an offset), or the same text.
#>
function Test-CellSpelling {
    param([string] $Cell, $Logical)
    if ($null -eq $Logical) { return $Cell -cin $MissingSpellings }
    if ($Logical -is [bool]) { return $Cell -ceq ($Logical ? 'True' : 'False') }
    if ($Logical -is [array]) { return $Cell -ceq ($Logical -join ',') }
    if ($Logical -is [ValueType]) {
        $number = 0.0
        return [double]::TryParse($Cell, [System.Globalization.NumberStyles]::Float, [cultureinfo]::InvariantCulture, [ref] $number) -and $number -eq [double]$Logical
    }
    if ($Logical -match '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$') {
        $date = ConvertFrom-CellDate $Cell
        return $null -ne $date -and $date.UtcDateTime -eq [DateTimeOffset]::Parse($Logical, [cultureinfo]::InvariantCulture).UtcDateTime
    }
    $Cell -ceq $Logical
}

<#
.SYNOPSIS
    Every cell of a parsed CSV against the server's logical rows, matched by column name; returns what disagrees.
    "new_metric" is compared with each row's "extra" object.
#>
function Compare-CsvWithRow {
    param([Parameter(Mandatory)] $Csv, [Parameter(Mandatory)] [AllowEmptyCollection()] [object[]] $Row)
    if ($Csv.Rows.Count -ne $Row.Count) { return "the file has $($Csv.Rows.Count) rows, the server $($Row.Count)" }
    $known = @($Row[0].PSObject.Properties.Name | Where-Object { $_ -ne 'extra' })
    $unknown = @($Csv.Header | Where-Object { $_ -notin $known })
    if ($unknown -and -not ($unknown.Count -eq 1 -and $unknown[0] -eq 'new_metric')) { return "unexpected columns: $($unknown -join ', ')" }
    $absent = @($known | Where-Object { $_ -notin $Csv.Header })
    if ($absent) { return "columns missing from the file: $($absent -join ', ')" }
    for ($r = 0; $r -lt $Row.Count; $r++) {
        $cells = $Csv.Rows[$r]
        if ($cells.Count -ne $Csv.Header.Count) { "row $r has $($cells.Count) cells for $($Csv.Header.Count) columns"; continue }
        for ($c = 0; $c -lt $cells.Count; $c++) {
            $name = $Csv.Header[$c]
            $logical = $name -eq 'new_metric' ? $Row[$r].extra.new_metric : $Row[$r].$name
            if (-not (Test-CellSpelling $cells[$c] $logical)) { "row $r, ${name}: file '$($cells[$c])', server '$logical'" }
        }
    }
}

<#
.SYNOPSIS
    Downloads a completed export and parses each of its CSVs (a zip's entries, or the one file), with the table the
    server's description says it holds.
#>
function Get-ExportCsv {
    param([Parameter(Mandatory)] $Export)
    $download = Get-TestDownload $Export.DataUrl
    if ($download.Response.StatusCode -ne 200) { throw "Download answered $($download.Response.StatusCode)" }
    $tableOf = @{}
    foreach ($entry in $Export.Admin.entries) { $tableOf[$entry.name] = $entry.table }
    $files = if ($download.Response.Headers['Content-Type'] -match 'zip') {
        Read-ZipEntry $download.Bytes | Where-Object { -not $_.Name.EndsWith('/') }
    }
    else {
        [pscustomobject]@{ Name = $Export.Admin.fileName; Bytes = $download.Bytes }
    }
    foreach ($file in $files) {
        [pscustomobject]@{ Name = $file.Name; Table = $tableOf[$file.Name]; Bytes = $file.Bytes; Csv = ConvertFrom-RawCsv $file.Bytes }
    }
}
