"""The licence under which anyone may republish the site's text and data.

Chosen in configuration (LICENCE, an SPDX identifier); each licence's name and address
are Creative Commons' own (https://creativecommons.org/licenses/ lists them).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Licence:
    id: str  # SPDX identifier
    name: str  # the short name Creative Commons gives it, the same in every language
    url: str  # the licence's own page
    attribution: bool  # whether republishing must credit the site


LICENCES = {
    licence.id: licence
    for licence in (
        Licence("CC-BY-4.0", "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/", True),
        Licence(
            "CC-BY-SA-4.0", "CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/", True
        ),
        Licence("CC0-1.0", "CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/", False),
    )
}
DEFAULT = "CC-BY-4.0"


def licence_named(identifier: str) -> Licence:
    """The licence with this SPDX identifier; ValueError, naming the choices, otherwise."""
    try:
        return LICENCES[identifier]
    except KeyError:
        choices = ", ".join(LICENCES)
        raise ValueError(f"LICENCE {identifier!r} is not one of {choices}") from None
