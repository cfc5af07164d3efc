"""HTML pages to Articles: main text and title by trafilatura, publication date by htmldate.

The page is parsed once; title, canonical URL and the metadata date are read from the tree before
trafilatura's extractor (which prunes the tree) takes the main text. Extraction runs in trafilatura's
fast mode (no readability/jusText fallback): five times quicker on real-weight pages
(benchmarks/ingest_throughput.py), and the fallback mostly rescues pages that are not articles.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from typing import IO

import htmldate
import trafilatura
from lxml.html import HtmlElement
from trafilatura.metadata import extract_title, extract_url
from trafilatura.utils import load_html

from ..records import Article, Skip
from .ids import article_id
from .jsonl import parse_published
from .limits import EMPTY, MALFORMED, MAX_RECORD_BYTES, MIN_WORDS, TOO_LARGE

FAST = True
for _name in ("trafilatura", "htmldate", "courlan"):  # their per-page warnings would drown the run's own report
    logging.getLogger(_name).setLevel(logging.ERROR)


def main_text(tree: HtmlElement | str, title: str | None = None) -> str:
    """The article body, paragraphs one a line, boilerplate left out. Prunes `tree`."""
    doc = trafilatura.bare_extraction(tree, fast=FAST, include_comments=False, include_images=False)
    text = (doc.text or "").strip() if doc is not None else ""
    return without_headline(text, title)


def without_headline(text: str, title: str | None) -> str:
    """The text without a first line that repeats the title (pages often put the <h1> inside the article;
    feeds never do), so one story reads the same from every format. The title is kept on the Article."""
    if not title:
        return text
    first, _, rest = text.partition("\n")
    return rest.strip() if first.strip().casefold() == title.strip().casefold() and rest.strip() else text


def fragment_text(html: str) -> str:
    """Text of an HTML fragment (a feed entry's content): the same extractor as whole pages, so one story
    reads alike from page and feed; trafilatura's plain html2txt when the snippet is too small for it."""
    wrapped = f"<html><body><article>{html}</article></body></html>"
    return main_text(wrapped) or (trafilatura.html2txt(wrapped) or "").strip()


def _find_date(html: HtmlElement | bytes, url: str | None, extensive: bool) -> date | None:
    try:
        return parse_published(htmldate.find_date(html, url=url, extensive_search=extensive, original_date=True))
    except Exception:  # htmldate raises on pathological markup; a missing date is not fatal
        return None


def article_from_html(html: bytes, source: str, *, url: str | None = None, fetched: datetime | None = None,
                      record_id: str | None = None, line: int | None = None) -> Article | Skip:
    """One page to one Article; a page without main text, or one that cannot be parsed, is a Skip.

    Publication date: the page's own metadata first (meta tags, JSON-LD, time elements, a dated URL);
    then `fetched` (a WARC record's capture time: news is crawled within hours of publication); then
    htmldate's extensive search of the whole page."""
    where = record_id or url

    def skip(reason: str, detail: str) -> Skip:
        return Skip(source=source, line=line, record_id=where, reason=reason, detail=detail[:300])

    if len(html) > MAX_RECORD_BYTES:
        return skip(TOO_LARGE, f"page of {len(html)} bytes")
    try:
        tree = load_html(html)
        if tree is None:
            return skip(MALFORMED, "not parseable as HTML")
        title = extract_title(tree) or None
        url = url or extract_url(tree) or None
        published = _find_date(tree, url, extensive=False)
        text = main_text(tree, title)
    except Exception as exc:  # a parser failure on one page must not stop the batch
        return skip(MALFORMED, f"HTML: {type(exc).__name__}: {exc}")
    if len(text.split()) < MIN_WORDS:
        return skip(EMPTY, f"no main text after cleaning ({len(text.split())} words left)")
    if published is None:
        published = fetched.date() if fetched else _find_date(html, url, extensive=True)
    return Article(id=article_id(url, text), text=text, published=published, url=url, title=title)


def read_html(stream: IO[bytes], source: str) -> Article | Skip:
    """A saved page: one file, one article."""
    data = stream.read(MAX_RECORD_BYTES + 1)
    if len(data) > MAX_RECORD_BYTES:
        return Skip(source=source, reason=TOO_LARGE, detail=f"page larger than {MAX_RECORD_BYTES} bytes")
    return article_from_html(data, source)
