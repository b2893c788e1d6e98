"""Dependencies the routes declare: settings, store, queue, and the caller's role.

All are `async def`: FastAPI runs plain `def` dependencies in its thread pool, a hop per
dependency per request for what are attribute lookups."""

from __future__ import annotations

import enum
import hmac
from typing import Annotated

from celery import Celery
from fastapi import Depends, Request

from newswire.config import Settings
from newswire.store import ArticleIntake, Store
from newswire_intake.errors import ApiError


class Role(str, enum.Enum):
    NEWSROOM = "newsroom"
    ADMIN = "admin"


async def get_settings_dep(request: Request) -> Settings:
    return request.app.state.settings


async def get_store(request: Request) -> Store:
    return request.app.state.store


async def get_intake(request: Request) -> ArticleIntake:
    return request.app.state.intake


async def get_celery(request: Request) -> Celery:
    return request.app.state.celery


def authorize(request: Request) -> Role:
    """The role of the bearer token. Compared in constant time; never logged."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise ApiError(401, "unauthorized", "send Authorization: Bearer <token>", {"WWW-Authenticate": "Bearer"})
    settings: Settings = request.app.state.settings
    supplied = token.strip().encode()
    role = None
    # Check both tokens every time, so timing does not reveal which one matched.
    for candidate, candidate_role in ((settings.admin_token, Role.ADMIN), (settings.newsroom_token, Role.NEWSROOM)):
        if hmac.compare_digest(supplied, candidate.encode()) and candidate:
            role = role or candidate_role
    if role is None:
        raise ApiError(401, "unauthorized", "the token is not valid", {"WWW-Authenticate": "Bearer"})
    return role


async def caller_role(request: Request) -> Role:
    return authorize(request)


async def require_admin(role: Annotated[Role, Depends(caller_role)]) -> Role:
    if role is not Role.ADMIN:
        raise ApiError(403, "forbidden", "this needs the admin token")
    return role


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
StoreDep = Annotated[Store, Depends(get_store)]
CeleryDep = Annotated[Celery, Depends(get_celery)]
IntakeDep = Annotated[ArticleIntake, Depends(get_intake)]
AnyRole = Annotated[Role, Depends(caller_role)]
Admin = Annotated[Role, Depends(require_admin)]
