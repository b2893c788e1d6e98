"""Hostile test articles, shared by tests that need articles to render, match or deliver.

``make_article`` builds an :class:`Article` the way intake stores one (bodies derived and
sanitized with ``newswire.bodies``). ``CORPUS`` names articles that stress every output:
markup characters, XML-forbidden characters, lone surrogates, emoji, right-to-left text, a
100,000-word body, script-laden HTML and empty optional fields. ``articles()`` is a Hypothesis
strategy producing articles from the same kind of text.

Fields with length limits are validated by pydantic, which refuses lone surrogates there; the
corpus injects such text with ``model_copy(update=...)`` so renderers still meet it everywhere.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

from newswire.bodies import html_to_text, sanitize_html, text_to_html
from newswire.models import (
    Article,
    ArticleStatus,
    Enrichment,
    Entity,
    EventType,
    Place,
    Topic,
)
from newswire.textclean import clean

RECEIVED = datetime(2025, 4, 25, 9, 30, tzinfo=timezone.utc)

XML_SPECIALS = "<tag> & &amp; ]]> \"double\" 'single' <![CDATA[x]]> <!-- c --> &#0; &lt;"
CONTROLS = "".join(chr(c) for c in range(0x20) if c not in (9, 10, 13)) + "\x7f\ufffe\uffff"
SURROGATES = "lone \ud800 high, \udfff low, reversed \udc00\ud83d pair"
EMOJI = "📰 👩‍👩‍👧‍👦 🇺🇦 🏳️‍🌈 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \u200d\u2060"
RTL = "\u202eمرحبا بالعالم\u202c שלום עולם \u200f(ltr) ١٢٣"
HOSTILE_HTML = """
<script>alert('x')</script><style>p{color:red}</style>
<p onclick="steal()" style="x:expression(1)">Paragraph with <b onmouseover="x()">bold</b>,
<i>italic</i> and a <a href="javascript:alert(1)">bad link</a> and a
<a href="https://example.org/?a=1&amp;b=2" target="_blank">good link</a>.</p>
<img src=x onerror="alert(1)"><iframe src="https://evil.example"></iframe>
<svg onload="alert(1)"><script>alert(2)</script></svg>
<div><p>Nested <span>span</span></p><ul><li>one</li><li>two<ul><li>deep</li></ul></li></ul></div>
<blockquote>Quoted <p>paragraph</p></blockquote><table><tr><td>cell 1</td><td>cell 2</td></tr></table>
<!-- comment --><![CDATA[ cdata ]]><form><input value="x"></form><pre>  keep
  spacing  </pre><h1>Title</h1><h6>Small</h6><p>Unclosed <b>bold <i>both</p>tail text
<object data="x"></object><embed src="x"><math><mi>x</mi></math><noscript>nojs</noscript>
"""
SCRIPT_MARKERS = ("alert(", "steal(", "onclick", "onerror", "onload", "onmouseover", "javascript:",
                  "<script", "<iframe", "<style", "evil.example", "expression(")


def enrichment(**fields: Any) -> Enrichment:
    values: dict[str, Any] = {
        "language": "en",
        "wordcount": 120,
        "reading_time": 30,
        "headline": "Enriched headline",
        "slugline": "enriched-slug",
        "summary": "A short summary.",
        "keywords": ["crimea", "peace talks"],
        "people": [Entity(name="Vitali Klitschko", aliases=["Klitschko"], mentions=3)],
        "places": [Place(name="Kiev", country_code="UA", geonames_id=703448)],
        "organisations": [Entity(name="European Union")],
        "subjects": [Topic(code="medtop:11000000", name="politics", relevance=0.9)],
        "located": "Kiev",
        "genre": "news",
    }
    values.update(fields)
    return Enrichment(**values)


def make_article(
    *,
    body_text: str | None = None,
    body_html: str | None = None,
    sanitize: bool = True,
    **fields: Any,
) -> Article:
    """An article as intake stores it. Give ``body_text`` or ``body_html`` (or both); the other
    is derived. ``sanitize=False`` keeps ``body_html`` raw, to test renderers' own defences."""
    if body_html is not None:
        # nh3 refuses lone surrogates and lxml control characters: intake's helpers get clean
        # markup, while sanitize=False keeps the raw text for the renderers to cope with.
        html = sanitize_html(clean(body_html)) if sanitize else body_html
        text = body_text if body_text is not None else html_to_text(sanitize_html(clean(body_html)))
    else:
        text = body_text if body_text is not None else "Body text."
        html = text_to_html(text)
    values: dict[str, Any] = {
        "id": "art_1",
        "guid": "urn:newswire:test:1",
        "received_at": RECEIVED,
        "body_text": text,
        "body_html": html,
    }
    values.update(fields)
    return Article(**values)


def _everywhere(article: Article, text: str) -> Article:
    """Put ``text`` into every text field, bypassing validation (see module docstring)."""
    enr = article.enrichment or enrichment()
    names = [Entity(name=f"{text} person")]
    hostile_enrichment = enr.model_copy(update={
        "headline": f"Enriched {text}", "slugline": f"slug {text}", "summary": f"Summary {text}",
        "keywords": [text, f"kw {text}"], "people": names, "organisations": [Entity(name=f"{text} org")],
        "places": [Place(name=f"{text} place", country_code="U\x00A")],
        "subjects": [Topic(code="medtop:04000000", name=f"economy {text}")],
        "located": f"{text} city", "genre": f"{text}", "language": f"en{text}",
    })
    return article.model_copy(update={
        "guid": f"guid {text}", "headline": f"Headline {text}", "byline": f"By {text}",
        "slugline": f"slug {text}", "located": f"{text}", "genre": text, "source": f"src {text}",
        "ednote": f"note {text}", "signal": text, "language": f"x{text}",
        "subjects": [f"medtop:{text}", "medtop:11000000", text],
        "body_text": f"Text {text}\n\nSecond {text}",
        "body_html": f"<p>Html {text}</p><p>{text}</p>",
        "enrichment": hostile_enrichment,
    })


def huge_article() -> Article:
    words = ["lorem", "ipsum", "dolor", "<&>", "naïve", "émoji📰", "]]>"]
    paragraphs = [" ".join(words[(p + i) % len(words)] for i in range(100)) for p in range(1000)]
    return make_article(body_text="\n\n".join(paragraphs), headline="A 100,000-word body",
                        enrichment=enrichment(wordcount=100_000))


def build_corpus() -> dict[str, Article]:
    full = make_article(
        guid="urn:newsml:example.org:20250425:crimea", version=2, headline="Klitschko splits leadership",
        byline="Staff Reporter", slugline="ukraine-crimea", language="en-GB", urgency=3,
        embargoed=RECEIVED + timedelta(hours=2), located="Kiev", genre="analysis",
        subjects=["medtop:11000000", "medtop:16000000"], source="Example Press",
        ednote="Contains strong language", signal="update", dateline_date=date(2025, 4, 25),
        body_html="<p>First <b>paragraph</b>.</p><p>Second with <a href='https://example.org'>link</a>.</p>",
        event=EventType.UPDATED, enrichment=enrichment(),
    )
    base = make_article(headline="Base", enrichment=enrichment())
    return {
        "minimal": make_article(body_text="Just a body."),
        "empty_optionals": make_article(body_text="", headline=None, byline=None, slugline=None,
                                        language=None, subjects=[], enrichment=None),
        "empty_enrichment": make_article(body_text="Body.", enrichment=enrichment(
            headline="", slugline="", summary="", keywords=[], people=[], places=[],
            organisations=[], subjects=[], located=None, genre=None, language="")),
        "full": full,
        "killed": full.model_copy(update={"status": ArticleStatus.KILLED, "event": EventType.KILLED}),
        "xml_specials": _everywhere(base, XML_SPECIALS),
        "control_chars": _everywhere(base, CONTROLS),
        "lone_surrogates": _everywhere(base, SURROGATES),
        "emoji": _everywhere(base, EMOJI),
        "rtl": _everywhere(base, RTL).model_copy(update={"language": "ar"}),
        "hostile_html_sanitized": make_article(body_html=HOSTILE_HTML, headline="Hostile HTML"),
        "hostile_html_raw": make_article(body_html=HOSTILE_HTML, sanitize=False, headline="Raw HTML"),
        "deep_html": make_article(body_html="<div>" * 3000 + "deep text" + "</div>" * 3000,
                                  body_text="deep text", sanitize=False),
        "naive_datetimes": make_article(received_at=datetime(2025, 1, 1, 12, 0),
                                        embargoed=datetime(2025, 1, 2), urgency=9),
        "odd_identifiers": make_article(guid="not a uri / ünïcode ?#", language="english please",
                                        subjects=["medtop:", ":x", "no-colon", "medtop:123"],
                                        enrichment=enrichment(places=[Place(name="Nowhere", country_code="zz1")])),
        "huge_body": huge_article(),
    }


CORPUS: dict[str, Article] = build_corpus()


def articles() -> Any:
    """A Hypothesis strategy of articles whose every text field may hold hostile text."""
    from hypothesis import strategies as st

    hostile = st.sampled_from(
        list(XML_SPECIALS + CONTROLS + SURROGATES + EMOJI + RTL)
        + ["]]>", "\ud800", "\udfff", "&amp;", "<b>", "\r\n", "\n\n", "👩‍👩‍👧"]
    )
    text = st.lists(st.one_of(st.characters(), hostile), max_size=30).map("".join)
    optional = st.none() | text
    html = st.lists(st.sampled_from(["<p>", "</p>", "<b>", "</b>", "<a href='https://x.org'>", "</a>",
                                     "<script>alert(1)</script>", "<ul><li>", "</li></ul>", "<br>",
                                     "<blockquote>", "</blockquote>", "<pre>", "</pre>", "<h2>"]) | text,
                    max_size=20).map("".join)
    names = st.lists(text.map(lambda n: Entity(name=n)), max_size=3)
    topics = st.lists(st.builds(Topic, code=st.sampled_from(["medtop:11000000", "medtop:x y", "bad"]) | text,
                                name=text), max_size=3)
    enrichments = st.none() | st.builds(
        enrichment, headline=text, slugline=text, summary=text, keywords=st.lists(text, max_size=3),
        people=names, organisations=names,
        places=st.lists(st.builds(Place, name=text, geonames_id=st.none() | st.integers(1, 10**8)), max_size=2),
        subjects=topics, located=optional, genre=optional, language=text,
    )

    @st.composite
    def build(draw: Any) -> Article:
        article = make_article(
            body_html=draw(html), sanitize=draw(st.booleans()),
            version=draw(st.integers(1, 50)), urgency=draw(st.none() | st.integers(1, 9)),
            dateline_date=draw(st.none() | st.dates()), enrichment=draw(enrichments),
            status=draw(st.sampled_from(list(ArticleStatus))),
        )
        # Unvalidated update: length-limited fields may then hold lone surrogates too.
        return article.model_copy(update={
            "guid": draw(text), "headline": draw(optional), "byline": draw(optional),
            "slugline": draw(optional), "located": draw(optional), "language": draw(optional),
            "ednote": draw(optional), "source": draw(optional), "genre": draw(optional),
            "subjects": draw(st.lists(text, max_size=3)), "body_text": draw(text),
        })

    return build()
