"""Ingestion's parts one at a time: sniffing, ids, JSON lines, sources, language, dedup, feeds, WARC encodings."""

from __future__ import annotations

import gzip
import io
import json
import random
import re
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path

import pytest
from fastwarc.warc import WarcRecordType
from rich.console import Console

from truce.ingest import synth
from truce.ingest.dedup import Deduper, from_bytes, signature, to_bytes
from truce.ingest.flow import Tally, articles, ingest, language_gate
from truce.ingest.ids import article_id, url_key
from truce.ingest.jsonl import read_jsonl, read_lines
from truce.ingest.progress import Meter
from truce.ingest.sniff import Format, sniff
from truce.ingest.sources import expand
from truce.records import Article, Skip

GOLD = Path(__file__).parent / "gold" / "dev.jsonl"
FRENCH = ("Les rebelles ont attaqué une base militaire près de la ville vendredi matin, tuant deux soldats "
          "selon un porte-parole de l'armée. Les habitants ont fui vers le centre pendant plusieurs heures.")


@pytest.mark.parametrize(("head", "name", "fmt"), [
    (b"WARC/1.1\r\nWARC-Type: warcinfo", "x.bin", Format.WARC),
    (b"garbage", "crawl.warc.gz", Format.WARC),
    (b'<?xml version="1.0"?>\n<rss version="2.0"><channel>', "x", Format.FEED),
    (b'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">', "x", Format.FEED),
    (b"\xef\xbb\xbf<!DOCTYPE html><html><head>", "page.txt", Format.HTML),
    (b"<div><p>fragment</p></div>", "noext", Format.HTML),
    (b'{"id": "1", "text": "x"}\n', "x", Format.JSONL),
    (b"A plain report mentions <p> in passing.", "r.txt", Format.TEXT),
    (b"Just words.", "notes", Format.TEXT),
    (b"\x00\x01\x02\x03binary", "x.html", Format.BINARY),
    (bytes(range(128, 256)) * 8, "x.jsonl", Format.BINARY),
])
def test_sniff(head, name, fmt):
    assert sniff(head, name) is fmt


def test_url_ids_ignore_scheme_case_tracking_and_fragments():
    a = "https://www.News.example/world/2024/story-1?utm_source=rss&utm_medium=feed#comments"
    b = "http://news.example/world/2024/story-1/"
    assert url_key(a) == url_key(b) == "news.example/world/2024/story-1"
    assert article_id(a, "x") == article_id(b, "y")  # the URL decides, not the text
    assert article_id("https://news.example/world/2024/story-2", "x") != article_id(a, "x")


def test_text_ids_ignore_case_and_spacing():
    assert article_id(None, "Rebels  attacked\nthe base.") == article_id(None, "rebels attacked the base.")
    assert article_id(None, "Rebels attacked the base.") != article_id(None, "Rebels attacked the town.")


def test_jsonl_reader_matches_the_contract_reader_and_bounds_line_length():
    lines = [json.dumps({"id": "a", "text": "short"}), "x" * 100, "{bad", "", json.dumps({"id": "b", "text": "ok"})]
    data = ("\r\n".join(lines) + "\n").encode()
    got = list(read_jsonl(io.BytesIO(data), "s", max_chars=50))
    assert [getattr(r, "id", None) or (r.line, r.reason) for r in got] == ["a", (2, "too large"), (3, "malformed"), "b"]
    assert list(read_jsonl(io.BytesIO(data), "s")) == list(read_lines(io.StringIO(data.decode(), newline=None), "s"))


def test_extract_reads_jsonl_exactly_as_before():
    """The CONTRACT.md path: the same records as `read_lines` on the opened file, skips included."""
    for path in [GOLD, Path(str(resources.files("truce").joinpath("samples/articles.jsonl")))]:
        with open(path, encoding="utf-8", errors="replace") as f:
            assert list(articles([str(path)])) == list(read_lines(f, str(path)))


def test_stdin_is_a_source(monkeypatch):
    payload = json.dumps({"id": "s1", "text": "Police detained 14 protesters in Lima on Monday."}) + "\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(gzip.compress(payload.encode()))))
    (rec,) = list(articles(["-"]))
    assert isinstance(rec, Article) and rec.id == "s1"


def test_expand_walks_folders_and_globs_in_order(tmp_path):
    for rel in ["b/2.html", "b/1.html", "a.jsonl", "c/deep/x.warc.gz"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    assert [Path(p).relative_to(tmp_path).as_posix() for p in expand([str(tmp_path)])] == \
        ["a.jsonl", "b/1.html", "b/2.html", "c/deep/x.warc.gz"]
    assert [Path(p).name for p in expand([str(tmp_path / "**" / "*.html")])] == ["1.html", "2.html"]
    (missing,) = list(expand([str(tmp_path / "none.warc")]))
    assert isinstance(missing, Skip) and missing.reason == "unreadable"


def test_language_gate():
    art = Article(id="f", text=FRENCH)
    skip = language_gate(art, "src")
    assert isinstance(skip, Skip) and skip.reason == "non-English" and "'fr'" in skip.detail and skip.source == "src"
    assert language_gate(art.model_copy(update={"language": "en"}), "src") == art.model_copy(update={"language": "en"})
    declared = language_gate(Article(id="d", text="Soldiers clashed with rebels.", language="de"), "src")
    assert isinstance(declared, Skip) and "declared" in declared.detail
    short = Article(id="s", text="Troops shelled Kharkiv.")  # too short to judge: kept
    assert language_gate(short, "src") == short


def test_dedup_exact_near_and_distinct():
    rng = random.Random(3)
    a, b = synth.story(rng), synth.story(rng)
    dd = Deduper()
    sig_a = signature(a.text)
    dd.add("a", sig_a)
    assert dd.match("a", signature("anything")) == ("a", 1.0)  # same id: already kept
    near = a.text.replace(a.paragraphs[0].split(" - ")[0], "WIRE DATELINE") + "\nReporting by a correspondent."
    hit = dd.match("copy", signature(near))
    assert hit is not None and hit[0] == "a" and 0.5 <= hit[1] < 1
    assert dd.match("b", signature(b.text)) is None
    assert from_bytes(to_bytes(sig_a)).jaccard(sig_a) == 1.0


def test_meter_is_silent_off_a_terminal():
    out = io.StringIO()
    with Meter(Console(file=out)) as meter:
        meter.update(Tally(read=3, kept=1))
    assert not meter.enabled and out.getvalue() == ""


def test_atom_feed_with_summary_only(tmp_path):
    feed = tmp_path / "atom.xml"
    feed.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
        "<entry><title>Clashes near Gao</title><id>tag:example,2024:1</id><updated>2024-03-05T10:00:00Z</updated>"
        "<summary>Soldiers clashed with insurgents near Gao on Monday, and six fighters were killed, the army said."
        "</summary></entry></feed>", encoding="utf-8")
    (out,) = list(ingest([str(feed)]))
    art = out.article  # type: ignore[union-attr]
    assert art.url is None and art.published == date(2024, 3, 5) and art.title == "Clashes near Gao"
    assert art.id == article_id(None, art.text) and art.text.startswith("Soldiers clashed")


def test_warc_http_encodings_are_undone(tmp_path):
    s = synth.story(random.Random(9))
    body = gzip.compress(synth.page_html(s))
    chunked = f"{len(body):x}\r\n".encode() + body + b"\r\n0\r\n\r\n"
    block = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\n"
             b"Transfer-Encoding: chunked\r\n\r\n" + chunked)
    out = io.BytesIO()
    synth.warc_record(WarcRecordType.response, 1, s.url, datetime(2024, 12, 1, tzinfo=UTC),
                      "application/http; msgtype=response", block).write(out)
    path = tmp_path / "enc.warc"
    path.write_bytes(out.getvalue())
    (kept,) = list(ingest([str(path)]))
    assert kept.article.text == s.text  # type: ignore[union-attr]


def test_warc_capture_date_is_the_fallback_publication_date(tmp_path):
    s = synth.story(random.Random(4))
    page = re.sub(rb'<meta property="article:published_time"[^>]*>', b"", synth.page_html(s))
    page = page.replace(s.url.encode(), b"https://plain.example/story")  # no date in the URL either
    out = io.BytesIO()
    synth.write_warc(out, [("https://plain.example/story", page, datetime(2024, 11, 2, 5, tzinfo=UTC))],
                     requests=False)
    path = tmp_path / "d.warc"
    path.write_bytes(out.getvalue())
    (kept,) = list(ingest([str(path)]))
    assert kept.article.published == date(2024, 11, 2)  # type: ignore[union-attr]


def test_dedup_window_forgets_texts_but_not_ids():
    rng = random.Random(12)
    stories = [synth.story(rng, n_body=6) for _ in range(3)]
    dd = Deduper(window=2)
    for i, s in enumerate(stories):
        dd.add(f"s{i}", signature(s.text))
    assert len(dd) == 3 and "s0" in dd
    assert dd.match("copy-of-s2", signature(stories[2].text)) == ("s2", 1.0)
    assert dd.match("copy-of-s0", signature(stories[0].text)) is None  # out of the near-copy window
    assert dd.match("s0", signature("")) == ("s0", 1.0)  # but its id is still known
