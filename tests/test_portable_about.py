"""Portable mode (a marker beside the program keeps everything beside it), the icon and the About box."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import save_screenshot
from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QPlainTextEdit

from gridboard import __version__, logs, paths
from gridboard.models.schema import known_migration_names


@pytest.fixture
def portable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A program folder with the marker beside the executable, as on a USB stick."""
    program = tmp_path / "stick" / "gridboard"
    program.mkdir(parents=True)
    (program / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    monkeypatch.setattr(paths, "program_folder", lambda: program)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)  # use_portable_places sets it; put it back after
    yield program
    # Later tests' QSettings() must not keep writing to this folder.
    QSettings.setDefaultFormat(QSettings.Format.NativeFormat)
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "after"))


def test_without_the_marker_the_data_folder_is_the_users(tmp_path: Path) -> None:
    assert paths.portable_folder(tmp_path) is None
    assert paths.data_folder(tmp_path) == paths.user_data_folder()
    assert paths.settings_folder(tmp_path) is None
    (tmp_path / "portable.txt").write_text("", encoding="utf-8")
    assert paths.data_folder(tmp_path) == tmp_path / "gridboard-data"
    assert paths.settings_folder(tmp_path) == tmp_path / "gridboard-data" / "settings"


def test_the_users_folder_is_where_qt_put_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Computed without Qt, but the same folder Qt's AppDataLocation gave, so old demo files and
    logs are found."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    QCoreApplication.setOrganizationName("gridboard")
    QCoreApplication.setApplicationName("gridboard")
    qt = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    assert paths.user_data_folder() == qt
    assert paths.user_data_folder({"APPDATA": r"C:\Users\li\AppData\Roaming"}, "win32") == Path(
        r"C:\Users\li\AppData\Roaming", "gridboard", "gridboard"
    )
    assert paths.user_data_folder({"HOME": "/home/li", "XDG_DATA_HOME": "relative"}, "linux") == Path(
        "/home/li/.local/share/gridboard/gridboard"
    )


def test_a_portable_copy_keeps_settings_log_and_demo_beside_itself(gui, portable: Path, qtbot) -> None:
    from gridboard.ui.app import AppController, data_folder, make_application

    make_application()  # as at start: puts QSettings on the stick
    data = portable / "gridboard-data"
    assert data_folder() == data
    QSettings().setValue("language", "zh_CN")
    QSettings().sync()
    ini = data / "settings" / "gridboard" / "gridboard.ini"
    assert ini.is_file() and "language=zh_CN" in ini.read_text(encoding="utf-8")
    # Qt's own settings (the file dialog's history) go there too, not to ~/.config/QtProject.conf.
    qt_own = QSettings(QSettings.Scope.UserScope, "QtProject")
    qt_own.setValue("probe", 1)
    qt_own.sync()
    assert Path(qt_own.fileName()).parent == data / "settings"
    if sys.platform.startswith("linux"):
        import os

        assert os.environ["XDG_CACHE_HOME"] == str(data / "cache")
    assert AppController().demo_path().parent == data
    logs.shutdown()
    try:
        assert logs.configure(data_folder()) == data / "gridboard.log"
    finally:
        logs.shutdown()


def test_the_window_has_our_icon(gui) -> None:
    icon = QApplication.windowIcon()
    assert not icon.isNull()
    sizes = {size.width() for size in icon.availableSizes()}
    assert {16, 32, 48, 256} <= sizes


def test_help_about_shows_version_format_data_folder_and_licences(window, qtbot) -> None:
    """Help → 关于 as a user opens it: the box is modal, so it is looked at while it is up."""
    from PySide6.QtGui import QAction

    seen: dict[str, object] = {}

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        seen["dialog"] = dialog
        seen["labels"] = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
        licences = dialog.findChild(QListWidget, "licenceList")
        seen["names"] = [licences.item(i).text() for i in range(licences.count())]
        row = next(i for i, name in enumerate(seen["names"]) if name.startswith("Noto Sans CJK SC"))
        licences.setCurrentRow(row)
        seen["font_text"] = dialog.findChild(QPlainTextEdit, "licenceText").toPlainText()
        row = next(i for i, name in enumerate(seen["names"]) if name.startswith("PySide6"))
        licences.setCurrentRow(row)
        seen["qt_text"] = dialog.findChild(QPlainTextEdit, "licenceText").toPlainText()
        seen["shot"] = save_screenshot(dialog, "about")
        dialog.reject()

    action = window.findChild(QAction, "actionAbout")
    assert action.text() == "关于 gridboard(&A)" or "关于" in action.text()
    QTimer.singleShot(0, look)
    action.trigger()
    labels = seen["labels"]
    names = known_migration_names()
    assert labels["about_version"] == __version__
    assert labels["about_format"] == f"第 {len(names)} 版（{names[-1]}）"
    assert labels["about_file"] == f"格式 {len(names)}/{len(names)}"
    assert labels["about_data"] == str(paths.data_folder())
    assert "网格党员联系户结对看板" in labels["aboutTitle"]
    assert any(n.startswith("Python ") for n in seen["names"]) and any(
        n.startswith("SQLite") for n in seen["names"]
    )
    assert "SIL OPEN FONT LICENSE" in seen["font_text"]
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in seen["qt_text"]


def test_every_bundled_licence_has_its_text() -> None:
    from gridboard.ui.about import bundled_licences

    licences = bundled_licences()
    assert {"gridboard", "Python", "SQLite", "PySide6_Essentials", "shiboken6", "pyqtgraph", "numpy"} <= {
        licence.name for licence in licences
    }
    for licence in licences:
        assert len(licence.text()) > 100, licence.name
