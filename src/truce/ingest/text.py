"""Plain-text files: one file, one article, its id a hash of the normalised text."""

from __future__ import annotations

from typing import IO

from ..records import Article, Skip
from .ids import article_id
from .limits import EMPTY, MAX_RECORD_BYTES, TOO_LARGE


def read_text(stream: IO[bytes], source: str) -> Article | Skip:
    data = stream.read(MAX_RECORD_BYTES + 1)
    if len(data) > MAX_RECORD_BYTES:
        return Skip(source=source, reason=TOO_LARGE, detail=f"text larger than {MAX_RECORD_BYTES} bytes")
    text = data.decode("utf-8", errors="replace").lstrip("\ufeff").strip()
    if not text:
        return Skip(source=source, reason=EMPTY, detail="file holds no text")
    return Article(id=article_id(None, text), text=text)
