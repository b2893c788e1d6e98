"""Where the repository and the shared reference material are."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SEED_ARTICLE = SHARED / "fixtures" / "articles" / "seed-2025-04-25-crimea.txt"
STANDARDS = SHARED / "standards"


def seed_article_bytes() -> bytes:
    if not SEED_ARTICLE.exists():
        pytest.skip(f"the seed article is not at {SEED_ARTICLE}")
    return SEED_ARTICLE.read_bytes()


def standard(name: str) -> Path:
    path = STANDARDS / name
    if not path.exists():
        pytest.skip(f"the official schema {name} is not at {STANDARDS}")
    return path
