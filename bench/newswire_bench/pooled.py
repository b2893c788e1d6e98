"""The single-process baseline: the same signed requests, one after another, through one
pooled ``httpx.Client``, with no queue.

    python -m newswire_bench.pooled --url-prefix URL --count N --body FILE --key BASE64
"""

from __future__ import annotations

import argparse
import base64
import json
import time
from pathlib import Path

import httpx
from newswire_bench.naive import headers_for


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url-prefix", required=True, help="request i goes to <prefix><i>")
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--warmup", type=int, default=200)
    parser.add_argument("--body", type=Path, required=True)
    parser.add_argument("--key", required=True)
    args = parser.parse_args()
    body, key = args.body.read_bytes(), base64.b64decode(args.key)
    with httpx.Client(timeout=10) as client:
        for i in range(args.warmup):
            client.post(f"{args.url_prefix}w{i}", content=body, headers=headers_for(f"wh_warm{i}", body, key))
        started = time.perf_counter()
        for i in range(args.count):
            response = client.post(f"{args.url_prefix}{i}", content=body, headers=headers_for(f"wh_{i:024x}", body, key))
            response.raise_for_status()
        elapsed = time.perf_counter() - started
    print(json.dumps({"count": args.count, "seconds": elapsed, "rate": args.count / elapsed}))


if __name__ == "__main__":
    main()
