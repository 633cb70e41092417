"""Before the window: --version, and plain words naming the packages a fresh desktop lacks."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import gridboard
from gridboard import cli, startup
from gridboard.models.schema import known_migration_names

ROOT = Path(__file__).resolve().parent.parent
# Always on a Debian/UOS/Kylin desktop (essential packages), or carried by PySide6's wheel itself.
ALWAYS_THERE = re.compile(
    r"^(libc|libm|libdl|libpthread|librt|ld-linux.*|libgcc_s|libstdc\+\+|libz|libzstd|libicu\w+|libQt6\w+|"
    r"libpyside6\w*|libshiboken6\w*)\.so"
)


def qt_lib_folder() -> Path:
    import PySide6

    return Path(PySide6.__file__).parent / "Qt"


def needed(binary: Path) -> set[str]:
    out = subprocess.run(["readelf", "-d", str(binary)], capture_output=True, text=True, check=True).stdout
    return set(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out))


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or not shutil.which("readelf"), reason="needs Linux and readelf"
)
def test_the_table_names_every_system_library_the_window_needs() -> None:
    qt = qt_lib_folder()
    binaries = [
        qt / "plugins" / "platforms" / "libqxcb.so",
        qt / "lib" / "libQt6XcbQpa.so.6",
        qt / "lib" / "libQt6Gui.so.6",
        qt / "lib" / "libQt6Widgets.so.6",
        qt / "lib" / "libQt6Core.so.6",
    ]
    wanted = set().union(*(needed(b) for b in binaries))
    system = {name for name in wanted if not ALWAYS_THERE.match(name)}
    assert system - set(startup.LIBRARIES) == set(), (
        "add these to startup.LIBRARIES with their Debian package"
    )
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9.+-]+", package) for package in startup.LIBRARIES.values())


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or not shutil.which("ldd"), reason="needs Linux and ldd"
)
def test_the_check_finds_what_the_dynamic_loader_cannot() -> None:
    plugin = qt_lib_folder() / "plugins" / "platforms" / "libqxcb.so"
    out = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=True).stdout
    not_found = set(re.findall(r"^\s*(\S+) => not found", out, re.MULTILINE))
    missing = startup.missing_libraries()
    # Whatever this machine lacks (on a bare one: libxcb-icccm4, libxcb-keysyms1...), both agree.
    assert not_found <= set(missing)
    assert set(missing) <= not_found | {n for n in startup.LIBRARIES if n not in out}


def test_missing_libraries_are_named_with_their_packages() -> None:
    lacking = startup.missing_libraries(
        loadable=lambda soname: soname not in {"libxcb-cursor.so.0", "libxcb-icccm.so.4"}
    )
    assert lacking == {"libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-icccm.so.4": "libxcb-icccm4"}
    text = startup.window_problem({"DISPLAY": ":0"}, "linux", missing=lambda: lacking)
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4" in text
    assert "libxcb-cursor.so.0" in text and "plugin" not in text


def test_nothing_in_the_way_means_no_message() -> None:
    assert startup.window_problem({"DISPLAY": ":0"}, "linux", missing=dict) is None
    # Other platforms than X11 are not checked: offscreen, Wayland, Windows.
    for env, platform in (
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux"),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux"),
        ({}, "win32"),
    ):
        assert startup.window_problem(env, platform, missing=lambda: {"libxcb.so.1": "libxcb1"}) is None


def test_no_desktop_session_is_said_plainly() -> None:
    text = startup.window_problem({}, "linux", missing=dict)
    assert "DISPLAY is not set" in text and "gridboard check" in text


def test_a_pyside_import_error_names_the_package() -> None:
    error = ImportError("libEGL.so.1: cannot open shared object file: No such file or directory")
    assert "sudo apt install libegl1" in startup.import_problem(error)
    assert startup.import_problem(ImportError("No module named 'gridboard.nothing'")) is None


def test_the_app_command_prints_the_packages_and_stops(monkeypatch, capsys) -> None:
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(startup, "missing_libraries", lambda: {"libxkbcommon-x11.so.0": "libxkbcommon-x11-0"})
    assert cli.main([]) == 1
    err = capsys.readouterr().err
    assert "sudo apt install libxkbcommon-x11-0" in err


def test_version_is_one_number(capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main(["--version"])
    assert exit_.value.code == 0
    names = known_migration_names()
    assert capsys.readouterr().out.strip() == (
        f"gridboard {gridboard.__version__} (file format {len(names)}: {names[-1]})"
    )
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    # pyproject takes the number from gridboard/__init__.py: written once.
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "gridboard.__version__"}
    assert re.fullmatch(r"\d+\.\d+\.\d+", gridboard.__version__)


def test_what_the_bundle_leaves_out_is_never_imported(tmp_path: Path) -> None:
    """Every module the spec excludes blocked, the whole program still imports: a missing module in
    the bundle is found here in seconds, not after a build (pyqtgraph needs QtOpenGL, for one)."""
    import ast

    spec = ast.parse((ROOT / "packaging" / "gridboard.spec").read_text(encoding="utf-8"))
    excludes = next(
        ast.literal_eval(node.value)
        for node in spec.body
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "excludes" for t in node.targets)
    )
    probe = tmp_path / "probe.py"
    probe.write_text(
        f"""
import importlib, importlib.abc, sys
BLOCKED = {excludes!r}
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if any(name == b or name.startswith(b + ".") for b in BLOCKED):
            raise ModuleNotFoundError(name)
sys.meta_path.insert(0, Block())
from gridboard import cli
for name in cli.COMMAND_MODULES:
    importlib.import_module(name)
from gridboard.ui import main_window, app, about
from gridboard.ui import features
for spec in main_window.FEATURES:
    features.load(spec)
import pyqtgraph.exporters
print("imported")
""",
        encoding="utf-8",
    )
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, str(probe)], capture_output=True, text=True, cwd=ROOT, env=env)
    assert done.returncode == 0 and "imported" in done.stdout, done.stderr[-3000:]
