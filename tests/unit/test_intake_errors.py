"""With Redis unreachable the intake answers a clear, retryable 503 in the JSON error shape."""

import asyncio

import httpx
import pytest

from newswire.config import Settings
from newswire_intake.main import create_app
from tests.support.processes import free_port


def test_unreachable_storage_is_a_clear_503() -> None:
    settings = Settings(redis_url=f"redis://127.0.0.1:{free_port()}/0", admin_token="admin", newsroom_token="desk")
    app = create_app(settings)

    async def run() -> None:
        # The app called in-process, its start-up and shut-down run as uvicorn runs them.
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://intake") as client:
                posted = await client.post(
                    "/v1/articles", content=b"Body.", headers={"authorization": "Bearer desk", "content-type": "text/plain"}
                )
                assert posted.status_code == 503
                assert posted.json()["error"]["code"] == "unavailable" and posted.headers["retry-after"] == "5"
                listed = await client.get("/v1/subscribers", headers={"authorization": "Bearer admin"})
                assert listed.status_code == 503
                assert (await client.get("/readyz")).status_code == 503
                assert (await client.get("/healthz")).status_code == 200

    asyncio.run(run())


def test_the_article_post_behind_a_root_path_and_other_methods_keep_their_answers() -> None:
    """POST /v1/articles is answered ahead of the app's routing (ServeArticlePosts): behind a
    proxy's root path too, with the app's own error handlers; other requests reach the routes."""
    settings = Settings(redis_url=f"redis://127.0.0.1:{free_port()}/0", admin_token="admin", newsroom_token="desk")
    app = create_app(settings)
    desk = {"authorization": "Bearer desk", "content-type": "text/plain"}

    async def run() -> None:
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app, root_path="/wire")
            async with httpx.AsyncClient(transport=transport, base_url="http://intake") as client:
                posted = await client.post("/wire/v1/articles", content=b"Body.", headers=desk)
                assert posted.status_code == 503 and posted.json()["error"]["code"] == "unavailable"
                anonymous = await client.post("/wire/v1/articles", content=b"Body.")
                assert anonymous.status_code == 401 and anonymous.headers["www-authenticate"] == "Bearer"
                assert anonymous.json()["error"]["code"] == "unauthorized"
                listed = await client.get("/wire/v1/articles", headers=desk)
                assert listed.status_code == 405 and listed.json()["error"]["code"] == "method_not_allowed"

    asyncio.run(run())


def test_the_article_post_is_served_by_the_middleware_not_the_router(monkeypatch: pytest.MonkeyPatch) -> None:
    """ServeArticlePosts looks the endpoint up in its module at each call, the router holds the
    function it was given: a stand-in put in the module answers only if the middleware served."""
    from fastapi import Request, Response

    from newswire_intake.routes import articles

    async def stand_in(_: Request) -> Response:
        return Response(b"middleware", status_code=202)

    monkeypatch.setattr(articles, "post_article", stand_in)
    settings = Settings(redis_url=f"redis://127.0.0.1:{free_port()}/0", admin_token="admin", newsroom_token="desk")
    app = create_app(settings)

    async def run() -> None:
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app, root_path="/wire")
            async with httpx.AsyncClient(transport=transport, base_url="http://intake") as client:
                for path in ("/v1/articles", "/wire/v1/articles"):
                    served = await client.post(path, content=b"Body.")
                    assert served.status_code == 202 and served.content == b"middleware"
                trailing = await client.post("/v1/articles/", content=b"Body.")  # not this path: the routes answer
                assert trailing.content != b"middleware"

    asyncio.run(run())
