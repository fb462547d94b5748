"""The site's licence wherever readers and programs meet its text and data: the footer and
each document (templates, as `licence`), the feeds and the API (their own fields), and a
`Link: <...>; rel="license"` header on every download and API answer."""

from flask import Flask, current_app, request
from markupsafe import Markup

from ..core.licences import Licence, licence_named

# The files readers download; every API answer too.
DOWNLOADS = {"metrics.metric_as_csv", "metrics.metric_as_json", "citations.citation_file"}


def site_licence() -> Licence:
    return licence_named(current_app.config["LICENCE"])


def licence_record() -> dict[str, str]:
    """The licence as the API and the JSON downloads give it."""
    licence = site_licence()
    return {"name": licence.name, "identifier": licence.id, "url": licence.url}


def _link_the_licence(response):
    if request.endpoint in DOWNLOADS or request.blueprint == "api":
        response.headers.add("Link", f'<{site_licence().url}>; rel="license"')
    return response


def init_app(app: Flask) -> None:
    # An unknown licence is a mistake of configuration: refuse to start, naming the choices.
    licence = licence_named(app.config["LICENCE"])
    app.jinja_env.globals["licence"] = licence
    app.jinja_env.globals["licence_link"] = Markup('<a rel="license" href="{}">{}</a>').format(
        licence.url, licence.name
    )
    app.after_request(_link_the_licence)
