"""`truce extract --processes N`: the single-process output, in input order; a dying worker loses nothing."""

from __future__ import annotations

import json
import os
import random
import time
from concurrent.futures.process import BrokenProcessPool
from importlib import resources
from pathlib import Path

import pytest

from truce.cli import main
from truce.parallel import _Pool, extract_parallel
from truce.records import Article, Skip
from truce.run import Result


def _echo(batch: list[Article | Skip]) -> list[Result | Skip]:
    """A stand-in worker with no model: answers each article after a random pause, so batches finish out of order."""
    time.sleep(random.uniform(0, 0.02))
    return [r if isinstance(r, Skip) else Result(r, []) for r in batch]


def _die_on_boom(batch: list[Article | Skip]) -> list[Result | Skip]:
    if any(isinstance(r, Article) and r.id == "boom" for r in batch):
        os._exit(3)  # what the kernel's OOM killer or a native crash looks like to the pool
    return _echo(batch)


def _articles(n: int) -> list[Article | Skip]:
    out: list[Article | Skip] = [Article(id=f"a{i}", text=f"text {i}") for i in range(n)]
    out[5] = Skip(source="in", line=6, reason="malformed", detail="not valid JSON")
    return out


def test_results_come_back_in_input_order():
    recs = _articles(60)
    got = list(extract_parallel(recs, 2, batch_size=3, ahead=2, work=_echo, warm=False))
    assert [r.article.id if isinstance(r, Result) else r.line for r in got] == [
        r.id if isinstance(r, Article) else r.line for r in recs]


def test_a_dying_worker_loses_only_its_batch_as_skips():
    recs = _articles(40)
    recs[17] = Article(id="boom", text="crashes its worker")
    got = list(extract_parallel(recs, 2, batch_size=4, ahead=2, work=_die_on_boom, warm=False))
    assert len(got) == len(recs)
    lost = [r for r in got if isinstance(r, Skip) and r.reason == "extraction error"]
    assert sorted(r.record_id for r in lost) == ["a16", "a18", "a19", "boom"]  # the batch 16-19, no other
    assert all("worker process died" in r.detail for r in lost)
    ids = [r.article.id if isinstance(r, Result) else (r.record_id or r.line) for r in got]
    assert ids == [r.id if isinstance(r, Article) else r.line for r in recs]


def test_one_process_runs_here():
    recs = _articles(10)
    got = list(extract_parallel(recs, 1, work=_echo))
    assert [type(r) for r in got] == [type(r) if isinstance(r, Skip) else Result for r in recs]


@pytest.mark.slow
def test_two_processes_write_the_single_process_output(tmp_path: Path):
    lines = resources.files("truce").joinpath("samples/articles.jsonl").read_text(encoding="utf-8").splitlines()
    extra = json.loads(lines[0]) | {"id": "not-english", "language": "fr"}
    lines = [*lines[:4], "{broken", *lines[4:], json.dumps(extra)]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["extract", str(src), "-o", str(one), "--skips", str(tmp_path / "s1.jsonl")]) == 0
    assert main(["extract", str(src), "-o", str(two), "--skips", str(tmp_path / "s2.jsonl"), "--processes", "2"]) == 0
    assert one.read_bytes() == two.read_bytes()
    assert len(one.read_text().splitlines()) > 20
    assert (tmp_path / "s1.jsonl").read_bytes() == (tmp_path / "s2.jsonl").read_bytes()
    assert [json.loads(x)["reason"] for x in (tmp_path / "s2.jsonl").read_text().splitlines()] == [
        "malformed", "non-English"]


def test_a_batch_handed_to_a_pool_that_just_broke_comes_back_broken_to_be_rerun():
    pool = _Pool(1, warm=False)
    try:
        assert isinstance(pool.submit(_die_on_boom, [Article(id="boom", text="x")]).exception(), BrokenProcessPool)
        late = pool.submit(_echo, [Article(id="a", text="t")])
        assert isinstance(late.exception(), BrokenProcessPool)
    finally:
        pool.close()
