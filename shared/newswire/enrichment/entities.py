"""Rule-based named-entity recognition for news English, backed by project gazetteers.

Steps: find capitalised spans in each sentence; inside a span, match the gazetteers (longest
first), titles ("President", "Mayor"), demonyms and common words; classify what is left by cues
(given names, organisation head nouns, titles, reporting verbs, place prepositions); finally fold
aliases (a surname alone joins the full name seen elsewhere in the article) and count mentions.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from newswire.models import Entity, Place

from .longnames import long_org_end, portfolio_join
from .markets import index_from
from .personhood import consistent_kinds, shape_kind
from .resources import Gazetteer, Lexicon, gazetteer, is_given_name, lexicon, norm_token
from .scan import TextWords, finditer_at, needles, occurrences
from .shapes import multi_brand, romance_end, romance_place
from .sports import is_sports, nickname, team_end
from .tokens import Tok, tokenize
from .works import title_spans

_ACRONYM_DEF = re.compile(r"((?:[A-Z][\w’'\-]*\s+)(?:(?:of|for|and|the|on|in|de|del|des|du|la|para|[a-z]{1,3}-[A-Z][\w’'\-]*"
                          r"|[A-Z][\w’'\-]*)\s+){0,8}?[A-Z][\w’'\-]*)\s*\(([A-Z][A-Z&]{1,9})\)")
# what every acronym definition contains: where it is missing, _ACRONYM_DEF need not scan the text
_ACRONYM_PARENS = re.compile(r"\([A-Z][A-Z&]{1,9}\)")
# ("Culture", "Pressure" but not the surname "Faure": a vowel before "ure" is no noun ending)
_NOUNY = re.compile(r"(?:tion|sion|ment|ness|ity|ism|ing|ics|ence|ance|(?<![aeiou])ure|ology|ship|ies|ers)$")
# verbs that follow a country's name (it is a subject, not an adjective): "the U.S. rose to ..."
_VERBS_AFTER_NAME = frozenset("""said says is was has had have will would could should may might must can cannot
    did does do are were rose fell grew added became remains remained""".split())
# plural nouns a country's abbreviation qualifies ("U.S. sanctions", "U.S. officials"), which the
# verb shapes above would otherwise keep out
_ATTRIBUTED_NOUNS = frozenset("""sanctions officials troops forces strikes tariffs lawmakers investors markets shares
    stocks bonds authorities diplomats negotiators prosecutors regulators banks companies firms imports exports
    interests allies""".split())
_AGENT_NOUN = re.compile(r"[a-z]{3}(?:ists?|ors|ants)$")  # "Tourist", "Administrators", "Consultants"
_PLACE_PREPS = frozenset({"in", "near", "outside", "from"})
_ARTICLES = frozenset({"The", "A", "An"})
_CAMEL = re.compile(r"^(?!Mc|Mac|O'|O’|D'|D’)[A-Z][a-z]+[A-Z]")
_PLACE_NOUNS = frozenset({"city", "town", "village", "region", "province", "port", "capital"})
_PLACE_PREPS_MULTI = frozenset({"in", "near", "outside", "across", "around"})
# Last words of names that are neither people nor organisations: laws, prizes, instruments.
_NOT_ORG_LAST = frozenset(["Examination", "Exam", "Certificate", "Act", "Agreement", "Treaty", "Law", "Bill", "Index", "Convention", "Protocol", "Directive", "Regulation", "Plan", "Strategy", "Interface", "Product", "Rate", "Standard", "Code", "Accord", "Declaration", "Charter", "Prize", "Award", "Awards", "Medal", "Cup", "Trophy", "Telescope", "Satellite", "Day", "Week", "Championship", "Championships", "Galaxy", "Finals"])
_AND = frozenset({"and", "&"})
# the legal form that ends a company's name ("Pakistan Petroleum Limited and Government Holdings")
_LEGAL_FORMS = frozenset({"Limited", "Ltd", "Ltd.", "Inc", "Inc.", "Corp", "Corp.", "PLC", "Plc", "plc", "LLC", "LLP",
                          "SA", "AG", "NV", "BV", "GmbH", "SpA", "Tbk", "Bhd", "ASA", "Oyj", "SE", "SAC", "SAA", "SRL",
                          "Srl", "Ltda", "SAS"})
_ENGLISH_JOINS = frozenset({"and", "&", "of", "for", "the", "on", "upon"})
# "of" and "for" in the languages whose bodies' names news quotes: a word after one is part of the
# name even when it is an ordinary word alone ("Association of Teachers", "Ministère ... du Budget")
_OF = frozenset({"of", "for", "de", "du", "des", "da", "do", "das", "dos", "del", "della", "di", "dei", "degli",
                 "delle", "für", "pentru", "dla"})
# "and" in the languages whose bodies' names list their fields ("Mineros, Metalúrgicos y Siderúrgicos")
_FOREIGN_ANDS = frozenset({"and", "&", "y", "e", "et", "și", "i", "dan", "und", "en"})
# lower-case English words that no foreign name holds: a run that meets one is back in English
_ENGLISH_LOWER = frozenset("""a an the said says this that its it their his her they we our be been being as not
    but after before when while since because if than then there here would should could may might must""".split())
_REGNAL_TITLES = frozenset({"King", "Queen", "Emperor", "Empress", "Sultan", "Emir", "Tsar", "Shah", "Pope"})
_ROMAN_NUMERAL = re.compile(r"[IVX]{1,5}")
_COUNTRY_ABBREVIATIONS = frozenset({"US", "UK", "U.S.", "U.K."})
_PLACE_PARTICLES = frozenset({"di", "del", "della"})
# Saints' names name places and churches in news, not people: "St Thomas", "St Mary"
_SAINTS = frozenset({"St", "St.", "Saint", "Ste", "Ste."})
# Prefixes of stage names: "DJ Maphorisa", "MC Solaar", "Lil Nas X"
_STAGE_PREFIXES = frozenset({"DJ", "MC", "Lil"})
# Articles of other languages that open names of places and bodies, never people's ("Les Engagés", "La Rambla")
_FOREIGN_ARTICLES = frozenset({"La", "Les", "El", "Los", "Las", "Il", "Gli", "Die", "Der", "Het"})
_LEAD_PREPS = frozenset({"at", "in", "on", "for", "from", "with", "by", "to", "of"})
_FUNCTION_WORDS = frozenset(["and", "or", "of", "in", "on", "at", "to", "for", "with", "by", "from", "has", "had", "have", "is", "was", "were", "are", "will", "would", "could", "can", "which", "who", "that", "also", "did", "does", "said", "says"])
# Nouns for a person that are also said of things ("the official news agency", "member states"):
# read as a person's only as the head of an apposition ("Benson Adegbeyeni, a union official in Lagos")
_MEMBER_NOUNS = frozenset({"official", "member", "delegate", "employee", "trustee", "convener", "coordinator"})
_APPOSITION_END = frozenset({",", ".", ";", "which", "who", "whose", "where", "that", "at", "of", "on", "in", "for", "with", "from", "to"})
Kind = str  # "person" | "place" | "organisation"

# What only organisations do: "X shares fell", "X said in a statement", "an analyst at X".
# (Each cue after a name opens with a space, a comma or a possessive: see _CUE_AFTER_OPENS.)
_NAME = r"([A-Z][\w&.\-]*(?: [A-Z][\w&.\-]*){0,4})"
_ORG_AFTER = (
    r"(?:['’]s)? (?:shares|stock) (?:rose|fell|jumped|dropped|slipped|gained|climbed|slumped|surged"
    r"|tumbled|plunged|were|was|are|have|had|closed)\b",
    r" (?:said|says) in (?:a|its) (?:statement|filing|note|press release|report)",
    r", which (?:employs|owns|operates|runs|makes|sells|is listed|listed|represents|negotiates|has campaigned"
    r"|was founded|is owned|brought|supplies|lends|trains)\b",
    r"['’]s (?:board|chief executive|chairman|chairwoman|chief financial officer|spokesperson|spokesman"
    r"|spokeswoman|shareholders|shares|headquarters|subsidiary|branch|branches|employees|directors"
    r"|CEO|founder|co-founder|parent company|website|share price|market value|chief economist|chief operating officer"
    r"|managing director|annual report|workforce|subscribers|stores|factories)\b",
    r" (?:cut|raised|lowered|kept|reiterated) its (?:price target|target price|rating|recommendation|forecast"
    r"|guidance|outlook|dividend)\b",
    r", (?:owned|backed|controlled) by\b",
    r" (?:news|press) agency\b",  # "the Houthi-run Saba news agency"
    # a share-price move: "Nordex lost 2 per cent", "Adyen jumped 11%"
    r" (?:lost|gained|jumped|slipped|shed|tumbled|slumped|surged|plunged|rallied|rose|fell|added|dropped|climbed"
    r"|advanced|declined|sank|soared|slid) \d[\d.]* ?(?:per cent|percent|%)",
    r" (?:reported|posted|announced|booked) (?:an? |its )?(?:net |record |quarterly |annual |first-half "
    r"|half-year |full-year |pre-tax |operating |\d+ percent )*(?:profit|loss|revenue|revenues|sales|earnings|rise|fall)\b",
)
_ORG_BEFORE = (
    r"\b(?:analyst|analysts|economist|economists|strategist|researcher|researchers|lecturer|professor"
    r"|lawyer|lawyers|campaigner|partner|engineers|scientists|academics|banker|executives|doctors"
    r"|nurses|spokesperson|spokesman|spokeswoman) (?:at|with) (?:the )?",
    r"\b(?:spokesperson|spokesman|spokeswoman|column|columnist) for (?:the )?",
    r"\b(?:listed on|[Ss]hares in|[Ss]hares of|stake in|subsidiary of|unit of|owned by|merge with|merger with"
    r"|joint venture with|order from|lender to|supplier to) (?:the )?",
    r"\b(?:formerly|previously) (?:known as|called) (?:the )?",
    r"\b(?:chief executive|CEO|chief economist|chief financial officer|chief operating officer|founder|co-founder"
    r"|managing director|employees|acquisition|takeover) (?:of|at) (?:the )?",
    r"\b(?:loan|loans|credit|financing|funding) from (?:the )?",
    r"\bjournal ",
)
_CUE_AFTER = re.compile("|".join(_ORG_AFTER))
# a name, then in apposition a noun phrase that a company's or a body's noun ends ("Cotality, the
# property data firm,"; "Correios, Brazil's state postal company"), the noun ending the phrase
_APPOSITION_NOUNS = ("company", "firm", "carrier", "lender", "insurer", "broadcaster", "newspaper", "retailer",
                     "conglomerate", "pollster", "regulator", "watchdog", "charity", "publisher", "carmaker",
                     "airline", "utility", "miner", "chipmaker", "drugmaker", "brokerage", "consultancy",
                     "news agency", "cooperative", "startup", "militia", "party", "union")
_APPOSITION_NEEDLES = needles(_APPOSITION_NOUNS, before=" ")
_APPOSITION = re.compile(r"(?<![A-Za-z])(?!(?:In|At|On|From|To|For|By|With|Of|Across|Near|Outside)\s)"
                         r"([A-Z][\w&.'’\-]*(?: [A-Z][\w&.'’\-]*){0,4}), (?:a|an|the|[A-Z][\w'’\-]*['’]s)"
                         r"(?: (?!(?:at|of|for|in|with|from|by|on|to|and|or|who|that)\b)[a-z][\w'’\-]*){0,4}$")
_FRONTED = re.compile(r"\b(?:In|At|On|From|For|By|With|Across|Near|Outside|Like|Unlike|After|Before) $")
_APPOSITION_CLOSE = re.compile(r"[,.;:)]| (?:that|which|based|owned|founded|in|with|whose)\b")
_CUE_AFTER_OPENS = frozenset(" ,'’")  # what an _ORG_AFTER cue begins with: a space, a comma, a possessive
_CUE_BEFORE = re.compile("|".join(_ORG_BEFORE))
# first words of the cues above: only where one occurs is a cue tried (a scan per cue is slow)
_AFTER_TRIGGERS = frozenset(
    "shares stock said says which board chief chairman chairwoman spokesperson spokesman spokeswoman "
    "shareholders headquarters subsidiary branch branches employees directors reported posted announced booked "
    "CEO founder co-founder parent website share market economist operating managing annual workforce subscribers "
    "stores factories "
    "cut raised lowered kept reiterated owned backed controlled news press "
    "lost gained jumped slipped shed tumbled slumped surged plunged rallied rose fell added dropped climbed advanced "
    "declined sank soared slid".split())
# moves that ordinary words make too ("Exports fell 3%", "Revenue rose 12%")
_ORDINARY_MOVES = frozenset("rose fell added dropped climbed advanced declined sank soared slid".split())
_BEFORE_TRIGGERS = frozenset(
    "analyst analysts economist economists strategist researcher researchers lecturer professor lawyer lawyers "
    "campaigner partner engineers scientists academics banker executives doctors nurses spokesperson spokesman "
    "spokeswoman column columnist listed shares Shares stake subsidiary unit owned merge merger joint order lender "
    "supplier formerly previously journal loan loans credit financing funding chief CEO founder co-founder managing "
    "acquisition takeover".split())
_NAME_END = re.compile(_NAME + r"$")
_NAME_START = re.compile(_NAME)
# company words that end a complete name ("Alpha Bank", "Tata Group")
_FIRM_TAILS = frozenset(["Bank", "Group", "Holding", "Holdings", "Pharmaceutical", "Pharmaceuticals", "Corp",
                         "Corporation", "Company", "Co", "Ltd", "Inc", "Motors", "Airlines", "Steel", "Telecom"])
# a compound adjective before a name: never part of it
_COMPOUND_ADJ = re.compile(r"\w-(?:based|led|listed|owned|backed|speaking|controlled|run|funded|headquartered|registered|born"
                           r"|linked|aligned|affiliated|allied|sponsored|inspired)$")
# a people or language adjective that is also an ordinary word of the lexicon: "Kurdish-led", "French-speaking"
_ETHNONYM = re.compile(r"^[A-Z][a-z]+(?:ish|ese|ian|ean|ic|i)$")
_LOWER_HYPHEN = re.compile(r"-[a-z]")  # "Indian-born", "Lagos-based": not names
_AND_OR = re.compile(r",? (?:and|or) (?:the )?")
# Words that open the name of a competition or an event, not a body: "Copa Argentina"
_NOT_ORG_FRONT = frozenset({"Copa", "Coupe", "Tour", "Miss", "Grand"})
# Words between a place and an organisation head: "Kurdistan Regional Government", "Santa Rosa
# Regional Hospital", "Lagos State Government".
_ORG_MODIFIERS = frozenset(["Regional", "State", "National", "Provincial", "Municipal", "Metropolitan", "City",
                            "County", "District", "Federal", "Central", "General", "Teaching", "Public", "Civil",
                            "Community", "International", "Supreme", "High", "Tribal", "Royal", "Technical"])
# Ordinary words that are organisation heads after a known name: "Lagos State Government", "DNB Markets"
_HEADS_AFTER_NAME = frozenset(["Government", "Markets"])
# Words that make a known name a company's when they end the name: "Riyadh Air", "Apple Music",
# "Reliance Retail", "Google Cloud", "ADNOC Gas" (not "Paris Air Show").
_TAIL_HEADS = frozenset(["Air", "Music", "Retail", "Cloud", "Gas", "Pay", "Studios", "Records", "Entertainment"])
# A university's own parts, named after it: "King Saud University Medical City", "Fordham
# University School of Law", "Makerere University Business School".
_ACADEMIC = frozenset(["University", "College"])
_UNIT_HEADS = frozenset(["School", "Hospital", "City", "Centre", "Center", "Institute", "Faculty", "Clinic", "Library",
                         "Press", "Museum", "Observatory"])
# Two-word endings of place names whose last word alone is no place head: "Sebangau National Park"
_PLACE_TAILS = frozenset([("National", "Park"), ("Nature", "Reserve"), ("Game", "Reserve"), ("Marine", "Park"),
                          ("Wildlife", "Sanctuary"), ("Forest", "Reserve"), ("Conservation", "Area")])
# Nouns for a company or a body that a multi-word name may follow: "the consultancy Meridian Energy Aspects"
_FIRM_NOUNS = frozenset("""firm company consultancy carmaker automaker chipmaker drugmaker miner retailer conglomerate
    brewer startup start-up lender bank insurer airline broadcaster regulator watchdog charity operator developer
    brokerage pollster newspaper agency rival""".split())
# Known organisations whose name, after "the" or a demonym, is a region: "the (Brazilian) Amazon"
# organisation heads that also name a sector: "Petroleum and Natural Gas ... Association"
_SECTOR_HEADS = frozenset(["Energy", "Petroleum", "Securities", "Mining", "Metals", "Minerals", "Chemicals",
                           "Electronics", "Insurance", "Telecommunications", "Aviation", "Pharmaceuticals"])
_REGIONS_NOT_FIRMS = frozenset(["Amazon"])
# Aliases the gazetteer gives one country's body that other countries' bodies share: read as that
# body only where no other country's is named ("Moldova's Supreme Court", "Supreme Court of Canada").
_SHARED_BODY_NAMES = frozenset({"Supreme Court", "Senate", "Congress", "House of Representatives"})
# Titles of rulers whose names bodies and places take ("King Saud University", "Sheikh Zayed Road").
_RULER_TITLES = frozenset({"King", "Queen", "Prince", "Princess", "Crown Prince", "Sheikh", "Sheikha", "Sultan", "Emir"})
# parties' members by which a known party is named alone, and which other parties' names end in
_PARTY_PLURALS = frozenset({"Democrats", "Republicans", "Greens", "Conservatives", "Socialists", "Liberals",
                            "Communists", "Nationalists", "Democrates", "Démocrates"})
# what a district that is a body serves, beside the fields ("School District", "Fire District")
_DISTRICT_REMITS = frozenset({"School", "Schools", "Hospital", "Fire", "Irrigation", "Transit", "Sanitation", "Library",
                              "Utility", "Park", "Parks"})
# titles kept in the name of a body named after their holder, where a head noun ends it
_NAMESAKE_TITLES = frozenset({"Sir", "Dame", "Dr", "Dr.", "Mahatma"})
# Names of bodies with national branches: "Philippine Red Cross" keeps its demonym.
_NATIONAL_BRANCHES = frozenset({"Red Cross", "Red Crescent"})


def _name_before(text: str, at: int) -> str | None:
    m = _NAME_END.search(text, max(0, at - 60), at)
    return m.group(1) if m else None


def _name_after(text: str, at: int) -> str | None:
    m = _NAME_START.match(text, at)
    return m.group(1) if m else None


def _positions(text: str, word: str, text_words: TextWords | None = None) -> list[int]:
    """Where a word starts after a space (str.find: far faster than a regex scan; none to look
    for when ``text_words``, the text's words, lack it)."""
    if text_words is not None and not text_words.has(word):
        return []
    out, k, key = [], text.find(" " + word), " " + word
    while k >= 0:
        end = k + len(key)
        if end >= len(text) or not text[end].isalpha():
            out.append(k + 1)
        k = text.find(key, end)
    return out


# Plural nouns that introduce a list of organisations: "customers such as Unilever and Nike",
# "Two of the companies, Tartak Bieszczady and Drewpol Sanok, were fined".
_ORG_PLURALS = (
    "companies|firms|groups|banks|lenders|airlines|carmakers|automakers|insurers|retailers|brands|restaurants"
    "|clubs|teams|parties|agencies|organisations|organizations|charities|universities|miners|producers|operators"
    "|manufacturers|customers|clients|sponsors|broadcasters|newspapers|publishers|platforms|start-ups|startups"
    "|suppliers|exchanges|rivals|competitors|chains|giants|unions|consultancies|brewers|drugmakers|chipmakers"
    "|shipping lines|pollsters|NGOs|traders|developers|exporters|refiners|processors|distributors|utilities"
    "|ministries|regulators|watchdogs|militias|outlets|networks|labels|studios|conglomerates|shipbuilders|steelmakers"
    "|foundations|institutes|associations|federations|cooperatives|supermarkets|carriers|hospitals|telcos|fintechs"
    "|bands|gangs|cartels")
_ORG_PLURAL_SET = frozenset(_ORG_PLURALS.lower().split("|"))
# any word before a list cue, checked against the plurals afterwards (an alternation of all of them scans slowly)
_LIST_CUE = re.compile(r"\b([A-Za-z][A-Za-z\-]+(?: lines)?)(?: such as | including | like |, (?:including |such as )?)(?:the )?(?=[A-Z])")
_LIST_CUE_OPENINGS = needles(("such as ", "including ", "like "), before=" ")  # and ", ": what follows its word
_AFTER_LIST_COMMA = ("including ", "such as ", "the ")  # what follows a _LIST_CUE comma, if no capital does
_LETTERS_OR_HYPHEN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-")
# Plural nouns that introduce a list of people: "artists such as Burna Boy, Wizkid and Tems"
_PERSON_PLURALS = frozenset("""artists singers musicians rappers stars players actors actresses writers authors novelists
    poets politicians leaders celebrities athletes footballers cricketers comedians presenters performers directors
    designers chefs painters DJs producers entertainers""".split())
# Plural nouns that introduce a list of places: "the towns of Picanya and Massanassa", "ports such as Vlissingen"
_PLACE_LIST_NOUNS = ("towns", "cities", "villages", "ports", "regions", "provinces", "districts", "islands", "fields",
                     "oilfields", "camps", "municipalities", "neighbourhoods", "neighborhoods", "suburbs", "communes",
                     "counties")
_PLACE_LIST_CUE = re.compile(r"\b(?:" + "|".join(_PLACE_LIST_NOUNS) + r")(?: of| such as|"
                             r" including| like|, including|, such as) (?:the )?(?=[A-Z])")
# a list of names before a plural noun for places: "the Bakalia, Halishahar and Patenga areas"
_PLACES_AFTER_LIST = ("areas", "districts", "provinces", "regions", "towns", "villages", "neighbourhoods",
                      "neighborhoods", "islands", "counties", "municipalities", "states")
_NAMED = r"[A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+)?"
_LIST_BEFORE_PLACE_NOUN = re.compile(r"((?:" + _NAMED + r", )+" + _NAMED + r",? (?:and|or) " + _NAMED + r") $")
_LIST_SPLIT = re.compile(r",? (?:and|or) |, ")
_POLL_NOUNS = ("polls?", "surveys?", "pollsters?", "poll conducted")
_POLL_CUE = re.compile(r"\b(?:" + "|".join(_POLL_NOUNS) + r") (?:by|from|for) (?:the )?(?=[A-Z])")
_LIST_SEP = re.compile(r"(?:,? and |,? or |, )(?:the )?(?=[A-Z])")


def _name_list(text: str, at: int) -> list[str]:
    """The names of a list starting at ``at``: "Unilever, Nike and Adidas"."""
    out: list[str] = []
    while (name := _name_after(text, at)) is not None and len(out) < 6:
        out.append(name)
        sep = _LIST_SEP.match(text, at + len(name))
        if sep is None:
            break
        at = sep.end()
    return out


def _word_starts(text: str, end: int) -> list[int]:
    """Where a _LIST_CUE word that ends at ``end`` may start: the run of ASCII letters and hyphens
    before ``end``, at its start or after one of its hyphens (a word boundary opens the word)."""
    k = end
    while k > 0 and text[k - 1] in _LETTERS_OR_HYPHEN:
        k -= 1
    return [k, *(p + 1 for p in range(k, end) if text[p] == "-")]


def _list_cues(text: str, text_words: TextWords | None = None) -> list[tuple[str, int]]:
    """The plural nouns that open lists ("companies such as", "artists including") with where the
    list starts: the matches of ``_LIST_CUE``, tried only before the words and commas that follow
    its plural (once per text: organisations and people are both listed this way)."""
    text_words = text_words or TextWords(text)
    starts: list[int] = []
    commas = [k for k in occurrences(text, ", ") if text.startswith(_AFTER_LIST_COMMA, k + 2) or "A" <= text[k + 2:k + 3] <= "Z"]
    for k in [k for needle in _LIST_CUE_OPENINGS for k in text_words.found(needle)] + commas:
        starts += _word_starts(text, k)
        if text.startswith(" lines", k - 6):
            starts += _word_starts(text, k - 6)  # "shipping lines such as"
    return [(hit.group(1), hit.end()) for hit in finditer_at(_LIST_CUE, text, starts)]


def _person_evidence(text: str, cues: list[tuple[str, int]] | None = None) -> set[str]:
    """Names in a list of people ("artists such as Burna Boy, Wizkid and Tems") or in a wire
    credit line ("(Reporting by Lilit Hakobyan in Yerevan and Rufat Aliyev in Baku; Editing by ...)")."""
    out: set[str] = set()
    for word, end in _list_cues(text) if cues is None else cues:
        if word.lower() in _PERSON_PLURALS or word in _PERSON_PLURALS:
            out.update(_name_list(text, end))
    if "ing by " in text:
        for credit in _CREDIT_LINE.finditer(text):
            out.update(m.group(1) for m in _CREDITED.finditer(credit.group()))
    return out


# A wire story's closing credits, and the names in them: after "by", "and" or a comma (a place
# follows "in", so it is never taken).
_CREDIT_LINE = re.compile(r"\((?:Additional )?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled) by [^()]{3,300}\)")
_CREDITED = re.compile(r"(?:\bby|\band|,)\s+([A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|da|van|von|der|al|bin|dela))*)")


_PLACE_LIST_NEEDLES = needles(_PLACE_LIST_NOUNS)
_PLACES_AFTER_LIST_NEEDLES = needles(_PLACES_AFTER_LIST, before=" ")
_POLL_NEEDLES = needles(_POLL_NOUNS)


def _place_evidence(text: str, text_words: TextWords | None = None) -> set[str]:
    """Names in a list of places: "the towns of Paiporta, Picanya and Massanassa"."""
    text_words = text_words or TextWords(text)
    out: set[str] = set()
    for hit in finditer_at(_PLACE_LIST_CUE, text, (k for needle in _PLACE_LIST_NEEDLES for k in text_words.found(needle))):
        out.update(_name_list(text, hit.end()))
    for needle in _PLACES_AFTER_LIST_NEEDLES:  # "the Bakalia, Halishahar and Patenga areas"
        for k in text_words.found(needle):
            if m := _LIST_BEFORE_PLACE_NOUN.search(text, max(0, k - 160), k + 1):
                out.update(n for n in _LIST_SPLIT.split(m.group(1)) if n)
    return out


def _apposed_bodies(text: str, text_words: TextWords) -> set[str]:
    """Names that a company's or a body's noun follows in apposition: "Cotality, the property data
    firm,", "Correios, Brazil's state postal company" (not "In Barbados, a company founded by")."""
    out = set()
    for needle in _APPOSITION_NEEDLES:
        for k in text_words.found(needle):
            if _APPOSITION_CLOSE.match(text, k + len(needle.text)) and (
                    m := _APPOSITION.search(text, max(0, k - 140), k)) \
                    and not _FRONTED.search(text, max(0, m.start() - 8), m.start()):
                out.add(m.group(1))  # (not a sentence's opening phrase: "In Barbados, a company ...")
    return out


def _org_evidence(text: str, cues: list[tuple[str, int]] | None = None, text_words: TextWords | None = None,
                  apposed: set[str] | None = None) -> set[str]:
    """Names the text gives organisation-only evidence for, with their sub-names (``apposed``: the
    text's ``_apposed_bodies``, if the caller has them)."""
    text_words = text_words or TextWords(text)
    names: list[str | None] = []
    for plural, end in _list_cues(text, text_words) if cues is None else cues:
        if plural.lower() in _ORG_PLURAL_SET:
            names.extend(_name_list(text, end))
    polls = finditer_at(_POLL_CUE, text, (k for needle in _POLL_NEEDLES for k in text_words.found(needle)))
    names.extend(_name_after(text, hit.end()) for hit in polls)
    for word in _AFTER_TRIGGERS:
        for p in _positions(text, word, text_words):
            for s0 in (p - 1, p - 2, p - 3):
                if s0 > 0 and text[s0] in _CUE_AFTER_OPENS and _CUE_AFTER.match(text, s0):
                    name = _name_before(text, s0)
                    if name and word in _ORDINARY_MOVES and " " not in name \
                            and text[:s0 - len(name)].rstrip()[-1:] in ("", ".", "!", "?", '"', "”", "&"):
                        break  # "Exports fell 3%" opening a sentence: an ordinary word, not a firm (nor
                        # the end of one: "Carlisle & Brandt fell 14 percent")
                    names.append(name)
                    break
    for word in _BEFORE_TRIGGERS:
        for p in _positions(text, word, text_words):
            if m := _CUE_BEFORE.match(text, p):
                names.append(_name_after(text, m.end()))
    names.extend(_apposed_bodies(text, text_words) if apposed is None else apposed)
    out: set[str] = set()
    index = gazetteer().index
    for name in filter(None, names):
        words = name.split()
        for k in range(len(words)):
            out.add(" ".join(words[k:]))
            lead = words[:k + 1]
            if k + 1 < len(words) and (index.get(tuple(map(norm_token, lead))) or ("",))[0] == "place":
                continue  # "Sanaa" of "the Sanaa Center for Strategic Studies": the place it is named after
            out.add(" ".join(lead))
    return out


# Sports reports: a city name that wins, loses or has a coach is its club ("Liverpool beat Arsenal 2-1").
# (Each cue is built from its words so that the words where a match can begin are known: see scan.py.)
_CLUB_AFTER_WORDS = (
    "beat", "beats", "defeated", "thrashed", "edged", "drew", "were held", "were beaten", r"lost \d", r"won \d",
    "came from behind", "manager", "coach", "head coach", "captain", "fans", "supporters", "striker", "forward",
    "goalkeeper", "midfielder", "defender", "winger", "boss", r"\d{1,2}-\d{1,2}", r"moved \w+ points", "travel to",
    "host", "face")
_CLUB_AFTER_CLAUSES = ("who", "top of")
_CLUB_AFTER = re.compile(  # the name before it is found by _name_before (a leading name pattern scans slowly)
    r"(?:(?:['’]s)? (?:" + "|".join(_CLUB_AFTER_WORDS) + r")|, (?:" + "|".join(_CLUB_AFTER_CLAUSES) + r"))\b")
_CLUB_BEFORE_WORDS = (
    "beat", "beating", "defeated", "held by", "lost to", "draw with", "drew with", "win over", "victory over",
    "defeat (?:to|by)", "joined", "signed for", "signed from", "loan from", "loan to", "sold to", "bought from", "host",
    "hosts", "hosted", "play", "plays", "face", "faces", "meet", "meets", "against", "at home to",
    r"\d{1,2}-\d{1,2} (?:(?:win|victory|defeat|loss|draw) )?(?:at|against|to|by|over|with)")
_CLUB_BEFORE = re.compile(r"\b(?:" + "|".join(_CLUB_BEFORE_WORDS) + r") (?:the )?" + _NAME)
_CLUB_WORDS = frozenset(["FC", "AFC", "CF", "SC", "SV", "VfL", "VfB", "United", "City", "Hotspur", "Wanderers", "Albion", "Athletic",
                         "Rovers", "County", "Town"])


# A national side is a team only when it wins or loses ("India won by 295 runs", "beat Sri Lanka by
# 233 runs", "Sri Lanka bowled New Zealand out"); "against France", "the India coach" are left to
# the place reading.
_NATION_AFTER_WORDS = ("beat", "beats", "defeated", "thrashed",
                       r"won by (?:\d+|an innings|[a-z]+ (?:runs|wickets|points|goals|tries|strokes))", r"won \d+",
                       "drew with", "lost to", r"bowled (?:[A-Z]\w*(?: [A-Z]\w*){0,2}) out\b")
_NATION_AFTER = re.compile(r"(?:, who)? (?:" + "|".join(_NATION_AFTER_WORDS) + r")\b")
_NATION_BEFORE_WORDS = ("beat", "beating", "defeated", "lost to", "victory over", "win over", "drew with", "bowled")
_NATION_BEFORE = re.compile(r"\b(?:" + "|".join(_NATION_BEFORE_WORDS) + r") (?:the )?" + _NAME
                            + r" (?:by \d|\d{1,2}-\d{1,2}\b|out\b)")  # "by 233 runs", "beat Nigeria 2-1",
# "bowled New Zealand out"
_SCORE_DASH = re.compile(r"-\d")  # the dash of a score ("2-1", "10-9"): one or two digits before it
_CLUB_AFTER_NEEDLES = needles(_CLUB_AFTER_WORDS, before=" ", digits=True)  # (the score among them: see _club_after)
_CLUB_AFTER_CLAUSE_NEEDLES = needles(_CLUB_AFTER_CLAUSES, before=", ")
_CLUB_BEFORE_NEEDLES = needles(_CLUB_BEFORE_WORDS, digits=True)  # (likewise: _club_before)
_NATION_AFTER_NEEDLES = needles(_NATION_AFTER_WORDS, before=" ")
_NATION_BEFORE_NEEDLES = needles(_NATION_BEFORE_WORDS)


def _score_starts(text: str) -> list[int]:
    """Where a score ("2-1", "10-9") may start: one or two characters before a dash and a digit."""
    return [m.start() - d for m in _SCORE_DASH.finditer(text) for d in (1, 2)]


def _club_after(text: str, text_words: TextWords, scores: list[int]) -> Iterator[re.Match[str]]:
    """``_CLUB_AFTER.finditer(text)``: tried at the space before each of its words or a score, two
    characters earlier for a possessive ("Arsenal's manager"), and at ", who" and ", top of"."""
    spaces = [k for needle in _CLUB_AFTER_NEEDLES for k in text_words.found(needle)]
    spaces += [k - 1 for k in scores]
    starts = [k - d for k in spaces for d in (0, 2)]
    starts += [k for needle in _CLUB_AFTER_CLAUSE_NEEDLES for k in text_words.found(needle)]
    return finditer_at(_CLUB_AFTER, text, starts)


def _club_before(text: str, text_words: TextWords, scores: list[int]) -> Iterator[re.Match[str]]:
    """``_CLUB_BEFORE.finditer(text)``: tried where one of its words or a score starts."""
    starts = [k for needle in _CLUB_BEFORE_NEEDLES for k in text_words.found(needle)]
    starts += scores
    return finditer_at(_CLUB_BEFORE, text, starts)


def _nation_teams(text: str, countries: frozenset[str], text_words: TextWords | None = None) -> set[str]:
    """Countries a sports report names as sides that won or lost."""
    text_words = text_words or TextWords(text)
    # _NATION_AFTER begins at the space before one of its words, or five characters earlier (", who")
    after = finditer_at(_NATION_AFTER, text,
                        (k - d for needle in _NATION_AFTER_NEEDLES for k in text_words.found(needle) for d in (0, 5)))
    before = finditer_at(_NATION_BEFORE, text, (k for needle in _NATION_BEFORE_NEEDLES for k in text_words.found(needle)))
    names = [_name_before(text, m.start()) for m in after if _after_capital(text, m.start())]
    names += [m.group(1) for m in before]
    teams = {n for n in names if n in countries}
    return teams | _nation_sides(text, countries, text_words) if teams else teams


# Once a report has a national side that won or lost, other countries are sides too where they act
# as one ("India were dismissed for 201", "the Pakistan captain", "a home series against Australia")
# or are listed with a side ("England, Australia and New Zealand have all toured").
_SIDE_AFTER = re.compile(
    r"(?:['’]s)? (?:captain|coach|head coach|team|side|squad|players|bowlers|batsmen|batters|batting|bowling"
    r"|innings|reply|fans|supporters|goalkeeper)\b"
    r"| (?:were|are|have|had|won|lost|drew|bowled|batted|needed|lead|led|trail|trailed|collapsed|declared|host"
    r"|hosts|hosted)\b"
    r"|, who\b")
_SIDE_BEFORE = re.compile(
    r"\b(?:against|beating|beat|play|plays|face|faces|host|hosts|hosted|defeat by|defeat to|lost to|victory over"
    r"|win over|drew with|draw with) (?:the )?$")
# Nations that field sides without being countries of the gazetteer
_SPORTING_NATIONS = frozenset({"England", "Scotland", "Wales", "Northern Ireland", "West Indies"})
_SIDE_LIST = re.compile(r",? and |, ")


@functools.cache
def _first_words(names: frozenset[str]) -> tuple[tuple[str, str], ...]:
    """Each name with its first word of ASCII letters ("" where it has none to test), in a fixed order."""
    out = []
    for name in sorted(names):
        first = name.split()[0].split("-")[0]
        out.append((first if first.isascii() and first.isalpha() else "", name))
    return tuple(out)


def _nation_sides(text: str, countries: frozenset[str], text_words: TextWords) -> set[str]:
    """Countries a report with a national side in it uses as sides (see ``_SIDE_AFTER``)."""
    at: dict[str, list[int]] = {}
    for first, c in _first_words(countries):
        if first and not text_words.has(first):
            continue  # (a word test is far cheaper than a scan of the text)
        k = text.find(c)
        while k >= 0:
            end = k + len(c)
            if (k == 0 or not text[k - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
                at.setdefault(c, []).append(k)
            k = text.find(c, end)
    sides = {c for c, starts in at.items() if any(
        _SIDE_AFTER.match(text, k + len(c)) or _SIDE_BEFORE.search(text, max(0, k - 20), k) for k in starts)}
    ends = {k + len(c): c for c, starts in at.items() for k in starts}
    starts = {k: c for c, ks in at.items() for k in ks}
    for end, c in sorted(ends.items()):  # a list of countries: one side, all sides
        chain, k = [c], end
        while (m := _SIDE_LIST.match(text, k)) and m.end() in starts:
            chain.append(starts[m.end()])
            k = m.end() + len(starts[m.end()])
        if len(chain) > 1 and sides & set(chain):
            sides |= set(chain)
    return sides


def _club_evidence(text: str, text_words: TextWords | None = None) -> set[str]:
    """Names a sports report uses as teams: "X beat", "X manager", "a 2-1 win over X"."""
    text_words, scores = text_words or TextWords(text), _score_starts(text)
    names = [_name_before(text, m.start()) for m in _club_after(text, text_words, scores) if _after_capital(text, m.start())]
    names += [m.group(1) for m in _club_before(text, text_words, scores)]
    return {name.rstrip(".") for name in names if name}


def _after_capital(text: str, at: int) -> bool:
    """Whether the word that ends at ``at`` is capitalised (cheap test before a name search)."""
    k = at
    while k > 0 and not text[k - 1].isspace():
        k -= 1
    return text[k:k + 1].isupper()


@functools.cache
def _clubs_by_city() -> dict[str, str | None]:
    """A known club by the city it is named after ("Liverpool" -> "Liverpool FC"); None if two share it."""
    out: dict[str, str | None] = {}
    for key, (kind, name) in gazetteer().index.items():
        if kind == "organisation" and len(key) >= 2 and (key[-1] in _CLUB_WORDS or key[0] in _CLUB_WORDS):
            city = " ".join(key[:-1] if key[-1] in _CLUB_WORDS else key[1:])
            out[city] = None if out.get(city, name) != name else name
    return out


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


def _spans(toks: list[Tok], lex: Lexicon, gaz: Gazetteer) -> list[tuple[int, int]]:
    # a possessive joins an organisation's name ("Children's Hospital") unless it names a place or
    # ends a body's name of its own ("the Commerce Department's Bureau of Industry and Security"),
    # and joins a known name ("Women's Super League", "Newell's Old Boys"), as does a lower-case
    # word inside a known name ("Board of Control for Cricket in India")
    poss_pairs, lower_joins = gaz.poss_pairs, gaz.lower_joins
    out = []
    n, j = len(toks), 0
    for i in [k for k, t in enumerate(toks) if t.cap]:  # where a span may start
        if i < j:
            continue  # inside the last span
        j = i + 1
        while j < n and (not toks[j - 1].poss or (toks[j].text in lex.org_heads and toks[j - 1].text not in lex.place_like
                                                  and (j - 1 == i or toks[j - 1].text not in lex.org_heads)
                                                  and not toks[j - 1].text.isupper())  # "KRG's Ministry of ..."
                         or (toks[j - 1].key, toks[j].key) in poss_pairs):
            if toks[j].text in ("'", "’") and j + 1 < n and toks[j + 1].text in lex.org_heads \
                    and toks[j - 1].text not in lex.place_like:
                j += 1  # "St Thomas' Hospital"
                continue
            if toks[j].cap:
                j += 1
                continue
            if j + 1 < n and toks[j + 1].cap and (toks[j - 1].key, toks[j].text, toks[j + 1].key) in lower_joins:
                j += 2
                continue
            k = j
            # (three in other languages: "et de la", "y de los"; in English, "and on the" ends a name)
            while k < n and (k - j < 2 or (k - j < 3 and toks[j].text not in _ENGLISH_JOINS)) \
                    and toks[k].text in lex.connectors:
                k += 1
            if k > j and k < n and toks[k].cap:
                j = k
                continue
            run, closed = _foreign_run_end(toks, i, j, lex)
            if closed:
                j = run  # "Cour des comptes, the state audit court"
                break
            comma = toks[j].text == ","
            k = run or (comma and _listed_name_end(toks, i, j, lex, gaz))
            if k:
                j = k
                continue
            j = (comma and _partners_end(toks, i, j, lex, gaz)) or j
            break
        while j < n and (toks[j].text.isdigit() or toks[j].text == "+") and (j + 1 >= n or toks[j + 1].text != "of") \
                and any(tuple(t.key for t in toks[k:j + 1]) in gaz.index for k in range(max(i, j - 3), j)):
            j += 1  # a known name that ends in a number or a sign: "Phillips 66", "Canal+" (not "Article 19 of")
        if j < n and toks[j - 1].text == "Local" and j - i > 1 and toks[j].text.isdigit():
            j += 1  # a union's branch by number: "ILWU Local 514"
        if j < n and toks[j].text == "plc" and not toks[j - 1].poss:
            j += 1  # the one legal form written in lower case: "Barratt Redrow plc"
        if i > 0 and toks[i - 1].text in ("al", "el") and tuple(t.key for t in toks[i - 1:j]) in gaz.index:
            i -= 1  # a known name opened by a lower-case article: "al Qaeda"
        out.append((i, j))
    return out


def _listed_name_end(toks: list[Tok], i: int, j: int, lex: Lexicon, gaz: Gazetteer) -> int:
    """Where a body's name that lists its fields with commas goes on, after its last "and", or 0:
    after "of" or "for" ("Ministry of Industries, Mines and Energy", "Federation of Mining,
    Metallurgical and Steel Workers of Peru"), or in another language after its first word or a
    joining word ("Federación ... de Trabajadores Mineros, Metalúrgicos y Siderúrgicos del Perú",
    "Badan Meteorologi, Klimatologi, dan Geofisika")."""
    if j + 2 >= len(toks) or toks[j].text != "," or toks[j - 1].poss:
        return 0
    foreign = any(t.text in lex.foreign_front_heads for t in toks[i:j])
    of = next((k for k in range(j - 1, i - 1, -1) if toks[k].low in ("of", "for")
               or (foreign and (toks[k].low in _OF or toks[k].text in lex.foreign_front_heads))), -1)
    if of < 0 or j - of > 3 or not any(t.text in lex.org_heads or t.text in lex.org_front_heads
                                       or t.text in lex.foreign_front_heads for t in toks[i:of + 1]):
        return _spelled_list_end(toks, i, j) or _fields_list_end(toks, i, j, lex)
    elements, k = _comma_list(toks, of + 1, j)
    listed = [w for e in elements for w in e]
    if not k or toks[k].text not in (_FOREIGN_ANDS if foreign else ("and",)) \
            or not (foreign or any(w in lex.field_words for w in listed)) or any(
            w in lex.connectors or w in gaz.demonyms or is_given_name(w, lex)
            or (gaz.index.get((norm_token(w),)) or ("",))[0] in ("place", "organisation") for w in listed):
        return 0  # (a list of places, bodies or people is no name)
    return k + 1  # the capital after the last "and"


def _fields_list_end(toks: list[Tok], i: int, j: int, lex: Lexicon) -> int:
    """Where a body's name that opens with its fields listed with commas goes on, after its last
    "and", or 0: single field words, then a field and a head ("Meteorology, Climatology and
    Geophysics Agency", "Food, Drug and Cosmetic Agency"; not "Brazil, Russia and China Bank")."""
    elements, k = _comma_list(toks, i + (toks[i].text in _ARTICLES), j)
    if not k or toks[k].text != "and" or any(len(e) != 1 or not _field_like(e[0], lex) for e in elements):
        return 0
    m = _capitals_end(toks, k + 1, 3)
    return k + 1 if m - k >= 3 and toks[m - 1].text in lex.org_heads and _field_like(toks[k + 1].text, lex) else 0


def _field_like(word: str, lex: Lexicon) -> bool:
    """A field or a science by its shape ("Climatology", "Geophysics", "Agriculture")."""
    return word in lex.field_words or word.endswith(("ology", "ics", "ture", "ism"))


def _spelled_list_end(toks: list[Tok], i: int, j: int) -> int:
    """Where a name listing words with commas goes on, after its last "and", when the acronym in
    parentheses right after it spells the whole ("Philippine Atmospheric, Geophysical and
    Astronomical Services Administration (PAGASA)"), or 0."""
    elements, k = _comma_list(toks, i + (toks[i].text in _ARTICLES), j)
    if not k or toks[k].text not in _AND:
        return 0
    m = _capitals_end(toks, k + 1)
    if m + 2 >= len(toks) or toks[m].text != "(" or toks[m + 2].text != ")" or not toks[m + 1].text.isupper():
        return 0
    words = [w for e in elements for w in e] + [t.text for t in toks[k:m]]
    return k + 1 if spells(words, toks[m + 1].text) else 0


def _partners_end(toks: list[Tok], i: int, j: int, lex: Lexicon, gaz: Gazetteer) -> int:
    """Where a firm named for its partners ends, or 0: single names listed with commas, the last
    after an ampersand ("Skadden, Arps, Slate, Meagher & Flom", "Naidoo, Coetzee & Partners")."""
    if j - i != 1 or j + 2 >= len(toks) or toks[j].text != "," or toks[i].poss:
        return 0
    elements, k = _comma_list(toks, i, j)
    if not k or toks[k].text != "&" or not all(len(e) == 1 for e in elements) or any(
            is_given_name(w, lex) or (gaz.index.get((norm_token(w),)) or ("",))[0] in (("place", "organisation") if e else ("place",))
            for e, [w] in enumerate(elements)):
        return 0  # (its first may be how the firm is known: "Skadden")
    return _capitals_end(toks, k + 1)


def _capitals_end(toks: list[Tok], k: int, most: int = 99) -> int:
    """Where the capitalised words from ``k`` end (at most ``most`` of them), a possessive ending them."""
    m = k
    while m < len(toks) and toks[m].cap and (m == k or not toks[m - 1].poss) and m - k < most:
        m += 1
    return m


def _comma_list(toks: list[Tok], i: int, j: int) -> tuple[list[list[str]], int]:
    """The capitalised runs listed with commas from ``i`` (the first ends at ``j``, a comma), and
    where the list's last joining word ("and", "&") is, or 0 when none follows."""
    n = len(toks)
    elements, k = [[t.text for t in toks[i:j]]], j
    while k + 1 < n and toks[k].text == "," and toks[k + 1].cap:
        m = k + 1
        while m < n and toks[m].cap and not toks[m].poss and m - k <= 3:
            m += 1
        elements.append([t.text for t in toks[k + 1:m]])
        k = m
    if k > j and k + 2 < n and toks[k].text == "," and toks[k + 1].low in _FOREIGN_ANDS and toks[k + 2].cap:
        k += 1  # a comma before the last "and": "Meteorologi, Klimatologi, dan Geofisika"
    joins = k + 1 < n and (toks[k].text in _AND or toks[k].low in _FOREIGN_ANDS) and toks[k + 1].cap
    return elements, k if k > j and joins else 0


def _foreign_run_end(toks: list[Tok], i: int, j: int, lex: Lexicon) -> tuple[int, bool]:
    """Where a name in another language goes on past its lower-case words, and whether it ends
    there, or (0, False): after a foreign body's first word, joining words and lower-case words up
    to a joining word and a capital ("Syndicat des débardeurs du port de Montréal", "Samahan ng mga
    Manggagawa sa Sunbird"), or up to punctuation or an English word after words that are not
    English by their shape ("Cour des comptes,", "Conseil supérieur de l'éducation (CSE)")."""
    first = toks[j]
    if first.low not in lex.foreign_joins and (not first.ordinary or first.low in _FUNCTION_WORDS):
        return 0, False  # (most spans end at punctuation or an English word: a cheap test first)
    if toks[j - 1].poss or not any(t.text in lex.foreign_front_heads for t in toks[max(i, j - 8):j]) \
            or not (first.low in lex.foreign_joins or _foreign_word(first)):
        return 0, False
    foreign = False
    for k in range(j, min(len(toks), j + 10)):
        t = toks[k]
        if t.cap:  # (after a joining word, or after lower-case words a joining word opened: "Musée du quai Branly")
            return (k, False) if toks[k - 1].low in lex.foreign_joins or (foreign and k > j) else (0, False)
        if t.low in lex.foreign_joins:
            foreign = True
            continue
        if t.ordinary and t.low not in _FUNCTION_WORDS and t.low not in _ENGLISH_LOWER:
            foreign = foreign or _foreign_word(t)
            continue
        ends = not t.ordinary or t.low in _FUNCTION_WORDS or t.low in _ENGLISH_LOWER
        return (k, True) if ends and foreign and k - j <= 8 and toks[k - 1].low not in lex.foreign_joins else (0, False)
    return 0, False


# what no English word looks like: an accent, an elision, a Romance adjective's ending
_ROMANCE_SHAPE = re.compile(r"[àâçéèêëîïôûùüÿñãõáíóú]|^[dl]['’]|(?:ique|iques|ale|ales|elle|aire|aires|eur|euse|ienne|aise"
                            r"|ano|ana|ino|ina|ado|ada|ico|ica|ivo|iva|eiro|eira|ção|ões|oso|osa)$")


def _foreign_word(t: Tok) -> bool:
    return t.ordinary and _ROMANCE_SHAPE.search(t.text) is not None


def _joined(words: Sequence[str]) -> str:
    """Words as written, a comma that lists inside a name against the word before it
    ("Ministry of Industries, Mines and Energy", see _listed_name_end)."""
    return " ".join(words).replace(" , ", ", ")


def _surface(toks: list[Tok], i: int, j: int) -> str:
    """The words ``i:j`` as written, keeping a possessive inside the name ("Moody's Ratings")."""
    if j - i == 1:
        return toks[i].text
    return " ".join(t.text + ("'s" if t.poss and k < j - 1 else "") for k, t in enumerate(toks[i:j], i))


def _unmasked(start: int, end: int, masked: set[int]) -> list[tuple[int, int]]:
    """The parts of a span outside the masked tokens (titles of works)."""
    if not masked:
        return [(start, end)]
    out, a = [], None
    for k in range(start, end + 1):
        if k < end and k not in masked:
            a = k if a is None else a
        elif a is not None:
            out.append((a, k))
            a = None
    return out


def _unaccented(letter: str) -> str:
    """A letter without its accent ("É" -> "E"), for initials: "Bénin Émergent (FCBE)"."""
    return unicodedata.normalize("NFD", letter)[0] if letter > "\x7f" else letter


def _initials(word: str) -> str:
    """The letter a word gives an acronym: its first capital ("al-Islam" -> "I"), "" if none."""
    return _unaccented(next((c for c in word if c.isupper()), "")) if "-" in word or word[:1].isupper() else ""


def spells(words: Sequence[str], letters: str) -> bool:
    """Whether the initials of ``words`` spell ``letters``: every capitalised word gives its
    initial; lower-case words may give theirs or none ("Interim Force in Lebanon" -> IFIL, "Jama'at
    Nusrat al-Islam wal-Muslimin" -> JNIM)."""
    @functools.cache
    def go(w: int, k: int) -> bool:
        if w == len(words):
            return k == len(letters)
        first = _initials(words[w])
        if first:
            return k < len(letters) and first.upper() == letters[k] and go(w + 1, k + 1)
        word = words[w]
        if word in ("&", "the", "and", "of", "'s") or not word[:1].isalpha():
            return go(w + 1, k)
        return go(w + 1, k) or (k < len(letters) and _unaccented(word[0].upper()) == letters[k] and go(w + 1, k + 1))
    return bool(letters) and go(0, 0)


_CLAUSE_END = re.compile(r"[.;:!?\"“”()]$")


def _spelled_long_form(text: str, paren: int, acronym: str) -> str | None:
    """The words just before an acronym in parentheses that spell it, lower-case words of another
    language among them ("Commission électorale nationale autonome (CENA)", "Unidad de Análisis
    Financiero y Económico (UAFE)"): the longest run, in its clause, opened by a capital."""
    words = text[max(0, paren - 200):paren].split()[-12:]
    start = next((k + 1 for k in range(len(words) - 1, -1, -1) if _CLAUSE_END.search(words[k])), 0)
    words = words[start:]
    letters = acronym.replace("&", "").upper()
    # (a comma inside lists capitals: "Philippine Atmospheric, Geophysical and ... (PAGASA)", not
    # "September, and the Pacific Community (SPC)")
    listed = [m + 1 < len(words) and words[m].endswith(",") and not words[m + 1][:1].isupper() for m in range(len(words))]
    return next((" ".join(words[k:]) for k in range(len(words))
                 if words[k][:1].isupper() and words[k] not in _ARTICLES and not any(listed[k:])
                 and spells(words[k:], letters)), None)


_NAME_JOINS = frozenset({"of", "for", "and", "&", "de", "del", "des", "du", "da", "do", "y", "e", "et"})


def _whole_name_before(text: str, paren: int, known: str) -> str | None:
    """For an acronym its words do not spell, the whole name they end, run back over joining
    words and commas between capitalised words ("National Society of Mining, Petroleum and
    Energy (SNMPE)", where "Petroleum and Energy" was read), or None when it is no longer."""
    words = text[max(0, paren - 200):paren].split()
    k = len(words)
    while k > 0 and (words[k - 1].rstrip(",") in _NAME_JOINS or (
            words[k - 1][:1].isupper() and words[k - 1][-1] not in ".;:!?'’\"“”()" and not _LOWER_HYPHEN.search(words[k - 1]))):
        k -= 1  # (not past a sentence's end, a possessive or "Kathmandu-based")
    while k < len(words) and not words[k][:1].isupper():
        k += 1  # a name opens with a capital
    if k < len(words) and words[k] in _ARTICLES:
        k += 1
    long = " ".join(words[k:])
    return long if long.endswith(known) and len(long) > len(known) and long[-1].isalnum() else None


def _redefined_acronyms(text: str, gaz: Gazetteer) -> set[str]:
    """Acronyms in parentheses that the gazetteer knows as a body with a longer name, where the
    words just before them name something else: they hold fewer than half of that name's words
    (compared by their first five letters, which inflection leaves alone: "Der Deutsche
    Wetterdienst (DWD)")."""
    out = set()
    for m in _ACRONYM_PARENS.finditer(text):
        acronym = m.group()[1:-1]
        hit = gaz.index.get((norm_token(acronym),))
        if hit is None or hit[0] != "organisation" or " " not in hit[1]:
            continue
        known = {w[:5].casefold() for w in hit[1].split() if len(w) > 3}
        words = text[max(0, m.start() - 160):m.start()].split()[-len(hit[1].split()) - 2:]
        if 2 * len(known & {w[:5].casefold() for w in words}) < len(known):
            out.add(acronym)
    return out


def _trim_long_form(words: list[str], acronym: str, demonyms: frozenset[str]) -> str:
    """The words an acronym stands for: the longest tail that spells it, else the phrase without a
    leading article ("The European Consumer Organisation (BEUC)")."""
    letters = acronym.replace("&", "").upper()
    for k in range(len(words)):
        if words[k][:1].isupper() and spells(words[k:], letters):
            return " ".join(words[k:])
    cut = next((k + 1 for k in range(len(words) - 1, -1, -1) if _COMPOUND_ADJ.search(words[k])), 0)
    words = words[cut:]  # "Bringing in the French-speaking Socialist Party (PS)": the party only
    cut = next((k + 2 for k in range(len(words) - 2, 0, -1) if words[k] in ("and", "or") and words[k + 1] == "the"), 0)
    words = words[cut:]  # "the African Union and the Intergovernmental Authority on Development (IGAD)"
    while words and (words[0] in _ARTICLES or not words[0][:1].isupper()):
        words = words[1:]
    return " ".join(words)


@dataclass(frozen=True)
class _LexiconStarts:
    """First words of the lexicon's multi-word entries: where a token is none, no entry starts there."""

    titles: frozenset[str]  # of person titles ("Prime Minister")
    non_entity_phrases: frozenset[str]  # of non-entity phrases of two words or more


# computed once per lexicon (there is one per process), kept by its id: a Lexicon is not hashable
_STARTS: dict[int, tuple[Lexicon, _LexiconStarts]] = {}


def _lexicon_starts(lex: Lexicon) -> _LexiconStarts:
    known = _STARTS.get(id(lex))
    if known is None or known[0] is not lex:
        known = (lex, _LexiconStarts(frozenset(k[0] for k in lex.titles if k),
                                     frozenset(k[0] for k in lex.non_entity_phrases if len(k) > 1)))
        _STARTS[id(lex)] = known
    return known[1]


class _Extractor:
    def __init__(self, text: str, sentences: list[list[Tok]], gaz: Gazetteer, lex: Lexicon,
                 heuristics: bool) -> None:
        self.gaz, self.lex, self.heuristics = gaz, lex, heuristics
        self.starts = _lexicon_starts(lex)
        # the sentence being read and its tokens' keys (every lookup key is a slice of them)
        self._toks: list[Tok] = []
        self._keys: list[str] = []
        self.mentions: list[Mention] = []
        # the ordinary (lower-case) words of this text
        self.lower_words = {t.key for ts in sentences for t in ts if t.ordinary}
        self._sentences = sentences
        self.acronyms: dict[str, str] = {}
        self._place_end = -1  # where the last place (or place-cued name) of this sentence ended
        self.defined: set[str] = set()  # long forms of acronyms defined in the text
        # the text's words, for its text-wide cues, and the plural nouns that open lists in it
        # (organisations and people are both listed this way)
        self.text_words = TextWords(text) if heuristics else None
        self.list_cues = _list_cues(text, self.text_words) if heuristics else []
        # names a company's noun follows in apposition ("Cotality, the property data firm,")
        self.apposed = _apposed_bodies(text, self.text_words) if self.text_words else set()
        self.org_evidence = _org_evidence(text, self.list_cues, self.text_words, self.apposed) if heuristics else set()
        self.sports = heuristics and is_sports(text)
        self.titles: set[tuple[str, ...]] = set()  # titles of works seen so far ("Harmattan Gold")
        for m in _ACRONYM_DEF.finditer(text) if _ACRONYM_PARENS.search(text) else ():
            long = _trim_long_form(m.group(1).split(), m.group(2), self.gaz.demonyms)
            if long:
                self.acronyms[m.group(2)] = long
                if long.split()[-1] not in _NOT_ORG_LAST:
                    self.defined.add(long)
        for m in _ACRONYM_PARENS.finditer(text) if "(" in text else ():
            acronym = m.group()[1:-1]
            known = self.acronyms.get(acronym)
            if known is None or not spells(known.split(), acronym.replace("&", "")):
                # what _ACRONYM_DEF does not read: words that spell it across commas or in another
                # language, else the whole name the words it read end
                found = _spelled_long_form(text, m.start(), acronym) or (
                    _whole_name_before(text, m.start(), known) if known else None)
                if found and found.split()[-1] not in _NOT_ORG_LAST:
                    self.acronyms[acronym] = found
                    self.defined.add(found)
        # acronyms the gazetteer knows for a body that this text spells out as something else
        # ("British Phonographic Industry (BPI)", "N-nitrosodimethylamine (NDMA)")
        self.redefined = _redefined_acronyms(text, gaz) if "(" in text else set()
        # a known body that the text spells out in its own words before its acronym ("Meteorology,
        # Climatology and Geophysics Agency (BMKG)", the list's "... Geophysical Agency"): the text's
        # words name the known body, as the acronym does
        self.known_long: dict[str, str] = {}
        for acronym, long in self.acronyms.items():
            hit = gaz.index.get((norm_token(acronym),))
            if hit is not None and hit[0] == "organisation" and acronym not in self.redefined and hit[1] != long:
                self.known_long[long] = hit[1]

    @functools.cached_property
    def inner_capitals(self) -> set[str]:
        """Capitalised words written alone inside a sentence somewhere in this text (not only
        opening one, nor only inside a longer name: "the Ministry of Labour and ...")."""
        return {ts[k].text for ts in self._sentences for k in range(1, len(ts)) if ts[k].cap
                and ts[k - 1].low not in _OF and ts[k - 1].text not in _AND and not (k + 1 < len(ts) and ts[k + 1].cap)}

    # --- helpers -------------------------------------------------------------------------
    def _key(self, toks: list[Tok], i: int, j: int) -> tuple[str, ...]:
        """The lookup key of the words ``toks[i:j]``."""
        return tuple(self._keys[i:j]) if toks is self._toks else tuple(t.key for t in toks[i:j])

    def _gaz_match(self, toks: list[Tok], i: int, end: int) -> tuple[int, tuple[str, str]] | None:
        keys = self._keys if toks is self._toks else [t.key for t in toks]
        index = self.gaz.index
        for j in range(min(end, i + self.gaz.max_len), i, -1):
            key = tuple(keys[i:j])
            hit = index.get(key)
            if hit is not None:
                if j == i + 1 and toks[i].text in self.redefined:
                    continue  # the text says what this acronym stands for here
                if j == i + 1 and toks[i].text in _PARTY_PLURALS and i > 0 and toks[i - 1].cap \
                        and toks[i - 1].text not in _ARTICLES and not toks[i - 1].poss \
                        and (toks[i - 1].key,) not in index:
                    continue  # "Social Democrats", "Sweden Democrats": not the party "Democrats" names alone
                if j == i + 1 and key in self.gaz.weak and (
                    (i > 0 and toks[i - 1].cap and not toks[i - 1].poss and toks[i - 1].text not in _ARTICLES)
                    or (j < end and toks[j].cap and not toks[i].poss and not self._org_head_after(toks, j, end))
                ):
                    continue  # a minor city's name inside a longer name: not the city
                return j, hit
        return None

    def _shared_body_end(self, toks: list[Tok], i: int, j: int, end: int) -> int:
        """Where the name of another country's body ends, for an alias of ``_SHARED_BODY_NAMES`` at
        ``i:j`` ("Supreme Court of Justice", "Moldova's Supreme Court"), or 0 when it is not one."""
        if " ".join(t.text for t in toks[i:j]) not in _SHARED_BODY_NAMES or toks[j - 1].poss:
            return 0
        if j + 1 < end and toks[j].text == "of" and toks[j + 1].cap:
            k = j + 1
            while k < end and toks[k].cap and not toks[k - 1].poss:
                k += 1
            return k
        if i == 0:
            return 0
        before = toks[i - 1]  # another country's: "Moldova's Supreme Court", "the Brazilian Senate"
        if before.text in _COUNTRY_ABBREVIATIONS or before.text == "American":
            return 0
        place_owns = before.poss and self.gaz.index.get((before.key,), ("",))[0] == "place"
        return j if place_owns or before.text in self.gaz.demonyms else 0

    def _named_with_title(self, toks: list[Tok], i: int, t_end: int, end: int) -> int:
        """Where a body named with a title word ends, or 0: a field right after the title
        ("Cardinal Health"), or a ruler's title, a name, then the words of a body, a head noun or a
        field ("King Saud University", "Sheikh Zayed Grand Mosque", "King Fahd Medical City")."""
        k = t_end
        while k < end and toks[k].cap and not toks[k - 1].poss and toks[k].text not in self.lex.connectors:
            k += 1
        heads, fields = self.lex.org_heads, self.lex.field_words
        if k > t_end and toks[t_end].text in fields and not is_given_name(toks[t_end].text, self.lex) \
                and not any((t.key,) in self.lex.titles for t in toks[t_end + 1:k]):
            return k  # a title word, then a field: a firm ("Cardinal Health", "General Health Partners"; not
            # "Deputy Energy Minister Nurlan Seitkali")
        title = " ".join(t.text for t in toks[i:t_end])
        if title in _NAMESAKE_TITLES and k - t_end >= 2 and toks[k - 1].text in heads:
            return k  # "Sir Vivian Richards Stadium", "Dr Sulaiman Al Habib Medical Services Group"
        if title not in _RULER_TITLES:
            return 0
        words = [t.text for t in toks[t_end + 1:k]]
        if k - t_end < 2 or not any(w in heads or w in fields for w in words[:3]):
            return 0
        while k + 1 < end and toks[k].text in ("of", "for") and toks[k + 1].cap:  # "... University of
            k += 2  # Science and Technology"
            while k < end and (toks[k].cap or (toks[k].text == "and" and k + 1 < end and toks[k + 1].cap)):
                k += 1
        return k

    def _portfolio_end(self, toks: list[Tok], i: int, end: int) -> int:
        """Where a portfolio before a title ends ("Labour" in "Labour Minister", "Labour and
        Employment" before "Adviser"), or 0 when the words at ``i`` are not one."""
        fields = self.lex.field_words
        k = i
        while k < end and (toks[k].text in fields or (k > i and toks[k].low in ("and", "&"))) and not toks[k].poss:
            k += 1
        return k if k > i and toks[k - 1].text in fields and self._title_match(toks, k, end) is not None else 0

    def _title_match(self, toks: list[Tok], i: int, end: int) -> int | None:
        keys = self._keys if toks is self._toks else [t.key for t in toks]
        if i >= end or keys[i] not in self.starts.titles:  # (nothing after the words before a title)
            return None
        titles = self.lex.titles
        for j in range(min(end, i + self.lex.max_title_len), i, -1):
            if tuple(keys[i:j]) in titles:
                return j
        return None

    def _non_entity(self, toks: list[Tok], i: int, end: int) -> int | None:
        keys = self._keys if toks is self._toks else [t.key for t in toks]
        phrases = self.lex.non_entity_phrases
        if keys[i] in self.starts.non_entity_phrases:
            for j in range(min(end, i + 4), i + 1, -1):
                if tuple(keys[i:j]) in phrases:
                    return j
        if (keys[i],) in phrases:
            return i + 1
        return None

    def _emit(self, kind: Kind | None, name: str, surface: str, known: bool, cues: set[str]) -> None:
        name, surface = _joined([name]), _joined([surface])  # (a span's words, commas among them)
        self.mentions.append(Mention(kind, name, surface, known, cues, len(self.mentions)))

    def _commonish(self, word: str) -> bool:
        """A capitalised word that is an ordinary word of this text or of English."""
        return word in self.lex.non_names or word.lower() in self.lower_words

    def _country_suffixed(self, toks: list[Tok], i: int, j: int, initial: bool) -> bool:
        """A name that ends with its country: "Health Canada", "Greenpeace Indonesia", "Chase Bank Kenya"."""
        lex, gaz = self.lex, self.gaz
        k = next((k for k in range(i + 1, j) if (hit := gaz.index.get(self._key(toks, k, j)))
                  and hit[0] == "place" and hit[1] in gaz.countries), None)
        if k is None or gaz.index.get(self._key(toks, i, j)) is not None:
            return False
        front = toks[i:k]
        if any(not t.cap or t.poss or t.text in gaz.demonyms or t.text in lex.non_names or t.text in lex.compass
               or t.text in lex.connectors or (t.key,) in lex.titles or is_given_name(t.text, lex)
               or t.text in lex.place_front_heads or t.text in lex.place_heads or t.text in _NOT_ORG_FRONT
               or (gaz.index.get((t.key,)) or ("",))[0] in ("place", "person") for t in front):
            return False
        w = front[0].text
        return not (initial and len(front) == 1 and (w.endswith(("ing", "ed", "ly")) or w.lower() in _FUNCTION_WORDS))

    def _org_span(self, toks: list[Tok], lead: int, stop: int, end: int, inner: list[str]) -> bool:
        """Whether a whole capitalised span (minus articles) names one organisation."""
        lex, gaz = self.lex, self.gaz
        if gaz.index.get(self._key(toks, lead, stop)) is not None or inner[-1] in _NOT_ORG_LAST:
            return False
        if not (_joined(inner) in self.defined or inner[0] in lex.org_front_heads or inner[0] in lex.foreign_front_heads
                or any(w in lex.org_heads for w in inner)):
            return False  # no organisation head word anywhere: not one organisation
        if len(inner) > 2 and inner[0].endswith("s") and inner[0] not in lex.org_front_heads and inner[1] in ("on", "in", "at"):
            return False  # "Investors in the ...", "Traders on the London Metal Exchange": a plural noun opening a sentence
        if (inner[0] in lex.foreign_front_heads and not any(w in _ENGLISH_JOINS for w in inner)) or "," in inner \
                or inner[:3] == ["Office", "of", "the"]:
            return True  # "Contraloría General del Estado", "... of Security, Justice and Democracy": no title
            # inside; "Office of the Prime Minister": a title inside names the office
        for k in range(lead, end):
            t_end = self._title_match(toks, k, end)
            if t_end is None or (t_end < stop and all(t.text in lex.org_heads for t in toks[t_end:stop])):
                continue  # no title, or one that only an organisation head follows ("Justice Foundation")
            # a title blocks unless it opens the span and no name follows ("Major Energies ...")
            if k != lead or t_end >= stop or is_given_name(toks[t_end].text, lex) or (
                    self._gaz_match(toks, t_end, end) or (0, ("",)))[1][0] == "person":
                return False
        if _joined(inner) in self.defined:
            return True
        if inner[0] in lex.org_front_heads:
            return True
        has_conn = any(w in lex.connectors for w in inner[1:-1])
        head_last = inner[-1] in lex.org_heads
        first_conn = next((k for k, w in enumerate(inner) if w in lex.connectors), len(inner))
        if first_conn < len(inner) - 1 and inner[first_conn] == "and" and len(inner) == stop - lead \
                and not any(w in lex.connectors for w in inner[first_conn + 1:]) \
                and any(w in lex.org_heads for w in inner[:first_conn]) \
                and self._generic_after_and(toks, lead + first_conn + 1, stop):
            return True  # "Fire Service and Civil Defence": a head, then words with no name of their own
        head_front = any(w in lex.org_heads for w in inner[:first_conn]) and (
            first_conn == len(inner) or inner[first_conn] not in _AND)
        if has_conn and not head_front and inner[first_conn] not in _AND and 2 <= first_conn <= 3 \
                and not any(w in lex.org_front_heads or w in lex.titles for w in inner[:first_conn]):
            return False  # "Aarti Bhandari of the World Vegetable Center": a person, then the organisation
        if is_given_name(inner[0], lex) and inner[0] not in gaz.demonyms:  # ("German", "Germán")
            # "Max Planck Institute for Astronomy" is an organisation; "Sarah Court said" a person
            after = toks[stop] if stop < len(toks) else None
            if len(inner) == 2 or (after is not None and after.text in lex.person_verbs):
                return False
            return (head_front and has_conn) or (not has_conn and head_last)
        return (has_conn and head_front) or (not has_conn and head_last) or (
            has_conn and head_last and all(w in lex.connectors or w in _AND for w in inner if not w[:1].isupper()))

    def _split_and(self, toks: list[Tok], start: int, end: int, initial: bool) -> bool:
        """Two names joined by "and" ("Orange Democratic Movement and the Wiper party"): each alone."""
        if " ".join(t.text for t in toks[start:end]) in self.defined or self._portfolio_end(toks, start, end):
            return False  # (a portfolio before a title: "Labour and Employment Adviser Abdul Karim")
        for k in range(start + 1, end - 1):
            if toks[k].text not in _AND or (start < k - 2 and toks[k - 2].text == ","):
                continue  # (nor the last "and" of a list: "Ministry of Industries, Mines and Energy")
            left = [t.text for t in toks[start:k]]
            right_start = k + 1 + (toks[k + 1].text == "the")
            right = [t.text for t in toks[right_start:end]]
            if not right:
                return False
            if right_start == k + 1 and portfolio_join(toks[start:k], toks[right_start:end], self.lex, self.gaz):
                return False  # "Office of Disaster Preparedness and Emergency Management"
            if right_start == k + 1 and self._fields_front(left, right):
                return False  # "Energy and Petroleum Regulatory Authority"
            if right_start == k + 1 and left[-1] not in _LEGAL_FORMS and self._generic_after_and(toks, right_start, end):
                continue  # "Jamaica Hotel and Tourist Association", "Ministry of Energy and Mineral Resources"
            if self._known_any(toks, start, k) and self._known_any(toks, right_start, end):
                # two known names: "China and the European Union", "Britain and the United States"
                self._span(toks, start, k, initial)
                self._span(toks, right_start, end, False)
                return True
            if toks[k].text == "&" and right_start == k + 1:
                continue  # "&" binds a name together: "American Apparel & Footwear Association"
            left_head = self._heads_left(left) or self._known_org(toks, start, k)
            right_head = any(w in self.lex.org_heads for w in right) or self._known_org(toks, right_start, end)
            if not left_head and not any(w in self.lex.connectors for w in left):
                left_head = self._country_suffixed(toks, start, k, initial)
            if not left_head and right_start > k + 1 and right_head:
                # a place, then a body: "the Bodleian Library in Oxford and the Austrian National Library";
                # a body's national branch: "Greenpeace Indonesia and the Indonesian Forum for ..."; a
                # name that ends in a place: "Nature Québec and the David Suzuki Foundation"
                left_head = (self.gaz.index.get(tuple(t.key for t in toks[start:k])) or ("",))[0] == "place" or (
                    k - start >= 2 and self._known_org(toks, start, k - 1) and self._place_after(toks, k - 1, k))
                if not left_head and k - start == 2 and toks[start].text not in _ARTICLES and toks[start].cap \
                        and self.gaz.index.get((toks[start].key,)) is None and not (
                            initial and (self._commonish(toks[start].text) or _NOUNY.search(toks[start].text))) \
                        and (self.gaz.index.get((toks[k - 1].key,)) or ("",))[0] == "place":
                    name = f"{toks[start].text} {toks[k - 1].text}"
                    self._emit("organisation", name, name, False, set())  # a name ending in a place
                    self._span(toks, right_start, end, False)
                    return True
            if left_head and (right_start > k + 1 or right_head or self._known_org(toks, right_start, end) or (
                    self._known_org(toks, start, k) and end - right_start >= 2 and all(t.cap for t in toks[right_start:end])) or (
                    left[-1] in self.lex.org_heads and len(right) == 1 and toks[k + 1].cap)):
                self._span(toks, start, k, initial)
                self._span(toks, right_start, end, False)
                return True
        return False

    def _attributive(self, toks: list[Tok], k: int) -> bool:
        """Whether the words from ``k`` make the country abbreviation before them an adjective: a
        noun after it ("U.S. sanctions"), or "and" and a demonym ("U.S. and British sanctions")."""
        if k >= len(toks):
            return False
        t = toks[k]
        if t.low == "and":
            return k + 1 < len(toks) and toks[k + 1].text in self.gaz.demonyms
        return t.ordinary and t.low not in _FUNCTION_WORDS and t.low not in _VERBS_AFTER_NAME \
            and not t.low.endswith(("ed", "s")) or t.low in _ATTRIBUTED_NOUNS

    def _opens_name(self, toks: list[Tok], i: int, end: int) -> bool:
        """Whether an ordinary word opening a sentence is how a body's name opens: a field, head,
        compass or modifier word before more capitals and a head ("Southern Copper Corp, a unit of",
        "Insurance Bureau of Canada figures show"), not "Meanwhile" or "Analysts"."""
        w, lex = toks[i].text, self.lex
        return (w in lex.field_words or w in lex.org_heads or w in lex.compass or w in _ORG_MODIFIERS) \
            and i + 1 < end and toks[i + 1].cap and any(t.text in lex.org_heads for t in toks[i + 1:end])

    def _generic_after_and(self, toks: list[Tok], i: int, end: int) -> bool:
        """Whether the words after an "and" (up to the next) are only fields, heads and ordinary
        words ("Tourist Association", "Investment Corporation"): no name of their own, so the
        rest of the name they end."""
        j = next((m for m in range(i, end) if toks[m].text in _AND), end)
        lex = self.lex
        if j == i or self._known_any(toks, i, j) or any(not t.cap or t.poss or t.text in self.gaz.demonyms for t in toks[i:j]):
            return False

        def plain(w: str) -> bool:
            return w in lex.org_heads or w in lex.field_words or w in _SECTOR_HEADS or w in _ORG_MODIFIERS or self._commonish(w)
        # a noun's shape counts before a head ("Tourist Association"), not alone ("Lindqvist & Ma")
        return all(plain(t.text) for t in toks[i:j]) or (toks[j - 1].text in lex.org_heads and all(
            plain(t.text) or _NOUNY.search(t.text) is not None or _AGENT_NOUN.search(t.text) is not None
            for t in toks[i:j - 1]))

    def _fields_front(self, left: list[str], right: list[str]) -> bool:
        """Whether "A and B ... Head" is one body named for two sectors: a lone sector word before
        "and" is never a body of its own ("Securities and Exchange Commission")."""
        word = left[-1] if len(left) == 2 and left[0] in _ARTICLES else left[0] if len(left) == 1 else ""
        conn = next((k for k, w in enumerate(right) if w in self.lex.connectors), len(right))
        return ((word in self.lex.field_words or word in _SECTOR_HEADS) and conn >= 2
                and right[conn - 1] in self.lex.org_heads)  # "... Commission of Brazil" too

    def _modified_org(self, toks: list[Tok], lead: int, end: int) -> bool:
        """A known one-word body after a modifier is a body of its own ("National Treasury" of Kenya or
        South Africa, not "the Treasury" of the gazetteer)."""
        if end - lead != 2 or toks[lead].text not in _ORG_MODIFIERS or toks[lead].poss or not self._known_org(toks, lead + 1, end):
            return False
        name = toks[lead].text + " " + toks[lead + 1].text
        self._emit("organisation", name, name, False, set())
        return True

    def _heads_left(self, left: list[str]) -> bool:
        """Whether the words before an "and" name a body by themselves: a head noun last ("Orange
        Democratic Movement"), or anywhere in a name with a connector ("Bank of England"); a head
        that only opens them does not ("International Longshore and Warehouse Union", "Union
        Solidarity and Development Party" are one name each)."""
        heads = self.lex.org_heads
        if left[-1] in heads:
            return True
        fronts, foreign = self.lex.org_front_heads, self.lex.foreign_front_heads
        return any(w in self.lex.connectors for w in left) and any(w in heads or w in fronts or w in foreign for w in left)

    def _firm_after_noun(self, toks: list[Tok], start: int, end: int) -> bool:
        """"the consultancy Meridian Energy Aspects": a run of capitalised words after a noun for a
        company is one organisation, whatever known names it contains."""
        lex = self.lex
        if start == 0 or end - start < 2 or toks[start - 1].cap or not (
                toks[start - 1].low in _FIRM_NOUNS or toks[start - 1].low in lex.org_nouns):
            return False
        span = toks[start:end]
        # a connector before a day, a month or the like ends the name: "group Tagus Telecom on Monday"
        cut = next((k for k in range(1, len(span) - 1)
                    if span[k].text in lex.connectors and span[k + 1].text in lex.non_names), len(span))
        if cut < 2:
            return False
        span = span[:cut]
        # connectors only inside ("Veïns de Gràcia"), never "and": "the banks Barclays and HSBC"
        if any(not (t.cap or t.text == "&" or (t.text in lex.connectors and t.text not in _AND)) or t.poss
               for t in span[:-1]) or not span[-1].cap or is_given_name(span[0].text, lex):
            return False
        name = " ".join(t.text for t in span)
        self._emit("organisation", name, name, False, set())
        return True

    def _split_person_of(self, toks: list[Tok], start: int, end: int, initial: bool) -> bool:
        """"Lee Soo-jin of the Korea Institute for Health and Social Affairs": a person, then a body."""
        lex = self.lex
        k = next((k for k in range(start + 2, min(end, start + 5)) if toks[k].text == "of"), None)
        if k is None or toks[k - 1].poss:
            return False
        left = toks[start:k]
        while left and (left[0].key,) in lex.titles:
            left = left[1:]  # "Judge Nomvula Mthembu of the Gauteng High Court"
        if len(left) < 2 or not all(t.cap for t in left) or any(
                t.text in lex.org_heads or t.text in lex.place_heads or t.text in lex.non_names
                or t.text in lex.place_front_heads or t.text in self.gaz.demonyms
                or (t.key,) in lex.titles or t.text in lex.org_front_heads for t in left):
            return False
        if not is_given_name(left[0].text, lex) and self.gaz.index.get((left[0].key,)) is not None:
            return False
        right = k + 1 + (k + 1 < end and toks[k + 1].text == "the")
        if right >= end or not any(t.text in lex.org_heads for t in toks[right:end]):
            return False
        self._span(toks, start, k, initial)
        self._span(toks, right, end, False)
        return True

    def _ampersand_name(self, toks: list[Tok], start: int, end: int) -> bool:
        """Capitalised words joined by "&" name a firm or a group ("Transport & Environment")."""
        amp = next((k for k in range(start + 1, end - 1) if toks[k].text == "&"), None)
        if amp is None or not (toks[amp - 1].cap and toks[amp + 1].cap) or min(
                len(toks[amp - 1].text), len(toks[amp + 1].text)) < 2:  # "B & B"
            return False
        lead = start + (toks[start].text in _ARTICLES)
        if any(t.text in self.lex.connectors and t.text != "&" for t in toks[lead:end]) or any(
                (self.gaz.index.get((t.key,)) or ("",))[0] == "place" for t in (toks[amp - 1], toks[amp + 1])):
            return False  # "Trinidad & Tobago", "Bosnia & Herzegovina"
        name = " ".join(t.text for t in toks[lead:end])
        self._emit("organisation", name, name, False, set())
        return True

    def _particles_then_name(self, toks: list[Tok], j: int, end: int) -> bool:
        """Particles followed by a capitalised word: "van der Walt", "de la Cruz", "dos Santos"."""
        k = j
        while k < end and k - j < 3 and toks[k].text in self.lex.particles:
            k += 1
        return j < k < end and toks[k].cap

    def _place_after(self, toks: list[Tok], j: int, end: int) -> bool:
        """Whether the span ends with a place right after ``j``: a national branch or a market
        ("Nestlé Nigeria", "Nasdaq Stockholm", "Euronext Lisbon")."""
        hit = self._gaz_match(toks, j, end) if j < end else None
        return hit is not None and hit[0] == end and hit[1][0] == "place"

    def _known_any(self, toks: list[Tok], i: int, j: int) -> bool:
        """A gazetteer name (any kind) covering exactly ``toks[i:j]``, a leading "the" aside."""
        i += i < j and toks[i].text in _ARTICLES
        return i < j and self.gaz.index.get(self._key(toks, i, j)) is not None

    def _known_org(self, toks: list[Tok], i: int, j: int) -> bool:
        hit = self.gaz.index.get(self._key(toks, i, j))
        return hit is not None and hit[0] == "organisation"

    # --- one sentence --------------------------------------------------------------------
    def sentence(self, toks: list[Tok]) -> None:
        self._toks, self._keys = toks, [t.key for t in toks]
        first_word = next((i for i, t in enumerate(toks) if t.text[:1].isalnum()), 0)
        skip = self._inline_dateline(toks)
        self._place_end = -1
        titles = {k for a, b in title_spans(toks, self.titles) for k in range(a, b)} if self.heuristics else set()
        done = skip  # tokens before this are read
        for start, end in _spans(toks, self.lex, self.gaz):
            if end <= done:
                continue
            start = max(start, done)
            for a, b in _unmasked(start, end, titles) if titles else ((start, end),):
                self._span(toks, a, b, sentence_initial=a == first_word)
            if self.heuristics and (long_end := long_org_end(toks, start, end, self.lex, self.gaz)):
                done = self._extend_org(toks, end, long_end)

    def _inline_dateline(self, toks: list[Tok]) -> int:
        """A dateline opening a later paragraph (news briefs): its place, and where text begins."""
        k = 0
        while k < min(len(toks), 4) and toks[k].cap and toks[k].text.isupper() and len(toks[k].text) > 1:
            k += 1
        if not k or k >= len(toks) or toks[k].text not in ("—", "–", ",", "-"):
            return 0
        if toks[k].text == "," and not any(t.text in ("—", "–") for t in toks[k + 1:k + 6]):
            return 0
        name = self.gaz.upper_places.get(" ".join(t.text for t in toks[:k]))
        if name is None:
            return 0
        self._emit("place", name, name, True, set())
        return k

    def _span(self, toks: list[Tok], start: int, end: int, sentence_initial: bool) -> None:
        lex, gaz = self.lex, self.gaz
        keys = self._keys if toks is self._toks else [t.key for t in toks]
        while end - start > 1 and toks[end - 1].text in lex.post_nominals:
            end -= 1  # "James Whitlock SC"
        role = start + (toks[start].text in _ARTICLES)
        if end - role > 2 and toks[role].text in lex.non_org_acronyms and toks[role + 1].low in ("of", "at"):
            lead = role + 2 + (toks[role + 2].low == "the" and end - role > 3)
            self._span(toks, lead, end, False)  # "The CEO of MTN Group": the body only
            return
        if self.heuristics and (k := self._compound_lead(toks, start, end)) > start:
            if k < end:
                self._span(toks, k, end, False)  # "Abu Dhabi-based International Resources Holding"
            return
        if self.heuristics and (cut := index_from(toks, start, end)) < end:
            if cut > start:
                self._span(toks, start, cut, sentence_initial)  # "Japan's Nikkei 225": Japan only
            return
        whole = gaz.index.get(tuple(keys[start:end]))
        if toks[start + 1:end - 1] and toks[start + 1].text == "," and toks[end - 2].text == "&":
            name = _surface(toks, start, end)
            self._emit("organisation", name, name, False, set())  # partners' names (see _partners_end)
            return
        if whole is None and self._not_a_name(toks, start, end):
            return
        lead = start + (toks[start].text in _ARTICLES and end - start > 1)
        if whole is None and tuple(keys[lead:end]) in lex.non_entity_phrases:
            return  # "the Champions League": a competition, though "League" heads a body's name
        # (the length tests below skip readings that need more words than the span has)
        if whole is None and self.heuristics and end - lead >= 2 and toks[lead].text not in _NOT_ORG_FRONT \
                and team_end(toks, lead, end, gaz, lex, self.sports):  # (not a competition: "Copa Libertadores")
            name = " ".join(t.text for t in toks[lead:end])
            self._emit("organisation", name, name, False, {"team"})  # "Perth Scorchers", "the Hanshin Tigers"
            return
        if whole is None and self.heuristics and multi_brand(toks, lead, end):
            self._brands(toks, lead, end)  # "Red Bull-Bora-Hansgrohe"
            return
        if whole is None and self.heuristics and end - start >= 2 and toks[start + 1].cap:
            # a role written before a name: "Prosecutor Ifeoma Okonkwo-Bello", "Steelmaker Aceros Cumbres"
            first = toks[start]
            low = first.text.lower()
            stop = next((k for k in range(start + 1, end) if toks[k].text in lex.connectors
                         and not self._particles_then_name(toks, k, end)), end)  # "Flanker Josh van der Merwe"
            rest = gaz.index.get(tuple(keys[start + 1:end]))
            if rest is not None and rest[0] == "organisation" and self._org_noun(low):
                self._span(toks, start + 1, end, False)  # "Retailer Trent Ltd, part of ...": the known body
                return
            if (gaz.index.get((first.key,)) is None and not is_given_name(first.text, lex)
                    and (first.text not in lex.org_heads or is_given_name(toks[start + 1].text, lex))
                    and first.text not in lex.org_front_heads
                    and (first.key,) not in lex.titles and gaz.index.get(tuple(keys[start + 1:end])) is None
                    and self._title_match(toks, start, end) is None):  # ("Attorney General X": a title)
                if low in lex.person_nouns and not any(t.text in lex.org_heads for t in toks[start + 1:stop]):
                    self._titled_name(toks, start + 1, stop)
                    if stop < end:
                        self._span(toks, stop + 1 + (stop + 1 < end and toks[stop + 1].text == "the"), end, False)
                    return
                if low not in lex.org_nouns and self._org_noun(low):
                    self._span(toks, start + 1, end, False)  # "Steelmakers POSCO and Hyundai Steel": each
                    return
                if low in lex.org_nouns and not self._commonish(toks[start + 1].text):
                    name = " ".join(t.text for t in toks[start + 1:end])
                    self._emit("organisation", self.acronyms.get(name, name), name, False, set())
                    return
        if whole is None and self.heuristics and end - lead == 2 and self._modified_org(toks, lead, end):
            return
        if whole is None and self.heuristics and end - start >= 2 and self._firm_after_noun(toks, start, end):
            return
        if whole is None and self.heuristics and end - start >= 3 and (
                self._split_person_of(toks, start, end, sentence_initial)
                or self._split_and(toks, start, end, sentence_initial) or self._ampersand_name(toks, start, end)):
            return
        # An organisation whose name contains other names: "International Committee of the
        # Fourth International", "Ministry of Defence", "Bristol City Council".
        if whole is None and self.heuristics and end - start >= 2:
            lead = start
            while lead < end and (toks[lead].text in _ARTICLES or toks[lead].text in lex.connectors
                                  or (lead == start and sentence_initial and self._commonish(toks[lead].text)
                                      and toks[lead].text not in gaz.demonyms and not self._opens_name(toks, lead, end))
                                  or (lead == start and toks[lead].low in _LEAD_PREPS)):  # "At X School"
                lead += 1
            stop = end
            # a name listing its fields (_listed_name_end), or an office named by its holder's title
            listed = any(t.text == "," for t in toks[lead:end]) or [t.text for t in toks[lead:lead + 3]] == ["Office", "of", "the"]
            while lead < end and toks[lead].text.endswith("-based"):
                self._based(toks[lead].text[:-6], lead + 1 < end or self._noun_for_name(toks, end))
                lead += 1
            while stop > lead and not listed and gaz.index.get(tuple(keys[lead:stop])) is None and (
                    toks[stop - 1].text in lex.connectors or (
                    toks[stop - 1].text in lex.non_names and toks[stop - 1].text not in lex.org_heads
                    and toks[stop - 2].text not in _OF)):
                stop -= 1  # "Emirates Stadium on Sunday", but "Association of Teachers"
            on = next((k for k in range(lead + 1, stop - 1) if toks[k].text == "on"), stop)
            if on < stop and ((gaz.index.get(tuple(keys[lead:on])) or ("",))[0] == "organisation" or (
                    toks[on - 1].text in lex.org_heads and (gaz.index.get(tuple(keys[on + 1:stop])) or ("",))[0] == "place")):
                self._span(toks, lead, on, sentence_initial and lead == start)  # a known body, then where:
                if gaz.index.get(tuple(keys[on + 1:end])) is not None:  # "the European Southern
                    self._span(toks, on + 1, end, False)  # Observatory on Cerro Armazones" (unknown: left out)
                return
            if (lead < stop and toks[lead].text in gaz.demonyms
                    and " ".join(t.text for t in toks[lead + 1:stop]) not in _NATIONAL_BRANCHES
                    and gaz.index.get(tuple(keys[lead + 1:stop])) is not None):
                lead += 1  # "the US Federal Reserve": the demonym is not part of a known name
            if stop - lead >= 3 and toks[lead].text in _COUNTRY_ABBREVIATIONS and toks[stop - 1].text in lex.org_heads:
                lead += 1  # "the US National Hurricane Center"
            if (lead < stop - 1 and toks[lead].text in gaz.demonyms and not toks[lead].text.isupper()
                    and " ".join(t.text for t in toks[lead + 1:stop]) in _NATIONAL_BRANCHES):
                name = " ".join(t.text for t in toks[lead:stop])
                self._emit("organisation", name, name, False, set())  # "Philippine Red Cross"
                return
            if stop - lead >= 2 and not any(t.text in lex.connectors for t in toks[lead:stop]) \
                    and self._country_suffixed(toks, lead, stop, sentence_initial and lead == start):
                name = " ".join(t.text for t in toks[lead:stop])
                self._emit("organisation", name, name, False, set())
                return
            if (of := self._firm_of_country(toks, lead, stop)) > lead:
                self._span(toks, lead, of, False)  # "Alpha Bank of Greece": the bank, then the country
                self._span(toks, of + 1, stop, False)
                return
            inner = [t.text for t in toks[lead:stop] if t.text not in ("'", "’")]
            if len(inner) >= 2 and self._org_span(toks, lead, stop, end, inner):
                name = " ".join(t.text + ("'s" if t.poss and k < stop - 1 else "")
                                for k, t in enumerate(toks[lead:stop], lead)).replace(" '", "'").replace(" ’", "’")
                name = _joined([name])
                if name in self.acronyms:
                    name = self.acronyms[name]
                if name in self.known_long:
                    self._emit("organisation", self.known_long[name], name, True, set())
                    return
                if lead == start + 1 and toks[start].text == "The" and not sentence_initial:
                    self._emit("organisation", "The " + name, name, False, set())  # "a stake in The Metals
                    return  # Company": a capital "The" inside a sentence is part of the name
                self._emit("organisation", name, name, False, set())
                return
        i = start
        person_cue = False
        while i < end:
            tok = toks[i]
            if tok.text in lex.connectors and not (i == start and tok.ordinary and self._gaz_match(toks, i, end)):
                person_cue = False  # (but "al Qaeda" opening a span is the known name)
                i += 1
                continue
            skip = self._non_entity(toks, i, end)
            if skip:
                # "Prime Minister Albin Kurti": a phrase that ends in a title still titles the name after it
                person_cue = skip < end and toks[skip].cap and (toks[skip - 1].key,) in lex.titles
                i = skip
                continue
            if tok.text.endswith("-based") and len(tok.text) > 7:
                self._based(tok.text[:-6], i + 1 < end or self._noun_for_name(toks, end))  # "Lagos-based": a place; what follows is named by it
                i += 1
                continue
            hit = self._gaz_match(toks, i, end)
            if hit is not None and tok.text in _COUNTRY_ABBREVIATIONS and self._org_follows(toks, i + 1, end):
                i += 1  # "the US National Hurricane Center": part of how the body is named, not a place
                continue
            if hit is not None and tok.text in _COUNTRY_ABBREVIATIONS and (
                    (i + 1 == end and self._attributive(toks, end)) or (i + 3 == end and toks[i + 1].low == "and"
                                                                         and toks[i + 2].text in gaz.demonyms)):
                i += 1  # "U.S. sanctions", "U.S. and Israeli strikes": an adjective, as "Ukrainian" is
                continue
            if self.heuristics and i + 2 < end and (j := self._romance_place(toks, i, end, hit)):
                surface = " ".join(t.text for t in toks[i:j])
                self._emit("place", surface, surface, False, set())  # "San Cristóbal de las Casas"
                self._place_end = j
                person_cue = False
                i = j
                continue
            if self.heuristics and hit is None and i + 1 < end:
                j = self._place_run(toks, i, end)
                if j:
                    surface = " ".join(t.text for t in toks[i:j])
                    known = self.gaz.index.get(tuple(keys[i:j]))
                    if known is None and tok.text == "Port" and toks[i + 1].text == "of":
                        self._emit("organisation", surface, surface, False, set())  # "Port of Santos": its authority
                        i = j
                        continue
                    self._emit("place", known[1] if known else surface, surface, known is not None, set())
                    self._place_end = j
                    person_cue = False
                    i = j
                    continue
            if self.heuristics and hit is None and tok.text in _SAINTS and i + 1 < end and toks[i + 1].cap:
                j = i + 2
                surface = " ".join(t.text for t in toks[i:j])
                self._emit("place", surface, surface, False, set())  # "St Thomas": a parish, not a person
                self._place_end = j
                i = j
                continue
            if self.heuristics and hit is None and tok.text in _STAGE_PREFIXES and i + 1 < end and toks[i + 1].cap:
                j = next((k for k in range(i + 1, min(end, i + 4)) if not toks[k].cap or toks[k - 1].poss), min(end, i + 4))
                surface = " ".join(t.text for t in toks[i:j])
                self._emit("person", surface, surface, False, {"title"})  # "DJ Maphorisa"
                i = j
                continue
            # (in every language: German capitalises nouns, but a known first name still opens a name)
            if i + 1 < end and (toks[i + 1].cap or self._particles_then_name(toks, i + 1, end)) and (
                (hit is None or hit[0] == i + 1) and is_given_name(tok.text, lex)
                and (hit is None or hit[1][1] == tok.text or hit[1][0] != "person")
            ):
                # "Luís Montenegro", "Abbas Kiarostami": a first name makes the run one person,
                # whatever the words after it also name.
                j = i + 1
                while j < end and (toks[j].cap or self._particles_then_name(toks, j, end)) and not toks[j - 1].poss:
                    if toks[j].text in lex.org_heads:
                        break
                    j += 1
                if j < end and toks[j].text in lex.org_heads:
                    j = i  # "Max Planck Institute": the run names an organisation, not a person
                if j > i + 1 and toks[j - 1].cap and toks[j - 1].text not in _NOT_ORG_LAST \
                        and toks[j - 1].text not in lex.place_heads:
                    name_hit = self.gaz.index.get(tuple(keys[i:j]))
                    surface = " ".join(t.text for t in toks[i:j])
                    if name_hit is not None and name_hit[0] == "person":
                        self._emit("person", name_hit[1], surface, True, set())
                    else:
                        self._emit("person", surface, surface, False, {"title"} if person_cue else {"given"})
                    person_cue = False
                    i = j
                    continue
            if (hit is not None and hit[0] == i + 1 and hit[1][0] != "place" and i + 1 < end
                    and toks[i + 1].cap and toks[i + 1].text.isalpha() and self._gaz_match(toks, i + 1, end) is None
                    and toks[i + 1].text not in lex.non_names and not tok.poss
                    and self._title_match(toks, i + 1, end) is None):
                hit = None  # "Wagner Moura" is not the Wagner Group: an unknown name follows
            if hit is not None and hit[1][0] == "organisation" and (k := self._portfolio_end(toks, i, end)):
                i = k  # "Labour Minister Luz Cárdenas", "Labour and Employment Adviser": a post, not the party
                continue
            if hit is not None and hit[1][0] == "organisation" and (k := self._shared_body_end(toks, i, hit[0], end)):
                surface = " ".join(t.text for t in toks[i:k])
                self._emit("organisation", surface, surface, False, set())
                i = k
                continue
            if hit is not None:
                j, (kind, name) = hit
                k = self._org_head_after(toks, j, end) if self.heuristics and j < end and not toks[j - 1].poss else 0
                if k and ((kind == "place" and not person_cue
                           and (i == start or toks[i - 1].text not in lex.connectors or toks[i - 1].text == "the"))
                          or (kind == "organisation" and k == j + 1)):
                    # "Zhejiang University", "Kurdistan Regional Government", "DNB Markets"
                    surface = " ".join(t.text for t in toks[i:k])
                    self._emit("organisation", surface, surface, False, set())
                    i = k
                    continue
                if kind == "organisation" and self.heuristics and name.split()[-1] in _ACADEMIC and (
                        u := self._unit_after(toks, j, end)):
                    surface = " ".join(t.text for t in toks[i:u])
                    self._emit("organisation", surface, surface, False, set())
                    i = u
                    continue
                if kind == "organisation" and j < end and self._place_after(toks, j, end):
                    surface = " ".join(t.text for t in toks[i:end])
                    self._emit("organisation", surface, surface, False, set())  # "Nestlé Nigeria"
                    i = end
                    continue
                if kind == "organisation" and name in _REGIONS_NOT_FIRMS and i > 0 and (
                        toks[i - 1].low == "the" or toks[i - 1].text in gaz.demonyms):
                    kind = "place"  # "the Amazon", "the Brazilian Amazon": the region, not the company
                if (self.heuristics and kind == "place" and j < end and toks[j].text in lex.place_heads
                        and not toks[j - 1].poss and (j + 1 >= end or toks[j + 1].text not in lex.org_heads)):
                    j += 1  # "Mekong Delta", "Attawapiskat River"
                    name = " ".join(t.text for t in toks[i:j])
                if (kind == "organisation" and j - i == 1 and i == start and sentence_initial and end - start == 1
                        and tok.key.lower() in self.lower_words and tok.text not in self.inner_capitals
                        and (tok.text in lex.field_words or tok.text in lex.non_names or tok.text in lex.org_heads)):
                    i = j  # "Labour leaders warned": an ordinary word opening a sentence, the party nowhere else
                    continue
                if kind == "organisation" and j < end and toks[j].text in _LEGAL_FORMS and not toks[j - 1].poss:
                    j += 1  # "Barratt Redrow plc": the known firm, its legal form in how the text names it
                surface = _surface(toks, i, j)
                if kind == "place" and j == end < len(toks) and toks[j].ordinary and toks[j].text.title() in lex.place_heads:
                    surface += " " + toks[j].text  # "the Aralkum desert", "Kyzylorda region": how the text names it
                if kind == "place":
                    self._place_end = j
                cues = {"title"} if person_cue else set()
                if kind == "place" and i > 0 and toks[i - 1].low in _PLACE_PREPS:
                    cues.add("in")  # "in Brisbane": the city, even where a team shares its name
                if kind == "place" and person_cue and j - i == 1:
                    kind = "person"  # "President Jordan": a title before a place name names a person
                if kind == "person" and self.heuristics and (k := self._surname_after(toks, j, end)) > j:
                    surface = " ".join(t.text for t in toks[i:k])
                    self._emit("person", surface, surface, False, cues)  # "Muhammad Ali Pate", not the boxer
                    person_cue = False
                    i = k
                    continue
                self._emit(kind, name, surface, True, cues)
                person_cue = False
                i = j
                continue
            t_end = self._title_match(toks, i, end)
            if t_end is not None and self.heuristics and (k := self._named_with_title(toks, i, t_end, end)):
                surface = " ".join(t.text for t in toks[i:k])
                self._emit("organisation", surface, surface, False, set())  # "King Fahd Medical City"
                i = k
                continue
            if t_end is not None and t_end < end and toks[t_end].text not in lex.connectors:
                if regnal_end := self._regnal_name(toks, i, t_end, end):
                    i = regnal_end
                    continue
                person_cue = True
                i = t_end
                continue
            if t_end is not None:
                i = t_end
                continue
            if tok.text in gaz.demonyms or (tok.text in lex.non_names and not person_cue):
                i += 1
                continue
            if "-" in tok.text and tok.text.partition("-")[2].islower() and (
                    (stem := tok.text.partition("-")[0]) in gaz.demonyms or _ETHNONYM.search(stem)):
                i += 1  # "Welsh-language", "Kurdish-majority": an adjective, never a name
                continue
            if not self.heuristics:
                i += 1
                continue
            if k := self._portfolio_end(toks, i, end):
                i = k  # "Public Works Minister Dody Hanggodo": a post, whatever its head word
                continue
            # an unknown chunk: run until something known or a connector
            j = i + 1
            while j < end and not toks[j - 1].poss and (
                toks[j].text not in lex.connectors
                or self._particles_then_name(toks, j, end)  # "Marjolein van der Veen"
            ):
                nxt = toks[j]
                if (nxt.text in gaz.demonyms or nxt.text in lex.non_names) and not (
                        j + 1 < end and toks[j + 1].text in lex.org_heads and not nxt.poss
                        and nxt.text not in gaz.demonyms):
                    break  # (an ordinary word before a head goes on: "Athabasca Chipewyan First Nation")
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

    def _regnal_name(self, toks: list[Tok], i: int, t_end: int, end: int) -> int:
        """"King Philippe", "King Leopold II", "Sultan Ibrahim": a monarch known by a title and one
        name keeps the title in the name (the bare name becomes an alias); where reading resumes,
        or 0 if the title is not a monarch's or more than one name follows."""
        if t_end - i != 1 or toks[i].text not in _REGNAL_TITLES:
            return 0
        name = toks[t_end]
        j = t_end + 1
        if j < end and not name.poss and _ROMAN_NUMERAL.fullmatch(toks[j].text):
            j += 1
        lex = self.lex
        if (not name.text.isalpha() or (j < end and toks[j].cap and not toks[j - 1].poss)
                or name.text in lex.place_heads or name.text in lex.org_heads or name.text in lex.non_names
                or self._gaz_match(toks, t_end, j) is not None):
            return 0
        surface = " ".join(t.text for t in toks[t_end:j])
        self._emit("person", f"{toks[i].text} {surface}", surface, False, {"title"})
        return j

    def _surname_after(self, toks: list[Tok], j: int, end: int) -> int:
        """End of a capitalised word after a known person's name at ``j`` that names nothing else (a
        longer name: "Muhammad Ali Pate"); ``j`` if there is none."""
        if j < end and not toks[j - 1].poss and toks[j].cap and toks[j].text.isalpha() and not toks[j].text.isupper() \
                and toks[j].text not in self.lex.non_names and toks[j].text not in self.lex.connectors \
                and toks[j].text not in self.lex.post_nominals and self._gaz_match(toks, j, end) is None \
                and self._title_match(toks, j, end) is None and not self._commonish(toks[j].text):
            return j + 1
        return j

    def _org_noun(self, low: str) -> bool:
        """A noun for a company or a body, singular or plural: "retailer", "steelmakers"."""
        return low in self.lex.org_nouns or (low.endswith("s") and low[:-1] in self.lex.org_nouns)

    def _unit_after(self, toks: list[Tok], j: int, end: int) -> int:
        """End of a university's part named after it at ``j`` (up to three capitalised words closed by
        a unit head, then an optional "of" and one more word: "School of Law"); 0 if there is none."""
        k = j
        while k < end and k - j < 3 and toks[k].cap and toks[k].text not in self.lex.connectors and not toks[k].poss:
            k += 1
            if toks[k - 1].text in _UNIT_HEADS:
                if k + 1 < end and toks[k].low == "of" and toks[k + 1].cap:
                    return k + 2
                return k
        return 0

    def _org_head_after(self, toks: list[Tok], j: int, end: int) -> int:
        """End of the organisation head words (after optional modifiers) that follow a known name at
        ``j`` ("Regional Government", "State Government", "Markets"); 0 if there are none."""
        lex = self.lex
        k = j
        while k < end - 1 and toks[k].text in _ORG_MODIFIERS and not toks[k].poss:
            k += 1
        heads = lex.org_heads
        if k == j < end and toks[k].text in _TAIL_HEADS and not toks[k].poss and (
                k + 1 == end or toks[k + 1].text in _AND):
            return k + 1
        if k >= end or (toks[k].text not in heads and toks[k].text not in _HEADS_AFTER_NAME) or (
                k + 1 < end and toks[k + 1].text in lex.connectors):
            return 0
        while k < end and (toks[k].text in heads or toks[k].text in _HEADS_AFTER_NAME):
            k += 1
        return k

    def _place_run(self, toks: list[Tok], i: int, end: int) -> int:
        """End of a place name opened by a compass word or a place word ("North Kivu", "Lake Toba",
        "Gulf of Aqaba"); 0 if there is none."""
        lex = self.lex
        word = toks[i].text
        if word in lex.compass and i + 1 < end and toks[i + 1].cap:
            nxt = toks[i + 1].text
            if (nxt in self.gaz.demonyms or nxt in lex.org_heads or is_given_name(nxt, lex)
                    or (i + 2 < end and toks[i + 2].text in lex.org_heads) or toks[i].poss):
                return 0
            hit = self._gaz_match(toks, i + 1, end)
            if hit is not None:
                return hit[0] if hit[1][0] == "place" else 0
            if self._commonish(nxt) or nxt in lex.non_names or nxt in lex.compass:
                return 0
            return i + 2
        if word in lex.place_front_heads and i + 1 < end and not toks[i].poss:
            j = i + 1
            if toks[j].text == "of" and j + 1 < end:
                j += 1 + (toks[j + 1].text == "the")
            elif j + 1 < end and toks[j].text in ("de", "del", "di", "do", "da"):  # "Salar de Atacama"
                j += 1 + (toks[j + 1].text in ("la", "las", "los", "el"))
            if j >= end or not toks[j].cap or toks[j].text in lex.non_names:
                return 0
            k = j + 1
            while k < end and toks[k].cap and not toks[k - 1].poss and toks[k].text not in lex.non_names:
                k += 1
            if k < end and toks[k].text in lex.org_heads or toks[k - 1].text in lex.org_heads:
                return 0  # "Port Authority", "Lake Victoria Fisheries Organisation"
            return romance_end(toks, k, end, lex)
        return 0

    def _brands(self, toks: list[Tok], start: int, end: int) -> None:
        """Each part of a span split at "and"/"of" that is a multi-brand name is one organisation
        ("Florian Lipowitz of Red Bull-Bora-Hansgrohe": a person, then the team)."""
        k = next((k for k in range(start + 1, end - 1) if toks[k].text in ("and", "of")), end)
        if multi_brand(toks, start, k):
            name = " ".join(t.text for t in toks[start:k])
            self._emit("organisation", name, name, False, set())
        else:
            self._span(toks, start, k, False)
        if k < end:
            self._brands(toks, k + 1 + (toks[k + 1].text == "the"), end)

    def _romance_place(self, toks: list[Tok], i: int, end: int, hit: tuple[int, tuple[str, str]] | None) -> int:
        """End of a place name with a Romance connector tail ("San Pedro de Atacama", "Juchitán de
        Zaragoza"); 0 if there is none."""
        if hit is None:
            return romance_place(toks, i, end, self.lex, self.gaz)
        if hit[1][0] != "place":
            return 0
        j = romance_end(toks, hit[0], end, self.lex)
        return j if j > hit[0] else 0

    def _not_a_name(self, toks: list[Tok], start: int, end: int) -> bool:
        """Ships ("MV Nordkyn", "the trawler Nordkyn Senior") and kickers in capitals ("BUSINESS BRIEFS")."""
        lex = self.lex
        if toks[start].text in lex.ship_prefixes and end - start >= 2:
            return True
        before = toks[start - 1].text if start > 0 else ""
        if before in lex.ship_nouns or before.endswith(("-metre", "-meter", "-foot", "-tonne", "-ton")):
            return True
        return end - start >= 2 and all(t.text.isupper() and len(t.text) > 2 for t in toks[start:end])

    def _firm_of_country(self, toks: list[Tok], lead: int, stop: int) -> int:
        """Where "of <Country>" starts after a company's complete name ("Tata Group of India",
        "Zhejiang Huahai Pharmaceutical of China"); ``lead`` if the country is part of the name:
        "Bank of Greece", "Reserve Bank of India" (an ordinary word before the head)."""
        of = stop - 2
        if of - lead < 2 or toks[of].text != "of" or toks[of - 1].text not in _FIRM_TAILS:
            return lead
        hit = self.gaz.index.get((toks[stop - 1].key,))
        if hit is None or hit[0] != "place" or hit[1] not in self.gaz.countries:
            return lead
        if self._known_org(toks, lead, of):
            return of
        # an unknown name: two or more words that are names, not ordinary words ("Reserve", "Transmission")
        front = toks[lead:of - 1]
        if len(front) < 2 or any(not t.cap or t.poss or self._commonish(t.text) or _NOUNY.search(t.text)
                                 or t.text in self.lex.org_heads or t.text in _ORG_MODIFIERS
                                 or t.text in self.gaz.demonyms for t in front):
            return lead
        return of

    def _compound_lead(self, toks: list[Tok], start: int, end: int) -> int:
        """Where a name starts after a compound adjective ("Russian-led", "London-listed", "Abu
        Dhabi-based"); the words before it are read on their own. ``start`` if there is none."""
        k = end - 1  # the last compound adjective
        while k >= start and not ("-" in toks[k].text and (self._compound_adj(toks[k].text) or (
                k > start and toks[k].text.endswith("-based") and (self.gaz.index.get(
                    (toks[k - 1].key, norm_token(toks[k].text[:-6]))) or ("",))[0] == "place"))):
            k -= 1  # (or a place whose last word is an ordinary one: "Mexico City-based")
        closing = k == end - 1 and toks[k].text.endswith("-based")
        if k < start or (closing and k == start):
            return start  # "Lagos-based" closing a span: read with what follows it
        p = k
        while p > start and toks[p - 1].cap and toks[p - 1].text not in self.lex.connectors \
                and toks[p - 1].text not in _ARTICLES:
            p -= 1
        front = p
        while front > start and (toks[front - 1].text in self.lex.connectors or toks[front - 1].text in _ARTICLES):
            front -= 1
        if front > start:
            self._span(toks, start, front, False)  # "Eco Atlantic Oil & Gas and the London-listed ..."
        prefix = " ".join(t.text for t in toks[p:k + 1]).rpartition("-")[0]
        if toks[k].text.endswith(("-based", "-headquartered", "-registered")):
            # "Abu Dhabi-based investors": a place, and an unknown prefix only if a name follows
            self._based(prefix, not closing or self._noun_for_name(toks, end))
        elif (body := self.gaz.index.get(tuple(map(norm_token, prefix.split())))) is not None and body[0] == "organisation":
            self._emit("organisation", body[1], prefix, True, set())  # "Nasdaq-listed", "al-Qaeda-linked"
        return k + 1

    def _compound_adj(self, word: str) -> bool:
        """"Kurdish-led", "British-listed": a name made an adjective, not "State-owned"."""
        stem = word.partition("-")[0]
        return _COMPOUND_ADJ.search(word) is not None and (stem in self.gaz.demonyms or not self._commonish(stem)
                                                           or _ETHNONYM.search(stem) is not None)

    def _titled_name(self, toks: list[Tok], start: int, end: int) -> None:
        """A name after a role word: the person unless a gazetteer says otherwise."""
        hit = self._gaz_match(toks, start, end)
        if hit is not None and hit[0] == end:
            kind, name = hit[1]
            self._emit("person" if kind == "place" and end - start == 1 else kind, name,
                       " ".join(t.text for t in toks[start:end]), True, {"title"})
            return
        surface = " ".join(t.text for t in toks[start:end])
        self._emit("person", surface, surface, False, {"title"})

    def _org_follows(self, toks: list[Tok], i: int, end: int) -> bool:
        """Whether the rest of the span from ``i`` names an organisation (known, or with a head last)."""
        if i >= end or not toks[i].cap or end - i < 2 and not self._known_org(toks, i, end):
            return False
        return self._known_org(toks, i, end) or toks[end - 1].text in self.lex.org_heads

    def _extend_org(self, toks: list[Tok], end: int, long_end: int) -> int:
        """Carry the organisation that closes a span on over the words after it ("Ministry of Land" +
        ", Infrastructure and Transport"); where reading resumes."""
        last = self.mentions[-1] if self.mentions else None
        if last is None or last.kind != "organisation" or last.known or not last.surface.endswith(toks[end - 1].text):
            return end
        name = (last.surface + " " + " ".join(t.text for t in toks[end:long_end])).replace(" ,", ",")
        self.mentions[-1] = Mention("organisation", name, name, False, last.cues, last.order)
        return long_end

    def _extend_place(self, toks: list[Tok], i: int, j: int) -> bool:
        """A known place right before an unknown word that an apposition calls a place is one
        name with it ("Santiago Matatlán, a village")."""
        last = self.mentions[-1] if self.mentions else None
        if last is None or last.kind != "place" or i == 0 or not toks[i - 1].cap or toks[i - 1].poss \
                or self._place_end != i:
            return False
        surface = last.surface + " " + " ".join(t.text for t in toks[i:j])
        self.mentions[-1] = Mention("place", surface, surface, False, set(), last.order)
        self._place_end = j
        return True

    def _plural_noun(self, word: str) -> bool:
        """A plural of a noun for people, bodies or places ("Unions", "Authorities", "Villages")."""
        low = word.lower()
        if not low.endswith("s"):
            return False
        lex = self.lex
        stems = (low[:-1], low[:-2] if low.endswith("es") else "", low[:-3] + "y" if low.endswith("ies") else "")
        return any(x and (x in lex.org_nouns or x in lex.person_nouns or x in lex.place_nouns) for x in stems)

    def _noun_for_name(self, toks: list[Tok], k: int) -> bool:
        """Whether the word at ``k`` is a noun for a body or a person ("the Båtsfjord-based company")."""
        return k < len(toks) and (toks[k].low in _FIRM_NOUNS or toks[k].low in self.lex.org_nouns
                                  or toks[k].low in self.lex.person_nouns)

    def _based(self, prefix: str, named: bool) -> None:
        """"Lagos-based X": a place; an unknown prefix only when a name follows ("Artemisinin-based
        combination therapies" names a drug, not a place)."""
        hit = self.gaz.index.get(tuple(norm_token(t) for t in prefix.split()))
        if hit is not None and hit[0] == "place":
            self._emit("place", hit[1], prefix, True, set())
        elif named and prefix[:1].isupper() and "-" not in prefix:
            self._emit(None, prefix, prefix, False, {"place"})

    def _context(self, toks: list[Tok], i: int, j: int) -> str | None:
        """What the words around an unknown name say it is: person, organisation or place."""
        lex = self.lex
        n = len(toks)
        before = toks[i - 1].text if i > 0 else ""
        if before == "," and i > 1:
            before = toks[i - 2].text
        if before.endswith("-based"):
            return "organisation"
        if before in lex.org_nouns:
            return "organisation"
        if before in lex.person_nouns:
            return "person"
        if self.sports and i > 1 and (toks[i - 1].low == "at" or (before == "the" and toks[i - 2].low == "at")) \
                and not is_given_name(toks[i].text, lex):
            return "organisation"  # a venue in a sports report: "at the Gabba", "at Loftus Versfeld"
        if before == "the" and i > 2 and toks[i - 2].text == "of" and toks[i - 3].low in lex.person_nouns:
            return "organisation"  # "leader of the far-right Vlaams Belang" (lower-case words between too)
        if j < n:
            after = toks[j].text
            if after in lex.place_nouns:
                return "place"
            if after in lex.org_nouns and not toks[j - 1].poss:
                if j - i == 1 and toks[i].text.endswith("ist"):
                    return None  # "the Peronist bloc", "an Islamist group": an adjective
                return "organisation"  # "the FNV Havens union"
            if after == "," and j + 1 < n:
                nxt = toks[j + 1].text
                if nxt == "which":
                    return None  # a village, a storm or a ship as often as a body: "Pomonal, which lost"
                if nxt == "where":
                    return "place"  # "the airport at Traigh Mhòr, where planes land on the beach"
                if nxt == "who" or nxt.isdigit():
                    return "person"  # "Rowan Pettigrew, 58,"
                if nxt not in ("a", "an", "the"):
                    return "person" if nxt in lex.person_nouns else None
                # the head noun of the apposition: the last known noun before a preposition
                # ("a fund manager at ...", "a geneticist on the team")
                head = None
                for t in toks[j + 2:j + 8]:
                    if t.text in _APPOSITION_END:
                        break
                    if t.poss or t.cap:
                        continue
                    if t.text in lex.person_nouns or t.text in _MEMBER_NOUNS:
                        head = "person"
                    elif t.text in lex.org_nouns:
                        head = "organisation"
                    elif t.text in lex.place_nouns:
                        head = "place"  # "Vatersay, the small island linked to Barra"
                return head
            if after in lex.person_verbs and j + 1 < n and toks[j + 1].text == "it":
                return "organisation"  # "Havbris said it would ..."
        if i > 1 and before in ("in", "of") and toks[i - 2].low in ("shares", "stake", "stock"):
            return "organisation"
        return None

    def _particles_join(self, words: list[str]) -> bool:
        """Whether every particle of a name joins it to a surname ("Giorgian de Arrascaeta"), not to
        nothing ("Tour de"); Italian particles join places ("Sambuca di Sicilia"), Italians' surnames
        write them capitalised ("Di Maio")."""
        lex = self.lex
        if not any(w in lex.particles for w in words):
            return True
        first = words[0]  # "Tour de Marvello", "Costa del Sol": a word that opens names of things
        if first in _NOT_ORG_FRONT or first in lex.place_front_heads or first in lex.org_front_heads \
                or first in lex.non_names or first in lex.place_heads:
            return False
        return not any(w in lex.particles and (k + 1 == len(words) or w in _PLACE_PARTICLES)
                       for k, w in enumerate(words))

    def _unknown(self, toks: list[Tok], i: int, j: int, end: int, titled: bool, initial: bool) -> None:
        lex = self.lex
        words = [t.text for t in toks[i:j]]
        # drop a sentence-initial ordinary word ("Rejecting", "Asked")
        if initial and words and not titled and words[0] not in lex.given_names:
            w = words[0]
            # ("Separately", "Asked"; a short word is a name as often: "Maly Socheata", "Ted")
            if (self._commonish(w) or _NOUNY.search(w) or (len(w) > 4 and w.endswith(("ed", "ly")))) \
                    and " ".join(words) not in self.apposed:  # ("Cotality, the property data firm,")
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
            if not (len(words) == 2 and is_given_name(words[0], lex) and (
                    (after is not None and after.text in lex.person_verbs)
                    or (before is not None and before.text in lex.person_nouns))):
                self._emit("organisation", surface, surface, False, set())
                return
            self._emit("person", surface, surface, False, set())  # "chair Sarah Court said"
            return
        if (last in lex.place_heads or tuple(words[-2:]) in _PLACE_TAILS) and len(words) > 1:
            # a district that is a body's remit: "Sunnyside School District", "Yakima Health District"
            kind: Kind = "organisation" if last == "District" and (
                words[-2] in lex.field_words or words[-2] in _DISTRICT_REMITS) else "place"
            self._emit(kind, surface, surface, False, set())
            return
        if any(_CAMEL.match(w) for w in words) or surface in self.defined or words[0] in lex.org_front_heads:
            self._emit("organisation", surface, surface, False, set())  # ScotRail, PayPal
            return
        if last in _NOT_ORG_LAST:
            return
        context = None if titled else self._context(toks, i, j)
        if context == "place" and self._extend_place(toks, i, j):
            return
        if context is None and not titled and before is not None and (
                (before.text in (",", "and", "or") and self._place_end == i - 1)
                or (before.text == "of" and before2 is not None and before2.text.lower() in _PLACE_NOUNS)) \
                and not is_given_name(words[0], lex) \
                and not (any(w in lex.particles for w in words[1:]) and self._particles_join(words)):
            context = "place"  # "in Epe and Badagry", "the state of Nuevo León" (not "in Rotterdam,
            # Marjolein van der Sluis")
        if len(words) == 1:
            w = words[0]
            if (w in lex.org_heads or w in lex.non_org_acronyms) and not titled:
                return  # "Authority", "Foundation" alone: a fragment of a longer name; "DNA", "GDP"
            if w.isupper() and 2 <= len(w) <= 6 and w.isalpha():
                if w in self.redefined and w not in self.acronyms:
                    return  # spelled out as no body's name: a substance, a scheme
                if w in self.acronyms:
                    if self.acronyms[w].split()[-1] not in _NOT_ORG_LAST:
                        self._emit("organisation", self.acronyms[w], w, False, set())
                elif w not in lex.non_names and (
                    (before is not None and before.text in lex.org_cue_nouns)
                    or (after is not None and after.text in lex.person_verbs)
                ):
                    self._emit("organisation", w, w, False, set())  # "broadcaster NTV", "AFAD said"
                elif len(w) >= 3 and w not in lex.non_org_acronyms and w.upper() not in self.gaz.upper_places and (
                        after is None or not after.ordinary or after.text in _FUNCTION_WORDS
                        or after.text in lex.org_nouns or after.text in lex.person_verbs):
                    # ("MMR vaccine", "LNG carriers": an acronym before a common noun names a thing)
                    self._emit("organisation", w, w, False, set())  # "CGT", "OPZZ": bodies more often than not
                else:
                    self._emit(None, w, w, False, {"acronym"})
                return
            if (self._commonish(w) or (initial and self._plural_noun(w))) and not titled:
                return  # "Unions, which have organised ...": an ordinary plural opening the sentence
            if self.sports and nickname(toks[i]) and before is not None and before.low == "the":
                self._emit("organisation", w, w, False, {"team"})  # "the Stormers", "the Sixers"
                return
            if context is not None and not (initial and context == "place"):
                self._emit(context, w, w, False, set())
                if context == "place":
                    self._place_end = j
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
                self._place_end = j
            if before is not None and before2 is not None and before.text == "of" and before2.text.lower() in _PLACE_NOUNS:
                cues.add("place")
            if initial:
                cues.add("initial")
            self._emit(None, w, w, False, cues)
            return
        # two or more capitalised words
        if titled or is_given_name(words[0], lex):
            self._emit("person", surface, surface, False, {"title"} if titled else set())
            return
        if context is not None:
            self._emit(context, surface, surface, False, set())
            if context == "place":
                self._place_end = j
            return
        if before is not None and before.text in _PLACE_PREPS_MULTI and not initial:
            self._emit("place", surface, surface, False, set())  # "in Wagga Wagga"
            self._place_end = j
            return
        if any(w in lex.org_heads for w in words[1:-1]):
            self._emit("organisation", surface, surface, False, set())  # "O2 Academy Brixton", "Vrije Universiteit Brussel"
            return
        if len(words) <= 4 and words[0] not in _FOREIGN_ARTICLES and self._particles_join(words) and not any(
                self._commonish(w) or _NOUNY.search(w) or w in lex.field_words for w in words
                if w not in ("i", "y") and w not in lex.particles):  # "Giorgian de Arrascaeta"
            kind = shape_kind(toks, i, j, lex, initial)  # by its shape alone, unless something says otherwise
            if kind:
                self._emit(kind, surface, surface, False, {"shape"} if kind == "person" else set())
            else:
                self._emit(None, surface, surface, False, {"the"})


def _and_or(text: str) -> Iterator[re.Match[str]]:
    """``_AND_OR.finditer(text)``, tried only where " and " or " or " occurs (or a comma before it)."""
    return finditer_at(_AND_OR, text, (k - d for w in (" and ", " or ") for k in occurrences(text, w) for d in (0, 1)))


def _coordinated(text: str) -> list[tuple[str, str]]:
    """Pairs of names joined by "and"/"or" ("Ayala Land and SM Prime")."""
    pairs = []
    for m in _and_or(text):
        right = _name_after(text, m.end())  # (the cheaper of the two: a name before is searched for)
        if right and (left := _name_before(text, m.start())):
            pairs.append((left, right))
    return pairs


def _surnames(mentions: list[Mention]) -> set[str]:
    """Last words of the multi-word people of a text."""
    return {m.name.split()[-1] for m in mentions if m.kind == "person" and " " in m.name}


def _surname_keys(parts: list[str]) -> list[str]:
    """Inner and last words a full name may be cut to later: "Pacheco" of "Rodrigo Pacheco Méndez"
    (the father's surname of two), "Sharaa" of "Ahmed al-Sharaa"."""
    out = []
    for w in parts[1:]:
        if w[:1].isupper():
            out.append(w)
        elif w[:3] in ("al-", "el-") and w[3:4].isupper():
            out.append(w[3:])
    return out


def _retypable(m: Mention, gaz: Gazetteer) -> bool:
    """A mention typed by a weak cue only: an unknown name, a shape-only person, a minor city."""
    if "title" in m.cues or "given" in m.cues or m.kind == "organisation" or _LOWER_HYPHEN.search(m.surface):
        return False
    if m.known:
        return m.kind == "place" and tuple(norm_token(w) for w in m.surface.split()) in gaz.weak
    return True


def _clubs(mentions: list[Mention], clubs: set[str], nations: set[str], gaz: Gazetteer) -> None:
    """Retype every mention of a name a sports report uses as a team (cities included; countries only
    with a result cue, see ``_nation_teams``)."""
    by_city = _clubs_by_city()
    surnames = {w for m in mentions if m.kind == "person" and " " in m.name for w in m.name.split()}
    for m in mentions:
        if (m.surface in clubs or m.surface in nations) and "in" not in m.cues and (
                m.name not in gaz.countries or m.name in nations) and (
                m.kind == "place" or (m.kind in (None, "person") and not m.known and not m.cues - {"initial", "verb"}
                                      and " " not in m.surface and m.surface not in surnames)):
            m.kind, m.name = "organisation", by_city.get(m.surface) or m.surface


def _organisations_by_evidence(mentions: list[Mention], evidence: set[str],
                               pairs: list[tuple[str, str]], gaz: Gazetteer) -> None:
    """Retype names that only organisations fit: evidence in the text ("X shares fell"), the same
    name typed as an organisation elsewhere, or a name coordinated with an organisation."""
    surnames = _surnames(mentions)  # "Osmani said in a statement": Vjosa Osmani, not a body
    for m in mentions:
        if (m.surface in evidence or m.name in evidence) and _retypable(m, gaz) and m.surface not in surnames:
            m.kind, m.name = "organisation", m.surface if m.known else m.name
    known_orgs = {m.surface for m in mentions if m.kind == "organisation" and m.known}
    places = {m.surface for m in mentions if m.kind == "place"}
    orgs = {m.surface for m in mentions if m.kind == "organisation"} | {
        m.name for m in mentions if m.kind == "organisation"}
    for a, b in pairs:
        for x, y in ((a, b), (b, a)):
            if " " in y and "-" not in y and any(x.endswith(o) or x.startswith(o) for o in orgs):
                orgs.add(y)  # multi-word names only: "Wilmar International and Musim Mas"
            elif " " not in y and x in known_orgs and y not in places:
                orgs.add(y)  # or beside a well-known one: "Greenpeace and Walhi"
    for m in mentions:
        if m.surface in orgs and _retypable(m, gaz) and (m.kind != "person" or "shape" in m.cues or not m.cues):
            m.kind, m.name = "organisation", m.surface if m.known else m.name


def _fold_acronyms(mentions: list[Mention], org_names: set[str]) -> None:
    """An undefined acronym whose letters one organisation of the text spells joins it ("PF" after
    "Patriotic Front"); a name read as a person by its shape alone that an acronym spells is an
    organisation ("JNIM" after "Jama'at Nusrat al-Islam wal-Muslimin")."""
    shaped = {m.name for m in mentions if m.kind == "person" and m.cues == {"shape"}}
    long = [n for n in org_names | shaped if " " in n]
    for m in mentions:
        w = m.surface
        if m.known or m.kind not in (None, "organisation") or not (2 <= len(w) <= 6 and w.isupper() and w.isalpha()):
            continue
        hits = [n for n in long if n[0] == w[0] and spells(n.split(), w)]
        if len(hits) == 1:
            m.kind, m.name = "organisation", hits[0]
            if hits[0] in shaped:
                for x in mentions:
                    if x.name == hits[0] and x.kind == "person":
                        x.kind = "organisation"


def _teams_by_nickname(mentions: list[Mention]) -> dict[str, str]:
    """Teams of this text by their nickname ("Scorchers" -> "Perth Scorchers", "Giants" -> the
    known "Yomiuri Giants"), unless two share it."""
    out: dict[str, str] = {}
    heads = lexicon().org_heads
    for m in mentions:
        if " " not in m.name:
            continue
        last = m.name.split()[-1]
        known_team = m.known and m.kind == "organisation" and last.endswith("s") and last not in heads
        if "team" in m.cues or known_team:
            out[last] = m.name if out.get(last, m.name) == m.name else ""
    return {k: v for k, v in out.items() if v}


def _people_by_evidence(mentions: list[Mention], evidence: set[str], gaz: Gazetteer) -> None:
    """Retype unresolved names listed as people ("stars such as Wizkid and Tems")."""
    for m in mentions:
        if m.surface in evidence and m.kind in (None, "place") and _retypable(m, gaz):
            m.kind = "person"


def _places_by_evidence(mentions: list[Mention], evidence: set[str], gaz: Gazetteer) -> None:
    """Retype unresolved names listed as places, and names read as people by their shape alone."""
    for m in mentions:
        if m.surface in evidence and _retypable(m, gaz) and (m.kind is None or m.cues == {"shape"}):
            m.kind = "place"


def _is_initial(word: str) -> bool:
    return len(word) == 2 and word[0].isupper() and word[1] == "."


def _resolve(mentions: list[Mention], gaz: Gazetteer) -> Found:
    # Full names of people seen in this text, by surname, for folding "Klitschko" alone.
    by_surname: dict[str, str] = {}
    by_tail: dict[str, str] = {}  # "Abu Al-Saud" -> "Raed Abu Al-Saud"
    by_first: dict[str, set[str]] = {}  # "Zhou" -> {"Zhou Yaping"}: family name first
    full_names = [m for m in mentions if m.kind == "person" and " " in m.name]
    for m in full_names:  # last words first: they win over inner words
        by_surname.setdefault(m.name.split()[-1], m.name)
    for m in full_names:
        for w in _surname_keys(m.name.split()):
            by_surname.setdefault(w, m.name)
    for w, name in list(by_surname.items()):
        if w[:1].islower():  # "Al-Maqtari said" opening a sentence, for "Abdulkarim al-Maqtari"
            by_surname.setdefault(w[0].upper() + w[1:], name)
    by_initial: dict[tuple[str, str], set[str]] = {}  # ("C", "Liyanage") -> {"Chamod Liyanage"}
    for m in mentions:
        if m.kind == "person":
            parts = m.name.split()
            if len(parts) > 1:
                for k in range(1, len(parts) - 1):
                    by_tail.setdefault(" ".join(parts[k:]), m.name)
                by_first.setdefault(parts[0], set()).add(m.name)
                if not _is_initial(parts[0]):
                    for later in parts[1:]:  # any later word: "Z. Hossain" for "Zakir Hossain Emon"
                        by_initial.setdefault((parts[0][0], later), set()).add(m.name)
    # in order of first mention, so that of two names as long the first mentioned wins ("Tata" ->
    # "Tata Steel" or "Tata Group"), whatever the process's hash seed
    org_names = list(dict.fromkeys(m.name for m in mentions if m.kind == "organisation"))
    org_prefixes: dict[str, str] = {}
    for name in sorted(org_names, key=len):
        parts = name.split()
        for k in range(1, len(parts)):
            org_prefixes.setdefault(" ".join(parts[:k]), name)
    # names opened by a place or a people, by the rest: "Coast Guard" -> "Philippine Coast Guard"
    org_tails: dict[str, str] = {}
    place_like = lexicon().place_like
    for name in org_names:
        first, _, rest = name.partition(" ")
        if rest and first in place_like:
            org_tails[rest] = name if org_tails.get(rest, name) == name else ""
    known_people = {m.name for m in mentions if m.kind == "person"}
    # full names the text itself writes (a known surname alone folds into them first)
    known_people_full = {m.name for m in mentions if m.kind == "person" and " " in m.surface}
    teams = _teams_by_nickname(mentions)
    org_set = set(org_names)
    _fold_acronyms(mentions, org_set)
    for m in mentions:
        if m.surface in teams and not m.known and "given" not in m.cues and m.kind != "place":
            m.kind, m.name = "organisation", teams[m.surface]  # "Scorchers" after "Perth Scorchers"
            continue
        if (m.kind in (None, "person") and not m.known and "title" in m.cues and " " not in m.name
                and m.name not in by_surname and len(by_first.get(m.name, ())) == 1 and is_given_name(m.name, lexicon())):
            m.kind, m.name = "person", next(iter(by_first[m.name]))  # "Doña Rosa" after "Rosa Elvira Huenchumilla"
            continue
        if m.kind in (None, "person") and not m.known and "title" not in m.cues:
            if m.name in org_prefixes and m.name not in by_surname and "place" not in m.cues:
                m.kind, m.name = "organisation", org_prefixes[m.name]  # "Haedong" after "Haedong Heavy Industries"
                continue
            if m.name in by_tail:
                m.kind, m.name = "person", by_tail[m.name]
                continue
            firsts = by_first.get(m.name, ())
            if " " not in m.name and m.name not in by_surname and len(firsts) == 1:
                m.kind, m.name = "person", next(iter(firsts))  # "Zhou" after "Zhou Yaping"
                continue
        if m.kind == "place" and " " not in m.surface and m.surface in by_surname:
            m.kind, m.name = "person", by_surname[m.surface]  # "Hamilton" after "Lewis Hamilton"
            continue
        if m.kind == "organisation" and not m.known:
            longer = org_prefixes.get(m.name) or org_tails.get(m.name)
            if longer:
                m.name = longer  # "the Reserve Bank" after "the Reserve Bank of India"; "the Coast
                # Guard" after "the Philippine Coast Guard"
        elif m.kind == "organisation" and m.surface in _SHARED_BODY_NAMES and m.surface in org_prefixes:
            m.name = org_prefixes[m.surface]  # "the Supreme Court" after "the Supreme Court of Canada"
        if m.kind == "person" and len(m.surface.split()) == 1 and m.surface in by_surname and (
                not m.known or m.name not in known_people_full):
            m.name = by_surname[m.surface]  # "Stalin" after "M. K. Stalin": the text's, not the gazetteer's
        if m.kind == "person" and not m.known:
            initial, _, surname = m.name.partition(" ")
            same = by_initial.get((initial[0], surname), ()) if _is_initial(initial) and " " not in surname else ()
            if len(same) == 1:
                m.name = next(iter(same))  # "C. Liyanage" after "Chamod Liyanage" (a scorecard)
        if m.kind is not None:
            continue
        w = m.surface
        if w in by_surname:
            m.kind, m.name = "person", by_surname[w]
        elif w in known_people:
            m.kind = "person"
        elif "acronym" in m.cues:
            repeated = sum(1 for x in mentions if x.surface == w) >= 2
            if repeated and w not in org_set:
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


def extract(sentences: Sequence[str | list[Tok]], text: str, english: bool = True,
            dateline: str | None = None, region: str | None = None) -> Found:
    """People, places and organisations of an article, given its sentences (text or tokens of
    ``tokens.tokenize``) and dateline place."""
    lex = lexicon()
    toks = [tokenize(s, lex) if isinstance(s, str) else s for s in sentences]
    gaz = gazetteer()
    toks = [_wire_opening(ts, gaz) for ts in toks]
    ex = _Extractor(text, toks, gazetteer(), lex, heuristics=english)
    # (a dateline names where the story was filed, as "in" does: a place even in a sports report
    # whose side shares its name, "GALLE, Sri Lanka (Newswire) - ... as Sri Lanka bowled ...")
    if dateline:
        hit = ex.gaz.index.get(tuple(norm_token(t) for t in dateline.split()))
        if hit is not None and hit[0] == "place":
            ex._emit("place", hit[1], dateline, True, {"in"})
        else:
            ex._emit("place", dateline, dateline, False, {"in"})
    if region:  # "LAGOS, Nigeria (Newswire) —"
        ex._emit("place", ex.gaz.upper_places.get(region.upper(), region), region, True, {"in"})
    for ts in toks:
        ex.sentence(ts)
    if ex.heuristics:
        if ex.sports:
            nations = _nation_teams(text, ex.gaz.countries | _SPORTING_NATIONS, ex.text_words)
            _clubs(ex.mentions, _club_evidence(text, ex.text_words), nations, ex.gaz)
        _organisations_by_evidence(ex.mentions, ex.org_evidence, _coordinated(text), ex.gaz)
        _people_by_evidence(ex.mentions, _person_evidence(text, ex.list_cues), ex.gaz)
        _places_by_evidence(ex.mentions, _place_evidence(text, ex.text_words), ex.gaz)
        consistent_kinds(ex.mentions)
    found = _resolve(ex.mentions, ex.gaz)
    found.organisations = _merge_defined_acronyms(found.organisations, text)
    _add_common_noun_forms(found.organisations, text)
    if english and "X" in text and (posts := len(_ON_X.findall(text))) and not any(o.name == "X" for o in found.organisations):
        found.organisations.append(Entity(name="X", mentions=posts))  # the platform: a letter alone names it
    return found


def _wire_opening(toks: list[Tok], gaz: Gazetteer) -> list[Tok]:
    """Wire ledes set their first words in capitals ("THE PRICE of arabica", "THE BOSSES of Tata
    Steel"): after an opening "THE", capitalised words that name nothing known are ordinary words."""
    if len(toks) < 2 or toks[0].text != "The" or not toks[1].text.isupper():
        return toks
    k = 1
    while k < len(toks) and toks[k].cap and toks[k].text.isupper() and len(toks[k].text) > 3 \
            and toks[k].text.isalpha() and (toks[k].key,) not in gaz.index:
        k += 1
    if k == 1:
        return toks
    low = [Tok(t.text.lower(), norm_token(t.text.lower()), False, t.poss) for t in toks[1:k]]
    return [toks[0], *low, *toks[k:]]


_CAPITALS_BEFORE = re.compile(r"[A-Z][\w'’\-]*(?: [A-Z][\w'’\-]*){0,4}$")
# the platform X, which a letter alone names, where a post or a platform's noun comes before it
_ON_X = re.compile(r"\b(?:(?:wrote|said|posted|post|posts|message|statement|video|account|comment|comments|"
                   r"announced|published) on|(?:social media |social |messaging )?(?:platform|network|site)) X\b(?![-\w])")
# common nouns a text writes after a body's name as part of how it names it ("the Azm alliance")
_BODY_NOUNS = ("alliance", "movement", "party", "coalition", "bloc", "front", "militia", "group", "union")


def _add_common_noun_forms(orgs: list[Entity], text: str) -> None:
    """Give a body the form the text writes with a lower-case noun after its name ("Azm" named
    as "the Azm alliance") as an alias, for filters and editors that look for it."""
    written: dict[str, list[str]] = {}  # the capitalised words before each such noun -> its forms
    for noun in _BODY_NOUNS:
        for k in occurrences(text, " " + noun):
            if text[k + len(noun) + 1:k + len(noun) + 2].isalpha():
                continue  # "parties", "groups"
            if m := _CAPITALS_BEFORE.search(text, max(0, k - 80), k):
                for w in range(len(m.group().split())):  # "Azm", "Taqaddum", "the National Unity" -> each tail
                    name = " ".join(m.group().split()[w:])
                    written.setdefault(name, []).append(f"{name} {noun}")
    if not written:
        return
    for e in orgs:
        for form in {f for name in [e.name, *e.aliases] for f in written.get(name, ())}:
            if form not in e.aliases:
                e.aliases.append(form)


def _merge_defined_acronyms(orgs: list[Entity], text: str) -> list[Entity]:
    """An acronym the text defines right after a body's name is that body, even when the gazetteer
    knows the acronym under another name ("Taiwan Semiconductor Manufacturing Co (TSMC)")."""
    out = list(orgs)
    for short in orgs:
        if " " in short.name or len(short.name) > 7 or f" ({short.name})" not in text:
            continue  # (no "<name> (<short>)" anywhere when the text has no " (<short>)")
        long = next((e for e in out if e is not short and " " in e.name
                     and f"{e.name} ({short.name})" in text), None)
        if long is None:
            continue
        long.mentions += short.mentions
        long.aliases.extend(a for a in (short.name, *short.aliases) if a not in long.aliases and a != long.name)
        out.remove(short)
    return sorted(out, key=lambda e: -e.mentions)


@functools.cache
def demonyms_lower() -> frozenset[str]:
    return frozenset(d.lower() for d in gazetteer().demonyms)


def warm() -> None:
    gazetteer()
    lexicon()
