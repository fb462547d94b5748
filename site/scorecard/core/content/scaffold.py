"""`flask content new`: both language files of a new document, ready to fill in."""

import datetime as dt
from pathlib import Path

from ..kinds import FOLDER_OF_KIND, FOLDERS
from .library import source_version
from .loader import FILENAME

ENGLISH = """\
---
# A new {kind}. Fill in the fields, write the text, then run `flask content check`.
# Every field is explained in docs/editing.md. Lines starting with # are comments.
title: Untitled {kind}            # the headline
summary: One or two sentences for lists, search results and link previews.
date: {today}                  # the day it is first published
# updated: {today}             # add when you change it after publishing
kind: {kind}                   # must match the folder
status: draft                  # draft: only signed-in editors see it; then published
topics: []                     # ids from content/topics.yaml, e.g. [employment, skills]
# region: Northeast China      # optional, where the {kind} applies
{extra_en}ministries: []      # ids from content/ministries.yaml, e.g. [{{id: mohrss, role: lead}}]
metrics: []                    # ids from content/metrics.yaml
sources: []                    # e.g. [{{title: "...", publisher: ILO, year: 2021, url: "https://..."}}]
---
## Background {{#background}}

Write the text here.
"""

CHINESE = """\
---
# 新建{kind_zh}。填好各字段、写完正文后，运行 `flask content check`。
# 各字段的说明见 docs/editing.zh.md。以 # 开头的行是注释。
title: 未命名{kind_zh}               # 标题
summary: 用一两句话概括，用于列表、搜索结果和链接预览。
date: {today}                  # 首次发布日期
# updated: {today}             # 发布后修改时添加
kind: {kind}                   # 须与所在文件夹一致
status: draft                  # draft：仅登录的编辑可见；完成后改为 published
translated_from: {version}     # 所依据的英文版本；译文更新后运行 flask content translated {slug}
topics: []                     # content/topics.yaml 中的 id
# region: 东北地区             # 可选
{extra_zh}ministries: []                 # 例如 [{{id: mohrss, role: lead}}]
metrics: []                    # content/metrics.yaml 中的 id
sources: []                    # 例如 [{{title: "...", publisher: ILO, year: 2021}}]
---
## 背景 {{#background}}

在此撰写正文。
"""

EXTRA = {
    "recommendation": (
        "# ask: We ask that ...        # the ask, in one sentence, for the advocacy letter\n",
        "# ask: 我们建议……              # 一句话说明诉求，用于倡议信\n",
    ),
    "case-study": (
        "# period: 2008-2010           # the years the case covers\n",
        "# period: 2008-2010           # 案例涵盖的年份\n",
    ),
}
KIND_ZH = {"recommendation": "建议", "case-study": "案例研究"}
# The texts above that an editor must replace: `flask content check` finds any left in a
# document that is about to be published.
PLACEHOLDERS = (
    "Untitled ",
    "One or two sentences for lists, search results and link previews.",
    "Write the text here.",
    "未命名",
    "用一两句话概括，用于列表、搜索结果和链接预览。",
    "在此撰写正文。",
)


class ScaffoldError(Exception):
    """Why a document cannot be created: `reason` names the rule (the web layer words it in
    the editor's language), the message is for the command line."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def existing_files(content_dir: Path, slug: str) -> list[Path]:
    """Files that already use the slug, in any folder (a slug names one document)."""
    return sorted(p for folder in FOLDERS for p in (content_dir / folder).glob(f"{slug}.*.md"))


def new_files(content_dir: Path, kind: str, slug: str, today: dt.date) -> dict[Path, str]:
    """The texts of <slug>.en.md and <slug>.zh.md; refuse an invalid or existing slug."""
    if not FILENAME.match(f"{slug}.en.md"):
        raise ScaffoldError(
            "bad_slug",
            f"'{slug}' is not a valid slug: use lower-case letters, digits and single hyphens, "
            "e.g. coal-worker-retraining",
        )
    if taken := existing_files(content_dir, slug):
        names = ", ".join(p.relative_to(content_dir).as_posix() for p in taken)
        raise ScaffoldError(
            "slug_taken", f"the slug '{slug}' is already used by {names}: choose another"
        )
    folder = content_dir / FOLDER_OF_KIND[kind]
    extra_en, extra_zh = EXTRA[kind]
    english = ENGLISH.format(kind=kind, today=today.isoformat(), extra_en=extra_en)
    chinese = CHINESE.format(
        kind=kind,
        kind_zh=KIND_ZH[kind],
        today=today.isoformat(),
        extra_zh=extra_zh,
        version=source_version(english),
        slug=slug,
    )
    return {folder / f"{slug}.en.md": english, folder / f"{slug}.zh.md": chinese}


def create(content_dir: Path, kind: str, slug: str, today: dt.date) -> list[Path]:
    """Write <slug>.en.md and <slug>.zh.md; refuse an invalid or existing slug."""
    files = new_files(content_dir, kind, slug, today)
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return list(files)
