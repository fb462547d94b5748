"""Addresses outside the language prefix: / sends the reader to their language."""

from flask import Blueprint, redirect, url_for

from .i18n import preferred_language

bp = Blueprint("entry", __name__)


@bp.get("/")
def index():
    response = redirect(url_for("pages.home", lang=preferred_language()))
    response.vary.update(("Cookie", "Accept-Language"))
    return response
