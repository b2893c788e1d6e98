"""The pipeline end to end through real processes: post an article, subscribers' webhooks
receive it signed, exactly as their filters say."""

from __future__ import annotations

import json
import time
import uuid

import httpx
import jsonschema
import pytest

from tests.integration.helpers import add_subscriber, post_article, verified, wait_processed
from tests.support.paths import seed_article_bytes, standard
from tests.support.processes import wait_for
from tests.support.receiver import Receiver

pytestmark = pytest.mark.integration


def ninjs2_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(standard("ninjs-schema_2.2.json").read_text())
    return jsonschema.Draft202012Validator(schema)


def body(ninjs: dict, content_type: str) -> str:
    return next(b["value"] for b in ninjs["bodies"] if b["contenttype"] == content_type)


def headline(ninjs: dict) -> str:
    return next(h["value"] for h in ninjs["headlines"] if h["role"] == "main")


def test_seed_article_reaches_every_matching_subscriber_signed(
    admin: httpx.Client, newsroom: httpx.Client, receiver: Receiver
) -> None:
    everything = add_subscriber(admin, receiver, "/all")
    english = add_subscriber(admin, receiver, "/english", filters={"languages": ["en"]})
    french = add_subscriber(admin, receiver, "/french", filters={"languages": ["fr"]})
    urgent_only = add_subscriber(admin, receiver, "/urgent", filters={"max_urgency": 2})

    response = post_article(newsroom, seed_article_bytes())
    assert response.status_code == 202, response.text
    accepted = response.json()
    assert accepted["status"] == "queued" and accepted["version"] == 1

    validator = ninjs2_validator()
    for subscriber, path in ((everything, "/all"), (english, "/english")):
        [request] = receiver.wait(path)
        payload = verified(request, subscriber["secret"])
        assert payload["type"] == "article.published"
        assert request.headers["newswire-event-type"] == "article.published"
        ninjs = payload["data"]
        validator.validate(ninjs)
        assert ninjs["uri"] == accepted["guid"]
        assert "Vitali Klitschko" in body(ninjs, "text/plain")
        assert headline(ninjs)  # the seed has none: enrichment wrote one

    article = wait_processed(admin, accepted["id"])
    assert article["deliveries"] == {"total": 2, "pending": 0, "delivered": 2, "failed": 0}
    assert article["enrichment"]["language"] == "en"
    assert abs(article["enrichment"]["wordcount"] - len(seed_article_bytes().split())) <= 5
    assert receiver.on("/french") == [] and receiver.on("/urgent") == []
    assert french["id"] and urgent_only["id"]

    deliveries = admin.get(f"/v1/articles/{accepted['id']}/deliveries").json()["deliveries"]
    by_target = {d["target"]: d for d in deliveries}
    delivered = by_target[receiver.url("/all")]
    assert delivered["status"] == "delivered"
    assert delivered["attempts"][0]["status_code"] == 200
    assert receiver.on("/all")[0].headers["webhook-id"] == delivered["id"]
    history = admin.get(f"/v1/subscribers/{everything['id']}/deliveries").json()["deliveries"]
    assert [d["id"] for d in history] == [delivered["id"]]


def test_json_and_ninjs_articles_are_accepted(admin: httpx.Client, newsroom: httpx.Client, receiver: Receiver) -> None:
    subscriber = add_subscriber(admin, receiver, "/mixed")
    own = post_article(
        newsroom,
        {"headline": "Harbour reopens", "body_text": "The harbour reopened on Monday.\n\nShips queued.", "urgency": 3},
    )
    ninjs = post_article(newsroom, {"uri": f"urn:test:{uuid.uuid4()}", "version": "2", "headline": "Bridge closed",
                                    "body_html": "<p>The bridge closed <script>alert(1)</script>for repairs.</p>"})  # fmt: skip
    assert own.status_code == 202 and ninjs.status_code == 202, (own.text, ninjs.text)
    assert ninjs.json()["version"] == 2
    requests = receiver.wait("/mixed", 2)
    headlines = {headline(verified(r, subscriber["secret"])["data"]) for r in requests}
    assert headlines == {"Harbour reopens", "Bridge closed"}
    bridge = next(verified(r, subscriber["secret"])["data"] for r in requests if b"Bridge" in r.body)
    html = body(bridge, "text/html")
    assert "script" not in html and "alert" not in html and "for repairs" in html


def test_repeated_post_distributes_nothing_twice(
    admin: httpx.Client, newsroom: httpx.Client, receiver: Receiver
) -> None:
    add_subscriber(admin, receiver, "/once")
    article = {"guid": f"urn:test:{uuid.uuid4()}", "version": 1, "body_text": "Only once, please."}
    first = post_article(newsroom, article)
    again = post_article(newsroom, article)
    assert first.status_code == again.status_code == 202
    assert again.json()["id"] == first.json()["id"]
    assert again.headers["idempotent-replayed"] == "true"

    keyed = {"body_text": "Keyed submission."}
    key = str(uuid.uuid4())
    one = post_article(newsroom, keyed, **{"Idempotency-Key": key})
    two = post_article(newsroom, keyed, **{"Idempotency-Key": key})
    assert one.json()["id"] == two.json()["id"]

    wait_processed(admin, first.json()["id"])
    wait_processed(admin, one.json()["id"])
    receiver.wait("/once", 2)
    time.sleep(1.0)  # room for a duplicate to show up, were one sent
    bodies = [r.body for r in receiver.on("/once")]
    assert len(bodies) == 2
    assert sum(b"Only once" in b for b in bodies) == 1 and sum(b"Keyed" in b for b in bodies) == 1


def test_a_new_version_goes_out_as_an_update(admin: httpx.Client, newsroom: httpx.Client, receiver: Receiver) -> None:
    subscriber = add_subscriber(admin, receiver, "/versions")
    guid = f"urn:test:{uuid.uuid4()}"
    post_article(newsroom, {"guid": guid, "version": 1, "body_text": "First take."})
    receiver.wait("/versions", 1)
    post_article(newsroom, {"guid": guid, "version": 2, "body_text": "Second take, corrected."})
    first, second = receiver.wait("/versions", 2)
    assert verified(first, subscriber["secret"])["type"] == "article.published"
    assert verified(second, subscriber["secret"])["type"] == "article.updated"


def test_an_older_version_after_a_newer_one_is_refused(newsroom: httpx.Client, redis_client) -> None:
    guid = f"urn:test:{uuid.uuid4()}"
    assert post_article(newsroom, {"guid": guid, "version": 3, "body_text": "Third take."}).status_code == 202
    accepted = redis_client.hget("nw:metrics", "articles_accepted")
    records = stored_article_records(redis_client)
    older = post_article(newsroom, {"guid": guid, "version": 2, "body_text": "Second take, arriving late."})
    assert older.status_code == 409 and older.json()["error"]["code"] == "stale_version"
    assert "version 3" in older.json()["error"]["message"]
    assert redis_client.hkeys(f"nw:guid:{guid}") == [b"3"]  # nothing stored
    assert redis_client.hget("nw:metrics", "articles_accepted") == accepted
    assert post_article(newsroom, {"guid": guid, "version": 3, "body_text": "Third take."}).status_code == 202  # replay
    assert stored_article_records(redis_client) == records  # neither the refusal nor the replay kept a record


def stored_article_records(redis_client) -> set[bytes]:
    return {k for k in redis_client.scan_iter("nw:article:*", count=1000) if k.count(b":") == 2}


@pytest.mark.parametrize(
    ("content_type", "body", "status", "code"),
    [
        ("application/json", b"{not json", 400, "malformed_json"),
        ("application/json", b'{"headline": "No body"}', 422, "invalid_article"),
        ("application/json", b'{"body_text": "x", "urgency": 12}', 422, "invalid_article"),
        ("application/json", b'{"body_text": "x", "headlin": "typo"}', 422, "invalid_article"),
        ("application/json", b"[1, 2]", 422, "invalid_article"),
        ("text/plain", b"   \n\n  ", 422, "invalid_article"),
        ("text/plain", b"date 2025-13-45\nBody", 422, "invalid_article"),
        ("text/plain", "caf\u00e9".encode("latin-1"), 400, "bad_encoding"),
        ("application/xml", b"<article/>", 415, "unsupported_media_type"),
        ("text/plain", b"x" * 200_001, 413, "too_large"),
    ],
)
def test_bad_articles_get_a_clear_error_and_store_nothing(
    newsroom: httpx.Client, redis_client, content_type: str, body: bytes, status: int, code: str
) -> None:
    before = redis_client.dbsize()
    response = newsroom.post("/v1/articles", content=body, headers={"content-type": content_type})
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code
    assert response.json()["error"]["message"]
    assert redis_client.dbsize() == before


def test_an_overlong_idempotency_key_is_refused_and_stores_nothing(newsroom: httpx.Client, redis_client) -> None:
    before = redis_client.dbsize()
    response = newsroom.post(
        "/v1/articles", content=b"Body.", headers={"content-type": "text/plain", "Idempotency-Key": "k" * 256}
    )
    assert response.status_code == 422
    assert response.json()["error"] == {"code": "invalid_request", "message": "Idempotency-Key: at most 255 characters"}
    assert redis_client.dbsize() == before


def test_tokens_and_roles(stack, newsroom: httpx.Client) -> None:
    with stack.client(token=None) as anonymous, stack.client(token="wrong") as wrong:
        assert anonymous.post("/v1/articles", content=b"x").status_code == 401
        assert wrong.post("/v1/articles", content=b"x").status_code == 401
        assert wrong.get("/v1/subscribers").json()["error"]["code"] == "unauthorized"
    assert newsroom.get("/v1/subscribers").status_code == 403
    assert newsroom.post("/v1/subscribers", json={"name": "x"}).status_code == 403


def test_failed_attempts_are_retried_with_the_same_webhook_id(
    admin: httpx.Client, newsroom: httpx.Client, receiver: Receiver
) -> None:
    subscriber = add_subscriber(admin, receiver, "/flaky")
    receiver.respond("/flaky", 500, 503)
    accepted = post_article(newsroom, {"body_text": "Third time lucky."}).json()
    requests = receiver.wait("/flaky", 3)
    assert len({r.headers["webhook-id"] for r in requests}) == 1
    for request in requests:
        verified(request, subscriber["secret"])
    article = wait_processed(admin, accepted["id"])
    assert article["deliveries"]["delivered"] == 1
    [delivery] = admin.get(f"/v1/articles/{accepted['id']}/deliveries").json()["deliveries"]
    assert [a["status_code"] for a in delivery["attempts"]] == [500, 503, 200]


def test_exhausted_retries_fail_and_can_be_replayed(
    admin: httpx.Client, newsroom: httpx.Client, receiver: Receiver
) -> None:
    subscriber = add_subscriber(admin, receiver, "/down")
    receiver.respond("/down", 500, 500, 500)  # the test schedule allows three attempts
    accepted = post_article(newsroom, {"body_text": "Nobody is listening."}).json()
    article = wait_processed(admin, accepted["id"])
    assert article["deliveries"]["failed"] == 1
    assert len(receiver.on("/down")) == 3

    replay = admin.post(f"/v1/subscribers/{subscriber['id']}/replay")
    assert replay.json() == {"replayed": 1}
    receiver.wait("/down", 4)
    assert wait_processed(admin, accepted["id"])["deliveries"]["delivered"] == 1


def test_410_gone_disables_the_webhook(admin: httpx.Client, newsroom: httpx.Client, receiver: Receiver) -> None:
    subscriber = add_subscriber(admin, receiver, "/gone")
    receiver.respond("/gone", 410)
    accepted = post_article(newsroom, {"body_text": "Gone away."}).json()
    wait_processed(admin, accepted["id"])
    assert admin.get(f"/v1/subscribers/{subscriber['id']}").json()["webhook_disabled"]
    second = post_article(newsroom, {"body_text": "Still gone."}).json()
    assert wait_processed(admin, second["id"])["deliveries"]["total"] == 0
    assert len(receiver.on("/gone")) == 1
    moved = admin.patch(f"/v1/subscribers/{subscriber['id']}", json={"webhook": {"url": receiver.url("/moved")}})
    assert moved.json()["webhook_disabled"] is None  # a corrected URL gets a fresh start
    post_article(newsroom, {"body_text": "Found again."})
    receiver.wait("/moved")


def test_rotated_secret_signs_with_old_and_new(admin: httpx.Client, newsroom: httpx.Client, receiver: Receiver) -> None:
    subscriber = add_subscriber(admin, receiver, "/rotate")
    rotated = admin.post(f"/v1/subscribers/{subscriber['id']}/rotate-secret").json()
    assert rotated["secret"] != subscriber["secret"] and rotated["secret"].startswith("whsec_")
    assert "secret" not in admin.get(f"/v1/subscribers/{subscriber['id']}").json()
    post_article(newsroom, {"body_text": "Signed twice."})
    [request] = receiver.wait("/rotate")
    assert len(request.headers["webhook-signature"].split(" ")) == 2
    verified(request, subscriber["secret"])
    verified(request, rotated["secret"])


def test_embargoed_article_waits_for_its_time(admin: httpx.Client, newsroom: httpx.Client, receiver: Receiver) -> None:
    add_subscriber(admin, receiver, "/embargo")
    release = time.time() + 2
    embargo = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(release)) + f".{int(release % 1 * 1e6):06d}Z"
    accepted = post_article(newsroom, {"body_text": "Not before time.", "embargoed": embargo}).json()
    assert accepted["status"] == "embargoed"
    [request] = receiver.wait("/embargo", timeout=10)
    assert time.time() >= release
    assert b"Not before time." in request.body


def test_subscriber_crud_and_validation(admin: httpx.Client, receiver: Receiver, redis_client) -> None:
    created = add_subscriber(admin, receiver, "/crud", filters={"topics": ["medtop:11000000"]})
    sid = created["id"]
    stored = redis_client.get(f"nw:subscriber:{sid}")
    assert stored and created["secret"].encode() not in stored  # encrypted at rest
    assert created["secret"][6:].encode() not in stored
    patched = admin.patch(f"/v1/subscribers/{sid}", json={"name": "renamed", "filters": {"people": ["Ada Lovelace"]}})
    assert patched.status_code == 200, patched.text
    assert patched.json()["name"] == "renamed" and patched.json()["filters"]["people"] == ["Ada Lovelace"]
    assert patched.json()["webhook"]["url"] == receiver.url("/crud")
    listed = admin.get("/v1/subscribers").json()
    assert [s["id"] for s in listed["subscribers"]] == [sid] and listed["total"] == 1
    second = add_subscriber(admin, receiver, "/crud-2")
    page = admin.get("/v1/subscribers", params={"limit": 1, "offset": 1}).json()
    assert page["total"] == 2 and len(page["subscribers"]) == 1
    assert page["subscribers"][0]["id"] == sorted([sid, second["id"]])[1]
    admin.delete(f"/v1/subscribers/{second['id']}")

    bad = [
        {"name": "x"},
        {"name": "x", "webhook": {"url": "ftp://example.org/"}},
        {"name": "x", "webhook": {"url": receiver.url("/"), "format": "pdf"}},
        {"name": "x", "webhook": {"url": receiver.url("/")}, "filters": {"topics": ["politics"]}},
        {"name": "x", "webhook": {"url": receiver.url("/")}, "filters": {"max_urgency": 0}},
        {"name": "x", "email": {"to": ["not-an-address"]}},
    ]
    for body in bad:
        response = admin.post("/v1/subscribers", json=body)
        assert response.status_code == 422, (body, response.text)
        assert response.json()["error"]["message"]
    assert admin.delete(f"/v1/subscribers/{sid}").status_code == 204
    assert admin.get(f"/v1/subscribers/{sid}").status_code == 404
    assert admin.get("/v1/subscribers").json()["subscribers"] == []


def test_health_readiness_docs_and_metrics(stack) -> None:
    with stack.client(token=None) as client:
        assert client.get("/healthz").json() == {"status": "ok"}
        assert client.get("/readyz").status_code == 200
        assert client.get("/openapi.json").json()["paths"]["/v1/articles"]["post"]
        assert client.get("/docs").status_code == 200
        metrics = client.get("/metrics").text
    assert 'newswire_backlog{queue="newswire.webhooks"}' in metrics
    assert 'newswire_events_total{event="articles_accepted"}' in metrics


def test_an_accepted_article_whose_task_was_lost_is_still_delivered(
    admin: httpx.Client, receiver: Receiver, redis_url: str
) -> None:
    """As if the intake died between storing and queueing: the scheduler's reconciler finds
    the article past its deadline in the due set and queues it."""
    from datetime import datetime, timezone

    from newswire.models import ArticleIn
    from newswire.store import Store
    from newswire.submissions import new_article

    add_subscriber(admin, receiver, "/lost")
    store = Store.from_url(redis_url, visibility_timeout=10)
    article = new_article(
        ArticleIn(body_text="The task was lost."), article_id=uuid.uuid4().hex, now=datetime.now(timezone.utc)
    )
    assert store.accept_article(article, idempotency_key=None, due_at=time.time() - 1) is None
    [request] = receiver.wait("/lost", timeout=10)
    assert b"The task was lost." in request.body


def test_killed_article_is_withdrawn_from_subscribers(
    admin: httpx.Client, newsroom: httpx.Client, receiver: Receiver
) -> None:
    subscriber = add_subscriber(admin, receiver, "/kill")
    accepted = post_article(newsroom, {"headline": "Wrong figures", "body_text": "The figures were wrong."}).json()
    receiver.wait("/kill", 1)
    killed = newsroom.post(f"/v1/articles/{accepted['id']}/kill")
    assert killed.status_code == 202 and killed.json()["status"] == "killed"
    published, withdrawn = receiver.wait("/kill", 2)
    assert verified(published, subscriber["secret"])["type"] == "article.published"
    payload = verified(withdrawn, subscriber["secret"])
    assert payload["type"] == "article.killed" and payload["data"]["pubstatus"] == "canceled"
    assert published.headers["webhook-id"] != withdrawn.headers["webhook-id"]
    assert admin.get(f"/v1/articles/{accepted['id']}").json()["status"] == "killed"


def test_delivery_history_pages(admin: httpx.Client, newsroom: httpx.Client, receiver: Receiver) -> None:
    subscriber = add_subscriber(admin, receiver, "/pages")
    for n in range(3):
        post_article(newsroom, {"body_text": f"Story {n}."})
    receiver.wait("/pages", 3)
    url = f"/v1/subscribers/{subscriber['id']}/deliveries"
    first = wait_for(lambda: (page := admin.get(url, params={"limit": 2}).json())["total"] == 3 and page, timeout=10)
    second = admin.get(url, params={"limit": 2, "offset": 2}).json()
    assert [len(first["deliveries"]), len(second["deliveries"])] == [2, 1]
    ids = [d["id"] for d in first["deliveries"] + second["deliveries"]]
    assert len(set(ids)) == 3


def test_operator_retries_one_failed_delivery(admin: httpx.Client, newsroom: httpx.Client, receiver: Receiver) -> None:
    add_subscriber(admin, receiver, "/retry-one")
    receiver.respond("/retry-one", 500, 500, 500)
    accepted = post_article(newsroom, {"body_text": "Retry me."}).json()
    assert wait_processed(admin, accepted["id"])["deliveries"]["failed"] == 1
    [failed] = admin.get(f"/v1/articles/{accepted['id']}/deliveries").json()["deliveries"]
    assert admin.get(f"/v1/deliveries/{failed['id']}").json()["status"] == "failed"

    retried = admin.post(f"/v1/deliveries/{failed['id']}/retry")
    assert retried.status_code == 202 and retried.json()["status"] == "pending"
    receiver.wait("/retry-one", 4)
    assert wait_processed(admin, accepted["id"])["deliveries"]["delivered"] == 1
    done = admin.get(f"/v1/deliveries/{failed['id']}").json()
    assert done["status"] == "delivered" and [a["status_code"] for a in done["attempts"]] == [500, 500, 500, 200]
    assert admin.post(f"/v1/deliveries/{failed['id']}/retry").status_code == 409  # delivered stays delivered
    assert admin.get("/v1/deliveries/wh_nothing").status_code == 404


def test_metrics_count_what_happened(stack, admin: httpx.Client, newsroom: httpx.Client, receiver: Receiver) -> None:
    def counters() -> dict[str, int]:
        text = httpx.get(stack.url + "/metrics").text
        return {
            line.split('"')[1]: int(line.rsplit(" ", 1)[1])
            for line in text.splitlines()
            if line.startswith("newswire_events_total{")
        }

    add_subscriber(admin, receiver, "/metrics")
    before = counters()
    accepted = post_article(newsroom, {"body_text": "Counted."}).json()
    wait_processed(admin, accepted["id"])
    after = counters()
    assert after["articles_accepted"] - before.get("articles_accepted", 0) == 1
    assert after["articles_processed"] - before.get("articles_processed", 0) == 1
    assert after["deliveries_delivered"] - before.get("deliveries_delivered", 0) == 1


def test_a_kill_withdraws_deliveries_still_waiting_for_a_retry(
    admin: httpx.Client, newsroom: httpx.Client, receiver: Receiver
) -> None:
    subscriber = add_subscriber(admin, receiver, "/late")
    receiver.respond("/late", 503, headers={"retry-after": "3"})  # the retry waits at least 3 s
    accepted = post_article(newsroom, {"body_text": "Pulled before the retry."}).json()
    receiver.wait("/late", 1)
    assert newsroom.post(f"/v1/articles/{accepted['id']}/kill").status_code == 202
    first, kill = receiver.wait("/late", 2)
    assert verified(kill, subscriber["secret"])["type"] == "article.killed"
    deliveries = {d["event"]: d for d in admin.get(f"/v1/articles/{accepted['id']}/deliveries").json()["deliveries"]}
    published = wait_for(
        lambda: (d := admin.get(f"/v1/deliveries/{deliveries['article.published']['id']}").json())["status"] == "failed" and d,
        timeout=10, what="the withdrawn delivery to fail",
    )  # fmt: skip
    assert published["last_error"] == "the article was killed before this could be delivered"
    assert len(receiver.on("/late")) == 2 and first.headers["webhook-id"] == published["id"]


def test_retention_trims_old_entries_from_subscriber_history(redis_url: str, redis_client) -> None:
    from newswire.store import Store

    store = Store.from_url(redis_url, visibility_timeout=10, retention_days=1)
    redis_client.sadd("nw:subscribers", "trim-test")
    history = "nw:subscriber:trim-test:deliveries"
    redis_client.zadd(history, {"old": time.time() - 3 * 86400, "new": time.time()})
    try:
        store.trim_history(time.time())
        assert redis_client.zrange(history, 0, -1) == [b"new"]
    finally:
        redis_client.srem("nw:subscribers", "trim-test")
        redis_client.delete(history)


def test_no_token_or_secret_reaches_the_logs(
    stack, admin: httpx.Client, newsroom: httpx.Client, receiver: Receiver
) -> None:
    subscriber = add_subscriber(admin, receiver, "/quiet")
    rotated = admin.post(f"/v1/subscribers/{subscriber['id']}/rotate-secret").json()
    receiver.respond("/quiet", 500)  # a failed attempt and its retry are logged too
    accepted = post_article(newsroom, {"body_text": "Nothing secret here."}).json()
    receiver.wait("/quiet", 2)
    wait_processed(admin, accepted["id"])
    with stack.client(token="not-a-token") as wrong:
        assert wrong.post("/v1/articles", content=b"x").status_code == 401
    log = (stack.data_dir / "stack.log").read_text(errors="replace")
    assert f"article {accepted['id']}:" in log  # the worker's own lines are in the log searched
    for secret in (
        stack.env["NEWSWIRE_ADMIN_TOKEN"],
        stack.env["NEWSWIRE_NEWSROOM_TOKEN"],
        stack.env["NEWSWIRE_SECRET_KEY"],
        subscriber["secret"],
        subscriber["secret"].removeprefix("whsec_"),
        rotated["secret"].removeprefix("whsec_"),
        "not-a-token",
    ):
        assert secret not in log
