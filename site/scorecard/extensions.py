"""The Flask extensions that hold no state of their own, made here unbound: each layer binds
the ones it uses (`init_app`), and a view can name one where it is defined (a CSRF
exemption, say).

Flask-Limiter, Flask-Talisman and Flask-Compress are not here: they keep an app's settings
on the object itself, so one object cannot serve two apps with different settings (the
tests build many). The http/ modules make one of each per app.
"""

from functools import cached_property

from babel.core import Locale
from babel.support import NullTranslations
from flask_babel import Babel, Domain, get_locale
from flask_login import LoginManager
from flask_wtf import CSRFProtect
from htmx_flask import Htmx


class CataloguesByLocale(Domain):
    """flask-babel's catalogues, each found by its locale in one step. flask-babel looks
    the request's context up four times and names the locale on every translation, and a
    page translates dozens of strings: this saves about a tenth of a search page's time
    (0.5 to 1 ms of 5 to 7, measured taking turns)."""

    def __init__(self, domain: str):
        super().__init__(domain=domain)
        self._by_locale: dict[Locale, NullTranslations] = {}

    def get_translations(self) -> NullTranslations:
        locale = get_locale()  # force_locale's, where a mail or a picture sets one
        if locale is None:
            return NullTranslations()
        if (translations := self._by_locale.get(locale)) is None:
            translations = self._by_locale[locale] = super().get_translations()
        return translations


class SiteBabel(Babel):
    """flask-babel, finding its catalogues as above."""

    @cached_property
    def domain_instance(self) -> Domain:
        return CataloguesByLocale(domain=self.domain)


babel = SiteBabel()
csrf = CSRFProtect()
htmx = Htmx()
login_manager = LoginManager()
