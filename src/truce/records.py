"""Typed records that flow between the stages.

`Event` is the output contract of `truce extract` (shared/eval/CONTRACT.md) field for field; the
JSON Schema in docs/event.schema.json is generated from it and a test keeps the two in step.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ActorKind = Literal[
    "state_forces", "rebels", "militia", "government", "protesters", "civilians", "international", "other"
]
Precision = Literal["town", "district", "region", "country"]
DatePrecision = Literal["day", "week", "month"]
Category = Literal["material", "verbal"]
Status = Literal["occurred", "scheduled"]
PloverType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]

ACLED_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    ),
}
SUB_TO_TYPE: dict[str, str] = {sub: t for t, subs in ACLED_TYPES.items() for sub in subs}


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Actor(Record):
    name: str
    country: str | None = Field(None, pattern=r"^[A-Z]{3}$")
    kind: ActorKind = "other"


class Location(Record):
    name: str
    admin1: str | None = None
    country: str | None = Field(None, pattern=r"^[A-Z]{3}$")
    latitude: float | None = Field(None, ge=-90, le=90)
    longitude: float | None = Field(None, ge=-180, le=180)
    precision: Precision = "town"
    geonameid: int | None = None


class Evidence(Record):
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Event(Record):
    """One coded event: who did what to whom, where, when, how many; traceable to its sentences."""

    event_id: str
    article_id: str
    event_date: date | None = None
    date_precision: DatePrecision | None = None
    category: Category
    event_type: str | None = None
    sub_event_type: str | None = None
    plover_type: PloverType
    actor1: Actor | None = None
    actor2: Actor | None = None
    location: Location | None = None
    fatalities: int | None = Field(None, ge=0)
    injuries: int | None = Field(None, ge=0)
    status: Status = "occurred"
    evidence: list[Evidence]
    confidence: float = Field(ge=0, le=1)


class Article(Record):
    """An input article as CONTRACT.md reads it; unknown keys are ignored by the reader."""

    id: str
    text: str
    published: date | None = None
    url: str | None = None
    title: str | None = None
    language: str | None = None


class Skip(Record):
    """A record that produced no article, and why; nothing is dropped without one."""

    source: str
    line: int | None = None
    record_id: str | None = None
    reason: str
    detail: str = ""
