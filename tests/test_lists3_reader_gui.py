"""A view's reader opens its connection ahead (`ReadWorker.warm`), once, as the window's operator;
the first reading then finds it open; a reader shut down opens nothing again."""

from __future__ import annotations

import threading
import time

import pytest
from conftest import Small

from gridboard.models import members, operators
from gridboard.ui.main_window import MainWindow
from gridboard.ui.reader import ReadWorker

pytestmark = pytest.mark.gui


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The threads that opened a connection alongside the window's."""
    names: list[str] = []
    real = operators.open_alongside

    def counted(store):
        names.append(threading.current_thread().name)
        return real(store)

    monkeypatch.setattr(operators, "open_alongside", counted)
    return names


def test_a_warmed_reader_opens_once_and_reads_on_that_connection(qtbot, small: Small, opened) -> None:
    reader = ReadWorker(small.store, name="probe")
    try:
        reader.warm()
        qtbot.waitUntil(lambda: opened == ["probe"])
        reader.warm()  # already warm: nothing more
        with qtbot.waitSignal(reader.finished, timeout=5_000) as got:
            reader.request(lambda store: (store is not small.store, threading.current_thread().name))
        assert got.args[1] == (True, "probe")
        assert opened == ["probe"]
    finally:
        reader.shutdown()
    reader.warm()  # shut down: no thread, no connection again
    assert reader._thread is None and opened == ["probe"]


def test_a_warmed_reader_keeps_the_operators_restrictions(qtbot, small: Small, opened) -> None:
    operators.create_operator(small.store, name="只看", role="read_only", secret="1111")
    operators.sign_in(small.store, "只看", "1111")
    reader = ReadWorker(small.store, name="probe")
    try:
        reader.warm()
        qtbot.waitUntil(lambda: opened == ["probe"])

        def write(store):
            store.execute("UPDATE household SET head_name = 'x'")

        with qtbot.waitSignal(reader.failed, timeout=5_000) as got:
            reader.request(write)
        assert "not authorized" in str(got.args[1])
    finally:
        reader.shutdown()
    assert small.store.scalar("SELECT count(*) FROM household WHERE head_name = 'x'") == 0


def test_the_lists_readers_are_open_before_their_first_showing(gui, qtbot, small: Small, opened) -> None:
    window = MainWindow(small.store)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: {"members", "requests"} <= set(opened), timeout=10_000)
    before = list(opened)
    window.show_view("members")
    view = window.view("members").list
    qtbot.waitUntil(lambda: view.up_to_date and view.model.rowCount() == 1)
    assert view.model.ids == members.member_ids(small.store, members.MemberQuery()).ids
    window.show_view("requests")
    requests = window.view("requests")
    qtbot.waitUntil(lambda: requests.up_to_date)
    assert [n for n in opened if n in ("members", "requests")] == [
        n for n in before if n in ("members", "requests")
    ]  # neither opened again
    window.close()
    for reader in (view.reader, requests.reader):
        assert reader._thread is None


def test_shutting_a_reader_down_stops_its_running_query(qtbot, small: Small) -> None:
    """Closing the window or switching files does not wait for a city's count to end."""
    reader = ReadWorker(small.store, name="probe")
    started = threading.Event()
    delivered: list[object] = []
    reader.finished.connect(lambda seq, result: delivered.append(result))
    reader.failed.connect(lambda seq, error: delivered.append(error))

    def endless(store):
        started.set()
        # Tens of seconds of work for SQLite, none of it in Python (bounded: a reader that waited
        # for it would fail the test rather than hang it), then a second statement.
        sql = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n LIMIT 300000000)"
        store.scalar(sql + " SELECT count(*) FROM n")
        return store.scalar(sql + " SELECT sum(i) FROM n")

    reader.request(endless)
    assert started.wait(5)
    time.sleep(0.05)  # well inside the query
    began = time.perf_counter()
    reader.shutdown()
    assert time.perf_counter() - began < 1.0
    qtbot.wait(50)  # anything queued from the worker would arrive now
    assert delivered == []
    # Shut down, it reads nothing more: no thread is started again.
    reader.request(endless)
    assert reader._thread is None and delivered == []
