"""The intake baseline: a bare FastAPI endpoint that only parses the same body, served by the
same uvicorn setup, so the intake's ratio to it is the cost of auth, storing and queueing.

    uvicorn newswire_bench.bare_app:create_app --factory
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from newswire.submissions import parse_submission


def create_app() -> FastAPI:
    app = FastAPI()

    @app.post("/v1/articles", status_code=202)
    async def post_article(request: Request) -> JSONResponse:
        body = await request.body()
        article = parse_submission(request.headers.get("content-type", "text/plain"), body)
        return JSONResponse({"status": "parsed", "headline": article.headline}, status_code=202)

    @app.get("/readyz")
    async def readyz() -> dict[str, str]:
        return {"status": "ready"}

    return app
