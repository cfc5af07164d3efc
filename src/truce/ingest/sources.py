"""Sources to records: expand files, folders, globs and `-`, undo gzip, sniff the format, run its reader.

Every failure to open or decompress a source becomes a Skip; readers already turn bad records into
Skips, so iterating `read_sources` never raises for bad input.
"""

from __future__ import annotations

import glob
import gzip
import io
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, NamedTuple

from ..records import Article, Skip
from .feed import read_feed
from .html import read_html
from .jsonl import read_jsonl
from .limits import MALFORMED, SNIFF_BYTES, UNREADABLE
from .sniff import Format, is_gzip, sniff
from .text import read_text
from .warc import read_warc


class Record(NamedTuple):
    """One record as read: the format its source was read as (None when it could not be told), the
    source's name, and the reader's verdict."""

    format: Format | None
    source: str
    item: Article | Skip


STDIN = "-"
_GLOB_CHARS = set("*?[")


def expand(specs: Iterable[str]) -> Iterator[str | Skip]:
    """Each spec as file paths in a stable order: a folder recursively, a glob by its matches."""
    for spec in specs:
        path = Path(spec)
        if spec == STDIN or path.is_file():
            yield spec
        elif path.is_dir():
            yield from (str(p) for p in sorted(path.rglob("*")) if p.is_file())
        elif _GLOB_CHARS & set(spec) and (matches := sorted(glob.glob(spec, recursive=True))):
            for m in matches:
                yield from expand([m])
        else:
            yield Skip(source=spec, reason=UNREADABLE, detail="no such file or folder, and no glob match")


class _Prefixed(io.RawIOBase):
    """A non-seekable stream with its first bytes already read for sniffing: serves them, then the rest.
    (io offers no push-back for pipes; BufferedReader.peek may return fewer bytes than asked.)"""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:  # type: ignore[no-untyped-def]
        if self._head:
            n = min(len(buf), len(self._head))
            buf[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buf))
        buf[: len(data)] = data
        return len(data)


def _stdin() -> IO[bytes]:
    """Standard input as bytes; a text-only replacement (as tests install) is encoded back."""
    buffer = getattr(sys.stdin, "buffer", None)
    return buffer if buffer is not None else io.BytesIO(sys.stdin.read().encode("utf-8"))


def _read_head(stream: IO[bytes], size: int = SNIFF_BYTES) -> bytes:
    parts: list[bytes] = []
    got = 0
    while got < size and (chunk := stream.read(size - got)):
        parts.append(chunk)
        got += len(chunk)
    return b"".join(parts)


def _gunzip_head(head: bytes) -> bytes:
    """The first decompressed bytes of a gzip stream, tolerating a cut-off input."""
    try:
        return zlib.decompressobj(wbits=31).decompress(head, SNIFF_BYTES)
    except zlib.error:
        return b""


def _records(fmt: Format, stream: IO[bytes], name: str, seekable: bool) -> Iterator[Article | Skip]:
    if fmt is Format.WARC:
        yield from read_warc(stream, name, seekable=seekable)
    elif fmt is Format.FEED:
        yield from read_feed(stream, name)
    elif fmt is Format.JSONL:
        yield from read_jsonl(stream, name)
    elif fmt is Format.HTML:
        yield read_html(stream, name)
    elif fmt is Format.TEXT:
        yield read_text(stream, name)
    else:
        yield Skip(source=name, reason=MALFORMED, detail="binary data in no format truce reads")


def read_source(name: str) -> Iterator[Record]:
    """One file (or stdin) to its records, each tagged with the format it was read as."""
    try:
        handle: IO[bytes] = _stdin() if name == STDIN else open(name, "rb")  # noqa: SIM115 (closed below)
    except OSError as exc:
        yield Record(None, name, Skip(source=name, reason=UNREADABLE, detail=str(exc)[:300]))
        return
    seekable = name != STDIN
    fmt: Format | None = None
    stream = handle
    try:
        head = _read_head(handle)
        if seekable:
            handle.seek(0)
        else:
            stream = io.BufferedReader(_Prefixed(head, handle))
        gz = is_gzip(head)
        fmt = sniff(_gunzip_head(head) if gz else head, name)
        if gz and not (fmt is Format.WARC and seekable):  # fastwarc reads gzip itself, and faster
            stream = gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[assignment]
            seekable = False
        for rec in _records(fmt, stream, name, seekable):
            yield Record(fmt, name, rec)
    except (OSError, EOFError, zlib.error, ValueError) as exc:
        what = "gzip" if isinstance(exc, (EOFError, zlib.error, gzip.BadGzipFile)) else "read"
        yield Record(fmt, name, Skip(source=name, reason=MALFORMED,
                                     detail=f"{what} error: {type(exc).__name__}: {exc}"[:300]))
    finally:
        if name != STDIN:
            handle.close()


def read_sources(specs: Iterable[str]) -> Iterator[Record]:
    """All records of all sources, in the order given."""
    for item in expand(specs):
        if isinstance(item, Skip):
            yield Record(None, item.source, item)
        else:
            yield from read_source(item)
