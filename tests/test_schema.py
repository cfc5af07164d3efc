"""docs/event.schema.json is generated from the Event model and must stay current."""

import json

from conftest import ROOT

from truce.records import Event
from truce.schema import event_schema


def test_schema_file_is_current():
    on_disk = json.loads((ROOT / "docs" / "event.schema.json").read_text())
    assert on_disk == event_schema(), "run: truce schema --output docs/event.schema.json"


def test_record_has_every_contract_field():
    contract = {"event_id", "article_id", "event_date", "date_precision", "category", "event_type",
                "sub_event_type", "plover_type", "actor1", "actor2", "location", "fatalities", "injuries",
                "status", "evidence", "confidence"}
    assert set(Event.model_fields) == contract
