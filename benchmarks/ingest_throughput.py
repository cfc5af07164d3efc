"""Ingestion throughput per input format (records/s), and peak memory on a generated ~1 GB WARC.

Measures the ingest stream (read, clean, language check, near-duplicate look-up), not event extraction,
which is timed separately on a small sample since it dominates a full `truce ingest --db` run.
Everything is generated under a temporary folder (default /tmp/truce-ingest-bench) and never committed.

    python benchmarks/ingest_throughput.py [--records 400] [--big-mb 1024] [--skip-big]
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import random
import shutil
import subprocess
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from truce.ingest import synth
from truce.ingest.dedup import WINDOW
from truce.ingest.flow import Kept, Tally, ingest

WHEN = datetime(2024, 12, 30, 6, 0, tzinfo=UTC)
LINKS = ["Politics", "Business", "Markets", "Technology", "Science", "Health", "Sport", "Culture", "Travel",
         "Opinion", "Weather", "Video", "Podcasts", "Newsletters", "Obituaries", "Corrections"]


SYLLABLES = ["ka", "lo", "mi", "ren", "sa", "tu", "vel", "dor", "in", "ash", "pe", "qui", "zor", "ba", "nu", "ect"]


def varied(s: synth.Story, rng: random.Random) -> synth.Story:
    """The story with two paragraphs of random pseudo-words, so a large corpus is not all template kin
    (real news is far more varied than the generator's sentence templates)."""
    def para() -> str:
        words = ("".join(rng.choices(SYLLABLES, k=rng.randint(1, 4))) for _ in range(45))
        return " ".join(words).capitalize() + "."
    return replace(s, paragraphs=(*s.paragraphs, para(), para()))


def heavy_page(s: synth.Story, rng: random.Random) -> bytes:
    """A page of the weight news sites serve (~40 KB): scripts, styles, menus and link lists around the story."""
    base = synth.page_html(s).decode()
    menu = "".join(f'<li><a href="/{x.lower()}/{rng.randrange(10**6)}">{x} section {i}</a></li>'
                   for i in range(12) for x in LINKS)
    script = "<script>var cfg = {" + ",".join(f'"k{i}": {rng.random():.8f}' for i in range(900)) + "};</script>"
    style = "<style>" + "".join(f".c{i}{{margin:{i % 9}px;color:#{i * 2731 % 0xFFFFFF:06x}}}" for i in range(400)) \
        + "</style>"
    page = base.replace("</head>", style + script + "</head>").replace("<nav>", f"<nav><ul>{menu}</ul>")
    return page.encode()


def make_inputs(root: Path, n: int, seed: int) -> dict[str, list[str]]:
    """n records per format, each a fresh story: HTML files, JSONL lines, text files, feed entries, WARC pages."""
    rng = random.Random(seed)
    stories = {fmt: [synth.story(rng, n_body=6) for _ in range(n)] for fmt in ("html", "jsonl", "text", "feed", "warc")}
    (root / "html").mkdir(parents=True)
    for i, s in enumerate(stories["html"]):
        (root / "html" / f"{i:05d}.html").write_bytes(heavy_page(s, rng))
    (root / "articles.jsonl").write_text("".join(
        json.dumps({"id": f"j{i}", "text": s.text, "published": s.published.isoformat(), "url": s.url}) + "\n"
        for i, s in enumerate(stories["jsonl"])))
    (root / "text").mkdir()
    for i, s in enumerate(stories["text"]):
        (root / "text" / f"{i:05d}.txt").write_text(s.text)
    (root / "feed.rss").write_bytes(synth.feed_xml(stories["feed"]))
    with open(root / "pages.warc", "wb") as f:
        synth.write_warc(f, [(s.url, heavy_page(s, rng), WHEN) for s in stories["warc"]], requests=False)
    return {"HTML files": [str(root / "html")], "JSONL": [str(root / "articles.jsonl")],
            "plain text files": [str(root / "text")], "RSS feed": [str(root / "feed.rss")],
            "WARC (responses)": [str(root / "pages.warc")]}


def throughput(specs: list[str]) -> tuple[Tally, float, float]:
    """(tally, wall seconds, CPU seconds of this process): on a shared machine the CPU figure is the
    steadier one, and ingestion is single-threaded, so records per CPU-second is records/s on an idle core."""
    tally = Tally()
    t0, c0 = time.perf_counter(), time.process_time()
    for o in ingest(specs):
        tally.add(o)
    return tally, time.perf_counter() - t0, time.process_time() - c0


def extraction_rate(root: Path, n: int) -> float:
    from truce.run import extract_all, extractor

    extractor()  # load once, outside the timing
    arts = [o.article for o in ingest([str(root / "articles.jsonl")]) if isinstance(o, Kept)][:n]
    c0 = time.process_time()
    for _ in extract_all(arts):
        pass
    return len(arts) / (time.process_time() - c0)


def make_big_warc(path: Path, target_mb: int, seed: int) -> tuple[int, int]:
    """A crawl-like archive: per page a request and an HTML response, every 20th a PDF response, as
    per-record gzip members when the name ends in .gz. Returns (records, bytes)."""
    rng = random.Random(seed)
    target = target_mb * 1024 * 1024
    n = 0
    with open(path, "wb") as f:
        i = 0
        while f.tell() < target:
            s = synth.story(rng, n_body=6, published=datetime(2024, 1, 1).date() + timedelta(days=i % 360),
                            slug=f"big-{i}")
            buf = io.BytesIO()
            n += synth.write_warc(buf, [(s.url, heavy_page(varied(s, rng), rng), WHEN)], first_id=2 * i + 1)
            if i % 20 == 19:
                n += synth.write_warc(buf, [(s.url + ".pdf", b"%PDF-1.4 " + rng.randbytes(2000), WHEN)],
                                      requests=False, content_type="application/pdf", first_id=10**9 + i)
            f.write(gzip.compress(buf.getvalue(), 6) if path.suffix == ".gz" else buf.getvalue())
            i += 1
        return n, f.tell()


_CHILD = """
import json, sys, time
from truce.ingest.dedup import Deduper
from truce.ingest.flow import Tally, ingest

def mem(field):  # this process's own figures (ru_maxrss would include the parent's, inherited across exec)
    for line in open("/proc/self/status"):
        if line.startswith(field + ":"):
            return int(line.split()[1]) // 1024

tally, marks, t0, c0 = Tally(), [], time.perf_counter(), time.process_time()
for o in ingest([sys.argv[1]], Deduper(window=int(sys.argv[2]))):
    tally.add(o)
    if tally.read % 5000 == 0:
        marks.append((tally.read, mem("VmRSS")))
secs, cpu = time.perf_counter() - t0, time.process_time() - c0
print(json.dumps({"read": tally.read, "kept": tally.kept, "dups": tally.duplicates, "skipped": dict(tally.skipped),
                  "balanced": tally.balanced, "secs": secs, "cpu": cpu, "marks": marks, "peak_mb": mem("VmHWM")}))
"""


def big_run(path: Path, window: int) -> dict:
    proc = subprocess.run([sys.executable, "-c", _CHILD, str(path), str(window)], capture_output=True, text=True,
                          check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=400, help="records per format for the throughput table")
    ap.add_argument("--big-mb", type=int, default=1024, help="size of the generated WARC (MiB)")
    ap.add_argument("--gzip", action="store_true", help="write the big archive as .warc.gz")
    ap.add_argument("--skip-big", action="store_true")
    ap.add_argument("--windows", type=lambda v: [int(x) for x in v.split(",")], default=[WINDOW],
                    help="dedup windows to run the big archive with, comma-separated (default: the default)")
    ap.add_argument("--dir", default="/tmp/truce-ingest-bench")
    ap.add_argument("--seed", type=int, default=3)
    args = ap.parse_args()
    root = Path(args.dir)
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    specs = make_inputs(root, args.records, args.seed)
    throughput(specs["JSONL"])  # warm-up: the language model and parsers load once, outside the timings
    print(f"ingest stream throughput, {args.records} records per format (read + clean + language + dedup):")
    print(f"  {'format':<18} {'records/s':>10} {'per CPU-s':>10} {'kept':>6} {'dups':>5} {'skipped':>8}")
    for name, spec in specs.items():
        tally, secs, cpu = throughput(spec)
        assert tally.balanced
        print(f"  {name:<18} {tally.read / secs:>10,.0f} {tally.read / cpu:>10,.0f} {tally.kept:>6} "
              f"{tally.duplicates:>5} {sum(tally.skipped.values()):>8}")
    print(f"event extraction (spaCy pipeline), for comparison: {extraction_rate(root, 60):.1f} articles per CPU-second")
    if args.skip_big:
        return
    big = root / ("big.warc.gz" if args.gzip else "big.warc")
    t0 = time.perf_counter()
    records, size = make_big_warc(big, args.big_mb, args.seed)
    print(f"\ngenerated {big} ({size / 2**20:,.0f} MiB, {records:,} records) in {time.perf_counter() - t0:.0f} s")
    for window in args.windows:
        r = big_run(big, window)
        assert r["balanced"] and r["read"] == records, r
        print(f"\nbig WARC, dedup window {window:,} articles: {r['read']:,} records in {r['secs']:.0f} s wall, "
              f"{r['cpu']:.0f} s CPU = {r['read'] / r['secs']:,.0f} records/s wall, "
              f"{r['read'] / r['cpu']:,.0f} per CPU-second ({size / 2**20 / r['cpu']:.1f} MiB per CPU-second); "
              f"kept {r['kept']:,}, duplicates {r['dups']:,}, skipped {r['skipped']}")
        print(f"  peak RSS of the ingesting process {r['peak_mb']} MiB; RSS by records read: "
              + ", ".join(f"{n:,}: {mb} MiB" for n, mb in r["marks"][:: max(1, len(r["marks"]) // 10)]))
    big.unlink()


if __name__ == "__main__":
    main()
