"""Names of bodies that run past a capitalised span: over commas, "and" or "in".

- portfolios: "Ministry of Land, Infrastructure and Transport", "Department of Health and Social Care"
- campuses: "University of California, San Francisco"
- missions named by where they work: "United Nations Verification Mission in Colombia",
  "Regional Court in Warsaw"
"""

from __future__ import annotations

from .resources import Gazetteer, Lexicon, is_given_name
from .tokens import Tok

# Heads of bodies whose name goes on to list their fields: "Office of Disaster Preparedness and
# Emergency Management"
PORTFOLIO_HEADS = frozenset("""Ministry Minister Department Office Secretariat Commission Committee Institute Council
    Agency Bureau Directorate School Faculty College Centre Center Board Authority Museum Academy Organization
    Organisation Union Association Federation""".split())
# Heads of bodies named by the trades they gather: "Medical Practitioners, Pharmacists and Dentists Union"
_TRADES_HEADS = frozenset(["Union", "Association", "Federation", "Society", "Guild", "Alliance", "Council"])
# Heads of bodies named by the place they work in: "Mission in Colombia", "Force in Lebanon"
_IN_HEADS = frozenset(["Mission", "Force", "Operation", "Delegation", "Office"])
_COURT_MODIFIERS = frozenset(["Regional", "District", "Provincial", "Circuit", "Appeals"])


def _known(toks: list[Tok], i: int, j: int, gaz: Gazetteer) -> tuple[str, str] | None:
    return gaz.index.get(tuple(t.key for t in toks[i:j]))


def _field(tok: Tok, lex: Lexicon, gaz: Gazetteer) -> bool:
    """A capitalised word that can name a field in a portfolio (not a name of its own); a field
    word counts even when it also names a body ("Labour", "Communications")."""
    if tok.text in lex.field_words and not tok.poss:
        return True
    return (tok.cap and not tok.poss and tok.text not in lex.org_heads and not is_given_name(tok.text, lex)
            and tok.text not in gaz.demonyms and gaz.index.get((tok.key,)) is None)


def portfolio_join(left: list[Tok], right: list[Tok], lex: Lexicon, gaz: Gazetteer) -> bool:
    """Whether "A and B" is one name listing fields ("Office of Disaster Preparedness and
    Emergency Management"), not two bodies ("Ministry of Health and Ministry of Finance")."""
    left = left[1:] if left and left[0].text in ("The", "the") else left
    return (len(left) >= 3 and left[0].text in PORTFOLIO_HEADS and left[1].text in ("of", "for")
            and 1 <= len(right) <= 3 and _field(right[0], lex, gaz)
            and all(t.cap and t.text not in lex.connectors for t in right)
            # a known name joins only when it ends in a field word too ("Ministry of Energy and
            # Mineral Resources", though Mineral Resources is also a company)
            and (gaz.index.get(tuple(t.key for t in right)) is None
                 or (len(right) >= 2 and right[-1].text in lex.field_words)))


def _run(toks: list[Tok], k: int) -> int:
    """End of the capitalised run at ``k``."""
    while k < len(toks) and toks[k].cap and not toks[k].poss:
        k += 1
    return k


def long_org_end(toks: list[Tok], i: int, j: int, lex: Lexicon, gaz: Gazetteer) -> int:
    """Where a body's name that starts at ``i`` and whose capitalised span ends at ``j`` really
    ends, if it runs on over a comma or "in"; 0 if it does not."""
    n = len(toks)
    if j + 1 >= n or not toks[j - 1].cap or toks[j - 1].poss or toks[j].text not in ("in", ","):
        return 0  # (a name runs on only over "in" or a comma)
    words = [t.text for t in toks[i:j]]
    lead = 1 if words[0] in ("The", "the") else 0
    if len(words) < 2 + lead:
        return 0
    if toks[j].text == "in" and toks[j + 1].cap and (
            words[-1] in _IN_HEADS or (words[-1] == "Court" and words[-2] in _COURT_MODIFIERS)):
        end = _run(toks, j + 1)
        hit = _known(toks, j + 1, end, gaz)
        return end if hit is not None and hit[0] == "place" else 0
    conn = next((k for k in range(lead + 1, min(lead + 3, len(words))) if words[k] in ("of", "for")), 0)
    if toks[j].text == "," and not conn:
        return _trades_end(toks, j, lex, gaz) if words[-1].endswith("s") and len(words) >= 2 + lead else 0
    if toks[j].text != "," or not conn:
        return 0
    head = words[conn - 1]  # "Ministry of ...", "Arab Academy for ..."
    if head == "University" and words[lead + 1] == "of":
        end = _run(toks, j + 1)  # "University of California, San Francisco" (a city, not a country)
        hit = _known(toks, j + 1, end, gaz)
        return end if hit is not None and hit[0] == "place" and hit[1] not in gaz.countries and (
            end >= n or toks[end].text in (",", ".", ")") or not toks[end].cap) and (
            end + 1 >= n or not (toks[end].text == "," and toks[end + 1].cap)) else 0
    if head not in PORTFOLIO_HEADS:
        return 0
    # ", Infrastructure and Transport", ", Trade, Industry and Energy"
    k = j
    while k < n and toks[k].text == "," and k + 1 < n and _field(toks[k + 1], lex, gaz):
        k = _run(toks, k + 1)
        if k - j > 12:
            return 0
    if k < n and toks[k].text in (",", "and") and k > j:
        k += toks[k].text == "," and k + 1 < n and toks[k + 1].text == "and"
        if k < n and toks[k].text == "and" and k + 1 < n:
            k += k + 2 < n and toks[k + 1].text == "the"  # ", Culture and the Arts"
            if _field(toks[k + 1], lex, gaz):
                return _run(toks, k + 1)
    return 0


def _trades_end(toks: list[Tok], j: int, lex: Lexicon, gaz: Gazetteer) -> int:
    """The end of a body named by the trades it gathers, listed from the comma at ``j``
    (", Pharmacists and Dentists Union"), or 0: each trade one plural word no gazetteer knows,
    the last one followed by the body's head."""
    n, k = len(toks), j
    while k + 1 < n and toks[k].text == "," and _trade(toks[k + 1], lex, gaz):
        k += 2
    if k + 2 < n and toks[k].text == "and" and _trade(toks[k + 1], lex, gaz) and toks[k + 2].text in _TRADES_HEADS:
        return k + 3
    return 0


def _trade(tok: Tok, lex: Lexicon, gaz: Gazetteer) -> bool:
    return tok.text.endswith("s") and len(tok.text) > 3 and _field(tok, lex, gaz) and tok.text not in lex.connectors
