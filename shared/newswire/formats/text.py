"""Plain text: headline, the metadata lines a reader needs, then the body."""

from __future__ import annotations

from ._markup import body_blocks, to_text
from ._view import ArticleView

MEDIA_TYPE = "text/plain; charset=utf-8"


def dateline(v: ArticleView) -> str:
    """``KIEV, 25 April 2025`` (either part may be missing)."""
    when = f"{v.dateline_date.day} {v.dateline_date:%B %Y}" if v.dateline_date else ""
    return ", ".join(part for part in (v.located.upper(), when) if part)


def text_body(v: ArticleView) -> str:
    """The body as plain text, from the same blocks every other format shows (so nothing the
    HTML holds is lost); the article's own text when there are no blocks."""
    text = to_text(body_blocks(v.body_html, v.body_text))
    return text or v.body_text.replace("\r\n", "\n").replace("\r", "\n").strip()


def render_text_str(v: ArticleView) -> str:
    head = [v.headline] if v.headline else []
    if v.byline:
        head.append(v.byline if v.byline.lower().startswith("by ") else f"By {v.byline}")
    if line := dateline(v):
        head.append(line)
    parts = ["\n".join(head)] if head else []
    if v.embargoed:
        parts.insert(0, f"EMBARGOED UNTIL {v.embargoed.strftime('%Y-%m-%d %H:%M UTC')}")
    if v.pubstatus == "canceled":
        parts.insert(0, "KILL: this article has been withdrawn and must not be used.")
    body = text_body(v)
    if body:
        parts.append(body)
    return "\n\n".join(parts) + "\n"


def render_text(v: ArticleView) -> bytes:
    return render_text_str(v).encode("utf-8")
