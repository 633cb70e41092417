"""Make the guide's screenshots from the real window, offscreen, at 1366×768 (resources/guide/*.png).

    QT_QPA_PLATFORM=offscreen python tools/guide_screenshots.py COPY_OF_A_COMMUNITY_FILE [OUT_FOLDER]

The file is changed (a sheet is printed, an emergency declared): give it a copy, never a shared file.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's gridboard

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QApplication

WIDTH = 1100  # the guide shows them scaled down; the window itself is 1366×768


def wait(app: QApplication, until, seconds: float = 60.0) -> None:
    end = time.monotonic() + seconds
    while not until() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)
    for _ in range(20):
        app.processEvents()


def save(widget, out: Path, name: str, width: int = WIDTH) -> None:
    image = widget.grab().toImage()
    if image.width() > width:
        image = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
    image.save(str(out / f"{name}.png"), "PNG", 80)
    print(out / f"{name}.png")


def main(path: str, out_folder: str) -> None:
    app = QApplication.instance() or QApplication([])
    QCoreApplication.setOrganizationName("gridboard")
    QCoreApplication.setApplicationName("gridboard")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    QSettings().setValue("language", "zh_CN")
    from gridboard.ui.app import make_application

    make_application()
    from gridboard.models import emergency, ledger, operators, sheets
    from gridboard.models.opening import open_store
    from gridboard.ui.main_window import MainWindow

    out = Path(out_folder)
    out.mkdir(parents=True, exist_ok=True)

    def signed_in(store):
        operator = operators.find_operator(store, "guide")
        if operator is None:
            operators.create_operator(store, name="guide", role="admin", secret="2468")
            operator = operators.find_operator(store, "guide")
        operators.start_session(store, operator.id, via="app")
        return store

    def window_for(store):
        window = MainWindow(store)
        window.resize(1366, 768)
        window.show()
        wait(app, lambda: False, 0.3)
        return window

    # A blank community: its next steps.
    blank_path = Path(tempfile.mkdtemp()) / "blank.gridboard"
    blank = signed_in(open_store(blank_path, create=True, operator="guide"))
    ledger.create_community(blank, name="幸福社区")
    window = window_for(blank)
    save(window, out, "first_steps")
    window.close()
    blank.close()

    store = signed_in(open_store(path, check="none", operator="guide"))
    window = window_for(store)
    board = window.view("board")
    building = store.scalar("SELECT id FROM building ORDER BY id LIMIT 1")
    window.navigate("building", building)
    household = store.scalar(
        "SELECT id FROM household WHERE building_id = ? AND priority_tier > 0 ORDER BY id LIMIT 1", [building]
    )
    window.navigate("household", household)
    wait(app, lambda: False, 0.5)
    save(window, out, "board")
    dialog = board.log_visit(household)
    wait(app, dialog.isVisible)
    save(dialog, out, "visit", 800)
    dialog.reject()

    member = store.scalar(
        "SELECT m.id FROM member m JOIN pairing p ON p.member_id = m.id WHERE p.ended_on IS NULL LIMIT 1"
    )
    from gridboard.ui.printing import PrintingFeature

    dialog = window.features.get(PrintingFeature).print_dialog("member", target_id=member)
    wait(app, lambda: False, 1.0)
    save(dialog, out, "print", 800)
    dialog.close()

    (printed,) = sheets.record_sheets(store, [sheets.member_sheet(store, member)])
    dialog = window.features.get(PrintingFeature).entry_dialog(printed.info.sheet_no)
    dialog.direction_combo.setCurrentIndex(1)
    for row, (outcome, method) in enumerate((("1", "1"), ("2", "1"), ("1", "2"))):
        dialog.model.set_value(row, 3, outcome)
        dialog.model.set_value(row, 4, method)
    dialog.model.set_value(0, 6, "反映楼道灯坏了")
    dialog.model.set_value(0, 7, "2")
    wait(app, lambda: False, 0.3)
    save(dialog, out, "entry", 1000)
    dialog.model.pending.clear()
    dialog.close()

    window.show_view("requests")
    wait(app, lambda: False, 1.5)
    save(window, out, "requests")

    view = window.show_view("dashboard")
    wait(app, lambda: view.up_to_date, 120)
    save(window, out, "dashboard")
    from gridboard.ui.dashboard.names import open_names

    names = open_names(view, "groups", 0)
    wait(app, names.isVisible)
    save(names, out, "names", 900)
    names.close()

    if emergency.active_emergency(store) is None:
        try:
            emergency.declare_emergency(store, name="寒潮应急响应", kind="other")
            window.notifier.changed.emit(store.take_changes())
        except Exception as error:  # noqa: BLE001 - a demo with an emergency on already
            print("emergency:", error)
    current = emergency.active_emergency(store)
    if current is not None:
        from gridboard.models.rollcall_help import record_needs_help

        homes = [
            r[0]
            for r in store.execute(
                "SELECT id FROM household WHERE priority_tier > 0 ORDER BY building_id, unit, floor, room LIMIT 3"
            )
        ]
        emergency.record_rollcall(store, emergency_id=current.id, household_id=homes[0], state="reached_safe")
        record_needs_help(
            store,
            emergency_id=current.id,
            household_id=homes[1],
            help_needed="降压药明天吃完",
            request_category="medicine",
        )
        emergency.record_rollcall(store, emergency_id=current.id, household_id=homes[2], state="unreachable")
        window.notifier.changed.emit(store.take_changes())
    window.show_view("rollcall")
    wait(app, lambda: False, 1.5)
    save(window, out, "rollcall")
    window.close()
    store.close()


if __name__ == "__main__":
    main(
        sys.argv[1],
        sys.argv[2] if len(sys.argv) > 2 else str(Path(__file__).parent.parent / "resources" / "guide"),
    )
