"""truce: news reports in, conflict event data out.

    >>> import truce
    >>> events = truce.extract("On Tuesday, gunmen killed three villagers in ...", published="2024-05-08")
"""

from __future__ import annotations

from datetime import date

from .records import Actor, Article, Event, Evidence, Location, Skip

__all__ = ["Actor", "Article", "Event", "Evidence", "Location", "Skip", "extract"]
__version__ = "0.1.0"


def extract(text: str, published: date | str | None = None, *, article_id: str = "article",
            url: str | None = None, title: str | None = None) -> list[Event]:
    """Events stated in one article's text; relative dates resolve against `published`."""
    from .ingest.jsonl import parse_published
    from .run import extractor

    when = published if isinstance(published, date) else parse_published(published)
    article = Article(id=article_id, text=text, published=when, url=url, title=title)
    return extractor().extract(article)
