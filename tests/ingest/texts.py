"""Articles written for these tests (never copied from the dev set or a web page)."""

from __future__ import annotations

BODY_EN = (
    "Negotiators from both delegations met for a third day in a lakeside hotel on Tuesday, "
    "and the host government said the talks on a prisoner exchange had made steady progress.\n\n"
    '"We are closer than we were a week ago, but nothing is agreed until everything is agreed," '
    "the chief mediator told reporters outside the venue.\n\n"
    "A spokesperson for the defence ministry said overnight shelling had damaged a school and two "
    "apartment blocks in the region, and that nobody had been hurt."
)
"""A plain-text article body: three paragraphs."""

PARAGRAPHS = [
    "Negotiators from both delegations met for a third day in a lakeside hotel on Tuesday, and the "
    "host government said the talks on a prisoner exchange had made steady progress.",
    '"We are closer than we were a week ago, but nothing is agreed until everything is agreed," '
    "the chief mediator told reporters outside the venue.",
    "A spokesperson for the defence ministry said overnight shelling had damaged a school and two "
    "apartment blocks in the region, and that nobody had been hurt.",
    "The mediators plan to present a written draft to both sides before the end of the week, "
    "according to two officials who spoke on condition of anonymity.",
]
TITLE = "Envoys report progress on prisoner exchange"
SITE = "Northwind Courier"


def article_page(title: str = TITLE) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>{title} | {SITE}</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{SITE}">
<meta property="article:published_time" content="2024-06-14T08:30:00+00:00">
<link rel="canonical" href="https://northwind.example/world/envoys-progress">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<main><article>
<h1>{title}</h1>
{body}
</article></main>
<footer><p>Copyright 2024 {SITE}. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>
"""
