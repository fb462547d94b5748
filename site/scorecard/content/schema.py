"""The one schema every content file is validated against."""

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator, model_validator

from .numbers import PATTERN, normalise_document_number

Kind = Literal["recommendation", "case-study", "page"]
Identifier = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class Strict(BaseModel):
    """Unknown fields are errors, so a misspelt key never goes unnoticed."""

    # A bare year (`period: 2019`) is text to the site, not a number.
    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)


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


class FrontMatter(Strict):
    title: str = Field(min_length=1)
    summary: str = Field(min_length=1, max_length=400)
    date: dt.date
    updated: dt.date | None = None
    kind: Kind
    status: Literal["published", "draft"]
    topics: tuple[str, ...] = ()
    region: str | None = None
    period: str | None = None
    ministries: tuple[MinistryRef, ...] = ()
    metrics: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    # Official document numbers (文号) the document cites, such as 国发〔2021〕23号.
    document_numbers: tuple[str, ...] = ()

    @field_validator("document_numbers")
    @classmethod
    def _official_numbers(cls, numbers: tuple[str, ...]) -> tuple[str, ...]:
        for number in numbers:
            if not PATTERN.fullmatch(number.strip()):
                raise ValueError(f"'{number}' is not a document number like 国发〔2021〕23号")
        return tuple(normalise_document_number(n) for n in numbers)

    @model_validator(mode="after")
    def _updated_after_date(self) -> "FrontMatter":
        if self.updated and self.updated < self.date:
            raise ValueError("'updated' is earlier than 'date'")
        return self

    @property
    def last_modified(self) -> dt.date:
        return self.updated or self.date


class Topic(Strict):
    id: str = Identifier
    label: Localized


class Ministry(Strict):
    id: str = Identifier
    name: Localized
    abbreviation: Localized | None = None


class Metric(Strict):
    id: str = Identifier
    label: Localized
    definition: Localized


class Terms(Strict):
    """A glossary entry's names: the first is the preferred one."""

    en: tuple[str, ...] = Field(min_length=1)
    zh: tuple[str, ...] = Field(min_length=1)

    def get(self, lang: str) -> tuple[str, ...]:
        return getattr(self, lang)


class GlossaryEntry(Strict):
    id: str = Identifier
    terms: Terms
    definition: Localized
