"""Relative dates against the publication day, with tense (dates.py docstring says why not dateparser)."""

from datetime import date

import pytest

from truce import dates

THU = date(2022, 8, 4)  # a Thursday


def one(text: str):
    found = dates.find(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("text", "future", "expected"), [
    ("On Wednesday, Baku said", False, date(2022, 8, 3)),
    ("Moscow on Thursday called", False, THU),  # the weekday of publication is that day
    ("On Friday, Putin is hosting Erdogan", True, date(2022, 8, 5)),
    ("On Friday the army attacked", False, date(2022, 7, 29)),
    ("talks will resume on Monday", True, date(2022, 8, 8)),
])
def test_weekday_follows_tense(text, future, expected):
    assert dates.resolve(one(text), THU, future) == (expected, "day")


@pytest.mark.parametrize(("text", "expected"), [
    ("gunmen attacked yesterday", date(2022, 8, 3)),
    ("shelling overnight killed two", date(2022, 8, 3)),
    ("a blast late last night", date(2022, 8, 3)),
    ("protests erupted today", THU),
    ("clashes on Aug. 3 left", date(2022, 8, 3)),
    ("on 2 August troops", date(2022, 8, 2)),
    ("on July 30, 2022 rebels", date(2022, 7, 30)),
    ("fighting on the 1st", date(2022, 8, 1)),
    ("a drone attack overnight into Thursday", date(2022, 8, 3)),  # the night began on Wednesday
    ("shelling in the night of Tuesday to Wednesday", date(2022, 8, 2)),
])
def test_relative_and_explicit_days(text, expected):
    assert dates.resolve(one(text), THU, False) == (expected, "day")


def test_explicit_date_after_publication_in_past_clause_is_last_year():
    assert dates.resolve(one("an attack on December 30"), date(2023, 1, 2), False)[0] == date(2022, 12, 30)


@pytest.mark.parametrize(("text", "precision"), [("last week", "week"), ("earlier this month", "month")])
def test_coarse_mentions_give_precision_without_day(text, precision):
    assert dates.resolve(one(text), THU, False) == (None, precision)


def test_history_is_old():
    assert dates.is_old(one("in March troops withdrew"), THU, False)
    assert not dates.is_old(one("on Wednesday"), THU, False)
    assert 1990 in dates.years("fought two wars in the 1990s and in 2020")
    assert 2020 in dates.years("fought two wars in the 1990s and in 2020")


def test_weekday_plural_is_habitual_not_a_date():
    assert dates.find("protests are held on Fridays") == []


def test_unknown_publication_gives_no_relative_day():
    assert dates.resolve(one("on Tuesday"), None, False) == (None, None)


def test_days_ago_and_offsets():
    (m,) = dates.find("killed two days ago")
    assert dates.resolve(m, THU, False) == (date(2022, 8, 2), "day")
    (m,) = dates.find("came a day after rebels attacked")
    assert dates.offset_days(m) == -1


def test_since_opens_a_period_not_an_event_day():
    text = "41 injured since last Friday night"
    (m,) = dates.find(text)
    assert dates.is_period_start(text, m)


def test_weekday_before_a_calendar_date_defers_to_it():
    found = dates.find("on Sunday 8 May 2022 an army unit was attacked")
    assert [m.kind for m in found] == ["dm"]
    assert dates.resolve(found[0], date(2022, 5, 11), False) == (date(2022, 5, 8), "day")


def test_the_same_evening_points_back_to_the_event_told_before():
    import truce

    text = ("Russian forces fired a ballistic missile at Dnipro late on Tuesday, killing four civilians.\n\n"
            "Rescuers worked through the night to clear the rubble of the apartment block.\n\n"
            "The city council opened a shelter for families who lost their homes.\n\n"
            "On the same evening, Russian drones attacked Kharkiv, injuring nine people.")
    events = truce.extract(text, published="2025-05-21")
    kharkiv = [e for e in events if e.location and e.location.name == "Kharkiv"]
    assert kharkiv and kharkiv[0].event_date == date(2025, 5, 20) and kharkiv[0].injuries == 9
