"""Results: metrics with their baseline, ratio and target; JSON for machines, a table for people."""

from __future__ import annotations

import json
import operator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

_OPS = {">=": operator.ge, "<=": operator.le, "<": operator.lt, ">": operator.gt}


@dataclass
class Metric:
    name: str
    value: float
    unit: str
    baseline: float | None = None
    baseline_name: str | None = None
    ratio: float | None = None  # value / baseline (for times: baseline / value, so higher is better)
    target: str | None = None  # e.g. ">= 2000" or "ratio >= 0.7"
    passed: bool | None = None

    def __post_init__(self) -> None:
        if self.baseline and self.ratio is None:
            self.ratio = self.value / self.baseline if self.baseline else None
        if self.target and self.passed is None:
            self.passed = check(self.target, self)


def check(target: str, metric: Metric) -> bool:
    words = target.split()
    subject = metric.ratio if words[0] == "ratio" else metric.value
    op, bound = words[-2], float(words[-1])
    return subject is not None and _OPS[op](subject, bound)


@dataclass
class Scenario:
    key: str
    title: str
    metrics: list[Metric] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)

    def add(self, *args: Any, **kwargs: Any) -> Metric:
        metric = Metric(*args, **kwargs)
        self.metrics.append(metric)
        return metric


def _fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return ""
    if abs(value) >= 100:
        text = f"{value:,.0f}"
    elif abs(value) >= 10:
        text = f"{value:.1f}"
    else:
        text = f"{value:.2f}"
    return f"{text} {unit}".strip()


def table(scenarios: list[Scenario]) -> str:
    rows = ["| scenario | metric | measured | baseline | ratio | target | result |", "|---|---|---|---|---|---|---|"]
    for scenario in scenarios:
        for metric in scenario.metrics:
            baseline = f"{_fmt(metric.baseline, metric.unit)} ({metric.baseline_name})" if metric.baseline is not None else ""
            ratio = f"{metric.ratio:.2f}x" if metric.ratio is not None else ""
            result = {True: "pass", False: "**FAIL**", None: ""}[metric.passed]
            rows.append(
                f"| {scenario.title} | {metric.name} | {_fmt(metric.value, metric.unit)} | {baseline} | {ratio} "
                f"| {metric.target or ''} | {result} |"
            )
    return "\n".join(rows)


def write(results_dir: Path, scenarios: list[Scenario], machine: dict[str, Any], settings: dict[str, Any]) -> tuple[Path, Path]:
    results_dir.mkdir(parents=True, exist_ok=True)
    document = {
        "machine": machine,
        "settings": settings,
        "scenarios": {s.key: {"title": s.title, "metrics": [asdict(m) for m in s.metrics], "details": s.details} for s in scenarios},
        "all_targets_met": all(m.passed is not False for s in scenarios for m in s.metrics),
    }
    json_path = results_dir / "latest.json"
    json_path.write_text(json.dumps(document, indent=2) + "\n")
    md_path = results_dir / "latest.md"
    head = (
        f"Machine: {machine.get('cpu_model')}, {machine.get('cores')} cores, {machine.get('memory_gb')} GiB; "
        f"Python {machine.get('python')}; commit {machine.get('git_commit', '')[:12]}; {machine.get('date')}\n\n"
    )
    md_path.write_text(head + table(scenarios) + "\n")
    return json_path, md_path
