"""Team names in sports reports of any code (football, rugby, cricket, AFL, baseball, hockey, basketball).

Clubs outside football are mostly named by a place and a plural nickname ("Perth Scorchers",
"Edmonton Oilers", "Hanshin Tigers", "Glasgow Warriors") and later by the nickname alone ("the
Scorchers", "Oilers coach Kris Knoblauch"). A place followed by a plural nickname is a team in any
text (a person's surname does not follow a city); a nickname alone needs a sports report.
"""

from __future__ import annotations

import re

from .resources import Gazetteer, Lexicon, is_given_name
from .tokens import Tok

_SCORE = re.compile(r"\b\d{1,3}-\d{1,3}\b")
# Words that say a text reports on sport, whatever the code.
SPORT_WORDS = ("league", "goal", "coach", "manager", "striker", "season", "wicket", "innings", "fixture", "derby",
               "midfielder", "defender", "goalkeeper", "transfer", "stadium", "semi-final", "quarter-final",
               "overtime", "playoff", "play-off", "home run", "inning", "pitcher", "scrum", "lineout",
               "touchdown", "rebounds", "goaltender", "batter", "bowler", "fly-half", "try from",
               "tries", "grand final", "preliminary final", "premiership", "pennant")
# Plural words that end the name of a place, an event or a group of people, not a team.
_NOT_NICKNAMES = frozenset("""Islands Isles Keys Mountains Hills Heights Falls Lakes Highlands Lowlands Plains
    Gardens Fields Springs Rapids Rocks Sands Waters Downs Flats Banks Glades Woods Sounds Straits Narrows Cays
    Reefs Dunes Valleys Ranges Alps Andes Midlands Americas Tropics Balkans Territories Emirates States Provinces
    Olympics Paralympics Games Ashes Masters Championships Finals Playoffs Nationals Series Awards Oscars Grammys
    Emmys Brits News Times Affairs Sciences Studies Services Industries Holdings Systems Partners Associates
    Brothers Sons Days Weeks Years Talks Commons Lords Forces Courts Hospitals Universities Schools Communities
    Peoples Nations Athletics Sports Arts Economics Politics Physics Mathematics Ethics Statistics""".split())


def is_sports(text: str) -> bool:
    """Whether a text reports on sport: three sports words, or one and a score."""
    low = text.lower()
    hits = 0
    for w in SPORT_WORDS:
        if w in low:
            hits += 1
            if hits == 3:
                return True  # (the words after the third would not change the answer)
    return hits >= 1 and _SCORE.search(text) is not None


def nickname(tok: Tok) -> bool:
    """A capitalised plural that can be a team's nickname ("Scorchers", "Oilers", "All Blacks")."""
    w = tok.text
    return (tok.cap and not tok.poss and len(w) >= 4 and w.isalpha() and w.endswith("s")
            and not w.endswith(("ss", "us", "is")) and w[1:].islower() and w not in _NOT_NICKNAMES)


def team_end(toks: list[Tok], i: int, end: int, gaz: Gazetteer, lex: Lexicon, sports: bool) -> bool:
    """Whether ``toks[i:end]`` names a team: a place and a plural nickname ("Perth Scorchers", "Gold
    Coast Suns", "Fukuoka SoftBank Hawks"), or in a sports report any name and a nickname after
    "the" ("the Hanshin Tigers")."""
    last = end - 1
    if not 0 < last - i <= 3 or not nickname(toks[last]) or toks[last].text in lex.org_heads \
            or toks[last].text in lex.place_heads or toks[last].text in lex.non_names:
        return False
    if any(not t.cap or t.poss or t.text in lex.connectors or t.text in lex.org_heads or t.text in lex.place_heads
           for t in toks[i:last]):
        return False
    first = toks[i]
    placed = any((hit := gaz.index.get(tuple(t.key for t in toks[i:j]))) is not None and hit[0] == "place"
                 for j in range(last, i, -1))
    if placed:
        return sports or not is_given_name(first.text, lex)  # "Jordan Peters" outside a sports report
    return sports and i > 0 and toks[i - 1].low == "the" and not is_given_name(first.text, lex) \
        and first.text not in gaz.demonyms
