"""Editors sign in and moderate; nobody else can."""

import pytest
from sqlalchemy import select

from comment_helpers import DOCUMENT, comment_id, post_comment
from scorecard.core.comments.models import Comment, ModerationAction, Status
from scorecard.core.database import db

from conftest import PASSWORD, sign_in, soup


def act(client, comment: int, action: str, htmx: bool = False):
    page = soup(client.get("/admin/"))
    token = page.select_one('input[name="csrf_token"]')["value"]
    headers = {"HX-Request": "true"} if htmx else {}
    return client.post(
        f"/admin/comments/{comment}/{action}", data={"csrf_token": token}, headers=headers
    )


def test_a_reader_cannot_reach_the_queue_or_moderate(db_app, db_client):
    new = comment_id(post_comment(db_client, "Please approve me"))
    response = db_client.get("/admin/")
    assert response.status_code == 302 and "/admin/login" in response.headers["Location"]
    forged = db_client.post(f"/admin/comments/{new}/approve", data={})
    assert forged.status_code in (302, 400)
    with db_app.app_context():
        assert db.session.get(Comment, new).status == Status.PENDING


def test_wrong_password_is_refused_in_the_editors_language(db_client, editor):
    response = sign_in(db_client, editor, "not the password")
    assert response.status_code == 401
    assert "do not match" in soup(response).select_one(".notice").get_text()
    assert db_client.get("/admin/").status_code == 302


def test_editor_approves_and_a_reader_then_sees_the_comment(db_app, db_client, editor):
    reader = db_app.test_client()
    new = comment_id(post_comment(reader, "Worth publishing"))
    assert sign_in(db_client, editor, PASSWORD).status_code == 303
    queue = soup(db_client.get("/admin/"))
    assert f"queue-{new}" in [item["id"] for item in queue.select(".queue__item")]
    assert "Both languages" in queue.select_one(".queue__meta").get_text()
    row = act(db_client, new, "approve", htmx=True)
    assert row.status_code == 200 and "Approved" in soup(row).select_one(".queue__done").get_text()
    shown = soup(db_app.test_client().get(DOCUMENT)).select(f"#comment-{new}")
    assert shown and "Awaiting" not in shown[0].get_text()
    with db_app.app_context():
        [record] = db.session.scalars(
            select(ModerationAction).where(ModerationAction.comment_id == new)
        )
        assert record.status == Status.APPROVED and record.editor.name == "mei" and record.at


@pytest.mark.parametrize("action", ["reject", "spam", "delete"])
def test_rejected_spam_and_deleted_comments_are_hidden_from_everyone(
    db_app, db_client, editor, action
):
    author = db_app.test_client()
    new = comment_id(post_comment(author, "Not for publication"))
    sign_in(db_client, editor, PASSWORD)
    assert act(db_client, new, action).status_code == 303
    assert not soup(author.get(DOCUMENT)).select(f"#comment-{new}")
    assert f"queue-{new}" not in db_client.get("/admin/").get_data(as_text=True)


def test_known_authors_are_approved_automatically_only_from_their_own_browser(
    db_app, db_client, editor
):
    db_app.config["COMMENTS_AUTO_APPROVE_KNOWN"] = True
    impostor = db_app.test_client()  # knows the address, not the browser
    try:
        first = comment_id(post_comment(db_client, "First", email="Wang@Example.org"))
        sign_in(db_client, editor, PASSWORD)
        act(db_client, first, "approve")
        second = comment_id(post_comment(db_client, "Second", email="Wang@example.ORG"))
        other_mailbox = comment_id(post_comment(db_client, "Third", email="WANG@example.org"))
        stranger = comment_id(post_comment(db_client, "Fourth", email="new@example.org"))
        spoofed = comment_id(post_comment(impostor, "Buy now", email="Wang@Example.org"))
    finally:
        db_app.config["COMMENTS_AUTO_APPROVE_KNOWN"] = False
    with db_app.app_context():
        status = {
            n: db.session.get(Comment, n).status for n in (second, other_mailbox, stranger, spoofed)
        }
    assert status[second] == Status.APPROVED  # the domain's case does not matter
    assert status[other_mailbox] == Status.PENDING  # the mailbox's may
    assert status[stranger] == Status.PENDING
    assert status[spoofed] == Status.PENDING


def test_the_admin_pages_follow_the_editors_language(db_client, editor):
    db_client.set_cookie("lang", "zh")
    page = soup(db_client.get("/admin/login"))
    assert page.h1.get_text() == "编辑登录" and page.html["lang"] == "zh-Hans"


def test_editors_create_refuses_a_short_password_and_a_taken_name(db_app, db_client, editor):
    runner = db_app.test_cli_runner()
    short = runner.invoke(args=["editors", "create", "li"], input="short\nshort\n")
    assert short.exit_code == 1 and "at least 12 characters" in short.output
    taken = runner.invoke(args=["editors", "create", editor], input=f"{PASSWORD}\n{PASSWORD}\n")
    assert taken.exit_code == 1 and "already exists" in taken.output


def test_passwords_are_stored_as_scrypt_hashes(db_app, editor):
    from scorecard.core.editors import Editor

    with db_app.app_context():
        stored = db.session.scalar(select(Editor).where(Editor.name == editor)).password_hash
    assert stored.startswith("scrypt:") and PASSWORD not in stored


def test_an_editor_can_unpublish_an_approved_comment_and_read_its_history(
    db_app, db_client, editor
):
    author = db_app.test_client()
    new = comment_id(post_comment(author, "Published, then regretted"))
    sign_in(db_client, editor, PASSWORD)
    act(db_client, new, "approve")
    published = soup(db_client.get("/admin/comments/published"))
    row = published.select_one(f"#queue-{new}")
    assert "Published, then regretted" in row.get_text()
    assert row.select_one(f'form[action="/admin/comments/{new}/unpublish"]')

    swapped = act(db_client, new, "unpublish", htmx=True)
    assert "Approve" in soup(swapped).get_text()  # back in the queue, to decide again
    assert not soup(db_app.test_client().get(DOCUMENT)).select(f"#comment-{new}")
    assert f"queue-{new}" in db_client.get("/admin/").get_data(as_text=True)

    db_client.set_cookie("lang", "zh")
    history = soup(db_client.get(f"/admin/comments/{new}"))
    assert history.h1.get_text() == "评论的处理记录"
    steps = [
        [td.get_text(strip=True) for td in tr.select("td")[1:]] for tr in history.select("tbody tr")
    ]
    assert steps == [["匿名", "发表"], [editor, "已通过"], [editor, "待审核"]]
    assert db_client.get("/admin/comments/99999").status_code == 404
