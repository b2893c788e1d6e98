"""The enrichment pipeline: one pass over the article's text, steps in a fixed order."""

from __future__ import annotations

from newswire.models import ArticleIn, Enrichment

from . import entities as E
from . import language as L
from . import metadata as M
from . import summary as S
from . import text as T
from . import tokens as K
from . import topics as P
from .resources import lexicon

_GENRES = {"news", "analysis", "opinion"}
_CAPS_NAMES = frozenset({"es", "pt", "fr", "it", "nl", "ca", "ro"})
_MAX_CHARS = 200_000  # ~35,000 words: entity and topic evidence beyond this adds nothing
# Head nouns of bodies' names: inside a name ("Seoul National University", "Christchurch Hospital")
# they say what the body is, not what the story is about, so they are no topic evidence there.
_NAME_HEADS = frozenset(["University", "College", "School", "Academy", "Institute", "Hospital", "Clinic",
                         "Museum", "Stadium", "Church", "Cathedral", "Mosque", "Temple", "Bank"])
_NAME_HEADS_LOWER = frozenset(w.lower() for w in _NAME_HEADS)  # as the words of K.words write them
_LEDE_MAX_WORDS = 80  # topic evidence in the headline and up to this much of the lede counts double


def warm() -> None:
    """Load every resource now (e.g. at worker start) instead of on the first article."""
    L.warm()
    E.warm()
    P.warm()
    S.stopwords()


def _located(article: ArticleIn, body: str) -> str | None:
    if article.located:
        return article.located
    return M.dateline(body)


def enrich(article: ArticleIn) -> Enrichment:
    """Everything the system knows about an article beyond what the newsroom supplied."""
    body = T.strip_dateline_date(T.clean(article.body_text or ""))
    located = _located(article, body)
    unclipped = M.strip_dateline(body)
    work = unclipped[:_MAX_CHARS]
    paras = T.all_sentences(work)
    flat = [s for p in paras for s in p]
    headline_in = T.clean(article.headline) if article.headline else ""
    lang = article.language or L.detect(f"{headline_in}\n{work}", default="und")
    primary = lang.lower().split("-")[0]
    english = primary in ("en", "und")
    # languages that capitalise proper nouns only, as English does (German capitalises every noun)
    caps_names = english or primary in _CAPS_NAMES

    # Tokenise once: entities, topics, keywords, summary and genre all read these tokens.
    lex = lexicon()
    sent_toks = [K.tokenize(s, lex) for s in flat]
    head_toks = K.tokenize(headline_in, lex) if headline_in else []
    sent_words = [K.words(ts) for ts in sent_toks]
    tokens = [w for ws in sent_words for w in ws]
    head_words = K.words(head_toks)
    # the body's words: the dateline's plus the tokens' (counted afresh only for clipped giants)
    wc = T.word_count(body) if len(unclipped) > _MAX_CHARS else (
        T.word_count(body[: len(body) - len(unclipped)]) + len(tokens))
    lede = sum(len(ws) for ws in sent_words[: len(paras[0])]) if paras else 0

    dateline = M.dateline(body)
    # subheadings in capitals name nothing the paragraphs under them do not, and read badly
    named_toks = [ts for ts, para in zip(sent_toks, (p for p in paras for _ in p), strict=True) if not T.is_crosshead(para)]
    found = E.extract(([head_toks] if headline_in else []) + named_toks, work, english=caps_names,
                      dateline=dateline, region=M.dateline_region(body))
    lead = len(head_words) + min(lede, _LEDE_MAX_WORDS)
    subjects = P.classify(head_words + _topic_words(sent_toks, sent_words), supplied=article.subjects, lead=lead,
                          lang="en" if english else primary)
    names = {p.lower() for e in (*found.people, *found.places, *found.organisations)
             for n in (e.name, *e.aliases) for p in n.split()}
    names.update(E.demonyms_lower())
    kws = S.keywords(tokens, exclude=names)
    headline = article.headline or S.headline_from(flat)
    slug_terms = [p.name for p in found.places if " " not in p.name][:1] + kws
    genre = article.genre if article.genre else M.genre(work, tokens)
    return Enrichment(
        language=lang,
        wordcount=wc,
        reading_time=T.reading_time(wc),
        headline=headline,
        slugline=article.slugline or S.slugline_from(slug_terms, headline),
        summary=S.summarize(paras, sentence_words=sent_words),
        keywords=kws,
        people=found.people,
        places=found.places,
        organisations=found.organisations,
        subjects=subjects,
        located=located,
        genre=genre if genre else None,
    )


def _topic_words(sent_toks: list[list[K.Tok]], sent_words: list[list[str]]) -> list[str]:
    """The body's words for topic evidence: all but name heads inside capitalised names.

    ``sent_words``: each sentence's words (``K.words``), which are its topic words when no name head is among them."""
    out: list[str] = []
    for ts, ws in zip(sent_toks, sent_words, strict=True):
        if _NAME_HEADS_LOWER.isdisjoint(ws):
            out += ws
            continue
        out += [t.low for k, t in enumerate(ts) if t.low and not (
            t.cap and t.text in _NAME_HEADS and ((k > 0 and ts[k - 1].cap) or (k + 1 < len(ts) and ts[k + 1].low == "of")))]
    return out
