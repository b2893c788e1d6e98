"""Project data files (gazetteers, lexicon, topic vocabulary), loaded once per process."""

from __future__ import annotations

import functools
import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Gazetteer:
    """What a surface form (tuple of normalised tokens) refers to."""

    # surface tokens -> (kind, canonical name); kind is "person" | "place" | "organisation"
    index: dict[tuple[str, ...], tuple[str, str]]
    places: dict[str, tuple[str | None, int | None]]  # canonical -> (country code, geonames id)
    max_len: int
    demonyms: frozenset[str]
    # lower-cased single-token place names, for datelines written in capitals
    upper_places: dict[str, str] = field(default_factory=dict)
    # single-word entries of the generated GeoNames list: a place only when they stand alone,
    # not inside a longer capitalised name ("Commonwealth Director of ...", "Aurora Health")
    weak: frozenset[tuple[str, ...]] = frozenset()
    countries: frozenset[str] = frozenset()  # canonical names of countries ("Health Canada" is a body)
    # (possessive word, next word) inside known names: "Women's Super League" is one span
    poss_pairs: frozenset[tuple[str, str]] = frozenset()
    # (word, lower-case word, word) inside known names: "Board of Control for Cricket in India"
    lower_joins: frozenset[tuple[str, str, str]] = frozenset()


@dataclass(frozen=True)
class Lexicon:
    titles: dict[tuple[str, ...], str]
    max_title_len: int
    org_heads: frozenset[str]
    place_heads: frozenset[str]
    person_verbs: frozenset[str]
    connectors: frozenset[str]
    non_names: frozenset[str]
    non_entity_phrases: frozenset[tuple[str, ...]]
    given_names: frozenset[str]
    particles: frozenset[str]
    org_cue_nouns: frozenset[str]
    org_front_heads: frozenset[str]  # heads that open a name: "Museo Nacional", "Fundación ..."
    org_nouns: frozenset[str]  # lower-case nouns that describe an organisation ("the firm X")
    person_nouns: frozenset[str]  # lower-case nouns that describe a person ("the architect X")
    place_nouns: frozenset[str]  # lower-case nouns after a place name ("the Taquari valley")
    post_nominals: frozenset[str]  # letters after a name ("SC", "MP") that are not part of it
    place_like: frozenset[str] = frozenset()  # one-word places and demonyms: "Japan's Ministry" is two names
    place_front_heads: frozenset[str] = frozenset()  # words that open a place name: "Lake Toba", "Gulf of Aqaba"
    compass: frozenset[str] = frozenset()  # "North Kivu", "Eastern Visayas"
    ship_prefixes: frozenset[str] = frozenset()  # "MV", "HMS": a ship's name follows
    ship_nouns: frozenset[str] = frozenset()  # "the trawler X": a ship, not a person
    non_org_acronyms: frozenset[str] = frozenset()  # "GDP", "LNG", "KOSPI": acronyms that name no body
    field_words: frozenset[str] = frozenset()  # "Research", "Affairs": subjects of bodies, not parts of people's names
    # first words of bodies' names in other languages, whose names may hold lower-case words
    # ("Conseil du patronat du Québec"), and the joining words of those languages
    foreign_front_heads: frozenset[str] = frozenset()
    foreign_joins: frozenset[str] = frozenset()


def norm_token(token: str) -> str:
    """Token form used for lookups: dots and curly apostrophes unified (U.S. == US)."""
    return token.replace("’", "'").replace(".", "")


def _strip_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def is_given_name(word: str, lex: "Lexicon") -> bool:
    return word in lex.given_names or (not word.isascii() and _strip_accents(word) in lex.given_names)


def _rows(name: str) -> list[list[str]]:
    out = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(line.split("\t"))
    return out


def _unposs(word: str) -> str:
    """A word without its possessive "'s", as tokens carry it ("Moody's" -> "Moody")."""
    return word[:-2] if len(word) > 2 and word[-2] in "'’" and word[-1] == "s" else word


def _key(name: str) -> tuple[str, ...]:
    return tuple(norm_token(_unposs(t)) for t in name.split() if norm_token(t))


def _lower_joins(surface: str) -> set[tuple[str, str, str]]:
    words = surface.split()
    return {(norm_token(_unposs(a)), b, norm_token(c)) for a, b, c in zip(words, words[1:], words[2:], strict=False)
            if b.islower() and a[:1].isupper() and c[:1].isupper()}


def _poss_pairs(surface: str) -> set[tuple[str, str]]:
    words = surface.split()
    return {(norm_token(_unposs(a)), norm_token(b)) for a, b in zip(words, words[1:], strict=False) if _unposs(a) != a}


# Writers spell these prefixes both ways ("UN Security Council", "United Nations Security Council").
_PREFIXES = (("UN ", "United Nations "), ("EU ", "European Union "))
# and shorten company words at the end ("Taiwan Semiconductor Manufacturing Co").
_SUFFIXES = ((" Company", " Co"), (" Corporation", " Corp"), (" Limited", " Ltd"))


def _full_prefix(name: str) -> str:
    """A UN body's canonical name spelled out, as reference lists write it."""
    return "United Nations " + name[3:] if name.startswith("UN ") else name


def _org_variants(surface: str) -> list[str]:
    """The other spellings of a known body's name: prefix spelled out or shortened, company word shortened."""
    out = []
    for short, full in _PREFIXES:
        if surface.startswith(short):
            out.append(full + surface[len(short):])
        elif surface.startswith(full):
            out.append(short + surface[len(full):])
    out += [surface[: -len(full)] + short for full, short in _SUFFIXES if surface.endswith(full)]
    if " " in surface and not surface.isascii() and (plain := _strip_accents(surface)) != surface:
        out.append(plain)  # written without its accents: "Les Echos", "Medecins Sans Frontieres" (not
        # one word alone, which may be an ordinary one: "Libération")
    return out


@functools.cache
def gazetteer() -> Gazetteer:
    index: dict[tuple[str, ...], tuple[str, str]] = {}
    places: dict[str, tuple[str | None, int | None]] = {}
    demonyms: set[str] = set()
    upper: dict[str, str] = {}
    countries: set[str] = set()
    poss_pairs: set[tuple[str, str]] = set()
    lower_joins: set[tuple[str, str, str]] = set()

    def add(surface: str, kind: str, canonical: str) -> None:
        poss_pairs.update(_poss_pairs(surface))
        lower_joins.update(_lower_joins(surface))
        key = _key(surface)
        if key and key[0].lower() == "the" and len(key) > 1:
            key = key[1:]  # "the Ukraine": the article is not part of a capitalised span
        if key:
            index.setdefault(key, (kind, canonical))

    for row in _rows("places.tsv"):
        row += [""] * (6 - len(row))
        name, cc, gid, kind, aliases, adjectives = row[:6]
        places[name] = (cc or None, int(gid) if gid else None)
        if kind == "country":
            countries.add(name)
        for surface in [name, *filter(None, aliases.split("|"))]:
            add(surface, "place", name)
            upper[surface.upper()] = name
        demonyms.update(a for a in adjectives.split("|") if a)
    for row in _rows("organisations.tsv") + _rows("organisations_world.tsv"):  # the curated list first
        row += ["", ""]
        surfaces = [row[0], *filter(None, row[1].split("|"))]
        canonical = _full_prefix(row[0])
        for surface in surfaces + [v for s in surfaces for v in _org_variants(s)]:
            add(surface, "organisation", canonical)
    for row in _rows("people.tsv"):
        row += ["", ""]
        for surface in [row[0], *filter(None, row[1].split("|"))]:
            add(surface, "person", row[0])
    weak: set[tuple[str, ...]] = set()
    for row in _rows("places_geonames.tsv"):
        row += [""] * (5 - len(row))
        name, cc, gid, kind, aliases = row[:5]
        if name in places or _key(name) in index:
            continue
        if kind == "country":
            countries.add(name)
        places[name] = (cc or None, int(gid) if gid else None)
        for surface in [name, *filter(None, aliases.split("|"))]:
            key = _key(surface)
            if key in index:
                continue
            add(surface, "place", name)
            upper.setdefault(surface.upper(), name)
            if len(key) == 1:
                weak.add(key)
    return Gazetteer(
        index=index,
        places=places,
        max_len=max(len(k) for k in index),
        demonyms=frozenset(demonyms),
        upper_places=upper,
        weak=frozenset(weak),
        countries=frozenset(countries),
        poss_pairs=frozenset(poss_pairs),
        lower_joins=frozenset(lower_joins),
    )


@functools.cache
def lexicon() -> Lexicon:
    raw = json.loads((DATA / "lexicon.json").read_text(encoding="utf-8"))
    titles = {_key(t): t for t in raw["person_titles"]}
    given: set[str] = set()
    for line in (DATA / "given_names.txt").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            given.update(line.split())
    return Lexicon(
        titles=titles,
        max_title_len=max(len(k) for k in titles),
        org_heads=frozenset(raw["org_heads"]),
        place_heads=frozenset(raw["place_heads"]),
        person_verbs=frozenset(raw["person_verbs"]),
        connectors=frozenset(raw["connectors"]),
        non_names=frozenset(raw["non_names"]),
        non_entity_phrases=frozenset(_key(p) for p in raw["non_entity_phrases"]),
        given_names=frozenset(given) | frozenset(_strip_accents(g) for g in given),
        particles=frozenset(raw["name_particles"]),
        org_cue_nouns=frozenset(raw["org_cue_nouns"]),
        org_front_heads=frozenset(raw["org_front_heads"]),
        org_nouns=frozenset(raw["org_nouns"]),
        person_nouns=frozenset(raw["person_nouns"]),
        place_nouns=frozenset(raw["place_nouns"]),
        post_nominals=frozenset(raw["post_nominals"]),
        place_front_heads=frozenset(raw["place_front_heads"]),
        compass=frozenset(raw["compass_words"]),
        ship_prefixes=frozenset(raw["ship_prefixes"]),
        ship_nouns=frozenset(raw["ship_nouns"]),
        non_org_acronyms=frozenset(raw["non_org_acronyms"]),
        field_words=frozenset(raw.get("field_words", ())),
        foreign_front_heads=frozenset(raw.get("foreign_front_heads", ())),
        foreign_joins=frozenset(raw.get("foreign_joins", ())),
        place_like=frozenset(k[0] for k, v in gazetteer().index.items() if len(k) == 1 and v[0] == "place")
        | gazetteer().demonyms,
    )
