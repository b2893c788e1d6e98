"""Find the subscribers an article goes to, through an inverted index of their filters.

Each filter key a subscriber sets must be satisfied (a list is satisfied when any entry
matches). The index maps each key's values to the subscribers that list them, so matching
an article costs the size of what it hits, not the number of subscribers: count, per
subscriber, the keys the article satisfies, and keep those whose count equals their number
of keys. Subscribers without filters match everything.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from newswire.models import Article
from newswire.subscribers import Filters, Subscriber

DEFAULT_URGENCY = 5  # an article without urgency counts as IPTC's middle value
_LIST_KEYS = ("topics", "people", "places", "organisations", "keywords", "languages")


def _norm(value: str) -> str:
    return " ".join(value.casefold().split())


def _language(tag: str) -> str:
    return tag.split("-")[0].split("_")[0].casefold()


@dataclass(frozen=True)
class Facets:
    """What an article offers to filters, normalised the way filter values are."""

    values: dict[str, frozenset[str]] = field(default_factory=dict)
    urgency: int = DEFAULT_URGENCY


def article_facets(article: Article, broader: Callable[[str], Iterable[str]] = lambda code: ()) -> Facets:
    """The facets of a processed article; ``broader`` gives a topic code's ancestors, so a
    subscriber to a broad topic receives articles tagged with its narrower ones."""
    enrichment = article.enrichment
    topics = set(article.subjects)
    values: dict[str, set[str]] = {key: set() for key in _LIST_KEYS}
    language = article.language or (enrichment.language if enrichment else "")
    if language:
        values["languages"].add(_language(language))
    if enrichment:
        topics.update(topic.code for topic in enrichment.subjects)
        for key, entities in (("people", enrichment.people), ("places", enrichment.places), ("organisations", enrichment.organisations)):
            for entity in entities:
                values[key].add(_norm(entity.name))
                values[key].update(_norm(alias) for alias in entity.aliases)
        values["keywords"].update(_norm(k) for k in enrichment.keywords)
    for code in list(topics):
        topics.update(broader(code))
    values["topics"] = topics
    return Facets({k: frozenset(v) for k, v in values.items() if v}, article.urgency or DEFAULT_URGENCY)


def _filter_values(filters: Filters) -> dict[str, set[str]]:
    return {
        "topics": set(filters.topics),
        "people": {_norm(v) for v in filters.people},
        "places": {_norm(v) for v in filters.places},
        "organisations": {_norm(v) for v in filters.organisations},
        "keywords": {_norm(v) for v in filters.keywords},
        "languages": {_language(v) for v in filters.languages},
    }


class SubscriberIndex:
    def __init__(self, subscribers: Iterable[Subscriber]) -> None:
        self._unfiltered: list[str] = []
        self._required: dict[str, int] = {}
        self._index: dict[str, dict[str, list[str]]] = {key: defaultdict(list) for key in _LIST_KEYS}
        # _by_urgency[u]: subscribers whose max_urgency admits an article of urgency u
        self._by_urgency: list[list[str]] = [[] for _ in range(10)]
        for subscriber in subscribers:
            self._add(subscriber)

    def _add(self, subscriber: Subscriber) -> None:
        keys = 0
        for key, values in _filter_values(subscriber.filters).items():
            if values:
                keys += 1
                for value in values:
                    self._index[key][value].append(subscriber.id)
        if subscriber.filters.max_urgency is not None:
            keys += 1
            for urgency in range(1, subscriber.filters.max_urgency + 1):
                self._by_urgency[urgency].append(subscriber.id)
        if keys:
            self._required[subscriber.id] = keys
        else:
            self._unfiltered.append(subscriber.id)

    def __len__(self) -> int:
        return len(self._unfiltered) + len(self._required)

    def match(self, facets: Facets) -> list[str]:
        satisfied: Counter[str] = Counter()
        for key, values in facets.values.items():
            index = self._index[key]
            hits: set[str] = set()
            for value in values:
                if value in index:
                    hits.update(index[value])
            satisfied.update(hits)
        satisfied.update(self._by_urgency[min(max(facets.urgency, 1), 9)])
        required = self._required
        return self._unfiltered + [sid for sid, count in satisfied.items() if count == required[sid]]
