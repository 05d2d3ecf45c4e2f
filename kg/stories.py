"""Stories across articles: one real-world event, one claim, many reports.

Recomputed from the article graphs into a graph of its own (``kgd:graph/stories``), so article
graphs stay untouched and the result does not depend on the order articles arrived in.

Canonical events. Two typed events from different articles are candidates when they have the same
type, compatible times (one normalised time contains the other; an event without a time takes its
article's publication date, compatible within ``DAYS_APART`` days) and share a participant or a
place. Their score is the documented sum

    0.35 same type + 0.25 time (same day 1, containing interval 0.6, from publication dates 0.4)
    + 0.25 participant overlap (Jaccard) + 0.15 same place + 0.10 same trigger lemma

and pairs scoring at least ``THRESHOLD`` are linked; canonical events are the connected
components, each link kept with its score and evidence.

Claims. Statements of one speaker in different articles whose content words overlap with Jaccard
at least ``CLAIM_SIMILARITY`` are one claim. A denial, rejection or criticism answers a claim,
finding or accusation of another speaker in another article when their content shares at least
two content words or it names the other speaker's report.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from kg.clusters import UnionFind
from kg.rdf.namespaces import DATA_NS, KG_NS
from kg.store import Store

STORIES_GRAPH = f"{DATA_NS}graph/stories"
THRESHOLD = 0.6
DAYS_APART = 7
CLAIM_SIMILARITY = 0.5
STOPWORDS = frozenset(
    "the a an of to in on at for and or but that this with by from as is was were be been has have had it its "
    "their they he she his her said says not no than more".split()
)


@dataclass
class EventRecord:
    iri: str
    article: str
    type: str
    trigger: str
    time: str | None
    published: str | None
    place: str | None
    participants: set[str] = field(default_factory=set)


def _day(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _time_score(a: EventRecord, b: EventRecord) -> tuple[float, str] | None:
    """How well two events' times agree, or None when they conflict."""
    if a.time and b.time:
        if a.time == b.time:
            return 1.0, f"same time {a.time}"
        if a.time.startswith(b.time) or b.time.startswith(a.time):
            return 0.6, f"compatible times {a.time} / {b.time}"
        return None
    da, db = _day(a.time or a.published), _day(b.time or b.published)
    if da and db and abs((da - db).days) <= DAYS_APART:
        return 0.4, "reported within a week"
    return None


def pair_score(a: EventRecord, b: EventRecord) -> tuple[float, list[str]]:
    if a.type != b.type or a.article == b.article:
        return 0.0, []
    timing = _time_score(a, b)
    shared = a.participants & b.participants
    same_place = bool(a.place and a.place == b.place)
    if timing is None or not (shared or same_place):
        return 0.0, []
    score = 0.35 + 0.25 * timing[0]
    evidence = [f"same type {a.type}", timing[1]]
    if shared:
        score += 0.25 * len(shared) / len(a.participants | b.participants)
        evidence.append("shared participants " + ", ".join(sorted(x.rsplit("/", 1)[-1] for x in shared)))
    if same_place:
        score += 0.15
        evidence.append(f"same place {a.place.rsplit('/', 1)[-1]}")
    if a.trigger.lower() == b.trigger.lower():
        score += 0.10
        evidence.append(f"same trigger '{a.trigger.lower()}'")
    return round(score, 4), evidence


def _events(store: Store) -> list[EventRecord]:
    rows = store.query(
        """
        SELECT ?e ?a ?type ?trigger ?time ?published ?place ?who WHERE {
          ?e a kg:Event ; a ?type ; kg:trigger ?trigger ; kg:mention/kg:inArticle ?a .
          FILTER(?type NOT IN (kg:Event, kg:OtherEvent, kg:StatementEvent) && STRSTARTS(STR(?type), STR(kg:)))
          OPTIONAL { ?e kg:time ?time }
          OPTIONAL { ?a schema:datePublished ?published }
          OPTIONAL { ?e sem:hasPlace ?place }
          OPTIONAL { ?e kg:participation/kg:participant ?who }
        }"""
    ).rows
    records: dict[str, EventRecord] = {}
    for r in rows:
        iri = r["e"].value
        rec = records.get(iri)
        if rec is None:
            rec = records[iri] = EventRecord(
                iri,
                r["a"].value,
                r["type"].value.rsplit("#", 1)[-1],
                r["trigger"].value,
                r["time"].value if "time" in r else None,
                r["published"].value if "published" in r else None,
                r["place"].value if "place" in r else None,
            )
        if "who" in r:
            rec.participants.add(r["who"].value)
    return sorted(records.values(), key=lambda e: e.iri)


def canonical_events(events: list[EventRecord]) -> tuple[dict[str, list[EventRecord]], list[tuple]]:
    """Canonical id -> member events, and the scored links; candidates are blocked by type."""
    components = UnionFind(e.iri for e in events)
    links = []
    by_type: dict[str, list[EventRecord]] = defaultdict(list)
    for e in events:
        by_type[e.type].append(e)
    for block in by_type.values():
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                score, evidence = pair_score(a, b)
                if score >= THRESHOLD:
                    links.append((a.iri, b.iri, score, evidence))
                    components.union(a.iri, b.iri)
    clusters: dict[str, list[EventRecord]] = defaultdict(list)
    for e in events:
        clusters[components.find(e.iri)].append(e)
    canon = {f"{DATA_NS}story/event/{hashlib.sha1(root.encode()).hexdigest()[:16]}": m for root, m in clusters.items()}
    return canon, links


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOPWORDS and len(w) > 2}


def _statements(store: Store) -> list[dict]:
    rows = store.query(
        """
        SELECT ?s ?speaker ?kind ?content ?a ?report ?reportAuthor WHERE {
          ?s a kg:Statement ; kg:kind ?kind ; kg:content ?content ; kg:cueMention/kg:inArticle ?a .
          OPTIONAL { ?s kg:speaker ?speaker }
          OPTIONAL { ?s kg:about ?report . ?report kg:author ?reportAuthor }
        }"""
    ).rows
    return [
        {
            "iri": r["s"].value,
            "speaker": r["speaker"].value if "speaker" in r else None,
            "kind": r["kind"].value,
            "words": _words(r["content"].value),
            "article": r["a"].value,
            "about_author": r["reportAuthor"].value if "reportAuthor" in r else None,
        }
        for r in rows
    ]


def claims_and_responses(statements: list[dict]) -> tuple[dict[str, list[str]], list[tuple[str, str]]]:
    by_speaker: dict[str, list[dict]] = defaultdict(list)
    for s in statements:
        if s["speaker"]:
            by_speaker[s["speaker"]].append(s)
    claims: dict[str, list[str]] = {}
    for items in by_speaker.values():
        items.sort(key=lambda s: s["iri"])
        used: set[str] = set()
        for i, a in enumerate(items):
            if a["iri"] in used:
                continue
            group = [a["iri"]]
            for b in items[i + 1 :]:
                if b["article"] == a["article"] or b["iri"] in used or not a["words"] or not b["words"]:
                    continue
                if len(a["words"] & b["words"]) / len(a["words"] | b["words"]) >= CLAIM_SIMILARITY:
                    group.append(b["iri"])
            if len(group) > 1:
                used.update(group)
                claims[f"{DATA_NS}story/claim/{hashlib.sha1(group[0].encode()).hexdigest()[:16]}"] = group
    responses = []
    for d in statements:
        if d["kind"] not in {"denial", "criticism"}:
            continue
        for c in statements:
            if c["article"] == d["article"] or c["kind"] not in {"claim", "finding", "accusation"}:
                continue
            if c["speaker"] == d["speaker"]:
                continue
            if len(d["words"] & c["words"]) >= 2 or (d["about_author"] and d["about_author"] == c["speaker"]):
                responses.append((d["iri"], c["iri"]))
    return claims, responses


def rebuild_stories(store: Store) -> dict[str, int]:
    """Recompute the stories graph from every article graph; returns what it found."""
    events = _events(store)
    canon, links = canonical_events(events)
    statements = _statements(store)
    claims, responses = claims_and_responses(statements)
    kg = KG_NS
    lines = []

    def lit(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'

    member_of = {}
    for iri, members in canon.items():
        articles = {m.article for m in members}
        dates = sorted(m.published for m in members if m.published)
        times = sorted(m.time for m in members if m.time)
        lines.append(f"<{iri}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{kg}CanonicalEvent> .")
        lines.append(f"<{iri}> <{kg}eventType> <{kg}{members[0].type}> .")
        lines.append(
            f"<{iri}> <http://www.w3.org/2000/01/rdf-schema#label> {lit(members[0].type + ': ' + members[0].trigger)} ."
        )
        lines.append(f'<{iri}> <{kg}articleCount> "{len(articles)}"^^<http://www.w3.org/2001/XMLSchema#integer> .')
        if times:
            lines.append(f"<{iri}> <{kg}time> {lit(times[0])} .")
        if dates:
            lines.append(f"<{iri}> <{kg}firstReported> {lit(dates[0])} .")
            lines.append(f"<{iri}> <{kg}lastReported> {lit(dates[-1])} .")
        for m in members:
            lines.append(f"<{m.iri}> <{kg}canonicalEvent> <{iri}> .")
            member_of[m.iri] = iri
    for a, b, score, evidence in links:
        node = f"{DATA_NS}story/link/{hashlib.sha1(f'{a} {b}'.encode()).hexdigest()[:16]}"
        lines += [
            f"<{node}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{kg}EventLink> .",
            f"<{node}> <{kg}linkedEvent> <{a}> .",
            f"<{node}> <{kg}linkedEvent> <{b}> .",
            f'<{node}> <{kg}linkScore> "{score}"^^<http://www.w3.org/2001/XMLSchema#decimal> .',
            f"<{node}> <{kg}evidence> {lit('; '.join(evidence))} .",
        ]
    for iri, members in claims.items():
        lines.append(f"<{iri}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{kg}Claim> .")
        lines += [f"<{iri}> <{kg}claimStatement> <{s}> ." for s in members]
    lines += [f"<{d}> <{kg}respondsTo> <{c}> ." for d, c in responses]
    store.replace_graph(STORIES_GRAPH, "\n".join(lines))
    return {
        "events": len(events),
        "canonical events": len(canon),
        "linked across articles": sum(1 for m in canon.values() if len({e.article for e in m}) > 1),
        "claims": len(claims),
        "responses across articles": len(responses),
    }
