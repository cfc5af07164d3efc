"""The trained sentence-type model: which PLOVER types a sentence states, as probabilities.

A spaCy `textcat_multilabel` pipeline trained from scratch by training/train.py on labelled sentences
written for this project (plus the PLOVER gold-standard examples); it ships in models/sentence_types
and loads offline, once per process. `filter_events` uses it as a second opinion on rule events: an
event whose PLOVER type the model finds in none of its evidence sentences is dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language

from .records import Event

MODEL_DIR = Path(__file__).resolve().parent / "models" / "sentence_types"
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
SUB_PREFIX = "SUB:"
# Chosen on the dev split of tests/gold/dev.jsonl (training/measure.py); see training/README.md.
DEFAULT_THRESHOLD = 0.03


class SentenceTypeModel:
    """PLOVER type (and ACLED sub-event type) probabilities for sentences."""

    def __init__(self, nlp: Language):
        if "textcat_multilabel" not in nlp.pipe_names:
            raise ValueError("not a sentence-type model: no textcat_multilabel component")
        self.nlp = nlp

    @classmethod
    def load(cls, path: str | Path | None = None) -> SentenceTypeModel:
        """The shipped model (or one at `path`); the default is loaded once per process."""
        if path is None:
            return _default()
        return cls(spacy.load(Path(path)))

    def _cats(self, texts: Iterable[str]) -> list[dict[str, float]]:
        return [dict(doc.cats) for doc in self.nlp.pipe(texts, batch_size=64)]

    def probabilities(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """For each text, the probability of each PLOVER type being stated in it."""
        return [{k: v for k, v in c.items() if not k.startswith(SUB_PREFIX)} for c in self._cats(texts)]

    def subtypes(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """For each text, the probability of each ACLED sub-event type."""
        return [{k[len(SUB_PREFIX):]: v for k, v in c.items() if k.startswith(SUB_PREFIX)} for c in self._cats(texts)]


@cache
def _default() -> SentenceTypeModel:
    if not (MODEL_DIR / "config.cfg").is_file():
        raise FileNotFoundError(f"sentence-type model missing at {MODEL_DIR}: run training/train.py")
    return SentenceTypeModel(spacy.load(MODEL_DIR))


def _evidence_texts(event: Event, article_text: str | None) -> list[str]:
    """Each evidence sentence, read from the article by its offsets when they fit, else as stored."""
    out = []
    for ev in event.evidence:
        if article_text is not None and 0 <= ev.start < ev.end <= len(article_text) \
                and article_text[ev.start:ev.end].strip() == ev.text.strip():
            out.append(article_text[ev.start:ev.end])
        else:
            out.append(ev.text)
    return out


def support(events: Sequence[Event], article_text: str | None = None,
            model: SentenceTypeModel | None = None) -> list[float]:
    """For each event, the model's highest probability for its PLOVER type over its evidence sentences."""
    model = model or SentenceTypeModel.load()
    texts = [_evidence_texts(e, article_text) for e in events]
    unique = sorted({t for ts in texts for t in ts})
    probs = dict(zip(unique, model.probabilities(unique), strict=True))
    return [max((probs[t].get(e.plover_type, 0.0) for t in ts), default=0.0) for e, ts in zip(events, texts,
                                                                                              strict=True)]


def filter_events(events: Sequence[Event], article_text: str | None = None,
                  threshold: float = DEFAULT_THRESHOLD, model: SentenceTypeModel | None = None) -> list[Event]:
    """The events whose PLOVER type the model gives at least `threshold` in one of their evidence sentences."""
    if not events:
        return []
    scores = support(events, article_text, model)
    return [e for e, s in zip(events, scores, strict=True) if s >= threshold]
