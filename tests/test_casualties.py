"""Casualty phrasings (GUIDELINES.md conventions) and how one event's figures combine."""

import pytest

from truce.casualties import Count, combine, counts
from truce.nlp import load_model


def tolls(text: str) -> dict[str, int | None]:
    found = counts(load_model()(text)[:])
    return {k: combine(found, k) for k in ("fatalities", "injuries")}


@pytest.mark.parametrize(("text", "dead", "hurt"), [
    ("At least nine people were killed and 12 others wounded when shells hit the market.", 9, 12),
    ("A suicide bomber blew himself up, killing a dozen people and wounding 17.", 12, 17),
    ("Fourteen people died in the attack, the hospital said.", 14, None),
    ("Six civilians were injured when militants hurled a grenade.", None, 6),
    ("The army said four soldiers and about 20 assailants were killed.", 24, None),  # sides add up
    ("No one was killed or injured in the blast.", 0, 0),
    ("There were no casualties.", 0, 0),
    ("Police shot dead three protesters and injured at least eight others.", 3, 8),
    ("A man was beaten to death by a mob.", 1, None),
    ("The attack left 15 to 20 people dead and dozens injured.", 15, 12),  # ranges take the low end
    ("Scores of people were wounded.", None, 20),
    ("Gunmen killed 14 civilians, including two children.", 14, None),  # a part is not added
    ("\"About 40 terrorists were neutralised\" during the riposte, the army said.", 40, None),  # communiqué idiom
    ("Eleven of the injured are in hospital, two of them in serious condition.", None, None),  # part of a total
    ("\"Twenty-seven people have been killed, and 106 injured,\" the centre said.", 27, 106),
    ("The army confirmed having killed rebel commander George Madlos in a clash.", 1, None),  # a named person
    ("It said no civilians were injured or killed in the strike.", None, None),  # says nothing of the fighters
])
def test_phrasings(text, dead, hurt):
    assert tolls(text) == {"fatalities": dead, "injuries": hurt}


def test_conflicting_reports_take_the_lowest():
    found = [Count("fatalities", 9, 1), Count("fatalities", 14, 5)]
    assert combine(found, "fatalities") == 9


def test_each_side_counts_once_and_sides_add_up():
    found = [Count("fatalities", 1, 1, "soldier"), Count("fatalities", 2, 2, "troop"),
             Count("fatalities", 3, 9, "soldier")]
    assert combine(found, "fatalities") == 3  # soldiers: lowest of 1 and 3; plus 2 troops


def test_a_total_caps_the_sides():
    found = [Count("fatalities", 14, 1, "member"), Count("fatalities", 30, 2)]
    assert combine(found, "fatalities") == 14


def test_nothing_stated_is_none():
    assert combine([], "fatalities") is None


def test_a_headline_toll_and_the_body_toll_of_the_same_victims_are_one_toll():
    nlp = load_model()
    found = [*counts(nlp("Missile attack on the city: four dead, 21 injured")[:]),
             *counts(nlp("The missile killed four civilians and injured 21 others.")[:])]
    assert (combine(found, "fatalities"), combine(found, "injuries")) == (4, 21)


def test_one_side_named_with_different_words_is_one_group():
    nlp = load_model()
    found = [*counts(nlp("Seven troops were killed in the ambush.")[:]),
             *counts(nlp("The army said seven soldiers and 12 assailants were killed.")[:])]
    assert combine(found, "fatalities") == 19


def test_one_sides_no_casualties_is_not_the_events_total():
    nlp = load_model()
    found = [*counts(nlp("Two soldiers were killed and four others wounded in a clash with rebels.")[:]),
             *counts(nlp("No casualties were reported on the side of the rebels.")[:])]
    assert (combine(found, "fatalities"), combine(found, "injuries")) == (2, 4)
    alone = counts(nlp("No casualties were reported.")[:])
    assert (combine(alone, "fatalities"), combine(alone, "injuries")) == (0, 0)


def test_members_of_a_community_and_the_named_victims_are_one_toll():
    nlp = load_model()
    found = [*counts(nlp("Five members of the Nasa community were killed in the massacre.")[:]),
             *counts(nlp("Gunmen opened fire on the checkpoint, killing Bautista and four guards.")[:])]
    assert combine(found, "fatalities") == 5
