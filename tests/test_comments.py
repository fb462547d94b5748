"""Readers post, reply, edit and withdraw comments; on SQLite and on PostgreSQL."""

from datetime import datetime, timedelta

import pytest
from sqlalchemy import update

from comment_helpers import (
    DOCUMENT,
    SAME_ORIGIN,
    comment_form,
    comment_id,
    form_fields,
    post_comment,
    textarea,
)
from scorecard.core.comments.models import Comment, Status
from scorecard.core.database import db

from conftest import soup

CHINESE_DOCUMENT = "/zh/recommendations/both-languages"


def set_status(app, comment: int, status: Status) -> None:
    with app.app_context():
        db.session.execute(update(Comment).where(Comment.id == comment).values(status=status))
        db.session.commit()


def comments_on(client, path: str = DOCUMENT):
    return soup(client.get(path)).select("#comments .comment")


def test_a_new_comment_awaits_moderation_and_only_its_author_sees_it(db_app, db_client):
    response = post_comment(db_client, "Local co-design *works*.", name="Li Wei")
    assert response.status_code == 303
    assert response.headers["Location"].startswith(f"{DOCUMENT}#comment-")
    [mine] = comments_on(db_client)
    assert "Awaiting moderation" in mine.get_text()
    assert mine.select_one(".comment__body em").get_text() == "works"
    assert comments_on(db_app.test_client()) == []  # another reader


def test_an_approved_comment_is_shown_to_everyone_marked_with_its_language(db_app, db_client):
    new = comment_id(post_comment(db_client, "社区参与很重要。", path=CHINESE_DOCUMENT))
    set_status(db_app, new, Status.APPROVED)
    [shown] = comments_on(db_app.test_client())  # on the English page too
    assert shown["lang"] == "zh-Hans"
    assert shown.select_one(".comment__lang").get_text() == "Chinese"
    assert shown.select_one(".comment__author").get_text() == "Anonymous"


def test_a_comment_time_names_its_zone_utc_in_english_beijing_time_in_chinese(db_app, db_client):
    new = comment_id(post_comment(db_client, "Worth a try."))
    with db_app.app_context():
        db.session.execute(
            update(Comment)
            .where(Comment.id == new)
            .values(status=Status.APPROVED, created_at=datetime(2026, 3, 9, 20, 5, 42))
        )
        db.session.commit()
    reader = db_app.test_client()
    [english] = soup(reader.get(DOCUMENT)).select("#comments .comment time")
    [chinese] = soup(reader.get(CHINESE_DOCUMENT)).select("#comments .comment time")
    assert english.get_text() == "9 Mar 2026, 20:05 UTC"
    assert chinese.get_text() == "2026年3月10日 04:05（北京时间）"  # the next morning in Beijing
    # What the page's script converts to the reader's own zone, where that is another.
    assert english["datetime"] == chinese["datetime"] == "2026-03-09T20:05:42Z"
    assert (english["data-zone"], chinese["data-zone"]) == ("UTC", "Asia/Shanghai")


def test_posting_with_htmx_answers_with_the_comment_section(db_client):
    response = post_comment(db_client, "Posted without a reload.", htmx=True)
    assert response.status_code == 200
    section = soup(response)
    assert section.select_one("section#comments") and not section.select_one("header.site-header")
    assert "Posted without a reload." in section.select_one(".comment--pending").get_text()
    assert section.select_one(".comments__message").get_text().startswith("Thank you")
    assert textarea(section) == ""
    assert "comment_author=" in response.headers["Set-Cookie"]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"body": ""}, "Please write something before sending."),
        ({"body": "x" * 5001}, "Please shorten your comment to 5000 characters or fewer."),
        ({"email": "not-an-address"}, "This does not look like an e-mail address."),
        ({"name": "n" * 81}, "Please keep your name under 80 characters."),
    ],
)
def test_a_refused_comment_keeps_everything_the_reader_typed(db_client, fields, message):
    typed = {"body": "My careful thoughts.", "name": "Wang Fang", "email": "wf@example.org"}
    typed.update(fields)
    response = post_comment(db_client, **typed)
    assert response.status_code == 422
    form = soup(response).select_one("#comment-form")
    assert message in form.select_one(".field__error").get_text()
    assert textarea(soup(response)) == typed["body"]
    assert form.select_one('input[name="name"]')["value"] == typed["name"]
    assert form.select_one('input[name="email"]')["value"] == typed["email"]


def test_errors_are_in_the_readers_language(db_client):
    response = post_comment(db_client, "", path=CHINESE_DOCUMENT)
    assert soup(response).select_one(".field__error").get_text() == "请先写下评论内容再发送。"


def test_a_filled_honeypot_is_refused_and_the_text_kept(db_client):
    response = post_comment(db_client, "Buy now", website="http://spam.example")
    assert response.status_code == 422
    assert textarea(soup(response)) == "Buy now"


def test_a_post_faster_than_a_person_could_type_is_refused(db_app, db_client):
    db_app.config["COMMENT_MIN_SECONDS"] = 60
    try:
        response = post_comment(db_client, "Instant text")
    finally:
        db_app.config["COMMENT_MIN_SECONDS"] = 0
    assert response.status_code == 422
    page = soup(response)
    assert "That was quick" in page.select_one(".comments__message").get_text()
    assert textarea(page) == "Instant text"


@pytest.mark.parametrize(
    "headers",
    [{"Origin": "https://elsewhere.example"}, {"Referer": "https://elsewhere.example/x"}, {}],
    ids=["other-origin", "other-referer", "no-origin"],
)
def test_a_post_from_another_site_is_refused_and_keeps_the_text(db_client, headers):
    action, fields = comment_form(db_client)
    response = db_client.post(action, data={**fields, "body": "Kept"}, headers=headers)
    assert response.status_code == 403
    page = soup(response)
    assert "did not come from a page of this site" in page.select_one(".comments__message").text
    assert textarea(page) == "Kept"
    with db_client.application.app_context():
        assert db.session.query(Comment).count() == 0


def test_a_browser_that_sends_only_a_referer_may_post(db_client):
    action, fields = comment_form(db_client)
    referer = {"Referer": f"http://localhost{DOCUMENT}"}
    response = db_client.post(action, data={**fields, "body": "Referer only"}, headers=referer)
    assert response.status_code == 303


def test_the_page_with_the_comment_form_holds_nothing_personal(db_client):
    """No session token in it, so that a shared cache may keep it for every reader."""
    response = db_client.get(DOCUMENT)
    assert soup(response).select_one("#comment-form")
    cookies = response.headers.getlist("Set-Cookie")
    assert not [cookie for cookie in cookies if cookie.startswith("session=")]
    assert 'name="csrf_token"' not in response.get_data(as_text=True)


def test_replies_go_one_level_deep_under_approved_comments(db_app, db_client):
    parent = comment_id(post_comment(db_client, "A question for the editors?"))
    refused = post_comment(db_client, "Too early", parent=str(parent))
    assert refused.status_code == 422  # the parent still awaits moderation
    set_status(db_app, parent, Status.APPROVED)
    reply = comment_id(post_comment(db_client, "An answer.", parent=str(parent)))
    set_status(db_app, reply, Status.APPROVED)
    nested = soup(db_app.test_client().get(DOCUMENT)).select_one(".comment-list--replies")
    assert nested.select_one(f"#comment-{reply}")
    assert post_comment(db_client, "A reply to a reply", parent=str(reply)).status_code == 422


def test_the_author_can_edit_and_delete_within_fifteen_minutes(db_app, db_client):
    new = comment_id(post_comment(db_client, "First draft"))
    page = soup(db_client.get(f"/en/comments/{new}/edit"))
    token = page.select_one('input[name="csrf_token"]')["value"]
    saved = db_client.post(f"/en/comments/{new}/edit", data={"csrf_token": token, "body": "Second"})
    assert saved.status_code == 303
    [shown] = comments_on(db_client)
    assert "Second" in shown.get_text() and "edited" in shown.get_text()
    deleted = db_client.post(f"/en/comments/{new}/delete", data={"csrf_token": token})
    assert deleted.status_code == 303
    assert comments_on(db_client) == []


def test_nobody_else_can_edit_or_delete_a_comment(db_app, db_client):
    new = comment_id(post_comment(db_client, "Mine alone"))
    stranger = db_app.test_client()
    refused = stranger.get(f"/zh/comments/{new}/edit")
    assert refused.status_code == 403 and soup(refused).h1.get_text() == "无权操作"
    # A valid session token (any form that has one gives it) does not make it theirs.
    login = soup(stranger.get("/admin/login"))
    token = {"csrf_token": login.select_one('input[name="csrf_token"]')["value"]}
    assert stranger.post(f"/en/comments/{new}/delete", data=token).status_code == 403
    # A forged cookie proves nothing either.
    stranger.set_cookie("comment_author", f"[{new}]")
    assert stranger.get(f"/en/comments/{new}/edit").status_code == 403


def test_the_edit_window_closes_after_fifteen_minutes(db_app, db_client):
    new = comment_id(post_comment(db_client, "Written in haste"))
    assert db_app.config["COMMENT_EDIT_MINUTES"] == 15
    with db_app.app_context():
        window = timedelta(minutes=15, seconds=1)
        created = db.session.get(Comment, new).created_at - window
        db.session.execute(update(Comment).where(Comment.id == new).values(created_at=created))
        db.session.commit()
    assert db_client.get(f"/en/comments/{new}/edit").status_code == 403
    assert "Edit" not in comments_on(db_client)[0].select_one(".comment__actions").get_text()


def test_comments_filter_by_language_sort_and_load_more(db_app, db_client):
    ids = [comment_id(post_comment(db_client, f"English {n}")) for n in range(21)]
    ids.append(comment_id(post_comment(db_client, "中文评论", path=CHINESE_DOCUMENT)))
    for new in ids:
        set_status(db_app, new, Status.APPROVED)
    reader = db_app.test_client()
    page = soup(reader.get(DOCUMENT))
    assert len(page.select("#comments .comment")) == 20
    assert page.select_one("#comments .comment .comment__body").get_text(strip=True) == "中文评论"
    more = page.select_one(".comments__more a")["href"]
    assert len(soup(reader.get(more)).select("#comments .comment")) == 22
    chinese = soup(reader.get(f"{DOCUMENT}?comments=zh")).select("#comments .comment")
    assert [c.get_text(" ", strip=True).count("中文评论") for c in chinese] == [1]
    oldest = soup(reader.get(f"{DOCUMENT}?order=oldest")).select_one("#comments .comment__body")
    assert oldest.get_text(strip=True) == "English 0"
    fragment = reader.get(
        f"{DOCUMENT}?comments=zh", headers={"HX-Request": "true", "HX-Target": "comments"}
    )
    assert soup(fragment).select_one("section#comments") and b"site-header" not in fragment.data


def test_lists_show_how_many_comments_a_document_has(db_app, db_client):
    for body in ("One", "Two"):
        set_status(db_app, comment_id(post_comment(db_client, body)), Status.APPROVED)
    post_comment(db_client, "Still pending")
    card = soup(db_client.get("/en/recommendations/")).select_one(".card")
    assert card.select_one(".card__comments").get_text() == "2 comments"


XSS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<svg onload=alert(1)>",
    "[click](javascript:alert(1))",
    "[click](jav&#x09;ascript:alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click](\x01javascript:alert(1))",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '[x](https://example.org "title" onmouseover=alert(1))',
    '<iframe src="https://example.org"></iframe>',
    "<style>body{display:none}</style>",
]


@pytest.mark.parametrize("vector", XSS)
def test_hostile_names_texts_and_links_are_rendered_inert(db_app, db_client, vector):
    new = comment_id(post_comment(db_client, f"Text {vector}", name=vector[:80]))
    set_status(db_app, new, Status.APPROVED)
    section = soup(db_app.test_client().get(DOCUMENT)).select_one("#comments")
    comment = section.select_one(f"#comment-{new}")
    assert not comment.select("script, iframe, style, img, svg")
    for element in comment.find_all(True):
        assert not [a for a in element.attrs if a.lower().startswith("on")]
    for link in comment.select(".comment__body a"):
        assert link.get("rel") == ["nofollow", "ugc", "noopener"]
        assert link.get("href", "https:").split(":")[0] in ("https", "http", "mailto")


def test_a_comment_link_is_kept_and_marked_as_user_content(db_app, db_client):
    new = comment_id(post_comment(db_client, "See [the ILO](https://www.ilo.org/) page."))
    set_status(db_app, new, Status.APPROVED)
    link = soup(db_app.test_client().get(DOCUMENT)).select_one(f"#comment-{new} .comment__body a")
    assert link["href"] == "https://www.ilo.org/"
    assert link["rel"] == ["nofollow", "ugc", "noopener"]


def test_an_oversized_request_is_refused_with_a_clear_page(db_client):
    action, fields = comment_form(db_client)
    response = db_client.post(action, data={**fields, "body": "x" * 70_000})
    assert response.status_code == 413
    assert soup(response).h1.get_text() == "Too much to send"


def _edit_token(client, comment: int) -> str:
    page = soup(client.get(f"/en/comments/{comment}/edit"))
    return page.select_one('input[name="csrf_token"]')["value"]


def test_an_approved_comment_keeps_the_text_the_editor_approved(db_app, db_client):
    new = comment_id(post_comment(db_client, "Local co-design works."))
    token = _edit_token(db_client, new)
    set_status(db_app, new, Status.APPROVED)
    [mine] = comments_on(db_client)
    actions = mine.select_one(".comment__actions").get_text()
    assert "Edit" not in actions and "Delete" in actions  # the author may still withdraw it
    rewritten = db_client.post(
        f"/en/comments/{new}/edit",
        data={"csrf_token": token, "body": "Buy cheap pills at https://spam.example"},
    )
    assert rewritten.status_code == 403
    assert "its text stays as approved" in rewritten.get_data(as_text=True)
    [shown] = comments_on(db_app.test_client())
    assert shown.select_one(".comment__body").get_text().strip() == "Local co-design works."
    assert db_client.post(f"/zh/comments/{new}/edit", data={"csrf_token": token}).status_code == 403
    withdrawn = db_client.post(f"/en/comments/{new}/delete", data={"csrf_token": token})
    assert withdrawn.status_code == 303 and comments_on(db_app.test_client()) == []


@pytest.mark.parametrize(
    ("path", "body", "chosen", "expected"),
    [
        (DOCUMENT, "社区参与很重要，应该在矿井关闭之前开始。", "", "zh"),
        (CHINESE_DOCUMENT, "Training should start before the mines close.", "", "en"),
        (DOCUMENT, "我同意 ILO 的看法：https://www.ilo.org/global/topics/green-jobs", "", "zh"),
        (CHINESE_DOCUMENT, "ok 好", "", "zh"),  # as much of each: the page decides
        (DOCUMENT, "见《就业促进法》section 3", "en", "en"),  # the author's choice stands
    ],
    ids=["chinese-on-english-page", "english-on-chinese-page", "link", "tie", "chosen"],
)
def test_a_comment_is_labelled_with_the_language_it_is_written_in(
    db_app, db_client, path, body, chosen, expected
):
    new = comment_id(post_comment(db_client, body, path=path, lang=chosen))
    set_status(db_app, new, Status.APPROVED)
    reader = db_app.test_client()
    shown = soup(reader.get(f"{DOCUMENT}?comments={expected}")).select(f"#comment-{new}")
    assert shown and shown[0]["lang"] == {"en": "en", "zh": "zh-Hans"}[expected]
    other = "en" if expected == "zh" else "zh"
    assert not soup(reader.get(f"{DOCUMENT}?comments={other}")).select(f"#comment-{new}")


def test_the_author_can_correct_the_language_while_the_comment_awaits_moderation(db_app, db_client):
    new = comment_id(post_comment(db_client, "OK 好的"))
    token = _edit_token(db_client, new)
    data = {"csrf_token": token, "body": "OK 好的", "lang": "zh"}
    assert db_client.post(f"/en/comments/{new}/edit", data=data).status_code == 303
    with db_app.app_context():
        assert db.session.get(Comment, new).lang == "zh"


def test_the_same_comment_sent_twice_is_kept_once(db_app, db_client):
    first = post_comment(db_client, "Start retraining two years before closure.")
    again = post_comment(db_client, "Start retraining two years before closure.")
    assert again.status_code == 303 and again.headers["Location"] == first.headers["Location"]
    copier = post_comment(db_app.test_client(), "Start retraining two years before closure.")
    assert copier.status_code == 422
    assert (
        "same comment is already on this page"
        in soup(copier).select_one(".comments__message").get_text()
    )
    with db_app.app_context():
        assert db.session.query(Comment).count() == 1


def test_the_bot_check_holds_on_a_page_from_a_cache(db_app, db_client):
    """The page carries no stamp (a cache may keep it for an hour): the browser asks for
    one as the reader starts to write, and the time is counted from then."""
    page = db_client.get(DOCUMENT)
    stamp = soup(page).select_one('#comment-form input[name="started"]')
    assert not stamp.get("value") and stamp["hx-trigger"].startswith("focusin")
    asked = db_client.get(stamp["hx-get"])
    assert asked.headers["Cache-Control"] == "no-store"
    db_app.config["COMMENT_MIN_SECONDS"] = 60
    try:
        # A bot that posts the cached page's form at once: sent back, its text kept.
        action, fields = comment_form(db_client)
        bare = db_client.post(
            action, data={**fields, "started": "", "body": "Bot text"}, headers=SAME_ORIGIN
        )
        assert bare.status_code == 422
        assert textarea(soup(bare)) == "Bot text"
        assert (
            "check your comment, then send it again"
            in soup(bare).select_one(".comments__message").get_text()
        )
        # A fresh stamp, used at once: too quick, however old the page was.
        quick = post_comment(db_client, "Instant text")
        assert quick.status_code == 422 and "That was quick" in quick.get_data(as_text=True)
    finally:
        db_app.config["COMMENT_MIN_SECONDS"] = 0
    # The page sent back carries its own stamp: the reader sends it again, and it goes.
    resent = soup(bare).select_one("#comment-form")
    fields = form_fields(resent)
    assert fields["started"]
    sent = db_client.post(action, data={**fields, "body": "Bot text"}, headers=SAME_ORIGIN)
    assert sent.status_code == 303
