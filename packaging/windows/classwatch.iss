; Inno Setup script: a per-user installer for the bundle tools/build_bundle.py makes.
;   python tools\build_bundle.py
;   iscc /DAppVersion=0.1.0 packaging\windows\classwatch.iss    -> dist\ClassWatch-0.1.0-setup.exe
; No administrator rights: installs under %LOCALAPPDATA%\Programs. The data dir
; (%LOCALAPPDATA%\ClassWatch: the database, config.json, the log) is never
; touched by the uninstaller: a reinstall finds every school and every push.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define Root "..\.."

[Setup]
AppId={{6B3C0E52-3F7D-4B0E-9C4E-2A1D7C5E8F10}
AppName=ClassWatch
AppVersion={#AppVersion}
AppPublisher=ClassWatch
DefaultDirName={autopf}\ClassWatch
DefaultGroupName=ClassWatch
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DisableProgramGroupPage=yes
OutputDir={#Root}\dist
OutputBaseFilename=ClassWatch-{#AppVersion}-setup
SetupIconFile={#Root}\resources\icons\classwatch.ico
UninstallDisplayIcon={app}\ClassWatch.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesInstallIn64BitMode=x64compatible
ArchitecturesAllowed=x64compatible

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "zh"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Root}\dist\ClassWatch\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\ClassWatch"; Filename: "{app}\ClassWatch.exe"; IconFilename: "{app}\ClassWatch.exe"
Name: "{group}\ClassWatch demo"; Filename: "{app}\ClassWatch.exe"; Parameters: "--demo"
Name: "{group}\{cm:UninstallProgram,ClassWatch}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\ClassWatch"; Filename: "{app}\ClassWatch.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\ClassWatch.exe"; Description: "{cm:LaunchProgram,ClassWatch}"; Flags: nowait postinstall skipifsilent

; [UninstallDelete] deliberately lists nothing outside {app}: the data dir stays.
