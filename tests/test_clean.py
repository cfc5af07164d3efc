"""Cleaning drops appeals, sign-ups and credits by general rules, and never moves offsets."""

import pytest

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


@pytest.mark.parametrize(("text", "place", "rest"), [
    ("MOGADISHU, Nov 30 (Reuters) - Gunmen attacked a hotel.", "MOGADISHU", "Gunmen attacked a hotel."),
    ("MOSCOW (Wire News / Agency - 25th January, 2021) Clashes broke out.", "MOSCOW", "Clashes broke out."),
    ("Manila [Philippines], November 4 (Agency): Two soldiers died.", "Manila", "Two soldiers died."),
    ("NAIROBI: Police fired tear gas.", "NAIROBI", "Police fired tear gas."),
    ("BRUSSELS, November 6. /TASS/. The EU imposed sanctions.", "BRUSSELS", "The EU imposed sanctions."),
    ("OUAGADOUGOU, March 15 (Xinhua) -- Eight soldiers died.", "OUAGADOUGOU", "Eight soldiers died."),
])
def test_wire_datelines_are_cut_from_the_text_and_kept_as_a_place(lex, text, place, rest):
    out = clean(text, lex)
    assert out.dateline == place and out.kept[0].text == rest


@pytest.mark.parametrize("text", ["Police (PSNI) said the march was peaceful.", "UN (AP) officials met in Geneva."])
def test_a_name_with_a_bracket_is_no_dateline(lex, text):
    assert clean(text, lex).dateline is None


def test_a_dateline_after_a_byline_and_a_date_line_is_found_but_not_a_quote_later_on(lex):
    text = ("Seven policemen killed in roadside blast\nOur Correspondent\nPublished October 17, 2024\n"
            "KHAR: Seven policemen escorting a vaccination team were killed when a roadside bomb struck their "
            "vehicle on Wednesday, officials said.")
    out = clean(text, lex)
    assert out.dateline == "KHAR" and out.kept[-1].text.startswith("Seven policemen escorting")
    later = ("Police said seven men were killed when a bomb struck their vehicle on Wednesday in the town.\n"
             "Officials added more later.\nBAJAUR: the district was calm on Thursday.")
    assert clean(later, lex).dateline is None


def test_a_city_with_its_country_in_brackets_and_a_date_is_a_dateline(lex):
    from truce.clean import clean

    out = clean("Six soldiers killed\n\nBamako (Mali), January 25: Six soldiers were killed on Sunday.", lex)
    assert out.dateline == "Bamako" and out.kept[-1].text.startswith("Six soldiers were killed")


def test_a_round_up_paragraphs_label_is_cut_and_kept_for_its_paragraph(lex):
    text = ("World briefing\n\nBANGKOK: A bomb wounded four rangers in Narathiwat province on Tuesday.\n\n"
            "MANILA, Philippines — Two soldiers and a rebel were killed in a clash on Sunday, the army said.\n\n"
            "NATO: allies met.")
    out = clean(text, lex)
    assert out.dateline == "BANGKOK"  # the first is the story's dateline
    labels = {out.kept[i].text.split()[0]: label for i, label in out.labels.items()}
    assert labels == {"Two": "MANILA, Philippines"}  # "NATO: ..." is a body speaking, not a place
    for p in out.kept:
        assert text[p.start:p.end] == p.text
