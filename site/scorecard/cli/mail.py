"""`flask mail send`: hand the queued mail to the SMTP server. Run it every minute or so
from a systemd timer or cron (docs/deploying.md); each run sends what is due."""

import sys

import click
from flask import current_app
from flask.cli import AppGroup

from ..core import outbox
from ..web.following import send_digests

mail_cli = AppGroup("mail", help="Mail to readers: the queue and the SMTP server.")


@mail_cli.command("send")
def send_command() -> None:
    """Send the queued mail that is due; failures are tried again later, with backoff."""
    server = outbox.MailServer.from_config(current_app.config)
    if server is None:
        raise click.ClickException(
            "no mail server: set SCORECARD_MAIL_SERVER and SCORECARD_MAIL_FROM "
            "(docs/deploying.md); the mail stays queued"
        )
    sent, failed = outbox.send_due(server)
    click.echo(f"{sent} sent, {failed} to be tried again later.", file=sys.stderr)
    if failed and not sent:
        sys.exit(1)


@mail_cli.command("digest")
def digest_command() -> None:
    """Queue the daily digests (run once a day, before `flask mail send`)."""
    site = current_app.config["SITE_URL"]
    if not site:
        raise click.ClickException(
            "set SCORECARD_SITE_URL: the links in the digests must name the public site"
        )
    with current_app.test_request_context(base_url=site):
        queued = send_digests()
    click.echo(f"{queued} digest(s) queued.", file=sys.stderr)


@mail_cli.command("queue")
def queue_command() -> None:
    """List the mail not sent yet, with its tries and last error."""
    for mail in outbox.waiting():
        error = f" · {mail.last_error}" if mail.last_error else ""
        click.echo(f"{mail.id} {mail.to_address} · {mail.attempts} tries{error}")
