"""Rule-based named-entity recognition for news English, backed by project gazetteers.

Steps: find capitalised spans in each sentence; inside a span, match the gazetteers (longest
first), titles ("President", "Mayor"), demonyms and common words; classify what is left by cues
(given names, organisation head nouns, titles, reporting verbs, place prepositions); finally fold
aliases (a surname alone joins the full name seen elsewhere in the article) and count mentions.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from newswire.models import Entity, Place

from .resources import Gazetteer, Lexicon, gazetteer, is_given_name, lexicon, norm_token

# Acronyms with dots (U.S., J.D.) first, then words with inner apostrophes/hyphens, then punctuation.
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]\.(?=\s[A-Z])|Jr\.|Sr\.|[^\W_][\w&]*(?:[’'\-][^\W_][\w&]*)*|[^\w\s]", re.UNICODE)
_POSSESSIVE = re.compile(r"[’']s$")
_ACRONYM_DEF = re.compile(r"((?:[A-Z][\w’'\-]*\s+)(?:(?:of|for|and|the|on|[A-Z][\w’'\-]*)\s+){0,8}?[A-Z][\w’'\-]*)\s*\(([A-Z][A-Z&]{1,9})\)")
_NOUNY = re.compile(r"(?:tion|sion|ment|ness|ity|ism|ing|ics|ence|ance|ure|ology|ship|ies|ers)$")
_PLACE_PREPS = frozenset({"in", "near", "outside", "from"})
_ARTICLES = frozenset({"The", "A", "An"})
_CAMEL = re.compile(r"^(?!Mc|Mac|O'|O’|D'|D’)[A-Z][a-z]+[A-Z]")
_PLACE_NOUNS = frozenset({"city", "town", "village", "region", "province", "port", "capital"})
Kind = str  # "person" | "place" | "organisation"


class Tok:
    __slots__ = ("text", "key", "cap", "poss")

    def __init__(self, text: str, key: str, cap: bool, poss: bool) -> None:
        self.text = text  # surface without possessive suffix
        self.key = key  # lookup form
        self.cap = cap
        self.poss = poss


# Lower-case tokens carry no state of their own: share one object per word.
_PLAIN: dict[str, Tok] = {}
_PLAIN_MAX = 200_000


@dataclass
class Mention:
    kind: Kind | None  # None: a single unknown capitalised word, resolved at the end
    name: str  # canonical name if known, else surface
    surface: str
    known: bool  # from a gazetteer
    cues: set[str] = field(default_factory=set)
    order: int = 0


@dataclass
class Found:
    people: list[Entity]
    places: list[Place]
    organisations: list[Entity]


def _is_cap(text: str) -> bool:
    c = text[0]
    if c.isupper():
        return True
    # particles written lower case inside names: al-Assad, el-Sisi
    return len(text) > 3 and text[:3] in ("al-", "el-") and text[3:4].isupper()


def tokenize(sentence: str, lex: Lexicon) -> list[Tok]:
    toks: list[Tok] = []
    append = toks.append
    for text in _TOKEN.findall(sentence):
        first = text[0]
        if not first.isupper() and not ((first == "a" or first == "e") and _is_cap(text)):
            tok = _PLAIN.get(text)
            if tok is None:
                poss = len(text) > 2 and text[-2] in "’'" and text[-1] == "s"
                tok = Tok(text[:-2] if poss else text, text, False, poss)
                if len(_PLAIN) < _PLAIN_MAX:
                    _PLAIN[text] = tok
            append(tok)
            continue
        poss = len(text) > 2 and text[-2] in "’'" and text[-1] == "s"
        if poss:
            text = text[:-2]
        # Wire ledes write the first words in capitals ("THE MAYOR of Kiev"): read them as words.
        if len(text) > 2 and text.isupper():
            titled = text.title()
            if titled in lex.non_names or (titled,) in lex.titles:
                text = titled
        append(Tok(text, norm_token(text), True, poss))
    return toks


def _spans(toks: list[Tok], lex: Lexicon) -> list[tuple[int, int]]:
    out = []
    i, n = 0, len(toks)
    while i < n:
        if not toks[i].cap:
            i += 1
            continue
        j = i + 1
        while j < n and not toks[j - 1].poss:
            if toks[j].cap:
                j += 1
                continue
            k = j
            while k < n and k - j < 2 and toks[k].text in lex.connectors:
                k += 1
            if k > j and k < n and toks[k].cap:
                j = k
                continue
            break
        out.append((i, j))
        i = j
    return out


class _Extractor:
    def __init__(self, text: str, gaz: Gazetteer, lex: Lexicon, heuristics: bool) -> None:
        self.gaz, self.lex, self.heuristics = gaz, lex, heuristics
        self.mentions: list[Mention] = []
        self.lower_words = {w for w in re.findall(r"\b[a-z][a-z’'\-]+\b", text)}
        self.acronyms: dict[str, str] = {}
        for m in _ACRONYM_DEF.finditer(text):
            self.acronyms[m.group(2)] = " ".join(m.group(1).split())

    # --- helpers -------------------------------------------------------------------------
    def _gaz_match(self, toks: list[Tok], i: int, end: int) -> tuple[int, tuple[str, str]] | None:
        for j in range(min(end, i + self.gaz.max_len), i, -1):
            key = tuple(t.key for t in toks[i:j])
            hit = self.gaz.index.get(key)
            if hit is not None:
                return j, hit
        return None

    def _title_match(self, toks: list[Tok], i: int, end: int) -> int | None:
        for j in range(min(end, i + self.lex.max_title_len), i, -1):
            if tuple(t.key for t in toks[i:j]) in self.lex.titles:
                return j
        return None

    def _non_entity(self, toks: list[Tok], i: int, end: int) -> int | None:
        for j in range(min(end, i + 4), i + 1, -1):
            if tuple(t.key for t in toks[i:j]) in self.lex.non_entity_phrases:
                return j
        if (toks[i].key,) in self.lex.non_entity_phrases:
            return i + 1
        return None

    def _emit(self, kind: Kind | None, name: str, surface: str, known: bool, cues: set[str]) -> None:
        self.mentions.append(Mention(kind, name, surface, known, cues, len(self.mentions)))

    def _commonish(self, word: str) -> bool:
        """A capitalised word that is an ordinary word of this text or of English."""
        return word in self.lex.non_names or word.lower() in self.lower_words

    # --- one sentence --------------------------------------------------------------------
    def sentence(self, sentence: str) -> None:
        toks = tokenize(sentence, self.lex)
        first_word = next((i for i, t in enumerate(toks) if t.text[:1].isalnum()), 0)
        for start, end in _spans(toks, self.lex):
            self._span(toks, start, end, sentence_initial=start == first_word)

    def _span(self, toks: list[Tok], start: int, end: int, sentence_initial: bool) -> None:
        lex, gaz = self.lex, self.gaz
        surface_all = " ".join(t.text for t in toks[start:end])
        whole = gaz.index.get(tuple(t.key for t in toks[start:end]))
        # An organisation whose name contains other names: "International Committee of the
        # Fourth International", "Ministry of Defence", "Bristol City Council".
        if whole is None and self.heuristics and end - start >= 2:
            lead = start
            while lead < end and (toks[lead].text in _ARTICLES or toks[lead].text in gaz.demonyms
                                  or (lead == start and sentence_initial and self._commonish(toks[lead].text))):
                lead += 1
            stop = end
            while stop > lead and (toks[stop - 1].text in lex.non_names or toks[stop - 1].text in lex.connectors):
                stop -= 1  # "Emirates Stadium on Sunday"
            inner = [t.text for t in toks[lead:stop]]
            if len(inner) >= 2 and not is_given_name(inner[0], lex) and not any(
                self._title_match(toks, k, end) is not None for k in range(lead, end)
            ) and gaz.index.get(tuple(t.key for t in toks[lead:stop])) is None:
                has_conn = any(w in lex.connectors for w in inner[1:-1])
                head_last = inner[-1] in lex.org_heads
                pre = inner[: next((k for k, w in enumerate(inner) if w in lex.connectors), len(inner))]
                head_front = any(w in lex.org_heads for w in pre)
                if (has_conn and head_front) or (not has_conn and head_last):
                    name = " ".join(inner)
                    self._emit("organisation", name, name, False, set())
                    return
        i = start
        person_cue = False
        while i < end:
            tok = toks[i]
            if tok.text in lex.connectors:
                person_cue = False
                i += 1
                continue
            skip = self._non_entity(toks, i, end)
            if skip:
                i = skip
                continue
            hit = self._gaz_match(toks, i, end)
            if self.heuristics and i + 1 < end and toks[i + 1].cap and (
                (hit is None or hit[0] == i + 1) and is_given_name(tok.text, lex)
                and (hit is None or hit[1][1] == tok.text or hit[1][0] != "person")
            ):
                # "Luís Montenegro", "Abbas Kiarostami": a first name makes the run one person,
                # whatever the words after it also name.
                j = i + 1
                while j < end and (toks[j].cap or (toks[j].text in lex.particles and j + 1 < end
                                                   and toks[j + 1].cap)) and not toks[j - 1].poss:
                    if toks[j].text in lex.org_heads:
                        break
                    j += 1
                if j > i + 1 and toks[j - 1].cap:
                    name_hit = self.gaz.index.get(tuple(t.key for t in toks[i:j]))
                    surface = " ".join(t.text for t in toks[i:j])
                    if name_hit is not None and name_hit[0] == "person":
                        self._emit("person", name_hit[1], surface, True, set())
                    else:
                        self._emit("person", surface, surface, False, {"title"} if person_cue else set())
                    person_cue = False
                    i = j
                    continue
            if (hit is not None and hit[0] == i + 1 and hit[1][0] != "place" and i + 1 < end
                    and toks[i + 1].cap and self._gaz_match(toks, i + 1, end) is None
                    and toks[i + 1].text not in lex.non_names and not tok.poss
                    and self._title_match(toks, i + 1, end) is None):
                hit = None  # "Wagner Moura" is not the Wagner Group: an unknown name follows
            if hit is not None:
                j, (kind, name) = hit
                surface = " ".join(t.text for t in toks[i:j])
                cues = {"title"} if person_cue else set()
                if kind == "place" and person_cue and j - i == 1:
                    kind = None  # "President Jordan"? a title before a place name: unknown
                self._emit(kind or "person", name, surface, True, cues)
                person_cue = False
                i = j
                continue
            t_end = self._title_match(toks, i, end)
            if t_end is not None and t_end < end and toks[t_end].text not in lex.connectors:
                person_cue = True
                i = t_end
                continue
            if t_end is not None:
                i = t_end
                continue
            if tok.text in gaz.demonyms or (tok.text in lex.non_names and not person_cue):
                i += 1
                continue
            if not self.heuristics:
                i += 1
                continue
            # an unknown chunk: run until something known or a connector
            j = i + 1
            while j < end and not toks[j - 1].poss and (
                toks[j].text not in lex.connectors
                or (toks[j].text in lex.particles and j + 1 < end and toks[j + 1].cap)
            ):
                nxt = toks[j]
                if nxt.text in gaz.demonyms or nxt.text in lex.non_names:
                    break
                if self._title_match(toks, j, end) is not None:
                    break
                hit2 = self._gaz_match(toks, j, end)
                if hit2 is not None and not (hit2[1][0] == "person" and hit2[0] - j == 1):
                    break
                j += 1
            # an organisation chunk may run over connectors when a head noun closes it
            self._unknown(toks, i, j, end, person_cue, sentence_initial and i == start)
            person_cue = False
            i = j

    def _unknown(self, toks: list[Tok], i: int, j: int, end: int, titled: bool, initial: bool) -> None:
        lex = self.lex
        words = [t.text for t in toks[i:j]]
        # drop a sentence-initial ordinary word ("Rejecting", "Asked")
        if initial and words and not titled and words[0] not in lex.given_names:
            w = words[0]
            if self._commonish(w) or _NOUNY.search(w) or w.endswith(("ed", "ly")):
                words = words[1:]
                i += 1
        if not words:
            return
        surface = " ".join(words)
        if surface in self.acronyms:
            surface = self.acronyms[surface]
        last = words[-1]
        after = toks[j] if j < len(toks) else None
        before = toks[i - 1] if i > 0 else None
        before2 = toks[i - 2] if i > 1 else None
        if last in lex.org_heads and len(words) > 1:
            self._emit("organisation", surface, surface, False, set())
            return
        if last in lex.place_heads and len(words) > 1:
            self._emit("place", surface, surface, False, set())
            return
        if any(_CAMEL.match(w) for w in words):
            self._emit("organisation", surface, surface, False, set())  # ScotRail, PayPal
            return
        if len(words) == 1:
            w = words[0]
            if w.isupper() and 2 <= len(w) <= 6 and w.isalpha():
                if w in self.acronyms:
                    self._emit("organisation", self.acronyms[w], w, False, set())
                elif w not in lex.non_names and (
                    (before is not None and before.text in lex.org_cue_nouns)
                    or (after is not None and after.text in lex.person_verbs)
                ):
                    self._emit("organisation", w, w, False, set())  # "broadcaster NTV", "AFAD said"
                else:
                    self._emit(None, w, w, False, {"acronym"})
                return
            if self._commonish(w) and not titled:
                return
            cues: set[str] = set()
            if titled:
                cues.add("title")
            if after is not None and after.text in lex.person_verbs:
                cues.add("verb")
            if before is not None and before.text in lex.person_verbs and after is None or (
                after is not None and after.text in {",", "."} and before is not None
                and before.text in lex.person_verbs):
                cues.add("verb")
            if before is not None and before.text.lower() in _PLACE_PREPS and not initial:
                cues.add("place")
            if before is not None and before2 is not None and before.text == "of" and before2.text.lower() in _PLACE_NOUNS:
                cues.add("place")
            if initial:
                cues.add("initial")
            self._emit(None, w, w, False, cues)
            return
        # two or more capitalised words
        if titled or words[0] in lex.given_names:
            self._emit("person", surface, surface, False, {"title"} if titled else set())
            return
        if len(words) <= 4 and not any(self._commonish(w) or _NOUNY.search(w) for w in words):
            self._emit("person", surface, surface, False, set())


def _resolve(mentions: list[Mention], gaz: Gazetteer) -> Found:
    # Full names of people seen in this text, by surname, for folding "Klitschko" alone.
    by_surname: dict[str, str] = {}
    for m in mentions:
        if m.kind == "person":
            parts = m.name.split()
            if len(parts) > 1:
                by_surname.setdefault(parts[-1], m.name)
    org_names = {m.name for m in mentions if m.kind == "organisation"}
    known_people = {m.name for m in mentions if m.kind == "person"}
    for m in mentions:
        if m.kind == "person" and not m.known and len(m.name.split()) == 1 and m.name in by_surname:
            m.name = by_surname[m.name]
        if m.kind is not None:
            continue
        w = m.surface
        if w in by_surname:
            m.kind, m.name = "person", by_surname[w]
        elif w in known_people:
            m.kind = "person"
        elif "acronym" in m.cues:
            repeated = sum(1 for x in mentions if x.surface == w) >= 2
            if repeated and w not in org_names:
                m.kind = "organisation"
        elif "title" in m.cues or "verb" in m.cues:
            m.kind = "person"
        elif "place" in m.cues and "initial" not in m.cues:
            m.kind = "place"
    # A person folded from a full name keeps the full name even if only the surname had a title.
    people: dict[str, Entity] = {}
    places: dict[str, Place] = {}
    orgs: dict[str, Entity] = {}
    for m in mentions:
        if m.kind == "person":
            target = people
            ent = people.get(m.name) or Entity(name=m.name, mentions=0)
        elif m.kind == "place":
            target = places  # type: ignore[assignment]
            cc, gid = gaz.places.get(m.name, (None, None))
            ent = places.get(m.name) or Place(name=m.name, mentions=0, country_code=cc, geonames_id=gid)
        elif m.kind == "organisation":
            target = orgs
            ent = orgs.get(m.name) or Entity(name=m.name, mentions=0)
        else:
            continue
        ent.mentions += 1
        if m.surface != m.name and m.surface not in ent.aliases:
            ent.aliases.append(m.surface)
        target[m.name] = ent  # type: ignore[assignment]

    def ranked(d: dict) -> list:  # type: ignore[type-arg]
        return sorted(d.values(), key=lambda e: -e.mentions)

    return Found(ranked(people), ranked(places), ranked(orgs))  # type: ignore[arg-type]


def extract(sentences: list[str], text: str, english: bool = True, dateline: str | None = None) -> Found:
    """People, places and organisations of an article, given its sentences and dateline place."""
    ex = _Extractor(text, gazetteer(), lexicon(), heuristics=english)
    if dateline:
        hit = ex.gaz.index.get(tuple(norm_token(t) for t in dateline.split()))
        if hit is not None and hit[0] == "place":
            ex._emit("place", hit[1], dateline, True, set())
        else:
            ex._emit("place", dateline, dateline, False, set())
    for s in sentences:
        ex.sentence(s)
    return _resolve(ex.mentions, ex.gaz)


@functools.cache
def demonyms_lower() -> frozenset[str]:
    return frozenset(d.lower() for d in gazetteer().demonyms)


def warm() -> None:
    gazetteer()
    lexicon()
