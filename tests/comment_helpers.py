"""What a reader's browser does with the comment form, for the comment tests."""

from conftest import soup

DOCUMENT = "/en/recommendations/both-languages"
# What a browser sends with a form posted from one of the site's pages.
SAME_ORIGIN = {"Origin": "http://localhost"}


def form_fields(form) -> dict:
    """What a browser sends of a form's inputs: unticked boxes are not sent."""
    return {
        field["name"]: field.get("value", "")
        for field in form.select("input")
        if field.get("type") != "checkbox" or field.has_attr("checked")
    }


def comment_form(client, path: str = DOCUMENT) -> tuple[str, dict]:
    """The form's address and its fields as the page gives them, with the stamp that the
    browser asks for as the reader starts to write (the page may come from a cache)."""
    form = soup(client.get(path)).select_one("#comment-form")
    fields = form_fields(form)
    stamp = form.select_one('input[name="started"]')
    if stamp.get("hx-get"):
        fields["started"] = soup(client.get(stamp["hx-get"])).select_one("input")["value"]
    return form["action"], fields


def post_comment(client, body: str, path=DOCUMENT, htmx=False, headers=None, **fields):
    action, data = comment_form(client, path)
    data.update(body=body, **fields)
    sent = {"HX-Request": "true", "HX-Target": "comments"} if htmx else {}
    return client.post(action, data=data, headers={**SAME_ORIGIN, **sent, **(headers or {})})


def comment_id(response) -> int:
    """The new comment's id, from the redirect to its anchor."""
    return int(response.headers["Location"].rsplit("#comment-", 1)[1])


def textarea(page) -> str:
    """The text in a form's textarea, as a browser shows it (without WTForms' leading newline)."""
    return page.select_one("#comment-form textarea").get_text().removeprefix("\r\n")
