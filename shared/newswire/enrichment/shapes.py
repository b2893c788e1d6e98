"""Name shapes that decide a type on their own: Romance place names joined by a lower-case
connector ("San Cristóbal de las Casas", "Salar de Atacama", "Sambuca di Sicilia") and team or
company names hyphenated from several brands ("Red Bull-Bora-Hansgrohe", "EF Education-EasyPost").
"""

from __future__ import annotations

import re

from .resources import Gazetteer, Lexicon, is_given_name
from .tokens import Tok

# Connectors of Spanish, Portuguese, Italian and French place names, and the articles that may follow them
_ROMANCE = frozenset({"de", "del", "da", "do", "dos", "das", "di", "della", "sul", "sulla"})
_ARTICLES = frozenset({"la", "las", "los", "el", "le", "les"})
# Words that open names of events, not places: "Tour de France", "Copa del Rey", "Giro d'Italia"
_EVENT_FRONT = frozenset({"Tour", "Copa", "Coupe", "Vuelta", "Giro", "Rally", "Festival", "Feria", "Fiesta", "Gran",
                          "Grand", "Premio", "Trofeo", "Campeonato", "Liga", "Ligue", "Festa", "Carnaval"})
_CAMEL_PART = re.compile(r"^(?!Mc|Mac)[A-Z][a-z]+[A-Z]")  # "EasyPost", not "McDermott"


def romance_end(toks: list[Tok], j: int, end: int, lex: Lexicon) -> int:
    """Where a place name that ends at ``j`` ends once its connector tails are added ("San Pedro"
    + "de Atacama"); ``j`` if there is none. A tail is a connector, an optional article and
    capitalised words that are no organisation head."""
    while j + 1 < end and toks[j].text in _ROMANCE:
        k = j + 1 + (toks[j + 1].text in _ARTICLES)
        if k >= end or not toks[k].cap or toks[k].text in lex.org_heads:
            break
        k += 1
        while k < end and toks[k].cap and not toks[k - 1].poss and toks[k].text not in lex.org_heads:
            k += 1
        j = k
    return j


def romance_place(toks: list[Tok], i: int, end: int, lex: Lexicon, gaz: Gazetteer) -> int:
    """End of "Unknown de Known-place" ("Juchitán de Zaragoza"), 0 if the words are not that shape:
    the first word no given name ("Lula da Silva") and no ordinary or organisation word."""
    first = toks[i]
    if (i + 2 >= end or toks[i + 1].text not in _ROMANCE or first.text in _EVENT_FRONT or is_given_name(first.text, lex)
            or first.text in lex.org_heads or first.text in lex.org_front_heads or first.text in lex.non_names
            or gaz.index.get((first.key,)) is not None):
        return 0
    k = i + 2 + (toks[i + 2].text in _ARTICLES)
    for j in range(min(end, k + gaz.max_len), k, -1):
        hit = gaz.index.get(tuple(t.key for t in toks[k:j]))
        if hit is not None and hit[0] == "place" and (j == end or not toks[j].cap):
            return j  # the span may go on: "Juchitán de Zaragoza and San Cristóbal"
    return 0


def multi_brand(toks: list[Tok], start: int, end: int) -> bool:
    """A name built from several brands by hyphens: a word of three hyphenated capitalised parts
    or with a CamelCase or "&" part. People's double-barrelled surnames have two plain parts
    ("Okonkwo-Bello", "McDermott-Lowe")."""
    for k in range(start, end):
        parts = toks[k].text.split("-")
        if len(parts) < 2 or not all(p[:1].isupper() for p in parts):
            continue
        if len(parts) >= 3 or any(_CAMEL_PART.match(p) or "&" in p for p in parts):
            return True
    return False
