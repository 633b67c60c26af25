<#
.SYNOPSIS
  Writes this PC's update and antivirus facts into the Kokoroe Mail Guard extension policy
  (Chrome and Edge, HKLM), so the extension can tell staff plainly what is out of date.

.DESCRIPTION
  Run by a scheduled task as SYSTEM (see kokoroe-posture-task.xml). Reads:
    - Microsoft Defender: Get-MpComputerStatus (AntivirusSignatureLastUpdated, AMServiceEnabled,
      AntivirusEnabled, RealTimeProtectionEnabled);
    - when Defender is not the active antivirus: Windows Security Center (root/SecurityCenter2);
    - the last installed OS update: Windows Update history (Microsoft.Update.Session), falling back
      to Get-HotFix InstalledOn. Antivirus definition updates and the malicious software removal
      tool are not counted as OS updates.
  Writes, under HKLM:\SOFTWARE\Policies\<browser>\3rdparty\extensions\<id>\policy\posture:
      osPatchedAt, avDefinitionsUpdatedAt, factsUpdatedAt (REG_SZ, ISO-8601 UTC)
      avEnabled, realTimeProtectionEnabled (REG_DWORD 0/1)
  Chrome reads a registry subkey as a nested object and converts REG_DWORD 0/1 to false/true
  against the extension's managed_schema.json.

  Defensive by design: a fact it cannot read is removed (absent), never guessed; nothing here
  throws out of the script. Only the fact values are touched: limits such as posture.mode set by
  Group Policy in the same key are left alone.

.PARAMETER ChromeExtensionId
  Id(s) of the extension in Google Chrome (32 letters a-p, see chrome://extensions).
.PARAMETER EdgeExtensionId
  Id(s) of the extension in Microsoft Edge (see edge://extensions).
.PARAMETER TrustSecurityCenterUpToDate
  With a third-party antivirus (no Defender signature date), write avDefinitionsUpdatedAt as "now"
  when Windows Security Center reports the definitions as up to date. Off by default.
.PARAMETER OutFile
  Also write the facts as a policy JSON document ({"posture": {...}}) to this path, for
  `npm run posture -- --policy <file>`.
.PARAMETER NoRegistry
  Do not write the registry (use with -OutFile to try the script safely).

.EXAMPLE
  powershell.exe -NoProfile -ExecutionPolicy Bypass -File .\Write-KokoroePosture.ps1 `
    -ChromeExtensionId abcdefghijklmnopabcdefghijklmnop -EdgeExtensionId abcdefghijklmnopabcdefghijklmnop
#>
[CmdletBinding()]
param(
  [string[]] $ChromeExtensionId = @(),
  [string[]] $EdgeExtensionId = @(),
  [switch] $TrustSecurityCenterUpToDate,
  [string] $OutFile,
  [switch] $NoRegistry
)

Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'

# Registry roots of the browsers' 3rdparty extension policy.
$ChromePolicyRoot = 'HKLM:\SOFTWARE\Policies\Google\Chrome\3rdparty\extensions'
$EdgePolicyRoot = 'HKLM:\SOFTWARE\Policies\Microsoft\Edge\3rdparty\extensions'

# KB numbers that are not OS patches: Defender definitions and platform, the old MSE
# definitions, and the monthly malicious software removal tool.
$NotOsUpdateKbs = @('KB2267602', 'KB2461484', 'KB4052623', 'KB890830', 'KB915597')

function Write-Log([string] $Message) {
  Write-Output ("[kokoroe-posture] {0}" -f $Message)
}

function ConvertTo-IsoUtc([object] $Value, [switch] $AssumeUtc) {
  # Returns yyyy-MM-ddTHH:mm:ssZ, or $null for anything that is not a plausible date.
  if ($null -eq $Value) { return $null }
  try {
    $date = [datetime] $Value
  } catch {
    return $null
  }
  if ($date.Year -lt 2000) { return $null }
  if ($AssumeUtc -and $date.Kind -ne [System.DateTimeKind]::Utc) {
    $date = [datetime]::SpecifyKind($date, [System.DateTimeKind]::Utc)
  }
  return $date.ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ', [System.Globalization.CultureInfo]::InvariantCulture)
}

function Test-ExtensionId([string] $Id) {
  return $Id -cmatch '^[a-p]{32}$'
}

function Get-DefenderFacts {
  $facts = @{}
  try {
    $mp = Get-MpComputerStatus -ErrorAction Stop
  } catch {
    Write-Log 'Microsoft Defender status not available.'
    return $facts
  }
  # AMRunningMode exists on recent Defender platforms only (strict mode forbids reading a missing one).
  $running = ''
  if ($mp.PSObject.Properties['AMRunningMode']) { $running = [string] $mp.AMRunningMode }
  if ($running -and $running -notmatch '^Normal') {
    # Passive or disabled: another antivirus is active; Security Center speaks for it.
    Write-Log ("Defender running mode: {0}" -f $running)
    return $facts
  }
  $facts['avEnabled'] = [bool] ($mp.AMServiceEnabled -and $mp.AntivirusEnabled)
  $facts['realTimeProtectionEnabled'] = [bool] $mp.RealTimeProtectionEnabled
  $signature = ConvertTo-IsoUtc $mp.AntivirusSignatureLastUpdated
  if ($signature) { $facts['avDefinitionsUpdatedAt'] = $signature }
  return $facts
}

function Get-SecurityCenterFacts {
  # Windows Security Center (client editions only). productState: the second byte is the
  # on/off state (0x10 = on), the third the definitions state (0x00 = up to date).
  $facts = @{}
  try {
    $products = @(Get-CimInstance -Namespace 'root/SecurityCenter2' -ClassName AntiVirusProduct -ErrorAction Stop)
  } catch {
    return $facts
  }
  foreach ($product in $products) {
    $state = [int] $product.productState
    $on = (($state -shr 8) -band 0xFF) -eq 0x10
    $upToDate = ($state -band 0xFF) -eq 0x00
    if ($on) {
      $facts['avEnabled'] = $true
      $facts['realTimeProtectionEnabled'] = $true
      if ($upToDate -and $TrustSecurityCenterUpToDate) {
        $facts['avDefinitionsUpdatedAt'] = ConvertTo-IsoUtc ([datetime]::UtcNow) -AssumeUtc
      }
      return $facts
    }
  }
  if ($products.Count -gt 0) {
    $facts['avEnabled'] = $false
    $facts['realTimeProtectionEnabled'] = $false
  }
  return $facts
}

function Get-LastOsUpdate {
  # Windows Update history first: it has exact times. History dates are UTC.
  try {
    $session = New-Object -ComObject 'Microsoft.Update.Session'
    $searcher = $session.CreateUpdateSearcher()
    $total = $searcher.GetTotalHistoryCount()
    if ($total -gt 0) {
      $latest = $null
      foreach ($entry in $searcher.QueryHistory(0, [Math]::Min($total, 300))) {
        # Operation 1 = installation; ResultCode 2 = succeeded, 3 = succeeded with errors.
        if ($entry.Operation -ne 1) { continue }
        if ($entry.ResultCode -ne 2 -and $entry.ResultCode -ne 3) { continue }
        $title = [string] $entry.Title
        $skip = $false
        foreach ($kb in $NotOsUpdateKbs) { if ($title -match [regex]::Escape($kb)) { $skip = $true } }
        if ($skip) { continue }
        if ($null -eq $latest -or $entry.Date -gt $latest) { $latest = $entry.Date }
      }
      if ($null -ne $latest) { return ConvertTo-IsoUtc $latest -AssumeUtc }
    }
  } catch {
    Write-Log 'Windows Update history not available; trying Get-HotFix.'
  }
  try {
    $dates = @(Get-HotFix -ErrorAction Stop | Where-Object { $null -ne $_.InstalledOn -and $NotOsUpdateKbs -notcontains $_.HotFixID } | ForEach-Object { $_.InstalledOn })
    if ($dates.Count -gt 0) {
      # InstalledOn is a local calendar date without a time.
      return ConvertTo-IsoUtc (($dates | Sort-Object -Descending)[0])
    }
  } catch {
    Write-Log 'Get-HotFix not available.'
  }
  return $null
}

function Set-PostureValues([string] $Key, [hashtable] $Facts) {
  if (-not (Test-Path -LiteralPath $Key)) {
    # Creating only when missing: New-Item -Force on an existing key would drop its values.
    New-Item -Path $Key -Force | Out-Null
  }
  foreach ($name in @('osPatchedAt', 'avDefinitionsUpdatedAt', 'factsUpdatedAt')) {
    if ($Facts.ContainsKey($name) -and $Facts[$name]) {
      New-ItemProperty -LiteralPath $Key -Name $name -PropertyType String -Value ([string] $Facts[$name]) -Force | Out-Null
    } else {
      Remove-ItemProperty -LiteralPath $Key -Name $name -ErrorAction SilentlyContinue
    }
  }
  foreach ($name in @('avEnabled', 'realTimeProtectionEnabled')) {
    if ($Facts.ContainsKey($name)) {
      $dword = if ($Facts[$name]) { 1 } else { 0 }
      New-ItemProperty -LiteralPath $Key -Name $name -PropertyType DWord -Value $dword -Force | Out-Null
    } else {
      Remove-ItemProperty -LiteralPath $Key -Name $name -ErrorAction SilentlyContinue
    }
  }
}

# --- collect ---------------------------------------------------------------------------------
$facts = @{}
$defender = Get-DefenderFacts
foreach ($k in $defender.Keys) { $facts[$k] = $defender[$k] }
if (-not $facts.ContainsKey('avEnabled') -or -not $facts['avEnabled']) {
  $center = Get-SecurityCenterFacts
  foreach ($k in $center.Keys) { $facts[$k] = $center[$k] }
}
$osPatchedAt = Get-LastOsUpdate
if ($osPatchedAt) { $facts['osPatchedAt'] = $osPatchedAt }
$facts['factsUpdatedAt'] = ConvertTo-IsoUtc ([datetime]::UtcNow) -AssumeUtc

# --- write -----------------------------------------------------------------------------------
$exitCode = 0
if (-not $NoRegistry) {
  $targets = @()
  foreach ($id in $ChromeExtensionId) { $targets += , @($ChromePolicyRoot, $id) }
  foreach ($id in $EdgeExtensionId) { $targets += , @($EdgePolicyRoot, $id) }
  if ($targets.Count -eq 0) { Write-Log 'No extension id given (-ChromeExtensionId / -EdgeExtensionId): nothing written.' }
  foreach ($target in $targets) {
    $root = $target[0]
    $id = $target[1]
    if (-not (Test-ExtensionId $id)) {
      Write-Log ("Not an extension id, skipped: {0}" -f $id)
      $exitCode = 1
      continue
    }
    $key = Join-Path (Join-Path (Join-Path $root $id) 'policy') 'posture'
    try {
      Set-PostureValues -Key $key -Facts $facts
      Write-Log ("Wrote {0}" -f $key)
    } catch {
      Write-Log ("Could not write {0}: {1}" -f $key, $_.Exception.Message)
      $exitCode = 1
    }
  }
}

if ($OutFile) {
  try {
    $doc = @{ posture = $facts } | ConvertTo-Json -Depth 4
    [System.IO.File]::WriteAllText($OutFile, $doc, (New-Object System.Text.UTF8Encoding($false)))
    Write-Log ("Wrote {0}" -f $OutFile)
  } catch {
    Write-Log ("Could not write {0}: {1}" -f $OutFile, $_.Exception.Message)
    $exitCode = 1
  }
}

exit $exitCode
