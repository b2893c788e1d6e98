"""With the stack up (`make run` in another terminal): register a demo webhook subscriber (a
receiver this script runs on 127.0.0.1) and an email subscriber, post a sample article, and
show what was delivered.

    python scripts/demo.py            (what `make demo` does)
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
from standardwebhooks.webhooks import Webhook

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = """headline: Harbour reopens after storm repairs
byline: Newswire Desk
urgency: 3

GDANSK, Poland - The port of Gdansk reopened on Monday after three weeks of repairs to storm-damaged
quays, the harbour authority said, allowing container ships that had waited offshore to dock.

Maritime officials said the repairs cost about 40 million zloty and were paid for by the port and the
Polish government. Shipping companies welcomed the reopening but warned of delays for several days.
"""


def main() -> int:
    data_dir = Path(os.environ.get("NEWSWIRE_DATA_DIR", ROOT / "data"))
    secrets_file = data_dir / "dev-secrets.json"
    tokens = json.loads(secrets_file.read_text()) if secrets_file.exists() else {}
    tokens.update({k: v for k, v in os.environ.items() if k in ("NEWSWIRE_ADMIN_TOKEN", "NEWSWIRE_NEWSROOM_TOKEN")})
    if "NEWSWIRE_ADMIN_TOKEN" not in tokens:
        print("Start the stack first: make run", file=sys.stderr)
        return 1
    url = f"http://127.0.0.1:{os.environ.get('NEWSWIRE_HTTP_PORT', '8000')}"
    received: list[tuple[dict[str, str], bytes]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's hook name)
            received.append((dict(self.headers), self.rfile.read(int(self.headers["content-length"]))))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    admin = httpx.Client(base_url=url, headers={"authorization": f"Bearer {tokens['NEWSWIRE_ADMIN_TOKEN']}"})
    newsroom = httpx.Client(base_url=url, headers={"authorization": f"Bearer {tokens['NEWSWIRE_NEWSROOM_TOKEN']}"})
    subscriber = admin.post("/v1/subscribers", json={
        "name": "demo desk",
        "webhook": {"url": f"http://127.0.0.1:{server.server_address[1]}/newswire", "format": "ninjs2"},
        "email": {"to": ["demo-desk@example.com"]},
    }).raise_for_status().json()  # fmt: skip
    print(f"subscriber {subscriber['id']} created; its webhook secret: {subscriber['secret']}")
    accepted = newsroom.post("/v1/articles", content=SAMPLE, headers={"content-type": "text/plain"}).raise_for_status().json()
    print(f"article accepted: {accepted['id']}")
    deadline = time.monotonic() + 10
    while not received and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        if not received:
            print("nothing arrived within 10 s: is the worker running?", file=sys.stderr)
            return 1
        headers, body = received[0]
        payload = Webhook(subscriber["secret"]).verify(body, {k.lower(): v for k, v in headers.items()})
        print(f"\nwebhook received and verified: {payload['type']}, webhook-id {headers['webhook-id']}")
        # The email goes out in its own task: wait until every delivery of the story has concluded.
        deliveries = settled_deliveries(admin, accepted["id"], deadline=time.monotonic() + 10)
        article = admin.get(f"/v1/articles/{accepted['id']}").json()
        print(json.dumps({k: article[k] for k in ("status", "headline", "deliveries")}, indent=2))
        print(json.dumps(article["enrichment"], indent=2)[:2000])
        email = [d for d in deliveries if d["channel"] == "email"]
        if not email or email[0]["status"] != "delivered":
            print(f"\nthe email was not delivered: {email[0] if email else 'no email delivery'}", file=sys.stderr)
            return 1
        print(f"\nemail delivered to {email[0]['target']}; it is in {data_dir / 'mail'} (when the stack runs its own SMTP sink)")
        return 0
    finally:
        admin.delete(f"/v1/subscribers/{subscriber['id']}")
        server.shutdown()


def settled_deliveries(admin: httpx.Client, article_id: str, *, deadline: float) -> list[dict[str, Any]]:
    """The story's deliveries once none is pending any more, or as they are at the deadline."""
    while True:
        deliveries: list[dict[str, Any]] = admin.get(f"/v1/articles/{article_id}/deliveries").json()["deliveries"]
        if all(d["status"] != "pending" for d in deliveries) or time.monotonic() > deadline:
            return deliveries
        time.sleep(0.05)


if __name__ == "__main__":
    sys.exit(main())
