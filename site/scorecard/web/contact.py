"""What an advocate needs to contact a ministry: its card as a vCard, and a letter to adapt."""

from dataclasses import dataclass
from urllib.parse import quote

import vobject
from flask import current_app
from flask_babel import force_locale, gettext

from ..core.content import Library, Shown
from ..core.content.schema import Ministry
from ..core.languages import LANGUAGES
from .urls import document_url

NAME_SEPARATORS = {"en": ", ", "zh": "、"}


def vcard(ministry: Ministry, lang: str) -> str:
    """The ministry's card in vCard 3.0, with only the channels a source gives."""
    card = vobject.vCard()
    name = ministry.name.get(lang)
    card.add("fn").value = name
    card.add("n").value = vobject.vcard.Name()
    card.add("org").value = [name]
    card.add("x-abshowas").value = "COMPANY"  # address books file it as an organisation
    if short_name := ministry.short_name(lang):
        card.add("nickname").value = short_name
    if ministry.website:
        card.add("url").value = str(ministry.website.url)
    for contact in ministry.channels("email"):
        card.add("email").value = contact.value
    for contact in ministry.channels("phone"):
        card.add("tel").value = contact.value
    for contact in ministry.channels("fax"):
        fax = card.add("tel")
        fax.value, fax.type_param = contact.value, "FAX"
    for contact in ministry.channels("address"):
        card.add("label").value = contact.value
    card.add("note").value = ministry.remit.get(lang)
    if ministry.verified:
        card.add("rev").value = ministry.verified.isoformat()
    return card.serialize()


@dataclass(frozen=True)
class Letter:
    lang: str
    subject: str
    body: str
    mailto: str | None  # only where a source gives an e-mail address
    # A few lines to paste into a chat (WeChat has no subject and no letter form).
    message: str


def addressees(shown: Shown, library: Library) -> list[Ministry]:
    """Whom a recommendation asks to act: its lead ministries, else every ministry it names."""
    return [library.ministries[ref.id] for ref in shown.doc.meta.leads]


def letters(shown: Shown, library: Library) -> list[Letter]:
    """A letter about the recommendation in each language, the reader's first. A draft
    (an editor's preview) has letters too, from the versions the editor can see."""
    ministries = addressees(shown, library)
    emails = [c.value for m in ministries for c in m.channels("email")]
    order = sorted(LANGUAGES, key=lambda lang: lang != shown.lang)
    drafts = not shown.doc.public
    found = []
    for lang in order:
        version = library.show(shown.doc.kind, shown.doc.slug, lang, drafts=drafts)
        doc = version.doc if version else shown.doc
        with force_locale(lang):
            subject = gettext("About the recommendation “%(title)s”", title=doc.meta.title)
            body = gettext(
                "To the %(addressee)s,\n\n"
                "I am writing about “%(title)s”, a recommendation published by "
                "%(site)s:\n%(url)s\n\n"
                "%(ask)s\n\n"
                "I would be grateful to learn whether your ministry is considering such "
                "a measure, and how its results would be reported.\n\n"
                "Yours faithfully,\n[Your name]\n[Your organisation and contact details]",
                addressee=NAME_SEPARATORS[lang].join(m.name.get(lang) for m in ministries),
                title=doc.meta.title,
                site=current_app.config["SITE_NAME"],
                url=document_url(doc, lang, external=True),
                ask=doc.meta.ask or doc.meta.summary,
            )
            message = gettext(
                "“%(title)s”, a recommendation published by %(site)s: %(ask)s\n"
                "Read it in full: %(url)s",
                title=doc.meta.title,
                site=current_app.config["SITE_NAME"],
                url=document_url(doc, lang, external=True),
                ask=doc.meta.ask or doc.meta.summary,
            )
        mailto = None
        if emails:
            mailto = f"mailto:{','.join(emails)}?subject={quote(subject)}&body={quote(body)}"
        found.append(Letter(lang, subject, body, mailto, message))
    return found
