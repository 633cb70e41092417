# Build gridboard for Windows: the one-folder bundle, a portable .zip and the Inno Setup installer.
# UNTESTED: written and reviewed on Linux; no Windows machine was available to run it.
#
# Needs: Python 3.11 x64 (the `py` launcher), Inno Setup 6 (ISCC.exe) for the installer.
# Run from any folder:  powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
# Output: build\dist\gridboard\ (gridboard.exe, gridboard-cli.exe), build\gridboard-VERSION-portable.zip,
#         build\gridboard-VERSION-setup.exe
$ErrorActionPreference = "Stop"
$Root = (Resolve-Path "$PSScriptRoot\..\..").Path
Set-Location $Root

$Venv = "build\venv-win"
if (-not (Test-Path "$Venv\Scripts\python.exe")) { py -3.11 -m venv $Venv }
$Python = "$Venv\Scripts\python.exe"
& $Python -m pip install --upgrade pip
& $Python -m pip install -e ".[packaging]"
if ($LASTEXITCODE -ne 0) { throw "pip install failed" }

& $Python -m PyInstaller --noconfirm --distpath build\dist --workpath build\pyinstaller packaging\gridboard.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }
$Version = (& $Python -c "import gridboard; print(gridboard.__version__)").Trim()
$Bundle = "build\dist\gridboard"

# The bundle must start with nothing else on PATH.
$env:QT_QPA_PLATFORM = "offscreen"
& "$Bundle\gridboard-cli.exe" --version
if ($LASTEXITCODE -ne 0) { throw "the bundle does not start" }
Remove-Item Env:\QT_QPA_PLATFORM
$Size = (Get-ChildItem $Bundle -Recurse | Measure-Object -Property Length -Sum).Sum / 1MB
Write-Host ("bundle: {0} ({1:N1} MB)" -f $Bundle, $Size)

# Portable: the same folder with the marker file beside gridboard.exe, zipped for a USB stick.
$Portable = "build\portable\gridboard"
if (Test-Path "build\portable") { Remove-Item -Recurse -Force "build\portable" }
New-Item -ItemType Directory -Force "build\portable" | Out-Null
Copy-Item -Recurse $Bundle $Portable
Set-Content -Path "$Portable\portable.txt" -Value "gridboard keeps its settings, log and demo file in gridboard-data beside this file." -Encoding UTF8
$Zip = "build\gridboard-$Version-portable.zip"
if (Test-Path $Zip) { Remove-Item $Zip }
Compress-Archive -Path $Portable -DestinationPath $Zip
Write-Host "portable: $Zip"

# The installer (Start menu entry, .gridboard association, uninstaller that leaves users' files).
$Iscc = @("${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe", "$env:ProgramFiles\Inno Setup 6\ISCC.exe") |
  Where-Object { Test-Path $_ } | Select-Object -First 1
if (-not $Iscc) { Write-Warning "Inno Setup 6 not found: the installer was not built"; exit 0 }
& $Iscc "/DAppVersion=$Version" "/DRoot=$Root" packaging\windows\gridboard.iss
if ($LASTEXITCODE -ne 0) { throw "ISCC failed" }
Write-Host "installer: build\gridboard-$Version-setup.exe"
