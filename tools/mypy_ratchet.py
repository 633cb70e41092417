"""The UI's mypy errors may only fall (issue 19): count them, compare with the number recorded in
tools/mypy_ui_errors.txt, fail when it rose. `--update` records a lower count after a clean-up.

gridboard/models, gridboard/exchange and gridboard/printing are held to zero by `python -m mypy`
(pyproject [tool.mypy]); this checks gridboard/ui with the same settings.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RECORD = ROOT / "tools" / "mypy_ui_errors.txt"


def ui_errors() -> list[str]:
    """mypy's error lines for gridboard/ui, with pyproject's settings but the UI not ignored."""
    settings = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    lines = ["[mypy]"]
    for key, value in settings.items():
        if key in ("files", "overrides"):
            continue
        lines.append(f"{key} = {str(value).lower() if isinstance(value, bool) else value}")
    for override in settings.get("overrides", []):
        modules = override["module"]
        if "gridboard.ui.*" in modules:
            continue
        lines.append(f"[mypy-{','.join(modules)}]")
        lines += [
            f"{k} = {str(v).lower() if isinstance(v, bool) else v}"
            for k, v in override.items()
            if k != "module"
        ]
    with tempfile.NamedTemporaryFile("w", suffix=".ini", delete=False, encoding="utf-8") as config:
        config.write("\n".join(lines) + "\n")
    try:
        run = subprocess.run(
            [sys.executable, "-m", "mypy", "--config-file", config.name, "gridboard/ui"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        Path(config.name).unlink()
    if run.returncode not in (0, 1) or "error:" not in run.stdout and run.returncode == 1:
        sys.exit(f"mypy did not run: {run.stdout}{run.stderr}")
    return [line for line in run.stdout.splitlines() if re.match(r"gridboard/ui/.*: error:", line)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="record the current count (only if lower)")
    args = parser.parse_args()
    errors = ui_errors()
    recorded = int(RECORD.read_text().split()[0]) if RECORD.exists() else None
    count = len(errors)
    if args.update:
        if recorded is not None and count > recorded:
            print(f"the UI has {count} mypy errors, more than the recorded {recorded}: not recorded")
            return 1
        RECORD.write_text(f"{count}\n", encoding="utf-8")
        print(f"recorded {count} mypy errors in gridboard/ui")
        return 0
    if recorded is None or count > recorded:
        print("\n".join(errors))
        print(
            f"gridboard/ui has {count} mypy errors; at most {recorded} are allowed (tools/mypy_ui_errors.txt)"
        )
        return 1
    note = f" (down from {recorded}: run tools/mypy_ratchet.py --update)" if count < recorded else ""
    print(f"gridboard/ui: {count} mypy errors, at most {recorded} allowed{note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
