"""ARTICLES.jsonl as CONTRACT.md defines it: one article a line; bad lines become skips, not crashes."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime

from pydantic import ValidationError

from ..records import Article, Skip


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
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Skip(source=source, line=n, reason="malformed", detail=f"not valid JSON: {exc.msg}")
            continue
        if not isinstance(obj, dict):
            yield Skip(source=source, line=n, reason="malformed", detail="a line must hold a JSON object")
            continue
        rid = obj.get("id")
        text = obj.get("text")
        if rid is None or (isinstance(rid, str) and not rid.strip()):
            yield Skip(source=source, line=n, reason="malformed", detail="missing id")
            continue
        if not isinstance(text, str):
            yield Skip(source=source, line=n, record_id=str(rid), reason="malformed", detail="missing text")
            continue
        if not text.strip():
            yield Skip(source=source, line=n, record_id=str(rid), reason="empty", detail="text is empty")
            continue
        try:
            yield Article(
                id=str(rid),
                text=text,
                published=parse_published(obj.get("published")),
                url=obj.get("url") if isinstance(obj.get("url"), str) else None,
                title=obj.get("title") if isinstance(obj.get("title"), str) else None,
                language=obj.get("language") if isinstance(obj.get("language"), str) else None,
            )
        except ValidationError as exc:
            yield Skip(source=source, line=n, record_id=str(rid), reason="malformed", detail=str(exc)[:300])
