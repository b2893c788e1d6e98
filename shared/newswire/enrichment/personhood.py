"""Whether a run of unknown capitalised words read as a person by its shape alone is one.

A run with no given name, no title and no gazetteer entry ("Golden Bear", "Palais Bourbon", "Sky
ECC", "the Rosetta Stone") used to default to a person. These rules look for what says it is not:
an acronym inside it, an article before it, a place preposition, a place or building word of any
language. ``shape_kind`` is asked where the shape default would apply; ``consistent_kinds`` then
gives a name read as a person by its shape the type the same name got from a cue elsewhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from .resources import Lexicon
from .tokens import Tok

# After "at" an unknown multi-word name is a place or a site ("at Vaca Muerta", "at Dome C"); "in" and
# "near" are read earlier for every name; "from" and "of" take people as often ("a cross from X",
# "the government of X").
_PLACE_PREPS = frozenset({"at"})


class _Mention(Protocol):  # the fields of ``entities.Mention`` read here
    kind: str | None
    name: str
    surface: str
    cues: set[str]


def _acronym(word: str) -> bool:
    """Three capitals or more ("ECC", "BBA", "JDE"): no part of a person's name ("KL", "C.C." are initials)."""
    return len(word) >= 3 and word.isalpha() and word.isupper()


def shape_kind(toks: list[Tok], i: int, j: int, lex: Lexicon, initial: bool) -> str:
    """The type of the unknown run ``toks[i:j]`` (two or more words, no given name, no title) that
    would be a person by its shape: "person", "organisation", "place", or "" when it is none of
    these on this evidence (left for the text's other cues to type)."""
    words = [t.text for t in toks[i:j]]
    if any(_acronym(w) for w in words):
        return "organisation"  # "Sky ECC", "Itaú BBA", "JDE Peet's": companies, products, units
    if any(w in lex.place_heads or w in lex.place_front_heads for w in words):
        return "place"  # "Mountain Pass", "Palais Bourbon", "Scarborough Shoal"
    before = toks[i - 1] if i > 0 else None
    if before is None or initial:
        return "person"
    if before.low == "the":
        return ""  # "the Rosetta Stone", "the Golden Bear", "the Ciné Burkina": people take no article
    if before.low in _PLACE_PREPS:
        return "place"
    return "person"


def consistent_kinds(mentions: Sequence[_Mention]) -> None:
    """A name read as a person by its shape alone takes the type a cue gave the same name elsewhere
    in the text ("near Scarborough Shoal" ... "east of Scarborough Shoal")."""
    cued: dict[str, str] = {}
    for m in mentions:
        if m.kind in ("place", "organisation") and m.surface not in cued:
            cued[m.surface] = m.kind
    for m in mentions:
        if m.kind == "person" and m.cues == {"shape"} and m.surface in cued:
            m.kind = cued[m.surface]
