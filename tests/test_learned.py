"""The trained sentence-type model: it ships, loads offline, scores sentences, filters events, and the
training script reproduces a (tiny) model from the repository's data."""

from __future__ import annotations

import importlib.util
import json
import socket
import sys
from pathlib import Path

import pytest

from truce.learned import MODEL_DIR, PLOVER_TYPES, SentenceTypeModel, filter_events, support
from truce.records import Event, Evidence

ROOT = Path(__file__).resolve().parents[1]
TRAINING = ROOT / "training"


def _module(name: str):
    if str(TRAINING) not in sys.path:
        sys.path.insert(0, str(TRAINING))
    spec = importlib.util.spec_from_file_location(name, TRAINING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def model() -> SentenceTypeModel:
    return SentenceTypeModel.load()


def _event(plover: str, sentence: str, text: str, category: str = "verbal") -> Event:
    start = text.index(sentence)
    material = category == "material"
    return Event(event_id=f"e-{plover}-{start}", article_id="a1", category=category, plover_type=plover,
                 event_type="Battles" if material else None, sub_event_type="Armed clash" if material else None,
                 evidence=[Evidence(text=sentence, start=start, end=start + len(sentence))], confidence=0.5)


def test_shipped_model_is_small_and_loads_without_network(monkeypatch):
    size = sum(p.stat().st_size for p in MODEL_DIR.rglob("*") if p.is_file())
    assert 0 < size < 8_000_000

    def no_network(*args, **kwargs):
        raise AssertionError("the model tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    fresh = SentenceTypeModel.load(MODEL_DIR)  # a fresh load, not the per-process cache
    probs = fresh.probabilities(["Gunmen shot dead four villagers near the market on Monday."])
    assert set(probs[0]) == set(PLOVER_TYPES)


def test_probabilities_rank_the_stated_type_first(model):
    sentences = {
        "ASSAULT": "Insurgents ambushed a military convoy outside the provincial capital on Tuesday, killing six "
                   "soldiers.",
        "PROTEST": "Thousands of nurses marched through the capital on Friday to demand higher wages.",
        "COERCE": "Police detained an opposition organiser at his home on Sunday, his lawyer said.",
        "REQUEST": "The regional bloc urged both sides to return to the negotiating table.",
    }
    probs = model.probabilities(list(sentences.values()))
    for (want, _), p in zip(sentences.items(), probs, strict=True):
        assert max(p, key=p.get) == want
        assert all(0.0 <= v <= 1.0 for v in p.values())


def test_no_event_sentences_get_low_probabilities(model):
    quiet = ["Sign up to get our weekly newsletter in your inbox.",
             "The province is known for its tea plantations and mild climate."]
    for p in model.probabilities(quiet):
        assert max(p.values()) < 0.5


def test_subtypes_are_acled_names(model):
    subs = model.subtypes(["A roadside bomb ripped through a police pickup truck, killing three officers."])[0]
    assert "Remote explosive/landmine/IED" in subs
    assert max(subs, key=subs.get) == "Remote explosive/landmine/IED"


def test_filter_events_keeps_supported_and_drops_unsupported(model):
    attack = "Insurgents ambushed a military convoy outside the provincial capital on Tuesday, killing six soldiers."
    promo = "Sign up to get our weekly newsletter in your inbox."
    text = f"{attack}\n{promo}"
    kept_ev = _event("ASSAULT", attack, text, "material")
    dropped_ev = _event("SUPPORT", promo, text)
    scores = support([kept_ev, dropped_ev], text, model)
    assert scores[0] > 0.5 > scores[1]
    out = filter_events([kept_ev, dropped_ev], text, threshold=0.5, model=model)
    assert [e.event_id for e in out] == [kept_ev.event_id]
    assert filter_events([kept_ev, dropped_ev], text, threshold=0.0, model=model) == [kept_ev, dropped_ev]
    assert filter_events([], text) == []


def test_filter_uses_the_best_of_several_evidence_sentences(model):
    attack = "Insurgents ambushed a military convoy outside the provincial capital on Tuesday, killing six soldiers."
    promo = "Sign up to get our weekly newsletter in your inbox."
    text = f"{promo} {attack}"
    ev = Event(event_id="multi", article_id="a1", category="material", event_type="Battles",
               sub_event_type="Armed clash", plover_type="ASSAULT", confidence=0.5,
               evidence=[Evidence(text=promo, start=0, end=len(promo)),
                         Evidence(text=attack, start=len(promo) + 1, end=len(text))])
    assert filter_events([ev], text, threshold=0.5, model=model) == [ev]
    # offsets that do not fit the article fall back to the stored evidence text
    assert support([ev], "unrelated text", model)[0] > 0.5


def test_training_data_is_valid_and_large():
    train = _module("train")
    rows = train.read_generated(TRAINING / "data" / "generated.jsonl")
    rows += train.read_handwritten(TRAINING / "data" / "handwritten.txt")
    train.validate(rows)
    assert len(rows) >= 3000
    negatives = [r for r in rows if not r["plover"]]
    assert len(negatives) >= 800
    assert {p for r in rows for p in r["plover"]} == set(PLOVER_TYPES)
    generated = {r["conflict"] for r in rows if "conflict" in r}
    assert len(generated) >= 25


def test_generated_file_is_what_the_generator_writes():
    gen = _module("generate")
    rows = gen.generate()
    with open(TRAINING / "data" / "generated.jsonl", encoding="utf-8") as f:
        stored = [json.loads(line) for line in f if line.strip()]
    assert rows == stored


def test_sentences_sharing_words_with_an_evaluation_set_are_dropped():
    train = _module("train")
    gold_text = "Rebels shelled the northern town of Example on Monday, killing four people in the market."
    grams = train._grams(gold_text)
    rows = [{"text": "Officials said rebels shelled the northern town of Example on Monday, killing four.",
             "plover": ["ASSAULT"], "acled": []},
            {"text": "Rebels shelled a village near the river on Monday.", "plover": ["ASSAULT"], "acled": []}]
    kept, dropped = train.drop_overlaps(rows, grams)
    assert dropped == 1 and kept == rows[1:]


@pytest.mark.slow
def test_training_script_retrains_a_tiny_model(tmp_path):
    train = _module("train")
    out = tmp_path / "tiny"
    assert train.main(["--no-peer", "--limit", "60", "--max-steps", "6", "--out", str(out)]) == 0
    tiny = SentenceTypeModel.load(out)
    probs = tiny.probabilities(["Troops clashed with rebels near the border on Monday."])[0]
    assert set(probs) == set(PLOVER_TYPES)
    assert len(tiny.subtypes(["x"])[0]) == 25
