"""Render an article into the formats subscribers receive.

``render(article, fmt)`` is a pure function: the same article gives the same bytes. The worker
renders each format once per article version and stores the result.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from newswire.models import Article, Format

from . import html, newsml, ninjs, nitf, text
from ._view import ArticleView, view

__all__ = ["MEDIA_TYPES", "Rendered", "render"]


@dataclass(frozen=True, slots=True)
class Rendered:
    media_type: str
    body: bytes


_Renderer = Callable[[ArticleView], bytes]

_REGISTRY: dict[Format, tuple[str, _Renderer]] = {
    Format.NINJS2: (ninjs.MEDIA_TYPE, ninjs.render_ninjs2),
    Format.NINJS3: (ninjs.MEDIA_TYPE, ninjs.render_ninjs3),
    Format.NEWSMLG2: (newsml.MEDIA_TYPE, newsml.render_newsml),
    Format.NITF: (nitf.MEDIA_TYPE, nitf.render_nitf),
    Format.HTML: (html.MEDIA_TYPE, html.render_html),
    Format.TEXT: (text.MEDIA_TYPE, text.render_text),
}

MEDIA_TYPES: dict[Format, str] = {fmt: media_type for fmt, (media_type, _) in _REGISTRY.items()}


def render(article: Article, fmt: Format) -> Rendered:
    """Render ``article`` as ``fmt`` (a Format or its value; anything else raises ValueError)."""
    media_type, renderer = _REGISTRY[Format(fmt)]
    return Rendered(media_type=media_type, body=renderer(view(article)))
