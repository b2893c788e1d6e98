"""One-click unsubscribe (RFC 8058) from the signed link in every news email.

The POST unsubscribes (mail clients send ``List-Unsubscribe=One-Click``); the GET only shows
a confirmation button, because link scanners fetch links without a person clicking.
"""

from __future__ import annotations

from datetime import datetime, timezone
from html import escape

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from newswire.mail import UnsubscribeLinks
from newswire_intake.deps import SettingsDep, StoreDep

router = APIRouter(prefix="/v1/unsubscribe", tags=["email"])

_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Newswire</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family:sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem">{body}</body></html>"""


def _page(body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(_PAGE.format(body=body), status_code=status)


def _invalid() -> HTMLResponse:
    return _page("<h1>This link is not valid</h1><p>It may have been altered or cut short.</p>", 400)


@router.get("", response_class=HTMLResponse, summary="Confirm unsubscribing (shows a button)")
def confirm(token: str, settings: SettingsDep) -> HTMLResponse:
    named = UnsubscribeLinks.from_settings(settings).read(token)
    if named is None:
        return _invalid()
    return _page(
        f"<h1>Unsubscribe</h1><p>Stop sending news to <strong>{escape(named[1])}</strong>?</p>"
        f'<form method="post" action="?token={escape(token)}"><button type="submit">Unsubscribe</button></form>'
    )


@router.post("", response_class=HTMLResponse, summary="Unsubscribe an address (RFC 8058 one-click)")
def unsubscribe(token: str, store: StoreDep, settings: SettingsDep) -> HTMLResponse:
    named = UnsubscribeLinks.from_settings(settings).read(token)
    if named is None:
        return _invalid()
    subscriber_id, address = named
    subscriber = store.get_subscriber(subscriber_id)
    if subscriber is not None and address not in subscriber.unsubscribed:
        subscriber.unsubscribed = [*subscriber.unsubscribed, address]
        subscriber.updated_at = datetime.now(timezone.utc)
        store.put_subscriber(subscriber)
    return _page(f"<h1>Unsubscribed</h1><p>{escape(address)} will receive no more news from this feed.</p>")
