"""Subscribers' topic and entity filters route articles by what enrichment finds."""

from __future__ import annotations

import time

import httpx
import pytest

from tests.integration.helpers import add_subscriber, post_article, verified, wait_processed
from tests.support.paths import seed_article_bytes
from tests.support.receiver import Receiver

pytestmark = pytest.mark.integration

SPORT_STORY = """Manchester United beat Arsenal 3-1 at Old Trafford on Sunday, with the striker scoring twice in
the second half as the home side climbed to fourth in the Premier League table.

The manager praised his players after the match, saying the team had shown character after a difficult run
of results. The goalkeeper made several saves in the first half before the home side took control.

The league season resumes next weekend with another crucial fixture in the race for the Champions League places."""


def test_topic_and_entity_filters_route_each_story_to_its_readers(
    admin: httpx.Client, newsroom: httpx.Client, receiver: Receiver
) -> None:
    politics = add_subscriber(admin, receiver, "/politics", filters={"topics": ["medtop:11000000"]})
    sport = add_subscriber(admin, receiver, "/sport", filters={"topics": ["medtop:15000000"]})
    klitschko = add_subscriber(admin, receiver, "/klitschko", filters={"people": ["Vitali Klitschko"]})
    kyiv = add_subscriber(admin, receiver, "/kyiv", filters={"places": ["Kyiv"]})  # the seed says "Kiev"
    arsenal = add_subscriber(admin, receiver, "/arsenal", filters={"organisations": ["arsenal"], "languages": ["en"]})

    war = post_article(newsroom, seed_article_bytes()).json()
    match = post_article(newsroom, {"body_text": SPORT_STORY}).json()
    wait_processed(admin, war["id"])
    wait_processed(admin, match["id"])
    time.sleep(0.3)

    def guids(path: str, secret: str) -> set[str]:
        return {verified(r, secret)["data"]["uri"] for r in receiver.on(path)}

    assert guids("/politics", politics["secret"]) == {war["guid"]}
    assert guids("/sport", sport["secret"]) == {match["guid"]}
    assert guids("/klitschko", klitschko["secret"]) == {war["guid"]}
    assert guids("/kyiv", kyiv["secret"]) == {war["guid"]}
    assert guids("/arsenal", arsenal["secret"]) == {match["guid"]}

    enrichment = admin.get(f"/v1/articles/{match['id']}").json()["enrichment"]
    assert {"code": "medtop:15000000", "name": "sport"} in [{"code": s["code"], "name": s["name"]} for s in enrichment["subjects"]]
