"""docker-compose.yml, the Dockerfile and the Kubernetes manifests run exactly the commands the
tests exercise (through scripts/stack.py), and validate against their schemas."""

from __future__ import annotations

import importlib.util
import json
import shlex
from typing import Any

import jsonschema
import yaml

from tests.support.paths import ROOT, standard

COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
K8S = ROOT / "deploy" / "k8s"
VALUE_FLAGS = {"--host", "--port", "--concurrency"}  # values differ per place (bind address, cores)


def launcher_commands() -> dict[str, list[str]]:
    spec = importlib.util.spec_from_file_location("stack_launcher", ROOT / "scripts" / "stack.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.process_commands("127.0.0.1", 8000, concurrency=2)


def shape(command: list[str]) -> list[str]:
    """A command without the values of VALUE_FLAGS, and `python -m X` written as X's module."""
    if command[:2] == ["python", "-m"]:
        command = command[2:]
    kept: list[str] = []
    skip = False
    for arg in command:
        if skip:
            skip = False
            continue
        kept.append(arg)
        skip = arg in VALUE_FLAGS
    return kept


def test_compose_file_validates_against_the_compose_spec() -> None:
    schema = json.loads(standard("compose-spec.json").read_text())
    jsonschema.Draft7Validator(schema).validate(COMPOSE)  # the spec declares draft-07


def test_compose_services_run_the_launchers_commands() -> None:
    services = COMPOSE["services"]
    for name, command in launcher_commands().items():
        assert shape(services[name]["command"]) == shape(command), name
    assert set(services) == {"redis", "intake", "worker", "scheduler", "mailsink"}
    worker = services["worker"]
    assert "container_name" not in worker and "ports" not in worker  # `--scale worker=N` needs both absent


def test_compose_redis_keeps_an_append_only_file_and_never_evicts() -> None:
    command = COMPOSE["services"]["redis"]["command"]
    assert command[command.index("--appendonly") + 1] == "yes"
    assert command[command.index("--maxmemory-policy") + 1] == "noeviction"


def manifests() -> list[dict[str, Any]]:
    docs: list[dict[str, Any]] = []
    for path in sorted(K8S.glob("*.yaml")):
        docs += [d for d in yaml.safe_load_all(path.read_text()) if d]
    return docs


def test_kubernetes_manifests_run_the_same_commands() -> None:
    deployments = {d["metadata"]["name"]: d for d in manifests() if d["kind"] == "Deployment"}
    for name, command in launcher_commands().items():
        [container] = deployments[name]["spec"]["template"]["spec"]["containers"]
        assert shape(container["command"]) == shape(command), name
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    for resource in kustomization["resources"]:
        assert (K8S / resource).exists(), resource
    scaled = [d for d in manifests() if d["kind"] == "ScaledObject"]
    assert {t["metadata"]["listName"] for t in scaled[0]["spec"]["triggers"]} == {
        "newswire.articles", "newswire.webhooks", "newswire.email",
    }  # fmt: skip


def test_dockerfile_copies_what_exists_and_starts_the_intake() -> None:
    lines = (ROOT / "deploy" / "Dockerfile").read_text().splitlines()
    for line in lines:
        if line.startswith("COPY "):
            for source in shlex.split(line)[1:-1]:
                assert (ROOT / source).exists(), source
    cmd = next(json.loads(line.removeprefix("CMD ")) for line in lines if line.startswith("CMD "))
    assert shape(cmd) == shape(launcher_commands()["intake"])
    assert COMPOSE["services"]["mailsink"]["command"][:2] == ["python", "scripts/mailsink.py"]
