"""The stack as a new user starts it: `make run`, add a webhook subscriber, post the seed
article, see it arrive signed; Ctrl-C stops everything."""

from __future__ import annotations

import shutil
import signal
import subprocess
from pathlib import Path

import httpx
import pytest
from standardwebhooks.webhooks import Webhook

from tests.support.paths import seed_article_bytes
from tests.support.processes import stop
from tests.support.receiver import Receiver
from tests.support.stack import ADMIN_TOKEN, NEWSROOM_TOKEN, running_stack, stack_env

pytestmark = pytest.mark.e2e


def children_of(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-s", str(pid)], capture_output=True, text=True).stdout.split()
    return [int(p) for p in out]


def test_make_run_delivers_the_seed_article(tmp_path: Path) -> None:
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    seed = seed_article_bytes()
    # No NEWSWIRE_REDIS_URL: `make run` starts its own Redis, with AOF, in the data folder.
    env = stack_env(None, tmp_path, NEWSWIRE_RETRY_SCHEDULE="0,1")
    receiver = Receiver()
    try:
        with running_stack(["make", "--no-print-directory", "run"], env, tmp_path) as stack:
            with httpx.Client(base_url=stack.url, timeout=10) as http:
                created = http.post(
                    "/v1/subscribers",
                    headers={"authorization": f"Bearer {ADMIN_TOKEN}"},
                    json={"name": "desk", "webhook": {"url": receiver.url("/desk")}},
                )
                assert created.status_code == 201, created.text
                posted = http.post(
                    "/v1/articles", content=seed,
                    headers={"authorization": f"Bearer {NEWSROOM_TOKEN}", "content-type": "text/plain"},
                )  # fmt: skip
                assert posted.status_code == 202, posted.text
            [request] = receiver.wait("/desk", timeout=15)
            payload = Webhook(created.json()["secret"]).verify(request.body, request.headers)
            assert payload["type"] == "article.published"
            assert payload["data"]["uri"] == posted.json()["guid"]
            assert (tmp_path / "redis" / "appendonlydir").is_dir()  # its own Redis, persisting
            demo = subprocess.run(["make", "--no-print-directory", "demo"], env=env, capture_output=True, text=True, timeout=120)
            assert demo.returncode == 0, demo.stdout + demo.stderr
            assert "webhook received and verified: article.published" in demo.stdout
            assert "email delivered to demo-desk@example.com" in demo.stdout
            assert list((tmp_path / "mail").glob("*.eml"))  # the demo's email reached the local sink
            processes = children_of(stack.proc.pid)
            assert len(processes) >= 2
            # Ctrl-C: make passes the interrupt on, waits for the stack to stop, then re-raises it
            assert stop(stack.proc, sig=signal.SIGINT) in (0, -signal.SIGINT)
        assert "Newswire stopped." in (tmp_path / "stack.log").read_text()
        for pid in processes:
            assert not Path(f"/proc/{pid}").exists() or "zombie" in Path(f"/proc/{pid}/status").read_text().lower()
    finally:
        receiver.close()
