"""The pages a reader meets, by name: what the accessibility and layout tests visit."""

ARTICLE = "recommendations/community-employment"

PAGES = {
    "home": "",
    "recommendations": "recommendations/",
    "article": ARTICLE,
    "case-study": "case-studies/chongqing-low-carbon-toolkit",
    "search": "search?q=employment",
    "ministries": "ministries/",
    "ministry": "ministries/mohrss",
    "metrics": "metrics/",
    "metric": "metrics/industry-construction-jobs-lost",
    "glossary": "glossary",
    "about": "about",
    "tracker": "tracker",
}

# What axe-core audits: one page of each kind (lists, documents, search, directories).
AUDITED = ("home", "recommendations", "article", "search", "ministry", "metric", "tracker")


def address(lang: str, name: str) -> str:
    return f"/{lang}/{PAGES[name]}"
