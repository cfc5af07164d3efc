"""WARC and WARC.gz archives (fastwarc), read record by record so memory stays flat on any size.

Response (and resource) records with HTML become Articles keyed by their target URI, with the capture
date as the publication date of last resort; every other record is a Skip with its reason. A broken
record header does not end the file: reading resumes at the next record start (the next `WARC/1.`
line, or the next gzip member in a .warc.gz), when the input can seek.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import IO

from fastwarc.stream_io import BrotliReader, ChunkedReader, GzipReader
from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from ..records import Article, Skip
from .html import article_from_html
from .limits import MALFORMED, MAX_RECORD_BYTES, NO_ARTICLE, NOT_HTML, TOO_LARGE
from .sniff import GZIP_MAGIC, Format, sniff

HTML_TYPES = ("text/html", "application/xhtml+xml")
_PAGE_RECORDS = (WarcRecordType.response, WarcRecordType.resource)
_SCAN_CHUNK = 1 << 20


def _decode(body: bytes, transfer: str, content: str) -> bytes:
    """Undo HTTP transfer and content encodings with fastwarc's own stream readers."""
    if "chunked" in transfer:
        body = ChunkedReader(io.BytesIO(body)).read()
    for coding in reversed([c.strip() for c in content.split(",") if c.strip()]):
        if coding in ("gzip", "x-gzip"):
            body = GzipReader(io.BytesIO(body)).read()
        elif coding == "deflate":
            body = GzipReader(io.BytesIO(body), zlib=True).read()
        elif coding == "br":
            body = BrotliReader(io.BytesIO(body)).read()
        elif coding != "identity":
            raise OSError(f"unsupported content encoding {coding!r}")
    return body


def record_article(rec: WarcRecord, n: int, source: str) -> Article | Skip:
    """One WARC record to an Article or a Skip (whose `line` is the record's position in the file).
    Reads at most the record's own payload."""
    uri = rec.headers.get("WARC-Target-URI") or None
    where = uri or rec.headers.get("WARC-Record-ID") or f"record {n}"
    at = f"record {n} at byte {rec.stream_pos}"

    def skip(reason: str, detail: str) -> Skip:
        return Skip(source=source, line=n, record_id=where, reason=reason, detail=f"{at}: {detail}"[:300])

    if rec.record_type not in _PAGE_RECORDS:
        return skip(NOT_HTML, f"WARC {rec.record_type} record")
    try:
        declared = int(rec.headers.get("Content-Length") or "")
    except ValueError:
        return skip(MALFORMED, "WARC header without a valid Content-Length")
    if declared > MAX_RECORD_BYTES:
        return skip(TOO_LARGE, f"payload of {declared} bytes")
    try:
        if rec.is_http:
            rec.parse_http(auto_decode="none")
            http = rec.http_headers
            if http is None:
                return skip(MALFORMED, "response without HTTP headers")
            expected = rec.content_length
            body = rec.reader.read()
            if len(body) < expected:
                return skip(MALFORMED, f"truncated: {len(body)} of {expected} payload bytes")
            if not 200 <= (http.status_code or 0) < 300:
                return skip(NO_ARTICLE, f"HTTP status {http.status_code}")
            ctype = (rec.http_content_type or "").lower()
            body = _decode(body, (http.get("Transfer-Encoding") or "").lower(),
                           (http.get("Content-Encoding") or "").lower())
        else:
            body = rec.reader.read()
            if len(body) < declared:
                return skip(MALFORMED, f"truncated: {len(body)} of {declared} bytes")
            ctype = (rec.headers.get("Content-Type") or "").split(";")[0].strip().lower()
    except (OSError, ValueError) as exc:
        return skip(MALFORMED, f"unreadable payload: {exc}")
    if ctype and ctype not in HTML_TYPES:
        return skip(NOT_HTML, f"content type {ctype}")
    if not ctype and sniff(body[:4096], "") is not Format.HTML:
        return skip(NOT_HTML, "payload is not HTML")
    return article_from_html(body, source, url=uri, fetched=rec.record_date, record_id=where, line=n)


def _next_start(stream: IO[bytes], after: int, marker: bytes) -> int | None:
    """Offset of the next `marker` at or after `after`, scanning in chunks (flat memory)."""
    pos = after
    stream.seek(pos)
    tail = b""
    while chunk := stream.read(_SCAN_CHUNK):
        buf = tail + chunk
        hit = buf.find(marker)
        if hit >= 0:
            return pos - len(tail) + hit
        tail = buf[-(len(marker) - 1):]
        pos += len(chunk)
    return None


def read_warc(stream: IO[bytes], source: str, *, seekable: bool = True) -> Iterator[Article | Skip]:
    """Every record of the archive, in order. `stream` is the raw file (fastwarc handles gzip itself)."""
    start = stream.tell() if seekable else 0
    marker = b"\nWARC/1."
    if seekable:
        gz = stream.read(2) == GZIP_MAGIC
        stream.seek(start)
        marker = GZIP_MAGIC + b"\x08" if gz else marker
    n = 0
    resync = False  # True while looking for a record that parses after a broken one
    last = start
    while True:
        try:
            for rec in ArchiveIterator(stream, parse_http=False, auto_decode="none"):
                n += 1
                resync = False
                last = rec.stream_pos
                yield record_article(rec, n, source)
            if n == 0:  # fastwarc ends quietly on a cut or garbled archive: the file must still be accounted for
                yield Skip(source=source, reason=MALFORMED, detail="no WARC record could be read")
            return
        except (OSError, EOFError, ValueError) as exc:
            if not resync:
                n += 1
                tail = "; resuming at the next record" if seekable else "; the rest of the stream is unread"
                yield Skip(source=source, line=n, record_id=f"record {n}", reason=MALFORMED,
                           detail=f"record {n} after byte {last}: {exc}{tail}"[:300])
            if not seekable:
                return
            found = _next_start(stream, last + 1, marker)
            if found is None:
                return
            last = found + (1 if marker.startswith(b"\n") else 0)
            stream.seek(last)
            resync = True
