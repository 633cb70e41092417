; Inno Setup 6 script for gridboard on Windows (x64). UNTESTED: no Windows machine was available.
; Built by build.ps1:  ISCC /DAppVersion=0.1.0 /DRoot=C:\path\to\gridboard packaging\windows\gridboard.iss
; Installs for the current user by default (no administrator needed; an office PC often has none),
; or for all users when run as administrator. Uninstalling removes only what was installed: files,
; settings, logs and backups in users' folders (%APPDATA%\gridboard, wherever .gridboard files are) stay.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef Root
  #define Root "..\.."
#endif

[Setup]
AppId={{6F1D2C3A-5B8E-4E71-9A0C-2D6B7E9F4A10}
AppName=网格党员联系户结对看板
AppVersion={#AppVersion}
AppVerName=网格党员联系户结对看板 {#AppVersion}
AppPublisher=gridboard
DefaultDirName={autopf}\gridboard
DefaultGroupName=网格党员联系户结对看板
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\build
OutputBaseFilename=gridboard-{#AppVersion}-setup
SetupIconFile={#Root}\resources\icons\gridboard.ico
UninstallDisplayIcon={app}\gridboard.exe
Compression=lzma2/max
SolidCompression=yes
ChangesAssociations=yes
WizardStyle=modern

[Languages]
; ChineseSimplified.isl ships with recent Inno Setup 6 releases; with an older one, take it from the
; Inno Setup translations page into the Languages folder, or drop this line for English only.
Name: "chs"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#Root}\build\dist\gridboard\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\网格党员联系户结对看板"; Filename: "{app}\gridboard.exe"
Name: "{autodesktop}\网格党员联系户结对看板"; Filename: "{app}\gridboard.exe"; Tasks: desktopicon

[Registry]
; The .gridboard file type: a double-click opens it (HKA = per user or all users, as installed).
Root: HKA; Subkey: "Software\Classes\.gridboard"; ValueType: string; ValueName: ""; ValueData: "gridboard.file"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\gridboard.file"; ValueType: string; ValueName: ""; ValueData: "网格党员联系户结对看板文件"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\gridboard.file\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\gridboard.exe,0"
Root: HKA; Subkey: "Software\Classes\gridboard.file\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\gridboard.exe"" ""%1"""

[Run]
Filename: "{app}\gridboard.exe"; Description: "{cm:LaunchProgram,网格党员联系户结对看板}"; Flags: nowait postinstall skipifsilent
