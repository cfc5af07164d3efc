"""Ceasefire watch: which agreements are truces, what violates them, which accusations belong to them."""

from __future__ import annotations

from datetime import date

import pytest

from truce.merge import merge_events
from truce.records import SUB_TO_TYPE, Actor, Event, Evidence, Location
from truce.truces import is_truce_text, register_truces, truce_length_days, watch

ARMENIA = Actor(name="Armenia", country="ARM", kind="government")
AZERBAIJAN = Actor(name="Azerbaijan", country="AZE", kind="government")
AZE_ARMY = Actor(name="Azerbaijani army", country="AZE", kind="state_forces")
ARM_FORCES = Actor(name="Armenian forces", country="ARM", kind="state_forces")
MOSCOW = Location(name="Moscow", country="RUS", latitude=55.75, longitude=37.62, precision="town")
LACHIN = Location(name="Lachin", country="AZE", latitude=39.64, longitude=46.55, precision="district")
JERMUK = Location(name="Jermuk", country="ARM", latitude=39.84, longitude=45.67, precision="town")


def ev(eid: str, article: str, day: str, plover: str, text: str, *, sub: str | None = None,
       a1: Actor | None = None, a2: Actor | None = None, loc: Location | None = None, fat: int | None = None) -> Event:
    return Event(event_id=eid, article_id=article, event_date=date.fromisoformat(day), date_precision="day",
                 category="material" if sub else "verbal",
                 event_type=SUB_TO_TYPE.get(sub) if sub else None, sub_event_type=sub, plover_type=plover,
                 actor1=a1, actor2=a2, location=loc, fatalities=fat,
                 evidence=[Evidence(text=text, start=0, end=len(text))], confidence=0.8)


def agreement(day: str = "2022-08-01", text: str = "Armenia and Azerbaijan agreed to a ceasefire on Monday.",
              eid: str = "agree", article: str = "A", loc: Location | None = MOSCOW) -> Event:
    return ev(eid, article, day, "AGREE", text, sub="Agreement", a1=ARMENIA, a2=AZERBAIJAN, loc=loc)


def clash(eid: str, article: str, day: str, loc: Location = LACHIN, a1: Actor | None = AZE_ARMY,
          a2: Actor | None = ARM_FORCES, fat: int | None = 3) -> Event:
    return ev(eid, article, day, "ASSAULT", "Troops exchanged fire.", sub="Armed clash", a1=a1, a2=a2, loc=loc, fat=fat)


@pytest.mark.parametrize("text, truce", [
    ("The two sides agreed to a ceasefire late on Monday.", True),
    ("A truce took effect at midnight, the ministry said.", True),
    ("Both armies signed a cease-fire brokered by Moscow.", True),
    ("The rebels accepted the proposed ceasefire and an urgent truce began.", True),
    ("They agreed to hold talks on a ceasefire next week.", False),
    ("The president called for a truce.", False),
    ("The rebels rejected the ceasefire offer.", False),
    ("The two countries signed a trade agreement.", False),
])
def test_which_sentences_make_an_agreement_a_truce(text: str, truce: bool):
    assert is_truce_text(text) is truce


def test_stated_length_of_a_truce():
    assert truce_length_days(["They agreed to a 72-hour truce."]) == 3
    assert truce_length_days(["The seven-day ceasefire began on Tuesday."]) == 7
    assert truce_length_days(["A ceasefire was agreed for 10 days."]) == 10
    assert truce_length_days(["They agreed to a ceasefire."]) is None


def test_agreement_registers_a_truce_with_parties_area_and_dates():
    [t] = register_truces(merge_events([agreement()]))
    assert [p.name for p in t.parties] == ["Armenia", "Azerbaijan"]
    assert t.party_countries == ["ARM", "AZE"]
    assert t.area_countries == ["ARM", "AZE"]  # signed in Moscow, watched at home
    assert t.start == t.agreed_on == date(2022, 8, 1)
    assert t.end is None
    assert t.evidence == ["Armenia and Azerbaijan agreed to a ceasefire on Monday."]


def test_truce_that_takes_effect_at_midnight_and_has_a_length():
    text = "Armenia and Azerbaijan agreed to a 72-hour truce that will take effect at midnight."
    [t] = register_truces(merge_events([agreement(text=text)]))
    assert t.start == date(2022, 8, 2)
    assert t.end == date(2022, 8, 4)


def test_other_agreements_are_not_truces():
    talks = agreement(text="Armenia and Azerbaijan agreed to hold talks on a ceasefire.")
    trade = agreement(text="Armenia and Azerbaijan signed a deal on border trade.", eid="trade")
    assert register_truces(merge_events([talks, trade])) == []


def test_agreement_naming_no_party_is_not_watched_and_a_local_truce_keeps_its_region():
    nobody = ev("n", "N", "2022-08-01", "AGREE", "A ceasefire took effect at midnight.", sub="Agreement")
    assert register_truces(merge_events([nobody])) == []
    idlib = Location(name="Saraqib", admin1="Idlib", country="SYR", latitude=35.86, longitude=36.8, precision="town")
    syria = Actor(name="Syrian army", country="SYR", kind="state_forces")
    rebels = Actor(name="rebels", country="SYR", kind="rebels")
    local = ev("l", "L", "2022-08-01", "AGREE", "The army and rebels agreed to a local truce.", sub="Agreement",
               a1=syria, a2=rebels, loc=idlib)
    [t] = register_truces(merge_events([local]))
    assert t.area_countries == ["SYR"] and t.area_admin1 == "Idlib"
    aleppo = Location(name="Aleppo", admin1="Aleppo", country="SYR", latitude=36.2, longitude=37.16, precision="town")
    outside = ev("o", "O", "2022-08-03", "ASSAULT", "Clashes.", sub="Armed clash", a1=syria, a2=rebels, loc=aleppo)
    inside = ev("i", "I", "2022-08-03", "ASSAULT", "Clashes.", sub="Armed clash", a1=syria, a2=rebels, loc=idlib)
    [s] = watch([local, outside, inside])
    assert [v.place for v in s.violations] == ["Saraqib"]


def test_clash_between_the_parties_after_a_ceasefire_is_a_violation():
    [s] = watch([agreement(), clash("c1", "B", "2022-08-03")], today=date(2022, 8, 10))
    assert s.violation_count == 1
    assert s.violations[0].canonical_id
    assert s.last_violation == date(2022, 8, 3)
    assert s.days_since_last_violation == 7
    assert s.fatalities == 3


def test_only_later_violence_between_the_parties_in_the_area_counts():
    russia = Actor(name="Russian forces", country="RUS", kind="state_forces")
    ukraine = Actor(name="Ukrainian forces", country="UKR", kind="state_forces")
    kharkiv = Location(name="Kharkiv", country="UKR", latitude=50.0, longitude=36.2, precision="town")
    events = [
        agreement(),
        clash("before", "B", "2022-07-30"),  # before the truce
        clash("sameday", "C", "2022-08-01"),  # the day it was agreed: may predate it
        clash("elsewhere", "D", "2022-08-05", loc=kharkiv, a1=russia, a2=ukraine),  # other war
        clash("third", "E", "2022-08-06", loc=LACHIN, a1=russia, a2=ARM_FORCES),  # a third party
        ev("protest", "F", "2022-08-06", "PROTEST", "People protested.", sub="Peaceful protest",
           a1=Actor(name="protesters", country="AZE", kind="protesters"), loc=LACHIN),
        clash("jermuk", "G", "2022-08-09", loc=JERMUK, a1=AZE_ARMY, a2=ARM_FORCES),  # counts, in Armenia
        clash("onesided", "H", "2022-08-12", a1=None, a2=ARM_FORCES),  # one side unnamed: counts
    ]
    [s] = watch(events)
    assert sorted(v.place for v in s.violations) == ["Jermuk", "Lachin"]
    assert s.violation_count == 2
    assert s.days_since_last_violation == 0  # today defaults to the latest event date


def test_violence_after_a_truce_expired_is_not_its_violation():
    text = "Armenia and Azerbaijan agreed to a three-day ceasefire."
    [s] = watch([agreement(text=text), clash("in", "B", "2022-08-03"), clash("out", "C", "2022-08-09")])
    assert [v.event_date for v in s.violations] == [date(2022, 8, 3)]


def test_many_reports_of_one_violation_count_once():
    reports = [clash(f"r{i}", f"outlet{i}", "2022-08-03", fat=3 + i) for i in range(5)]
    [s] = watch([agreement(), *reports])
    assert s.violation_count == 1
    assert s.violations[0].source_count == 5
    assert s.violations[0].fatalities == 3


def test_accusations_of_violating_the_truce_are_linked():
    accuse = ev("acc", "B", "2022-08-04", "ACCUSE", "Yerevan accused Baku of violating the ceasefire.",
                a1=ARMENIA, a2=AZERBAIJAN)
    unrelated = ev("acc2", "C", "2022-08-04", "ACCUSE", "Armenia accused Azerbaijan of spreading lies.",
                   a1=Actor(name="Armenian ministry", country="ARM", kind="government"), a2=AZERBAIJAN)
    [s] = watch([agreement(), accuse, unrelated])
    assert [a.canonical_id for a in s.accusations] == [
        c.canonical_id for c in merge_events([accuse])]
    assert s.violation_count == 0


def test_reports_of_one_truce_are_one_truce_and_a_later_truce_takes_later_violence():
    first = agreement()
    again = agreement(day="2022-08-02", eid="again", article="B", loc=None,
                      text="A truce between Armenia and Azerbaijan took effect at midnight.")
    later = agreement(day="2022-09-14", eid="later", article="C")
    out = watch([first, again, later, clash("aug", "D", "2022-08-20"), clash("sep", "E", "2022-09-20")])
    assert len(out) == 2
    aug, sep = out
    assert aug.truce.article_ids == ["A", "B"]
    assert [v.event_date for v in aug.violations] == [date(2022, 8, 20)]
    assert [v.event_date for v in sep.violations] == [date(2022, 9, 20)]
