"""Finding a cue pattern's matches without trying it at every position of the text.

``pattern.finditer(text)`` tries the pattern at every position. A pattern that opens with a word
boundary, an optional group or an alternation of words gets no help from the regex engine's prefix
search, and costs the engine a full attempt per character: the text-wide cues of ``entities`` did.
Their matches can only begin at a few words, which ``str.find`` locates far faster; ``finditer_at``
then tries the pattern at those positions only and yields exactly what ``finditer`` would.
``TextWords`` lists a text's words once, so that words it lacks are not even looked for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

_META = frozenset("\\.^$*+?{}[]|()")


def finditer_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text)``, given ``starts``: every position where a match
    may begin (more do no harm; negative ones are ignored). Like ``finditer``, a match is looked
    for only after the end of the previous one."""
    last = 0
    for at in sorted(set(starts)):
        if at >= last and (m := pattern.match(text, at)) is not None:
            yield m
            last = m.end()


def occurrences(text: str, needle: str) -> list[int]:
    """Every position where ``needle`` occurs in ``text``, overlapping ones included."""
    out: list[int] = []
    k = text.find(needle)
    while k >= 0:
        out.append(k)
        k = text.find(needle, k + 1)
    return out


def literal_head(alternative: str) -> str:
    """The text every match of a regex alternative begins with: "defeat (?:to|by)" -> "defeat ",
    "polls?" -> "poll", "\\d{1,2}-\\d{1,2}" -> ""."""
    k = 0
    while k < len(alternative) and alternative[k] not in _META:
        k += 1
    if k < len(alternative) and alternative[k] in "?*{":
        k -= 1  # the character before a quantifier may be absent
    return alternative[:k]


def first_words(alternative: str) -> frozenset[str]:
    """The words of ASCII letters a match of a regex alternative can begin with, given that the
    pattern goes on with a non-letter after the alternative (a space, a comma, a word boundary):
    "defeat (?:to|by)" -> {"defeat"}, "polls?" -> {"poll", "polls"}."""
    k = 0
    while k < len(alternative) and alternative[k].isascii() and alternative[k].isalpha():
        k += 1
    word, rest = alternative[:k], alternative[k:]
    words = {word}
    if rest[:1] == "?" and len(word) > 1:
        words, rest = {word, word[:-1]}, rest[1:]  # "polls?": the last letter may be absent
    if word and (not rest or rest[0] == " "):
        return frozenset(words)
    raise ValueError(f"no word of ASCII letters opens the alternative {alternative!r}")


class Needle(NamedTuple):
    """What ``str.find`` looks for to locate a cue, and the words its matches can begin with."""

    text: str
    firsts: frozenset[bytes]


def needles(alternatives: Sequence[str], before: str = "", digits: bool = False) -> tuple[Needle, ...]:
    """Needles for the alternatives of a cue (``before`` each of them in the pattern): their literal
    heads, none the extension of another (where "beating" occurs, "beat" does). ``digits``: the
    caller looks for where the alternatives that open with a digit (``\\d``) may begin itself."""
    words: dict[str, set[str]] = {}
    for alt in alternatives:
        if digits and alt.startswith(r"\d"):
            continue
        head = literal_head(alt)
        if not head:
            raise ValueError(f"no literal head opens the alternative {alt!r}")
        words.setdefault(head, set()).update(first_words(alt))
    out = []
    for head in sorted(words):
        if not any(other != head and head.startswith(other) for other in words):
            firsts = set().union(*(w for other, w in words.items() if other.startswith(head)))
            out.append(Needle(before + head, frozenset(w.encode("ascii") for w in firsts)))
    return tuple(out)


# Every byte but an ASCII letter becomes a space (every non-ASCII character became "?" first).
_LETTERS_ONLY = bytes(c if 65 <= c <= 90 or 97 <= c <= 122 else 32 for c in range(256))


class TextWords:
    """A text's words of ASCII letters (its maximal runs of them), listed in one pass at C speed.

    A cue's match begins with a word (after a space, a comma or a word boundary, so a whole run of
    letters): when none of the words a needle's matches begin with is in the text, no scan for it
    is needed.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._words = set(text.encode("ascii", "replace").translate(_LETTERS_ONLY).split())

    def has(self, word: str) -> bool:
        """Whether ``word`` (ASCII letters) is one of the text's words."""
        return word.encode("ascii") in self._words

    def found(self, needle: Needle) -> list[int]:
        """``occurrences(text, needle.text)``, or none when the text has none of ``needle.firsts``."""
        return occurrences(self.text, needle.text) if not self._words.isdisjoint(needle.firsts) else []
