"""Shared fixtures: a fresh migrated file per test, and a small hand-made community."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Commands that write name the file's operator (`--operator`, default $GRIDBOARD_OPERATOR): in tests,
# the administrator every test file has (see TESTER below).
os.environ.setdefault("GRIDBOARD_OPERATOR", "tester")

from gridboard.models import cipher, ledger, operators  # noqa: E402
from gridboard.models.opening import open_store  # noqa: E402
from gridboard.models.store import Store  # noqa: E402

_TEMPLATE: dict[str, Path] = {}


TEST_PASSPHRASE = "correct horse battery"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--protected",
        action="store_true",
        help="every `db` fixture file is protected with a passphrase (SQLCipher): the model tests on it",
    )


@pytest.fixture
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Store:
    """A fresh migrated file, copied from a template made once per session (Anki's getEmptyCol).

    Plain, or protected with TEST_PASSPHRASE when run with `--protected` or parametrized indirectly
    with "protected" (`@pytest.mark.parametrize("db", ["protected"], indirect=True)`)."""
    kind = getattr(request, "param", None) or (
        "protected" if request.config.getoption("--protected") else "plain"
    )
    if kind not in _TEMPLATE:
        template = tmp_path_factory.mktemp("template") / f"{kind}.gridboard"
        made = open_store(
            template,
            create=True,
            operator="tester",
            passphrase=TEST_PASSPHRASE if kind == "protected" else None,
        )
        # Its first operator, an administrator (hashing a PIN takes a moment: once per session).
        operators.create_operator(made, name=TESTER, role="admin", secret=TESTER_PIN)
        made.close()
        _TEMPLATE[kind] = template
    path = tmp_path / "test.gridboard"
    shutil.copy(_TEMPLATE[kind], path)
    # A copy has its template's salt, so the same key (derived once per session, not per test).
    cipher.key_like(_TEMPLATE[kind], path)
    store = open_store(path, operator="tester")
    sign_in_tester(store)
    yield store
    store.close()


# Every test's file has one operator, the administrator "tester" (PIN 2468), signed in by the `db`
# fixture, so `small.store`, the `window` fixture and `MainWindow(small.store)` work as a signed-in
# administrator would. A test that opens its own Store and wants it signed in calls sign_in_tester.
TESTER = "tester"
TESTER_PIN = "2468"


def sign_in_tester(store: Store, *, via: str = "app") -> Store:
    """Sign the administrator "tester" in to `store` (no PIN check: that is what test_operators tests)."""
    operator = operators.find_operator(store, TESTER)
    if operator is None:
        operators.create_operator(store, name=TESTER, role="admin", secret=TESTER_PIN)
        operator = operators.find_operator(store, TESTER)
    operators.start_session(store, operator.id, via=via)
    return store


@dataclass
class Small:
    """A tiny community: one grid, one 6-floor building with 2 units × 2 rooms, one member."""

    store: Store
    community: int
    grid: int
    building: int
    member: int

    def household(self, unit: int, room: str) -> int:
        return int(
            self.store.scalar(
                "SELECT id FROM household WHERE building_id = ? AND unit = ? AND room = ?",
                [self.building, unit, room],
            )
        )


@pytest.fixture
def small(db: Store) -> Small:
    community = ledger.create_community(db, name="幸福社区", hotline="0936-12345")
    grid = ledger.create_grid(db, community_id=community, name="第一网格")
    building = ledger.create_building(
        db, rooms="lived_in", grid_id=grid, name="3号楼", number=3, units=2, floors=6, rooms_per_floor=2
    )
    member = ledger.add_member(db, community_id=community, name="张三", kind="community_member")
    db.take_changes()
    return Small(db, community, grid, building, member)


ARTIFACTS = Path(__file__).parent / "artifacts"


@pytest.fixture(autouse=True)
def _discard_unsaved_on_teardown(request: pytest.FixtureRequest) -> None:
    """Closing a window whose dialog holds typed rows asks first (ask.discard_unsaved): a real message
    box would wait forever offscreen when pytest-qt closes the widgets a test left open. Tests that
    look at the question patch the seam themselves."""
    from gridboard.ui import ask

    mp = pytest.MonkeyPatch()
    mp.setattr(ask, "discard_unsaved", lambda parent, text: True)
    request.addfinalizer(mp.undo)


@pytest.fixture(autouse=True)
def _sign_in_on_open_as_tester(request: pytest.FixtureRequest) -> None:
    """The app asks who is working before a file's window opens (signin.sign_in_on_open, a modal
    dialog). In tests, the AppController signs in the administrator "tester" instead (made first if
    the file has no operators), so `controller.open_path(...)` opens a signed-in window as before.
    Tests of the sign-in itself use `real_sign_in_on_open` or the dialogs directly."""
    from gridboard.ui.trust import signin

    mp = pytest.MonkeyPatch()

    def sign_in(parent, store: Store) -> bool:
        if store.read_only is not None and not operators.has_operators(store):
            return True  # as the app does: a file nobody can write opens read only, unsigned
        return bool(sign_in_tester(store))

    mp.setattr(signin, "sign_in_on_open", sign_in)
    # A protected file's passphrase is asked at one seam; unanswered (cancelled) unless a test says.
    from gridboard.ui.trust import protect

    mp.setattr(protect, "ask_passphrase", lambda parent, path, again=False: None)
    request.addfinalizer(mp.undo)


@pytest.fixture
def gui(qapp, tmp_path: Path):
    """The real application setup (font, Chinese translation), with settings kept in tmp_path."""
    from PySide6.QtCore import QCoreApplication, QSettings

    from gridboard.ui.app import make_application

    # Names first: QSettings() files settings under them, and make_application reads "language".
    QCoreApplication.setOrganizationName("gridboard")
    QCoreApplication.setApplicationName("gridboard")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QSettings().setValue("language", "zh_CN")
    make_application()
    return qapp


@pytest.fixture
def window(gui, qtbot, small: Small):
    """The real main window, every feature installed, on the small community."""
    from gridboard.ui.main_window import MainWindow

    window = MainWindow(small.store)
    qtbot.addWidget(window)
    window.resize(1400, 860)
    window.show()
    qtbot.waitExposed(window)
    return window


def save_screenshot(widget, name: str) -> Path:
    """Saves what a user would see to tests/artifacts/NAME.png (looked at by developers)."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    assert widget.grab().save(str(path))
    return path


@pytest.fixture(scope="session")
def community_demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The community-scale demo file (≈5,000 households), generated once per test session."""
    from gridboard.models.demo import generate

    path = tmp_path_factory.mktemp("demo") / "community.gridboard"
    generate(path, "community", seed=7)
    return path


@pytest.fixture
def community_demo(community_demo_template: Path, tmp_path: Path) -> Path:
    """A private copy of the community demo file for one test to change."""
    path = tmp_path / "community.gridboard"
    shutil.copy(community_demo_template, path)
    return path
