"""`truce ingest`: sources -> articles -> dedup -> events -> store, with the accounting printed at the end."""

from __future__ import annotations

import argparse
import sys
from contextlib import ExitStack

from rich.console import Console
from rich.table import Table

from .. import store
from ..records import Skip
from ..run import Result, extract_all
from . import state
from .dedup import WINDOW, Deduper
from .flow import Duplicate, Kept, Tally, ingest
from .progress import Meter


def summary_table(tally: Tally, n_events: int) -> Table:
    t = Table(title="ingest")
    t.add_column("what")
    t.add_column("count", justify="right")
    t.add_row("records read", str(tally.read))
    t.add_row("articles kept", str(tally.kept))
    t.add_row("events extracted", str(n_events))
    t.add_row("duplicates", str(tally.duplicates))
    for reason, n in sorted(tally.skipped.items()):
        t.add_row(f"skipped: {reason}", str(n))
    return t


def run(args: argparse.Namespace) -> int:
    engine = store.connect(args.db)
    state.attach(engine)
    dedup = Deduper(window=getattr(args, "dedup_window", WINDOW))
    state.load(engine, dedup)
    tally = Tally()
    n_events = 0
    console = Console(stderr=True)
    with ExitStack() as stack:
        skips_out = stack.enter_context(open(args.skips, "w", encoding="utf-8")) if args.skips else None
        meter = stack.enter_context(Meter(console))
        for outcome in ingest(args.sources, dedup):
            if isinstance(outcome, Kept):
                result = next(extract_all([outcome.article]))
                if isinstance(result, Result):
                    store.save(engine, result.article, result.events)
                    state.remember_kept(engine, outcome)
                    n_events += len(result.events)
                else:
                    outcome = result
            elif isinstance(outcome, Duplicate):
                state.remember_duplicate(engine, outcome)
            if isinstance(outcome, Skip):
                store.save_skip(engine, outcome)
                if skips_out:
                    skips_out.write(outcome.model_dump_json() + "\n")
            tally.add(outcome)
            meter.update(tally)
    console.print(summary_table(tally, n_events))
    print(f"truce: {tally.line()}; {n_events} events; stored in {args.db}", file=sys.stderr)
    return 0 if tally.kept or tally.duplicates or not tally.read else 1
