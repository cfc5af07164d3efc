"""`truce ingest`: sources -> articles -> dedup -> events -> store, with the accounting printed at the end."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from contextlib import ExitStack
from types import FrameType, TracebackType
from typing import Any

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


INTERRUPTED = 130  # the shell's code for a command stopped by SIGINT (128 + 2)
RESUME_HINT = "to resume, run the same command again: finished records are skipped"


class StopRequest:
    """SIGINT asks the ingest loop to stop after the record in hand, so every stored article has its
    bookkeeping; a second SIGINT stops at once (KeyboardInterrupt; the open transaction rolls back).

    Installed only in the main thread and only when SIGINT is not ignored (`cmd &` in a script)."""

    def __init__(self) -> None:
        self.requested = False
        self._installed = False
        self._previous: Any = None

    def _handle(self, _signum: int, _frame: FrameType | None) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True

    def __enter__(self) -> StopRequest:
        if threading.current_thread() is threading.main_thread() \
                and signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:
            self._previous = signal.signal(signal.SIGINT, self._handle)
            self._installed = True
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._installed:  # None: the earlier handler was not set from Python; the default then
            signal.signal(signal.SIGINT, signal.default_int_handler if self._previous is None else self._previous)


def run(args: argparse.Namespace) -> int:
    """Ingest every source into the store. Each article's save and its bookkeeping are idempotent and
    the bookkeeping follows the save, so a run killed at any point and run again ends with the same
    database (tests/test_crash_safety.py)."""
    with StopRequest() as stop:
        try:
            return _run(args, stop)
        except KeyboardInterrupt:  # a second SIGINT, or one before the handler was in place
            print(f"truce: interrupted at once (the record in hand was rolled back); {RESUME_HINT}",
                  file=sys.stderr)
            return INTERRUPTED


def _run(args: argparse.Namespace, stop: StopRequest) -> int:
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
            if stop.requested:
                break
    console.print(summary_table(tally, n_events))
    print(f"truce: {tally.line()}; {n_events} events; stored in {args.db}", file=sys.stderr)
    if stop.requested:
        print(f"truce: interrupted; stopped after {tally.read} records, all of them recorded; "
              f"{RESUME_HINT}", file=sys.stderr)
        return INTERRUPTED
    return 0 if tally.kept or tally.duplicates or not tally.read else 1
