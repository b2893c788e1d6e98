"""The SMTP client's STARTTLS, implicit TLS and AUTH against a real aiosmtpd server on
127.0.0.1 with a certificate made for the test (trusted through SSL_CERT_FILE)."""

from __future__ import annotations

import datetime
import ipaddress
import ssl
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from newswire.mail_sending import SmtpServer, send_message
from tests.support.processes import free_port

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )  # fmt: skip
    folder = tmp_path_factory.mktemp("tls")
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    return cert_path, key_path


class Inbox:
    def __init__(self) -> None:
        self.received: list[bytes] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        self.received.append(envelope.content)
        return "250 OK"


def authenticator(server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> AuthResult:
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (b"desk", b"s3cret")
    return AuthResult(success=ok, handled=False)


@pytest.fixture
def trust(certificate: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> ssl.SSLContext:
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate[0]))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(*certificate)
    return context


@pytest.fixture
def starttls_server(trust: ssl.SSLContext) -> Iterator[tuple[Inbox, int]]:
    inbox, port = Inbox(), free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port, tls_context=trust, require_starttls=True,
                            authenticator=authenticator, auth_require_tls=True)  # fmt: skip
    controller.start()
    yield inbox, port
    controller.stop()


@pytest.fixture
def implicit_tls_server(trust: ssl.SSLContext) -> Iterator[tuple[Inbox, int]]:
    inbox, port = Inbox(), free_port()
    # The whole connection is TLS, which aiosmtpd cannot see: it is told not to insist on STARTTLS.
    controller = Controller(inbox, hostname="127.0.0.1", port=port, ssl_context=trust, authenticator=authenticator,
                            auth_require_tls=False, server_hostname="localhost")  # fmt: skip
    controller.start()
    yield inbox, port
    controller.stop()


def message() -> EmailMessage:
    mail = EmailMessage()
    mail["From"], mail["To"], mail["Subject"] = "desk@news.test", "reader@example.com", "Hello"
    mail.set_content("Body over TLS.")
    return mail


def test_starttls_with_auth_delivers(starttls_server: tuple[Inbox, int]) -> None:
    inbox, port = starttls_server
    session = SmtpServer("localhost", port, "starttls", "desk", "s3cret", timeout=5).connect()
    assert send_message(session, message(), "desk@news.test", "reader@example.com") == (250, None)
    session.quit()
    assert b"Body over TLS." in inbox.received[0]


def test_implicit_tls_with_auth_delivers(implicit_tls_server: tuple[Inbox, int]) -> None:
    inbox, port = implicit_tls_server
    session = SmtpServer("localhost", port, "tls", "desk", "s3cret", timeout=5).connect()
    assert send_message(session, message(), "desk@news.test", "reader@example.com") == (250, None)
    session.quit()
    assert len(inbox.received) == 1


def test_wrong_password_and_plain_text_are_refused(starttls_server: tuple[Inbox, int]) -> None:
    import smtplib

    _, port = starttls_server
    with pytest.raises(smtplib.SMTPAuthenticationError):
        SmtpServer("localhost", port, "starttls", "desk", "wrong", timeout=5).connect()
    plain = SmtpServer("localhost", port, "none", "", "", timeout=5).connect()
    code, error = send_message(plain, message(), "desk@news.test", "reader@example.com")  # the server requires STARTTLS
    assert code == 530 and error
    plain.close()
