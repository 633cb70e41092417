"""The window's feature host: features by class, install order from what each needs, clear errors at start."""

from __future__ import annotations

from typing import ClassVar

import pytest
from PySide6.QtWidgets import QLabel

from gridboard.ui import features, main_window
from gridboard.ui.board import BoardFeature, BoardView
from gridboard.ui.dashboard import DashboardFeature
from gridboard.ui.emergency import EmergencyFeature
from gridboard.ui.features import Feature, FeatureError, Features, LazyView, install_order
from gridboard.ui.ledger_feature import LedgerFeature
from gridboard.ui.main_window import MainWindow
from gridboard.ui.requests import RequestsFeature
from gridboard.ui.serve import ServeFeature
from gridboard.ui.trust import TrustFeature


class Made:
    """Records the order features are made in."""

    order: ClassVar[list[str]] = []


class A:
    needs: ClassVar[tuple[type[Feature], ...]] = ()

    def __init__(self, window: object) -> None:
        Made.order.append("A")


class B:
    needs: ClassVar[tuple[type[Feature], ...]] = (A,)

    def __init__(self, window: object) -> None:
        Made.order.append("B")


class C:
    needs: ClassVar[tuple[type[Feature], ...]] = (B,)

    def __init__(self, window: object) -> None:
        Made.order.append("C")


class Round1:
    needs: ClassVar[tuple[type[Feature], ...]] = ()


class Round2:
    needs: ClassVar[tuple[type[Feature], ...]] = (Round1,)


Round1.needs = (Round2,)


def test_install_order_keeps_the_listed_order_and_moves_a_feature_after_what_it_needs() -> None:
    assert install_order([A, B, C]) == [A, B, C]
    assert install_order([C, A, B]) == [A, B, C]  # C needs B needs A
    assert install_order([B, A]) == [A, B]


def test_a_missing_dependency_is_named() -> None:
    with pytest.raises(FeatureError, match=r"C needs B, which is not among the window's features \(A, C\)"):
        install_order([A, C])


def test_a_circle_is_named() -> None:
    with pytest.raises(FeatureError, match="features need each other in a circle: Round1 → Round2 → Round1"):
        install_order([Round1, Round2])


def test_nothing_is_made_when_the_order_is_refused() -> None:
    Made.order.clear()
    host = Features()
    with pytest.raises(FeatureError):
        host.install(object(), [A, C])  # type: ignore[arg-type]
    assert Made.order == [] and len(host) == 0
    host.install(object(), [C, B, A])  # type: ignore[arg-type]
    assert Made.order == ["A", "B", "C"]
    assert isinstance(host.get(C), C) and host.find(Round1) is None and A in host


def test_load_names_a_feature_class() -> None:
    assert features.load("gridboard.ui.board:BoardFeature") is BoardFeature
    with pytest.raises(FeatureError, match="module:Class"):
        features.load("gridboard.ui.board")
    with pytest.raises(FeatureError, match="not a feature class"):
        features.load("gridboard.ui.board:BoardView")


def test_every_feature_of_the_window_declares_what_it_needs_and_the_list_installs() -> None:
    kinds = [features.load(spec) for spec in main_window.FEATURES]
    assert install_order(kinds) == kinds  # the listed order already satisfies every need
    assert LedgerFeature.needs == (BoardFeature,) and ServeFeature.needs == (RequestsFeature,)


def test_the_window_gives_its_features_by_class(gui, qtbot, small) -> None:
    window = MainWindow(small.store)
    qtbot.addWidget(window)
    board = window.features.get(BoardFeature)
    assert isinstance(board.view, BoardView) and window.view("board") is board.view
    assert window.features.get(LedgerFeature).board is board.view
    assert window.features.get(EmergencyFeature).board is board.view
    assert window.features.get(TrustFeature).lock is not None
    # Heavy views wait until they are first shown.
    dashboard = window.features.get(DashboardFeature).view
    serve = window.features.get(ServeFeature).view
    emergency = window.features.get(EmergencyFeature)
    assert dashboard.built() is None and serve.built() is None
    assert emergency.rollcall_view.built() is None and emergency.desk_view.built() is None
    assert emergency.desk is window.view("emergency")  # asked for: made now
    shown = serve.show()
    assert serve.built() is shown and window.current_view_key() == "serve"
    assert not hasattr(window, "ledger") and not hasattr(window, "serve") and not hasattr(window, "trust")
    window.close()


def test_a_window_missing_a_needed_feature_refuses_to_start(gui, qtbot, small, monkeypatch) -> None:
    monkeypatch.setattr(main_window, "FEATURES", ("gridboard.ui.ledger_feature:LedgerFeature",))
    with pytest.raises(FeatureError, match="LedgerFeature needs BoardFeature"):
        MainWindow(small.store)


def test_a_window_without_a_feature_says_so_when_asked(gui, qtbot, small, monkeypatch) -> None:
    monkeypatch.setattr(main_window, "FEATURES", ("gridboard.ui.board:BoardFeature",))
    window = MainWindow(small.store)
    qtbot.addWidget(window)
    assert window.features.find(LedgerFeature) is None
    with pytest.raises(LookupError, match="this window has no LedgerFeature"):
        window.features.get(LedgerFeature)
    window.close()


def test_a_lazy_view_is_made_once_when_asked(gui, qtbot, small, monkeypatch) -> None:
    monkeypatch.setattr(main_window, "FEATURES", ("gridboard.ui.board:BoardFeature",))
    window = MainWindow(small.store)
    qtbot.addWidget(window)
    made: list[QLabel] = []

    def make() -> QLabel:
        made.append(QLabel("late"))
        return made[-1]

    late = LazyView(window, "late", "Late", make)
    assert made == [] and late.built() is None
    assert late.get() is made[0] and window.view("late") is made[0]
    assert late.show() is made[0] and len(made) == 1
    window.close()
