"""Text cleaning shared by the intake and every renderer.

XML 1.0 forbids most C0 control characters, surrogates and U+FFFE/U+FFFF; orjson refuses lone
surrogates. Every string that reaches a rendered document passes through :func:`clean` first,
so JSON and XML outputs carry the same text.
"""

from __future__ import annotations

import re

# Everything outside XML 1.0's Char production except surrogates, which are handled first.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean(text: str | None) -> str:
    """Return ``text`` safe for JSON and XML: forbidden characters removed, lone surrogates
    replaced by U+FFFD (a correctly paired surrogate pair becomes the character it encodes)."""
    if not text:
        return ""
    if _SURROGATE.search(text):
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return _FORBIDDEN.sub("", text)


def clean_line(text: str | None) -> str:
    """Like :func:`clean`, with runs of whitespace (newlines included) collapsed to one space."""
    return " ".join(clean(text).split())  # str.split is many times faster than a \s+ regex
