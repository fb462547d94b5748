"""How large a request's body may be. MAX_CONTENT_LENGTH keeps readers' forms small; a
view that takes more (an editor's whole document, an image) says so with
`@accepts_up_to("SETTING")`, naming the setting that holds its limit in bytes.
"""

from collections.abc import Callable

from flask import Flask, current_app, request


def accepts_up_to(setting: str) -> Callable:
    """Mark a view as taking bodies up to the configuration key `setting` (bytes)."""

    def mark(view: Callable) -> Callable:
        view.body_limit_setting = setting  # type: ignore[attr-defined]
        return view

    return mark


def _raise_the_limit() -> None:
    view = current_app.view_functions.get(request.endpoint or "")
    if setting := getattr(view, "body_limit_setting", None):
        request.max_content_length = current_app.config[setting]


def init_app(app: Flask) -> None:
    """Before the CSRF check, which is the first to read a form."""
    app.before_request(_raise_the_limit)
