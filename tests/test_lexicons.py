"""The lexicons are data with their own checks: vocabularies, shapes, no YAML surprises."""

import re

from truce import geo
from truce.records import ACLED_TYPES, SUB_TO_TYPE

PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
          "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
ISO3 = re.compile(r"^[A-Z]{3}$")


def test_triggers_use_known_types(lex):
    for head, trigs in lex.triggers.items():
        assert isinstance(head, str) and head == head.lower()
        for t in trigs:
            assert t.plover in PLOVER, t
            assert t.subtype is None or t.subtype in SUB_TO_TYPE, t
            assert t.civilian_subtype is None or t.civilian_subtype in SUB_TO_TYPE, t
            assert all(v in SUB_TO_TYPE for v in t.kind_subtypes.values()), t
            assert all(isinstance(w, str) for w in t.with_ | set(t.extra)), t  # YAML reads bare on/no as bools


def test_every_acled_family_has_a_trigger(lex):
    covered = {t.subtype for trigs in lex.triggers.values() for t in trigs} | {
        v for trigs in lex.triggers.values() for t in trigs for v in t.kind_subtypes.values()}
    for family, subs in ACLED_TYPES.items():
        assert covered & set(subs), family


def test_specific_triggers_outrank_bare_ones(lex):
    for trigs in lex.triggers.values():
        spec = [t.specificity for t in trigs]
        assert spec == sorted(spec, reverse=True)


def test_countries_demonyms_capitals(lex):
    assert lex.countries["azerbaijan"].iso3 == "AZE"
    assert lex.demonyms["azeri"].iso3 == "AZE"
    assert lex.capitals["baku"].iso3 == "AZE"
    assert lex.countries["us"].iso3 == "USA"
    assert lex.countries["kosovo"].iso3 == "XKX"
    for table in (lex.countries, lex.demonyms, lex.capitals):
        for c in table.values():
            assert (c.iso3 is None and c.contested) or ISO3.match(c.iso3)


def test_contested_entities_have_no_country(lex):
    assert lex.countries["nagorno-karabakh"].iso3 is None
    assert lex.countries["transnistria"].iso3 is None


def test_leaders_are_date_bounded(lex):
    from datetime import date

    assert lex.leader("Pashinyan", date(2022, 8, 4)).country == "ARM"
    assert lex.leader("Erdogan", date(2022, 8, 4)).country == "TUR"
    for entries in lex.leaders.values():
        for e in entries:
            assert e.start is None or e.end is None or e.start <= e.end, e
            assert e.country is None or ISO3.match(e.country), e


def test_organisations(lex):
    assert lex.organisations["hamas"].country == "PSE"
    assert lex.organisations["al-shabaab"].kind in ("rebels", "militia")
    assert lex.organisations["un"].kind == "international"
    for o in lex.organisations.values():
        assert o.kind in ("state_forces", "rebels", "militia", "government", "protesters", "civilians",
                          "international", "other"), o


def test_noun_kinds_cover_the_usual_actors(lex):
    assert lex.noun_kinds["troops"] == "state_forces"
    assert lex.noun_kinds["militant"] == "rebels"
    assert lex.noun_kinds["protester"] == "protesters"
    assert lex.noun_kinds["villager"] == "civilians"
    assert "storm" in lex.hazards


def test_boilerplate_patterns_compile_and_bite(lex):
    assert any(rx.search("Sign up for our daily newsletter") for rx in lex.boilerplate_line)
    assert any(rx.search("Dear readers,") for rx in lex.boilerplate_tail)
    assert not any(rx.search("Troops attacked the village on Monday.") for rx in lex.boilerplate_line)


def test_region_affixes_join_the_name_with_a_space():
    from truce.lexicon import read_file

    rules = read_file("regions.yml")
    assert rules["prefixes"] and rules["suffixes"]
    assert all(p == p.lower() and p.endswith((" ", "'")) and not p.startswith(" ") for p in rules["prefixes"])
    assert all(x == x.lower() and x.startswith(" ") and not x.endswith(" ") for x in rules["suffixes"])


def test_riot_arms_are_plain_lowercase_words(lex):
    assert {"petrol bomb", "stone", "molotov cocktail"} <= lex.riot_arms
    assert all(isinstance(w, str) and w == w.lower() and w.strip() == w for w in lex.riot_arms)


def test_every_country_has_a_centre_on_its_own_ground(lex):
    """A centre is a country's middle: nearer its capital than half the Earth's width (sign slips), and
    for compact countries (most) within 1,500 km of it."""
    gaz = geo.load()
    far = []
    for c in {c.iso3: c for c in lex.countries.values() if c.iso3}.values():
        assert c.centre is not None, c.iso3
        cap = gaz.capital(c.iso3)
        if cap is not None and geo.distance_km(c.centre, (cap.latitude, cap.longitude)) > 1500:
            far.append(c.iso3)
    assert set(far) <= {"RUS", "CAN", "USA", "AUS", "KIR"}, far  # vast, or scattered over an ocean
