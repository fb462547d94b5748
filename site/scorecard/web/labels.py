"""The interface's vocabularies: how kinds, roles, states and the rest read in each language.

Every one of them is given to every template under its name in lower case
(`template_labels`), so a template never builds its own.
"""

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext

from ..core.comments.models import Status
from ..core.content.translations import State

SECTION_TITLES = {"recommendations": _l("Recommendations"), "case-studies": _l("Case studies")}
KIND_LABELS = {"recommendation": _l("Recommendation"), "case-study": _l("Case study")}
MINISTRY_PANEL_TITLES = {
    "recommendation": _l("Ministries addressed"),
    "case-study": _l("Government bodies involved"),
}
ROLE_LABELS = {"lead": _l("Lead"), "partner": _l("Partner")}
SORT_LABELS = {"relevance": _l("Relevance"), "date": _l("Newest first")}
FACET_TITLES = {
    "kind": _l("Type"),
    "language": _l("Language"),
    "topic": _l("Topic"),
    "ministry": _l("Government body"),
    "status": _l("Status"),
}
# Each language's name in the reader's language, for notices.
LANGUAGE_NAMES = {"en": _l("English"), "zh": _l("Chinese")}
CHANNEL_LABELS = {
    "email": _l("E-mail"),
    "phone": _l("Telephone"),
    "fax": _l("Fax"),
    "address": _l("Postal address"),
    "web-form": _l("Online form"),
}
# Where a recommendation stands (its timeline's statuses).
PROGRESS_LABELS = {
    "proposed": _l("Proposed"),
    "under-consideration": _l("Under consideration"),
    "partly-adopted": _l("Partly adopted"),
    "adopted": _l("Adopted"),
    "rejected": lazy_pgettext("a recommendation's status", "Rejected"),
    "superseded": _l("Superseded"),
}
LETTER_TITLES = {"en": _l("Letter in English"), "zh": _l("Letter in Chinese")}
# The same ask in a few lines, for a chat such as WeChat.
MESSAGE_TITLES = {
    "en": _l("Short message in English, for WeChat or another chat"),
    "zh": _l("Short message in Chinese, for WeChat or another chat"),
}
METRIC_TYPES = {"indicator": _l("Proposed measure"), "context": _l("Figure in context")}
BETTER_LABELS = {"higher": _l("Higher"), "lower": _l("Lower")}
# The buttons of the moderation queue.
ACTION_LABELS = {
    "approve": _l("Approve"),
    "reject": _l("Reject"),
    "spam": _l("Mark as spam"),
    "delete": _l("Delete"),
}
STATUS_LABELS = {
    Status.PENDING: _l("Awaiting moderation"),
    Status.APPROVED: _l("Approved"),
    Status.REJECTED: _l("Rejected"),
    Status.SPAM: _l("Spam"),
    Status.DELETED: _l("Deleted"),
}
PUBLICATION_LABELS = {
    "draft": _l("Draft"),
    "scheduled": _l("Scheduled"),
    "published": _l("Published"),
}
STATE_LABELS = {
    State.SOURCE: _l("Original"),
    State.COMPLETE: _l("Complete"),
    State.OUTDATED: _l("Outdated"),
    State.UNRECORDED: _l("Source version not recorded"),
    State.MISSING: _l("Missing"),
}

ACCOUNT_ROLE_LABELS = {"editor": _l("Editor"), "admin": _l("Admin")}
AUDIT_LABELS = {
    "signed_in": _l("Signed in"),
    "sign_in_refused": _l("Sign-in refused"),
    "signed_out": _l("Signed out"),
    "account_created": _l("Account created"),
    "password_reset": _l("Password reset"),
    "password_changed": _l("Own password changed"),
    "account_disabled": _l("Account disabled"),
    "account_enabled": _l("Account enabled"),
    "role_changed": _l("Role changed"),
    "document_created": _l("Document created"),
    "document_saved": _l("Document saved"),
    "document_restored": _l("Earlier version restored"),
    "image_uploaded": _l("Image uploaded"),
    "comment_moderated": _l("Comment moderated"),
}


def template_labels() -> dict:
    """Every vocabulary above, for the templates."""
    return {
        "section_titles": SECTION_TITLES,
        "kind_labels": KIND_LABELS,
        "ministry_panel_titles": MINISTRY_PANEL_TITLES,
        "role_labels": ROLE_LABELS,
        "sort_labels": SORT_LABELS,
        "language_names": LANGUAGE_NAMES,
        "channel_labels": CHANNEL_LABELS,
        "letter_titles": LETTER_TITLES,
        "progress_labels": PROGRESS_LABELS,
        "message_titles": MESSAGE_TITLES,
        "metric_types": METRIC_TYPES,
        "better_labels": BETTER_LABELS,
        "action_labels": ACTION_LABELS,
        "status_labels": STATUS_LABELS,
        "state_labels": STATE_LABELS,
        "publication_labels": PUBLICATION_LABELS,
        "account_role_labels": ACCOUNT_ROLE_LABELS,
        "audit_labels": AUDIT_LABELS,
    }
