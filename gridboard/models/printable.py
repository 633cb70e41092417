"""Text that prints: emoji (which no CJK text font carries) become a word in brackets, not a box."""

from __future__ import annotations

import re

# Words for the emoji residents and staff send most in WeChat notes; any other becomes [表情].
WORDS: dict[str, str] = {
    "😀": "笑脸",
    "😃": "笑脸",
    "😄": "笑脸",
    "😁": "笑脸",
    "😊": "微笑",
    "🙂": "微笑",
    "☺": "微笑",
    "😂": "笑哭",
    "🤣": "大笑",
    "😭": "大哭",
    "😢": "流泪",
    "😔": "难过",
    "😞": "难过",
    "😟": "担心",
    "😡": "生气",
    "😠": "生气",
    "😷": "口罩",
    "🤒": "发烧",
    "🤕": "受伤",
    "😴": "睡觉",
    "🤔": "思考",
    "😅": "尴尬",
    "😓": "汗",
    "😱": "惊恐",
    "🥺": "请求",
    "🙏": "拜托",
    "👍": "赞",
    "👎": "差评",
    "👌": "好的",
    "👏": "鼓掌",
    "💪": "加油",
    "🤝": "握手",
    "✌": "胜利",
    "❤": "爱心",
    "💔": "心碎",
    "🌹": "玫瑰",
    "🌸": "花",
    "🎉": "庆祝",
    "🎂": "蛋糕",
    "🔥": "火",
    "⚠": "注意",
    "✅": "已办",
    "❌": "不行",
    "❗": "重要",
    "❓": "疑问",
    "💊": "药",
    "🏥": "医院",
    "🚑": "救护车",
    "🏠": "家",
    "🚗": "车",
    "📞": "电话",
    "☎": "电话",
    "📱": "手机",
    "💧": "水",
    "⚡": "电",
    "❄": "雪",
    "☀": "晴",
    "🌧": "雨",
    "🍚": "米饭",
    "🥛": "牛奶",
    "🍎": "苹果",
    "🐶": "狗",
    "🐱": "猫",
}
DEFAULT_WORD = "表情"

# Symbols we print ourselves (the bundled font has them): never replaced.
KEEP = set("●○■□▲△◆◇★☆✓✔✗✘→←↑↓·…—–‘’“”№℃×÷±≤≥²³")

_EMOJI = re.compile(
    "(?:[\U0001f1e6-\U0001f1ff]{2})"  # a flag: two regional indicators
    "|(?:[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2300-\u23ff\u2190-\u21ff\u3030\u303d\u3297\u3299]"
    "[\U0001f3fb-\U0001f3ff\ufe0e\ufe0f\u20e3]*"  # skin tones, presentation selectors, keycaps
    "(?:\u200d[\U0001f000-\U0001faff\u2600-\u27bf][\U0001f3fb-\U0001f3ff\ufe0f]*)*)"  # ZWJ sequences
)


def _word(match: re.Match[str]) -> str:
    text = match.group(0)
    if text in KEEP:
        return text
    if "\U0001f1e6" <= text[0] <= "\U0001f1ff":
        return "[旗帜]"
    return f"[{WORDS.get(text[0], DEFAULT_WORD)}]"


def printable(text: str) -> str:
    """`text` with each emoji replaced by a word: "谢谢👍🙏" → "谢谢[赞][拜托]"."""
    if not text or text.isascii():
        return text
    return _EMOJI.sub(_word, text).replace("\ufe0f", "").replace("\u200d", "")
