"""Email delivery through a real SMTP server: well-formed multipart mail, stable ids, retries
on 4xx, per-recipient failure on 5xx, and one-click unsubscribe that really stops the mail."""

from __future__ import annotations

import time
import uuid
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from tests.integration.helpers import post_article, wait_processed
from tests.support.paths import seed_article_bytes
from tests.support.smtp import SmtpSink

pytestmark = pytest.mark.integration


def mail_subscriber(admin: httpx.Client, *addresses: str, **fields: object) -> dict:
    response = admin.post("/v1/subscribers", json={"name": "mail desk", "email": {"to": list(addresses)}, **fields})
    assert response.status_code == 201, response.text
    return response.json()


def unique(local: str) -> str:
    return f"{local}-{uuid.uuid4().hex[:8]}@example.com"


def test_seed_article_arrives_as_a_proper_multipart_email(admin: httpx.Client, newsroom: httpx.Client, smtp: SmtpSink) -> None:
    address = unique("editor")
    mail_subscriber(admin, address)
    accepted = post_article(newsroom, seed_article_bytes()).json()
    [mail] = smtp.wait(address)
    message = mail.message
    assert mail.sender == "desk@newswire.test"
    assert message["From"] == "Newswire Desk <desk@newswire.test>" and message["To"] == address
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "Vitali Klitschko" in text and "Vitali Klitschko" in html
    assert "<script" not in html.lower()
    assert message["Subject"] and "\n" not in message["Subject"]
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["List-Unsubscribe"].startswith("<http") and "/v1/unsubscribe?token=" in message["List-Unsubscribe"]
    [delivery] = admin.get(f"/v1/articles/{accepted['id']}/deliveries").json()["deliveries"]
    assert message["Message-ID"] == f"<{delivery['id']}@newswire.test>"
    assert delivery["status"] == "delivered" and delivery["attempts"][0]["status_code"] == 250


def test_headline_cannot_inject_headers(admin: httpx.Client, newsroom: httpx.Client, smtp: SmtpSink) -> None:
    address = unique("injection")
    mail_subscriber(admin, address)
    post_article(newsroom, {"headline": "Breaking\r\nBcc: victim@example.com\r\nX-Evil: 1", "body_text": "Body."})
    [mail] = smtp.wait(address)
    assert mail.recipients == [address]
    assert mail.message["Bcc"] is None and mail.message["X-Evil"] is None
    assert mail.message["Subject"] == "Breaking Bcc: victim@example.com X-Evil: 1"


def test_4xx_is_retried_and_5xx_fails_only_that_recipient(admin: httpx.Client, newsroom: httpx.Client, smtp: SmtpSink) -> None:
    later, bounce, fine = unique("later"), unique("bounce"), unique("fine")
    smtp.refuse(later, "451 4.2.0 mailbox busy, try later")
    smtp.refuse(bounce, "550 5.1.1 no such user")
    mail_subscriber(admin, later, bounce, fine)
    accepted = post_article(newsroom, {"headline": "Three readers", "body_text": "Text for three."}).json()
    smtp.wait(fine)
    smtp.wait(later)
    article = wait_processed(admin, accepted["id"])
    assert article["deliveries"] == {"total": 3, "pending": 0, "delivered": 2, "failed": 1}
    deliveries = {d["target"]: d for d in admin.get(f"/v1/articles/{accepted['id']}/deliveries").json()["deliveries"]}
    assert [a["status_code"] for a in deliveries[later]["attempts"]] == [451, 250]
    assert [a["status_code"] for a in deliveries[bounce]["attempts"]] == [550]
    assert deliveries[bounce]["status"] == "failed" and smtp.to(bounce) == []


def test_one_click_unsubscribe_stops_further_mail(stack, admin: httpx.Client, newsroom: httpx.Client, smtp: SmtpSink) -> None:
    leaving, staying = unique("leaving"), unique("staying")
    subscriber = mail_subscriber(admin, leaving, staying)
    post_article(newsroom, {"headline": "First", "body_text": "First story."})
    [mail] = smtp.wait(leaving)
    link = mail.message["List-Unsubscribe"].strip("<>")
    token = parse_qs(urlsplit(link).query)["token"][0]

    with httpx.Client(base_url=stack.url) as anonymous:
        page = anonymous.get("/v1/unsubscribe", params={"token": token})
        assert page.status_code == 200 and "<form" in page.text  # a GET alone changes nothing
        assert admin.get(f"/v1/subscribers/{subscriber['id']}").json()["unsubscribed"] == []
        forged = anonymous.post("/v1/unsubscribe", params={"token": token[:-2] + "xx"}, data={"List-Unsubscribe": "One-Click"})
        assert forged.status_code == 400
        done = anonymous.post("/v1/unsubscribe", params={"token": token}, data={"List-Unsubscribe": "One-Click"})
        assert done.status_code == 200
    assert admin.get(f"/v1/subscribers/{subscriber['id']}").json()["unsubscribed"] == [leaving]

    post_article(newsroom, {"headline": "Second", "body_text": "Second story."})
    smtp.wait(staying, 2)
    time.sleep(0.5)
    assert len(smtp.to(leaving)) == 1
