"""Accounts under /admin: admins create editors, reset passwords, disable and enable
accounts and change roles; every editor changes their own password; admins read the
audit log. The rules live in core/editors.py; here they are worded for the editor."""

import secrets
from functools import wraps

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required, login_user
from flask_wtf import FlaskForm
from wtforms import PasswordField, SelectChoice, SelectField, StringField
from wtforms.validators import DataRequired, EqualTo

from ...core import audit
from ...core.database import LARGEST_ID, db
from ...core.editors import (
    MIN_PASSWORD,
    NAME_LENGTH,
    ROLES,
    Editor,
    EditorError,
    accounts,
    change_password,
    create_editor,
    set_active,
    set_role,
)
from ...http.errors import error_page
from ..labels import ACCOUNT_ROLE_LABELS
from .views import bp

# Each rule of core/editors.py, as the person who broke it reads it.
ACCOUNT_ERRORS = {
    "short_password": _l("The password needs at least %(num)s characters.", num=MIN_PASSWORD),
    "bad_name": _l(
        "A name has 1 to %(num)s characters, without < or > and without spaces at either end.",
        num=NAME_LENGTH,
    ),
    "name_taken": _l("There is already an account with this name."),
    "bad_role": _l("Choose a role from the list."),
    "last_admin": _l("This is the last active admin: make another account an admin first."),
    "unknown": _l("There is no such account."),
}


def admin_required(view):
    """Signed in, and an admin: an editor is told so, not shown the page."""

    @wraps(view)
    @login_required
    def checked(*args, **kwargs):
        if not current_user.is_admin:
            return error_page(403, gettext("Only an admin can manage accounts.")), 403
        return view(*args, **kwargs)

    return checked


class NewAccountForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(message=_l("Please enter a name."))])
    role = SelectField(
        _l("Role"), choices=[SelectChoice(role, ACCOUNT_ROLE_LABELS[role]) for role in ROLES]
    )


class OwnPasswordForm(FlaskForm):
    current = PasswordField(
        _l("Your current password"),
        validators=[DataRequired(message=_l("Please enter your password."))],
    )
    new = PasswordField(
        _l("New password (%(num)s characters or more)", num=MIN_PASSWORD),
        validators=[DataRequired(message=_l("Please enter a new password."))],
    )
    repeat = PasswordField(
        _l("The new password again"),
        validators=[EqualTo("new", message=_l("The two new passwords differ."))],
    )


def _account(editor_id: int) -> Editor:
    return db.session.get(Editor, editor_id) or abort(404)


def _issue_password() -> str:
    """A password for an admin to hand over once, strong whoever chose it."""
    return secrets.token_urlsafe(15)


def _accounts_page(form: NewAccountForm, issued=None, error=None, status=200):
    return render_template(
        "admin/accounts.html", accounts=accounts(), form=form, issued=issued, error=error
    ), status


@bp.route("/accounts", methods=["GET", "POST"])
@admin_required
def account_list():
    """Every account, and a new one: its first password is shown once, to hand over."""
    form = NewAccountForm()
    if not form.validate_on_submit():
        return _accounts_page(form, status=422 if form.errors else 200)
    password = _issue_password()
    name = form.name.data.strip()
    try:
        create_editor(name, password, form.role.data, by=current_user.name)
    except EditorError as error:
        return _accounts_page(form, error=ACCOUNT_ERRORS[error.reason], status=422)
    return _accounts_page(NewAccountForm(formdata=None), issued=(name, password))


@bp.post(f"/accounts/<int(max={LARGEST_ID}):editor_id>/password")
@admin_required
def reset_password(editor_id: int):
    """A new password for someone who lost theirs; their sessions end."""
    editor = _account(editor_id)
    password = _issue_password()
    change_password(editor.name, password, by=current_user.name)
    return _accounts_page(NewAccountForm(formdata=None), issued=(editor.name, password))


@bp.post(f"/accounts/<int(max={LARGEST_ID}):editor_id>/<any(enable, disable):change>")
@admin_required
def switch_account(editor_id: int, change: str):
    editor = _account(editor_id)
    try:
        set_active(editor.name, change == "enable", by=current_user.name)
    except EditorError as error:
        return _accounts_page(
            NewAccountForm(formdata=None), error=ACCOUNT_ERRORS[error.reason], status=409
        )
    return redirect(url_for("admin.account_list"), code=303)


@bp.post(f"/accounts/<int(max={LARGEST_ID}):editor_id>/role")
@admin_required
def change_role(editor_id: int):
    editor = _account(editor_id)
    try:
        set_role(editor.name, request.form.get("role", ""), by=current_user.name)
    except EditorError as error:
        return _accounts_page(
            NewAccountForm(formdata=None), error=ACCOUNT_ERRORS[error.reason], status=409
        )
    return redirect(url_for("admin.account_list"), code=303)


@bp.route("/password", methods=["GET", "POST"])
@login_required
def own_password():
    """An editor's own new password: every other session of theirs ends, this one stays."""
    form = OwnPasswordForm()
    error = None
    if form.validate_on_submit():
        if not current_user.check_password(form.current.data):
            error = gettext("Your current password is not that.")
        else:
            try:
                change_password(current_user.name, form.new.data, by=current_user.name)
            except EditorError as refused:
                error = str(ACCOUNT_ERRORS[refused.reason])
            else:
                login_user(current_user._get_current_object())  # the new token, in this browser
                flash(gettext("Your password is changed; your other sessions have ended."))
                return redirect(url_for("admin.documents"), code=303)
    status = 422 if error or form.errors else 200
    return render_template("admin/password.html", form=form, error=error), status


@bp.get("/audit")
@admin_required
def audit_log():
    """What was done under /admin and at the command line, newest first."""
    page = audit.events(request.args.get("page", 1, type=int) or 1) or abort(404)
    return render_template(
        "admin/audit.html",
        page=page,
        page_url=lambda number: url_for("admin.audit_log", page=number),
    )
