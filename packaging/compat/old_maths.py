"""Point an already built library's exp, exp2, log, log2 and pow at their glibc 2.2.5 versions.

    python3 packaging/compat/old_maths.py FILE...        (changes the files in place)

glibc 2.29 added new versions of these five functions (GLIBC_2.29; the old ones stay, as
GLIBC_2.2.5). A library built on a newer glibc asks libm for "GLIBC_2.29" and will not load on
glibc 2.28, though nothing else in it needs 2.29. The Debian 11 libraries the bundle carries
(libsqlite3, libpng16) are such. This renames that one requirement, in the library's version-needs
table (.gnu.version_r), to GLIBC_2.2.5: the five symbols then bind to the old versions, exactly as
if the library had been compiled with packaging/compat/glibc228.h. It refuses (exit 1, file left
as it was) when any other symbol is bound to libm's GLIBC_2.29, and leaves files with no such
requirement alone. ELF64 little-endian (x86_64) only. Standard library only.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

OLD_FUNCTIONS = frozenset({"exp", "exp2", "log", "log2", "pow"})
NEW, OLD = b"GLIBC_2.29", b"GLIBC_2.2.5"
SHT_DYNSYM, SHT_GNU_VERNEED, SHT_GNU_VERSYM = 11, 0x6FFFFFFE, 0x6FFFFFFF


def elf_hash(name: bytes) -> int:
    h = 0
    for c in name:
        h = ((h << 4) + c) & 0xFFFFFFFF
        g = h & 0xF0000000
        if g:
            h ^= g >> 24
        h &= ~g & 0xFFFFFFFF
    return h


def _cstr(data: bytes | bytearray, offset: int) -> bytes:
    return bytes(data[offset : data.index(b"\0", offset)])


def patch(path: Path) -> str:
    """'patched', 'nothing to do', or raises ValueError with the reason it cannot be done."""
    data = bytearray(path.read_bytes())
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        raise ValueError("not a 64-bit little-endian ELF file")
    (shoff,) = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
    by_type = {s[1]: s for s in sections}
    if SHT_GNU_VERNEED not in by_type:
        return "nothing to do"
    verneed = by_type[SHT_GNU_VERNEED]
    strtab = sections[verneed[6]]
    str_off, str_size = strtab[4], strtab[5]
    dynstr = data[str_off : str_off + str_size]

    # The libm requirement GLIBC_2.29: its version index and where its entry sits.
    found = []
    entry = verneed[4]
    for _ in range(verneed[7]):
        _version, count, file_name, aux, next_entry = struct.unpack_from("<HHIII", data, entry)
        library = _cstr(dynstr, file_name)
        at = entry + aux
        for _ in range(count):
            _hash, _flags, other, name, next_aux = struct.unpack_from("<IHHII", data, at)
            if _cstr(dynstr, name) == NEW:
                if not library.startswith(b"libm.so"):
                    raise ValueError(f"needs {NEW.decode()} from {library.decode()}, not only from libm")
                found.append((at, other))
            at += next_aux
        if not next_entry:
            break
        entry += next_entry
    if not found:
        return "nothing to do"

    # Only the five functions may be bound to that version.
    indexes = {other for _, other in found}
    dynsym, versym = by_type.get(SHT_DYNSYM), by_type.get(SHT_GNU_VERSYM)
    if dynsym is None or versym is None:
        raise ValueError("no dynamic symbol table")
    sym_str = sections[dynsym[6]]
    count = dynsym[5] // 24
    bound = set()
    for i in range(count):
        (index,) = struct.unpack_from("<H", data, versym[4] + 2 * i)
        if index & 0x7FFF in indexes:
            (st_name,) = struct.unpack_from("<I", data, dynsym[4] + 24 * i)
            bound.add(_cstr(data, sym_str[4] + st_name).decode())
    if not bound <= OLD_FUNCTIONS:
        raise ValueError(f"other symbols are bound to libm's {NEW.decode()}: {sorted(bound - OLD_FUNCTIONS)}")

    old_name = dynstr.find(OLD + b"\0")
    while old_name > 0 and dynstr[old_name - 1] != 0:  # the whole string, not the tail of another
        old_name = dynstr.find(OLD + b"\0", old_name + 1)
    if old_name < 0:
        raise ValueError(f"no {OLD.decode()} string in the file's string table to point at")
    for at, _other in found:
        struct.pack_into("<I", data, at, elf_hash(OLD))
        struct.pack_into("<I", data, at + 8, old_name)
    tmp = path.with_name(path.name + ".old-maths")
    tmp.write_bytes(data)
    tmp.chmod(path.stat().st_mode)
    tmp.replace(path)
    return "patched"


def main(argv: list[str]) -> int:
    failed = 0
    for name in argv:
        try:
            result = patch(Path(name))
        except ValueError as error:
            print(f"old_maths.py: {name}: cannot: {error}", file=sys.stderr)
            failed += 1
            continue
        if result == "patched":
            print(f"old_maths.py: {name}: exp/log/pow now at {OLD.decode()}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
