"""News email: composing the message, signed one-click unsubscribe links (RFC 8058), and what
an SMTP reply means for the delivery."""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Sequence
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr
from html import escape
from urllib.parse import quote

from newswire.config import Settings
from newswire.deliveries import DeliveryStatus, Outcome, next_retry
from newswire.models import Article, EventType, Format
from newswire.textclean import clean_line

_SUBJECT_PREFIX = {EventType.PUBLISHED: "", EventType.UPDATED: "Updated: ", EventType.KILLED: "Withdrawn: "}
MAX_SUBJECT = 200


class UnsubscribeLinks:
    """Tokens that name a subscriber and an address, signed so that nobody can unsubscribe
    someone else: ``base64(subscriber id \\n address).base64(HMAC)``."""

    def __init__(self, key_material: str, public_url: str) -> None:
        self._key = hashlib.sha256(b"newswire-unsubscribe:" + key_material.encode()).digest()
        self._base = public_url.rstrip("/")

    @classmethod
    def from_settings(cls, settings: Settings) -> UnsubscribeLinks:
        return cls(settings.secret_key or settings.admin_token, settings.public_url)

    def _mac(self, payload: bytes) -> str:
        return base64.urlsafe_b64encode(hmac.new(self._key, payload, hashlib.sha256).digest()).decode().rstrip("=")

    def token(self, subscriber_id: str, address: str) -> str:
        payload = f"{subscriber_id}\n{address}".encode()
        return base64.urlsafe_b64encode(payload).decode().rstrip("=") + "." + self._mac(payload)

    def url(self, subscriber_id: str, address: str) -> str:
        return f"{self._base}/v1/unsubscribe?token={quote(self.token(subscriber_id, address))}"

    def read(self, token: str) -> tuple[str, str] | None:
        """The (subscriber id, address) a valid token names, or None."""
        encoded, _, mac = token.partition(".")
        try:
            payload = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
        except ValueError:
            return None
        if not hmac.compare_digest(self._mac(payload), mac):
            return None
        subscriber_id, _, address = payload.decode("utf-8", "replace").partition("\n")
        return (subscriber_id, address) if subscriber_id and address else None


def subject(headline: str, event: EventType) -> str:
    """One line, however the headline was written: header injection is impossible."""
    line = clean_line(headline) or "News"
    return (_SUBJECT_PREFIX[event] + line)[:MAX_SUBJECT]


def compose(
    *,
    article: Article,
    parts: tuple[str, str],
    event: EventType,
    fmt: Format,
    delivery_id: str,
    to: str,
    mail_from: str,
    unsubscribe_url: str,
    now: datetime,
) -> EmailMessage:
    """A multipart/alternative message (text only when the subscriber asked for ``text``)."""
    text, html = parts
    domain = parseaddr(mail_from)[1].rpartition("@")[2] or "newswire.invalid"
    message = EmailMessage()
    message["Subject"] = subject(article.headline_or_enriched, event)
    message["From"] = mail_from
    message["To"] = Address(addr_spec=to)
    message["Date"] = format_datetime(now)
    message["Message-ID"] = f"<{delivery_id}@{domain}>"  # stable across retries of this delivery
    message["List-Unsubscribe"] = f"<{unsubscribe_url}>"
    message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message["X-Newswire-Event"] = event.value
    message.set_content(f"{text}\n\n--\nUnsubscribe: {unsubscribe_url}\n")
    if fmt is not Format.TEXT:
        footer = (
            '<p style="font-family:Arial,sans-serif;font-size:12px;color:#777777;text-align:center;">'
            f'<a href="{escape(unsubscribe_url)}" style="color:#777777;">Unsubscribe</a></p>'
        )
        head, marker, tail = html.rpartition("</body>")
        message.add_alternative(head + footer + marker + tail if marker else html + footer, subtype="html")
    return message


def decide_smtp(code: int | None, attempts_made: int, schedule: Sequence[float], now: datetime) -> Outcome:
    """2xx delivered; 5xx fails this recipient; 4xx and lost connections retry on the schedule."""
    if code is not None and 200 <= code < 300:
        return Outcome(DeliveryStatus.DELIVERED)
    if code is not None and code >= 500:
        return Outcome(DeliveryStatus.FAILED)
    retry_at = next_retry(schedule, attempts_made, now)
    return Outcome(DeliveryStatus.PENDING, retry_at=retry_at) if retry_at else Outcome(DeliveryStatus.FAILED)
