"""Checks an editor runs before publishing, beyond what loading already reports."""

import datetime as dt

from .library import Library, Problem

# Contact details go out of date: a card older than this must be checked again.
VERIFY_EVERY = dt.timedelta(days=365)


def stale_contact_cards(library: Library, shown_path: str, today: dt.date) -> list[Problem]:
    """Ministry cards never verified, or not verified for over a year."""
    problems = []
    for ministry in library.ministries.values():
        if ministry.verified is None:
            message = "never verified: check the card against its sources, then set 'verified'"
        elif ministry.verified > today:
            message = f"verified {ministry.verified.isoformat()} is in the future"
        elif today - ministry.verified > VERIFY_EVERY:
            message = (
                f"last verified {ministry.verified.isoformat()}, over a year ago: "
                "check the card against its sources, then update 'verified'"
            )
        else:
            continue
        problems.append(Problem(shown_path, f"{ministry.id}.verified", message))
    return problems
