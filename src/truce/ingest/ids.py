"""Stable article ids: a hash of the normalised URL, else of the normalised text, so re-reading adds nothing."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import urlsplit

from courlan import normalize_url

_SPACE = re.compile(r"\s+")


def url_key(url: str) -> str:
    """The URL as a comparison key: courlan's normalisation (host case, default ports, tracking
    parameters, fragments), without the scheme, so http/https copies of one page match."""
    raw = url.strip()
    try:
        norm = normalize_url(raw, strict=True, trailing_slash=False)
    except Exception:  # courlan raises on unparsable input; fall back to the trimmed string
        norm = raw
    parts = urlsplit(norm)
    if not parts.netloc:
        return norm.lower()
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.rstrip("/")
    return f"{host}{path}" + (f"?{parts.query}" if parts.query else "")


def normalise_text(text: str) -> str:
    """Case-folded, NFKC, whitespace collapsed: the same story re-encoded or re-wrapped hashes alike."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def _digest(kind: str, value: str) -> str:
    return hashlib.sha1(f"{kind}:{value}".encode()).hexdigest()[:20]


def article_id(url: str | None, text: str) -> str:
    """Hash of the URL when there is one, else of the text."""
    if url and url.strip():
        return _digest("url", url_key(url))
    return _digest("text", normalise_text(text))
