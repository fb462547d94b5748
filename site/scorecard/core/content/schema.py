"""The one schema every content file is validated against."""

import datetime as dt
from typing import Literal

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    HttpUrl,
    ValidationInfo,
    field_validator,
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
    # In a translation: the version (content hash) of the source file it was made from.
    translated_from: str | None = Field(default=None, pattern=r"^[0-9a-f]{12}$")

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
    definition: Localized
