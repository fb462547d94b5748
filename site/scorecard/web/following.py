"""Following by e-mail: the confirmation and unsubscribe pages, and the mails themselves,
written in the subscriber's language.

The links in a mail carry the subscription's secret token. Opening one shows a page with
a button, because mail scanners open links on their own; the button (and a mail client's
one-click unsubscribe, RFC 8058, which POSTs to the same address) does the deed.
"""

from flask import abort, current_app, render_template, request, url_for
from flask_babel import force_locale, gettext, ngettext

from ..core import following, outbox
from ..core.comments.models import Comment
from ..core.database import utcnow, writing
from ..core.following import News, Subscription
from ..extensions import csrf
from ..http.caching import SENSITIVE
from ..http.current import current_edition
from .localized import localized_blueprint
from .urls import absolute, document_url

bp = localized_blueprint("following", __name__)
TOKEN = "<string(maxlength=64):token>"


def _title(document: str, lang: str) -> str:
    kind, slug = document.split("/", 1)
    shown = current_edition().show(kind, slug, lang)
    return shown.doc.meta.title if shown else document


def _document_link(document: str, lang: str) -> str:
    kind, slug = document.split("/", 1)
    shown = current_edition().show(kind, slug, lang)
    return document_url(shown.doc, lang, external=True) if shown else absolute("/")


def _link(endpoint: str, subscription: Subscription) -> str:
    return absolute(url_for(endpoint, lang=subscription.lang, token=subscription.token))


def ask_to_confirm(subscription: Subscription, comment: Comment) -> None:
    """Queue the mail whose link confirms a new subscription."""
    lang = subscription.lang
    with force_locale(lang):
        document = subscription.document or comment.document
        body = render_template(
            "mail/confirm.txt",
            subscription=subscription,
            title=_title(document, lang),
            confirm_url=_link("following.confirm", subscription),
        )
        subject = gettext(
            "Please confirm: e-mails from %(site)s", site=current_app.config["SITE_NAME"]
        )
    with writing():
        outbox.enqueue(subscription.email, subject, body, lang, None)


def tell(comment: Comment) -> int:
    """Queue a mail to each subscriber with news of `comment`, just approved."""
    if not following.first_approval(comment):
        return 0
    news = following.news_of(comment)
    with writing():
        for item in news:
            outbox.enqueue(*_news_mail(item, comment))
    return len(news)


def send_digests() -> int:
    """Queue each daily subscriber's digest: every comment approved since their last one,
    in one mail. Run once a day (`flask mail digest`); how many mails were queued."""
    queued = 0
    with writing():
        now = utcnow()
        for subscription in following.digests_due():
            comments = following.digest_news(subscription)
            if comments:
                outbox.enqueue(*_digest_mail(subscription, comments))
                queued += 1
            following.digest_sent(subscription, now)
    return queued


def _digest_mail(subscription: Subscription, comments: list[Comment]):
    lang = subscription.lang
    document = subscription.document or comments[0].document
    with force_locale(lang):
        title = _title(document, lang)
        body = render_template(
            "mail/digest.txt",
            comments=[(c, f"{_document_link(c.document, lang)}#comment-{c.id}") for c in comments],
            title=title,
            unsubscribe_url=_link("following.unsubscribe", subscription),
        )
        subject = ngettext(
            "%(num)s new comment on “%(title)s”",
            "%(num)s new comments on “%(title)s”",
            len(comments),
            title=title,
        )
    unsubscribe = _link("following.unsubscribe", subscription)
    return subscription.email, subject, body, lang, unsubscribe


def _news_mail(item: News, comment: Comment) -> tuple[str, str, str, str, str]:
    subscription = item.subscription
    lang = subscription.lang
    with force_locale(lang):
        title = _title(comment.document, lang)
        body = render_template(
            "mail/news.txt",
            item=item,
            comment=comment,
            title=title,
            comment_url=f"{_document_link(comment.document, lang)}#comment-{comment.id}",
            unsubscribe_url=_link("following.unsubscribe", subscription),
        )
        if item.reply:
            subject = gettext("A reply to your comment on “%(title)s”", title=title)
        else:
            subject = gettext("A new comment on “%(title)s”", title=title)
    return subscription.email, subject, body, lang, _link("following.unsubscribe", subscription)


def _page(template: str, subscription: Subscription, done: bool):
    page = render_template(
        template,
        subscription=subscription,
        done=done,
        title=_title(subscription.document, subscription.lang) if subscription.document else None,
    )
    return page, 200, {"Cache-Control": SENSITIVE}


@bp.route(f"/mail/confirm/{TOKEN}", methods=["GET", "POST"])
@csrf.exempt  # the token in the address is the secret
def confirm(token: str):
    subscription = following.by_token(token) or abort(404)
    if request.method == "POST":
        following.confirm(subscription)
    return _page("mail_confirm.html", subscription, request.method == "POST")


@bp.route(f"/mail/unsubscribe/{TOKEN}", methods=["GET", "POST"])
@csrf.exempt  # the token in the address is the secret; mail clients POST here (RFC 8058)
def unsubscribe(token: str):
    subscription = following.by_token(token) or abort(404)
    if request.method == "POST":
        following.end(subscription)
    return _page("mail_unsubscribe.html", subscription, request.method == "POST")
