@echo off
rem Build gridboard for Windows (see build.ps1; UNTESTED here). Double-click or run from cmd.
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0build.ps1"
if errorlevel 1 pause
