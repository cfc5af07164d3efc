"""Confidence of an event: a logistic score over what the text gave the event, with weights fitted on
the developers' gold set (scripts/calibrate_confidence.py writes lexicons/confidence.yml), so that a
high score means a high share of such events are right."""

from __future__ import annotations

import math
from functools import cache
from importlib import resources

import yaml

FEATURES = ("bias", "material", "actor1_country", "actor2", "fine_place", "own_date", "sentences", "tolls",
            "headline_confirmed", "specific_subtype", "verbal_located")


def features(*, material: bool, actor1_country: bool, actor2: bool, fine_place: bool, own_date: bool,
             sentences: int, tolls: bool, headline_confirmed: bool, specific_subtype: bool,
             verbal_located: bool) -> dict[str, float]:
    return {"bias": 1.0, "material": float(material), "actor1_country": float(actor1_country),
            "actor2": float(actor2), "fine_place": float(fine_place), "own_date": float(own_date),
            "sentences": min(sentences, 4) / 4, "tolls": float(tolls), "headline_confirmed": float(headline_confirmed),
            "specific_subtype": float(specific_subtype), "verbal_located": float(verbal_located)}


@cache
def weights() -> dict[str, float]:
    text = resources.files("truce.lexicons").joinpath("confidence.yml").read_text(encoding="utf-8")
    return {k: float(v) for k, v in yaml.safe_load(text)["weights"].items()}


def score(feats: dict[str, float], w: dict[str, float] | None = None) -> float:
    w = w or weights()
    z = sum(w.get(k, 0.0) * v for k, v in feats.items())
    return round(1 / (1 + math.exp(-z)), 3)
