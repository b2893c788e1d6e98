"""One tokenisation of the article, shared by entities, topics, keywords, summary and genre.

Each sentence becomes a list of ``Tok``: its surface (possessive ``'s`` removed), a lookup key,
whether it is capitalised, whether it was possessive, and its lower-case word form (empty for
punctuation). Tokens are interned per surface, so repeated words cost one dictionary lookup.
"""

from __future__ import annotations

import re
from itertools import chain

from .resources import Lexicon, gazetteer, norm_token

# Acronyms with dots (U.S., J.D.) first, then words with inner apostrophes/hyphens, then punctuation.
# Decimals (1.5) stay one token; abbreviations inside names keep their dot ("Sault Ste. Marie", "FC St. Pauli").
# An initial keeps its dot before a name ("Peter R. de Vries"), as does the Filipino "Ma." (Maria)
# before a name ("Ma. Theresa Lazaro"; see text._MA_INITIAL for where a sentence ends in "Ma.").
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]\.(?=\s(?:[A-Z]|(?:de|van|von|der|da|dos|le|la|ter)\s[A-Z]))|Jr\.|Sr\."
                    r"|(?:St|Ste|Mt|Ft)\.(?=\s[A-Z])|Ma\.(?=\s[A-Z])|[^\W_][\w&]*(?:(?:[’'\-]|\.(?=\d))[^\W_][\w&]*)*|[^\w\s]",
                    re.UNICODE)
_CACHE_MAX = 200_000
# words after which a capitalised "X's" possesses nothing: the 's belongs to the name ("Sainsbury's said")
_NO_POSSESSED = frozenset([",", ".", ";", ":", ")", "and", "or", "said", "says", "has", "had", "is", "was",
                           "will", "would"])
# (Arabic articles and particles, French/Catalan elision; not English prefixes: "sub-Saharan", "pan-African")
_LOWER_PARTICLE = re.compile(r"(?:(?:al|el|ul|ud|ed|wal|wa|ad|an|ar|as|ash|at|az|bin|ibn|abd)-|[dl]['’])[A-Z]")


# a name written with a lower-case first letter before a capital: "iTaukei", "eSwatini" (not "mRNA")
_LOWER_FIRST = re.compile(r"[a-z][A-Z][a-z]{2,}$")


class Tok:
    __slots__ = ("text", "key", "cap", "poss", "low", "ordinary")

    def __init__(self, text: str, key: str, cap: bool, poss: bool) -> None:
        self.text = text  # surface without possessive suffix
        self.key = key  # lookup form
        self.cap = cap
        self.poss = poss
        self.low = text.lower() if text[:1].isalnum() else ""  # word form; "" for punctuation
        self.ordinary = not cap and "a" <= key[:1] <= "z"  # an ordinary lower-case word


# Lower-case tokens carry no state of their own: share one object per word.
_PLAIN: dict[str, Tok] = {}
# Capitalised tokens depend only on their text and the (fixed) lexicon: cached the same way.
_CAPS: dict[str, Tok] = {}


def _is_cap(text: str) -> bool:
    c = text[0]
    if c.isupper():
        return True
    # particles written lower case inside names: al-Assad, el-Sisi, ul-Haq, wal-Muslimin, d'Hotels
    return _LOWER_PARTICLE.match(text) is not None


def _possessive(text: str) -> bool:
    return len(text) > 2 and text[-2] in "’'" and text[-1] == "s"


def _tokens(sentence: str, lex: Lexicon) -> list[Tok]:
    toks: list[Tok] = []
    append = toks.append
    plain, caps = _PLAIN, _CAPS
    for text in _TOKEN.findall(sentence):
        tok = plain.get(text)
        if tok is not None:
            append(tok)
            continue
        tok = caps.get(text)
        if tok is not None:
            append(tok)
            continue
        first = text[0]
        if first.islower() and not text.islower() and (norm_token(text),) in gazetteer().index:
            tok = Tok(text, norm_token(text), True, False)  # a name written lower case first: "easyJet"
            if len(caps) < _CACHE_MAX:
                caps[text] = tok
            append(tok)
            continue
        if not first.isupper() and not (("-" in text[1:5] or text[1:2] in "'’") and _is_cap(text)) \
                and _LOWER_FIRST.match(text) is None:
            poss = _possessive(text)
            tok = Tok(text[:-2] if poss else text, text, False, poss)
            if len(plain) < _CACHE_MAX:
                plain[text] = tok
            append(tok)
            continue
        raw = text
        poss = _possessive(text)
        if poss:
            text = text[:-2]
        # Wire ledes write the first words in capitals ("THE MAYOR of Kiev"): read them as words,
        # but for a body's acronym that is also a word ("the WHO said").
        if len(text) > 2 and text.isupper():
            titled = text.title()
            if (titled in lex.non_names or (titled,) in lex.titles) and (norm_token(text),) not in gazetteer().index:
                text = titled
        tok = Tok(text, norm_token(text), True, poss)
        if len(caps) < _CACHE_MAX:
            caps[raw] = tok
        append(tok)
    return toks


def _names_with_s(toks: list[Tok]) -> list[Tok]:
    """A capitalised X's that no noun follows keeps its 's as part of the name ("JDE Peet's and
    Nestlé", "at Lord's."); it still ends the name. Not at the end of a longer name, where the
    noun is left out ("the budget of the Department for Education's, and")."""
    for k in range(len(toks) - 1):
        t = toks[k]
        if t.poss and t.cap and toks[k + 1].text in _NO_POSSESSED and (k == 0 or toks[k - 1].low not in ("of", "for")):
            toks[k] = Tok(t.text + "'s", t.key, True, True)
    return toks


# The tokens of a whitespace-free chunk ("said,", "Kyiv's", "U.S.-led"), as _tokens reads it in a sentence.
_CHUNKS: dict[str, tuple[Tok, ...]] = {}
_CHUNKS_MAX = 100_000
# No token holds whitespace, so a sentence's tokens are its chunks' tokens, each chunk read on its
# own, unless a token's look-ahead sees past its chunk: only after a dot and whitespace ("R. Kelly").
_DOT_SPACE = re.compile(r"\.\s")


def tokenize(sentence: str, lex: Lexicon) -> list[Tok]:
    if _DOT_SPACE.search(sentence) is not None:
        return _names_with_s(_tokens(sentence, lex))
    chunks = sentence.split()
    parts: list[tuple[Tok, ...] | None] = list(map(_CHUNKS.get, chunks))
    if not all(parts):  # chunks not read before (or read as no token at all, as "_" is)
        parts = [_chunk_tokens(chunk, lex) if part is None else part for chunk, part in zip(chunks, parts, strict=True)]
    return _names_with_s(list(chain.from_iterable(parts)))  # type: ignore[arg-type]


def _chunk_tokens(chunk: str, lex: Lexicon) -> tuple[Tok, ...]:
    part = tuple(_tokens(chunk, lex))
    if len(_CHUNKS) < _CHUNKS_MAX:
        _CHUNKS[chunk] = part
    return part


def words(toks: list[Tok]) -> list[str]:
    """The lower-case word forms of a token list, punctuation left out."""
    return [t.low for t in toks if t.low]
