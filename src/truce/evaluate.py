"""`truce eval`: run extraction on a gold file and score it with the shared scorer.

The scorer (shared/eval/score.py) is the project's yardstick and lives outside the package; it is
located beside the checkout or named with --scorer, and imported as a module.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType

from .ingest.jsonl import read_lines
from .records import Event
from .run import Result, extract_all, extractor


def find_scorer(explicit: str | None = None) -> Path:
    candidates = [explicit] if explicit else []
    candidates += [os.environ.get("TRUCE_SCORER")]
    here = Path(__file__).resolve()
    for base in [Path.cwd(), *Path.cwd().parents, *here.parents]:
        candidates.append(str(base / "shared" / "eval" / "score.py"))
        candidates.append(str(base.parent / "shared" / "eval" / "score.py"))
    for c in candidates:
        if c and Path(c).is_file():
            return Path(c)
    raise FileNotFoundError("score.py not found: pass --scorer PATH or set TRUCE_SCORER")


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("truce_shared_score", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_gold(path: str, split: str | None = None) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        gold = [json.loads(line) for line in f if line.strip()]
    if split:
        gold = [g for g in gold if g.get("split", "dev") == split]
    return gold


def predict(gold: Iterable[dict], second_opinion: bool = True) -> list[Event]:
    lines = (json.dumps({k: g.get(k) for k in ("id", "text", "published", "url", "title", "language")})
             for g in gold)
    out: list[Event] = []
    for r in extract_all(read_lines(lines, "gold"), extractor(second_opinion)):
        if isinstance(r, Result):
            out.extend(r.events)
        else:
            print(f"truce: skipped {r.record_id or r.line}: {r.reason}: {r.detail}", file=sys.stderr)
    return out


def evaluate(gold_path: str, *, split: str | None = None, scorer: str | None = None,
             verbose: bool = False, second_opinion: bool = True) -> tuple[dict, list[str], list[Event]]:
    gold = read_gold(gold_path, split)
    events = predict(gold, second_opinion)
    module = load_scorer(find_scorer(scorer))
    preds = [json.loads(e.model_dump_json()) for e in events]
    scores, report = module.score(gold, preds, verbose)
    return scores, report, events


def format_report(scores: dict, report: list[str]) -> str:
    lines = list(report)
    for k in ("all", "material", "verbal"):
        s = scores[k]
        lines.append(f"{k:9s} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  "
                     f"(tp {s['tp']}, fp {s['fp']}, fn {s['fn']})")
    for k, (acc, n) in scores["fields"].items():
        lines.append(f"  {k:22s} {'-' if acc is None else f'{acc:.3f}'}  (n={n})")
    lines.append(f"false positives on negative articles: {scores['negatives_false_positives']}")
    lines.append(f"F1 {scores['all']['f1']:.3f}")
    return "\n".join(lines)
