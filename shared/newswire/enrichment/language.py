"""Language identification (BCP 47 primary subtags) with py3langid's bundled model."""

from __future__ import annotations

import functools
import re
from itertools import islice

_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
_MAX_CHARS = 700  # a paragraph is enough evidence and keeps the cost flat


@functools.cache
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str, default: str = "und") -> str:
    """The BCP 47 language tag of ``text``; ``und`` when there is too little text to tell."""
    sample = text[:_MAX_CHARS]
    if len(list(islice(_LETTERS.finditer(sample[:400]), 3))) < 3:  # (the first three letters are enough)
        return default
    try:
        lang, _prob = _identifier().classify(sample)
    except Exception:  # the classifier must never break enrichment
        return default
    return str(lang)


def warm() -> None:
    _identifier()
