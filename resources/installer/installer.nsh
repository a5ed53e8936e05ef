; What the NSIS installer writes for every user of the machine, and removes on uninstall:
; - the mescertif: scheme for mail links. electron-builder's `protocols` key only reaches macOS'
;   Info.plist: its NSIS templates write no URL scheme, and Electron's app.setAsDefaultProtocolClient
;   writes HKCU for one user only, left behind by an uninstall (the packaged kiosk therefore does not
;   call it: shell/scheme-registration.ts);
; - the kiosk's start at sign-in (HKLM ...\Run), so a kiosk starts again after a reboot, and after a
;   silent update (which closes it) at the next sign-in; `/S --force-run` starts it at once
;   (templates/nsis/installSection.nsh, isForceRun). Shell Launcher runs the Run keys too, before
;   its own shell: the kiosk started from here steps aside for Shell Launcher's (--supervised,
;   electron/main/shell/supervision.ts; docs/deployment.md, §11).
; electron-builder inserts customInstall at the end of its install section (templates/nsis/
; installSection.nsh, after $appExe is set) and customUnInstall at the start of the uninstaller.
; The installer is per machine (nsis.perMachine), so HKLM is right; the templates set the 64-bit
; registry view (common.nsh, check64BitAndSetRegView).

!macro customInstall
  WriteRegStr HKLM "Software\Classes\mescertif" "" "URL:MesCertif mail link"
  WriteRegStr HKLM "Software\Classes\mescertif" "URL Protocol" ""
  WriteRegStr HKLM "Software\Classes\mescertif\DefaultIcon" "" "$appExe,0"
  WriteRegStr HKLM "Software\Classes\mescertif\shell\open\command" "" '"$appExe" "%1"'
  WriteRegStr HKLM "Software\Microsoft\Windows\CurrentVersion\Run" "MesCertif Kiosk" '"$appExe"'
!macroend

!macro customUnInstall
  ; An update runs the old uninstaller first: keep what the new version rewrites anyway.
  ${ifNot} ${isUpdated}
    DeleteRegKey HKLM "Software\Classes\mescertif"
    DeleteRegValue HKLM "Software\Microsoft\Windows\CurrentVersion\Run" "MesCertif Kiosk"
  ${endIf}
!macroend
