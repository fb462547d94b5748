"""Error pages in the reader's language, as full pages or htmx fragments.

A part of the site that answers in another format registers its own renderer for its
addresses (`answer_errors_under`): the open data API answers JSON under /api/.
"""

from collections.abc import Callable

from flask import Flask, Response, current_app, render_template, request
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from werkzeug.exceptions import HTTPException

ErrorRenderer = Callable[[HTTPException], Response]

MESSAGES = {
    404: (
        _l("Page not found"),
        _l("There is no page at this address. It may have moved, or the link may be mistyped."),
    ),
    413: (
        _l("Too much to send"),
        _l("What you sent is larger than this site accepts. Please send something shorter."),
    ),
    500: (
        _l("Something went wrong"),
        _l("The page could not be shown because of an error on our side. Please try again."),
    ),
}
OTHER = (
    _l("This request could not be answered"),
    _l("The address or what was sent with it is not something this site can answer."),
)


def _message(code: int) -> tuple[str, str]:
    if code == 403:
        minutes = current_app.config["COMMENT_EDIT_MINUTES"]
        return str(_l("Not allowed")), ngettext(
            "You cannot do this here. A comment can only be changed by its author, "
            "from the same browser, for %(num)s minute after it was sent.",
            "You cannot do this here. A comment can only be changed by its author, "
            "from the same browser, for %(num)s minutes after it was sent.",
            minutes,
        )
    title, message = MESSAGES.get(code, OTHER)
    return str(title), str(message)


def error_page(code: int, message: str | None = None) -> str:
    """The error page for `code`, in the reader's language; `message` says more precisely
    what happened, where the caller knows."""
    title, explanation = _message(code)
    return render_template("error.html", title=title, message=message or explanation)


def answer_errors_under(app: Flask, prefix: str, render: ErrorRenderer) -> None:
    """Errors for addresses under `prefix` are answered by `render` instead of a page."""
    app.extensions["error_renderers"][prefix] = render


def init_app(app: Flask) -> None:
    app.extensions["error_renderers"] = {}

    # Unhandled exceptions reach this handler as InternalServerError, after Flask logs them.
    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        for prefix, render in app.extensions["error_renderers"].items():
            if request.path.startswith(prefix):
                return render(error)
        response = error.get_response()  # keeps headers such as Allow on a 405
        response.set_data(error_page(response.status_code))
        response.content_type = "text/html; charset=utf-8"
        return response
