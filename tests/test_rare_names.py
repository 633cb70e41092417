"""Every name prints: the bundled font covers the 通用规范汉字表, CJK Unified Ideographs and Extension A,
rare name characters draw from it on screen and in PDFs, and emoji in notes print as words."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QRawFont, QTextLayout

from gridboard.models.printable import printable
from gridboard.ui.resources import FONT_FILE

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parent.parent
FONT = ROOT / "resources" / "fonts" / FONT_FILE
# Characters of residents' names that a GB2312 font lacks (喆 堃 赟 …) and a few beyond the BMP
# that the 通用规范汉字表 lists (𬌗 𬀩 𬳵 for names and places).
RARE = "喆堃赟玥珺祎镕旻昇翀昱琰瑄璟堯犇淼焱垚鑫昕晞珈玙琤瑀璠甦砼祐禕斓翯䶮𬌗𬀩𬳵"
NAMES = ["王喆", "李堃", "张赟", "陈玥", "刘珺", "杨祎", "朱镕", "周旻", "龚䶮", "黄𬌗"]


def tongyong() -> str:
    lines = (ROOT / "tests" / "data" / "tongyong_guifan_8105.txt").read_text(encoding="utf-8").splitlines()
    return "".join(line.strip() for line in lines if not line.startswith("#"))


def test_rare_names_list_is_beyond_gb2312() -> None:
    """The test would prove nothing if these characters were in GB2312 (what the old font covered)."""
    outside = [c for c in "喆堃赟玥珺祎镕旻" if not _in_gb2312(c)]
    assert len(outside) >= 6, outside


def _in_gb2312(c: str) -> bool:
    try:
        c.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


def test_font_covers_tongyong_guifan_and_both_blocks(gui) -> None:
    raw = QRawFont(str(FONT), 12)
    assert raw.isValid()
    table = tongyong()
    assert len(table) == 8105 and len(set(table)) == 8105
    assert [c for c in table if not raw.supportsCharacter(ord(c))] == []
    # Unicode ≤ 12 assignments; the few added later (U+9FF0…, U+4DB6…) are in no Noto CJK yet.
    assert [hex(c) for c in range(0x4E00, 0x9FF0) if not raw.supportsCharacter(c)] == []
    assert [hex(c) for c in range(0x3400, 0x4DB6) if not raw.supportsCharacter(c)] == []
    assert all(raw.supportsCharacter(ord(c)) for c in RARE)


def _glyph_runs(font: QFont, text: str):
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return layout.glyphRuns()


def test_rare_names_draw_on_screen_with_real_glyphs(gui, qtbot) -> None:
    """What a label shows: every glyph comes from a font that has it (never glyph 0, the box)."""
    from conftest import save_screenshot
    from PySide6.QtWidgets import QLabel

    label = QLabel("  ".join(NAMES) + "\n" + RARE)
    qtbot.addWidget(label)
    label.show()
    runs = _glyph_runs(label.font(), RARE + "".join(NAMES))
    assert runs
    for run in runs:
        assert 0 not in list(run.glyphIndexes()), run.rawFont().familyName()
        assert run.rawFont().familyName() in label.font().families() or run.rawFont().familyName() == (
            "Gridboard Sans SC"
        )
    # The bundled family alone, with no fallback to whatever the machine has, draws every one.
    alone = QFont("Gridboard Sans SC")
    alone.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)
    glyphs = [i for run in _glyph_runs(alone, RARE) for i in run.glyphIndexes()]
    assert len(glyphs) == len(RARE) and 0 not in glyphs
    save_screenshot(label, "rare_names_screen")


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils missing")
def test_rare_names_and_emoji_in_a_pdf(gui, tmp_path: Path) -> None:
    from gridboard.printing.layout import (
        Column,
        Document,
        Heading,
        Paragraph,
        Section,
        Table,
        page_font,
        render_pdf,
    )

    note = "老人说谢谢👍🙏，药快吃完了💊"
    rows = [[name, note] for name in NAMES] + [[RARE, ""]]
    document = Document(
        title="生僻字",
        sections=[
            Section(
                blocks=[
                    Heading("住户名单"),
                    Table([Column("姓名"), Column("备注", 3)], rows),
                    Paragraph(note),
                ]
            )
        ],
    )
    pdf = tmp_path / "names.pdf"
    render_pdf(document, pdf)
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    flat = text.replace("\n", "").replace(" ", "")
    # Qt's PDF text layer (copy, search) maps BMP characters only; beyond it the glyphs are drawn
    # (checked below and looked at) but pdftotext cannot read them back.
    for name in NAMES:
        assert "".join(c for c in name if ord(c) <= 0xFFFF) in flat
    assert "".join(c for c in RARE if ord(c) <= 0xFFFF) in flat
    assert "谢谢[赞][拜托]" in flat and "[药]" in flat and "👍" not in flat
    fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    embedded = [line.split()[0] for line in fonts.splitlines()[2:] if line.strip()]
    assert embedded and all("GridboardSansSC" in name for name in embedded), fonts
    # The font the pages use draws every character itself (no glyph 0 anywhere).
    glyphs = [
        i
        for run in _glyph_runs(page_font(9), RARE + "".join(NAMES) + printable(note))
        for i in run.glyphIndexes()
    ]
    assert 0 not in glyphs


def test_emoji_become_words() -> None:
    assert printable("好的👌") == "好的[好的]"
    assert printable("🇨🇳国庆") == "[旗帜]国庆"
    assert printable("👨‍👩‍👧一家") == "[表情]一家"
    assert printable("❤️") == "[爱心]"
    assert printable("3-2-502 ★ → ●") == "3-2-502 ★ → ●"
    assert printable("喆堃") == "喆堃"
