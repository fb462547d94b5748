"""The `flask` commands, one group per module: content, search, comments, editors, and
`flask db backup` / `restore` beside Flask-Migrate's own. The top layer: commands may
use anything below; nothing imports them but the app factory."""

from flask import Flask

from . import comments, content, database, editors, mail, search


def init_app(app: Flask) -> None:
    for group in (
        content.content_cli,
        search.search_cli,
        comments.comments_cli,
        editors.editors_cli,
        mail.mail_cli,
    ):
        app.cli.add_command(group)
    database.add_commands()
