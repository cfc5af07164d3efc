"""Bad input never stops ingestion: each broken file or record becomes a Skip with its reason."""

from __future__ import annotations

import gzip
import io
import json
import random
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from truce.ingest import synth
from truce.ingest.flow import Duplicate, Kept, Tally, ingest
from truce.records import Skip

WHEN = datetime(2024, 12, 30, tzinfo=UTC)
RNG = random.Random(7)
STORIES = [synth.story(RNG) for _ in range(3)]
SPANISH = ("Los rebeldes atacaron una base del ejército cerca de la ciudad el viernes por la mañana y mataron a "
           "dos soldados, según informó un portavoz militar. Los vecinos huyeron hacia el centro mientras se "
           "escuchaban disparos en las colinas durante varias horas.")


def _warc(pages: list[tuple[str, bytes, datetime]], **kw: object) -> bytes:
    out = io.BytesIO()
    synth.write_warc(out, pages, **kw)  # type: ignore[arg-type]
    return out.getvalue()


def _pages(n: int = 3) -> list[tuple[str, bytes, datetime]]:
    return [(s.url, synth.page_html(s), WHEN) for s in STORIES[:n]]


def _jsonl(n: int = 3) -> bytes:
    return b"".join(json.dumps({"id": f"a{i}", "text": s.text}).encode() + b"\n" for i, s in enumerate(STORIES[:n]))


def _gz_members(records: bytes) -> bytes:
    """Split a plain WARC at its record starts and gzip each record on its own, as crawlers do."""
    starts = [i for i in range(len(records)) if records.startswith(b"WARC/1.", i) and (i == 0 or records[i - 1] == 10)]
    return b"".join(gzip.compress(records[a:b]) for a, b in zip(starts, [*starts[1:], len(records)], strict=True))


def _break_second_response(data: bytes) -> bytes:
    """Records run request, response, request, response ...: garble the header of the fourth."""
    starts = [i for i in range(len(data)) if data.startswith(b"WARC/1.1\r\n", i)]
    return data[:starts[3]] + b"GARBAGE!!\r\n" + data[starts[3] + 10:]


def _bad_length(data: bytes) -> bytes:
    return data.replace(b"Content-Length: ", b"Content-Length: x", 1)


def _single_warc_response(status: str, ctype: str, body: bytes) -> bytes:
    data = _warc([("https://site.example/p", body, WHEN)], requests=False, content_type=ctype)
    return data.replace(b"HTTP/1.1 200 OK", f"HTTP/1.1 {status}".encode(), 1)


BIG = 50 * 1024 * 1024

# name, file name, content, expected skip reasons, expected kept articles
CASES: list[tuple[str, str, Callable[[], bytes], dict[str, int], int]] = [
    ("truncated gzip JSONL", "a.jsonl.gz", lambda: gzip.compress(_jsonl())[:-30], {"malformed": 1}, 2),
    ("truncated gzip HTML", "p.html.gz", lambda: gzip.compress(synth.page_html(STORIES[0]))[:-30],
     {"malformed": 1}, 0),
    ("truncated WARC.gz", "c.warc.gz", lambda: _gz_members(_warc(_pages()))[:-200], {"not HTML": 3, "malformed": 1}, 2),
    ("truncated WARC", "c.warc", lambda: _warc(_pages())[:-200], {"not HTML": 3, "malformed": 1}, 2),
    ("broken WARC header", "b.warc", lambda: _break_second_response(_warc(_pages())),
     {"not HTML": 3, "malformed": 1}, 2),
    ("broken WARC.gz header", "b.warc.gz", lambda: _gz_members(_break_second_response(_warc(_pages()))),
     {"not HTML": 3, "malformed": 1}, 2),
    ("WARC Content-Length not a number", "l.warc", lambda: _bad_length(_warc(_pages(2))), {"malformed": 1}, None),
    ("WARC 404 response", "e.warc", lambda: _single_warc_response("404 Not Found", "text/html",
                                                                   synth.page_html(STORIES[0])), {"no article": 1}, 0),
    ("WARC image response", "i.warc", lambda: _single_warc_response("200 OK", "image/png", b"\x89PNG\r\n\x1a\n" * 9),
     {"not HTML": 1}, 0),
    ("invalid XML feed", "f.rss", lambda: b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</titl',
     {"malformed": 1}, 0),
    ("feed cut inside an item", "g.rss", lambda: synth.feed_xml(STORIES[:2])[:-400], {}, None),
    ("binary junk", "junk.bin", lambda: RNG.randbytes(20000), {"malformed": 1}, 0),
    ("binary junk named .html", "junk.html", lambda: RNG.randbytes(20000), {"malformed": 1}, 0),
    ("binary junk named .warc", "junk.warc", lambda: RNG.randbytes(20000), {"malformed": 1}, 0),
    ("binary junk named .jsonl.gz", "junk.jsonl.gz", lambda: gzip.compress(RNG.randbytes(20000)), {"malformed": 1}, 0),
    ("50 MB single JSON line", "big.jsonl",
     lambda: b'{"id": "big", "text": "' + b"a" * BIG + b'"}\n' + _jsonl(1), {"too large": 1}, 1),
    ("50 MB text file", "big.txt", lambda: b"word " * (BIG // 5), {"too large": 1}, 0),
    ("50 MB page", "big.html", lambda: b"<html><body><p>" + b"a" * BIG + b"</p></body></html>", {"too large": 1}, 0),
    ("empty file", "e.txt", lambda: b"", {"empty": 1}, 0),
    ("page with no main text", "nav.html",
     lambda: b'<html><body><nav><a href="/">Home</a> <a href="/w">World</a></nav></body></html>', {"empty": 1}, 0),
    ("Spanish page", "es.html", lambda: f"<html><body><article><p>{SPANISH}</p></article></body></html>".encode(),
     {"non-English": 1}, 0),
]


@pytest.mark.parametrize(("name", "filename", "make", "reasons", "kept"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_becomes_skips_and_the_run_goes_on(tmp_path: Path, name, filename, make, reasons, kept):
    bad = tmp_path / filename
    bad.write_bytes(make())
    good = tmp_path / "z_after.html"  # read after the bad file: the run must reach it
    good.write_bytes(synth.page_html(STORIES[2]))
    tally = Tally()
    outcomes = list(ingest([str(bad), str(good)]))
    for o in outcomes:
        tally.add(o)
    assert tally.balanced
    from_bad = [o for o in outcomes if not (isinstance(o, Skip) and o.source == str(good))][:-1]
    skips = Counter(o.reason for o in from_bad if isinstance(o, Skip))
    for reason, n in reasons.items():
        assert skips[reason] == n, (name, skips, [o for o in from_bad if isinstance(o, Skip)])
    if kept is not None:
        assert sum(isinstance(o, Kept) for o in from_bad) == kept, (name, from_bad)
    last = outcomes[-1]
    assert isinstance(last, (Kept, Duplicate)) and last.article.url == STORIES[2].url
    assert all(len(s.detail) <= 300 for s in from_bad if isinstance(s, Skip))


def test_spanish_skip_names_the_language(tmp_path):
    page = tmp_path / "es.html"
    page.write_text(f"<html><body><article><p>{SPANISH}</p></article></body></html>", encoding="utf-8")
    (skip,) = list(ingest([str(page)]))
    assert isinstance(skip, Skip) and skip.reason == "non-English" and "'es'" in skip.detail


def test_a_missing_source_is_reported_not_raised(tmp_path):
    (skip,) = list(ingest([str(tmp_path / "nowhere" / "*.warc"), ]))
    assert isinstance(skip, Skip) and skip.reason == "unreadable"


def test_broken_warc_header_resumes_at_the_next_record(tmp_path):
    path = tmp_path / "b.warc"
    path.write_bytes(_break_second_response(_warc(_pages())))
    urls = [o.article.url for o in ingest([str(path)]) if isinstance(o, Kept)]
    assert urls == [STORIES[0].url, STORIES[2].url]  # only the garbled record is lost
