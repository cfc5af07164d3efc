"""Crash safety of `truce ingest`: a run killed at any point and run again ends with exactly the database
an uninterrupted run writes; SIGINT stops after the record in hand, says how to resume, and exits 130.

The input is generated here (synthetic stories, near-copies, exact repeats, bad lines) so that every
kind of bookkeeping (articles, events, ingest memory, alternate URLs, skips) is written and compared.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from truce import cli
from truce.ingest import synth
from truce.ingest.command import RESUME_HINT, StopRequest

pytestmark = pytest.mark.slow

N_STORIES = 48
KILL_AT = (4, 17, 33)  # stored articles when SIGKILL is sent (the last leaves 15 still to go)
INTERRUPT_AT = 10
# What each table holds, less the columns that record when a row was written.
COMPARED = {
    "articles": "id, url, title, published, source, language, text, content_hash",
    "events": "event_id, article_id, record",
    "evidence": "event_id, position, article_id, text, start_offset, end_offset",
    "sources": "event_id, article_id, role",
    "skips": "skip_key, source, line, record_id, reason, detail",
    "ingest_articles": "article_id, scheme, signature",
    "ingest_urls": "key, article_id, url",
}


def _line(aid: str, s: synth.Story, language: str = "en") -> str:
    return json.dumps({"id": aid, "url": s.url, "title": s.title, "published": s.published.isoformat(),
                       "language": language, "text": "\n\n".join(s.paragraphs)})


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """N_STORIES new articles, with wire copies, exact repeats and bad lines spread among them."""
    rng = random.Random(20240909)
    stories = [synth.story(rng, n_body=2) for _ in range(N_STORIES)]
    lines: list[str] = []
    for i, s in enumerate(stories):
        lines.append(_line(f"story-{i:03d}", s))
        if i % 12 == 5:  # a near-copy under another outlet's URL and id
            lines.append(_line(f"wire-{i:03d}", synth.syndicated(s, "Harbour Times")))
        if i % 16 == 9:  # the same record again
            lines.append(lines[-1])
        if i % 20 == 13:
            lines.append('{"id": "broken", "text": ')
        if i % 20 == 18:
            lines.append(_line(f"foreign-{i:03d}", stories[i - 1], language="fr"))
    path = tmp_path_factory.mktemp("crash") / "articles.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _argv(corpus: Path, db: Path) -> list[str]:
    return ["ingest", str(corpus), "--db", f"sqlite:///{db}"]


def _start(corpus: Path, db: Path) -> subprocess.Popen[str]:
    # SIGINT back to its default in the child: a shell without job control starts background jobs with it ignored
    return subprocess.Popen([sys.executable, "-m", "truce.cli", *_argv(corpus, db)], cwd=db.parent, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def _count(db: Path, table: str = "articles") -> int | None:
    """Rows in `table`, or None while the database or table is not there yet (read-only: never creates it)."""
    if not db.exists():
        return None
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    except sqlite3.OperationalError:
        return None
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    except sqlite3.OperationalError:
        return None
    finally:
        conn.close()


def _wait_for_articles(proc: subprocess.Popen[str], db: Path, n: int, limit_s: float = 120) -> None:
    deadline = time.monotonic() + limit_s
    while (_count(db) or 0) < n:
        if proc.poll() is not None:
            _out, err = proc.communicate()
            pytest.fail(f"ingest exited ({proc.returncode}) before {n} articles were stored:\n{err[-3000:]}")
        if time.monotonic() > deadline:
            proc.kill()
            proc.wait()
            pytest.fail(f"fewer than {n} articles stored after {limit_s} s")
        time.sleep(0.002)


def _run_to_end(corpus: Path, db: Path) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([sys.executable, "-m", "truce.cli", *_argv(corpus, db)], cwd=db.parent, text=True,
                          capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return done


def snapshot(db: Path) -> dict[str, list[tuple]]:
    """Every compared table as sorted rows (event records parsed, so key order does not matter)."""
    out: dict[str, list[tuple]] = {}
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        for table, cols in COMPARED.items():
            rows = conn.execute(f"SELECT {cols} FROM {table}").fetchall()
            if table == "events":
                rows = [(eid, aid, json.dumps(json.loads(rec), sort_keys=True)) for eid, aid, rec in rows]
            out[table] = sorted(rows, key=repr)
    finally:
        conn.close()
    return out


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple]]:
    """What one uninterrupted run into a fresh database stores."""
    db = tmp_path_factory.mktemp("reference") / "ref.sqlite"
    _run_to_end(corpus, db)
    snap = snapshot(db)
    assert len(snap["articles"]) == N_STORIES and snap["events"] and snap["skips"]
    assert any(aid.startswith("story-") and "harbourtimes" in url for _key, aid, url in snap["ingest_urls"])
    return snap


def test_sigkill_at_three_points_then_rerun_gives_the_uninterrupted_database(corpus, reference, tmp_path):
    db = tmp_path / "killed.sqlite"
    stored = []
    for n in KILL_AT:
        proc = _start(corpus, db)
        _wait_for_articles(proc, db, n)
        proc.kill()
        proc.communicate()
        assert proc.returncode == -signal.SIGKILL, f"ingest finished before the kill at {n} articles"
        stored.append(_count(db))
    assert all(s is not None and n <= s < N_STORIES for n, s in zip(KILL_AT, stored, strict=True)), stored
    _run_to_end(corpus, db)
    assert snapshot(db) == reference


class _Crash(BaseException):
    """Stands in for a SIGKILL at one exact point (not an Exception, so nothing on the way catches it)."""


def test_a_crash_between_an_articles_save_and_its_bookkeeping_is_repaired_by_a_rerun(
        corpus, reference, tmp_path, monkeypatch):
    """The one step that spans two transactions, hit deterministically (a random kill rarely lands there)."""
    from truce.ingest import command

    db = tmp_path / "crashed.sqlite"
    real = command.state.remember_kept
    calls = 0

    def crash_on_the_seventh(engine, kept):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        if calls == 7:
            raise _Crash
        real(engine, kept)

    monkeypatch.setattr(command.state, "remember_kept", crash_on_the_seventh)
    with pytest.raises(_Crash):
        cli.main(_argv(corpus, db))
    assert (_count(db), _count(db, "ingest_articles")) == (7, 6)  # saved, not yet remembered
    monkeypatch.setattr(command.state, "remember_kept", real)
    assert cli.main(_argv(corpus, db)) == 0
    assert snapshot(db) == reference


def test_sigint_stops_after_the_record_in_hand_and_a_rerun_completes(corpus, reference, tmp_path):
    db = tmp_path / "interrupted.sqlite"
    proc = _start(corpus, db)
    _wait_for_articles(proc, db, INTERRUPT_AT)
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err[-3000:]
    assert RESUME_HINT in err and "run the same command again: finished records are skipped" in err
    assert "interrupted; stopped after" in err and "Traceback" not in err
    n = _count(db)
    assert n is not None and INTERRUPT_AT <= n < N_STORIES
    assert _count(db, "ingest_articles") == n  # a clean stop: the last stored article has its bookkeeping too
    _run_to_end(corpus, db)
    assert snapshot(db) == reference


def test_first_sigint_asks_to_stop_a_second_stops_at_once_and_the_handler_is_restored():
    before = signal.getsignal(signal.SIGINT)
    with StopRequest() as stop:
        assert not stop.requested
        signal.raise_signal(signal.SIGINT)
        assert stop.requested
        with pytest.raises(KeyboardInterrupt):
            signal.raise_signal(signal.SIGINT)
    assert signal.getsignal(signal.SIGINT) is before


# --- truce backfill ---------------------------------------------------------------------------------------
N_SHARDS = 8
SHARD_KILL_AT = (1, 3, 6)  # shards marked done in the ledger when the backfill's process group is killed
BACKFILL_COMPARED = {table: COMPARED[table] for table in ("articles", "events", "evidence", "sources", "skips")}
BACKFILL_COMPARED["backfill_shards"] = "path, digest, status, articles, events, skips, error"


@pytest.fixture(scope="module")
def shard_dir(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The crash corpus dealt out round-robin into N_SHARDS shard files (bad lines and repeats included)."""
    lines = corpus.read_text(encoding="utf-8").splitlines()
    folder = tmp_path_factory.mktemp("shards")
    for k in range(N_SHARDS):
        (folder / f"shard-{k}.jsonl").write_text("\n".join(lines[k::N_SHARDS]) + "\n", encoding="utf-8")
    return folder


def _backfill_argv(shards: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "truce.cli", "backfill", str(shards), "--db", f"sqlite:///{db}", "--workers", "1"]


def _backfill_to_end(shards: Path, db: Path) -> None:
    done = subprocess.run(_backfill_argv(shards, db), cwd=db.parent, text=True, capture_output=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]


def _done_shards(db: Path) -> int:
    if (_count(db, "backfill_shards") or 0) == 0:
        return 0
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    try:
        return conn.execute("SELECT count(*) FROM backfill_shards WHERE status = 'done'").fetchone()[0]
    except sqlite3.OperationalError:
        return 0
    finally:
        conn.close()


def backfill_snapshot(db: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        out = {table: sorted(conn.execute(f"SELECT {cols} FROM {table}").fetchall(), key=repr)
               for table, cols in BACKFILL_COMPARED.items()}
    finally:
        conn.close()
    out["events"] = sorted(((e, a, json.dumps(json.loads(r), sort_keys=True)) for e, a, r in out["events"]), key=repr)
    return out


def test_backfill_killed_at_three_points_then_rerun_gives_the_uninterrupted_database(shard_dir, tmp_path):
    """SIGKILL to the whole process group (client, nanny, worker), as an OOM kill or a lost machine would."""
    ref_db = tmp_path / "ref.sqlite"
    _backfill_to_end(shard_dir, ref_db)
    reference = backfill_snapshot(ref_db)
    assert len(reference["backfill_shards"]) == N_SHARDS and reference["skips"]
    assert len(reference["articles"]) >= N_STORIES  # near-copies are not deduplicated by a backfill

    db = tmp_path / "killed.sqlite"
    seen = []
    for n in SHARD_KILL_AT:
        proc = subprocess.Popen(_backfill_argv(shard_dir, db), cwd=tmp_path, text=True, start_new_session=True,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 300
        while _done_shards(db) < n and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.002)
        finished = proc.poll() is not None
        os.killpg(proc.pid, signal.SIGKILL)
        _out, err = proc.communicate()
        assert not finished, f"backfill ended before {n} shards were done:\n{err[-3000:]}"
        seen.append(_done_shards(db))
    assert all(n <= s < N_SHARDS for n, s in zip(SHARD_KILL_AT, seen, strict=True)), seen
    _backfill_to_end(shard_dir, db)
    assert backfill_snapshot(db) == reference


def test_a_backfill_crash_between_a_shards_writes_and_its_ledger_row_is_repaired_by_a_rerun(shard_dir, tmp_path,
                                                                                           monkeypatch):
    """The shard's events are stored but it is not marked done: the re-run codes it again, to the same rows."""
    from truce import backfill as bf

    ref_db, db = tmp_path / "ref.sqlite", tmp_path / "crashed.sqlite"
    bf.backfill([str(shard_dir)], str(ref_db), workers=1, processes=False)
    real = bf._mark
    calls = 0

    def crash_on_the_third(engine, shard, status, **kw):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        if calls == 3:
            raise _Crash
        real(engine, shard, status, **kw)

    monkeypatch.setattr(bf, "_mark", crash_on_the_third)
    with pytest.raises(_Crash):
        bf.backfill([str(shard_dir)], str(db), workers=1, processes=False)
    assert _done_shards(db) == 2 and _count(db) > 0
    monkeypatch.setattr(bf, "_mark", real)
    again = bf.backfill([str(shard_dir)], str(db), workers=1, processes=False)
    assert len(again.already_done) == 2 and len(again.done) == N_SHARDS - 2
    assert backfill_snapshot(db) == backfill_snapshot(ref_db)
