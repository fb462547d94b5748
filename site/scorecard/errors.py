"""Error pages in the reader's language, as full pages or HTMX fragments (JSON under /api/)."""

from flask import Flask, render_template
from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import HTTPException

from . import api

MESSAGES = {
    404: (
        _l("Page not found"),
        _l("There is no page at this address. It may have moved, or the link may be mistyped."),
    ),
    403: (
        _l("Not allowed"),
        _l(
            "You cannot do this here. A comment can only be changed by its author, "
            "from the same browser, for 15 minutes after it was sent."
        ),
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


def error_page(code: int) -> str:
    title, message = MESSAGES.get(code, OTHER)
    return render_template("error.html", title=title, message=message)


def init_app(app: Flask) -> None:
    # Unhandled exceptions reach this handler as InternalServerError, after Flask logs them.
    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if api.is_api_request():
            return api.error_response(error)
        response = error.get_response()  # keeps headers such as Allow on a 405
        response.set_data(error_page(response.status_code))
        response.content_type = "text/html; charset=utf-8"
        return response
