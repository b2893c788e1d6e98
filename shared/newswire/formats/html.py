"""A clean standalone HTML page: no scripts, no external resources, a restrictive CSP.

The page is polyglot (well-formed XML as well as HTML5) so it can be checked by any parser.
"""

from __future__ import annotations

from html import escape

from ._markup import body_blocks, to_html
from ._view import ArticleView, iso
from .text import dateline

MEDIA_TYPE = "text/html; charset=utf-8"

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:"
_STYLE = (
    "body{margin:0;padding:2rem 1rem;background:#fff;color:#1a1a1a;"
    "font:18px/1.6 Georgia,'Times New Roman',serif}"
    "article{max-width:40rem;margin:0 auto}"
    "h1{font-size:2rem;line-height:1.2;margin:0 0 .5rem}"
    ".meta{color:#555;font:14px/1.4 system-ui,sans-serif;margin:0 0 1.5rem}"
    ".notice{background:#fff3cd;padding:.5rem 1rem;font:14px/1.4 system-ui,sans-serif}"
    "blockquote{margin:1rem 0;padding-left:1rem;border-left:3px solid #ccc;color:#333}"
    "pre{white-space:pre-wrap}"
    "footer{margin-top:2rem;color:#555;font:14px/1.4 system-ui,sans-serif}"
)


def _e(text: str) -> str:
    return escape(text, quote=True)


def render_html_str(v: ArticleView) -> str:
    lang = f' lang="{_e(v.language)}"' if v.language else ""
    title = v.headline or v.slugline or "Article"
    out = [
        "<!DOCTYPE html>\n",
        f'<html xmlns="http://www.w3.org/1999/xhtml"{lang} dir="auto">',
        '<head><meta charset="utf-8" />',
        f'<meta http-equiv="Content-Security-Policy" content="{_e(_CSP)}" />',
        '<meta name="viewport" content="width=device-width, initial-scale=1" />',
        f"<title>{_e(title)}</title>",
    ]
    if v.summary:
        out.append(f'<meta name="description" content="{_e(v.summary)}" />')
    if v.byline:
        out.append(f'<meta name="author" content="{_e(v.byline)}" />')
    if v.keywords:
        out.append(f'<meta name="keywords" content="{_e(", ".join(v.keywords))}" />')
    out.append(f"<style>{_STYLE}</style></head>")
    out.append("<body><article>")
    if v.pubstatus == "canceled":
        out.append('<p class="notice"><strong>Withdrawn:</strong> this article must not be used.</p>')
    if v.embargoed:
        out.append(f'<p class="notice">Embargoed until <time datetime="{iso(v.embargoed)}">'
                   f"{v.embargoed:%Y-%m-%d %H:%M} UTC</time></p>")
    out.append("<header>")
    if v.headline:
        out.append(f'<h1 dir="auto">{_e(v.headline)}</h1>')
    meta = []
    if v.byline:
        meta.append(f'<span class="byline">{_e(v.byline)}</span>')
    if line := dateline(v):
        meta.append(f'<span class="dateline">{_e(line)}</span>')
    meta.append(f'<time datetime="{iso(v.version_created)}">{v.version_created:%Y-%m-%d %H:%M} UTC</time>')
    out.append(f'<p class="meta">{" · ".join(meta)}</p></header>')
    out.append(f'<div class="body" dir="auto">{to_html(body_blocks(v.body_html, v.body_text))}</div>')
    topics = [s.name for s in v.subjects if s.name]
    if topics:
        out.append(f'<footer><p class="topics">{_e(" · ".join(topics))}</p></footer>')
    out.append("</article></body></html>\n")
    return "".join(out)


def render_html(v: ArticleView) -> bytes:
    return render_html_str(v).encode("utf-8")
