"""Geocoding: ranking by the article's countries, regions, namesakes refused, places vs actors."""

from truce import geo
from truce.nlp import load_model
from truce.places import countries_named, mentions


def test_context_country_wins_over_a_bigger_namesake():
    gaz = geo.load()
    assert geo.rank("Tripoli", gaz, {"LBN"}, ()).country == "LBN"
    assert geo.rank("Tripoli", gaz, {"LBY"}, ()).country == "LBY"


def test_small_namesake_outside_the_articles_countries_is_refused():
    gaz = geo.load()
    assert geo.rank("Boni", gaz, {"MLI"}, {"MLI"}) is None or geo.rank("Boni", gaz, {"MLI"}, {"MLI"}).country == "MLI"


def test_regions_come_from_iso_3166_2():
    gaz = geo.load()
    p = geo.rank("Idlib", gaz, {"SYR"}, ())
    assert p is not None and p.country == "SYR"
    assert geo.rank("Cabo Delgado", gaz, {"MOZ"}, ()).country == "MOZ"


def test_district_phrases_and_actor_uses(lex):
    gaz = geo.load()
    doc = load_model()("Baku said Karabakh troops targeted its positions in the district of Lachin.")
    found = mentions(doc[:], lex, gaz, {"AZE"})
    names = {(m.location.name, m.location.precision) for m in found}
    assert ("Lachin", "district") in names
    assert all(m.location.name != "Baku" for m in found)  # "Baku said" is the government, not a place


def test_possessive_place_is_a_place(lex):
    gaz = geo.load()
    doc = load_model()("Youths blocked roads in Nairobi's Kibera on Wednesday.")
    assert any(m.location.country == "KEN" for m in mentions(doc[:], lex, gaz, {"KEN"}))


def test_countries_named_reads_demonyms_and_capitals(lex):
    doc = load_model()("Malian soldiers and Kyiv's allies met in Accra.")
    assert {"MLI", "UKR", "GHA"} <= set(countries_named(doc[:], lex))
