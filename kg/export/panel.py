"""What the side panel of ``kg view`` shows for an actor: what it said, what others say about it, and
who denies what, each statement with its words and the article it was read from.

The projection only has statement *edges*; the statements themselves are fetched from the store when
the page is built and embedded in the page as JSON, so the page stays self-contained. Three queries
(``queries/view/*.rq``) with the IRIs bound in VALUES blocks: which statements concern each actor
drawn (each UNION branch starts from the actors, so Oxigraph looks them up by index), then those
statements' words, speakers and articles, then the articles' headlines and dates.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from kg.errors import KgError
from kg.resources import queries_dir
from kg.store import Store
from kg.store.base import Term
from kg.store.binding import term_to_sparql

MAX_PER_SECTION = 60  # statements listed per actor and section; the panel says how many more there are
CHUNK = 400  # IRIs per VALUES block
KIND_WORDS = {
    "claim": "claim",
    "finding": "finding",
    "denial": "denial",
    "criticism": "criticism",
    "accusation": "accusation",
    "call": "call",
    "other": "statement",
}
ROLES = ("said", "about", "answered")  # how a statement concerns an actor (actor-statements.rq)
ACTOR_PLACEHOLDER = "VALUES ?actor { UNDEF }"


@dataclass
class Panel:
    """Plain data for the page: per actor the statement numbers of each section (and totals), the
    statements and the articles they cite."""

    actors: dict[str, dict[str, list[int] | dict[str, int]]] = field(default_factory=dict)
    statements: list[dict] = field(default_factory=list)
    articles: list[dict] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"actors": self.actors, "statements": self.statements, "articles": self.articles}


def _query(name: str) -> str:
    try:
        return (queries_dir() / "view" / f"{name}.rq").read_text(encoding="utf-8")
    except OSError as exc:
        raise KgError(f"cannot read the view's query {name}.rq: {exc.strerror}") from None


_WHERE = re.compile(r"\bWHERE\s*\{", re.I)


def _values(name: str, iris: list[str]) -> str | None:
    """A VALUES block of the IRIs among ``iris`` (a custom projection's nodes may be anything else)."""
    terms = []
    for iri in iris:
        if not iri.startswith(("http://", "https://", "urn:")):
            continue
        try:
            terms.append(term_to_sparql(Term("uri", iri)))
        except KgError:
            continue
    return f"VALUES ?{name} {{ {' '.join(terms)} }}" if terms else None


def _chunks(iris: list[str]) -> Iterator[list[str]]:
    for i in range(0, len(iris), CHUNK):
        yield iris[i : i + CHUNK]


def _rows(store: Store, text: str, name: str, iris: list[str]):
    """Rows of ``text`` with ``?name`` bound to each of ``iris``: a VALUES block opening the WHERE
    clause, in chunks."""
    match = _WHERE.search(text)
    if match is None:
        raise KgError("the view's queries need a WHERE clause")
    for chunk in _chunks(iris):
        values = _values(name, chunk)
        if values:
            yield from store.query(f"{text[: match.end()]}\n  {values}\n{text[match.end() :]}").rows


def _value(row, key: str) -> str | None:
    return row[key].value if key in row else None


def actor_panel(store: Store, actors: list[str], *, labels: dict[str, str] | None = None) -> Panel:
    """The panel data of ``actors`` (IRIs), read from ``store``. ``labels`` names speakers the
    entity catalogue does not (for instance nodes of the projection)."""
    labels = dict(labels or {})
    found: dict[str, dict[str, set[str]]] = {a: {r: set() for r in ROLES} for a in actors}
    roles = _query("actor-statements")
    if ACTOR_PLACEHOLDER not in roles:
        raise KgError(f"queries/view/actor-statements.rq must hold {ACTOR_PLACEHOLDER} in each branch")
    for chunk in _chunks(actors):
        values = _values("actor", chunk)
        if not values:
            continue
        for row in store.query(roles.replace(ACTOR_PLACEHOLDER, values)).rows:
            found[row["actor"].value][row["role"].value].add(row["statement"].value)

    panel = Panel()
    index: dict[str, int] = {}
    articles: dict[str, int] = {}
    answers: dict[int, str] = {}
    kinds: list[str] = []  # of each statement, by number
    speakers: dict[str, str | None] = {}

    def read(statements: list[str]) -> None:
        for row in _rows(store, _query("statement-details"), "statement", statements):
            iri = row["statement"].value
            if iri in index:
                continue
            article = row["article"].value
            articles.setdefault(article, len(articles))
            speaker = _value(row, "speaker")
            index[iri] = n = len(panel.statements)
            kinds.append(row["kind"].value)
            speakers[iri] = speaker
            panel.statements.append(
                {
                    "kind": KIND_WORDS.get(row["kind"].value, row["kind"].value),
                    "cue": _value(row, "cue") or "",
                    "text": row["content"].value,
                    "quote": _value(row, "quote") in ("true", "1"),
                    "by": _value(row, "speakerLabel") or labels.get(speaker or "") or _value(row, "speakerText") or "",
                    "speaker": speaker,
                    "article": articles[article],
                    "begin": int(_value(row, "begin") or 0),
                    "answers": None,
                }
            )
            if "answered" in row:
                answers[n] = row["answered"].value

    read(sorted({s for sections in found.values() for group in sections.values() for s in group}))
    read(sorted({iri for iri in answers.values() if iri not in index}))
    for n, iri in answers.items():
        panel.statements[n]["answers"] = index.get(iri)
    panel.articles = [{"title": "", "date": "", "url": "", "publisher": "", "id": iri} for iri in articles]
    for row in _rows(store, _query("article-details"), "article", list(articles)):
        entry = panel.articles[articles[row["article"].value]]
        entry.update(
            title=_value(row, "headline") or entry["title"],
            date=(_value(row, "published") or "")[:10] or entry["date"],
            url=_value(row, "url") or entry["url"],
            publisher=_value(row, "publisher") or entry["publisher"],
        )

    def order(n: int) -> tuple:
        s = panel.statements[n]
        article = panel.articles[s["article"]]
        return (article["date"], article["id"], s["begin"])

    for actor, sections in found.items():
        said = {index[s] for s in sections["said"] if s in index}
        # a statement about the actor that the actor makes is what it said
        about = {index[s] for s in sections["about"] | sections["answered"] if s in index and speakers[s] != actor}
        denials = {n for n in said | about if kinds[n] == "denial"}
        if not (said or about):
            continue
        chosen = {"said": said, "about": about, "denials": denials}
        entry: dict[str, list[int] | dict[str, int]] = {
            key: sorted(group, key=order)[:MAX_PER_SECTION] for key, group in chosen.items()
        }
        entry["total"] = {key: len(group) for key, group in chosen.items()}
        panel.actors[actor] = entry
    for s in panel.statements:
        del s["begin"]
    return panel
