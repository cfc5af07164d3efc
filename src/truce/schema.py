"""The event record's JSON Schema, generated from the pydantic model (docs/event.schema.json)."""

from __future__ import annotations

from typing import Any

from .records import Event


def event_schema() -> dict[str, Any]:
    schema = Event.model_json_schema(mode="serialization")
    schema["$id"] = "https://truce.invalid/schema/event.json"
    schema["description"] = "One event record of `truce extract` output (shared/eval/CONTRACT.md)."
    return schema
