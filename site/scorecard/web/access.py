"""Who is reading: a signed-in editor also sees drafts (marked as such), to preview them."""

from flask_login import current_user


def editor_signed_in() -> bool:
    return bool(current_user.is_authenticated)
