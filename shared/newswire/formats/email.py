"""The two parts of a news email: plain text and an HTML body for mail clients.

Mail clients drop <style> blocks and scripts, so the HTML carries inline styles only and no
external resources. Unsubscribe links and headers belong to the email channel, not here.
"""

from __future__ import annotations

from html import escape

from newswire.models import Article

from ._markup import body_blocks, to_html
from ._view import view
from .text import dateline, render_text_str

_FONT = "font-family:Georgia,'Times New Roman',serif;"
_META = "font-family:Arial,Helvetica,sans-serif;font-size:13px;color:#555555;"
_STYLES = {
    "p": _FONT + "font-size:17px;line-height:1.6;margin:0 0 16px;color:#1a1a1a;",
    "h2": _FONT + "font-size:21px;line-height:1.3;margin:24px 0 8px;color:#1a1a1a;",
    "h3": _FONT + "font-size:19px;line-height:1.3;margin:20px 0 8px;color:#1a1a1a;",
    "h4": _FONT + "font-size:17px;line-height:1.3;margin:16px 0 8px;color:#1a1a1a;",
    "ul": _FONT + "font-size:17px;line-height:1.6;margin:0 0 16px;padding-left:24px;",
    "ol": _FONT + "font-size:17px;line-height:1.6;margin:0 0 16px;padding-left:24px;",
    "blockquote": "margin:0 0 16px;padding-left:16px;border-left:3px solid #cccccc;color:#333333;",
    "pre": "font-family:Consolas,monospace;font-size:14px;white-space:pre-wrap;margin:0 0 16px;",
    "a": "color:#0b57d0;",
}


def build_email_parts(article: Article) -> tuple[str, str]:
    """Return ``(text, html)`` for a multipart/alternative message about ``article``."""
    v = view(article)
    text = render_text_str(v)

    def e(value: str) -> str:
        return escape(value, quote=True)

    lang = f' lang="{e(v.language)}"' if v.language else ""
    out = [
        "<!DOCTYPE html>\n",
        f'<html{lang} dir="auto"><head><meta charset="utf-8" />',
        '<meta name="viewport" content="width=device-width, initial-scale=1" />',
        f"<title>{e(v.headline or v.slugline)}</title></head>",
        '<body style="margin:0;padding:0;background-color:#f4f4f4;">',
        '<div style="max-width:640px;margin:0 auto;padding:24px 16px;background-color:#ffffff;" dir="auto">',
    ]
    if v.pubstatus == "canceled":
        out.append(f'<p style="{_META}background-color:#fff3cd;padding:8px;"><strong>Withdrawn:</strong> '
                   "this article must not be used.</p>")
    if v.headline:
        out.append(f'<h1 style="{_FONT}font-size:28px;line-height:1.2;margin:0 0 8px;color:#1a1a1a;">'
                   f"{e(v.headline)}</h1>")
    meta = [part for part in (v.byline, dateline(v)) if part]
    if meta:
        out.append(f'<p style="{_META}margin:0 0 20px;">{e(" · ".join(meta))}</p>')
    out.append(to_html(body_blocks(v.body_html, v.body_text), _STYLES))
    out.append("</div></body></html>\n")
    return text, "".join(out)
