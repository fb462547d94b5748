"""Counting what matched by document, not by language version, from arrays made once per
index: each facet value is a bit mask of the documents (groups) whose version in a
language has it, so a count is one AND and a population count, however many matched."""

from collections.abc import Iterable

from .documents import Record
from .results import FACETS


class Counter:
    def __init__(self, records: dict[int, Record]):
        groups = sorted({record.group for record in records.values()})
        number = {group: n for n, group in enumerate(groups)}
        self.languages = sorted({record.language for record in records.values()})
        language = {code: n for n, code in enumerate(self.languages)}
        size = max(records, default=-1) + 1
        self._group = [-1] * size  # by ordinal
        self._language = [0] * size
        self._bytes = len(groups) // 8 + 1
        # Each language's version of each group, by ordinal.
        self.versions: list[dict[int, int]] = [{} for _ in self.languages]
        members: list[dict[str, dict[str, list[int]]]] = [
            {facet: {} for facet in FACETS if facet != "language"} for _ in self.languages
        ]
        for ordinal, record in records.items():
            g, lang = number[record.group], language[record.language]
            self._group[ordinal], self._language[ordinal] = g, lang
            self.versions[lang][g] = ordinal
            for facet, values in members[lang].items():
                for value in record.values(facet):
                    values.setdefault(value, []).append(g)
        # masks[language][facet][value]: the groups whose version in that language has it.
        self._masks = [
            {
                facet: {value: self._mask(gs) for value, gs in values.items()}
                for facet, values in by_facet.items()
            }
            for by_facet in members
        ]
        # Every value of each facet, in the order ties are listed.
        self._values = {
            facet: sorted({value for masks in self._masks for value in masks[facet]})
            for facet in FACETS
            if facet != "language"
        }

    def _mask(self, groups: Iterable[int]) -> int:
        bits = bytearray(self._bytes)
        for g in groups:
            bits[g >> 3] |= 1 << (g & 7)
        return int.from_bytes(bits, "little")

    def matched(self, ordinals: Iterable[int]) -> list[int]:
        """For each language, the mask of the groups whose version in it matched."""
        found = [bytearray(self._bytes) for _ in self.languages]
        group, language = self._group, self._language
        for ordinal in ordinals:
            g = group[ordinal]
            found[language[ordinal]][g >> 3] |= 1 << (g & 7)
        return [int.from_bytes(mask, "little") for mask in found]

    def group(self, ordinal: int) -> int:
        return self._group[ordinal]

    def version(self, matched: list[int], group: int, lang: str) -> int | None:
        """The ordinal of the group's version in `lang`, if that version matched."""
        if lang not in self.languages:
            return None
        n = self.languages.index(lang)
        return self.versions[n][group] if matched[n] >> group & 1 else None

    @staticmethod
    def total(matched: list[int]) -> int:
        union = 0
        for mask in matched:
            union |= mask
        return union.bit_count()

    def counts(self, matched: list[int]) -> dict[str, list[tuple[str, int]]]:
        """For each facet, its values with how many matched documents have them, most first."""
        counts: dict[str, list[tuple[str, int]]] = {}
        for facet in FACETS:
            found: Iterable[tuple[str, int]]
            if facet == "language":
                found = zip(self.languages, (mask.bit_count() for mask in matched), strict=True)
            else:
                found = ((v, self._count(facet, v, matched)) for v in self._values[facet])
            counts[facet] = sorted(
                ((value, n) for value, n in found if n), key=lambda vc: (-vc[1], vc[0])
            )
        return counts

    def _count(self, facet: str, value: str, matched: list[int]) -> int:
        union = 0
        for masks, mask in zip(self._masks, matched, strict=True):
            union |= masks[facet].get(value, 0) & mask
        return union.bit_count()
