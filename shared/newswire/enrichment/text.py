"""Text primitives shared by the enrichment steps: cleaning, words, sentences, paragraphs."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from .scan import finditer_at

# Control characters except tab/newline; they carry no meaning and confuse the regexes below.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_WORD = re.compile(r"\w+(?:[’'\-.]\w+)*", re.UNICODE)
_PARA_SPLIT = re.compile(r"\n\s*\n")
# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) and whitespace,
# or at a paragraph break.
_SENT_END = re.compile(r"(?<=[.!?…])[\"'”’»)\]]*\s+(?=[\"'“‘«(\[]?[\w\d])")
_END_MARK = re.compile(r"[.!?…]")  # what a _SENT_END match follows
_ABBREV = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Prof|St|Ste|Mt|Ft|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Jr|Sr|Inc|Ltd|Co|Corp|No|vs|etc|"
    r"U\.S|U\.K|U\.N|E\.U|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z])\.$"
)
_ABBREV_MAX = 5  # characters of its longest match ("Sept.")

# "Ma." (Maria in the Philippines, an initial in Tamil Nadu) opens a name after a title or a
# lower-case word ("Dr Ma. Luisa Dimaculangan", "minister Ma. Subramanian"); after a given name it
# is the surname Ma ending a sentence ("Jack Ma.").
_MA_INITIAL = re.compile(r"(?:^|(?:\b[a-z]\S*|\b(?:Dr|Mr|Mrs|Ms|Prof|Secretary|Minister|Senator|Judge|Justice|Mayor)"
                         r"|[,;:(\"“]) )Ma\.$")

WORDS_PER_MINUTE = 230


def clean(text: str) -> str:
    """Normalise unicode, drop control characters and unify line ends."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


_DATE_PREFIX = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}\b[ \t]*", re.IGNORECASE)


def strip_dateline_date(text: str) -> str:
    """Drop a leading wire ``date YYYY-MM-DD`` marker if the parser left one in the body."""
    return _DATE_PREFIX.sub("", text, count=1)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def reading_time(wordcount: int) -> int:
    """Seconds needed to read ``wordcount`` words at an adult reading pace."""
    if wordcount <= 0:
        return 0
    return max(1, round(wordcount * 60 / WORDS_PER_MINUTE))


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in _PARA_SPLIT.split(text) if p.strip()]


def _sentence_ends(flat: str) -> Iterator[re.Match[str]]:
    """``_SENT_END.finditer(flat)``, tried only right after the marks a sentence may end with."""
    return finditer_at(_SENT_END, flat, (m.end() for m in _END_MARK.finditer(flat)))


def _abbreviation_end(chunk: str) -> bool:
    """Whether ``chunk`` (no line breaks) ends with an abbreviation: ``_ABBREV`` matches at most
    its last five characters ("Sept."), so only those are searched."""
    return _ABBREV.search(chunk, max(0, len(chunk) - _ABBREV_MAX)) is not None


def sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences, keeping abbreviations such as ``Mr.`` together."""
    flat = " ".join(paragraph.split())
    if not flat:
        return []
    out: list[str] = []
    start = 0
    for m in _sentence_ends(flat):
        chunk = flat[start : m.start()]
        if _abbreviation_end(chunk.rstrip("\"'”’»)]")) or (chunk.endswith("Ma.") and _MA_INITIAL.search(chunk)):
            continue
        out.append(chunk.strip())
        start = m.end()
    tail = flat[start:].strip()
    if tail:
        out.append(tail)
    return out


def is_crosshead(paragraph: list[str]) -> bool:
    """A wire story's subheading in capitals ("BANKS HOLD UP"): one short line, no full stop."""
    return len(paragraph) == 1 and paragraph[0].isupper() and len(paragraph[0].split()) <= 8 \
        and not paragraph[0].endswith(".")


def all_sentences(text: str) -> list[list[str]]:
    """Sentences grouped by paragraph."""
    return [sentences(p) for p in paragraphs(text)]
