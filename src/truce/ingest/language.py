"""Language identification with py3langid (pinned; its model ships inside the wheel, nothing downloaded).

Only a confident non-English verdict skips an article: a short or mixed text that the model cannot
place stays in, since wrongly dropping English news costs more than coding a stray foreign text.
"""

from __future__ import annotations

from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

MIN_CONFIDENCE = 0.8  # at 0.8 no English text of tests/gold, samples or shared/peer is skipped (0.5 skips one)
MIN_CHARS = 40  # below this, language guesses are noise
SAMPLE_CHARS = 3000  # the opening of a long article decides; the rest only costs time


@cache
def identifier() -> LanguageIdentifier:
    """Loaded once per process (about a second)."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability) for the opening of the text."""
    lang, prob = identifier().classify(text[:SAMPLE_CHARS])
    return str(lang), float(prob)


def foreign_language(text: str) -> tuple[str, float] | None:
    """The detected language when the text is confidently not English, else None."""
    if len(text.strip()) < MIN_CHARS:
        return None
    lang, prob = detect(text)
    return (lang, prob) if lang != "en" and prob >= MIN_CONFIDENCE else None
