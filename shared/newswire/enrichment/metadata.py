"""Dateline and genre: what the text says about itself."""

from __future__ import annotations

import re
from collections import Counter

from .resources import gazetteer

# "KYIV, Ukraine (Reuters) -", "LONDON —", "Paris, March 3 (AFP) –"
_L = r"[^\W\d_]"  # a letter, accented or not
_N = r"(?:[^\W\d_]|[’'.\- ])"  # a letter or a character inside a place name
_DATELINE = re.compile(
    rf"^\s*({_L}{_N}{{1,40}}?)(?:,\s*({_L}{_N}{{1,30}}?))?"
    rf"(?:,?\s*(?:{_L}{{3,9}}\.?\s+\d{{1,2}}|\d{{1,2}}\.?\s+(?:de\s+)?{_L}{{3,10}}\.?))?\s*(?:\([^)]{{1,40}}\))?\s*[—–-]{{1,2}}\s+"
)

# Cues counted per 100 words. Words are matched on lower-cased tokens, phrases on the text.
_OPINION_WORDS = frozenset(
    ["i", "my", "me", "we", "our", "us", "shameful", "disgrace", "disgraceful", "outrageous", "absurd", "bankrupt", "warmongering", "bombastically", "imperialists", "imperialism", "bourgeois", "must", "should", "ought", "scandalous", "betrayal", "shameless", "hypocrisy", "hypocritical", "pathetic"]
)
_OPINION_PHRASES = ("in my view", "i believe", "i think", "it is time", "now is the time", "the truth is",
                    "in fact", "let us", "we need", "we must", "of course", "so-called", "!")
_ANALYSIS_WORDS = frozenset(
    ["analysis", "suggests", "suggest", "could", "likely", "unlikely", "implications", "why", "whether", "risk", "risks", "scenario", "scenarios", "trend", "trends", "however", "arguably", "uncertain", "uncertainty", "outlook"]
)
_ANALYSIS_PHRASES = ("what it means", "the question", "remains to be seen", "on the other hand",
                     "in context", "the bigger picture", "in the long run", "analysts say")
_NEWS_WORDS = frozenset(["said", "says", "told", "announced", "reported", "confirmed", "statement", "spokesman", "spokeswoman"])
# each cue word's genre (a word of two lists counts for the first of opinion, analysis, news)
_CUE_GENRES = {**dict.fromkeys(_NEWS_WORDS, "news"), **dict.fromkeys(_ANALYSIS_WORDS, "analysis"),
               **dict.fromkeys(_OPINION_WORDS, "opinion")}
_NEWS_PHRASES = ("according to", " on monday", " on tuesday", " on wednesday", " on thursday",
                 " on friday", " on saturday", " on sunday")


def dateline(body: str) -> str | None:
    """The place of a wire dateline at the start of the body, canonicalised when known."""
    first = body.lstrip()[:120]
    m = _DATELINE.match(first)
    if not m:
        return None
    place = m.group(1).strip()
    if not place.replace(" ", "").replace(".", "").isupper():
        return None  # datelines are written in capitals; "The minister - who" is not one
    known = gazetteer().upper_places.get(place.upper())
    return known or " ".join(w.capitalize() for w in place.split())


def dateline_region(body: str) -> str | None:
    """The known country or region after the dateline city, as written: "LAGOS, Nigeria (Newswire) —"."""
    m = _DATELINE.match(body.lstrip()[:120])
    if not m or not m.group(2) or not m.group(1).strip().replace(" ", "").replace(".", "").isupper():
        return None
    written = m.group(2).strip()
    return written if written.upper() in gazetteer().upper_places else None


def strip_dateline(body: str) -> str:
    first = body.lstrip()
    m = _DATELINE.match(first[:120])
    if m and m.group(1).strip().replace(" ", "").replace(".", "").isupper():
        return first[m.end():]
    return body


def genre(text: str, tokens: list[str]) -> str:
    """``news``, ``analysis`` or ``opinion`` from the text's own cues, per 100 words."""
    if not tokens:
        return "news"
    lower = text.lower()
    per = 100 / len(tokens)
    words = Counter(map(_CUE_GENRES.get, tokens))
    opinion: float = words["opinion"] + sum(lower.count(p) for p in _OPINION_PHRASES) * 2
    analysis: float = words["analysis"] + sum(lower.count(p) for p in _ANALYSIS_PHRASES) * 2
    news: float = words["news"] + sum(lower.count(p) for p in _NEWS_PHRASES)
    opinion, analysis, news = opinion * per, analysis * per, news * per
    if opinion >= 1.5 and opinion > news * 1.5:
        return "opinion"
    if analysis >= 1.0 and analysis > news:
        return "analysis"
    return "news"
