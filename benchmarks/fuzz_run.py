"""Long fuzz run over cleaning, extraction, the JSONL reader, every ingest reader and the API's /events
parameters: prints inputs and crashes per target. A crash is any exception escaping (or a 5xx from the API).

    python benchmarks/fuzz_run.py --inputs 100000 [--seed 1] [--targets clean,extract,jsonl,files,api]

Inputs are shared out round-robin between targets. Random generation (not hypothesis) so 100k inputs run
without shrinking overhead; the bounded property tests are tests/test_fuzz.py and tests/test_api_schema.py.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from truce import lexicon
from truce.clean import clean
from truce.ingest import synth
from truce.ingest.dedup import Deduper
from truce.ingest.flow import Duplicate, Kept, ingest
from truce.ingest.jsonl import read_jsonl, read_lines
from truce.records import Article, Skip
from truce.run import Result, extract_all, extractor

NASTY = ["\x00", "\x0b", "\r", "\r\n", "\u2028", "\u200b", "\u200f", "\u202e", "\ufeff", "\ud7ff", "\U0010ffff",
         "\u0627\u0644\u0633\u0644\u0627\u0645", "\u05e9\u05dc\u05d5\u05dd", "\u00a0", "\t", "\n\n", "killed",
         " 12 ", "Monday", "rebels attacked", "MOGADISHU, Nov 30 (Reuters) - ", "<p>", "{", "\"", "\\"]
WORDS = ["Rebels", "attacked", "the", "town", "of", "Goma", "on", "Monday,", "killing", "12", "civilians.",
         "Police", "fired", "tear", "gas", "at", "protesters", "in", "Kabul", "a", "ceasefire", "was", "agreed"]


def rand_text(rng: random.Random, max_parts: int = 60) -> str:
    parts = []
    for _ in range(rng.randrange(max_parts)):
        k = rng.random()
        if k < 0.4:
            parts.append(rng.choice(WORDS) + " ")
        elif k < 0.7:
            parts.append(rng.choice(NASTY))
        else:
            parts.append("".join(chr(rng.choice([rng.randrange(32, 127), rng.randrange(0x80, 0xD800),
                                                  rng.randrange(0xE000, 0x110000), rng.randrange(0, 32)]))
                                 for _ in range(rng.randrange(1, 12))))
    return "".join(parts)


def rand_json(rng: random.Random, depth: int = 0) -> object:
    k = rng.randrange(8 if depth < 3 else 5)
    if k == 5:
        return [rand_json(rng, depth + 1) for _ in range(rng.randrange(4))]
    if k == 6:
        return {rand_text(rng, 3): rand_json(rng, depth + 1) for _ in range(rng.randrange(4))}
    if k == 7:
        return {"id": rand_json(rng, depth + 1), "text": rand_text(rng)}
    return [None, True, rng.randrange(-10**12, 10**12), rng.random() * 1e300, rand_text(rng, 8)][k]


VALID = synth.valid_files()
KEEP = Path("fuzz-crashes")  # failing file inputs are written here
SUFFIXES = [".html", ".warc", ".xml", ".rss", ".jsonl", ".txt", ".bin", ""]


def rand_file(rng: random.Random) -> tuple[str, bytes]:
    suffix = rng.choice(SUFFIXES)
    kind = rng.randrange(4)
    if kind == 0:
        data = rng.randbytes(rng.randrange(3000))
    elif kind == 1:
        depth = rng.randrange(1, 5000)
        data = b"<html><body>" + b"<div>" * depth + b"Rebels attacked the town." + b"</div>" * depth
    else:
        base = bytearray(VALID[rng.choice(sorted(VALID))])
        if kind == 2:
            base = base[: rng.randrange(len(base) + 1)]
        else:
            for _ in range(rng.randrange(1, 20)):
                base[rng.randrange(len(base))] = rng.randrange(256)
        data = bytes(base)
    if rng.random() < 0.4:
        data = gzip.compress(data)
        if rng.random() < 0.5:
            data = data[: rng.randrange(len(data) + 1)]
        suffix += ".gz"
    return suffix, data


def ok_record(r: object) -> bool:
    return isinstance(r, (Article, Result, Kept, Duplicate)) or (isinstance(r, Skip) and bool(r.reason))


def keep(suffix: str, data: bytes, why: str) -> None:
    """Write a failing file input under KEEP so it can be replayed."""
    KEEP.mkdir(exist_ok=True)
    path = KEEP / f"files-{sum(1 for _ in KEEP.iterdir())}{suffix}"
    path.write_bytes(data)
    print(f"files: input kept as {path}: {why:.300}", file=sys.stderr)


def make_targets(tmp: Path) -> dict[str, Callable[[random.Random], bool]]:
    lex = lexicon.load()
    ex = extractor()

    def t_clean(rng: random.Random) -> bool:
        text = rand_text(rng, 200)
        return all(text[p.start:p.end] == p.text for p in clean(text, lex).kept)

    def t_extract(rng: random.Random) -> bool:
        art = Article(id="f", text=rand_text(rng) or " ")
        return all(ok_record(r) for r in extract_all([art], ex))

    def t_jsonl(rng: random.Random) -> bool:
        lines = [json.dumps(rand_json(rng)) if rng.random() < 0.7 else rand_text(rng, 10) for _ in range(5)]
        raw = "\n".join(lines).encode("utf-8", "surrogatepass")
        return (all(ok_record(r) for r in read_lines(lines, "fuzz"))
                and all(ok_record(r) for r in read_jsonl(io.BytesIO(raw), "fuzz", max_chars=500)))

    def t_files(rng: random.Random) -> bool:
        suffix, data = rand_file(rng)
        path = tmp / f"input{suffix}"
        path.write_bytes(data)
        try:
            out = list(ingest([str(path)], Deduper()))
        except Exception as exc:
            keep(suffix, data, repr(exc))
            raise
        finally:
            path.unlink()
        if out and all(ok_record(o) for o in out):
            return True
        keep(suffix, data, repr(out))
        return False

    targets = {"clean": t_clean, "extract": t_extract, "jsonl": t_jsonl, "files": t_files}

    from fastapi.testclient import TestClient
    from test_store import corpus  # type: ignore[import-not-found]

    from truce import store
    from truce.api import create_app

    engine = store.connect(str(tmp / "api.sqlite"))
    store.save_many(engine, corpus(14))
    client = TestClient(create_app(engine))
    params = ["date_from", "date_to", "country", "admin1", "event_type", "sub_event_type", "plover_type",
              "category", "actor", "bbox", "min_fatalities", "q", "sort", "cursor", "limit"]

    def t_api(rng: random.Random) -> bool:
        query = {rng.choice(params): rand_text(rng, 6)[:300] for _ in range(rng.randrange(1, 4))}
        path = rng.choice(["/events", "/stats", "/events.csv", "/events.geojson", "/truces", "/alerts"])
        return client.get(path, params=query).status_code < 500

    targets["api"] = t_api
    return targets


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--inputs", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--targets", default="clean,extract,jsonl,files,api")
    args = ap.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # test_store.corpus for the API db
    rng = random.Random(args.seed)
    counts: Counter[str] = Counter()
    crashes: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        all_targets = make_targets(Path(tmp))
        names = [n for n in args.targets.split(",") if n]
        start = time.perf_counter()
        for i in range(args.inputs):
            name = names[i % len(names)]
            counts[name] += 1
            try:
                fine = all_targets[name](rng)
            except Exception:
                fine = False
                if crashes[name] < 3:
                    traceback.print_exc()
            if not fine:
                crashes[name] += 1
        secs = time.perf_counter() - start
    for name in names:
        print(f"{name:8} inputs {counts[name]:>7}  crashes {crashes[name]}")
    total = sum(counts.values())
    print(f"total    inputs {total:>7}  crashes {sum(crashes.values())}  {secs:.1f} s  ({total / secs:.0f} inputs/s)")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
