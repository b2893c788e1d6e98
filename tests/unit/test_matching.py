from hypothesis import given, settings
from hypothesis import strategies as st

from newswire.matching import SubscriberIndex, article_facets
from newswire.models import Article
from newswire.subscribers import Subscriber
from tests.unit.builders import article, subscriber

TREE = {"medtop:20000621": ["medtop:11000000"], "medtop:11000000": []}


def broader(code: str) -> list[str]:
    return TREE.get(code, [])


def matches(subscribers: list[Subscriber], item: Article) -> set[str]:
    return set(SubscriberIndex(subscribers).match(article_facets(item, broader)))


def test_no_filters_means_everything() -> None:
    assert matches([subscriber("all")], article()) == {"all"}


def test_a_list_matches_when_any_entry_does_and_all_keys_must_match() -> None:
    subs = [
        subscriber("ukraine", places=["Kyiv", "Ukraine"]),
        subscriber("ukraine-trump", places=["Ukraine"], people=["Donald Trump"]),
        subscriber("ukraine-french", places=["Ukraine"], languages=["fr"]),
    ]
    assert matches(subs, article(places=("Ukraine",), people=("Donald Trump",))) == {"ukraine", "ukraine-trump"}
    assert matches(subs, article(places=("Kyiv",))) == {"ukraine"}
    assert matches(subs, article(places=("Paris",), language="fr")) == set()


def test_names_match_case_insensitively_and_through_aliases() -> None:
    item = article(people=("Volodymyr Zelensky",))
    item.enrichment.people[0].aliases = ["Zelensky"]  # type: ignore[union-attr]
    subs = [subscriber("full", people=["volodymyr  ZELENSKY"]), subscriber("alias", people=["Zelensky"])]
    assert matches(subs, item) == {"full", "alias"}


def test_language_matches_on_the_primary_subtag() -> None:
    subs = [subscriber("en", languages=["en"]), subscriber("en-gb", languages=["en-GB"]), subscriber("de", languages=["de"])]
    assert matches(subs, article(language="en-US")) == {"en", "en-gb"}


def test_max_urgency_admits_articles_at_least_that_urgent() -> None:
    subs = [subscriber("flash", max_urgency=1), subscriber("top3", max_urgency=3), subscriber("any", max_urgency=9)]
    assert matches(subs, article(urgency=1)) == {"flash", "top3", "any"}
    assert matches(subs, article(urgency=3)) == {"top3", "any"}
    assert matches(subs, article(urgency=None)) == {"any"}  # no urgency counts as 5


def test_a_broad_topic_matches_its_narrower_ones() -> None:
    subs = [subscriber("politics", topics=["medtop:11000000"]), subscriber("elections", topics=["medtop:20000621"])]
    assert matches(subs, article(topics=("medtop:20000621",))) == {"politics", "elections"}
    assert matches(subs, article(topics=("medtop:11000000",))) == {"politics"}
    assert matches(subs, article(subjects=("medtop:20000621",))) == {"politics", "elections"}  # newsroom-given codes


def test_keywords_and_organisations() -> None:
    subs = [subscriber("kw", keywords=["Peace Deal"]), subscriber("org", organisations=["NATO"])]
    assert matches(subs, article(keywords=("peace deal",), organisations=("Nato",))) == {"kw", "org"}


NAMES = st.sampled_from(["a", "b", "c", "d"])
FILTERS = st.fixed_dictionaries(
    {},
    optional={
        "people": st.lists(NAMES, max_size=3),
        "places": st.lists(NAMES, max_size=3),
        "keywords": st.lists(NAMES, max_size=3),
        "languages": st.lists(st.sampled_from(["en", "fr"]), max_size=2),
        "max_urgency": st.integers(1, 9),
    },
)


def naive_match(sub: Subscriber, item: Article) -> bool:
    """The definition, checked filter by filter."""
    f, e = sub.filters, item.enrichment
    assert e is not None
    checks = [
        not f.people or bool(set(f.people) & {p.name for p in e.people}),
        not f.places or bool(set(f.places) & {p.name for p in e.places}),
        not f.keywords or bool(set(f.keywords) & set(e.keywords)),
        not f.languages or e.language in f.languages,
        f.max_urgency is None or (item.urgency or 5) <= f.max_urgency,
    ]
    return all(checks)


@settings(max_examples=200, deadline=None)
@given(
    filters=st.lists(FILTERS, max_size=12),
    people=st.lists(NAMES, max_size=3),
    places=st.lists(NAMES, max_size=3),
    keywords=st.lists(NAMES, max_size=3),
    language=st.sampled_from(["en", "fr"]),
    urgency=st.one_of(st.none(), st.integers(1, 9)),
)
def test_index_agrees_with_the_definition(filters, people, places, keywords, language, urgency) -> None:  # type: ignore[no-untyped-def]
    subs = [subscriber(f"s{i}", **f) for i, f in enumerate(filters)]
    item = article(people=tuple(people), places=tuple(places), keywords=tuple(keywords), language=language, urgency=urgency)
    assert matches(subs, item) == {s.id for s in subs if naive_match(s, item)}
