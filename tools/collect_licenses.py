"""Copy the licence texts of everything the bundle carries into resources/licenses (with index.json).

    python tools/collect_licenses.py

Run after changing a dependency; the texts are committed, shipped in the bundle and the .deb, and
listed in Help → About. Python packages' texts come from their installed metadata; Qt's LGPL text,
Python's licence and the font's OFL come from where they are kept.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
import sysconfig
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "resources" / "licenses"

# Distributions in the bundle (the runtime dependencies and what they need), with their licence.
PACKAGES: dict[str, str] = {
    "PySide6-Essentials": "LGPL-3.0",
    "shiboken6": "LGPL-3.0",
    "sqlite-utils": "Apache-2.0",
    "sqlite-fts4": "Apache-2.0",
    "click": "BSD-3-Clause",
    "click-default-group": "Public domain",
    "tabulate": "MIT",
    "python-dateutil": "Apache-2.0 / BSD-3-Clause",
    "six": "MIT",
    "pluggy": "MIT",
    "pyqtgraph": "MIT",
    "numpy": "BSD-3-Clause (and others, see text)",
    "openpyxl": "MIT",
    "et_xmlfile": "MIT",
    "python-calamine": "MIT",
    "segno": "BSD-3-Clause",
    "pypinyin": "MIT",
    # Protected files: sqlcipher3's wheel has SQLCipher and OpenSSL's libcrypto linked in.
    "sqlcipher3": "zlib; SQLCipher: BSD-3-Clause; OpenSSL: Apache-2.0",
    "argon2-cffi": "MIT",
    "argon2-cffi-bindings": "MIT",
    "cffi": "MIT-0",
}
LICENSE_FILE = re.compile(r"(^|/)(LICEN[CS]E|COPYING)[^/]*$", re.IGNORECASE)
LGPL3 = Path("/usr/share/common-licenses/LGPL-3")
GPL3 = Path("/usr/share/common-licenses/GPL-3")
APACHE2 = Path("/usr/share/common-licenses/Apache-2.0")

GRIDBOARD_MIT = """MIT License

Copyright (c) the gridboard authors

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction,
including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense,
and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so,
subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial
portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT
LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN
NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY,
WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE
SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""

QT_NOTE = """Qt for Python (PySide6) and Qt 6 are available under the GNU Lesser General Public License
version 3 (LGPL-3.0), reproduced below (with the GNU GPL version 3 it refers to, in GPL-3.0.txt).
gridboard uses the Qt libraries unmodified, as separate shared libraries in the bundle's folder, so
they can be replaced by other builds of the same version. Source: https://code.qt.io/ and
https://download.qt.io/official_releases/QtForPython/ . Qt carries third-party code under its own
terms (ICU: Unicode licence; FreeType, HarfBuzz, libpng, zlib, PCRE2: their own permissive licences);
see https://doc.qt.io/qt-6/licenses-used-in-qt.html .

"""

SQLITE_NOTE = """SQLite is in the public domain: "The author disclaims copyright to this source code. In place
of a legal notice, here is a blessing: May you do good and not evil. May you find forgiveness for
yourself and forgive others. May you share freely, never taking more than you give."
https://www.sqlite.org/copyright.html
"""

SQLCIPHER_NOTE = """The sqlcipher3 module (above: its own licence) carries SQLCipher, which is SQLite with
encryption, and OpenSSL's libcrypto (Apache License 2.0, below), linked into one library.

SQLCipher:
Copyright (c) 2008-2025, ZETETIC LLC
All rights reserved.

Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions are met:
    * Redistributions of source code must retain the above copyright
      notice, this list of conditions and the following disclaimer.
    * Redistributions in binary form must reproduce the above copyright
      notice, this list of conditions and the following disclaimer in the
      documentation and/or other materials provided with the distribution.
    * Neither the name of the ZETETIC LLC nor the
      names of its contributors may be used to endorse or promote products
      derived from this software without specific prior written permission.

THIS SOFTWARE IS PROVIDED BY ZETETIC LLC ''AS IS'' AND ANY
EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
DISCLAIMED. IN NO EVENT SHALL ZETETIC LLC BE LIABLE FOR ANY
DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES
(INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES;
LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND
ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT
(INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS
SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.

OpenSSL (libcrypto), Apache License 2.0:
"""


def _text_of(dist: metadata.Distribution) -> str:
    files = [f for f in dist.files or [] if LICENSE_FILE.search(str(f)) and "dist-info" in str(f)]
    # The package's own licence first (the shortest path), then the rest it names.
    files.sort(key=lambda f: (str(f).count("/"), str(f)))
    return "\n\n".join(
        Path(dist.locate_file(f)).read_text(encoding="utf-8", errors="replace") for f in files[:1]
    )


def main() -> int:
    if TARGET.exists():
        shutil.rmtree(TARGET)
    TARGET.mkdir(parents=True)
    index: list[dict[str, str]] = []

    def add(name: str, version: str, licence: str, text: str, file: str = "") -> None:
        file = file or re.sub(r"[^A-Za-z0-9_.-]+", "-", name) + ".txt"
        (TARGET / file).write_text(text.strip() + "\n", encoding="utf-8")
        index.append({"name": name, "version": version, "license": licence, "file": file})

    sys.path.insert(0, str(ROOT))
    from gridboard import __version__

    add("gridboard", __version__, "MIT", GRIDBOARD_MIT)
    font_licence = (ROOT / "resources" / "fonts" / "OFL.txt").read_text(encoding="utf-8")
    add(
        "Noto Sans CJK SC (subset, as Gridboard Sans SC)",
        "subset",
        "SIL Open Font License 1.1",
        font_licence,
        "NotoSansCJK-SC.txt",
    )
    python_licence = Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"
    add("Python", sys.version.split()[0], "PSF-2.0", python_licence.read_text(encoding="utf-8"))
    import sqlite3

    add("SQLite", sqlite3.sqlite_version, "Public domain", SQLITE_NOTE)
    qt_text = QT_NOTE + LGPL3.read_text(encoding="utf-8")
    for name, licence in PACKAGES.items():
        dist = metadata.distribution(name)
        if name in ("PySide6-Essentials", "shiboken6"):
            text = qt_text
        else:
            text = _text_of(dist)
            if not text:
                raise SystemExit(f"no licence text found for {name}")
            if name == "sqlcipher3":
                text += "\n\n" + SQLCIPHER_NOTE + APACHE2.read_text(encoding="utf-8")
        add(dist.metadata["Name"], dist.version, licence, text)
    (TARGET / "GPL-3.0.txt").write_text(GPL3.read_text(encoding="utf-8"), encoding="utf-8")
    (TARGET / "index.json").write_text(
        json.dumps(index, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    for entry in index:
        print(f"{entry['name']} {entry['version']}: {entry['license']} -> {entry['file']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
