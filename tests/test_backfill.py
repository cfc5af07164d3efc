"""`truce backfill` on Dask: the single-process run's events, failed shards retried and reported, re-runs skip."""

from __future__ import annotations

import gzip
import json
import threading
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest
from sqlalchemy import select

from truce import store
from truce.backfill import (
    ShardChanged,
    backfill,
    expand,
    extract_shard,
    ledger_rows,
    plan,
)
from truce.cli import main

ATTEMPTS: Counter[str] = Counter()
_LOCK = threading.Lock()


def _flaky(path: str, digest: str):
    """Shard b always fails; shard c fails on its first attempt only; the others are coded as usual."""
    name = Path(path).stem
    with _LOCK:
        ATTEMPTS[name] += 1
        n = ATTEMPTS[name]
    if name == "b" or (name == "c" and n == 1):
        raise RuntimeError(f"disk error reading {name}")
    return extract_shard(path, digest)


@pytest.fixture
def shards(tmp_path: Path) -> list[str]:
    """The bundled samples in three shards, with a broken line and a non-English article among them."""
    lines = resources.files("truce").joinpath("samples/articles.jsonl").read_text(encoding="utf-8").splitlines()
    lines = [x for x in lines if x.strip()]
    french = json.loads(lines[0]) | {"id": "fr-1", "language": "fr"}
    parts = {"a": lines[:5], "b": [*lines[5:10], "{not json"], "c": [*lines[10:], json.dumps(french)]}
    out = []
    for name, rows in parts.items():
        p = (tmp_path / "in" / f"{name}.jsonl").resolve()
        p.parent.mkdir(exist_ok=True)
        p.write_text("\n".join(rows) + "\n", encoding="utf-8")
        out.append(str(p))
    return out


def _skips(db: Path) -> Counter[tuple]:
    engine = store.connect(str(db))
    with engine.connect() as conn:
        rows = conn.execute(select(store.skips.c.source, store.skips.c.line, store.skips.c.record_id,
                                   store.skips.c.reason, store.skips.c.detail)).all()
    return Counter(tuple(r) for r in rows)


def _article_ids(db: Path) -> list[str]:
    engine = store.connect(str(db))
    with engine.connect() as conn:
        return sorted(r[0] for r in conn.execute(select(store.articles.c.id)).all())


@pytest.mark.slow
def test_backfill_on_two_worker_processes_stores_the_single_process_events(shards, tmp_path, capsys):
    single, dask = tmp_path / "single.sqlite", tmp_path / "dask.sqlite"
    assert main(["run", *shards, "--db", str(single)]) == 0
    assert main(["backfill", *shards, "--db", str(dask), "--workers", "2"]) == 0
    want = store.load_events(store.connect(str(single)))
    got = store.load_events(store.connect(str(dask)))
    assert len(want) > 20
    assert [e.model_dump() for e in got] == [e.model_dump() for e in want]  # same ids, same fields
    assert _article_ids(dask) == _article_ids(single)
    assert _skips(dask) == _skips(single)
    assert {r["status"] for r in ledger_rows(store.connect(str(dask)))} == {"done"}
    assert {r["path"] for r in ledger_rows(store.connect(str(dask)))} == set(shards)
    capsys.readouterr()

    assert main(["backfill", *shards, "--db", str(dask), "--workers", "2"]) == 0  # a re-run does nothing
    err = capsys.readouterr().err
    assert "0 shards coded" in err and "3 already done" in err
    assert len(store.load_events(store.connect(str(dask)))) == len(want)
    assert _skips(dask) == _skips(single)


def test_failing_shard_is_retried_reported_and_coded_on_rerun(shards, tmp_path):
    db = str(tmp_path / "t.sqlite")
    ATTEMPTS.clear()
    report = backfill(shards, db, workers=1, processes=False, retries=2, task=_flaky)
    assert ATTEMPTS["b"] == 3 and ATTEMPTS["c"] == 2 and ATTEMPTS["a"] == 1  # two retries, then reported
    assert [(Path(s.path).stem, err) for s, err in report.failed] == [("b", "RuntimeError: disk error reading b")]
    assert sorted(Path(d.path).stem for d in report.done) == ["a", "c"]
    status = {Path(str(r["path"])).stem: r["status"] for r in ledger_rows(store.connect(db))}
    assert status == {"a": "done", "b": "failed", "c": "done"}
    failed_row = next(r for r in ledger_rows(store.connect(db)) if r["status"] == "failed")
    assert "disk error" in str(failed_row["error"])
    assert len(_article_ids(Path(db))) == 9  # 5 + 4; shard b's articles are not silently half-written

    again = backfill(shards, db, workers=1, processes=False)
    assert [Path(d.path).stem for d in again.done] == ["b"]
    assert sorted(Path(s.path).stem for s in again.already_done) == ["a", "c"]
    assert not again.failed
    assert len(_article_ids(Path(db))) == 14
    assert {r["status"] for r in ledger_rows(store.connect(db))} == {"done"}


def test_backfill_on_a_running_scheduler(shards, tmp_path):
    from distributed import LocalCluster

    db = tmp_path / "t.sqlite"
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, protocol="tcp://", host="127.0.0.1",
                      dashboard_address=None) as cluster:
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        assert main(["backfill", shards[0], "--db", str(db), "--scheduler", cluster.scheduler_address]) == 0
    assert len(_article_ids(db)) == 5
    assert [r["status"] for r in ledger_rows(store.connect(str(db)))] == ["done"]


def test_a_changed_file_is_a_new_shard_and_is_not_coded_midway(shards):
    before = plan(shards)
    Path(shards[0]).write_text(Path(shards[0]).read_text(encoding="utf-8") + "\n", encoding="utf-8")
    after = plan(shards)
    assert before[0].digest != after[0].digest and before[1:] == after[1:]
    with pytest.raises(ShardChanged):
        extract_shard(before[0].path, before[0].digest)


def test_folders_and_globs_expand_to_their_shards_and_gzip_is_read(shards, tmp_path):
    folder = Path(shards[0]).parent
    gz = folder / "d.jsonl.gz"
    gz.write_bytes(gzip.compress(Path(shards[0]).read_bytes()))
    assert [p.name for p in expand([str(folder)])] == ["a.jsonl", "b.jsonl", "c.jsonl", "d.jsonl.gz"]
    assert [p.name for p in expand([str(folder / "*.jsonl")])] == ["a.jsonl", "b.jsonl", "c.jsonl"]
    assert expand([shards[0], str(folder)])[0] == Path(shards[0])  # each file once
    res = extract_shard(str(gz), plan([str(gz)])[0].digest)
    want = [json.loads(x)["id"] for x in Path(shards[0]).read_text().splitlines()]
    assert [r.article.id for r in res.results] == want
    with pytest.raises(FileNotFoundError):
        expand([str(folder / "missing.jsonl")])
    assert main(["backfill", str(folder / "missing.jsonl"), "--db", str(tmp_path / "t.sqlite")]) == 2
