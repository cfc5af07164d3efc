"""A live records/s display on a terminal (rich), and nothing at all when output is not a terminal."""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.progress import Progress, ProgressColumn, SpinnerColumn, Task, TextColumn, TimeElapsedColumn
from rich.text import Text

from .flow import Tally


class RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.0f} records/s" if speed else "… records/s", style="cyan")


class Meter:
    """Context manager over one rich task; `update(tally)` after each record."""

    def __init__(self, console: Console | None = None) -> None:
        self.console = console or Console(stderr=True)
        self.enabled = self.console.is_terminal
        self._progress = Progress(
            SpinnerColumn(), TextColumn("[bold]{task.description}"), TextColumn("{task.completed:,} read"),
            TextColumn("{task.fields[summary]}"), RateColumn(), TimeElapsedColumn(),
            console=self.console, disable=not self.enabled, transient=False,
        )
        self._task = self._progress.add_task("ingest", total=None, summary="")

    def __enter__(self) -> Meter:
        self._progress.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._progress.stop()

    def update(self, tally: Tally) -> None:
        if self.enabled:
            summary = f"{tally.kept:,} kept · {tally.duplicates:,} dup · {sum(tally.skipped.values()):,} skipped"
            self._progress.update(self._task, completed=tally.read, summary=summary)
