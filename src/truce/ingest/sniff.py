"""Tell a source's format from its first bytes, with the file name's extension as the tie-breaker."""

from __future__ import annotations

import re
from enum import StrEnum

from .limits import SNIFF_BYTES

GZIP_MAGIC = b"\x1f\x8b"


class Format(StrEnum):
    WARC = "warc"
    FEED = "feed"
    HTML = "html"
    JSONL = "jsonl"
    TEXT = "text"
    BINARY = "binary"


_EXTENSIONS: dict[str, Format] = {
    ".warc": Format.WARC, ".arc": Format.WARC,
    ".rss": Format.FEED, ".atom": Format.FEED, ".xml": Format.FEED, ".rdf": Format.FEED,
    ".html": Format.HTML, ".htm": Format.HTML, ".xhtml": Format.HTML, ".shtml": Format.HTML,
    ".jsonl": Format.JSONL, ".ndjson": Format.JSONL, ".json": Format.JSONL,
    ".txt": Format.TEXT, ".text": Format.TEXT, ".md": Format.TEXT,
}
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>]")
_HTML_STRONG = re.compile(rb"<!doctype html|<html[\s>]")
_HTML_WEAK = re.compile(rb"<(?:head|body|article|main|p|div|h1|title|meta)[\s>]")
_CONTROL = bytes(range(0, 9)) + bytes(range(14, 32))


def is_gzip(head: bytes) -> bool:
    return head.startswith(GZIP_MAGIC)


def base_name(name: str) -> str:
    """The name without a trailing .gz (and its case), which is what the extension test reads."""
    low = name.lower()
    return low[:-3] if low.endswith(".gz") else low


def by_extension(name: str) -> Format | None:
    low = base_name(name)
    for ext, fmt in _EXTENSIONS.items():
        if low.endswith(ext):
            return fmt
    return None


def looks_binary(head: bytes) -> bool:
    """NUL bytes, control characters, or bytes that are mostly not UTF-8 (legacy 8-bit pages have only a
    few such bytes, their accented letters): no text format, whatever the name says."""
    if not head:
        return False
    if b"\x00" in head or sum(head.count(bytes([c])) for c in _CONTROL) > len(head) // 20:
        return True
    text = head.decode("utf-8", errors="replace")
    return text.count("\ufffd") > len(text) // 10


def sniff(head: bytes, name: str) -> Format:
    """Content first (WARC, feed, HTML and JSON have unmistakable openings), then the extension."""
    body = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if body.startswith(b"WARC/"):
        return Format.WARC
    ext = by_extension(name)
    if ext is Format.WARC:  # a .warc whose first header is broken is still an archive, read record by record
        return Format.WARC
    if looks_binary(body):
        return Format.BINARY
    low = body[:SNIFF_BYTES].lower()
    feed = _FEED_ROOT.search(low)
    html = _HTML_STRONG.search(low) or (_HTML_WEAK.search(low) if low.startswith(b"<") else None)
    if feed and (not html or feed.start() < html.start()):
        return Format.FEED
    if low.startswith(b"<?xml") and ext is Format.FEED:
        return Format.FEED
    if html:
        return Format.HTML
    if low.startswith(b"{"):
        return Format.JSONL
    return ext or Format.TEXT

