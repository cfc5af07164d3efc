"""The shipped country outlines: small, complete enough, and where the countries are."""

from __future__ import annotations

import json
from importlib import resources

from truce.dashboard.outlines import SCALE, decode_ring, encode_ring


def load() -> dict:
    return json.loads(resources.files("truce.dashboard").joinpath("static/countries.json").read_text())


def test_outlines_are_small_and_cover_the_world():
    path = resources.files("truce.dashboard").joinpath("static/countries.json")
    assert len(path.read_bytes()) < 150_000
    data = load()
    assert data["scale"] == SCALE and "Natural Earth" in data["source"]
    ids = {c["id"] for c in data["countries"]}
    assert len(data["countries"]) > 170
    assert {"SDN", "UKR", "HTI", "FRA", "NOR", "XKX", "PSE", "COD", "MMR", "RUS", "FJI"} <= ids


def test_each_country_lies_where_it_should():
    boxes = {"SDN": (21.8, 8.1, 38.7, 22.3), "UKR": (22.0, 44.3, 40.3, 52.4), "HTI": (-74.5, 18.0, -71.6, 20.1)}
    countries = {c["id"]: c for c in load()["countries"]}
    for iso, (w, s, e, n) in boxes.items():
        pts = [p for ring in countries[iso]["rings"] for p in decode_ring(ring)]
        lons, lats = [p[0] for p in pts], [p[1] for p in pts]
        assert w - 0.2 <= min(lons) and max(lons) <= e + 0.2, iso
        assert s - 0.2 <= min(lats) and max(lats) <= n + 0.2, iso


def test_rings_round_trip_at_the_stored_precision():
    ring = [(25.351, 13.634), (25.351, 13.634), (30.0, 15.5), (28.25, 10.01), (25.351, 13.634)]
    got = decode_ring(encode_ring(ring))
    assert got == [(25.35, 13.63), (30.0, 15.5), (28.25, 10.01), (25.35, 13.63)]
    assert encode_ring([(1.0, 1.0), (1.001, 1.001)]) == []  # a degenerate ring is dropped
