"""Titles of works (songs, albums, films, books): capitalised words that name no entity.

A title is a title-case phrase in quotes ("Harmattan Gold", "Midnight Taxi to Soweto") or right
after a noun for a work ("her album Midnight Taxi to Soweto", "her debut, Tembisa Sunrise,").
A title seen once is recognised again without its cue later in the article.
"""

from __future__ import annotations

from .tokens import Tok

_OPEN = frozenset({'"', "“", "‘"})
_CLOSE = frozenset({'"', "”", "’"})
# Nouns for a work; verbs that share the form ("play", "show", "hit", "track") are left out.
_WORK_NOUNS = frozenset("""album single song film movie novel book memoir debut documentary EP mixtape opera musical
    poem painting sitcom anthem ballad podcast biopic thriller""".split())
_DETERMINERS = frozenset("""the a an her his their its my our your new latest first second third fourth final last
    hit debut breakout""".split())
# Lower-case words a title may contain between capitalised ones ("Midnight Taxi to Soweto").
_SMALL = frozenset("a an the of to in on and for with at by from is are was be my your our his her de la le el".split())
_MAX_WORDS = 8


def _run_end(toks: list[Tok], k: int, stop: frozenset[str] = frozenset()) -> int:
    """End of a title-case run at ``k``: capitalised words, small words only before a capital."""
    end = k
    j = k
    while j < len(toks) and j - k < _MAX_WORDS and toks[j].text not in stop:
        if toks[j].cap and toks[j].low:
            j += 1
            end = j
        elif toks[j].low in _SMALL and not toks[j].cap:
            j += 1
        else:
            break
    return end


def title_spans(toks: list[Tok], known: set[tuple[str, ...]]) -> list[tuple[int, int]]:
    """Token ranges of this sentence that are titles of works; new multi-word titles join ``known``."""
    out: list[tuple[int, int]] = []
    n = len(toks)
    for i in [i for i, t in enumerate(toks) if t.text in _OPEN or t.low in _WORK_NOUNS]:  # the cues
        t = toks[i]
        if t.text in _OPEN and i + 1 < n and toks[i + 1].cap:
            end = _run_end(toks, i + 1, _CLOSE)
            if end < n and toks[end].text in _CLOSE and end > i + 1:
                out.append((i + 1, end))
        elif t.low in _WORK_NOUNS and not t.cap and i > 0 and toks[i - 1].low in _DETERMINERS and i + 1 < n:
            k = i + 1 + (toks[i + 1].text == ",")
            if k < n and toks[k].cap and toks[k].text not in _OPEN:
                end = _run_end(toks, k)
                if end > k:
                    out.append((k, end))
    for a, b in out:
        if b - a >= 2:
            known.add(tuple(t.key for t in toks[a:b]))
    if known:
        keys = [t.key for t in toks]
        for title in known:
            m = len(title)
            for i in range(n - m + 1):
                if keys[i] == title[0] and tuple(keys[i:i + m]) == title:
                    out.append((i, i + m))
    return out
