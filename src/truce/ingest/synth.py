"""Synthetic news in every input format, for tests and benchmarks: no third-party text is ever stored.

Stories are filled from sentence templates with invented outlets, officials and figures (place names
are real, as the gazetteer needs them); the same story can be rendered as an HTML page, an RSS item,
a WARC response record, or re-published as a syndicated variant.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime
from html import escape
from typing import IO
from uuid import UUID

from fastwarc.warc import WarcRecord, WarcRecordType

PLACES = [
    ("Beni", "Congo"), ("Goma", "Congo"), ("Bunia", "Congo"), ("Maiduguri", "Nigeria"), ("Kaduna", "Nigeria"),
    ("Mogadishu", "Somalia"), ("Kismayo", "Somalia"), ("Gao", "Mali"), ("Mopti", "Mali"), ("Kharkiv", "Ukraine"),
    ("Kherson", "Ukraine"), ("Aleppo", "Syria"), ("Idlib", "Syria"), ("Marib", "Yemen"), ("Taiz", "Yemen"),
    ("Khartoum", "Sudan"), ("El Fasher", "Sudan"), ("Mandalay", "Myanmar"), ("Peshawar", "Pakistan"),
    ("Kandahar", "Afghanistan"), ("Lima", "Peru"), ("Quito", "Ecuador"), ("Ouagadougou", "Burkina Faso"),
]
ATTACKERS = ["Rebels", "Gunmen", "Militants", "Fighters from an armed group", "Insurgents", "Armed men"]
TARGETS = ["an army base", "a police station", "a military convoy", "a checkpoint", "a village", "a market"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUMBERS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "12", "14", "17", "21"]
SURNAMES = ["Adeyemi", "Banda", "Carvalho", "Dlamini", "Esposito", "Farouk", "Gathoni", "Haddad", "Ivanova",
            "Jallow", "Kamara", "Lindqvist", "Mensah", "Nakamura", "Okafor", "Petrov", "Quispe", "Rahimi"]
ROLES = ["a local official", "a regional governor", "an army spokesman", "a police commander", "a hospital director",
         "a community leader", "a resident", "an aid worker"]
OUTLETS = ["The Daily Ledger", "Morning Courier", "Evening Dispatch", "The Plains Gazette", "Harbour Times",
           "The Northern Sentinel", "Riverside Post", "The Capital Herald"]

LEADS = [
    "{place}, {country} - {attacker} attacked {target} outside {place} on {day}, killing {n1} soldiers and "
    "wounding {n2} others, {role} said.",
    "{place}, {country} - {attacker} stormed {target} near {place} on {day}, killing {n1} people, according "
    "to {role}.",
    "{place}, {country} - At least {n1} civilians were killed when {attacker_l} opened fire on {target} in "
    "{place} on {day}, {role} told reporters.",
    "{place}, {country} - Police arrested {n1} protesters in {place} on {day} after crowds blocked a main road "
    "to demand the release of detained activists.",
    "{place}, {country} - Soldiers clashed with {attacker_l} in {place} on {day}, and {n1} fighters were killed "
    "in hours of fighting, the army said.",
]
BODY = [
    "The assault began before dawn and lasted several hours, according to {role} who asked not to be named "
    "because he was not authorised to speak to the media.",
    "Residents fled toward the town centre as gunfire echoed across the hills, and many spent the night in "
    "churches and schools.",
    "{official} of {outlet} reported that the main road out of {place} remained closed on {day2} while troops "
    "searched nearby farms.",
    "The group has been blamed for a string of raids in the province this year, and officials say it recruits "
    "heavily among young men.",
    "A hospital in {place} received {n2} wounded people, {n3} of them in serious condition, a nurse said by "
    "telephone.",
    "The government condemned the attack and promised to send reinforcements to the area within days.",
    "Aid agencies warned that the violence could push thousands more people from their homes ahead of the "
    "rainy season.",
    "Local traders said the {market_day} market would stay shut until security improved, cutting off supplies "
    "to outlying villages.",
    "{official}, a researcher who follows the conflict, said the attackers appeared to be testing the army's "
    "defences after weeks of relative calm.",
    "Prices of fuel and flour have risen sharply in {place} since the fighting began, residents said.",
    "The United Nations mission in the country said it was gathering information and urged all sides to "
    "protect civilians.",
    "Security forces later said they had regained control of the area and arrested {n3} suspects.",
    "Witnesses described seeing burned vehicles along the road and smoke rising from several houses.",
    "Schools in the district were closed as a precaution, and a curfew was imposed from dusk until dawn.",
    "It was the deadliest incident in the area since {month}, when a similar raid left dozens dead.",
    "Opposition lawmakers called for an inquiry into how the attackers were able to reach the town unseen.",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]


@dataclass(frozen=True)
class Story:
    """One generated report: what a page, a feed item and a WARC record are rendered from."""

    title: str
    paragraphs: tuple[str, ...]
    url: str
    published: date
    outlet: str

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


def story(rng: random.Random, *, n_body: int = 5, published: date | None = None, slug: str | None = None) -> Story:
    """A new random story with a lead and n_body further paragraphs."""
    place, country = rng.choice(PLACES)
    attacker = rng.choice(ATTACKERS)
    slots = {
        "place": place, "country": country, "attacker": attacker, "attacker_l": attacker.lower(),
        "target": rng.choice(TARGETS), "day": rng.choice(DAYS), "day2": rng.choice(DAYS),
        "n1": rng.choice(NUMBERS), "n2": rng.choice(NUMBERS), "n3": rng.choice(NUMBERS),
        "role": rng.choice(ROLES), "official": f"{rng.choice('ABCDEFGHJKLMNPRST')}. {rng.choice(SURNAMES)}",
        "outlet": rng.choice(OUTLETS), "market_day": rng.choice(DAYS), "month": rng.choice(MONTHS),
    }
    paras = [rng.choice(LEADS).format(**slots)] + [p.format(**slots) for p in rng.sample(BODY, n_body)]
    outlet = rng.choice(OUTLETS)
    pub = published or date(2024, 1, 1) + timedelta(days=rng.randrange(300))
    slug = slug or f"{place.lower().replace(' ', '-')}-{rng.randrange(10**8):08d}"
    host = outlet.lower().replace("the ", "").replace(" ", "") + ".example"
    title = f"{attacker} strike {slots['target'].split(' ', 1)[1]} in {place}"
    return Story(title=title, paragraphs=tuple(paras), url=f"https://{host}/{pub:%Y/%m/%d}/{slug}",
                 published=pub, outlet=outlet)


def syndicated(s: Story, outlet: str, *, title: str | None = None) -> Story:
    """The same wire story re-published by another outlet under its own URL and headline."""
    host = outlet.lower().replace("the ", "").replace(" ", "") + ".example"
    slug = s.url.rsplit("/", 1)[-1]
    return replace(s, outlet=outlet, title=title or f"{s.title} (wire)", url=f"https://{host}/world/{slug}")


def page_html(s: Story, *, lang: str = "en", boilerplate: bool = True) -> bytes:
    """A news page with navigation, related links and a footer around the article body."""
    body = "".join(f"<p>{escape(p)}</p>" for p in s.paragraphs)
    nav = ('<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>'
           '<li><a href="/sport">Sport</a></li></ul></nav>') if boilerplate else ""
    aside = ('<aside><h3>Most read</h3><ul><li><a href="/a">Markets close higher</a></li>'
             '<li><a href="/b">Weather warning issued</a></li></ul></aside>') if boilerplate else ""
    footer = f"<footer><p>&copy; {s.published.year} {escape(s.outlet)}. All rights reserved.</p></footer>" \
        if boilerplate else ""
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{escape(s.title)} | '
        f'{escape(s.outlet)}</title><meta property="og:title" content="{escape(s.title)}">'
        f'<link rel="canonical" href="{escape(s.url)}">'
        f'<meta property="article:published_time" content="{s.published.isoformat()}T07:30:00Z"></head>'
        f"<body>{nav}<main><article><h1>{escape(s.title)}</h1>{body}</article>{aside}</main>{footer}</body></html>"
    ).encode()


def feed_xml(stories: Iterable[Story], *, title: str = "World news") -> bytes:
    """An RSS 2.0 feed whose items carry the full body in content:encoded."""
    items = []
    for s in stories:
        pub = format_datetime(datetime(s.published.year, s.published.month, s.published.day, 7, 30, tzinfo=UTC))
        content = "".join(f"<p>{escape(p)}</p>" for p in s.paragraphs)
        items.append(
            f"<item><title>{escape(s.title)}</title><link>{escape(s.url)}</link><guid>{escape(s.url)}</guid>"
            f"<pubDate>{pub}</pubDate><description>{escape(s.paragraphs[0])}</description>"
            f"<content:encoded><![CDATA[{content}]]></content:encoded></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>{escape(title)}</title><link>https://feeds.example/</link><description>generated</description>"
        + "".join(items) + "</channel></rss>"
    ).encode()


def warc_record(rtype: WarcRecordType, rid: int, uri: str, when: datetime, ctype: str, block: bytes) -> WarcRecord:
    """One WARC record with the headers a crawler writes (the record id is a UUID made from `rid`)."""
    rec = WarcRecord()
    rec.init_headers(rtype, str(UUID(int=rid)).encode())
    rec.headers.set("WARC-Target-URI", uri)
    rec.headers.set("WARC-Date", when.strftime("%Y-%m-%dT%H:%M:%SZ"))
    rec.headers.set("Content-Type", ctype)
    rec.set_bytes_content(block)
    return rec


def write_warc(out: IO[bytes], pages: Iterable[tuple[str, bytes, datetime]], *, requests: bool = True,
               content_type: str = "text/html; charset=utf-8", first_id: int = 1) -> int:
    """Write a request (optional) and a response record per (url, body, capture time); returns records written."""
    n = 0
    rid = first_id
    for url, body, when in pages:
        if requests:
            path = "/" + url.split("/", 3)[-1] if url.count("/") >= 3 else "/"
            req = f"GET {path} HTTP/1.1\r\nHost: {url.split('/')[2]}\r\nUser-Agent: synth\r\n\r\n".encode()
            warc_record(WarcRecordType.request, rid, url, when, "application/http; msgtype=request", req).write(out)
            rid += 1
            n += 1
        head = f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n".encode()
        warc_record(WarcRecordType.response, rid, url, when, "application/http; msgtype=response",
                    head + body).write(out)
        rid += 1
        n += 1
    return n


def valid_files() -> dict[str, bytes]:
    """One well-formed file of each format (by suffix), for fuzzers to cut and corrupt."""
    import io
    import json
    import random
    from datetime import datetime

    rng = random.Random(9)
    stories = [story(rng) for _ in range(3)]
    warc = io.BytesIO()
    write_warc(warc, [(s.url, page_html(s), datetime(2024, 5, 1)) for s in stories])
    jsonl = "".join(json.dumps({"id": f"j{i}", "text": s.text}) + "\n" for i, s in enumerate(stories))
    return {".html": page_html(stories[0]), ".xml": feed_xml(stories), ".warc": warc.getvalue(),
            ".jsonl": jsonl.encode(), ".txt": stories[0].text.encode()}
