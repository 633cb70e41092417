"""The office's copy: build the one-folder bundle and the .deb, install the .deb into a scratch root
and run the bundled program from there, with no project, venv or Python on PATH.

Marked `bundle` (and slow): deselected by the normal test command; `.ci/run` runs it after the unit
tests with `-m bundle`. Building takes minutes. Set GRIDBOARD_REUSE_BUNDLE=1 to reuse build/dist and
build/deb from an earlier run while working on this test.

The bundle an office gets is built on an old base (packaging/build_compat.sh: Debian 11, CPython
compiled there, wheels for glibc <= 2.28), so that it starts on UOS V20 (glibc 2.28), Kylin V10 and
Debian 11 (2.31). That needs root and debootstrap; without them (or with GRIDBOARD_BUNDLE=host) the
bundle is built on this machine's own base by build_bundle.sh and the old-base checks are skipped
with the reason. The old-base bundle carries its own SQLite (3.40, Debian 12's; Debian 11 has 3.34,
too old for gridboard's SQL). The .deb is then installed into a bare Debian 11 root
(packaging/make_test_root.sh) and run there with chroot.
"""

from __future__ import annotations

import importlib.util
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import ARTIFACTS

import gridboard
from gridboard import cli
from gridboard.models.store import APPLICATION_ID

pytestmark = [
    pytest.mark.bundle,
    pytest.mark.slow,
    pytest.mark.skipif(
        not sys.platform.startswith("linux") or platform.machine() != "x86_64",
        reason="the bundle and the .deb are built for Linux x86_64",
    ),
    pytest.mark.skipif(
        importlib.util.find_spec("PyInstaller") is None,
        reason='PyInstaller missing: pip install -e ".[packaging]"',
    ),
    pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="dpkg-deb missing: apt-get install dpkg-dev"),
]

ROOT = Path(__file__).resolve().parent.parent
DEB_DIR = ROOT / "build" / "deb"
REUSE = os.environ.get("GRIDBOARD_REUSE_BUNDLE") == "1"
# The oldest glibc among the office desktops the issue names (UOS V20).
GLIBC_TARGET = os.environ.get("GRIDBOARD_GLIBC_TARGET", "2.28")
sys.path.insert(0, str(ROOT / "packaging"))
import glibc_needs  # noqa: E402 - packaging/ is not a package


def old_base_missing() -> str | None:
    """Why the old-base (compat) build and the Debian 11 root cannot be made here, or None."""
    if os.environ.get("GRIDBOARD_BUNDLE", "compat") == "host":
        return "GRIDBOARD_BUNDLE=host: the bundle is built on this machine's base, for its glibc only"
    if os.geteuid() != 0:
        return "the old-base build needs root (debootstrap, chroot)"
    for tool in ("debootstrap", "objdump", "chroot"):
        if shutil.which(tool) is None:
            return f"{tool} missing: apt-get install debootstrap binutils"
    return None


OLD_BASE_MISSING = old_base_missing()
DIST = ROOT / "build" / ("dist" if OLD_BASE_MISSING else "dist-compat")


# gridboard's SQL needs SQLite >= 3.40 (what Debian 12 has; Debian 11's 3.34 fails the demo with
# 'near "UPDATE": syntax error'): the bundle carries its own.
SQLITE_MIN = (3, 40)


def assert_sqlite_new_enough(versions: dict[str, str]) -> dict[str, str]:
    """`gridboard about --json` of a bundled copy: its SQLite is new enough, SQLCipher is carried."""
    assert tuple(int(x) for x in versions["sqlite"].split(".")[:2]) >= SQLITE_MIN, versions
    assert versions["sqlcipher"] and versions["sqlcipher_sqlite"], versions  # protected files work
    assert tuple(int(x) for x in versions["sqlcipher_sqlite"].split(".")[:2]) >= SQLITE_MIN, versions
    return versions


def _run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    kwargs.setdefault("text", True)
    return subprocess.run(cmd, capture_output=True, **kwargs)


@pytest.fixture(scope="module")
def built() -> dict[str, Path | int]:
    """The bundle and the .deb, built by the project's own scripts; sizes written to artifacts."""
    bundle = DIST / "gridboard"
    debs = sorted(DEB_DIR.glob(f"gridboard_{gridboard.__version__}_amd64.deb"))
    timings = {}
    if not (REUSE and (bundle / "gridboard").exists() and debs):
        script = "build_bundle.sh" if OLD_BASE_MISSING else "build_compat.sh"
        started = time.monotonic()
        made = _run(["bash", str(ROOT / "packaging" / script), str(DIST)], cwd=ROOT)
        assert made.returncode == 0, made.stdout + made.stderr[-6000:]
        timings["bundle_seconds"] = round(time.monotonic() - started)
        for old in DEB_DIR.glob("gridboard_*_amd64.deb"):
            old.unlink()
        made = _run(["bash", str(ROOT / "packaging" / "build_deb.sh"), str(bundle), str(DEB_DIR)], cwd=ROOT)
        assert made.returncode == 0, made.stdout + made.stderr
        debs = sorted(DEB_DIR.glob(f"gridboard_{gridboard.__version__}_amd64.deb"))
    assert len(debs) == 1
    sizes = {
        "base": "host" if OLD_BASE_MISSING else f"bullseye, glibc <= {GLIBC_TARGET}",
        **timings,
        "bundle_bytes": sum(
            p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()
        ),
        "bundle_files": sum(1 for p in bundle.rglob("*") if p.is_file()),
        "deb_bytes": debs[0].stat().st_size,
    }
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "packaging-sizes.json").write_text(json.dumps(sizes, indent=1) + "\n", encoding="utf-8")
    print(
        f"\nbundle: {sizes['bundle_bytes'] / 2**20:.1f} MiB in {sizes['bundle_files']} files; "
        f".deb: {sizes['deb_bytes'] / 2**20:.1f} MiB"
    )
    return {"bundle": bundle, "deb": debs[0], **sizes}


@pytest.fixture(scope="module")
def installed(built, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .deb unpacked into a scratch root as dpkg would install it."""
    root = tmp_path_factory.mktemp("root")
    done = _run(["dpkg-deb", "-x", str(built["deb"]), str(root)])
    assert done.returncode == 0, done.stderr
    return root


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """No venv, no project, no Python on PATH: only the system's own folders."""
    env = {
        "HOME": str(home),
        "PATH": "/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "TMPDIR": str(home.parent),
    }
    env.update(extra)
    return env


def test_the_bundle_carries_only_what_it_needs(built) -> None:
    internal = built["bundle"] / "_internal"
    assert (built["bundle"] / "gridboard").is_file()
    names = {p.name for p in internal.iterdir()}
    for unwanted in ("pytest", "_pytest", "pytestqt", "hypothesis", "tkinter", "yaml", "PyInstaller"):
        assert unwanted not in names
    qt = internal / "PySide6"
    modules = {p.name.split(".")[0] for p in qt.glob("Qt*.abi3.so")}
    # What gridboard imports (and pyqtgraph with it), nothing else of PySide6-Essentials.
    assert modules <= {
        "QtCore",
        "QtGui",
        "QtWidgets",
        "QtPrintSupport",
        "QtSvg",
        "QtOpenGL",
        "QtOpenGLWidgets",
    }
    assert {p.name for p in (qt / "Qt" / "translations").iterdir()} == {"qtbase_zh_CN.qm"}
    resources = internal / "resources"
    assert (resources / "fonts" / "NotoSansSC-Subset.otf").is_file()
    assert {p.name for p in (resources / "translations").glob("*.qm")} >= {"core_zh_CN.qm", "about_zh_CN.qm"}
    assert not list((resources / "translations").glob("*.ts"))
    assert (resources / "icons" / "gridboard-256.png").is_file()
    assert (resources / "licenses" / "index.json").is_file()
    assert (qt / "Qt" / "plugins" / "platforms" / "libqxcb.so").is_file()
    assert (qt / "Qt" / "plugins" / "platforms" / "libqoffscreen.so").is_file()


def test_the_deb_installs_under_opt_with_entry_icon_and_file_type(built, installed) -> None:
    info = _run(["dpkg-deb", "-f", str(built["deb"])]).stdout
    fields = dict(re.findall(r"^([\w-]+): (.*)$", info, re.MULTILINE))
    assert fields["Package"] == "gridboard" and fields["Version"] == gridboard.__version__
    assert fields["Architecture"] == "amd64"
    assert "libc6 (>=" in fields["Depends"]
    # Every system library Qt's window needs is carried in the bundle or named in Depends (so a
    # double-click install pulls it in).
    from gridboard.startup import LIBRARIES

    carried = {p.name for p in (built["bundle"] / "_internal").rglob("*.so*")}
    depends = {d.strip().split(" ")[0] for d in fields["Depends"].split(",")}
    for soname, package in LIBRARIES.items():
        assert soname in carried or package in depends, (soname, package)
    # No maintainer scripts: removing the package cannot touch anyone's data.
    control = _run(["dpkg-deb", "--ctrl-tarfile", str(built["deb"])], text=False)
    listing = subprocess.run(["tar", "-t"], input=control.stdout, capture_output=True).stdout.decode()
    assert not re.search(r"(preinst|postinst|prerm|postrm)$", listing, re.MULTILINE), listing

    exe = installed / "opt" / "gridboard" / "gridboard"
    assert exe.is_file() and os.access(exe, os.X_OK)
    link = installed / "usr" / "bin" / "gridboard"
    assert link.is_symlink() and os.readlink(link) == "/opt/gridboard/gridboard"
    desktop = (installed / "usr" / "share" / "applications" / "gridboard.desktop").read_text(encoding="utf-8")
    assert "Name[zh_CN]=网格党员联系户结对看板" in desktop.splitlines()
    assert "MimeType=application/x-gridboard;" in desktop and "Exec=gridboard %f" in desktop
    assert "Icon=gridboard" in desktop
    for size in (16, 32, 48, 64, 128, 256, 512):
        hicolor = installed / "usr" / "share" / "icons" / "hicolor" / f"{size}x{size}"
        assert (hicolor / "apps" / "gridboard.png").is_file()
        assert (hicolor / "mimetypes" / "application-x-gridboard.png").is_file()
    mime = ET.parse(installed / "usr" / "share" / "mime" / "packages" / "gridboard.xml").getroot()
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    kind = mime.find("m:mime-type", ns)
    assert kind.get("type") == "application/x-gridboard"
    assert kind.find("m:glob", ns).get("pattern") == "*.gridboard"
    inner = kind.find("m:magic/m:match/m:match", ns)
    assert inner.get("offset") == "68" and inner.get("value").encode() == APPLICATION_ID.to_bytes(4, "big")


def test_the_installed_program_runs_with_nothing_else(installed, tmp_path: Path) -> None:
    exe = installed / "opt" / "gridboard" / "gridboard"
    home = tmp_path / "home"
    home.mkdir()
    env = clean_env(home)
    assert shutil.which("python", path=env["PATH"]) in (None, "/usr/bin/python")  # not the project's

    version = _run([str(exe), "--version"], env=env, cwd=tmp_path, timeout=120)
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == cli.version_text()
    about = _run([str(exe), "about", "--json"], env=env, cwd=tmp_path, timeout=120)
    assert about.returncode == 0, about.stderr
    versions = assert_sqlite_new_enough(json.loads(about.stdout))
    # Help → About's licence list names the versions this copy carries, not the developer's.
    index = json.loads(
        (exe.parent / "_internal" / "resources" / "licenses" / "index.json").read_text("utf-8")
    )
    listed = {entry["name"]: entry["version"] for entry in index}
    assert listed["Python"] == versions["python"] and listed["SQLite"] == versions["sqlite"], listed
    assert listed["PySide6_Essentials"] == versions["pyside6"] and "sqlcipher3" in listed, listed

    demo = tmp_path / "demo.gridboard"
    made = _run(
        [str(exe), "demo", "--scale", "community", "--out", str(demo), "--quiet"],
        env=env,
        cwd=tmp_path,
        timeout=600,
    )
    assert made.returncode == 0, made.stderr
    assert "4,995 households" in made.stdout or "households" in made.stdout
    # The MIME type's magic: SQLite header, then our application_id at offset 68.
    head = demo.read_bytes()[:72]
    assert head.startswith(b"SQLite format 3\x00") and head[68:72] == b"GRDB"

    check = _run([str(exe), "check", str(demo)], env=env, cwd=tmp_path, timeout=300)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "integrity check ok" in check.stdout and check.stdout.strip().endswith("ok")

    from PySide6.QtGui import QImage

    for name, extra in (("bundle-window", []), ("bundle-about", ["--about"])):
        png = tmp_path / f"{name}.png"
        shot = _run(
            [str(exe), "snapshot", str(demo), "--out", str(png), "--lang", "zh_CN", *extra],
            env=env,
            cwd=tmp_path,
            timeout=300,
        )
        assert shot.returncode == 0, shot.stderr
        image = QImage(str(png))
        assert not image.isNull() and image.width() > 600 and image.height() > 500
        ARTIFACTS.mkdir(exist_ok=True)
        shutil.copy(png, ARTIFACTS / f"{name}.png")
    # A window without a desktop session: plain words, not Qt's plugin error and an abort.
    bare = clean_env(home)
    del bare["QT_QPA_PLATFORM"]
    started = _run([str(exe)], env=bare, cwd=tmp_path, timeout=120)
    assert started.returncode == 1 and "DISPLAY is not set" in started.stderr, started.stderr
    assert "qt.qpa.plugin" not in started.stderr


def test_a_portable_copy_writes_nothing_to_the_pc(installed, tmp_path: Path) -> None:
    """The same folder on a USB stick with portable.txt beside the executable."""
    stick = tmp_path / "stick"
    shutil.copytree(installed / "opt" / "gridboard", stick / "gridboard", symlinks=True)
    exe = stick / "gridboard" / "gridboard"
    (stick / "gridboard" / "portable.txt").write_text("", encoding="utf-8")
    home = tmp_path / "home"
    home.mkdir()
    env = clean_env(home, TMPDIR=str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    demo = stick / "demo.gridboard"
    made = _run(
        [str(exe), "demo", "--scale", "community", "--households", "300", "--out", str(demo), "--quiet"],
        env=env,
        cwd=stick,
        timeout=600,
    )
    assert made.returncode == 0, made.stderr
    shot = _run(
        [str(exe), "snapshot", str(demo), "--out", str(stick / "shot.png")], env=env, cwd=stick, timeout=300
    )
    assert shot.returncode == 0, shot.stderr
    data = stick / "gridboard" / "gridboard-data"
    ini = data / "settings" / "gridboard" / "gridboard.ini"
    assert ini.is_file() and "geometry" in ini.read_text(encoding="utf-8")
    assert (data / "gridboard.log").is_file()
    written = [str(p.relative_to(home)) for p in home.rglob("*")]
    assert written == [], f"written to the PC's home folder: {written}"


def test_no_file_in_the_bundle_needs_a_newer_glibc_than_the_oldest_office_desktop(built) -> None:
    """Every ELF file (objdump -p): no GLIBC_ symbol version newer than UOS V20's glibc 2.28."""
    result = glibc_needs.report(built["bundle"], GLIBC_TARGET)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "packaging-glibc.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(f"\n{result['elf_files']} ELF files in the bundle need glibc >= {result['needs']}")
    assert result["elf_files"] > 100  # the scan saw the bundle's libraries, not an empty folder
    if OLD_BASE_MISSING:
        pytest.skip(
            f"{OLD_BASE_MISSING}; this bundle needs glibc {result['needs']} (old desktops: {GLIBC_TARGET})"
        )
    assert result["too_new"] == {}, result["too_new"]
    info = _run(["dpkg-deb", "-f", str(built["deb"]), "Depends"]).stdout
    assert f"libc6 (>= {result['needs']})" in info


@pytest.fixture(scope="module")
def debian11(built) -> Path:
    """A bare Debian 11 root (glibc 2.31, no Python), the .deb installed in it with dpkg; purged after."""
    if OLD_BASE_MISSING:
        pytest.skip(OLD_BASE_MISSING)
    made = _run(["bash", str(ROOT / "packaging" / "make_test_root.sh")], timeout=1800)
    assert made.returncode == 0, made.stderr
    root = Path(made.stdout.strip().splitlines()[-1])
    mounted = []
    for name, cmd in (("proc", ["mount", "-t", "proc", "proc"]), ("dev", ["mount", "--bind", "/dev"])):
        target = root / name
        if _run(["mountpoint", "-q", str(target)]).returncode != 0:
            done = _run([*cmd, str(target)])
            assert done.returncode == 0, done.stderr
            mounted.append(target)
    shutil.copy(built["deb"], root / "tmp" / "gridboard.deb")
    try:
        # As a double-click install does: apt pulls in what the .deb depends on from Debian 11.
        if not list((root / "var" / "lib" / "apt" / "lists").glob("*_Packages*")):
            done = in_root(root, ["apt-get", "update", "-qq"])
            assert done.returncode == 0, done.stderr
        done = in_root(
            root,
            ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "/tmp/gridboard.deb"],
            DEBIAN_FRONTEND="noninteractive",
        )
        assert done.returncode == 0, done.stdout + done.stderr
        yield root
    finally:
        in_root(root, ["dpkg", "--purge", "gridboard"])
        (root / "tmp" / "gridboard.deb").unlink(missing_ok=True)
        for target in reversed(mounted):
            _run(["umount", "-l", str(target)])


def in_root(root: Path, cmd: list[str], timeout: int = 600, **env: str) -> subprocess.CompletedProcess:
    """cmd in the chroot as the office clerk would run it: their home, the system's PATH, no Python."""
    environment = {"HOME": "/home/office", "PATH": "/usr/bin:/bin:/usr/sbin:/sbin", "LANG": "C.UTF-8", **env}
    return _run(
        ["chroot", str(root), "/usr/bin/env", "-i", *(f"{k}={v}" for k, v in environment.items()), *cmd],
        timeout=timeout,
    )


def test_the_deb_installs_and_runs_on_debian_11(debian11: Path) -> None:
    root = debian11
    libc = in_root(root, ["/usr/bin/ldd", "--version"]).stdout.splitlines()[0]
    assert libc.endswith(" 2.31"), libc
    assert not (root / "usr" / "bin" / "python3").exists()  # nothing but the bundle's own Python
    home = root / "home" / "office"
    for old in home.glob("demo*"):
        old.unlink()
    offscreen = {"QT_QPA_PLATFORM": "offscreen"}

    version = in_root(root, ["gridboard", "--version"], **offscreen)
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == cli.version_text()
    # The bundle's own SQLite, not Debian 11's 3.34 (libsqlite3-0 is in the root, as on every desktop).
    system = in_root(root, ["dpkg-query", "-W", "-f=${Version}", "libsqlite3-0"]).stdout
    assert system.startswith("3.34"), system
    about = in_root(root, ["gridboard", "about", "--json"], **offscreen)
    assert about.returncode == 0, about.stderr
    versions = assert_sqlite_new_enough(json.loads(about.stdout))
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "debian11-versions.json").write_text(json.dumps(versions, indent=1) + "\n", encoding="utf-8")

    made = in_root(
        root,
        ["gridboard", "demo", "--scale", "community", "--out", "/home/office/demo.gridboard", "--quiet"],
        **offscreen,
    )
    assert made.returncode == 0, made.stderr
    assert (home / "demo.gridboard").read_bytes()[68:72] == b"GRDB"

    check = in_root(root, ["gridboard", "check", "/home/office/demo.gridboard"], **offscreen)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "integrity check ok" in check.stdout and check.stdout.strip().endswith("ok")

    from PySide6.QtGui import QImage

    for name, extra in (("debian11-window", []), ("debian11-about", ["--about"])):
        shot = in_root(
            root,
            [
                "gridboard",
                "snapshot",
                "/home/office/demo.gridboard",
                "--out",
                f"/home/office/{name}.png",
                "--lang",
                "zh_CN",
                *extra,
            ],
            **offscreen,
        )
        assert shot.returncode == 0, shot.stderr
        image = QImage(str(home / f"{name}.png"))
        assert not image.isNull() and image.width() > 600 and image.height() > 500
        ARTIFACTS.mkdir(exist_ok=True)
        shutil.copy(home / f"{name}.png", ARTIFACTS / f"{name}.png")

    # Uninstalling takes the program and leaves the clerk's file.
    removed = in_root(root, ["dpkg", "--purge", "gridboard"])
    assert removed.returncode == 0, removed.stderr
    assert not (root / "opt" / "gridboard").exists()
    assert (home / "demo.gridboard").is_file()
