"""A real SMTP server (aiosmtpd) on 127.0.0.1 that keeps what it receives and can refuse
recipients as scripted."""

from __future__ import annotations

import threading
from collections import defaultdict, deque
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller

from tests.support.processes import free_port, wait_for


@dataclass(frozen=True)
class Mail:
    sender: str
    recipients: list[str]
    raw: bytes

    @property
    def message(self) -> EmailMessage:
        return message_from_bytes(self.raw, policy=policy.default)  # type: ignore[return-value]


class SmtpSink:
    def __init__(self) -> None:
        self.mails: list[Mail] = []
        self._rcpt_script: dict[str, deque[str]] = defaultdict(deque)
        self._lock = threading.Lock()
        self.port = free_port()
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def refuse(self, address: str, *replies: str) -> None:
        """The next RCPT TO for ``address`` get these replies, e.g. "451 4.2.0 try later"."""
        with self._lock:
            self._rcpt_script[address.lower()].extend(replies)

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: list[str]) -> str:  # noqa: N802
        with self._lock:
            script = self._rcpt_script[address.lower()]
            if script:
                return script.popleft()
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        with self._lock:
            self.mails.append(Mail(envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content or envelope.content))
        return "250 Message accepted"

    def to(self, address: str) -> list[Mail]:
        with self._lock:
            return [m for m in self.mails if address in m.recipients]

    def wait(self, address: str, count: int = 1, timeout: float = 10) -> list[Mail]:
        return wait_for(lambda: len(self.to(address)) >= count and self.to(address), timeout=timeout, what=f"mail to {address}")

    def close(self) -> None:
        self._controller.stop()
