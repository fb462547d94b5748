"""The comment form, its limits and its messages in the reader's language.

Each limit has one home: the length of a comment is a setting (COMMENT_MAX_CHARACTERS),
a name's and an address's are the database's (core/comments/models.py). The fields carry
them to the page as maxlength attributes (WTForms renders a validator's `field_flags`),
so a template never repeats a number.
"""

import re

from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    Field,
    Form,
    HiddenField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional, Regexp, ValidationError

from ...core.comments.models import EMAIL_LENGTH as MAX_EMAIL
from ...core.comments.models import NAME_LENGTH as MAX_NAME
from ..labels import LANGUAGE_NAMES

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
NEEDS_EMAIL = _l("To be told by e-mail, give your e-mail address.")


class MaxLengthSetting:
    """Length(max=...) with the maximum read from a setting when the form is made."""

    def __init__(self, setting: str, message):
        self.setting = setting
        self.message = message

    @property
    def field_flags(self) -> dict[str, int]:
        return {"maxlength": self.maximum}

    @property
    def maximum(self) -> int:
        return current_app.config[self.setting]

    def __call__(self, form: Form, field: Field) -> None:
        if field.data and len(field.data) > self.maximum:
            raise ValidationError(self.message % {"max": self.maximum})


def _body_field() -> TextAreaField:
    return TextAreaField(
        _l("Your comment"),
        filters=[without_control_characters],
        validators=[
            DataRequired(message=EMPTY),
            MaxLengthSetting("COMMENT_MAX_CHARACTERS", TOO_LONG),
        ],
    )


def _language_field() -> SelectField:
    """Which language the comment is in: found from its text unless the author says."""
    choices = [
        SelectChoice("", _l("Found from the text")),
        *(SelectChoice(lang, name) for lang, name in LANGUAGE_NAMES.items()),
    ]
    return SelectField(_l("Language of your comment"), choices=choices, default="")


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
    lang = _language_field()
    parent = HiddenField()
    # When the reader began to write, signed: a bot that posts at once is turned away.
    # The page may come from a cache, so the browser asks for it (views.form_stamp) when
    # the reader starts typing; a form sent without one comes back with one, to send again.
    started = HiddenField()
    # Hidden from people; a bot that fills in every field gives itself away.
    website = StringField(_l("Leave this field empty"))
    # Following by e-mail (core/following.py): each needs the address, confirmed by mail.
    replies = BooleanField(_l("E-mail me replies to my comment"))
    follow = BooleanField(_l("E-mail me new comments on this page"))
    digest = BooleanField(_l("At most one e-mail a day, with all the news"))

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if (self.replies.data or self.follow.data) and not self.email.data:
            self.email.errors = [*self.email.errors, str(NEEDS_EMAIL)]
            return False
        return valid


class EditForm(FlaskForm):
    body = _body_field()
    lang = _language_field()
