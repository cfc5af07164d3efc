"""RSS and Atom files to Articles, one per entry: content (else summary), title, link and date.

Files only: feedparser is handed bytes, never a URL, so nothing is fetched.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date
from typing import IO, Any

import feedparser

from ..records import Article, Skip
from .html import fragment_text, without_headline
from .ids import article_id
from .limits import EMPTY, MALFORMED, MAX_FEED_BYTES, MIN_WORDS, TOO_LARGE


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return date(value.tm_year, value.tm_mon, value.tm_mday)
    return None


def _entry_html(entry: Any) -> str:
    """The fullest body the entry carries: an HTML content block, any content block, then the summary."""
    contents = entry.get("content") or []
    ranked = sorted(contents, key=lambda c: "html" not in (c.get("type") or ""))
    for block in ranked:
        if (block.get("value") or "").strip():
            return block["value"]
    return entry.get("summary") or ""


def _entry_url(entry: Any) -> str | None:
    """The entry's web address: its link, else a guid that is a URL (feedparser may copy a `tag:` id into
    `link`; such an id names no page)."""
    for value in (entry.get("link"), entry.get("id")):
        if isinstance(value, str) and value.startswith(("http://", "https://")):
            return value
    return None


def entry_article(entry: Any, n: int, source: str) -> Article | Skip:
    url = _entry_url(entry)
    where = url or entry.get("id") or None
    title = (entry.get("title") or "").strip() or None
    try:
        text = without_headline(fragment_text(_entry_html(entry)), title)
    except Exception as exc:  # one entry's odd markup must not lose the others
        return Skip(source=source, line=n, record_id=where, reason=MALFORMED,
                    detail=f"entry {n}: {type(exc).__name__}: {exc}"[:300])
    if len(text.split()) < MIN_WORDS:
        return Skip(source=source, line=n, record_id=where, reason=EMPTY,
                    detail=f"entry {n} has no content or summary ({len(text.split())} words)")
    return Article(id=article_id(url, text), text=text, published=_entry_date(entry), url=url, title=title)


def read_feed(stream: IO[bytes], source: str) -> Iterator[Article | Skip]:
    """Each entry is a record (its `line` is the entry's position); a feed that cannot be parsed is one Skip."""
    data = stream.read(MAX_FEED_BYTES + 1)
    if len(data) > MAX_FEED_BYTES:
        yield Skip(source=source, reason=TOO_LARGE, detail=f"feed larger than {MAX_FEED_BYTES} bytes")
        return
    try:
        parsed = feedparser.parse(data)
    except Exception as exc:  # feedparser is lenient, but a parser crash is still one skipped file
        yield Skip(source=source, reason=MALFORMED, detail=f"feed: {type(exc).__name__}: {exc}"[:300])
        return
    if not parsed.entries:
        if parsed.get("bozo"):
            why = parsed.get("bozo_exception")
            yield Skip(source=source, reason=MALFORMED, detail=f"not a readable feed: {why}"[:300])
        else:
            yield Skip(source=source, reason=EMPTY, detail="feed has no entries")
        return
    broken = f" (feed not well-formed: {parsed.get('bozo_exception')})" if parsed.get("bozo") else ""
    for n, entry in enumerate(parsed.entries, start=1):
        rec = entry_article(entry, n, source)
        yield rec.model_copy(update={"detail": (rec.detail + broken)[:300]}) if isinstance(rec, Skip) and broken \
            else rec
