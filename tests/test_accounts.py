"""Accounts in the browser: admins make and manage them, editors change their own password,
and every action is in the audit log."""

import pytest

from scorecard.core.audit import ACTIONS
from scorecard.web.labels import AUDIT_LABELS

from conftest import PASSWORD, sign_in, soup


@pytest.fixture
def admin(db_app, db_client):
    """An admin's account, made with the CLI as docs/deploying.md says, signed in."""
    made = db_app.test_cli_runner().invoke(
        args=["editors", "create", "ana", "--role", "admin"], input=f"{PASSWORD}\n{PASSWORD}\n"
    )
    assert made.exit_code == 0, made.output
    assert sign_in(db_client, "ana", PASSWORD).status_code == 303
    return db_client


def token_of(client) -> str:
    """The session's CSRF token, from a page every signed-in editor may open."""
    return soup(client.get("/admin/password")).select_one('input[name="csrf_token"]')["value"]


def create(client, name: str, role: str = "editor"):
    return client.post(
        "/admin/accounts", data={"csrf_token": token_of(client), "name": name, "role": role}
    )


def issued_password(response) -> str:
    return soup(response).select_one(".issued-password").get_text()


def account_id(client, name: str) -> int:
    for row in soup(client.get("/admin/accounts")).select("table.accounts tbody tr"):
        if row.th.get_text(strip=True) == name:
            action = row.select_one("form[action$='/password']")["action"]
            return int(action.split("/")[-2])
    raise AssertionError(f"no row for {name}")


def post(client, url: str, **data):
    return client.post(url, data={"csrf_token": token_of(client), **data})


def log_lines(client) -> list[str]:
    rows = soup(client.get("/admin/audit")).select("table.audit tbody tr")
    return [
        " | ".join(cell.get_text(" ", strip=True) for cell in row.select("td")[1:]) for row in rows
    ]


def test_an_admin_makes_an_account_whose_password_is_shown_once_and_works(db_app, admin):
    made = create(admin, "lin")
    assert made.status_code == 200
    password = issued_password(made)
    assert len(password) >= 16
    assert "lin" in soup(admin.get("/admin/accounts")).select_one("table.accounts").get_text()
    assert password not in admin.get("/admin/accounts").get_data(as_text=True)  # only once
    editor = db_app.test_client()
    assert sign_in(editor, "lin", password).status_code == 303
    assert editor.get("/admin/documents").status_code == 200
    assert log_lines(admin)[:2] == ["lin | Signed in | lin", "ana | Account created | lin (Editor)"]


def test_an_editor_cannot_reach_the_account_pages(db_app, admin):
    password = issued_password(create(admin, "lin"))
    editor = db_app.test_client()
    sign_in(editor, "lin", password)
    editor.set_cookie("lang", "zh")
    refused = editor.get("/admin/accounts")
    assert refused.status_code == 403
    assert "只有管理员可以管理账号。" in refused.get_data(as_text=True)
    assert editor.get("/admin/audit").status_code == 403
    token = token_of(editor)
    ana = account_id(admin, "ana")
    for url in (f"/admin/accounts/{ana}/password", f"/admin/accounts/{ana}/disable"):
        assert editor.post(url, data={"csrf_token": token}).status_code == 403
    assert (
        editor.post("/admin/accounts", data={"csrf_token": token, "name": "x"}).status_code == 403
    )
    # Nor are they offered: the bar shows no link to them.
    assert "/admin/accounts" not in editor.get("/admin/documents").get_data(as_text=True)
    # The admin's password still works: nothing was reset.
    assert sign_in(db_app.test_client(), "ana", PASSWORD).status_code == 303


def test_a_reset_password_ends_the_sessions_and_the_new_one_works(db_app, admin):
    old = issued_password(create(admin, "lin"))
    editor = db_app.test_client()
    sign_in(editor, "lin", old)
    reset = post(admin, f"/admin/accounts/{account_id(admin, 'lin')}/password")
    new = issued_password(reset)
    assert new != old
    assert editor.get("/admin/documents").status_code == 302  # signed out
    assert sign_in(db_app.test_client(), "lin", old).status_code == 401
    assert sign_in(db_app.test_client(), "lin", new).status_code == 303
    assert "ana | Password reset | lin" in log_lines(admin)


def test_a_disabled_account_is_signed_out_and_cannot_sign_in_until_enabled(db_app, admin):
    password = issued_password(create(admin, "lin"))
    editor = db_app.test_client()
    sign_in(editor, "lin", password)
    lin = account_id(admin, "lin")
    assert post(admin, f"/admin/accounts/{lin}/disable").status_code == 303
    assert editor.get("/admin/documents").status_code == 302
    assert sign_in(editor, "lin", password).status_code == 401
    assert post(admin, f"/admin/accounts/{lin}/enable").status_code == 303
    assert sign_in(editor, "lin", password).status_code == 303
    assert log_lines(admin)[:4] == [
        "lin | Signed in | lin",
        "ana | Account enabled | lin",
        "— | Sign-in refused | lin",
        "ana | Account disabled | lin",
    ]


def test_the_last_admin_stays(db_app, admin):
    ana = account_id(admin, "ana")
    admin.set_cookie("lang", "zh")
    for url, data in (
        (f"/admin/accounts/{ana}/disable", {}),
        (f"/admin/accounts/{ana}/role", {"role": "editor"}),
    ):
        refused = post(admin, url, **data)
        assert refused.status_code == 409
        assert "这是最后一个有效的管理员账号" in soup(refused).select_one("[role=alert]").get_text()
    # With a second admin, the first may step down; their sessions end with the change.
    create(admin, "bo", "admin")
    assert post(admin, f"/admin/accounts/{ana}/role", role="editor").status_code == 303
    assert admin.get("/admin/accounts").status_code == 302


def test_bad_names_are_refused_in_the_admins_language_and_kept_in_the_form(admin):
    admin.set_cookie("lang", "zh")
    create(admin, "lin")
    for name, message in (
        ("lin", "已有同名账号。"),
        ("<script>", "不能含有 < 或 >"),
        ("x" * 81, "名称须为 1 至 80 个字符"),
        ("", "请输入名称。"),
    ):
        refused = create(admin, name)
        assert refused.status_code == 422, name
        page = soup(refused)
        assert message in page.get_text(), name
        assert page.select_one("input#name")["value"] == name
        assert not page.select(".issued-password")


def test_an_editor_changes_their_own_password(db_app, admin):
    password = issued_password(create(admin, "lin"))
    editor, elsewhere = db_app.test_client(), db_app.test_client()
    sign_in(editor, "lin", password)
    sign_in(elsewhere, "lin", password)
    editor.set_cookie("lang", "zh")
    mine = "my own long passphrase"

    def change(current, new, repeat):
        return post(editor, "/admin/password", current=current, new=new, repeat=repeat)

    assert "当前密码不正确。" in soup(change("wrong password!", mine, mine)).get_text()
    assert "两次输入的新密码不一致。" in soup(change(password, mine, mine + "x")).get_text()
    assert "密码至少需要 12 个字符。" in soup(change(password, "short", "short")).get_text()
    assert change(password, mine, mine).status_code == 303
    assert editor.get("/admin/documents").status_code == 200  # this browser stays signed in
    assert elsewhere.get("/admin/documents").status_code == 302  # the others are signed out
    assert sign_in(db_app.test_client(), "lin", mine).status_code == 303
    assert "lin | Own password changed | lin" in log_lines(admin)


def test_the_command_line_names_an_admin_and_lists_the_accounts(db_app, db_client, editor):
    runner = db_app.test_cli_runner()
    assert runner.invoke(args=["editors", "role", editor, "admin"]).exit_code == 0
    listed = runner.invoke(args=["editors", "list"])
    assert listed.output == f"{editor}\tadmin\n"
    sign_in(db_client, editor, PASSWORD)
    assert db_client.get("/admin/accounts").status_code == 200
    assert log_lines(db_client)[1] == f"(command line) | Role changed | {editor} (Admin)"


def test_every_action_the_log_records_has_words_in_both_languages():
    assert set(AUDIT_LABELS) == set(ACTIONS)
