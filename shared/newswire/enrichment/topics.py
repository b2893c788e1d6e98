"""IPTC Media Topics: the vocabulary, its hierarchy, and keyword-evidence classification.

The vocabulary (``data/mediatopics.tsv``) holds the IPTC codes, labels and parent links used
here; the evidence (``data/topic_evidence.tsv`` for English, ``data/topic_evidence.<lang>.tsv``
for other languages) lists words and phrases that point to a topic. A second-level topic's
evidence also counts for its parent; words of the headline and lede count double.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import compress

from newswire.models import Topic

from .resources import DATA

_MAX_PHRASE = 4
_MIN_PREFIX = 3
LEAD_WEIGHT = 2.0  # evidence in the headline and lede counts this much more
TOP_SHARE = 0.45  # a further top-level topic needs this share of the best one's score
SUB_SHARE = 0.25  # a second-level topic needs this share of its parent's score...
SUB_MIN = 3.0  # ...and at least this much evidence of its own
MIN_SCORE = 2.0  # below this there is no clear topic at all
CONFIDENCE_HALF = 6.0  # the best topic's score at which its relevance is 0.5
ENGLISH = "en"

Hits = list[tuple[str, float]]


@dataclass(frozen=True)
class Vocabulary:
    names: dict[str, str]
    parent: dict[str, str | None]


@dataclass(frozen=True)
class Evidence:
    exact: dict[tuple[str, ...], Hits]
    prefix: dict[str, Hits]
    phrase_starts: frozenset[tuple[str, str]]  # first two words of every phrase
    words: dict[str, Hits] = field(default_factory=dict)  # lookups already made
    phrase_firsts: frozenset[str] = frozenset()  # first words of every phrase (no pair to build for other words)


@functools.cache
def vocabulary() -> Vocabulary:
    names: dict[str, str] = {}
    parent: dict[str, str | None] = {}
    for line in (DATA / "mediatopics.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        code, broader, label = line.split("\t")
        names[code] = label
        parent[code] = broader or None
    return Vocabulary(names, parent)


@functools.cache
def evidence_languages() -> tuple[str, ...]:
    """Languages with topic evidence: English plus every ``topic_evidence.<lang>.tsv``."""
    return (ENGLISH, *sorted(p.name.split(".")[1] for p in DATA.glob("topic_evidence.*.tsv")))


def evidence(lang: str = ENGLISH) -> Evidence | None:
    """The evidence terms for ``lang`` (a primary subtag), or None when there are none."""
    return _load_evidence(lang) if lang in evidence_languages() else None


@functools.cache  # one entry per file: the language is checked against the files first
def _load_evidence(lang: str) -> Evidence:
    path = DATA / ("topic_evidence.tsv" if lang == ENGLISH else f"topic_evidence.{lang}.tsv")
    names = vocabulary().names
    exact: dict[tuple[str, ...], Hits] = defaultdict(list)
    prefix: dict[str, Hits] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        code, weight, terms = line.split("\t")
        if code not in names:
            raise ValueError(f"topic evidence for unknown code {code} in {path.name}")
        for term in (t.strip() for t in terms.split(",")):
            if not term:
                continue
            if term.endswith("*") and " " not in term:
                prefix[term[:-1]].append((code, float(weight)))
            else:
                exact[tuple(term.split())].append((code, float(weight)))
    starts = frozenset((k[0], k[1]) for k in exact if len(k) > 1)
    return Evidence(dict(exact), dict(prefix), starts, phrase_firsts=frozenset(k[0] for k in starts))


def broader_topics(code: str) -> list[str]:
    """Ancestor medtop codes of ``code``, nearest first (empty for unknown codes)."""
    vocab = vocabulary()
    out: list[str] = []
    current = vocab.parent.get(code)
    while current and current not in out:
        out.append(current)
        current = vocab.parent.get(current)
    return out


def topic_name(code: str) -> str | None:
    return vocabulary().names.get(code)


_HITS_MAX = 100_000  # cached word lookups per language; words repeat across articles


def _word_hits(tok: str, ev: Evidence) -> Hits:
    hits = ev.words.get(tok)
    if hits is not None:
        return hits
    hits = ev.exact.get((tok,)) or []
    if not hits:
        for k in range(len(tok), _MIN_PREFIX - 1, -1):
            found = ev.prefix.get(tok[:k])
            if found:
                hits = found
                break
    if len(ev.words) < _HITS_MAX:
        ev.words[tok] = hits
    return hits


def _score(tokens: list[str], ev: Evidence, lead: int) -> dict[str, float]:
    scores: dict[str, float] = defaultdict(float)
    words, starts, exact, firsts = ev.words, ev.phrase_starts, ev.exact, ev.phrase_firsts
    n = len(tokens)
    hits_at: list[Hits | None] = list(map(words.get, tokens))
    if None in hits_at:  # words not looked up before
        hits_at = [_word_hits(tok, ev) if hits is None else hits for tok, hits in zip(tokens, hits_at, strict=True)]
    # Only the words with evidence or opening a phrase count: they are read in order (the scores
    # add up in the same order) and a phrase's other words are skipped.
    skip = 0
    indexes = range(n)
    for i in sorted({*compress(indexes, hits_at), *compress(indexes, map(firsts.__contains__, tokens))}):
        if i < skip:
            continue
        tok = tokens[i]
        factor = LEAD_WEIGHT if i < lead else 1.0
        if tok in firsts and i + 1 < n and (tok, tokens[i + 1]) in starts:
            length = next((k for k in range(min(_MAX_PHRASE, n - i), 1, -1) if tuple(tokens[i:i + k]) in exact), 0)
            if length:
                for code, w in exact[tuple(tokens[i:i + length])]:
                    scores[code] += w * factor
                skip = i + length
                continue
        for code, w in hits_at[i]:  # type: ignore[union-attr]
            scores[code] += w * factor
    return scores


def _relevance(score: float, best: float) -> float:
    """0..1: the topic's share of the best topic's evidence times how strong that evidence is."""
    confidence = best / (best + CONFIDENCE_HALF)
    return max(0.01, round(score / best * confidence, 2))


def classify(tokens: list[str], supplied: list[str] | None = None, *, lead: int = 0,
             lang: str = ENGLISH) -> list[Topic]:
    """Top-level topics, plus second-level ones with clear evidence, from lower-cased tokens.

    ``lead``: how many leading tokens are headline and lede (their evidence counts double);
    ``lang``: the text's primary language subtag (no evidence for it: only supplied topics).
    """
    vocab = vocabulary()
    ev = evidence(lang)
    own = _score(tokens, ev, lead) if ev is not None else {}
    total: dict[str, float] = defaultdict(float)
    for code, s in own.items():
        total[code] += s
        for anc in broader_topics(code):
            total[anc] += s
    tops = sorted((c for c in total if vocab.parent.get(c) is None), key=lambda c: (-total[c], c))
    result: list[Topic] = []
    if tops and total[tops[0]] >= MIN_SCORE:
        best = total[tops[0]]
        for top in tops[:3]:
            if total[top] < best * TOP_SHARE:
                break
            result.append(Topic(code=top, name=vocab.names[top], relevance=_relevance(total[top], best)))
            subs = sorted((c for c in own if vocab.parent.get(c) == top), key=lambda c: (-own[c], c))
            for sub in subs[:2]:
                if own[sub] >= SUB_MIN and own[sub] >= total[top] * SUB_SHARE:
                    result.append(Topic(code=sub, name=vocab.names[sub], relevance=_relevance(own[sub], best)))
    for code in supplied or []:
        if code in vocab.names and all(t.code != code for t in result):
            result.insert(0, Topic(code=code, name=vocab.names[code], relevance=1.0))
    return result


def warm() -> None:
    vocabulary()
    for lang in evidence_languages():
        evidence(lang)
