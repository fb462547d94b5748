"""Mail to readers: queued in the database, sent outside the request by `flask mail send`
(which a timer or a process manager runs), retried with backoff, never lost.

A request that wants to tell a reader something only adds a row here, in its own
transaction: a slow or absent mail server never delays or fails a page. Each run of the
sender takes the messages that are due, hands them to the SMTP server, and marks each as
sent, or as failed with the error and the time of its next try (2, 4, 8... minutes, up to
six hours). A message is never deleted: its row is the record of what was sent.
"""

import smtplib
import ssl
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import formataddr, make_msgid

from sqlalchemy import DateTime, Integer, String, Text, select
from sqlalchemy.orm import Mapped, mapped_column

from .database import Model, db, utcnow, writing

LONGEST_WAIT = timedelta(hours=6)
BATCH = 200


class OutgoingMail(Model):
    __tablename__ = "outgoing_mail"

    id: Mapped[int] = mapped_column(primary_key=True)
    to_address: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    lang: Mapped[str] = mapped_column(String(8))
    # One-click unsubscribe (RFC 8058): the address a mail client POSTs to.
    unsubscribe_url: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    last_error: Mapped[str | None] = mapped_column(Text)


@dataclass(frozen=True)
class MailServer:
    """Where mail goes: the MAIL_* settings (docs/deploying.md)."""

    host: str
    port: int
    sender: str  # the From address
    sender_name: str
    security: str = "starttls"  # "starttls", "ssl" (implicit TLS) or "none"
    username: str | None = None
    password: str | None = None

    @classmethod
    def from_config(cls, config) -> "MailServer | None":
        if not config.get("MAIL_SERVER") or not config.get("MAIL_FROM"):
            return None
        return cls(
            host=config["MAIL_SERVER"],
            port=int(config["MAIL_PORT"]),
            sender=config["MAIL_FROM"],
            sender_name=config["SITE_NAME"],
            security=config["MAIL_SECURITY"],
            username=config.get("MAIL_USERNAME") or None,
            password=config.get("MAIL_PASSWORD") or None,
        )


def enqueue(to: str, subject: str, body: str, lang: str, unsubscribe_url: str | None) -> None:
    """Add a message to the queue, in the caller's transaction (its `writing()`)."""
    db.session.add(
        OutgoingMail(
            to_address=to,
            subject=subject[:300],
            body=body,
            lang=lang,
            unsubscribe_url=unsubscribe_url,
            created_at=utcnow(),
            next_attempt_at=utcnow(),
        )
    )


def waiting() -> list[OutgoingMail]:
    query = select(OutgoingMail).where(OutgoingMail.sent_at.is_(None)).order_by(OutgoingMail.id)
    return list(db.session.scalars(query))


def _message(mail: OutgoingMail, server: MailServer) -> EmailMessage:
    message = EmailMessage()
    message["From"] = formataddr((server.sender_name, server.sender))
    message["To"] = mail.to_address
    message["Subject"] = mail.subject
    message["Message-ID"] = make_msgid(domain=server.sender.rpartition("@")[2] or None)
    message["Content-Language"] = {"zh": "zh-Hans"}.get(mail.lang, mail.lang)
    message["Auto-Submitted"] = "auto-generated"  # no out-of-office replies, please
    if mail.unsubscribe_url:
        message["List-Unsubscribe"] = f"<{mail.unsubscribe_url}>"
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message.set_content(mail.body)
    return message


def _connect(server: MailServer) -> smtplib.SMTP:
    if server.security == "ssl":
        connection: smtplib.SMTP = smtplib.SMTP_SSL(
            server.host, server.port, timeout=30, context=ssl.create_default_context()
        )
    else:
        connection = smtplib.SMTP(server.host, server.port, timeout=30)
        if server.security == "starttls":
            connection.starttls(context=ssl.create_default_context())
    if server.username:
        connection.login(server.username, server.password or "")
    return connection


def _failed(mail: OutgoingMail, error: Exception, now: datetime) -> None:
    mail.attempts += 1
    mail.last_error = f"{type(error).__name__}: {error}"[:2000]
    mail.next_attempt_at = now + min(timedelta(minutes=2**mail.attempts), LONGEST_WAIT)


def send_due(server: MailServer, now: datetime | None = None) -> tuple[int, int]:
    """Send what is due; (sent, failed). A server that cannot be reached fails them all,
    each to be tried again later."""
    now = now or utcnow()
    query = (
        select(OutgoingMail)
        .where(OutgoingMail.sent_at.is_(None), OutgoingMail.next_attempt_at <= now)
        .order_by(OutgoingMail.id)
        .limit(BATCH)
    )
    due = list(db.session.scalars(query))
    db.session.rollback()  # no transaction held open while talking to the server
    if not due:
        return 0, 0
    sent = failed = 0
    try:
        connection = _connect(server)
    except (OSError, smtplib.SMTPException) as error:
        with writing():
            for mail in due:
                _failed(mail, error, now)
        return 0, len(due)
    with connection:
        for mail in due:
            try:
                connection.send_message(_message(mail, server))
            except (OSError, smtplib.SMTPException) as error:
                with writing():
                    _failed(mail, error, now)
                failed += 1
            else:
                with writing():
                    mail.sent_at = utcnow()
                sent += 1
    return sent, failed
