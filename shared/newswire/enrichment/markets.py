"""Stock-market benchmarks: names of indices are neither bodies, people nor places.

Market reports name indices by shapes that the other rules misread: "the Nasdaq Composite" and
"the Kospi" look like people, "S&P 500" contains the rating agency's short name, "the Shanghai
Composite index" a city. An index is a known index name, a name followed by the lower-case word
"index", or a name followed by the number of its members ("FTSE 100", "S&P/ASX 200").
"""

from __future__ import annotations

from .tokens import Tok

# Benchmarks often named without the word "index" (keys of their tokens)
_INDEX_NAMES = frozenset([
    ("Kospi",), ("KOSPI",), ("Kosdaq",), ("KOSDAQ",), ("Hang", "Seng"), ("Nikkei",), ("Topix",), ("TOPIX",),
    ("Sensex",), ("Nifty",), ("Nasdaq", "Composite"), ("Shanghai", "Composite"), ("Shenzhen", "Component"),
    ("Taiex",), ("TAIEX",), ("Bovespa",), ("Ibovespa",), ("Merval",), ("Stoxx",), ("STOXX",),
    ("Euro", "Stoxx"), ("Dow", "Jones", "Industrial", "Average"), ("Jakarta", "Composite"), ("Straits", "Times", "Index"),
    ("All", "Ordinaries"), ("VN-Index",), ("TASI",), ("KLCI",), ("PSEi",), ("Tadawul", "All", "Share"),
    ("JSE", "All", "Share"),
])
_MAX_LEN = max(len(k) for k in _INDEX_NAMES)
_FIRSTS = frozenset(k[0] for k in _INDEX_NAMES)  # cheap test before building keys
# How many members a benchmark's name counts: "S&P 500", "FTSE 100", "CAC 40", "Nikkei 225"
_SIZES = frozenset({"20", "30", "40", "50", "100", "200", "225", "250", "300", "500", "600", "1000", "2000"})
_INDEX_WORDS = frozenset({"index", "indexes", "indices"})
_AFTER_INDEX = _SIZES | _INDEX_WORDS | {"/"}  # what may follow an index's name


def _sized(toks: list[Tok], end: int) -> bool:
    """Whether the member count of a benchmark follows ``end`` ("S&P 500", "S&P/ASX 200")."""
    k = end
    if k + 1 < len(toks) and toks[k].text == "/" and toks[k + 1].cap:
        k += 2
    return k < len(toks) and toks[k].text in _SIZES


def index_from(toks: list[Tok], start: int, end: int) -> int:
    """Where a stock index begins in the capitalised span ``toks[start:end]`` (it runs to the end of
    the span); ``end`` if the span names none."""
    for k in range(start, end):
        if toks[k].key not in _FIRSTS:
            continue
        keys = tuple(t.key for t in toks[k:min(end, k + _MAX_LEN)])
        if any(keys[:n] in _INDEX_NAMES for n in range(1, len(keys) + 1)):
            return k
    if end >= len(toks) or toks[end].text not in _AFTER_INDEX:
        return end  # (no member count, "/" or "index" follows)
    after = end + (end < len(toks) and toks[end].text in _SIZES)
    if after < len(toks) and toks[after].text in _INDEX_WORDS or end - start <= 2 and _sized(toks, end):
        # only the words after a possessive: "Hong Kong's Hang Seng index" keeps the city
        return max((k for k in range(start + 1, end) if toks[k - 1].poss), default=start)
    return end
