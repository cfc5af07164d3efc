"""`/events` latency on a store of 100k events, on SQLite and on PostgreSQL (a benchmark, not a test).

Seeds synthetic events (deterministic for a seed) through `truce.store.save_many`, serves the app with
uvicorn on 127.0.0.1, and times a bounded number of requests of each kind with one keep-alive client.
The PostgreSQL run uses a fresh schema that is dropped afterwards.

    python benchmarks/api_latency.py                      # both backends, 100k events
    python benchmarks/api_latency.py --events 20000 --backends sqlite
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import threading
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

from truce import store
from truce.records import ACLED_TYPES, Actor, Article, Event, Evidence, Location

PG_URL = "postgresql://postgres@127.0.0.1:5432/test"
PLACES = [("SDN", 13.6, 25.3), ("UKR", 49.9, 36.2), ("HTI", 18.5, -72.3), ("SOM", 2.0, 45.3), ("MLI", 12.6, -8.0),
          ("BFA", 12.4, -1.5), ("COD", -1.7, 29.2), ("MMR", 21.9, 96.0), ("YEM", 15.4, 44.2), ("SYR", 36.2, 37.1),
          ("NGA", 11.8, 13.2), ("MEX", 24.8, -107.4), ("COL", 7.1, -73.1), ("PAK", 33.6, 73.0), ("ETH", 9.0, 38.7)]
ACTORS = ["Rapid Support Forces", "Sudanese Armed Forces", "Russian forces", "Ukrainian forces", "G9 gang",
          "al-Shabaab", "JNIM", "M23", "Tatmadaw", "Houthis", "ISWAP", "Sinaloa Cartel", "ELN", "police",
          "protesters", "civilians", "villagers", "militia fighters"]
WORDS = ["shelling", "drone", "ambush", "mortar", "clashes", "raid", "march", "sit-in", "airstrike", "checkpoint"]
SUBS = [(t, s) for t, subs in ACLED_TYPES.items() for s in subs]


def synthetic(n_events: int, per_article: int = 10, seed: int = 7) -> list[tuple[Article, list[Event]]]:
    rnd = random.Random(seed)
    out = []
    start = date(2023, 1, 2)
    for k in range(n_events // per_article):
        published = start + timedelta(days=rnd.randrange(730))
        text, found = "", []
        for j in range(per_article):
            iso, lat, lon = rnd.choice(PLACES)
            t, s = rnd.choice(SUBS)
            a1, a2 = rnd.sample(ACTORS, 2)
            sentence = f"{a1} and {a2}: {rnd.choice(WORDS)} and {rnd.choice(WORDS)} near site {rnd.randrange(500)}."
            at = len(text)
            text += sentence + " "
            found.append(Event(
                event_id=f"b{k:06d}{j:02d}", article_id=f"bench-{k}", event_date=published - timedelta(days=j % 3),
                date_precision="day", category="material", event_type=t, sub_event_type=s, plover_type="ASSAULT",
                actor1=Actor(name=a1, kind="militia"), actor2=Actor(name=a2, kind="civilians"),
                location=Location(name=f"site {j}", admin1=f"{iso} region {j % 4}", country=iso,
                                  latitude=lat + rnd.uniform(-2, 2), longitude=lon + rnd.uniform(-2, 2)),
                fatalities=rnd.choice([None, 0, 1, 2, 3, 5, 8, 13, 40]),
                evidence=[Evidence(text=sentence, start=at, end=at + len(sentence))],
                confidence=round(rnd.uniform(0.4, 0.95), 2)))
        out.append((Article(id=f"bench-{k}", text=text, published=published,
                            url=f"https://bench.example.test/{k}"), found))
    return out


QUERIES = {
    "first page": {},
    "country": {"country": "SDN"},
    "country+type+dates": {"country": "UKR", "event_type": "Explosions/Remote violence",
                           "date_from": "2024-01-01", "date_to": "2024-06-30"},
    "actor text": {"actor": "shabaab"},
    "evidence text": {"q": "mortar ambush"},
    "bbox": {"bbox": "20,0,50,20"},
    "min fatalities, by fatalities": {"min_fatalities": 10, "sort": "-fatalities"},
}


def seed(url: str, n: int) -> float:
    engine = store.connect(url)
    t0 = time.perf_counter()
    data = synthetic(n)
    for i in range(0, len(data), 500):
        store.save_many(engine, data[i:i + 500])
    with engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
    engine.dispose()
    return time.perf_counter() - t0


def measure(url: str, rounds: int) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    import httpx2
    import uvicorn

    from truce.api import create_app

    srv = uvicorn.Server(uvicorn.Config(create_app(url), host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        if time.monotonic() > deadline:
            raise SystemExit("server did not start")
        time.sleep(0.05)
    base = f"http://127.0.0.1:{srv.servers[0].sockets[0].getsockname()[1]}"
    times: dict[str, list[float]] = {name: [] for name in [*QUERIES, "page 20 (cursor walk)"]}
    extra: dict[str, list[float]] = {"/stats": [], "/stats?country=SDN": []}
    try:
        with httpx2.Client(base_url=base, timeout=30) as client:
            for name, params in QUERIES.items():
                client.get("/events", params=params).raise_for_status()  # warm-up
                for _ in range(rounds):
                    t0 = time.perf_counter()
                    r = client.get("/events", params={**params, "limit": 50})
                    times[name].append(time.perf_counter() - t0)
                    r.raise_for_status()
            cursor = None
            for _ in range(20):  # walk to page 20; time only the 20th page's requests below
                cursor = client.get("/events", params={"limit": 50, **({"cursor": cursor} if cursor else {})}
                                    ).json()["next_cursor"]
            for _ in range(rounds):
                t0 = time.perf_counter()
                client.get("/events", params={"limit": 50, "cursor": cursor}).raise_for_status()
                times["page 20 (cursor walk)"].append(time.perf_counter() - t0)
            for name in extra:  # not /events: the dashboard's other call, timed for information
                path, _, qs = name.partition("?")
                for _ in range(max(5, rounds // 5)):
                    t0 = time.perf_counter()
                    client.get(path, params=dict([qs.split("=")]) if qs else {}).raise_for_status()
                    extra[name].append(time.perf_counter() - t0)
    finally:
        srv.should_exit = True
        thread.join(timeout=15)
    return times, extra


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, round(p * (len(s) - 1)))] * 1000


def report(backend: str, n: int, seeded: float, measured: tuple[dict[str, list[float]], dict[str, list[float]]]
           ) -> None:
    times, extra = measured
    print(f"\n{backend}: {n} events (seeded in {seeded:.0f} s); /events?limit=50, ms")
    print(f"  {'query':34} {'p50':>8} {'p99':>8} {'mean':>8}")
    everything: list[float] = []
    for name, ts in times.items():
        everything += ts
        print(f"  {name:34} {pct(ts, .5):8.1f} {pct(ts, .99):8.1f} {statistics.mean(ts) * 1000:8.1f}")
    print(f"  {'all of the above':34} {pct(everything, .5):8.1f} {pct(everything, .99):8.1f} "
          f"{statistics.mean(everything) * 1000:8.1f}")
    for name, ts in extra.items():
        print(f"  {name:34} {pct(ts, .5):8.1f} {pct(ts, .99):8.1f} {statistics.mean(ts) * 1000:8.1f}   (not /events)")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--events", type=int, default=100_000)
    p.add_argument("--rounds", type=int, default=100, help="timed requests per query kind")
    p.add_argument("--backends", default="sqlite,postgres")
    args = p.parse_args()
    for backend in args.backends.split(","):
        if backend == "sqlite":
            with tempfile.TemporaryDirectory() as tmp:
                url = str(Path(tmp) / "bench.sqlite")
                seeded = seed(url, args.events)
                report("SQLite", args.events, seeded, measure(url, args.rounds))
        elif backend == "postgres":
            import psycopg

            schema = f"truce_bench_{uuid.uuid4().hex[:10]}"
            with psycopg.connect(PG_URL, autocommit=True) as admin:
                admin.execute(f'CREATE SCHEMA "{schema}"')
                try:
                    url = f"{PG_URL}?options=-csearch_path%3D{schema}"
                    seeded = seed(url, args.events)
                    report("PostgreSQL", args.events, seeded, measure(url, args.rounds))
                finally:
                    admin.execute(f'DROP SCHEMA "{schema}" CASCADE')
        else:
            raise SystemExit(f"unknown backend {backend!r}")


if __name__ == "__main__":
    main()
