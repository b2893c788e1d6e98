"""With Redis unreachable the intake answers a clear, retryable 503 in the JSON error shape."""

from fastapi.testclient import TestClient

from newswire.config import Settings
from newswire_intake.main import create_app
from tests.support.processes import free_port


def test_unreachable_storage_is_a_clear_503() -> None:
    settings = Settings(redis_url=f"redis://127.0.0.1:{free_port()}/0", admin_token="admin", newsroom_token="desk")
    with TestClient(create_app(settings)) as client:
        posted = client.post("/v1/articles", content=b"Body.", headers={"authorization": "Bearer desk", "content-type": "text/plain"})
        assert posted.status_code == 503
        assert posted.json()["error"]["code"] == "unavailable" and posted.headers["retry-after"] == "5"
        listed = client.get("/v1/subscribers", headers={"authorization": "Bearer admin"})
        assert listed.status_code == 503
        assert client.get("/readyz").status_code == 503
        assert client.get("/healthz").status_code == 200
