# Dot-sourced by every test file's BeforeAll: imports the build under test and the local server's helpers.
$manifest = $env:MQA_TEST_MODULE_MANIFEST
if (-not $manifest) {
    $version = (Import-PowerShellDataFile (Join-Path $PSScriptRoot '../../MaestroQA.PowerShell.psd1')).ModuleVersion
    $manifest = Join-Path $PSScriptRoot "../../out/MaestroQA.PowerShell/$version/MaestroQA.PowerShell.psd1"
}
$flavor = if ($env:MQA_TEST_FLAVOR) { $env:MQA_TEST_FLAVOR } else { 'Core' }
Import-Module $manifest -ArgumentList $flavor -Force -ErrorAction Stop
Import-Module (Join-Path $PSScriptRoot '../Shared/MockServer.psm1') -Force -ErrorAction Stop
