"""Readers who follow by e-mail, end to end against a real SMTP server (aiosmtpd, in this
process): double opt-in, a reply and a new comment told, one-click unsubscribe by the
header's POST, and a queue that survives the server being down."""

import socket
from datetime import timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select

from comment_helpers import DOCUMENT, comment_id, post_comment
from scorecard.core import outbox
from scorecard.core.database import db, utcnow
from scorecard.core.outbox import OutgoingMail

from conftest import PASSWORD, sign_in, soup

CHINESE_DOCUMENT = "/zh/recommendations/both-languages"


class Inbox:
    """What the SMTP server received."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if m["To"] == address]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def mail_app(db_app):
    """db_app sending to an SMTP server on a port of its own (started by `smtp`)."""
    settings = {
        "MAIL_SERVER": "127.0.0.1",
        "MAIL_PORT": free_port(),
        "MAIL_SECURITY": "none",
        "MAIL_FROM": "comments@example.org",
        "SITE_URL": "http://localhost",  # what the mail's links name (the digest needs it)
    }
    before = {key: db_app.config.get(key) for key in settings}
    db_app.config.update(settings)
    yield db_app
    db_app.config.update(before)


@pytest.fixture
def smtp(mail_app):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=mail_app.config["MAIL_PORT"])
    controller.start()
    yield inbox
    controller.stop()


def send(app):
    return app.test_cli_runner().invoke(args=["mail", "send"])


def approve(client, comment: int):
    page = soup(client.get("/admin/"))
    token = page.select_one('input[name="csrf_token"]')["value"]
    response = client.post(f"/admin/comments/{comment}/approve", data={"csrf_token": token})
    assert response.status_code == 303


def link_in(message: EmailMessage, fragment: str) -> str:
    """The path of the link in the mail's text that contains `fragment`."""
    text = message.get_content()
    url = next(word for word in text.split() if fragment in word)
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def test_a_reader_follows_confirms_is_told_and_unsubscribes_in_one_click(
    mail_app, db_client, smtp, editor
):
    follower = mail_app.test_client()
    mine = comment_id(
        post_comment(follower, "Who funds this?", email="ana@example.org", replies="y", follow="y")
    )
    assert smtp.messages == []  # queued: the request never waits for a mail server
    assert send(mail_app).exit_code == 0
    [confirmation] = smtp.to("ana@example.org")
    assert confirmation["Subject"] == "Please confirm: e-mails from Climate Scorecard"
    assert confirmation["From"] == "Climate Scorecard <comments@example.org>"
    confirm = link_in(confirmation, "/mail/confirm/")

    # Nothing is sent before the address is confirmed; a scanner's GET confirms nothing.
    sign_in(db_client, editor, PASSWORD)
    approve(db_client, mine)  # the follower's own comment: not news to them
    assert "Yes, e-mail me" in follower.get(confirm).get_data(as_text=True)
    answer = comment_id(post_comment(mail_app.test_client(), "The province.", parent=str(mine)))
    approve(db_client, answer)
    send(mail_app)
    assert len(smtp.to("ana@example.org")) == 1

    # Confirmed: the next reply is told, once, though they follow the page as well.
    assert "you will be told" in follower.post(confirm).get_data(as_text=True)
    reply = comment_id(
        post_comment(mail_app.test_client(), "And the ministry.", name="Bo", parent=str(mine))
    )
    approve(db_client, reply)
    send(mail_app)
    [_, told] = smtp.to("ana@example.org")
    assert told["Subject"] == "A reply to your comment on “Both languages”"
    text = told.get_content()
    assert "Bo replied to your comment" in text and "And the ministry." in text
    assert f"{DOCUMENT}#comment-{reply}" in text
    unsubscribe = link_in(told, "/mail/unsubscribe/")
    assert told["List-Unsubscribe"] == f"<http://localhost{unsubscribe}>"
    assert told["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # A new comment on the page they follow.
    other = comment_id(post_comment(mail_app.test_client(), "A new thought.", name="Cy"))
    approve(db_client, other)
    send(mail_app)
    assert smtp.to("ana@example.org")[-1]["Subject"] == ("A new comment on “Both languages”")

    # One click in the mail client: a POST to the header's address, no page, no session.
    one_click = mail_app.test_client().post(unsubscribe, data={"List-Unsubscribe": "One-Click"})
    assert one_click.status_code == 200
    last = comment_id(post_comment(mail_app.test_client(), "Anyone there?", name="Di"))
    approve(db_client, last)
    send(mail_app)
    assert len(smtp.to("ana@example.org")) == 3


def test_mail_is_written_in_the_language_of_the_page_it_was_asked_from(mail_app, db_client, smtp):
    post_comment(
        mail_app.test_client(),
        "谁来出资？",
        path=CHINESE_DOCUMENT,
        email="li@example.org",
        follow="y",
    )
    send(mail_app)
    [confirmation] = smtp.to("li@example.org")
    assert confirmation["Subject"] == "请确认：来自 Climate Scorecard 的邮件"
    assert "/zh/mail/confirm/" in confirmation.get_content()


def test_following_needs_an_address_and_says_so_in_the_readers_language(db_client):
    response = post_comment(db_client, "请通知我。", path=CHINESE_DOCUMENT, follow="y")
    assert response.status_code == 422
    error = soup(response).select_one("#email-error").get_text()
    assert error == "要接收邮件通知，请填写电子邮箱地址。"


def test_the_queue_survives_the_mail_server_being_down(mail_app, db_client):
    post_comment(mail_app.test_client(), "Tell me.", email="ana@example.org", follow="y")
    down = send(mail_app)  # nothing listens on the port yet
    assert down.exit_code == 1 and "0 sent, 1 to be tried again later" in down.output
    with mail_app.app_context():
        [mail] = db.session.scalars(select(OutgoingMail)).all()
        assert mail.sent_at is None and mail.attempts == 1 and mail.last_error
        assert mail.next_attempt_at > utcnow()  # not before its backoff
    waiting = mail_app.test_cli_runner().invoke(args=["mail", "queue"]).output
    assert "ana@example.org · 1 tries · ConnectionRefusedError" in waiting
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=mail_app.config["MAIL_PORT"])
    controller.start()
    try:
        assert send(mail_app).output.startswith("0 sent, 0")  # not due yet
        with mail_app.app_context():
            server = outbox.MailServer.from_config(mail_app.config)
            later = utcnow() + timedelta(minutes=3)
            assert outbox.send_due(server, now=later) == (1, 0)
    finally:
        controller.stop()
    assert [m["To"] for m in inbox.messages] == ["ana@example.org"]


def test_a_daily_digest_gathers_the_news_in_one_mail(mail_app, db_client, smtp, editor):
    follower = mail_app.test_client()
    post_comment(follower, "Keep me posted.", email="ana@example.org", follow="y", digest="y")
    send(mail_app)
    [confirmation] = smtp.to("ana@example.org")
    follower.post(link_in(confirmation, "/mail/confirm/"))
    sign_in(db_client, editor, PASSWORD)
    for name, text in (("Bo", "First news."), ("Cy", "Second news.")):
        approve(db_client, comment_id(post_comment(mail_app.test_client(), text, name=name)))
    send(mail_app)
    assert len(smtp.to("ana@example.org")) == 1  # nothing at once: a digest was asked for

    digest = mail_app.test_cli_runner().invoke(args=["mail", "digest"])
    assert digest.exit_code == 0 and "1 digest(s) queued" in digest.output
    send(mail_app)
    [_, daily] = smtp.to("ana@example.org")
    assert daily["Subject"] == "2 new comments on “Both languages”"
    text = daily.get_content()
    assert text.index("First news.") < text.index("Second news.")
    assert "Bo:" in text and "Cy:" in text
    assert daily["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # The next day, nothing new: no mail.
    again = mail_app.test_cli_runner().invoke(args=["mail", "digest"])
    assert "0 digest(s) queued" in again.output
