"""The editors' pages under /admin: sign in, and moderate the comments that await it."""

from flask import Blueprint, abort, redirect, render_template, request, session, url_for
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_limiter.errors import RateLimitExceeded
from flask_login import current_user, login_required, login_user, logout_user
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired

from ...core.comments import store
from ...core.comments.models import Status
from ...core.database import LARGEST_ID
from ...core.editors import authenticate, end_sessions
from ...http.caching import SENSITIVE
from ...http.current import current_edition
from ...http.limits import rate_limited
from ..following import tell
from ..i18n import current_language
from ..render import is_htmx
from ..urls import is_local_path

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.after_request
def never_stored(response):
    """Editors' pages hold what readers must not see: no cache keeps them."""
    response.headers["Cache-Control"] = SENSITIVE
    return response


# The buttons of the queue: URL word -> the status it sets.
ACTIONS = {
    "approve": Status.APPROVED,
    "reject": Status.REJECTED,
    "spam": Status.SPAM,
    "delete": Status.DELETED,
    "unpublish": Status.PENDING,  # an approved comment hidden again, back in the queue
}


class SignInForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(message=_l("Please enter your name."))])
    password = PasswordField(
        _l("Password"), validators=[DataRequired(message=_l("Please enter your password."))]
    )


def _safe_next(target: str | None) -> str:
    """Only a path on this site, so the sign-in page cannot send an editor elsewhere."""
    return target if target and is_local_path(target) else url_for("admin.queue")


@bp.route("/login", methods=["GET", "POST"])
@rate_limited("SIGNIN_RATE_LIMIT")
def login():
    form = SignInForm()
    error = None
    if form.validate_on_submit():
        editor = authenticate(form.name.data, form.password.data)
        if editor:
            target = _safe_next(request.args.get("next"))
            # A new session, and with it a new CSRF token: nothing from before sign-in
            # (which someone else may have planted or seen) carries over.
            session.clear()
            login_user(editor)
            session.permanent = True
            return redirect(target, code=303)
        error = gettext("That name and password do not match an editor's account.")
    status = 401 if error else (422 if form.errors else 200)
    return render_template("admin/login.html", form=form, error=error), status


@bp.errorhandler(RateLimitExceeded)
def too_many_attempts(error):
    message = gettext("Too many attempts to sign in. Please wait a few minutes and try again.")
    return render_template("admin/login.html", form=SignInForm(), error=message), 429


@bp.post("/logout")
@login_required
def logout():
    end_sessions(current_user)  # in every browser, not only this one
    logout_user()
    session.clear()
    return redirect(url_for("admin.login"), code=303)


@bp.get("/")
@login_required
def queue():
    return render_template("admin/queue.html", comments=store.pending(), titles=_titles())


@bp.get("/comments/published")
@login_required
def published():
    return render_template("admin/published.html", comments=store.published(), titles=_titles())


COMMENT_ID = f"<int(max={LARGEST_ID}):comment_id>"


@bp.get(f"/comments/{COMMENT_ID}")
@login_required
def comment_history(comment_id: int):
    comment = store.get(comment_id) or abort(404)
    return render_template("admin/comment_history.html", comment=comment, titles=_titles())


@bp.post(f"/comments/{COMMENT_ID}/<any({', '.join(ACTIONS)}):action>")
@login_required
def moderate(comment_id: int, action: str):
    comment = store.get(comment_id) or abort(404)
    store.moderate(comment, ACTIONS[action], current_user)
    if ACTIONS[action] == Status.APPROVED:
        tell(comment)  # those who follow it by e-mail (queued, sent by `flask mail send`)
    if is_htmx():
        return render_template("admin/queue_row.html", comment=comment, titles=_titles())
    back = "admin.published" if action == "unpublish" else "admin.queue"
    return redirect(url_for(back), code=303)


def _titles() -> dict[str, str]:
    """Each document's title, in the editor's language where it exists."""
    lang = current_language()
    statuses = current_edition().statuses.values()
    return {status.id: (status.of(lang).doc or status.source).meta.title for status in statuses}
