"""Property tests: whatever a crawler brings back, cleaning, extraction and every reader end in events or
skips with a reason, never in an exception. Bounded (examples per target, small sizes) to stay fast."""

from __future__ import annotations

import gzip
import io
import json
import random
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import truce
from truce import lexicon
from truce.clean import clean
from truce.ingest import synth
from truce.ingest.dedup import Deduper
from truce.ingest.flow import Duplicate, Kept, ingest
from truce.ingest.jsonl import read_jsonl, read_lines
from truce.records import Article, Event, Skip
from truce.run import MAX_ARTICLE_CHARS, Result, extract_all, extractor

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text with what crawlers bring: control characters, RTL and bidi marks, odd whitespace, surrogate-free unicode.
NASTY = ["\x00", "\x0b", "\x0c", "\r", "\r\n", "\u2028", "\u2029", "\u200b", "\u200f", "\u202e", "\ufeff",
         "\u0627\u0644\u0633\u0644\u0627\u0645", "\u05e9\u05dc\u05d5\u05dd", "\u00a0", "\t", "\n\n", "  ",
         "killed", " 12 ", "Monday", "rebels attacked", "MOGADISHU, Nov 30 (Reuters) - ", ".", "\"", "<p>"]
texts = st.lists(st.one_of(st.text(max_size=40), st.sampled_from(NASTY)), max_size=40).map("".join)
published = st.one_of(st.none(), st.dates(min_value=date(1, 1, 1)), st.text(max_size=20))


@FUZZ
@given(texts)
def test_clean_never_raises_and_keeps_offsets(text: str) -> None:
    cleaned = clean(text, lexicon.load())
    for p in cleaned.kept:
        assert text[p.start:p.end] == p.text


@FUZZ
@given(texts, published)
def test_extract_never_raises(text: str, when: object) -> None:
    events = truce.extract(text, published=when)  # type: ignore[arg-type]
    assert all(isinstance(e, Event) for e in events)


@FUZZ
@given(st.lists(texts, min_size=1, max_size=4))
def test_extract_all_ends_every_article_in_events_or_a_skip(bodies: list[str]) -> None:
    arts = [Article(id=f"a{i}", text=t or " ") for i, t in enumerate(bodies)]
    out = list(extract_all(arts, extractor()))
    assert len(out) == len(arts)
    for r in out:
        assert isinstance(r, Result) or (isinstance(r, Skip) and r.reason)


def test_an_article_over_the_size_limit_is_skipped_as_too_large() -> None:
    big = Article(id="big", text="Rebels attacked the town. " * (MAX_ARTICLE_CHARS // 26 + 1))
    [r] = extract_all([big], extractor())
    assert isinstance(r, Skip) and r.reason == "too large" and r.record_id == "big"


json_values = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), texts),
                           lambda kids: st.one_of(st.lists(kids, max_size=4),
                                                  st.dictionaries(st.text(max_size=8), kids, max_size=4)),
                           max_leaves=12)
article_like = st.fixed_dictionaries({}, optional={"id": json_values, "text": json_values, "published": json_values,
                                                   "url": json_values, "title": json_values,
                                                   "language": json_values})
lines = st.one_of(texts, article_like.map(lambda d: json.dumps(d)), st.just("{"), st.just("[]"))


@FUZZ
@given(st.lists(lines, max_size=8))
def test_read_lines_gives_an_article_or_a_skip_per_non_blank_line(batch: list[str]) -> None:
    flat = [part for line in batch for part in line.splitlines() or [line]]
    out = list(read_lines(flat, "fuzz"))
    assert len(out) == sum(1 for line in flat if line.strip())
    for r in out:
        assert isinstance(r, Article) or (isinstance(r, Skip) and r.reason)


@FUZZ
@given(st.binary(max_size=2000))
def test_read_jsonl_on_bytes_never_raises(data: bytes) -> None:
    for r in read_jsonl(io.BytesIO(data), "fuzz", max_chars=200):
        assert isinstance(r, Article) or (isinstance(r, Skip) and r.reason)


VALID = synth.valid_files()
SUFFIXES = [".html", ".warc", ".xml", ".rss", ".jsonl", ".txt", ".bin", ""]


@st.composite
def files(draw: st.DrawFn) -> tuple[str, bytes]:
    """A file name and content: random bytes, or a valid file cut short or with bytes flipped, maybe gzipped."""
    suffix = draw(st.sampled_from(SUFFIXES))
    kind = draw(st.sampled_from(["random", "cut", "flipped", "nested"]))
    if kind == "random":
        data = draw(st.binary(max_size=3000))
    elif kind == "nested":
        depth = draw(st.integers(1, 3000))
        data = (b"<html><body>" + b"<div>" * depth + b"Rebels attacked the town on Monday." + b"</div>" * depth)
    else:
        base = VALID[draw(st.sampled_from(sorted(VALID)))]
        if kind == "cut":
            data = base[: draw(st.integers(0, len(base)))]
        else:
            flips = draw(st.lists(st.tuples(st.integers(0, len(base) - 1), st.integers(0, 255)), max_size=20))
            buf = bytearray(base)
            for i, b in flips:
                buf[i] = b
            data = bytes(buf)
    if draw(st.booleans()):
        data = gzip.compress(data)
        if draw(st.booleans()):
            data = data[: draw(st.integers(0, len(data)))]
        suffix += ".gz"
    return suffix, data


@FUZZ
@given(files())
def test_every_reader_ends_each_record_as_an_article_or_a_skip(file: tuple[str, bytes]) -> None:
    suffix, data = file
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        outcomes = list(ingest([str(path)], Deduper()))
    if data.strip() and not suffix.startswith(".jsonl"):  # an empty JSONL file holds no records, and says so
        assert outcomes, "every non-empty source yields at least one record or skip"
    for o in outcomes:
        assert isinstance(o, (Kept, Duplicate)) or (isinstance(o, Skip) and o.reason)


@pytest.mark.slow
def test_ingest_and_extract_survive_a_fuzzed_folder() -> None:
    """Many corrupt files in one run: the stream goes on past each and extraction never raises."""
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(40):
            base = VALID[rng.choice(sorted(VALID))]
            cut = base[: rng.randrange(len(base) + 1)]
            Path(tmp, f"f{i}{rng.choice(SUFFIXES)}").write_bytes(gzip.compress(cut) if i % 3 == 0 else cut)
        outcomes = list(ingest([tmp], Deduper()))
    assert len(outcomes) >= 40
    arts = [o.article for o in outcomes if isinstance(o, Kept)]
    for r in extract_all(arts, extractor()):
        assert isinstance(r, Result) or r.reason
