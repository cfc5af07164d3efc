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
    ("Police said nobody was hurt in the explosion.", 0, 0),  # nobody hurt: nobody killed either
    ("Two soldiers were killed and nobody else was hurt.", 2, 0),
    ("The crew were unharmed and the ship sailed on.", 0, 0),  # the whole company unharmed
    ("A local group put the death toll at more than 40 and said 17 people were wounded.", 40, 17),
    ("Two soldiers and a New People's Army rebel were killed in a clash.", 3, None),
    ("All crew members are reported safe.", 0, 0),
    ("The driver escaped unhurt, but three passengers were killed.", 3, None),  # one of them: no zero
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


@pytest.mark.parametrize(("text", "dead", "hurt"), [
    # a clipped passive after "with"/"leaving": the numbered subject is the victim
    ("Two police posts were attacked on Friday, with 5 soldiers killed and another 11 wounded.", 5, 11),
    ("Gunmen stormed two bases, leaving 3 soldiers killed and another 9 injured.", 3, 9),
    # a dateline before the victims is no victim
    ("Kandahar (Afghanistan), March 3: Four policemen were killed in the ambush on Sunday.", 4, None),
    # "another" is one more
    ("One guard was killed and another was wounded in the shooting.", 1, 1),
    ("A guard was killed. Another guard was injured.", 1, 1),
    # communiqués file tolls under each side: the sides add up
    ("On our side, three soldiers killed and five wounded; on the enemy side, about fifteen terrorists neutralised.",
     18, 5),
    ("The troops were able to neutralise some twenty people on the terrorist side, while 2 soldiers were killed.",
     22, None),
    # told place by place, one side's counts are parts that add up
    ("Army side: 3 dead and 7 wounded in Tessit, and 1 dead and 2 wounded in Labbezanga.", 4, 9),
    ("Police said 7 people were killed in the city, while the ministry said 9 were killed in the city.", 7, None),
    # a toll's part under "including" is no second toll
    ("The rescue service put the death toll at 9, including three children.", 9, None),
    # nouns that count the dead, and care that counts the wounded
    ("The hospital confirmed two deaths, while activists said five people had been killed.", 2, None),
    ("A local militia confirmed the death of four of its fighters.", 4, None),
    ("Six others were treated for shrapnel wounds.", None, 6),
    ("Two people were rushed to hospital with gunshot wounds.", None, 2),
    ("Dozens were injured and four were rushed to hospital.", None, 12),
    ("At least 12 people, including two reporters, were taken to hospital.", None, 12),
    ("Dozens were injured and five people were hospitalised.", None, 12),  # the hospitalised are a part
    # "the dead" as a subject is no "shot dead": what they include is a part
    ("Eleven people were killed. Police said the dead included three children.", 11, None),
    # victims told again with another noun are the same victims
    ("A drone strike killed two fighters. The group announced the deaths of the two men.", 2, None),
])
def test_more_phrasings(text, dead, hurt):
    assert tolls(text) == {"fatalities": dead, "injuries": hurt}


def test_scores_are_unspecified_people():
    found = counts(load_model()("At least nine people were killed and scores of people wounded.")[:])
    assert {c.group for c in found} == {"people"}


def test_a_vague_total_yields_to_the_sides_counts():
    found = [Count("fatalities", 12, -1, vague=True), Count("fatalities", 7, 3, "soldier"),
             Count("fatalities", 30, 9, "militant")]
    assert combine(found, "fatalities") == 37  # "dozens killed" in the headline; 7 soldiers and 30 militants
    assert combine([Count("fatalities", 12, -1, vague=True)], "fatalities") == 12
    assert combine([Count("fatalities", 12, 1, "militant", vague=True), Count("fatalities", 2, 5, "soldier")],
                   "fatalities") == 14  # one side's "dozens" is that side's count
