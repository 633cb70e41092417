"""packaging/glibc_needs.py reads which glibc an ELF file needs, and packaging/compat/glibc228.h
keeps a program built on a newer glibc (this machine's) from needing 2.29's maths functions.
Fast (a few small C programs): runs with the unit tests, so the compat build's checks cannot rot."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))
import glibc_needs  # noqa: E402 - packaging/ is not a package

pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF and glibc: Linux only"),
    pytest.mark.skipif(shutil.which("objdump") is None, reason="objdump missing: apt-get install binutils"),
    pytest.mark.skipif(shutil.which("gcc") is None, reason="gcc missing: apt-get install gcc"),
]

# A shared library, as most of a bundle is (a program built here would also need glibc 2.34's
# start-up code, which a program built on the old base does not).
LIBRARY = r"""
#include <math.h>
#include <stdlib.h>
double figure(double x) { return exp(x) + log(x) + pow(x, 2.5) + exp2(x) + log2(x); }
double parsed(const char *text) { return strtod(text, NULL); }
"""


def glibc_of_this_machine() -> tuple[int, ...]:
    import os

    return glibc_needs.version_key("GLIBC_" + os.confstr("CS_GNU_LIBC_VERSION").split()[1])


def build(tmp_path: Path, name: str, *flags: str) -> Path:
    source = tmp_path / "figure.c"
    source.write_text(LIBRARY)
    out = tmp_path / f"lib{name}.so"
    subprocess.run(
        ["gcc", "-O2", "-shared", "-fPIC", *flags, str(source), "-o", str(out), "-lm"],
        check=True,
        capture_output=True,
    )
    return out


def figure(library: Path, x: float) -> float:
    import ctypes

    lib = ctypes.CDLL(str(library))
    lib.figure.restype = ctypes.c_double
    lib.figure.argtypes = [ctypes.c_double]
    return lib.figure(x)


def test_a_program_built_here_needs_the_new_maths_functions_and_the_header_takes_them_away(
    tmp_path: Path,
) -> None:
    if glibc_of_this_machine() < (2, 29):
        pytest.skip("this machine's glibc is older than 2.29: nothing to take away")
    plain = build(tmp_path, "plain")
    assert "GLIBC_2.29" in glibc_needs.needs(plain)  # exp, log, pow at their 2.29 versions

    header = ROOT / "packaging" / "compat" / "glibc228.h"
    compat = build(tmp_path, "compat", "-include", str(header))
    needed = glibc_needs.needs(compat)
    assert needed and max(glibc_needs.version_key(v) for v in needed) <= (2, 28), needed
    # The old versions of the functions give the same answers.
    for x in (0.5, 1.0, 2.75, 10.0):
        assert figure(compat, x) == pytest.approx(figure(plain, x), rel=1e-14)


def test_the_report_names_every_file_that_needs_a_newer_glibc(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    header = ROOT / "packaging" / "compat" / "glibc228.h"
    old = build(tmp_path, "old", "-include", str(header))
    shutil.copy(old, bundle / "gridboard")
    (bundle / "_internal" / "notes.txt").write_text("GLIBC_2.99 in a text file is not a need\n")

    result = glibc_needs.report(bundle, "2.28")
    assert result["elf_files"] == 1 and result["too_new"] == {}
    assert glibc_needs.main([str(bundle), "--max", "2.28"]) == 0

    if glibc_of_this_machine() >= (2, 29):
        plain = build(tmp_path, "plain")
        shutil.copy(plain, bundle / "_internal" / "libnew.so.1")
        result = glibc_needs.report(bundle, "2.28")
        assert result["elf_files"] == 2
        assert list(result["too_new"]) == ["_internal/libnew.so.1"], result
        assert "GLIBC_2.29" in result["too_new"]["_internal/libnew.so.1"]
        assert glibc_needs.version_key("GLIBC_" + result["needs"]) >= (2, 29)
        assert glibc_needs.main([str(bundle), "--max", "2.28"]) == 1


def test_a_library_already_built_for_2_29_is_pointed_at_the_old_maths_functions(tmp_path: Path) -> None:
    """packaging/compat/old_maths.py, for the Debian 11 libraries the bundle carries (libsqlite3...)."""
    if glibc_of_this_machine() < (2, 29):
        pytest.skip("this machine's glibc is older than 2.29")
    sys.path.insert(0, str(ROOT / "packaging" / "compat"))
    import old_maths

    reference = build(tmp_path, "reference")
    library = build(tmp_path, "patched")
    assert "GLIBC_2.29" in glibc_needs.needs(library)
    assert old_maths.patch(library) == "patched"
    needed = glibc_needs.needs(library)
    assert max(glibc_needs.version_key(v) for v in needed) <= (2, 28), needed
    assert old_maths.patch(library) == "nothing to do"
    for x in (0.5, 1.0, 2.75, 10.0):
        assert figure(library, x) == pytest.approx(figure(reference, x), rel=1e-14)

    # A library that needs something else of glibc 2.29 is refused and left as it was.
    other = tmp_path / "other.c"
    other.write_text(
        "#include <math.h>\n#include <sched.h>\n"
        "double f(double x) { unsigned c, n; getcpu(&c, &n); return exp(x) + c; }\n"
    )
    so = tmp_path / "libother.so"
    subprocess.run(
        ["gcc", "-O2", "-shared", "-fPIC", "-D_GNU_SOURCE", str(other), "-o", str(so), "-lm"], check=True
    )
    before = so.read_bytes()
    if "GLIBC_2.29" in glibc_needs.needs(so):
        with pytest.raises(ValueError):
            old_maths.patch(so)
        assert so.read_bytes() == before
