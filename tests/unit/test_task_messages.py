"""The process_article message the intake pushes itself must be the one Celery would send."""

import base64
import json

import pytest

from newswire import queue
from newswire.config import Settings


@pytest.fixture(scope="module")
def messages() -> queue.ArticleTaskMessages:
    return queue.ArticleTaskMessages(queue.make_celery(Settings(redis_url="redis://127.0.0.1:1/0")))


def test_a_message_carries_the_article_id_as_its_task_id(messages: queue.ArticleTaskMessages) -> None:
    first, second = json.loads(messages.for_article("a1b2")), json.loads(messages.for_article("c3d4"))
    headers, properties = first["headers"], first["properties"]
    assert headers["task"] == queue.PROCESS_ARTICLE and headers["argsrepr"] == "['a1b2']"
    assert headers["id"] == headers["root_id"] == properties["correlation_id"] == properties["delivery_tag"] == "a1b2"
    assert second["headers"]["id"] == "c3d4"
    assert properties["delivery_info"] == {"exchange": queue.ARTICLES_QUEUE, "routing_key": queue.ARTICLES_QUEUE}
    args, kwargs, embed = json.loads(base64.b64decode(first["body"]))
    assert (args, kwargs) == (["a1b2"], {}) and set(embed) == {"callbacks", "errbacks", "chain", "chord"}
    assert "{" not in headers["id"] and "{task-id}" not in json.dumps(first)


def test_an_id_that_would_need_escaping_is_refused(messages: queue.ArticleTaskMessages) -> None:
    with pytest.raises(ValueError, match="not an article id"):
        messages.for_article('a"b')
