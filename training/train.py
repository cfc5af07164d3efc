"""Train the sentence-type model: which PLOVER types (and ACLED sub-event types) a sentence states.

    python training/train.py                     # full model -> src/truce/models/sentence_types
    python training/train.py --limit 60 --max-steps 10 --out /tmp/tiny   # a smoke run (the test does this)

Reads training/data/generated.jsonl (made by generate.py), training/data/handwritten.txt, and, when it
can be found, the PLOVER gold-standard examples (shared/peer/plover_examples.jsonl; read at training
time, never copied into the repository). Sentences that share an 8-word run with an evaluation set
(tests/gold/dev.jsonl, shared/eval/*.jsonl) are left out and counted. spaCy's own trainer does the
work (config.cfg beside this file); nothing is downloaded.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PLOVER = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
          "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
SUBTYPES = ("Armed clash", "Government regains territory", "Non-state actor overtakes territory", "Chemical weapon",
            "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
            "Grenade", "Sexual violence", "Attack", "Abduction/forced disappearance", "Peaceful protest",
            "Protest with intervention", "Excessive force against protesters", "Violent demonstration",
            "Mob violence", "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
            "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory",
            "Other")
SUB_PREFIX = "SUB:"
LABELS = (*PLOVER, *(SUB_PREFIX + s for s in SUBTYPES))
DEFAULT_OUT = ROOT / "src" / "truce" / "models" / "sentence_types"


def _find(relative: str, explicit: str | None = None, env: str | None = None) -> Path | None:
    for c in [explicit, os.environ.get(env) if env else None]:
        if c and Path(c).is_file():
            return Path(c)
    for base in [Path.cwd(), *Path.cwd().parents, ROOT, *ROOT.parents]:
        for cand in (base / relative, base.parent / relative):
            if cand.is_file():
                return cand
    return None


def read_generated(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def read_handwritten(path: Path) -> list[dict]:
    """`LABELS || sentence` lines (LABELS as in templates.py); `#` starts a comment line."""
    from generate import split_labels

    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                continue
            if "||" not in line:
                raise ValueError(f"{path}:{n}: no '||' between labels and sentence")
            labels, text = (x.strip() for x in line.split("||", 1))
            plover, acled = split_labels(labels)
            rows.append({"text": text, "plover": plover, "acled": acled, "source": f"handwritten:{n}"})
    return rows


def read_peer(path: Path) -> list[dict]:
    """PLOVER gold-standard examples: one labelled type per sentence (CAMEO-manual sentences, CC BY-SA 4.0)."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            rec = json.loads(line)
            if rec.get("language", "en") != "en" or rec.get("plover") not in PLOVER or not rec.get("text"):
                continue
            rows.append({"text": rec["text"], "plover": [rec["plover"]], "acled": [], "source": f"peer:{rec['id']}"})
    return rows


def validate(rows: list[dict]) -> None:
    for r in rows:
        bad = [p for p in r["plover"] if p not in PLOVER] + [a for a in r["acled"] if a not in SUBTYPES]
        if bad:
            raise ValueError(f"unknown label(s) {bad} in {r.get('source')}: {r['text'][:80]}")


def _grams(text: str, n: int = 8) -> set[tuple[str, ...]]:
    w = re.findall(r"\w+", text.lower())
    return {tuple(w[i:i + n]) for i in range(len(w) - n + 1)}


def eval_grams(paths: list[Path]) -> set[tuple[str, ...]]:
    out: set[tuple[str, ...]] = set()
    for p in paths:
        with open(p, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    rec = json.loads(line)
                    out |= _grams(rec.get("text", ""))
                    for e in rec.get("events") or []:
                        out |= _grams(e.get("summary") or "")
    return out


def drop_overlaps(rows: list[dict], grams: set[tuple[str, ...]]) -> tuple[list[dict], int]:
    kept = [r for r in rows if not (_grams(r["text"]) & grams)]
    return kept, len(rows) - len(kept)


def cats(row: dict) -> dict[str, float]:
    on = set(row["plover"]) | {SUB_PREFIX + a for a in row["acled"]}
    return {label: float(label in on) for label in LABELS}


def to_docbin(rows: list[dict], path: Path) -> None:
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("en")
    db = DocBin()
    for r, doc in zip(rows, nlp.pipe(r["text"] for r in rows), strict=True):
        doc.cats = cats(r)
        db.add(doc)
    db.to_disk(path)


def load_all(peer: str | None, use_peer: bool = True) -> tuple[list[dict], dict[str, int]]:
    data = HERE / "data"
    rows = read_generated(data / "generated.jsonl") + read_handwritten(data / "handwritten.txt")
    counts = {"generated+handwritten": len(rows)}
    found = _find("shared/peer/plover_examples.jsonl", peer, "TRUCE_PEER") if use_peer else None
    if found is not None:
        extra = read_peer(found)
        rows += extra
        counts["peer"] = len(extra)
    validate(rows)
    golds = [p for p in (ROOT / "tests" / "gold" / "dev.jsonl", _find("shared/eval/dev_real.jsonl"),
                         _find("shared/eval/seed_gold.jsonl")) if p is not None and p.is_file()]
    rows, dropped = drop_overlaps(rows, eval_grams(golds))
    counts["dropped_eval_overlap"] = dropped
    return rows, counts


def train(rows: list[dict], out: Path, *, max_steps: int = 0, max_epochs: int | None = None, seed: int = 0,
          holdout: float = 0.1, config: Path = HERE / "config.cfg") -> float:
    """Train with spaCy's trainer, copy the best model to `out`; returns seconds taken."""
    from spacy.cli.train import train as spacy_train

    rng = random.Random(seed)
    rows = list(rows)
    rng.shuffle(rows)
    cut = max(1, int(len(rows) * holdout))
    dev, tr = rows[:cut], rows[cut:]
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        to_docbin(tr, t / "train.spacy")
        to_docbin(dev, t / "dev.spacy")
        overrides = {"paths.train": str(t / "train.spacy"), "paths.dev": str(t / "dev.spacy"),
                     "system.seed": seed, "training.max_steps": max_steps}
        if max_epochs is not None:
            overrides["training.max_epochs"] = max_epochs
        if max_steps:
            overrides["training.eval_frequency"] = max(1, max_steps // 2)
        spacy_train(config, t / "output", overrides=overrides)
        best = t / "output" / "model-best"
        if out.exists():
            shutil.rmtree(out)
        shutil.copytree(best, out)
    scrub_paths(out / "config.cfg")
    return time.perf_counter() - start


def scrub_paths(config: Path) -> None:
    """The saved config names the temporary corpora it was trained on; they mean nothing once shipped."""
    from spacy import util

    cfg = util.load_config(config)
    cfg["paths"]["train"] = None
    cfg["paths"]["dev"] = None
    cfg.to_disk(config)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=str(DEFAULT_OUT), help="where the trained pipeline is written")
    ap.add_argument("--peer", help="path to plover_examples.jsonl (found beside the checkout if not given)")
    ap.add_argument("--no-peer", action="store_true", help="train on the project's own sentences only")
    ap.add_argument("--limit", type=int, default=0, help="train on the first N sentences only (smoke runs)")
    ap.add_argument("--max-steps", type=int, default=0)
    ap.add_argument("--max-epochs", type=int)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--config", default=str(HERE / "config.cfg"), help="spaCy training config")
    a = ap.parse_args(argv)
    rows, counts = load_all(a.peer, not a.no_peer)
    if a.limit:
        rows = rows[:a.limit]
    print(f"training sentences: {len(rows)} {counts}", file=sys.stderr)
    secs = train(rows, Path(a.out), max_steps=a.max_steps, max_epochs=a.max_epochs, seed=a.seed,
                 config=Path(a.config))
    size = sum(p.stat().st_size for p in Path(a.out).rglob("*") if p.is_file())
    print(f"model -> {a.out} ({size / 1e6:.2f} MB) in {secs:.0f} s", file=sys.stderr)
    return 0


sys.path.insert(0, str(HERE))

if __name__ == "__main__":
    raise SystemExit(main())
