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


def _about(document: str, lang: str) -> tuple[str, str]:
    """A document's title and public address in `lang`, for a mail about it."""
    kind, slug = document.split("/", 1)
    shown = current_edition().show(kind, slug, lang)
    if shown is None:  # taken down since: the mail still says what it was about
        return document, absolute("/")
    return shown.doc.meta.title, document_url(shown.doc, lang, external=True)


def _link(endpoint: str, subscription: Subscription) -> str:
    return absolute(url_for(endpoint, lang=subscription.lang, token=subscription.token))


def follow(comment: Comment, lang: str, replies: bool, page: bool, digest: bool) -> None:
    """What the reader asked for in the comment form: a subscription, and the mail whose
    link confirms it, in one transaction (neither without the other)."""
    with writing():
        subscription = following.subscribe(
            comment.author_email or "",
            lang,
            replies_to=comment if replies else None,
            document=comment.document if page else None,
            digest=digest,
        )
        with force_locale(lang):
            body = render_template(
                "mail/confirm.txt",
                subscription=subscription,
                title=_about(comment.document, lang)[0],
                confirm_url=_link("following.confirm", subscription),
            )
            site = current_app.config["SITE_NAME"]
            subject = gettext("Please confirm: e-mails from %(site)s", site=site)
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
            subscription.digest_sent_at = now
    return queued


Mail = tuple[str, str, str, str, str]  # to, subject, body, language, unsubscribe address


def _digest_mail(subscription: Subscription, comments: list[Comment]) -> Mail:
    lang = subscription.lang
    # One document: the one followed, or the one whose replies are followed.
    title, address = _about(comments[0].document, lang)
    unsubscribe = _link("following.unsubscribe", subscription)
    with force_locale(lang):
        body = render_template(
            "mail/digest.txt",
            comments=[(c, f"{address}#comment-{c.id}") for c in comments],
            title=title,
            unsubscribe_url=unsubscribe,
        )
        subject = ngettext(
            "%(num)s new comment on “%(title)s”",
            "%(num)s new comments on “%(title)s”",
            len(comments),
            title=title,
        )
    return subscription.email, subject, body, lang, unsubscribe


def _news_mail(item: News, comment: Comment) -> Mail:
    subscription = item.subscription
    lang = subscription.lang
    title, address = _about(comment.document, lang)
    unsubscribe = _link("following.unsubscribe", subscription)
    with force_locale(lang):
        body = render_template(
            "mail/news.txt",
            item=item,
            comment=comment,
            title=title,
            comment_url=f"{address}#comment-{comment.id}",
            unsubscribe_url=unsubscribe,
        )
        if item.reply:
            subject = gettext("A reply to your comment on “%(title)s”", title=title)
        else:
            subject = gettext("A new comment on “%(title)s”", title=title)
    return subscription.email, subject, body, lang, unsubscribe


def _page(template: str, subscription: Subscription, done: bool):
    document = subscription.document
    title = _about(document, subscription.lang)[0] if document else None
    page = render_template(template, subscription=subscription, done=done, title=title)
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
