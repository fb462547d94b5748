"""The one schema every content file is validated against."""

import datetime as dt
import re
from typing import Literal

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    HttpUrl,
    ValidationInfo,
    field_validator,
    model_validator,
)

from ..kinds import Kind
from ..text import has_chinese
from .numbers import PATTERN, normalise_document_number

Identifier = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class Strict(BaseModel):
    """Unknown fields are errors, so a misspelt key never goes unnoticed."""

    # A bare year (`period: 2019`) is text to the site, not a number.
    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)


class Entry(Strict):
    """One entry of a reference file (topics, ministries, metrics, glossary), by its id."""

    id: str = Identifier


class Localized(Strict):
    """A text given in both languages."""

    en: str = Field(min_length=1)
    zh: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        return getattr(self, lang)


class MinistryRef(Strict):
    id: str
    role: Literal["lead", "partner"]


class Source(Strict):
    title: str = Field(min_length=1)
    publisher: str | None = None
    year: int | None = Field(default=None, ge=1900, le=2100)
    url: HttpUrl | None = None
    accessed: dt.date | None = None

    @property
    def lang(self) -> str:
        """The language of the title, which stays as the source gives it."""
        return "zh" if has_chinese(self.title) else "en"


# Where a recommendation stands, from first proposed to adopted (or not): its timeline.
STATUSES = (
    "proposed",
    "under-consideration",
    "partly-adopted",
    "adopted",
    "rejected",
    "superseded",
)
EVENT_DATE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")


def _first_day(date: str) -> dt.date:
    """The first day of a year (2021), a month (2021-02), or the day itself; ValueError
    for anything else, or a day that does not exist."""
    match = EVENT_DATE.match(date)
    if not match:
        raise ValueError(f"'{date}' is not a year, a month or a day")
    return dt.date(*(int(match[part] or 1) for part in ("year", "month", "day")))


class Evidence(Source):
    """What shows that a status event happened: a public source, with its address, and
    the official document's number (文号) where there is one."""

    url: HttpUrl
    document_number: str | None = None

    @field_validator("document_number")
    @classmethod
    def _official_number(cls, number: str | None) -> str | None:
        if number is not None and not PATTERN.fullmatch(number.strip()):
            raise ValueError(f"'{number}' is not a document number like 国发〔2021〕23号")
        return normalise_document_number(number) if number else None


class StatusEvent(Strict):
    """One dated step of a recommendation: proposed, adopted... as far as its source dates
    it: a year (2021), a month (2021-02) or a day (2021-02-15)."""

    status: Literal[STATUSES]  # type: ignore[valid-type]
    date: str
    note: Localized
    evidence: Evidence

    @field_validator("date", mode="before")
    @classmethod
    def _as_text(cls, date: object) -> object:
        return date.isoformat() if isinstance(date, dt.date) else date

    @field_validator("date")
    @classmethod
    def _real_date(cls, date: str) -> str:
        if not EVENT_DATE.match(date):
            raise ValueError(
                f"'{date}' is not a year, a month or a day like 2021, 2021-02, 2021-02-15"
            )
        try:
            _first_day(date)
        except ValueError as error:
            raise ValueError(f"'{date}' is not a real date: {error}") from None
        return date

    @property
    def precision(self) -> Literal["year", "month", "day"]:
        return ("year", "month", "day")[self.date.count("-")]

    @property
    def first_day(self) -> dt.date:
        """The earliest day the date can mean: what events are ordered by."""
        return _first_day(self.date)


class FrontMatter(Strict):
    title: str = Field(min_length=1)
    summary: str = Field(max_length=400)
    date: dt.date
    updated: dt.date | None = None
    kind: Kind
    status: Literal["published", "draft", "scheduled"]
    # With status: scheduled, the moment it appears, with its time zone.
    publish_at: AwareDatetime | None = Field(default=None, validate_default=True)
    topics: tuple[str, ...] = ()
    region: str | None = None
    period: str | None = None
    ministries: tuple[MinistryRef, ...] = ()
    metrics: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    # What a recommendation asks of the ministries, in one sentence (for the advocacy letter).
    ask: str | None = None
    # Official document numbers (文号) the document cites, such as 国发〔2021〕23号.
    document_numbers: tuple[str, ...] = ()
    # Credits, in this file's language: whose recommendation or work the document rests
    # on, who wrote this version for the site, and who translated it. Only names that are
    # known; none is invented.
    author: str | None = None
    written_by: str | None = None
    translated_by: str | None = None
    # In a translation: the version (content hash) of the source file it was made from.
    translated_from: str | None = Field(default=None, pattern=r"^[0-9a-f]{12}$")
    # A recommendation's status over time, oldest first; kept in the original's file only.
    timeline: tuple[StatusEvent, ...] = ()

    @model_validator(mode="after")
    def _timeline_in_order(self) -> "FrontMatter":
        if self.timeline and self.translated_from:
            raise ValueError(
                "timeline: a translation shows its original's timeline; keep it in the "
                "original's file only and remove it here"
            )
        for before, after in zip(self.timeline, self.timeline[1:], strict=False):
            if after.first_day < before.first_day:
                raise ValueError(
                    f"timeline: the events must be oldest first, but {after.date} "
                    f"({after.status}) comes after {before.date} ({before.status})"
                )
        return self

    @property
    def leads(self) -> tuple[MinistryRef, ...]:
        """Whom the document asks to act: its lead bodies, else every body it names."""
        return tuple(ref for ref in self.ministries if ref.role == "lead") or self.ministries

    @property
    def current_status(self) -> StatusEvent | None:
        """Where the recommendation stands now: its latest event."""
        return self.timeline[-1] if self.timeline else None

    @property
    def basis(self) -> Source | None:
        """The source the document rests on: the first of its sources (docs/editing.md).
        Readers see its publisher and year beside the site's own dates, so that a 2009
        case does not read as news of the year it was put on the site."""
        return self.sources[0] if self.sources else None

    @field_validator("summary", mode="before")
    @classmethod
    def _summary_written(cls, summary: object) -> object:
        if summary is None or (isinstance(summary, str) and not summary.strip()):
            raise ValueError(
                "empty summary: write one or two sentences for lists, search results "
                "and link previews"
            )
        return summary

    @field_validator("document_numbers")
    @classmethod
    def _official_numbers(cls, numbers: tuple[str, ...]) -> tuple[str, ...]:
        for number in numbers:
            if not PATTERN.fullmatch(number.strip()):
                raise ValueError(f"'{number}' is not a document number like 国发〔2021〕23号")
        return tuple(normalise_document_number(n) for n in numbers)

    @field_validator("updated")
    @classmethod
    def _updated_after_date(cls, updated: dt.date | None, info: ValidationInfo) -> dt.date | None:
        date = info.data.get("date")
        if updated and date and updated < date:
            raise ValueError("'updated' is earlier than 'date': it is the day of a later change")
        return updated

    @field_validator("publish_at")
    @classmethod
    def _scheduled_has_a_time(
        cls, publish_at: dt.datetime | None, info: ValidationInfo
    ) -> dt.datetime | None:
        status = info.data.get("status")
        if status == "scheduled" and not publish_at:
            raise ValueError(
                "status: scheduled needs the moment to publish, with its time zone: add "
                "publish_at: 2026-12-01T09:00+08:00"
            )
        if publish_at and status != "scheduled":
            raise ValueError(
                "publish_at is only for status: scheduled; remove it, or set status: scheduled"
            )
        return publish_at

    @property
    def last_modified(self) -> dt.date:
        return self.updated or self.date


class Topic(Entry):
    label: Localized


class SourcedLink(Strict):
    """An address, with the public source that gives it."""

    url: HttpUrl
    source: Source


class Contact(Strict):
    """One channel for reaching a body. Only what a public source gives, with that source."""

    channel: Literal["email", "phone", "fax", "address", "web-form"]
    value: str = Field(min_length=1)
    label: Localized | None = None
    source: Source


class Ministry(Entry):
    name: Localized
    abbreviation: Localized | None = None
    remit: Localized
    # Pages that state the remit as written (a body's own page, its founding text).
    remit_sources: tuple[Source, ...] = ()
    website: SourcedLink | None = None
    contacts: tuple[Contact, ...] = ()
    # When an editor last checked this card against its sources.
    verified: dt.date | None = None

    def channels(self, channel: str) -> tuple[Contact, ...]:
        return tuple(c for c in self.contacts if c.channel == channel)

    def short_name(self, lang: str) -> str | None:
        """The abbreviation, where it is shorter than the name: 生态环境部 has none."""
        if self.abbreviation and self.abbreviation.get(lang) != self.name.get(lang):
            return self.abbreviation.get(lang)
        return None

    @property
    def sourced(self) -> bool:
        """Whether the card gives any channel, each from a source."""
        return bool(self.website or self.contacts)


class Observation(Strict):
    """One published figure: a value for a period, with its source."""

    # A year ("2017"), a span ("2001-2014") or words in both languages.
    period: Localized | str
    value: float
    # How the source qualifies the figure: "nearly 17 million", "over 4%".
    qualifier: Literal["about", "nearly", "over", "under"] | None = None
    source: Source


class Metric(Entry):
    label: Localized
    definition: Localized
    # indicator: proposed to measure a programme; context: a figure that frames a document.
    type: Literal["indicator", "context"] = "indicator"
    unit: Localized | None = None
    percent: bool = False
    better: Literal["higher", "lower"] | None = None
    baseline: Observation | None = None
    target: Observation | None = None
    observations: tuple[Observation, ...] = ()

    @property
    def latest(self) -> Observation | None:
        return self.observations[-1] if self.observations else None


class Terms(Strict):
    """A glossary entry's names: the first is the preferred one."""

    en: tuple[str, ...] = Field(min_length=1)
    zh: tuple[str, ...] = Field(min_length=1)

    def get(self, lang: str) -> tuple[str, ...]:
        return getattr(self, lang)


class GlossaryEntry(Entry):
    terms: Terms
    # A policy term's plain explanation; names (bodies, places, people) have none.
    definition: Localized | None = None
    # A public page that states the English–Chinese pair.
    source: Source
    # Linked, with its definition, where an article first uses it: for the key concepts a
    # reader may not know, not for everyday words (industry, coal) or parts of names.
    link: bool = False
