"""The API's OpenAPI 3 description, kept beside the code in openapi.yaml."""

import copy
from functools import cache
from pathlib import Path

import yaml

SOURCE = Path(__file__).with_name("openapi.yaml")


@cache
def _template() -> dict:
    return yaml.safe_load(SOURCE.read_text(encoding="utf-8"))


def description(site_root: str, site_name: str, licence: dict[str, str]) -> dict:
    """The description, with the server this site answers at, the site's name and the
    licence of its data."""
    spec = copy.deepcopy(_template())
    spec["info"]["title"] = f"{site_name} {spec['info']['title'].lower()}"
    spec["info"]["license"] = {"name": licence["name"], "url": licence["url"]}
    spec["servers"] = [{"url": f"{site_root}/api/v1"}]
    return spec
