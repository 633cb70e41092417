"""The dashboard's first showing never imports pyqtgraph in the GUI thread (its import froze the window
for a second or more): the screen comes up with its charts to come, pyqtgraph is imported by the
preload thread, and the charts are made one at a time. Run in a fresh interpreter, where pyqtgraph
is not imported yet."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui


def dashboard_shown(qtbot, small):
    """A window on the small community with its dashboard shown and up to date."""
    from gridboard.ui.main_window import MainWindow

    window = MainWindow(small.store)
    qtbot.addWidget(window)
    view = window.show_view("dashboard")
    qtbot.waitUntil(lambda: view.up_to_date, timeout=30_000)
    return window, view


def failing_job(filters):
    """A reading that finds the file damaged."""
    from gridboard.models.errors import DamagedFile

    def run(store):
        raise DamagedFile("{path} is damaged ({error}).", path="x", error="boom")

    return run


@pytest.fixture
def pixmaps(monkeypatch) -> list[tuple[int, int]]:
    """The sizes of the throwaway pixmaps the dashboard draws its charts into off screen."""
    from PySide6.QtGui import QPixmap

    import gridboard.ui.dashboard.view as dashboard_view

    made: list[tuple[int, int]] = []

    class Recorded(QPixmap):
        def __init__(self, *args) -> None:
            super().__init__(*args)
            made.append((self.width(), self.height()))

    monkeypatch.setattr(dashboard_view, "QPixmap", Recorded)
    return made


SCRIPT = textwrap.dedent(
    """
    import os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QEventLoop
    from gridboard.models import ledger, operators
    from gridboard.models.opening import open_store
    from gridboard.ui.app import make_application
    from gridboard.ui.main_window import MainWindow

    app = make_application()
    store = open_store(sys.argv[1], create=True, operator="tester")
    operators.create_operator(store, name="tester", role="admin", secret="2468")
    operators.start_session(store, operators.find_operator(store, "tester").id, via="app")
    community = ledger.create_community(store, name="幸福社区")
    grid = ledger.create_grid(store, community_id=community, name="第一网格")
    ledger.create_building(store, rooms="lived_in", grid_id=grid, name="3号楼", number=3, units=2, floors=6, rooms_per_floor=2)
    window = MainWindow(store)
    window.show()
    view = window.show_view("dashboard")
    print("after show:", "pyqtgraph" in sys.modules, len(view.charts))
    started = time.perf_counter()
    while not view.up_to_date and time.perf_counter() - started < 60:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
    print("done:", view.up_to_date, len(view.charts), view.tiles["households"].value.text())
    window.close()
    store.close()
    """
)


def test_the_first_showing_leaves_pyqtgraph_to_the_preload_thread(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "first.gridboard")],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert "after show: False 0" in lines, out.stdout  # screen up, no chart, pyqtgraph not imported
    assert "done: True 6 24" in lines, out.stdout  # then every chart, with the figures


def test_the_dashboard_is_made_behind_the_window_and_ctrl4_only_shows_it(
    gui, qtbot, small, monkeypatch
) -> None:
    """Once pyqtgraph is imported the dashboard is built behind the board, figures and all, so its
    first showing is only a showing; the board stays on screen meanwhile."""
    import gridboard.ui.dashboard as dashboard_feature
    from gridboard.ui.dashboard import DashboardFeature
    from gridboard.ui.main_window import MainWindow

    monkeypatch.setattr(dashboard_feature, "PRELOAD_DELAY_MS", 10)
    window = MainWindow(small.store)
    qtbot.addWidget(window)
    window.show()
    lazy = window.features.get(DashboardFeature).view
    assert lazy.built() is None  # not while the window opens
    qtbot.waitUntil(lambda: lazy.built() is not None, timeout=30_000)
    view = lazy.built()
    qtbot.waitUntil(lambda: view.up_to_date, timeout=30_000)
    assert window.current_view_key() == "board" and not view.isVisible()
    assert len(view.charts) == 6 and view.tiles["households"].value.text() != ""
    assert view.tiles["visits_week"].value.text() == "0"
    # A visit saved on the board: the figures behind it are counted again once the changes pause.
    from gridboard.models import board

    window.notifier.perform(board.log_visit_with_requests, household_id=small.household(1, "101"))
    assert not view.up_to_date
    qtbot.waitUntil(lambda: view.up_to_date, timeout=30_000)
    assert view.tiles["visits_week"].value.text() == "1" and not view.isVisible()
    window.show_view("dashboard")
    assert view.up_to_date and view.isVisible()  # nothing left to make or count
    window.close()


def test_a_closed_window_makes_no_dashboard(gui, qtbot, small, monkeypatch) -> None:
    import gridboard.ui.dashboard as dashboard_feature
    from gridboard.ui.dashboard import DashboardFeature
    from gridboard.ui.main_window import MainWindow

    monkeypatch.setattr(dashboard_feature, "PRELOAD_DELAY_MS", 10)
    window = MainWindow(small.store)
    qtbot.addWidget(window)
    window.show()
    lazy = window.features.get(DashboardFeature).view
    window.close()
    qtbot.wait(600)
    assert lazy.built() is None


def test_a_failed_comparison_stays_said_after_the_figures_come(gui, qtbot, small, monkeypatch) -> None:
    """The two readers end in either order: the figures' "as of" must not hide the comparison's error."""
    import gridboard.ui.dashboard.view as dashboard_view

    monkeypatch.setattr(dashboard_view, "beside_job", failing_job)
    window, view = dashboard_shown(qtbot, small)
    assert "x" in view.status.text() and "boom" in view.status.text()
    window.close()


def test_the_dashboard_behind_is_drawn_with_its_figures_at_the_windows_size(
    gui, qtbot, small, monkeypatch, pixmaps
) -> None:
    """The rehearsal behind the board (laid out and each chart drawn once, so the first showing only
    paints) waits for the figures, however late they come, and is done again after a resize and
    after new figures come behind."""
    import time

    import gridboard.ui.dashboard.view as dashboard_view
    from gridboard.models import board

    real_job = dashboard_view.compute_job

    def late_job(filters):
        job = real_job(filters)

        def run(store):
            time.sleep(1.0)  # the charts are made before the figures come
            return job(store)

        return run

    monkeypatch.setattr(dashboard_view, "compute_job", late_job)
    rehearsed: list[tuple[bool, int]] = []
    real_rehearse = dashboard_view.DashboardView._rehearse_steps

    def recorded(self):
        rehearsed.append((self.data is not None, self.window_.width()))
        return real_rehearse(self)

    monkeypatch.setattr(dashboard_view.DashboardView, "_rehearse_steps", recorded)
    window, view = _built_behind(qtbot, small, monkeypatch)

    def rehearsed_again(times: int) -> bool:
        return len(rehearsed) == times and not view._rehearsal and not view._stepping

    qtbot.waitUntil(lambda: rehearsed_again(1), timeout=30_000)
    assert rehearsed == [(True, 1300)]
    page = window.view("board").geometry()
    assert view.size() == page.size()  # laid out at the size it will be shown

    window.resize(1500, 900)
    qtbot.waitUntil(lambda: rehearsed_again(2), timeout=10_000)
    assert rehearsed[-1] == (True, 1500)
    assert view.size() == window.view("board").size() != page.size()

    window.notifier.perform(board.log_visit_with_requests, household_id=small.household(1, "101"))
    qtbot.waitUntil(lambda: view.up_to_date and rehearsed_again(3), timeout=30_000)
    assert view.tiles["visits_week"].value.text() == "1" and not view.isVisible()
    # Shown, each chart has the size it was drawn at behind the board.
    window.show_view("dashboard")
    shown = [(chart.width(), chart.height()) for chart in view.charts.values()]
    assert pixmaps[-len(shown) :] == shown
    window.close()


def test_a_choice_asks_for_its_figures_at_once_and_a_long_status_moves_nothing(gui, qtbot, small) -> None:
    """The workers start counting as the choice is made (not a turn later, after its paint), and the
    status's message never widens the window (that laid out and repainted all of it)."""
    from gridboard.ui.main_window import MainWindow

    window = MainWindow(small.store)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    view = window.show_view("dashboard")
    qtbot.waitUntil(lambda: view.up_to_date, timeout=30_000)
    figures, beside = view.worker.seq, view.comparing.seq
    view.period_box.setCurrentIndex(0)
    assert (view.worker.seq, view.comparing.seq) == (figures + 1, beside + 1)
    qtbot.waitUntil(lambda: view.up_to_date, timeout=30_000)
    assert view.data.filters.period_days == 7
    window.show()
    qtbot.waitExposed(window)
    widest = window.minimumSizeHint().width()
    view.status.setText("很长的消息" * 80)
    qtbot.wait(50)  # the layout's turn
    assert window.minimumSizeHint().width() == widest and window.width() == 1366
    window.close()


def test_a_dashboard_asked_for_early_shows_preparing_until_it_is_made_and_drawn(
    gui, qtbot, small, monkeypatch, pixmaps
) -> None:
    """Ctrl+4 before the dashboard was made behind: "preparing" below the bar while the screen is
    made, filled and drawn once out of sight (its first paint all at once held the window 0.1-0.3 s),
    then the screen, with its figures."""
    import gridboard.ui.dashboard.view as dashboard_view
    from gridboard.ui.main_window import MainWindow

    drawn: list[bool] = []
    real_rehearse = dashboard_view.DashboardView._rehearse_steps

    def recorded(self):
        steps = real_rehearse(self)
        drawn.append(bool(steps) and self.isVisible() and not self.revealed)
        return steps

    monkeypatch.setattr(dashboard_view.DashboardView, "_rehearse_steps", recorded)
    window = MainWindow(small.store)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    view = window.show_view("dashboard")
    assert view.isVisible() and not view.revealed and view.preparing.isVisible()
    assert not view.content.isVisible()
    qtbot.waitUntil(lambda: view.up_to_date, timeout=30_000)
    assert drawn == [True]  # drawn once behind "preparing", in front of the user
    assert view.revealed and view.content.isVisible() and not view.preparing.isVisible()
    assert view.tiles["households"].value.text() == "24"
    # Drawn at the size they are shown at (laid out in the place the screen takes).
    shown = [(chart.width(), chart.height()) for chart in view.charts.values()]
    assert pixmaps[-len(shown) :] == shown and min(w for w, _ in shown) > 300
    window.close()


def test_a_dashboard_whose_figures_fail_shows_the_screen_and_says_why(gui, qtbot, small, monkeypatch) -> None:
    import gridboard.ui.dashboard.view as dashboard_view
    from gridboard.ui.main_window import MainWindow

    monkeypatch.setattr(dashboard_view, "compute_job", failing_job)
    window = MainWindow(small.store)
    qtbot.addWidget(window)
    view = window.show_view("dashboard")
    qtbot.waitUntil(lambda: view.revealed and "boom" in view.status.text(), timeout=30_000)
    window.close()


def _built_behind(qtbot, small, monkeypatch):
    """A window at 1300×700 on the board, its dashboard built behind it (its figures may be to come)."""
    import gridboard.ui.dashboard as dashboard_feature
    import gridboard.ui.dashboard.view as dashboard_view
    from gridboard.ui.dashboard import DashboardFeature
    from gridboard.ui.main_window import MainWindow

    monkeypatch.setattr(dashboard_feature, "PRELOAD_DELAY_MS", 10)
    monkeypatch.setattr(dashboard_view, "RESIZED_REHEARSAL_MS", 10)
    window = MainWindow(small.store)
    qtbot.addWidget(window)
    window.resize(1300, 700)
    window.show()
    lazy = window.features.get(DashboardFeature).view
    qtbot.waitUntil(lambda: lazy.built() is not None, timeout=30_000)
    return window, lazy.built()


def _made_behind(qtbot, small, monkeypatch):
    """The same, its figures in and drawn once behind the board."""
    window, view = _built_behind(qtbot, small, monkeypatch)
    qtbot.waitUntil(lambda: view.up_to_date and view._rehearsed and not view._stepping, timeout=30_000)
    return window, view


def test_a_resize_during_a_rehearsal_is_rehearsed_at_the_last_size(gui, qtbot, small, monkeypatch) -> None:
    window, view = _made_behind(qtbot, small, monkeypatch)
    real = type(view)._rehearse_steps
    resized: list[bool] = []

    def rehearse(self):
        steps = real(self)
        if steps and not resized:

            def resize_meanwhile() -> None:
                resized.append(True)
                window.resize(1500, 900)  # the user is still dragging the window's edge

            steps.insert(1, resize_meanwhile)
        return steps

    monkeypatch.setattr(type(view), "_rehearse_steps", rehearse)
    window.resize(1400, 800)
    qtbot.waitUntil(lambda: bool(resized), timeout=10_000)
    qtbot.waitUntil(lambda: view._rehearsed and not view._rehearsal and not view._stepping, timeout=10_000)
    assert view.size() == window.view("board").size()


def test_communities_compared_coming_after_the_figures_are_drawn_with_them(
    gui, qtbot, small, monkeypatch
) -> None:
    """The communities' table fills above the charts: the charts drawn behind the board are drawn
    again at the size they then have."""
    from PySide6.QtGui import QPixmap

    from gridboard.models.communities import CommunityRow
    from gridboard.ui.dashboard.worker import Beside

    window, view = _made_behind(qtbot, small, monkeypatch)
    rows = [CommunityRow(i, f"社区{i}", 1, 10, 5, 5, 0, 0, 0, 0) for i in (1, 2, 3)]
    view.comparing.seq += 1  # as if its reading came now, after the figures and the rehearsal
    view._compared(view.comparing.seq, Beside(rows, view.points))
    qtbot.waitUntil(lambda: view._rehearsed and not view._rehearsal and not view._stepping, timeout=10_000)
    chart = view.charts["grids"]
    drawn = chart.size()
    view.render(QPixmap(1, 1))  # what the first showing does: lay out
    assert chart.size() == drawn
    window.close()


def test_a_comparison_read_again_after_failing_clears_its_error(gui, qtbot, small, monkeypatch) -> None:
    """The status said "updating" for good when a comparison failed once and then succeeded."""
    import gridboard.ui.dashboard.view as dashboard_view
    from gridboard.models.errors import DamagedFile

    real = dashboard_view.beside_job
    calls: list[int] = []

    def failing_once(filters):
        job = real(filters)

        def run(store):
            calls.append(1)
            if len(calls) == 1:
                raise DamagedFile("{path} is damaged ({error}).", path="x", error="boom")
            return job(store)

        return run

    monkeypatch.setattr(dashboard_view, "beside_job", failing_once)
    window, view = dashboard_shown(qtbot, small)
    assert "boom" in view.status.text() and "boom" in view.status.toolTip()
    view.refresh()
    qtbot.waitUntil(lambda: view.up_to_date, timeout=30_000)
    assert view.status.text().startswith(view.tr("Figures as of {time}").split("{")[0])
    assert view.status.toolTip() == ""
    window.close()
