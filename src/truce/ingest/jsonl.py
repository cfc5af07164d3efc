"""ARTICLES.jsonl as CONTRACT.md defines it: one article a line; bad lines become skips, not crashes."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import IO

from pydantic import ValidationError

from ..records import Article, Skip
from .limits import MAX_RECORD_BYTES, TOO_LARGE


def parse_published(value: object) -> date | None:
    """`YYYY-MM-DD`, a full ISO timestamp, or nothing; anything else is treated as unknown."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def read_lines(lines: Iterable[str], source: str) -> Iterator[Article | Skip]:
    for n, line in enumerate(lines, start=1):
        if line.strip():
            yield parse_line(line, n, source)


def bounded_lines(stream: IO[bytes], max_chars: int = MAX_RECORD_BYTES) -> Iterator[str | None]:
    """The stream's lines as `open()` would give them (UTF-8, bad bytes replaced, universal newlines),
    with None in place of a line longer than max_chars, which is read past in pieces, never held whole."""
    text = io.TextIOWrapper(stream, encoding="utf-8", errors="replace", newline=None)
    try:
        while True:
            line = text.readline(max_chars + 2)
            if not line:
                return
            if len(line.rstrip("\n")) <= max_chars:
                yield line
                continue
            while not line.endswith("\n"):
                line = text.readline(max_chars)
                if not line:
                    break
            yield None
    finally:
        text.detach()  # the caller owns the stream (stdin among them): do not close it


def read_jsonl(stream: IO[bytes], source: str, max_chars: int = MAX_RECORD_BYTES) -> Iterator[Article | Skip]:
    """Like read_lines over a byte stream, with over-long lines reported as too large; a stream with no
    line at all is reported too, so an empty file is accounted for rather than silently passed over."""
    any_line = False
    for n, line in enumerate(bounded_lines(stream, max_chars), start=1):
        if line is None:
            any_line = True
            yield Skip(source=source, line=n, reason=TOO_LARGE, detail=f"line longer than {max_chars} characters")
        elif line.strip():
            any_line = True
            yield parse_line(line, n, source)
    if not any_line:
        yield Skip(source=source, reason="empty", detail="no JSON lines in the input")


def parse_line(line: str, n: int, source: str) -> Article | Skip:
    """One CONTRACT.md line to an Article, or a Skip saying what is wrong with it."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return Skip(source=source, line=n, reason="malformed", detail=f"not valid JSON: {exc.msg}")
    if not isinstance(obj, dict):
        return Skip(source=source, line=n, reason="malformed", detail="a line must hold a JSON object")
    rid = obj.get("id")
    text = obj.get("text")
    if rid is None or (isinstance(rid, str) and not rid.strip()):
        return Skip(source=source, line=n, reason="malformed", detail="missing id")
    if not isinstance(text, str):
        return Skip(source=source, line=n, record_id=str(rid), reason="malformed", detail="missing text")
    if not text.strip():
        return Skip(source=source, line=n, record_id=str(rid), reason="empty", detail="text is empty")
    try:
        return Article(
            id=str(rid),
            text=text,
            published=parse_published(obj.get("published")),
            url=obj.get("url") if isinstance(obj.get("url"), str) else None,
            title=obj.get("title") if isinstance(obj.get("title"), str) else None,
            language=obj.get("language") if isinstance(obj.get("language"), str) else None,
        )
    except ValidationError as exc:
        return Skip(source=source, line=n, record_id=str(rid), reason="malformed", detail=str(exc)[:300])
