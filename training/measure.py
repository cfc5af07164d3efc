"""Rules vs rules filtered by the sentence-type model vs rules plus model-proposed events, on the gold sets.

    python training/measure.py [--json OUT.json]

Scores with the shared scorer exactly as `truce eval` does. The rule extractor runs once per article;
(b) drops an event whose PLOVER type the model gives less than t in all its evidence sentences, for a
grid of t; (c) adds, for a sentence where the model gives a type at least t_hi and no rule event of that
type cites the sentence, an event of that type dated and placed like the article's nearest rule event.
Thresholds are chosen on the dev split only; the test split and dev_real are reported, not tuned on.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

from truce import clean, nlp
from truce.evaluate import find_scorer, load_scorer, predict, read_gold
from truce.learned import SentenceTypeModel, support
from truce.lexicon import SUB_TO_TYPE
from truce.records import Event, Evidence
from truce.run import extractor

ROOT = Path(__file__).resolve().parent.parent
GRID = (0.0, 0.01, 0.02, 0.03, 0.05, 0.08, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5)
PROPOSE_GRID = (0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 1.01)
MATERIAL = {"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "SANCTION", "AID"}


def norm(s: str) -> str:
    return " ".join(s.split())


def sentences_of(article: dict) -> list[str]:
    ex = extractor()
    kept = clean.clean(article["text"], ex.lex).kept
    return [s.text for s in nlp.analyse(kept, ex.model)]


def propose(article: dict, events: list[Event], sents: list[str], probs: list[dict[str, float]],
            subs: list[dict[str, float]], t_hi: float) -> list[Event]:
    """Model events for sentences the rules left without that type (cheap: no actors, borrowed date/place)."""
    out = []
    covered = defaultdict(set)
    for e in events:
        for ev in e.evidence:
            covered[norm(ev.text)].add(e.plover_type)
    pub = date.fromisoformat(article["published"]) if article.get("published") else None
    text = article["text"]
    for i, (s, p) in enumerate(zip(sents, probs, strict=True)):
        start = text.find(s)
        for typ, prob in p.items():
            if prob < t_hi or typ in covered[norm(s)]:
                continue
            near = min(events, key=lambda e: abs(e.evidence[0].start - start), default=None)
            material = typ in MATERIAL
            sub = max(subs[i], key=subs[i].get) if material else None
            out.append(Event(
                event_id=f"model-{article['id']}-{i}-{typ}", article_id=article["id"],
                event_date=near.event_date if near else pub, date_precision="day",
                category="material" if material else "verbal",
                event_type=SUB_TO_TYPE.get(sub) if material and sub else None,
                sub_event_type=sub if material else None, plover_type=typ,
                location=near.location if near and material else None,
                evidence=[Evidence(text=s, start=max(start, 0), end=max(start, 0) + len(s))], confidence=0.3))
    return out


def sentence_level(gold: list[dict], by_article: dict[str, list[Event]], sents: dict[str, list[str]],
                   probs: dict[str, list[dict[str, float]]], t: float) -> dict[str, dict]:
    """Micro P/R/F1 of (sentence, type) pairs: gold from the evidence of gold events."""
    tally = {"rules": [0, 0, 0], "model": [0, 0, 0]}
    for art in gold:
        gold_pairs, rule_pairs, model_pairs = set(), set(), set()
        for i, s in enumerate(sents[art["id"]]):
            ns = norm(s)
            for g in art.get("events") or []:
                if any(norm(x) in ns or ns in norm(x) for x in g.get("evidence") or []):
                    gold_pairs.add((i, g["plover_event_type"]))
            for e in by_article.get(art["id"], []):
                if any(norm(x.text) == ns for x in e.evidence):
                    rule_pairs.add((i, e.plover_type))
            model_pairs |= {(i, k) for k, v in probs[art["id"]][i].items() if v >= t}
        for name, pairs in (("rules", rule_pairs), ("model", model_pairs)):
            tally[name][0] += len(pairs & gold_pairs)
            tally[name][1] += len(pairs - gold_pairs)
            tally[name][2] += len(gold_pairs - pairs)
    out = {}
    for name, (tp, fp, fn) in tally.items():
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        out[name] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f1, 3)}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--json", help="write all figures here")
    ap.add_argument("--model", help="a sentence-type model directory (default: the shipped one)")
    a = ap.parse_args(argv)
    scorer = load_scorer(find_scorer())
    model = SentenceTypeModel.load(a.model)
    sets = {"dev": read_gold(str(ROOT / "tests/gold/dev.jsonl"), "dev"),
            "test": read_gold(str(ROOT / "tests/gold/dev.jsonl"), "test"),
            "dev_real": read_gold(str(find_scorer().parent / "dev_real.jsonl"))}
    results: dict = {}
    for name, gold in sets.items():
        events = predict(gold)
        by_article: dict[str, list[Event]] = defaultdict(list)
        for e in events:
            by_article[e.article_id].append(e)
        text = {g["id"]: g["text"] for g in gold}
        sup = {}
        for aid, evs in by_article.items():
            for e, s in zip(evs, support(evs, text[aid], model), strict=True):
                sup[e.event_id] = s
        sents = {g["id"]: sentences_of(g) for g in gold}
        probs = {k: model.probabilities(v) for k, v in sents.items()}
        subs = {k: model.subtypes(v) for k, v in sents.items()}

        def score(preds: list[Event], gold: list[dict] = gold) -> dict:
            s, _ = scorer.score(gold, [json.loads(e.model_dump_json()) for e in preds])
            return {k: s[k] for k in ("all", "material", "verbal")} | {
                "negatives_fp": s["negatives_false_positives"], "fields": s["fields"]}

        res = {"rules": score(events), "filter": {}, "propose": {}}
        for t in GRID:
            res["filter"][t] = score([e for e in events if sup[e.event_id] >= t])
        for t_hi in PROPOSE_GRID:
            extra = [x for g in gold for x in propose(g, by_article.get(g["id"], []), sents[g["id"]],
                                                       probs[g["id"]], subs[g["id"]], t_hi)]
            res["propose"][t_hi] = score(events + extra)
        res["sentence_level"] = {t: sentence_level(gold, by_article, sents, probs, t) for t in (0.05, 0.2, 0.5)}
        res["dropped_at"] = {t: [(e.plover_type, round(sup[e.event_id], 3), e.evidence[0].text[:90])
                                 for e in events if sup[e.event_id] < t] for t in (0.05, 0.1, 0.2)}
        results[name] = res
        print(f"== {name}: {len(gold)} articles, {len(events)} rule events", file=sys.stderr)
        print(f"  rules                 F1 {res['rules']['all']['f1']:.3f}  P {res['rules']['all']['precision']:.3f}"
              f"  R {res['rules']['all']['recall']:.3f}  mat {res['rules']['material']['f1']:.3f}"
              f"  verb {res['rules']['verbal']['f1']:.3f}  negFP {res['rules']['negatives_fp']}")
        for t, r in res["filter"].items():
            print(f"  filter t={t:<5}        F1 {r['all']['f1']:.3f}  P {r['all']['precision']:.3f}"
                  f"  R {r['all']['recall']:.3f}  mat {r['material']['f1']:.3f}  verb {r['verbal']['f1']:.3f}"
                  f"  negFP {r['negatives_fp']}")
        for t, r in res["propose"].items():
            print(f"  +propose t_hi={t:<5}   F1 {r['all']['f1']:.3f}  P {r['all']['precision']:.3f}"
                  f"  R {r['all']['recall']:.3f}")
        for t, sl in res["sentence_level"].items():
            print(f"  sentence-level t={t}: rules {sl['rules']}  model {sl['model']}")
    if a.json:
        Path(a.json).write_text(json.dumps(results, indent=1, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
