"""Keywords, extractive summary, headline and slugline."""

from __future__ import annotations

import functools
import re
from collections import Counter
from itertools import chain, compress

from . import text as T
from .resources import DATA

_HEADLINE_MAX = 110
_SUMMARY_MAX_WORDS = 75
_CAPS_LEAD = re.compile(r"^((?:[A-Z][A-Z'’\-]+\s+){1,6})(?=[A-Za-z])")


@functools.cache
def stopwords() -> frozenset[str]:
    words: set[str] = set()
    for line in (DATA / "stopwords.txt").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            words.update(line.split())
    return frozenset(words)


_CONTENT: dict[str, bool] = {}  # word -> whether it can be a keyword (fixed stopwords: cached)
_CONTENT_MAX = 200_000


def _is_content(word: str) -> bool:
    ok = _CONTENT.get(word)
    if ok is None:
        ok = word not in stopwords() and len(word) > 2 and not word.isdigit()
        if len(_CONTENT) < _CONTENT_MAX:
            _CONTENT[word] = ok
    return ok


def _content_flags(tokens: list[str]) -> list[bool]:
    """Whether each token can be a keyword (looked up in the cache at C speed)."""
    flags: list[bool | None] = list(map(_CONTENT.get, tokens))
    if None in flags:  # words not seen before
        flags = [_is_content(t) if ok is None else ok for t, ok in zip(tokens, flags, strict=True)]
    return flags  # type: ignore[return-value]


def _content(tokens: list[str]) -> list[str]:
    return list(compress(tokens, _content_flags(tokens)))


def sentence_case_lead(sentence: str) -> str:
    """``THE MAYOR of Kiev`` -> ``The mayor of Kiev`` (wire ledes open in capitals)."""
    m = _CAPS_LEAD.match(sentence)
    if not m:
        return sentence
    lead = m.group(1)
    words = lead.split()
    if all(len(w) <= 4 for w in words):  # acronyms such as "US", "NATO"
        return sentence
    fixed = " ".join(w.lower() for w in words)
    return fixed[:1].upper() + fixed[1:] + " " + sentence[m.end():]


def keywords(tokens: list[str], exclude: set[str], limit: int = 8) -> list[str]:
    """Frequent content words and two-word phrases, excluding names already found as entities."""
    # a word counts, and can open or close a phrase, when it is a content word not already part of a name
    ok = [content and t not in exclude for t, content in zip(tokens, _content_flags(tokens), strict=True)]
    uni = Counter(compress(tokens, ok))
    bi: Counter[str] = Counter([f"{a} {b}" for a, b, ok_a, ok_b in zip(tokens, tokens[1:], ok, ok[1:], strict=False) if ok_a and ok_b])
    scored: list[tuple[float, str]] = []
    for phrase, n in bi.items():
        if n >= 2:
            scored.append((n * 2.2, phrase))
    for word, n in uni.items():
        if n >= 2 or len(tokens) < 120:
            scored.append((n + min(len(word), 10) / 20, word))
    scored.sort(key=lambda x: (-x[0], x[1]))
    out: list[str] = []
    for _score, term in scored:
        parts = term.split()
        if any(term in o.split() or o in parts for o in out):
            continue
        out.append(term)
        if len(out) == limit:
            break
    return out


def summarize(paragraph_sentences: list[list[str]], max_sentences: int = 3,
              sentence_words: list[list[str]] | None = None) -> str:
    """Two or three sentences that carry the article: the lede plus the best-scored others.

    ``sentence_words``: the lower-case words of each sentence, in order, if already known."""
    flat: list[tuple[int, int, str]] = []
    for p_i, sents in enumerate(paragraph_sentences):
        for s_i, s in enumerate(sents):
            flat.append((p_i, s_i, s))
    if not flat:
        return ""
    sent_words = sentence_words if sentence_words is not None and len(sentence_words) == len(flat) else [
        [w.lower() for w in T.words(s)] for *_, s in flat]
    content = [_content(ws) for ws in sent_words]
    freq = Counter(chain.from_iterable(content))
    scored: list[tuple[float, int]] = []
    for idx, (p_i, s_i, s) in enumerate(flat):
        ws = content[idx]
        if len(ws) < 4 or len(sent_words[idx]) > 60:
            continue
        distinct = set(ws)
        score = sum(freq[w] for w in distinct) / (len(distinct) ** 0.6)
        score *= 1.6 if p_i == 0 and s_i == 0 else (1.2 if p_i <= 2 else 1.0)
        if s.startswith(("“", '"', "‘", "'")):
            score *= 0.7  # quotes read badly out of context
        scored.append((score, idx))
    chosen = {0}
    words_used = len(sent_words[0])
    for _score, idx in sorted(scored, reverse=True):
        if len(chosen) >= max_sentences:
            break
        n = len(sent_words[idx])
        if idx in chosen or (len(chosen) >= 2 and words_used + n > _SUMMARY_MAX_WORDS):
            continue
        chosen.add(idx)
        words_used += n
    return " ".join(sentence_case_lead(flat[i][2]) if i == 0 else flat[i][2] for i in sorted(chosen))


def headline_from(sentences: list[str]) -> str:
    """The first sentence, trimmed to a headline's length at a word boundary."""
    for s in sentences:
        s = re.sub(r"\s+", " ", s.strip().strip("\"'“”‘’")).rstrip(".")
        if not s:
            continue
        s = sentence_case_lead(s)
        if len(s) > _HEADLINE_MAX:
            cut = s[:_HEADLINE_MAX].rsplit(" ", 1)[0]
            s = cut.rstrip(",;:—-") + "…"
        return s
    return "Untitled"


def slugline_from(terms: list[str], headline: str) -> str:
    """A short uppercase slug of at most three words, e.g. ``UKRAINE-CRIMEA-KLITSCHKO``."""
    parts: list[str] = []
    for kw in terms:
        token = re.sub(r"[^\w]+", "-", kw).strip("-_")
        if token and token.upper() not in parts and len(parts) + token.count("-") < 3:
            parts.append(token.upper())
        if sum(p.count("-") + 1 for p in parts) >= 3:
            break
    if not parts:
        stop = stopwords()
        for w in T.words(headline):
            if w.lower() not in stop:
                parts.append(w.upper())
            if len(parts) == 3:
                break
    return "-".join(parts)[:60].strip("-") or "NEWS"
