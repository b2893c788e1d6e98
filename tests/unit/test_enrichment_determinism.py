"""Enrichment gives the same answer in every process, whatever its hash seed: worker processes
must agree on what an article names."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

TEXT = ("Tata Steel said on Monday it would cut 2,000 jobs at its plant. Its parent, Tata Group, "
        "backed the plan. Unions said Tata had broken its promises, and Tata Steel declined to comment.")
PROBE = """
import json, sys
from newswire.enrichment import enrich
from newswire.models import ArticleIn
e = enrich(ArticleIn(body_text=sys.argv[1]))
print(json.dumps([o.model_dump(mode="json") for o in e.organisations]))
"""
SHARED = Path(__file__).resolve().parents[2] / "shared"


def organisations(seed: int) -> list[dict[str, object]]:
    env = {**os.environ, "PYTHONHASHSEED": str(seed), "PYTHONPATH": str(SHARED)}
    out = subprocess.run([sys.executable, "-c", PROBE, TEXT], env=env, capture_output=True, text=True, check=True)
    return list(json.loads(out.stdout))


def test_two_names_as_long_resolve_the_same_under_every_hash_seed() -> None:
    results = [organisations(seed) for seed in (1, 2, 3, 4, 5, 6)]
    assert all(r == results[0] for r in results)
    tata_steel = next(o for o in results[0] if o["name"] == "Tata Steel")
    assert tata_steel["mentions"] == 3  # "Tata" alone goes to the first mentioned of the two
