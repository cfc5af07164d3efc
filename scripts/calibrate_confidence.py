"""Fit the event-confidence weights (src/truce/lexicons/confidence.yml) on the "dev" split of the
developers' gold set, and print precision by confidence decile on every split.

usage: python scripts/calibrate_confidence.py [--write] [--gold tests/gold/dev.jsonl]

An event counts as right when the shared scorer matches it to a gold event. The fit is a plain
logistic regression by gradient descent (a dozen features, a few hundred events: no library needed).
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

import yaml

from truce import confidence
from truce.evaluate import find_scorer, load_scorer, read_gold
from truce.ingest.jsonl import read_lines
from truce.run import Result, extract_all, extractor

ROOT = Path(__file__).resolve().parents[1]


def labelled(gold: list[dict]) -> list[tuple[dict[str, float], bool]]:
    scorer = load_scorer(find_scorer())
    ex = extractor()
    rows = []
    for art in gold:
        line = json.dumps({k: art.get(k) for k in ("id", "text", "published")})
        for r in extract_all(read_lines([line], "gold"), ex):
            if not isinstance(r, Result):
                continue
            preds = [json.loads(e.model_dump_json()) for e in r.events]
            matched = set(scorer.best_matching(art.get("events") or [], preds).values())
            rows += [(ex.last_features[e.event_id], j in matched) for j, e in enumerate(r.events)]
    return rows


def fit(rows: list[tuple[dict[str, float], bool]], steps: int = 4000, rate: float = 0.3) -> dict[str, float]:
    w = dict.fromkeys(confidence.FEATURES, 0.0)
    for _ in range(steps):
        grad = dict.fromkeys(w, 0.0)
        for x, y in rows:
            p = 1 / (1 + math.exp(-sum(w[k] * v for k, v in x.items())))
            for k, v in x.items():
                grad[k] += (p - y) * v
        for k in w:
            w[k] -= rate * (grad[k] / len(rows) + 0.01 * w[k] * (k != "bias"))
    return {k: round(v, 3) for k, v in w.items()}


def report(name: str, rows: list[tuple[dict[str, float], bool]], w: dict[str, float]) -> None:
    scored = sorted(((confidence.score(x, w), y) for x, y in rows), reverse=True)
    n = len(scored)
    parts = []
    for frac in (0.1, 0.25, 0.5, 1.0):
        k = max(1, int(n * frac))
        parts.append(f"top {int(frac * 100)}%: {sum(y for _, y in scored[:k]) / k:.3f}")
    print(f"{name:10s} n={n:4d}  " + "  ".join(parts))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=str(ROOT / "tests" / "gold" / "dev.jsonl"))
    ap.add_argument("--write", action="store_true", help="write the fitted weights to confidence.yml")
    args = ap.parse_args()
    dev = labelled(read_gold(args.gold, "dev"))
    test = labelled(read_gold(args.gold, "test"))
    w = fit(dev)
    print("weights:", w)
    for name, rows in (("dev", dev), ("test", test)):
        report(name, rows, w)
    real = Path(find_scorer()).parent / "dev_real.jsonl"
    if real.is_file():
        report("dev_real", labelled(read_gold(str(real))), w)
    if args.write:
        path = ROOT / "src" / "truce" / "lexicons" / "confidence.yml"
        head = [ln for ln in path.read_text().splitlines() if ln.startswith("#")]
        body = yaml.safe_dump({"version": 2, "weights": w}, sort_keys=False)
        path.write_text("\n".join(head) + "\n" + body)
        print("wrote", path)


if __name__ == "__main__":
    main()
