"""Evaluate enrichment on the labelled sets in bench/eval/, and measure its speed and memory.

Run from the repository root: ``PYTHONPATH=shared python bench/eval_enrichment.py``.
Every set in ``SETS`` is scored separately: ``articles/`` (the rules and gazetteers were tuned on
it), then ``heldout/``, ``blind/``, ``fresh/``, ``unseen/`` and ``round6/`` … ``round38/``, each
written later and scored once before any change made while looking at it (``round12/`` on were
written blind, by an author who never saw the rules or their output): that first score is the
honest estimate for unseen text. Prints precision/recall/F1
per entity type, topic and genre accuracy, then median/p99 enrichment time for a ~700-word article
and the resident memory enrichment's resources add to a process. Writes everything to
bench/results/eval.json. A set's first-sight score (``<set>_first_sight``) is recorded the first
time the set is scored and kept afterwards; ``--first-sight NAME`` records the current score again.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "tuned": ROOT / "bench" / "eval" / "articles",
    "heldout": ROOT / "bench" / "eval" / "heldout",
    "blind": ROOT / "bench" / "eval" / "blind",
    "fresh": ROOT / "bench" / "eval" / "fresh",
    "unseen": ROOT / "bench" / "eval" / "unseen",
    "round6": ROOT / "bench" / "eval" / "round6",
    "round7": ROOT / "bench" / "eval" / "round7",
    "round8": ROOT / "bench" / "eval" / "round8",
    "round9": ROOT / "bench" / "eval" / "round9",
    "round10": ROOT / "bench" / "eval" / "round10",
    "round11": ROOT / "bench" / "eval" / "round11",
    "round12": ROOT / "bench" / "eval" / "round12",
    "round13": ROOT / "bench" / "eval" / "round13",
    "round14": ROOT / "bench" / "eval" / "round14",
    "round15": ROOT / "bench" / "eval" / "round15",
    "round16": ROOT / "bench" / "eval" / "round16",
    "round17": ROOT / "bench" / "eval" / "round17",
    "round18": ROOT / "bench" / "eval" / "round18",
    "round19": ROOT / "bench" / "eval" / "round19",
    "round20": ROOT / "bench" / "eval" / "round20",
    "round21": ROOT / "bench" / "eval" / "round21",
    "round22": ROOT / "bench" / "eval" / "round22",
    "round23": ROOT / "bench" / "eval" / "round23",
    "round24": ROOT / "bench" / "eval" / "round24",
    "round25": ROOT / "bench" / "eval" / "round25",
    "round26": ROOT / "bench" / "eval" / "round26",
    "round27": ROOT / "bench" / "eval" / "round27",
    "round28": ROOT / "bench" / "eval" / "round28",
    "round29": ROOT / "bench" / "eval" / "round29",
    "round30": ROOT / "bench" / "eval" / "round30",
    "round31": ROOT / "bench" / "eval" / "round31",
    "round32": ROOT / "bench" / "eval" / "round32",
    "round33": ROOT / "bench" / "eval" / "round33",
    "round34": ROOT / "bench" / "eval" / "round34",
    "round35": ROOT / "bench" / "eval" / "round35",
    "round36": ROOT / "bench" / "eval" / "round36",
    "round37": ROOT / "bench" / "eval" / "round37",
    "round38": ROOT / "bench" / "eval" / "round38",
}
FIRST_SIGHT = ("heldout", "blind", "fresh", "unseen", "round6", "round7", "round8", "round9", "round10", "round11", "round12", "round13", "round14", "round15", "round16", "round17", "round18", "round19", "round20", "round21", "round22", "round23", "round24", "round25", "round26", "round27", "round28", "round29", "round30", "round31", "round32", "round33", "round34", "round35", "round36", "round37", "round38")  # sets whose first score is kept as the unseen-text estimate
LABELS = {
    "tuned": "Tuned set (bench/eval/articles)",
    "heldout": "Held-out set (bench/eval/heldout)",
    "blind": "Blind set (bench/eval/blind)",
    "fresh": "Fresh set (bench/eval/fresh)",
    "unseen": "Unseen set (bench/eval/unseen)",
    "round6": "Round-6 set (bench/eval/round6)",
    "round7": "Round-7 set (bench/eval/round7)",
    "round8": "Round-8 set (bench/eval/round8)",
    "round9": "Round-9 set (bench/eval/round9)",
    "round10": "Round-10 set (bench/eval/round10)",
    "round11": "Round-11 set (bench/eval/round11)",
    "round12": "Round-12 set (bench/eval/round12), written blind by another author",
    "round13": "Round-13 set (bench/eval/round13), written blind by another author",
    "round14": "Round-14 set (bench/eval/round14), written blind by another author",
    "round15": "Round-15 set (bench/eval/round15), written blind by another author",
    "round16": "Round-16 set (bench/eval/round16), written blind by another author",
    "round17": "Round-17 set (bench/eval/round17), written blind by another author",
    "round18": "Round-18 set (bench/eval/round18), written blind by another author",
    "round19": "Round-19 set (bench/eval/round19), written blind by another author",
    "round20": "Round-20 set (bench/eval/round20), written blind by another author",
    "round21": "Round-21 set (bench/eval/round21), written blind by another author",
    "round22": "Round-22 set (bench/eval/round22), written blind by another author",
    "round23": "Round-23 set (bench/eval/round23), written blind by another author",
    "round24": "Round-24 set (bench/eval/round24), written blind by another author",
    "round25": "Round-25 set (bench/eval/round25), written blind by another author",
    "round26": "Round-26 set (bench/eval/round26), written blind by another author",
    "round27": "Round-27 set (bench/eval/round27), written blind by another author",
    "round28": "Round-28 set (bench/eval/round28), written blind by another author",
    "round29": "Round-29 set (bench/eval/round29), written blind by another author",
    "round30": "Round-30 set (bench/eval/round30), written blind by another author",
    "round31": "Round-31 set (bench/eval/round31), written blind by another author",
    "round32": "Round-32 set (bench/eval/round32), written blind by another author",
    "round33": "Round-33 set (bench/eval/round33), written blind by another author",
    "round34": "Round-34 set (bench/eval/round34), written blind by another author",
    "round35": "Round-35 set (bench/eval/round35), written blind by another author",
    "round36": "Round-36 set (bench/eval/round36), written blind by another author",
    "round37": "Round-37 set (bench/eval/round37), written blind by another author",
    "round38": "Round-38 set (bench/eval/round38), written blind by another author",
}
RESULTS = ROOT / "bench" / "results" / "eval.json"
TYPES = ("people", "places", "organisations")


def norm(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace(".", "").replace("’", "'").replace("–", "-").replace("—", "-")
    return " ".join(text.casefold().split())


def load_set(folder: Path) -> list[tuple[str, str, dict]]:  # type: ignore[type-arg]
    items = []
    for txt in sorted(folder.glob("*.txt")):
        gold = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
        items.append((txt.stem, txt.read_text(encoding="utf-8"), gold))
    return items


def score(items: list[tuple[str, str, dict]]) -> dict:  # type: ignore[type-arg]
    from newswire.enrichment import enrich
    from newswire.models import ArticleIn

    counts = {t: {"tp": 0, "fp": 0, "fn": 0} for t in TYPES}
    topic_ok = 0
    genre_ok = genre_n = 0
    errors: list[dict] = []  # type: ignore[type-arg]
    for name, body, gold in items:
        result = enrich(ArticleIn(body_text=body))
        for t in TYPES:
            predicted = getattr(result, t)
            gold_names = {norm(g) for g in gold[t]}
            matched: set[str] = set()
            fps = []
            for ent in predicted:
                forms = {norm(ent.name), *(norm(a) for a in ent.aliases)}
                hit = forms & gold_names
                if hit:
                    matched |= hit
                else:
                    fps.append(ent.name)
            fns = sorted(gold_names - matched)
            counts[t]["tp"] += len(matched)
            counts[t]["fp"] += len(fps)
            counts[t]["fn"] += len(fns)
            if fps or fns:
                errors.append({"article": name, "type": t, "false_positives": fps, "missed": fns})
        tops = [s for s in result.subjects if s.code.endswith("000000")]
        top = max(tops, key=lambda s: s.relevance).code if tops else None
        topic_ok += top == gold["topic"]
        if top != gold["topic"]:
            errors.append({"article": name, "type": "topic", "predicted": top, "gold": gold["topic"]})
        if "genre" in gold:
            genre_n += 1
            genre_ok += result.genre == gold["genre"]
    table = {}
    for t, c in counts.items():
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        table[t] = {**c, "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}
    return {
        "articles": len(items),
        "entities": table,
        "topic_accuracy": round(topic_ok / len(items), 3) if items else 0.0,
        "genre_accuracy": round(genre_ok / genre_n, 3) if genre_n else None,
        "errors": errors,
    }


def article_700(items: list[tuple[str, str, dict]]) -> str:
    words: list[str] = []
    paras: list[str] = []
    for _name, body, _gold in items:
        for para in body.split("\n\n"):
            n = len(para.split())
            if len(words) + n > 700:
                break
            paras.append(para)
            words.extend(para.split())
        if len(words) >= 680:
            break
    return "\n\n".join(paras)


def timing(text: str, runs: int = 300) -> dict:  # type: ignore[type-arg]
    from newswire.enrichment import enrich
    from newswire.models import ArticleIn

    article = ArticleIn(body_text=text)
    for _ in range(30):
        enrich(article)
    samples, cpu = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        enrich(article)
        samples.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    samples.sort()
    cpu.sort()
    return {
        "words": len(text.split()),
        "runs": runs,
        "median_ms": round(statistics.median(samples), 2),
        "p99_ms": round(samples[int(runs * 0.99) - 1], 2),
        "cpu_median_ms": round(statistics.median(cpu), 2),  # less sensitive to other load
        "load_average": round(os.getloadavg()[0], 2),
    }


_RSS_PROBE = r"""
import json, sys
def rss():
    with open('/proc/self/statm') as f:
        return int(f.read().split()[1]) * 4096
import newswire.models  # the worker has these loaded anyway
from newswire.models import ArticleIn
before = rss()
from newswire.enrichment import enrich, warm
warm()
enrich(ArticleIn(body_text=sys.stdin.read()))
print(json.dumps({"before_mb": before / 2**20, "after_mb": rss() / 2**20}))
"""


def memory(text: str) -> dict:  # type: ignore[type-arg]
    out = subprocess.run(
        [sys.executable, "-c", _RSS_PROBE], input=text, capture_output=True, text=True, check=True,
        env={"PYTHONPATH": str(ROOT / "shared"), "PATH": "/usr/bin:/bin"},
    )
    data = json.loads(out.stdout)
    return {k: round(v, 1) for k, v in {**data, "added_mb": data["after_mb"] - data["before_mb"]}.items()}


def print_quality(label: str, quality: dict) -> None:  # type: ignore[type-arg]
    print(f"{label}: {quality['articles']} articles\n")
    print(f"| {'type':<14}| {'precision':>9} | {'recall':>7} | {'F1':>6} | {'TP':>4} | {'FP':>4} | {'FN':>4} |")
    print(f"|{'-' * 15}|{'-' * 11}|{'-' * 9}|{'-' * 8}|{'-' * 6}|{'-' * 6}|{'-' * 6}|")
    for t, row in quality["entities"].items():
        print(f"| {t:<14}| {row['precision']:>9.3f} | {row['recall']:>7.3f} | {row['f1']:>6.3f} "
              f"| {row['tp']:>4} | {row['fp']:>4} | {row['fn']:>4} |")
    print(f"\ntop-level topic accuracy: {quality['topic_accuracy']:.3f}")
    if quality["genre_accuracy"] is not None:
        print(f"genre accuracy (articles with a gold genre): {quality['genre_accuracy']:.3f}")
    print()


def main() -> None:
    again = sys.argv[sys.argv.index("--first-sight") + 1] if "--first-sight" in sys.argv[:-1] else None
    previous = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    sets = {name: load_set(folder) for name, folder in SETS.items() if folder.is_dir()}
    qualities = {name: score(items) for name, items in sets.items() if items}
    text = article_700(sets["tuned"])
    result: dict = {"sets": qualities}  # type: ignore[type-arg]
    for name in FIRST_SIGHT:
        key = f"{name}_first_sight"
        if key in previous and again != name:
            result[key] = previous[key]
        elif name in qualities:
            result[key] = qualities[name]  # with its errors: what unseen text got wrong
    result["timing"] = timing(text)
    result["memory"] = memory(text)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    for name, quality in qualities.items():
        print_quality(LABELS[name], quality)
    for name in FIRST_SIGHT:
        if f"{name}_first_sight" in result:
            print_quality(f"{LABELS[name]}, first sight (before any change made while looking at it)",
                          result[f"{name}_first_sight"])
    tm, mem = result["timing"], result["memory"]
    print(f"enrich() on a {tm['words']}-word article: median {tm['median_ms']} ms, "
          f"p99 {tm['p99_ms']} ms over {tm['runs']} runs after warm-up (CPU time median "
          f"{tm['cpu_median_ms']} ms; load average {tm['load_average']})")
    print(f"memory added by enrichment resources: {mem['added_mb']} MB RSS "
          f"({mem['before_mb']} -> {mem['after_mb']} MB)")
    print(f"\nerrors per article: see {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
