"""Cleaning drops appeals, sign-ups and credits by general rules, and never moves offsets."""

from truce.clean import clean

ARTICLE = """Gunmen killed four farmers near the village of Tilla on Monday, officials said.
Photo: Staff photographer
The attack came days after a similar raid in the area.
Read more: Sahel violence explained
Sign up for our weekly newsletter to get the news in your inbox.
(Reporting by A. Writer; Editing by B. Editor)
Support our journalism
Dear readers, independent reporting depends on you. Please donate today.
Thank you for standing with us.
"""


def test_boilerplate_dropped_news_kept(lex):
    out = clean(ARTICLE, lex)
    kept = [p.text for p in out.kept]
    assert kept == ["Gunmen killed four farmers near the village of Tilla on Monday, officials said.",
                    "The attack came days after a similar raid in the area."]


def test_offsets_point_into_the_original(lex):
    for p in clean(ARTICLE, lex).kept:
        assert ARTICLE[p.start:p.end] == p.text


def test_an_appeal_early_in_a_short_text_is_only_dropped_as_a_line(lex):
    text = "Subscribe now to read more.\nRebels seized the town of Mora on Tuesday.\n"
    kept = [p.text for p in clean(text, lex).kept]
    assert kept == ["Rebels seized the town of Mora on Tuesday."]
