"""`truce ingest` end to end on generated inputs: one story in three formats, re-runs, accounting."""

from __future__ import annotations

import gzip
import io
import json
import random
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from truce import store
from truce.cli import main
from truce.ingest import state, synth
from truce.ingest.flow import Duplicate, Kept, Tally, ingest
from truce.records import Article, Skip
from truce.run import Result, extract_all

CAPTURED = datetime(2024, 12, 30, 9, 0, tzinfo=UTC)  # crawl time, later than every generated publication day


def _warc_gz(pages: list[tuple[str, bytes, datetime]]) -> bytes:
    """A .warc.gz as crawlers write it: one gzip member per record (request + response per page)."""
    out = io.BytesIO()
    for i, page in enumerate(pages):
        raw = io.BytesIO()
        synth.write_warc(raw, [page], first_id=10 * i + 1)
        out.write(gzip.compress(raw.getvalue()))
    return out.getvalue()


@pytest.fixture(scope="module")
def stories() -> list[synth.Story]:
    rng = random.Random(20240805)
    return [synth.story(rng, n_body=5) for _ in range(3)]


@pytest.fixture()
def three_formats(tmp_path: Path, stories: list[synth.Story]) -> dict[str, Path]:
    """Story 0 as a saved page, inside a WARC (with a second page), and as an item of a feed (with story 2)."""
    s0, s1, s2 = stories
    paths = {"html": tmp_path / "saved" / "story.html", "warc": tmp_path / "crawl" / "news.warc.gz",
             "feed": tmp_path / "feeds" / "world.rss"}
    for p in paths.values():
        p.parent.mkdir(parents=True, exist_ok=True)
    paths["html"].write_bytes(synth.page_html(s0))
    paths["warc"].write_bytes(_warc_gz([(s0.url + "?utm_source=crawler", synth.page_html(s0), CAPTURED),
                                        (s1.url, synth.page_html(s1), CAPTURED)]))
    paths["feed"].write_bytes(synth.feed_xml([s0, s2]))
    return paths


def _outcomes(*specs: Path | str) -> list[Kept | Duplicate | Skip]:
    return list(ingest([str(s) for s in specs]))


def _kept(outcomes: list[Kept | Duplicate | Skip]) -> list[Article]:
    return [o.article for o in outcomes if isinstance(o, Kept)]


def _events(article: Article) -> list[dict]:
    result = next(extract_all([article]))
    assert isinstance(result, Result), result
    return [json.loads(e.model_dump_json()) for e in result.events]


def test_one_story_from_page_warc_and_feed_reads_alike_and_codes_alike(three_formats, stories):
    s0 = stories[0]
    by_format = {}
    for fmt, path in three_formats.items():
        found = [a for a in _kept(_outcomes(path)) if a.url and s0.url in a.url]
        assert len(found) == 1, (fmt, found)
        by_format[fmt] = found[0]
    html, warc, feed = by_format["html"], by_format["warc"], by_format["feed"]
    assert html.text == warc.text == feed.text == s0.text  # headline line dropped, boilerplate gone
    assert html.id == warc.id == feed.id  # the crawler's tracking parameter does not change the id
    assert html.published == warc.published == feed.published == s0.published  # page metadata beats capture date
    events = _events(html)
    assert events, "the generated lead states an event"
    assert _events(warc) == events and _events(feed) == events


def test_the_three_copies_are_one_article(three_formats, stories):
    outcomes = _outcomes(*three_formats.values())
    kept = _kept(outcomes)
    assert sorted(a.url.split("?")[0] for a in kept) == sorted(s.url for s in stories)  # s0 once, s1, s2
    dups = [o for o in outcomes if isinstance(o, Duplicate)]
    assert len(dups) == 2 and {d.of for d in dups} == {a.id for a in kept if stories[0].url in a.url}


def test_syndicated_copy_is_a_duplicate_with_its_own_url(tmp_path, stories):
    original = tmp_path / "a.html"
    copy = tmp_path / "b.html"
    original.write_bytes(synth.page_html(stories[0]))
    wire = synth.syndicated(stories[0], "Riverside Post", title="Fresh headline on the same report")
    copy.write_bytes(synth.page_html(wire))
    kept, dup = _outcomes(original, copy)
    assert isinstance(kept, Kept) and isinstance(dup, Duplicate)
    assert dup.of == kept.article.id and dup.article.url == wire.url and dup.article.id != kept.article.id


def _counts(db: Path) -> dict[str, int]:
    """Rows in every table of the database (the store's and ingestion's own)."""
    engine = store.connect(str(db))
    with engine.connect() as conn:
        return {t: conn.execute(text(f'SELECT COUNT(*) FROM "{t}"')).scalar_one()
                for t in inspect(conn).get_table_names()}


def _summary(err: str) -> str:
    return next(line for line in err.splitlines() if line.startswith("truce: read"))


def test_ingest_stores_once_and_a_rerun_adds_nothing(three_formats, stories, tmp_path, capsys):
    db = tmp_path / "t.sqlite"
    wire = tmp_path / "wire" / "copy.html"
    wire.parent.mkdir()
    wire.write_bytes(synth.page_html(synth.syndicated(stories[0], "Harbour Times")))
    sources = [str(p) for p in three_formats.values()] + [str(wire.parent)]
    assert main(["ingest", *sources, "--db", str(db), "--skips", str(tmp_path / "skips.jsonl")]) == 0
    first = _summary(capsys.readouterr().err)
    # 2 WARC requests skipped; s0 kept once (page), WARC and feed copies and the wire copy are duplicates
    assert first.startswith("truce: read 8 records: kept 3, duplicates 3, skipped 2 (not HTML 2)")
    before = _counts(db)
    assert before["articles"] == 3 and before["events"] > 0 and before["skips"] == 2
    engine = store.connect(str(db))
    s0_id = _kept(_outcomes(three_formats["html"]))[0].id
    assert synth.syndicated(stories[0], "Harbour Times").url in state.urls(engine, s0_id)
    skips = [json.loads(x) for x in (tmp_path / "skips.jsonl").read_text().splitlines()]
    assert [s["reason"] for s in skips] == ["not HTML", "not HTML"]

    assert main(["ingest", *sources, "--db", str(db)]) == 0
    again = _summary(capsys.readouterr().err)
    assert again.startswith("truce: read 8 records: kept 0, duplicates 6, skipped 2 (not HTML 2)")
    assert _counts(db) == before


def test_counts_add_up_over_good_and_bad_input(three_formats, tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "junk.bin").write_bytes(random.Random(1).randbytes(5000))
    (bad / "lines.jsonl").write_text('{"id": "x", "text": "Police detained 14 protesters in Lima on Monday."}\n'
                                     "{oops\n" + '{"id": "y", "text": ""}\n')
    tally = Tally()
    for o in ingest([str(p) for p in three_formats.values()] + [str(bad)]):
        tally.add(o)
    assert tally.balanced
    assert tally.read == 1 + 4 + 2 + 1 + 3  # page, WARC records, feed entries, junk file, JSON lines
    assert (tally.kept, tally.duplicates) == (4, 2)
    assert dict(tally.skipped) == {"not HTML": 2, "malformed": 2, "empty": 1}


def test_extract_reads_any_ingest_source(three_formats, tmp_path, capsys):
    out = tmp_path / "events.jsonl"
    assert main(["extract", str(three_formats["html"]), "--output", str(out)]) == 0
    events = [json.loads(x) for x in out.read_text().splitlines()]
    page = _kept(_outcomes(three_formats["html"]))[0]
    assert events == _events(page)
    assert "1 articles" in capsys.readouterr().err


def test_stdin_gzip_warc_is_read_as_a_stream(three_formats, stories, tmp_path):
    """A .warc.gz piped in (no seeking): the reader streams it; `-` works like a file."""
    data = three_formats["warc"].read_bytes()
    proc = subprocess.run([sys.executable, "-c", (
        "import sys; from truce.ingest.flow import ingest, Kept\n"
        "for o in ingest(['-']):\n"
        "    print(type(o).__name__, o.article.url if isinstance(o, Kept) else o.reason)\n")],
        input=data, capture_output=True, check=True)
    lines = proc.stdout.decode().splitlines()
    assert lines == ["Skip not HTML", f"Kept {stories[0].url}?utm_source=crawler", "Skip not HTML",
                     f"Kept {stories[1].url}"]
