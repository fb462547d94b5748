"""The comment form, its limits and its messages in the reader's language."""

import re

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, Regexp

MAX_BODY = 5_000
MAX_NAME = 80
MAX_EMAIL = 254
EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"

# Control characters (NUL, escape sequences...) are invisible, and PostgreSQL cannot store
# NUL: they are dropped; tabs and line breaks stay.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def without_control_characters(value: str | None) -> str | None:
    return CONTROL_CHARACTERS.sub("", value) if value else value


NAME_TOO_LONG = _l("Please keep your name under %(max)d characters.")
EMAIL_TOO_LONG = _l("This e-mail address is too long.")
NOT_AN_EMAIL = _l("This does not look like an e-mail address.")
EMPTY = _l("Please write something before sending.")
TOO_LONG = _l("Please shorten your comment to %(max)d characters or fewer.")


def _body_field() -> TextAreaField:
    return TextAreaField(
        _l("Your comment"),
        filters=[without_control_characters],
        validators=[DataRequired(message=EMPTY), Length(max=MAX_BODY, message=TOO_LONG)],
    )


class CommentForm(FlaskForm):
    class Meta:
        # No session token: the post is checked against its Origin instead
        # (security.same_origin_post), so that the page with the form can be cached.
        csrf = False

    name = StringField(
        _l("Name (optional)"),
        filters=[without_control_characters],
        validators=[Optional(), Length(max=MAX_NAME, message=NAME_TOO_LONG)],
    )
    email = StringField(
        _l("E-mail (optional, never shown)"),
        filters=[without_control_characters],
        validators=[
            Optional(),
            Length(max=MAX_EMAIL, message=EMAIL_TOO_LONG),
            Regexp(EMAIL, message=NOT_AN_EMAIL),
        ],
    )
    body = _body_field()
    parent = HiddenField()
    # When the form was shown, signed: a bot that posts at once is turned away.
    started = HiddenField()
    # Hidden from people; a bot that fills in every field gives itself away.
    website = StringField(_l("Leave this field empty"))


class EditForm(FlaskForm):
    body = _body_field()
