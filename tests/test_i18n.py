"""The Chinese interface catalogue is complete, current, and used on every /zh/ page."""

import re

from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg

from scorecard.config import PROJECT_ROOT

from conftest import ZH_CATALOGUE, texts, zh_messages

# The same keywords as `make translations`.
KEYWORDS = DEFAULT_KEYWORDS | {"_l": None, "lazy_gettext": None}
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def test_zh_catalogue_has_no_untranslated_or_fuzzy_message():
    assert [m.id for m in zh_messages() if not all(texts(m.string))] == []
    assert [m.id for m in zh_messages() if m.fuzzy] == []


def test_translations_keep_their_placeholders():
    def placeholders(value):
        return {name for text in texts(value) for name in PLACEHOLDER.findall(text)}

    for message in zh_messages():
        assert placeholders(message.id) == placeholders(message.string), message.id


def test_catalogue_matches_the_strings_in_the_code():
    with (PROJECT_ROOT / "babel.cfg").open() as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    in_code = {
        msgid
        for _, _, msgid, _, _ in extract_from_dir(
            PROJECT_ROOT, method_map, options_map, keywords=KEYWORDS
        )
    }
    in_catalogue = {m.id for m in zh_messages()}
    assert in_code - in_catalogue == set(), "run `make translations` and translate"
    assert in_catalogue - in_code == set(), "run `make translations` to drop unused strings"


def test_compiled_catalogue_is_rebuilt_when_the_source_changes(tmp_path):
    from scorecard.web.i18n import compile_catalogues

    source = tmp_path / "translations"
    po = source / "zh" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    po.write_text(ZH_CATALOGUE.read_text(encoding="utf-8"), encoding="utf-8")
    target = tmp_path / "compiled"
    compile_catalogues(source, target)
    mo = target / "zh" / "LC_MESSAGES" / "messages.mo"
    first = mo.read_bytes()
    po.write_text(po.read_text(encoding="utf-8").replace("跳到正文", "跳至正文"), encoding="utf-8")
    compile_catalogues(source, target)
    assert mo.read_bytes() != first
    assert "跳至正文".encode() in mo.read_bytes()
