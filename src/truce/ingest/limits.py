"""Size limits and the skip reasons ingestion reports: one place, so the accounting has fixed names."""

from __future__ import annotations

MAX_RECORD_BYTES = 5_000_000  # one page, one JSON line, one text file, one WARC payload
MAX_FEED_BYTES = 20_000_000  # a feed file holds many entries, so it may be larger
SNIFF_BYTES = 4096  # how much of a source is looked at to tell its format
MIN_WORDS = 8  # fewer words left after cleaning a page or feed entry is navigation residue, not an article

NOT_HTML = "not HTML"  # a WARC record that is no HTML response (request, metadata, image, PDF ...)
NO_ARTICLE = "no article"  # an HTTP response that is not a success (redirect, 404, 500)
EMPTY = "empty"  # nothing left after cleaning
NON_ENGLISH = "non-English"
TOO_LARGE = "too large"
MALFORMED = "malformed"  # broken JSON, WARC headers, gzip, feed XML, binary junk
UNREADABLE = "unreadable"  # a source that does not exist or cannot be opened
TOO_SLOW = "too slow"  # extraction of one article ran past its time limit

REASONS = (NOT_HTML, NO_ARTICLE, EMPTY, NON_ENGLISH, TOO_LARGE, MALFORMED, UNREADABLE, TOO_SLOW)
