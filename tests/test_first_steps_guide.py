"""First steps and help (issue 18, item 9): a blank community offers its next steps, F1 opens the guide
with a screenshot of each task, and the quick start prints on one page."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import save_screenshot
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QImage, QTextDocument
from PySide6.QtWidgets import QApplication, QDialog

from gridboard.models import ledger
from gridboard.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def test_a_blank_community_offers_its_next_steps(gui, qtbot, db) -> None:
    community = ledger.create_community(db, name="幸福社区")
    db.take_changes()
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    board = window.view("board")
    assert board.stack.currentWidget() is board.first_steps
    steps = board.first_steps
    assert steps.buttons["import"].text() == "1. 导入台账…"
    assert {a.objectName() for a in window.findChildren(QAction)} >= {
        "actionImport",
        "actionTemplate_ledger",
        "actionNewGrid",
        "actionGuide",
    }
    save_screenshot(window, "first_steps_1366")
    opened: list[QDialog] = []
    qtbot.mouseClick(steps.buttons["grid"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: bool(
            opened.extend(
                d for d in QApplication.topLevelWidgets() if d.objectName() == "gridDialog" and d.isVisible()
            )
            or opened
        )
    )
    opened[0].close()
    # Once a grid is there the board shows it.
    window.notifier.perform(ledger.create_grid, community_id=community, name="第一网格")
    qtbot.waitUntil(lambda: board.stack.currentWidget() is board.site_plan)
    assert board.grid_id is not None


def test_f1_opens_the_guide_with_a_screenshot_of_each_task(gui, qtbot, small) -> None:
    from gridboard.ui.guide import guide_images

    window = MainWindow(small.store)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    guide_action = window.findChild(QAction, "actionGuide")
    assert guide_action.shortcut().toString() == "F1"
    guide_action.trigger()
    dialog = window.guide_dialog
    qtbot.waitUntil(dialog.isVisible)
    names = guide_images()
    assert len(names) >= 8 and {"board.png", "entry.png", "dashboard.png", "rollcall.png"} <= set(names)
    document = dialog.browser.document()
    for name in names:
        image = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
        assert isinstance(image, QImage) and not image.isNull() and image.width() > 300, name
    text = document.toPlainText()
    assert "录入交回的走访单" in text and "四项清单" in text
    save_screenshot(dialog, "guide_dialog")


@pytest.mark.skipif(not shutil.which("pdfinfo"), reason="needs poppler")
def test_the_quick_start_is_one_page_with_every_task(gui, tmp_path: Path) -> None:
    from gridboard.printing import layout
    from gridboard.ui.guide import quick_start_document

    pdf = tmp_path / "quick.pdf"
    layout.render_pdf(quick_start_document(), pdf)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.MULTILINE)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = "".join(text.split())
    for task in ("快速入门", "记走访", "打印走访单", "录入交回的走访单", "办理诉求", "应急点名", "备份"):
        assert task in flat, task
