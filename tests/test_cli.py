"""`gridboard demo`, `check` and `stats` on the command line: output, numbers and exit codes."""

from __future__ import annotations

import argparse
import io
import json
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from gridboard import cli
from gridboard.commands import demo as demo_command
from gridboard.commands import inspect
from gridboard.models import rules
from gridboard.models.errors import DamagedFile
from gridboard.models.opening import open_store

TODAY = "2026-11-27"


def run(*argv: str) -> tuple[int, str]:
    """Our subcommands through their own parser (as `gridboard CMD ...` parses them)."""
    parser = argparse.ArgumentParser()
    subparsers = parser.add_subparsers()
    inspect.register(subparsers)
    demo_command.register(subparsers)
    args = parser.parse_args(list(argv))
    out = io.StringIO()
    if args.func is demo_command.run_demo:
        return args.func(args), ""
    return args.func(args, out), out.getvalue()


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "demo.gridboard"
    assert (
        cli.main(["demo", "--scale", "test", "--out", str(path), "--today", TODAY, "--seed", "2", "--quiet"])
        == 0
    )
    return path


def test_demo_command_writes_the_file_and_refuses_to_overwrite(made: Path, capsys) -> None:
    assert made.exists()
    assert cli.main(["demo", "--scale", "test", "--out", str(made), "--quiet"]) == 2
    assert "already exists" in capsys.readouterr().err


def test_stats_json_matches_the_file(made: Path) -> None:
    code, out = run("stats", str(made), "--json", "--on", TODAY)
    assert code == 0
    data = json.loads(out)
    conn = sqlite3.connect(made)

    def count(sql: str) -> int:
        return conn.execute(sql).fetchone()[0]

    totals = data["totals"]
    assert totals["households"] == count("SELECT count(*) FROM household")
    assert totals["residents"] == count("SELECT count(*) FROM resident WHERE moved_out_at IS NULL")
    assert totals["members"] == count("SELECT count(*) FROM member WHERE active = 1")
    assert totals["visits"] == count("SELECT count(*) FROM visit")
    assert totals["requests"] == count("SELECT count(*) FROM request")
    assert totals["open_requests"] == count(
        "SELECT count(*) FROM request WHERE status IN ('collected', 'dispatched', 'in_progress')"
    )
    assert sum(data["requests_by_status"].values()) == totals["requests"]
    grids = data["coverage"]["grids"]
    assert len(grids) == count("SELECT count(*) FROM grid") == 2
    assert {g["community"] for g in grids} == {"幸福社区"}
    total = data["coverage"]["total"]
    assert total["households"] == count("SELECT count(*) FROM household WHERE occupancy != 'vacant'")
    assert total["households"] == sum(g["households"] for g in grids)
    assert total["overdue"] == sum(g["overdue"] for g in grids)
    # Communities and the total are sums of the grids; they agree with rules' own figures.
    store = open_store(made, check="none")
    on = date.fromisoformat(TODAY)
    expected = rules.total_coverage(store, on=on)
    by_community = [c.as_dict() for c in rules.coverage(store, "community", on=on)]
    store.close()
    assert total == {k: v for k, v in expected.as_dict().items() if k not in ("id", "name")}
    assert data["coverage"]["communities"] == by_community
    assert data["schema"]["applied"] == data["schema"]["known"]


def test_stats_table_lists_every_grid(made: Path) -> None:
    code, out = run("stats", str(made), "--on", TODAY)
    assert code == 0
    lines = out.splitlines()
    for grid in ("第一网格", "第二网格"):
        assert any(line.startswith("幸福社区") and grid in line for line in lines), grid
    assert "households" in out and "visits" in out
    header = next(line for line in lines if line.startswith("community"))
    row = next(line for line in lines if "第一网格" in line)

    def end_of_token(line: str, n: int) -> int:
        """Display column where the n-th word of `line` ends."""
        start = 0
        for _ in range(n):
            while line[start] == " ":
                start += 1
            start = line.index(" ", start) if " " in line[start:] else len(line)
        return inspect.display_width(line[:start])

    # Chinese characters take two columns, so the numbers end right under their headings.
    assert end_of_token(row, 3) == end_of_token(header, 3)  # households
    assert end_of_token(row, 10) == end_of_token(header, 11)  # "all overdue" is two words


def test_check_good_file(made: Path) -> None:
    code, out = run("check", str(made))
    assert code == 0
    assert "integrity check ok" in out and out.strip().endswith("ok")
    assert "schema: step" in out


def test_check_reports_stale_summaries(made: Path, tmp_path: Path) -> None:
    path = tmp_path / "stale.gridboard"
    shutil.copy(made, path)
    conn = sqlite3.connect(path)
    conn.execute(
        "UPDATE household SET priority_tier = 2 WHERE id = (SELECT min(id) FROM household"
        " WHERE priority_tier = 0)"
    )
    conn.commit()
    conn.close()
    code, out = run("check", str(path), "--quick")
    assert code == 1 and "out of date" in out


def test_check_damaged_file(made: Path, tmp_path: Path, capsys) -> None:
    path = tmp_path / "damaged.gridboard"
    shutil.copy(made, path)
    data = bytearray(path.read_bytes())
    for i in range(4096 * 3, 4096 * 40):
        data[i] = 0x5A
    path.write_bytes(bytes(data))
    with pytest.raises(DamagedFile):
        run("check", str(path))
    assert cli.main(["check", "--db", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("gridboard: ") and "damaged" in err and "Traceback" not in err


@pytest.mark.parametrize("content", [None, b"", "这不是数据库".encode() * 50])
def test_missing_or_foreign_file_is_a_clear_error(tmp_path: Path, capsys, content: bytes | None) -> None:
    path = tmp_path / "nothing.gridboard"
    if content is not None:
        path.write_bytes(content)
    for command in ("check", "stats"):
        assert cli.main([command, "--db", str(path)]) == 2
        err = capsys.readouterr().err
        assert err.startswith("gridboard: ") and str(path) in err and "Traceback" not in err
    assert content is not None or not path.exists()


def test_check_and_stats_never_change_the_file(made: Path) -> None:
    before = made.read_bytes()
    run("check", str(made))
    run("stats", str(made), "--json")
    assert made.read_bytes() == before


def test_a_reader_that_stops_early_is_not_a_file_problem(tmp_path) -> None:
    """`gridboard stats FILE | head`: head closes the pipe; that is no reason to blame the file."""
    import subprocess
    import sys

    from gridboard.models.opening import open_store

    path = tmp_path / "a.gridboard"
    open_store(path, create=True).close()
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from gridboard.cli import main; sys.exit(main(sys.argv[1:]))",
            "stats",
            str(path),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    child.stdout.close()  # the reader is gone before the first line is written
    _out, err = child.communicate(timeout=60)
    assert child.returncode == 0, err
    assert b"could not be read or written" not in err and b"Traceback" not in err
