"""With NEWSWIRE_BROKER_URL apart from the store, tasks go through Celery's own publishing
instead of being queued in the accept script: articles still arrive."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.helpers import add_subscriber, post_article, verified
from tests.support.receiver import Receiver
from tests.support.stack import NEWSROOM_TOKEN, launcher, running_stack, stack_env

pytestmark = pytest.mark.integration


def test_articles_flow_through_a_separate_broker(redis_url: str, tmp_path: Path, receiver: Receiver) -> None:
    broker = redis_url.rsplit("/", 1)[0] + "/3"  # another database: a broker apart from the store
    env = stack_env(redis_url.rsplit("/", 1)[0] + "/2", tmp_path, NEWSWIRE_BROKER_URL=broker)
    with running_stack(launcher(), env, tmp_path) as stack, stack.client() as admin, stack.client(NEWSROOM_TOKEN) as newsroom:
        subscriber = add_subscriber(admin, receiver, "/broker")
        accepted = post_article(newsroom, {"body_text": "Through the other broker."})
        assert accepted.status_code == 202
        [request] = receiver.wait("/broker")
        assert verified(request, subscriber["secret"])["data"]["uri"] == accepted.json()["guid"]
        admin.delete(f"/v1/subscribers/{subscriber['id']}")
