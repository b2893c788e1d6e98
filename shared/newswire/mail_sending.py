"""Sending a batch of email deliveries over one SMTP session, recording every attempt."""

from __future__ import annotations

import contextlib
import smtplib
import ssl
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import parseaddr

from newswire.config import Settings
from newswire.deliveries import WITHDRAWN, Attempt, Delivery
from newswire.formats.email import build_email_parts
from newswire.mail import UnsubscribeLinks, compose, decide_smtp
from newswire.store import Store


@dataclass(frozen=True)
class SmtpServer:
    host: str
    port: int
    tls: str  # none | starttls | tls (implicit)
    user: str
    password: str
    timeout: float

    @classmethod
    def from_settings(cls, settings: Settings) -> SmtpServer:
        return cls(settings.smtp_host, settings.smtp_port, settings.smtp_tls.lower(), settings.smtp_user,
                   settings.smtp_password, settings.delivery_timeout)  # fmt: skip

    def connect(self) -> smtplib.SMTP:
        context = ssl.create_default_context()
        if self.tls == "tls":
            session: smtplib.SMTP = smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout, context=context)
        else:
            session = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
            if self.tls == "starttls":
                session.starttls(context=context)
        if self.user:
            session.login(self.user, self.password)
        return session


def send_message(session: smtplib.SMTP, message: EmailMessage, sender: str, to: str) -> tuple[int, str | None]:
    """The SMTP reply code for this recipient, and an error text when it is not 2xx. Protocol
    refusals are answers; a lost connection raises."""
    try:
        session.send_message(message, from_addr=sender, to_addrs=[to])
        return 250, None
    except smtplib.SMTPRecipientsRefused as exc:
        code, text = exc.recipients[to]
        return code, f"{code} {_reply(text)}"
    except (smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as exc:
        return exc.smtp_code, f"{exc.smtp_code} {_reply(exc.smtp_error)}"


def _reply(text: bytes | str) -> str:
    return text.decode("utf-8", "replace") if isinstance(text, bytes) else text


def deliver_emails(
    store: Store,
    delivery_ids: Sequence[str],
    *,
    server: SmtpServer,
    links: UnsubscribeLinks,
    mail_from: str,
    schedule: Sequence[float],
    claim_seconds: float,
    now: datetime,
) -> list[Delivery]:
    batch = store.claim_batch(delivery_ids, claim_seconds)
    if not batch.deliveries:
        return []
    killed = batch.killed
    parts: dict[str, tuple[str, str]] = {}
    sender = parseaddr(mail_from)[1]
    finished: list[Delivery] = []
    session: smtplib.SMTP | None = None
    connection_error: str | None = None

    try:
        for delivery in batch.deliveries:
            subscriber = batch.subscribers.get(delivery.subscriber_id)
            article = batch.articles.get(delivery.article_id)
            if subscriber is None or subscriber.email is None or delivery.target not in subscriber.email.to:
                finished.append(delivery.fail("the subscriber or this address was removed", now))
                continue
            if delivery.target in subscriber.unsubscribed:
                finished.append(delivery.fail("the address unsubscribed", now))
                continue
            if delivery.withdrawn(killed):
                finished.append(delivery.fail(WITHDRAWN, now))
                continue
            if article is None:
                finished.append(delivery.fail("the article no longer exists", now))
                continue
            if article.id not in parts:
                parts[article.id] = build_email_parts(article)
            message = compose(
                article=article, parts=parts[article.id], event=delivery.event, fmt=delivery.format,
                delivery_id=delivery.id, to=delivery.target, mail_from=mail_from,
                unsubscribe_url=links.url(subscriber.id, delivery.target), now=now,
            )  # fmt: skip
            started = time.perf_counter()
            code: int | None = None
            error = connection_error
            if connection_error is None:  # after a lost server, the rest wait for their retry
                try:
                    session = session or server.connect()
                    code, error = send_message(session, message, sender, delivery.target)
                except (smtplib.SMTPException, OSError) as exc:
                    # The server, not this recipient, failed (connect, TLS, login or a dropped
                    # session): retry on the schedule, whatever code it gave.
                    connection_error = error = f"{type(exc).__name__}: {exc}"[:500]
                    session = None
            delivery.record(Attempt(at=now, duration_ms=round((time.perf_counter() - started) * 1000, 2),
                                    status_code=code, error=error))  # fmt: skip
            finished.append(delivery.conclude(decide_smtp(code, delivery.attempt_count, schedule, now)))
    finally:
        if session is not None:
            with contextlib.suppress(smtplib.SMTPException, OSError):
                session.quit()
        store.finish_attempts(finished)
    return finished
