"""Start the whole Newswire stack on this machine: Redis (unless NEWSWIRE_REDIS_URL is set),
a local SMTP sink, the intake, a worker and the scheduler. Ctrl-C stops everything.

    python scripts/stack.py        (what `make run` does)
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
READY_TIMEOUT = 60.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def dev_secrets(data_dir: Path) -> dict[str, str]:
    """Development tokens, made once and kept in the data folder so they survive restarts."""
    path = data_dir / "dev-secrets.json"
    if path.exists():
        return json.loads(path.read_text())
    values = {
        "NEWSWIRE_ADMIN_TOKEN": "admin-" + secrets.token_urlsafe(18),
        "NEWSWIRE_NEWSROOM_TOKEN": "newsroom-" + secrets.token_urlsafe(18),
        "NEWSWIRE_SECRET_KEY": secrets.token_urlsafe(32),
    }
    path.write_text(json.dumps(values, indent=2))
    path.chmod(0o600)
    return values


def _shown(env: dict[str, str], supplied: set[str], key: str) -> str:
    """A development token made here is shown; one the operator supplied is only named."""
    return f"from {key}" if key in supplied else env[key]


def redis_command(port: int, data_dir: Path) -> list[str]:
    redis_dir = data_dir / "redis"
    redis_dir.mkdir(parents=True, exist_ok=True)
    return [
        shutil.which("redis-server") or "redis-server", "--port", str(port), "--bind", "127.0.0.1",
        "--dir", str(redis_dir), "--appendonly", "yes", "--appendfsync", "everysec", "--save", "",
        "--maxmemory-policy", "noeviction", "--loglevel", "warning",
    ]  # fmt: skip


def wait_ready(url: str, procs: list[subprocess.Popen[bytes]]) -> None:
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        if any(p.poll() is not None for p in procs):
            raise SystemExit("a part of the stack exited while starting; see the output above")
        try:
            with urllib.request.urlopen(url + "/readyz", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"the intake was not ready within {READY_TIMEOUT:.0f} s")


def process_commands(host: str, port: int, *, concurrency: int) -> dict[str, list[str]]:
    """The Newswire processes, as `python -m` arguments. docker-compose.yml and deploy/k8s run
    the same commands (tests/unit/test_deploy.py holds them to it)."""
    return {
        "worker": ["celery", "-A", "newswire_worker.app", "worker", "--loglevel", "INFO",
                   "-Q", "newswire.articles,newswire.webhooks,newswire.email", "--concurrency", str(concurrency)],
        "scheduler": ["newswire_worker.scheduler"],
        "intake": ["uvicorn", "newswire_intake.main:create_app", "--factory", "--host", host, "--port", str(port),
                   "--no-access-log"],
    }  # fmt: skip


def main() -> int:
    env = dict(os.environ)
    supplied = {key for key in env if key.startswith("NEWSWIRE_")}
    data_dir = Path(env.setdefault("NEWSWIRE_DATA_DIR", str(ROOT / "data"))).resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    for key, value in dev_secrets(data_dir).items():
        env.setdefault(key, value)
    env.setdefault("NEWSWIRE_ALLOW_PRIVATE_TARGETS", "true")  # local receivers are the point here
    port = int(env.setdefault("NEWSWIRE_HTTP_PORT", "8000"))
    env.setdefault("NEWSWIRE_PUBLIC_URL", f"http://127.0.0.1:{port}")
    python = sys.executable
    parts: list[tuple[str, list[str]]] = []
    if not env.get("NEWSWIRE_REDIS_URL"):
        redis_port = free_port()
        env["NEWSWIRE_REDIS_URL"] = f"redis://127.0.0.1:{redis_port}/0"
        parts.append(("redis", redis_command(redis_port, data_dir)))
    if not env.get("NEWSWIRE_SMTP_HOST"):  # no mail server configured: keep mail in the data folder
        smtp_port = free_port()
        env.update(NEWSWIRE_SMTP_HOST="127.0.0.1", NEWSWIRE_SMTP_PORT=str(smtp_port), NEWSWIRE_SMTP_TLS="none")
        sink = [python, str(ROOT / "scripts" / "mailsink.py"), "--port", str(smtp_port), "--dir", str(data_dir / "mail")]
        parts.append(("mailsink", sink))
        mail = f"{data_dir / 'mail'} (SMTP sink on 127.0.0.1:{smtp_port})"
    else:
        mail = f"SMTP {env['NEWSWIRE_SMTP_HOST']}:{env.get('NEWSWIRE_SMTP_PORT', '25')}"
    host = env.get("NEWSWIRE_HTTP_HOST", "127.0.0.1")
    concurrency = int(env.get("NEWSWIRE_WORKER_CONCURRENCY", "4"))
    parts += [(name, [python, "-m", *argv]) for name, argv in process_commands(host, port, concurrency=concurrency).items()]

    procs: list[subprocess.Popen[bytes]] = []
    stopping = False

    def stop(*_: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    try:
        for name, command in parts:
            procs.append(subprocess.Popen(command, env=env, cwd=ROOT, start_new_session=True))
            if name == "redis":
                time.sleep(0.3)
        url = f"http://127.0.0.1:{port}"
        wait_ready(url, procs)
        print(
            f"\nNewswire is running at {url}  (API docs: {url}/docs)\n"
            f"  admin token:    {_shown(env, supplied, 'NEWSWIRE_ADMIN_TOKEN')}\n"
            f"  newsroom token: {_shown(env, supplied, 'NEWSWIRE_NEWSROOM_TOKEN')}\n"
            f"  Redis:          {env['NEWSWIRE_REDIS_URL']}\n"
            f"  mail:           {mail}\n"
            "Press Ctrl-C to stop.\n",
            flush=True,
        )
        while not stopping:
            if any(p.poll() is not None for p in procs):
                print("a part of the stack exited; stopping the rest", file=sys.stderr)
                return 1
            time.sleep(0.3)
        return 0
    finally:
        for proc in reversed(procs):  # intake first, Redis last
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    proc.kill()
        print("Newswire stopped.", flush=True)


if __name__ == "__main__":
    sys.exit(main())
