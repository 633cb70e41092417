"""Which C library (glibc) version a folder of programs needs: every ELF file in it, read with objdump.

    python3 packaging/glibc_needs.py BUNDLE_DIR [--max 2.28] [--json]

An ELF file names the symbol versions it needs from each library in its "Version References"
(`objdump -p`); the glibc ones are GLIBC_2.x. The newest of them, over every file, is the oldest
glibc the bundle can start on. With --max, exits 1 and names each file that needs newer (or glibc's
private symbols, which tie a file to one exact glibc build). Standard library only: the build scripts,
the .deb's Depends and tests/test_packaging.py all use it.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

# The libraries glibc itself is made of: a version needed from any of them is a glibc version.
GLIBC_LIBS = re.compile(
    r"^(libc|libm|libpthread|libdl|librt|libutil|libresolv|libanl|libcrypt|libnsl|ld-linux-x86-64|libmvec)\.so"
)
REQUIRED_FROM = re.compile(r"^\s+required from (\S+):\s*$")
VERSION = re.compile(r"^\s+0x[0-9a-f]+ 0x[0-9a-f]+ \d+ (\S+)\s*$")


def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(4) == b"\x7fELF"
    except OSError:
        return False


def version_key(name: str) -> tuple[int, ...]:
    """GLIBC_2.28 -> (2, 28); GLIBC_2.2.5 -> (2, 2, 5)."""
    return tuple(int(part) for part in name.removeprefix("GLIBC_").split("."))


def needs(path: Path) -> set[str]:
    """The GLIBC_* versions one ELF file requires (GLIBC_PRIVATE included)."""
    out = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True, check=True).stdout
    found: set[str] = set()
    library = None
    for line in out.splitlines():
        if (m := REQUIRED_FROM.match(line)) is not None:
            library = m.group(1)
            continue
        if library and (m := VERSION.match(line)) is not None:
            if GLIBC_LIBS.match(library) and m.group(1).startswith("GLIBC_"):
                found.add(m.group(1))
            continue
        if line.strip() and not line.startswith(" "):
            library = None
    return found


def scan(folder: Path) -> dict[str, set[str]]:
    """Each ELF file under folder (path relative to it) with the glibc versions it needs."""
    result = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink() and is_elf(path):
            result[str(path.relative_to(folder))] = needs(path)
    return result


def newest(versions: set[str]) -> str | None:
    public = [v for v in versions if v != "GLIBC_PRIVATE"]
    return max(public, key=version_key) if public else None


def report(folder: Path, most: str | None = None) -> dict:
    files = scan(folder)
    overall = newest(set().union(*files.values())) if files else None
    limit = version_key(f"GLIBC_{most}") if most else None
    too_new = {}
    for name, versions in files.items():
        over = sorted(
            (v for v in versions if v == "GLIBC_PRIVATE" or (limit and version_key(v) > limit)), key=str
        )
        if over:
            too_new[name] = over
    return {
        "elf_files": len(files),
        "needs": overall.removeprefix("GLIBC_") if overall else None,
        "max_allowed": most,
        "too_new": too_new,
        # The files that need the newest version: what to look at first.
        "newest_in": sorted(name for name, v in files.items() if overall and overall in v)[:20],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--max", help="the oldest glibc to support, e.g. 2.28")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = report(args.folder, args.max)
    if args.json:
        print(json.dumps(result, indent=1, ensure_ascii=False))
    else:
        print(f"{result['elf_files']} ELF files; they need glibc >= {result['needs']}")
        for name in result["newest_in"]:
            print(f"  needs {result['needs']}: {name}")
        for name, over in result["too_new"].items():
            print(f"  TOO NEW for {args.max}: {name}: {' '.join(over)}")
    return 1 if result["too_new"] else 0


if __name__ == "__main__":
    sys.exit(main())
