"""The `truce` command: extract, eval, run (the embedded default job) and schema."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import IO

from rich.console import Console
from rich.table import Table

from .records import Event, Skip

SAMPLES = "samples/articles.jsonl"


@contextmanager
def _open_in(path: str) -> Iterator[IO[str]]:
    if path == "-":
        yield sys.stdin
    else:
        with open(path, encoding="utf-8", errors="replace") as f:
            yield f


@contextmanager
def _open_out(path: str) -> Iterator[IO[str]]:
    if path == "-":
        yield sys.stdout
    else:
        with open(path, "w", encoding="utf-8") as f:
            yield f


def _skip_message(s: Skip) -> str:
    where = f"line {s.line}" if s.line is not None else (s.record_id or "?")
    return f"truce: skipped {where}: {s.reason}: {s.detail}"


def cmd_extract(args: argparse.Namespace) -> int:
    from .ingest.flow import articles
    from .parallel import extract_parallel

    n_ok = n_events = 0
    skipped: list[Skip] = []
    with _open_out(args.output) as out:
        for r in extract_parallel(articles(args.input), args.processes):
            if isinstance(r, Skip):
                skipped.append(r)
                print(_skip_message(r), file=sys.stderr)
                continue
            n_ok += 1
            for e in r.events:
                out.write(e.model_dump_json() + "\n")
                n_events += 1
    if args.skips:
        with open(args.skips, "w", encoding="utf-8") as f:
            for s in skipped:
                f.write(s.model_dump_json() + "\n")
    print(f"truce: {n_ok} articles, {n_events} events, {len(skipped)} skipped", file=sys.stderr)
    return 0 if n_ok or not skipped else 1


def cmd_ingest(args: argparse.Namespace) -> int:
    from .ingest.command import run

    return run(args)


def cmd_eval(args: argparse.Namespace) -> int:
    from .evaluate import evaluate, format_report

    scores, report, events = evaluate(args.gold, split=args.split, scorer=args.scorer, verbose=args.verbose,
                                      second_opinion=not args.rules_only)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as f:
            for e in events:
                f.write(e.model_dump_json() + "\n")
    if args.json:
        print(json.dumps(scores))
    else:
        print(format_report(scores, report))
    return 0


def summary_tables(found: list[Event], skipped: list[Skip], n_articles: int) -> list[Table]:
    by_type = Counter(f"{e.event_type or 'verbal'} / {e.sub_event_type or e.plover_type}" for e in found)
    by_country = Counter((e.location.country if e.location and e.location.country else "unknown") for e in found)
    t1 = Table(title=f"{len(found)} events from {n_articles} articles")
    t1.add_column("type / sub-type (or PLOVER)")
    t1.add_column("events", justify="right")
    for k, v in by_type.most_common():
        t1.add_row(k, str(v))
    t2 = Table(title="by country")
    t2.add_column("country")
    t2.add_column("events", justify="right")
    t2.add_column("fatalities", justify="right")
    for k, v in by_country.most_common():
        fat = sum(e.fatalities or 0 for e in found if (e.location.country if e.location else None) == k
                  or (k == "unknown" and not (e.location and e.location.country)))
        t2.add_row(k, str(v), str(fat))
    days = sorted(e.event_date for e in found if e.event_date)
    t3 = Table(title="dates and skips")
    t3.add_column("what")
    t3.add_column("value")
    t3.add_row("date range", f"{days[0]} to {days[-1]}" if days else "none")
    reasons = Counter(s.reason for s in skipped)
    t3.add_row("skipped records", str(len(skipped)))
    for k, v in reasons.most_common():
        t3.add_row(f"  skipped: {k}", str(v))
    return [t1, t2, t3]


def cmd_run(args: argparse.Namespace) -> int:
    from . import store
    from .ingest.jsonl import read_lines
    from .run import Result, extract_all

    engine = store.connect(args.db)
    console = Console()
    found: list[Event] = []
    skipped: list[Skip] = []
    n_articles = 0
    sources = args.inputs or [None]
    for path in sources:
        if path is None:
            lines = resources.files("truce").joinpath(SAMPLES).read_text(encoding="utf-8").splitlines()
            name = "bundled samples"
        else:
            lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
            name = path
        for r in extract_all(read_lines(lines, name)):
            if isinstance(r, Result):
                n_articles += 1
                store.save(engine, r.article, r.events)
                found.extend(r.events)
            else:
                skipped.append(r)
                store.save_skip(engine, r)
                console.print(_skip_message(r), style="yellow")
    for t in summary_tables(found, skipped, n_articles):
        console.print(t)
    console.print(f"stored in {args.db}")
    return 0


def cmd_backfill(args: argparse.Namespace) -> int:
    from .backfill import Shard, ShardSummary, backfill

    def progress(what: str, shard: Shard, summary: ShardSummary | None, error: str | None) -> None:
        detail = (f": {summary.articles} articles, {summary.events} events, {summary.skips} skipped, "
                  f"{summary.seconds:.1f} s" if summary else f": {error}" if error else "")
        print(f"truce: {what} {shard.path}{detail}", file=sys.stderr)

    try:
        report = backfill(args.sources, args.db, scheduler=args.scheduler, workers=args.workers,
                          retries=args.retries, progress=progress)
    except (FileNotFoundError, ValueError) as exc:
        print(f"truce: {exc}", file=sys.stderr)
        return 2
    print(f"truce: {len(report.done)} shards coded ({report.articles} articles, {report.events} events, "
          f"{report.skips} skipped), {len(report.already_done)} already done, {len(report.failed)} failed, "
          f"in {report.seconds:.1f} s", file=sys.stderr)
    for shard, error in report.failed:
        print(f"truce: FAILED {shard.path}: {error}", file=sys.stderr)
    return 1 if report.failed else 0


def cmd_serve(args: argparse.Namespace) -> int:
    from .api import serve
    from .store import LegacyDatabase

    if "://" not in args.db and not Path(args.db).exists():
        print(f"truce: {args.db} does not exist yet; serving an empty store (fill it with `truce run`)",
              file=sys.stderr)
    try:
        serve(args.db, host=args.host, port=args.port)
    except LegacyDatabase as exc:
        print(f"truce: {exc}", file=sys.stderr)
        return 1
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from .schema import event_schema

    text = json.dumps(event_schema(), indent=2, sort_keys=True) + "\n"
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def _read_event_lines(path: str) -> list[Event]:
    """EVENTS.jsonl: bad lines are reported on stderr with their line number, the rest is read."""
    from pydantic import ValidationError

    out: list[Event] = []
    bad = 0
    with _open_in(path) as f:
        for n, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                out.append(Event.model_validate_json(line))
            except ValidationError as exc:
                bad += 1
                err = exc.errors()[0]
                where = ".".join(str(x) for x in err["loc"]) or "record"
                print(f"truce: skipped line {n} of {path}: not an event: {where}: {err['msg']}", file=sys.stderr)
    if bad and not out:
        raise SystemExit(f"truce: no event could be read from {path}")
    return out


def _read_urls(path: str | None) -> dict[str, str]:
    """article id -> URL from an ARTICLES.jsonl, so sources carry URLs and outlets are known."""
    if not path:
        return {}
    urls: dict[str, str] = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(obj, dict) and isinstance(obj.get("url"), str) and obj.get("id") is not None:
                urls[str(obj["id"])] = obj["url"]
    return urls


def _canonical_from_args(args: argparse.Namespace) -> list:
    """Events from --events FILE or the store at --db, merged across articles (truce.merge)."""
    from .merge import merge_events

    urls = _read_urls(args.articles)
    if args.events:
        events = _read_event_lines(args.events)
    else:
        from sqlalchemy import select

        from . import store

        engine = store.connect(args.db)
        events = store.load_events(engine)
        with engine.connect() as conn:  # the stored articles' URLs name each source's outlet
            rows = conn.execute(select(store.articles.c.id, store.articles.c.url)).all()
        urls = {str(i): u for i, u in rows if u} | urls
    return merge_events(events, urls)


def _write_jsonl(records: list, args: argparse.Namespace) -> None:
    with _open_out(args.output or "-") as out:
        for r in records:
            out.write(r.model_dump_json() + "\n")


def cmd_merge(args: argparse.Namespace) -> int:
    canonical = _canonical_from_args(args)
    _write_jsonl(canonical, args)
    n = sum(len(c.sources) for c in canonical)
    print(f"truce: {n} reports -> {len(canonical)} canonical events", file=sys.stderr)
    return 0


def cmd_truces(args: argparse.Namespace) -> int:
    from datetime import date

    from .truces import truce_statuses

    statuses = truce_statuses(_canonical_from_args(args), date.fromisoformat(args.today) if args.today else None)
    if args.jsonl or args.output:
        _write_jsonl(statuses, args)
        return 0
    t = Table(title=f"{len(statuses)} truces")
    for col in ("agreed", "parties", "area", "start", "end", "violations", "dead", "last violation",
                "days since", "accusations"):
        t.add_column(col)
    for s in statuses:
        tr = s.truce
        t.add_row(str(tr.agreed_on), ", ".join(p.name for p in tr.parties),
                  "/".join(filter(None, [",".join(tr.area_countries), tr.area_admin1])), str(tr.start),
                  str(tr.end or "open"), str(s.violation_count), str(s.fatalities), str(s.last_violation or "-"),
                  "-" if s.days_since_last_violation is None else str(s.days_since_last_violation),
                  str(len(s.accusations)))
    Console().print(t)
    return 0


def cmd_alerts(args: argparse.Namespace) -> int:
    from datetime import date

    from .alerts import AlertRule, detect_alerts

    rule = AlertRule(baseline_weeks=args.baseline_weeks, min_history=args.min_history, p_threshold=args.p,
                     min_events=args.min_events, min_fatalities=args.min_fatalities)
    report = detect_alerts(_canonical_from_args(args), rule, date.fromisoformat(args.since) if args.since else None)
    print(f"truce: {len(report.alerts)} alerts in {report.area_weeks_tested} area-weeks tested "
          f"({report.areas} areas, {report.weeks} weeks; {report.uncounted} events without area or week)",
          file=sys.stderr)
    if args.jsonl or args.output:
        _write_jsonl(report.alerts, args)
        return 0
    t = Table(title=f"{len(report.alerts)} escalation alerts")
    for col in ("week", "area", "events", "dead", "why"):
        t.add_column(col)
    for a in report.alerts:
        why = "; ".join(f"{x.metric} {x.observed} vs {x.baseline_mean:g}/wk (p={x.p_value:.2g})" for x in a.triggers)
        t.add_row(str(a.week_start), a.country + (f" / {a.admin1}" if a.admin1 else ""), str(a.events_count),
                  str(a.fatalities), why)
    Console().print(t)
    return 0


def _add_event_source(q: argparse.ArgumentParser) -> None:
    q.add_argument("--events", help="EVENTS.jsonl (or - for stdin) instead of the store")
    q.add_argument("--db", default="truce.sqlite", help="SQLite file or SQLAlchemy URL (default: truce.sqlite)")
    q.add_argument("--articles", help="ARTICLES.jsonl whose URLs name each source's outlet")
    q.add_argument("--output", "-o", help="write JSON lines to this file")
    q.add_argument("--jsonl", action="store_true", help="print JSON lines instead of a table")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="truce", description="News reports in, conflict event data out.")
    sub = p.add_subparsers(dest="command", required=True)
    e = sub.add_parser("extract", help="ARTICLES.jsonl -> EVENTS.jsonl (shared/eval/CONTRACT.md)")
    e.add_argument("input", nargs="+", help="articles: JSON lines, or any source `truce ingest` reads; - for stdin")
    e.add_argument("--output", "-o", default="-", help="events as JSON lines (default: stdout)")
    e.add_argument("--skips", help="write each skipped record as a JSON line here")
    e.add_argument("--processes", "-p", type=int, default=1,
                   help="worker processes (default 1); output is identical and in input order")
    e.set_defaults(func=cmd_extract)
    v = sub.add_parser("eval", help="extract a gold file's articles and score them")
    v.add_argument("gold")
    v.add_argument("--split", help="only gold articles whose 'split' is this (dev, test)")
    v.add_argument("--scorer", help="path of score.py (default: shared/eval/score.py beside the checkout)")
    v.add_argument("--verbose", action="store_true", help="list misses and extras")
    v.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    v.add_argument("--output", help="also write the predicted events here")
    v.add_argument("--rules-only", action="store_true", help="without the trained model's second opinion")
    v.set_defaults(func=cmd_eval)
    ig = sub.add_parser("ingest", help="pages, WARC, feeds, JSONL, text (files, folders, globs, -) -> store")
    ig.add_argument("sources", nargs="+", help="files, folders (recursive), globs, or - for stdin; .gz is read too")
    ig.add_argument("--db", default="truce.sqlite", help="SQLite file or SQLAlchemy URL (default: truce.sqlite)")
    ig.add_argument("--skips", help="write each skipped record as a JSON line here")
    ig.add_argument("--dedup-window", type=int, default=50_000,
                    help="latest kept articles searched for near-copies (default 50000, about 9 KB each)")
    ig.set_defaults(func=cmd_ingest)
    r = sub.add_parser("run", help="the default job: articles (bundled samples) -> SQLite -> summary")
    r.add_argument("inputs", nargs="*", help="ARTICLES.jsonl files (default: the bundled sample articles)")
    r.add_argument("--db", default="truce.sqlite", help="SQLite file or SQLAlchemy URL (default: truce.sqlite)")
    r.set_defaults(func=cmd_run)
    s = sub.add_parser("schema", help="print the event record's JSON Schema")
    s.add_argument("--output", help="write it to this file")
    s.set_defaults(func=cmd_schema)
    sv = sub.add_parser("serve", help="the HTTP API (OpenAPI at /docs) and the dashboard (at /)")
    sv.add_argument("--db", default="truce.sqlite", help="SQLite file or database URL (default: truce.sqlite)")
    sv.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, this machine only)")
    sv.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    sv.set_defaults(func=cmd_serve)
    b = sub.add_parser("backfill", help="code archives of article files on Dask (a local cluster by default)")
    b.add_argument("sources", nargs="+", help="shard files (ARTICLES.jsonl[.gz]) or folders of them")
    b.add_argument("--db", required=True, help="SQLite file or SQLAlchemy URL; also holds the shard ledger")
    b.add_argument("--scheduler", help="address of a running `dask scheduler` (default: a local cluster)")
    b.add_argument("--workers", type=int, help="local cluster worker processes (default: one per core)")
    b.add_argument("--retries", type=int, default=2, help="re-runs of a failing shard before it is reported")
    b.set_defaults(func=cmd_backfill)
    m = sub.add_parser("merge", help="merge events across articles into canonical events (JSON lines)")
    _add_event_source(m)
    m.set_defaults(func=cmd_merge)
    tr = sub.add_parser("truces", help="ceasefires found in the events, their violations and accusations")
    _add_event_source(tr)
    tr.add_argument("--today", help="YYYY-MM-DD for 'days since last violation' (default: latest event date)")
    tr.set_defaults(func=cmd_truces)
    al = sub.add_parser("alerts", help="weeks of violence well above an area's own baseline")
    _add_event_source(al)
    al.add_argument("--since", help="only weeks from this YYYY-MM-DD's week on")
    al.add_argument("--baseline-weeks", type=int, default=12, help="trailing weeks in the baseline (default 12)")
    al.add_argument("--min-history", type=int, default=4, help="baseline weeks needed to test a week (default 4)")
    al.add_argument("--p", type=float, default=0.01, help="quasi-Poisson tail probability threshold (default 0.01)")
    al.add_argument("--min-events", type=int, default=3, help="fewest events for an events alert (default 3)")
    al.add_argument("--min-fatalities", type=int, default=10, help="fewest dead for a fatalities alert (default 10)")
    al.set_defaults(func=cmd_alerts)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
