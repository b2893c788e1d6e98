"""IPTC Media Topics: the vocabulary, its hierarchy, and keyword-evidence classification.

The vocabulary (``data/mediatopics.tsv``) holds the IPTC codes, labels and parent links used
here; the evidence (``data/topic_evidence.tsv``) lists words and phrases that point to a topic.
A second-level topic's evidence also counts for its parent.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass

from newswire.models import Topic

from .resources import DATA

_MAX_PHRASE = 4
_MIN_PREFIX = 3
TOP_SHARE = 0.45  # a further top-level topic needs this share of the best one's score
SUB_SHARE = 0.25  # a second-level topic needs this share of its parent's score...
SUB_MIN = 3.0  # ...and at least this much evidence of its own
MIN_SCORE = 2.0  # below this there is no clear topic at all


@dataclass(frozen=True)
class Vocabulary:
    names: dict[str, str]
    parent: dict[str, str | None]
    exact: dict[tuple[str, ...], list[tuple[str, float]]]
    prefix: dict[str, list[tuple[str, float]]]
    phrase_starts: frozenset[str]


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
    exact: dict[tuple[str, ...], list[tuple[str, float]]] = defaultdict(list)
    prefix: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for line in (DATA / "topic_evidence.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        code, weight, terms = line.split("\t")
        if code not in names:
            raise ValueError(f"topic evidence for unknown code {code}")
        for term in (t.strip() for t in terms.split(",")):
            if not term:
                continue
            if term.endswith("*") and " " not in term:
                prefix[term[:-1]].append((code, float(weight)))
            else:
                exact[tuple(term.split())].append((code, float(weight)))
    starts = frozenset(k[0] for k in exact if len(k) > 1)
    return Vocabulary(names, parent, dict(exact), dict(prefix), starts)


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


@functools.lru_cache(maxsize=65536)  # words repeat across articles; the vocabulary is fixed
def _word_hits(tok: str) -> list[tuple[str, float]]:
    vocab = vocabulary()
    hits = vocab.exact.get((tok,))
    if hits:
        return hits
    for k in range(len(tok), _MIN_PREFIX - 1, -1):
        hits = vocab.prefix.get(tok[:k])
        if hits:
            return hits
    return []


def _score(tokens: list[str], vocab: Vocabulary) -> dict[str, float]:
    scores: dict[str, float] = defaultdict(float)
    n = len(tokens)
    i = 0
    while i < n:
        tok = tokens[i]
        step = 1
        if tok in vocab.phrase_starts:
            for length in range(min(_MAX_PHRASE, n - i), 1, -1):
                hits = vocab.exact.get(tuple(tokens[i : i + length]))
                if hits:
                    for code, w in hits:
                        scores[code] += w
                    step = length
                    break
        if step == 1:
            for code, w in _word_hits(tok):
                scores[code] += w
        i += step
    return scores


def classify(tokens: list[str], supplied: list[str] | None = None) -> list[Topic]:
    """Top-level topics, plus second-level ones with clear evidence, from lower-cased tokens."""
    vocab = vocabulary()
    own = _score(tokens, vocab)
    total: dict[str, float] = defaultdict(float)
    for code, s in own.items():
        total[code] += s
        for anc in broader_topics(code):
            total[anc] += s
    tops = sorted((c for c in total if vocab.parent.get(c) is None), key=lambda c: -total[c])
    result: list[Topic] = []
    if tops and total[tops[0]] >= MIN_SCORE:
        best = total[tops[0]]
        for top in tops:
            if total[top] < best * TOP_SHARE or len([t for t in result if vocab.parent.get(t.code) is None]) >= 3:
                break
            result.append(Topic(code=top, name=vocab.names[top], relevance=round(total[top] / best, 2)))
            subs = sorted((c for c in own if vocab.parent.get(c) == top), key=lambda c: -own[c])
            for sub in subs[:2]:
                if own[sub] >= SUB_MIN and own[sub] >= total[top] * SUB_SHARE:
                    result.append(Topic(code=sub, name=vocab.names[sub], relevance=round(own[sub] / best, 2)))
    for code in supplied or []:
        if code in vocab.names and all(t.code != code for t in result):
            result.insert(0, Topic(code=code, name=vocab.names[code], relevance=1.0))
    return result


def warm() -> None:
    vocabulary()
