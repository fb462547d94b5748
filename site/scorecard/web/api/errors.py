"""What the API says when it cannot answer."""

from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import BadRequest

MESSAGES = {
    400: _l("The request's parameters are not valid."),
    404: _l("There is nothing at this address in the API. See /api/v1/openapi.json."),
    405: _l("The API is read-only: only GET (and HEAD) requests are answered."),
    500: _l("The answer could not be produced because of an error on our side."),
}
OTHER = _l("This request could not be answered.")


class BadParameter(BadRequest):
    """A 400 whose message names the parameter and the values it accepts."""

    def __init__(self, message: str):
        super().__init__(message)
        self.api_message = message
