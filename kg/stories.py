"""Stories across articles: one real-world event, one claim, many reports.

Derived from the article graphs into a graph of its own (``kgd:graph/stories``), so article graphs
stay untouched. Kept up to date incrementally: after an ingest only the changed articles' events
and statements are compared with *candidates* found through indexes (same type and a shared
participant or place; a shared speaker; a shared named entity), never with the whole store. The
result does not depend on the order articles arrived in: the canonical events are the connected
components of the scored links, named after their smallest member.

Canonical events. Two typed events from different articles are candidates when they have the same
type and share a participant or a place; they link when their times are compatible (one
normalised time contains the other; an event without a time takes its article's publication date,
compatible within ``DAYS_APART`` days), their places do not conflict (two named places of which
neither name contains the other) and their score is at least ``THRESHOLD``:

    0.35 same type + 0.25 time (same day 1, containing interval 0.6, from publication dates 0.4)
    + 0.25 participant overlap (Jaccard) + 0.15 same place + 0.10 same trigger lemma

Every link is kept with its score and evidence. Corrections recorded with ``kg merge``/``kg split``
(graph ``kgd:graph/corrections``) add must-links between events or keep an event on its own.

Only what an article itself asserts is a fact: canonical events are made of asserted events
(``kg:asserted true``) alone. A typed event an article does not assert (alleged, feared, planned,
negated, or told as someone's word) is a *report*: when it scores as the same event as an asserted
event of another article (the same pair score and threshold), it ``kg:reportsOn`` that event's story,
with the link kept as evidence, but it is never a member, so its participants, time and figures
never become the story's. A report attaches to the story of the asserted event it scores best with
(highest score, then smallest IRI), so the result again does not depend on arrival order. Reports
are indexed like members, so that a new asserted event finds the stored reports it may take over;
a report is looked at again when the story it reports on is recomputed or a new asserted event
meets it in the index.

Claims. Statements of one speaker in different articles whose content words overlap with Jaccard
at least ``CLAIM_SIMILARITY`` are one claim. A denial, rejection or criticism answers a claim,
finding or accusation of another speaker in another article when the two share a named actor (one
names the other's speaker, or both name the same actor) and their contents share at least two
content words, or when it is about a report of the other's speaker.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from kg.catalog import changed_since, record_taken, run_updates
from kg.clusters import UnionFind
from kg.model import EVENT_TYPES
from kg.rdf.namespaces import DATA_NS, KG_NS
from kg.store import Store
from kg.store.base import Term
from kg.store.binding import literal

STORIES_GRAPH = f"{DATA_NS}graph/stories"
CORRECTIONS_GRAPH = f"{DATA_NS}graph/corrections"
THRESHOLD = 0.6
DAYS_APART = 7
CLAIM_SIMILARITY = 0.5
STOPWORDS = frozenset(
    "the a an of to in on at for and or but that this with by from as is was were be been has have had it its "
    "their they he she his her said says not no than more".split()
)
_CHUNK = 300
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_ARTICLE = re.compile(r"[?]a\b")  # the article variable of the queries below, named as a constant per graph


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
    asserted: bool = True  # told by the article as a fact (kg:asserted); else a report, never a story member


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


def places_conflict(a: str | None, b: str | None) -> bool:
    """Two named places that are not the same and where neither name contains the other ("Gaza" and
    "Gaza Strip", "Chile" and "northern Chile" agree; "Gaza" and "Kfar Aza" do not): two attacks by
    one actor on one day in different places are two events."""
    if not a or not b or a == b:
        return False
    words_a, words_b = (set(x.rsplit("/", 1)[-1].split("-")) for x in (a, b))
    return not (words_a <= words_b or words_b <= words_a)


def pair_score(a: EventRecord, b: EventRecord) -> tuple[float, list[str]]:
    if a.type != b.type or a.article == b.article:
        return 0.0, []
    timing = _time_score(a, b)
    shared = a.participants & b.participants
    same_place = bool(a.place and a.place == b.place)
    if timing is None or not (shared or same_place) or places_conflict(a.place, b.place):
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


def _chunks(items: Iterable[str], size: int = _CHUNK) -> Iterable[str]:
    items = sorted(items)
    for i in range(0, len(items), size):
        yield " ".join(f"<{x}>" for x in items[i : i + size])


# ---------------------------------------------------------------------------------------- reading


def _event_records(store: Store, *, graphs: Iterable[str] = (), events: Iterable[str] = ()) -> list[EventRecord]:
    """Typed events of the given article graphs, or the given events, with what scoring needs and
    whether the article asserts them."""
    types = ", ".join(f"kg:{t}" for t in EVENT_TYPES)
    records: dict[str, EventRecord] = {}
    body = f"""?e kg:trigger ?trigger ; a ?type ; kg:asserted ?isFact ; kg:mention ?m . ?m kg:inArticle ?a .
                FILTER(?type IN ({types}))
                OPTIONAL {{ ?e kg:time ?time }}
                OPTIONAL {{ ?a schema:datePublished ?published }}
                OPTIONAL {{ ?e sem:hasPlace ?place }}
                OPTIONAL {{ ?e sem:hasActor ?who }}"""
    # one query per article graph, named as a constant: Oxigraph plans GRAPH ?a with OPTIONALs badly
    selections = [f"BIND(<{g}> AS ?a) GRAPH <{g}> {{ {_ARTICLE.sub(f'<{g}>', body)} }}" for g in sorted(graphs)]
    selections += [f"VALUES ?e {{ {v} }} {body}" for v in _chunks(events)]
    for selection in selections:
        rows = store.query(
            f"SELECT ?e ?a ?type ?trigger ?isFact ?time ?published ?place ?who WHERE {{ {selection} }}"
        ).rows
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
                    asserted=r["isFact"].value == "true",
                )
            if "who" in r:
                rec.participants.add(r["who"].value)
    return sorted(records.values(), key=lambda e: e.iri)


def _when(time: str | None, published: str | None) -> tuple[str, int] | None:
    """The date bucket an event is indexed under: weeks of ``DAYS_APART`` days from its time (else its
    article's date); a time of only a year or month is "coarse" and meets every week."""
    if time and len(time) < 10:
        return ("coarse", 0)
    day = _day(time or published)
    return ("week", day.toordinal() // DAYS_APART) if day else None


def _meets(a: tuple[str, int] | None, b: tuple[str, int] | None) -> bool:
    """Whether events in these buckets can have compatible times (a superset of :func:`_time_score`)."""
    if a is None or b is None:
        return False
    return a[0] == "coarse" or b[0] == "coarse" or abs(a[1] - b[1]) <= 1


def _keys(e: EventRecord) -> set[tuple[str, str]]:
    return {(e.type, who) for who in e.participants | ({e.place} if e.place else set())}


def _block_keys(e: EventRecord) -> list[str]:
    """The index keys a story member is stored under: type, participant or place, date bucket."""
    when = _when(e.time, e.published)
    if when is None:
        return []
    return sorted(f"{t} {who} {when[0]}{when[1]}" for t, who in _keys(e))


def _candidates(store: Store, new: list[EventRecord], exclude: set[str]) -> set[str]:
    """Stored events that could be the same as a new one, looked up by index key (``kg:blockKey``
    in the stories graph): same type, a shared participant or place, and a date bucket that meets
    the new event's (the same or a neighbouring week, or a coarse time). Only a new event with a
    coarse time (a year, a month) looks at every bucket of its type and participant."""
    keys: set[str] = set()
    coarse: set[tuple[str, str]] = set()
    for e in new:
        when = _when(e.time, e.published)
        if when is None:
            continue
        for t, who in _keys(e):
            if when[0] == "coarse":
                coarse.add((t, who))
                continue
            keys |= {f"{t} {who} week{w}" for w in (when[1] - 1, when[1], when[1] + 1)} | {f"{t} {who} coarse0"}
    found: set[str] = set()
    ordered = sorted(keys)
    for i in range(0, len(ordered), _CHUNK):
        values = " ".join(literal(k) for k in ordered[i : i + _CHUNK])
        rows = store.query(
            f"SELECT DISTINCT ?e WHERE {{ VALUES ?k {{ {values} }} GRAPH <{STORIES_GRAPH}> {{ ?e kg:blockKey ?k }} }}"
        ).rows
        found.update(r["e"].value for r in rows)
    for t, who in sorted(coarse):
        rows = store.query(
            f"SELECT DISTINCT ?e WHERE {{ GRAPH <{STORIES_GRAPH}> {{ ?e kg:blockKey ?k }} "
            f"FILTER(STRSTARTS(?k, {literal(f'{t} {who} ')})) }}"
        ).rows
        found.update(r["e"].value for r in rows)
    return {e for e in found if e.split("/event/", 1)[0] not in exclude}


def _stored(store: Store, query: str, values: Iterable[str]) -> list[dict[str, Term]]:
    out = []
    for v in _chunks(values):
        out += store.query(query.replace("$VALUES", v)).rows
    return out


def _corrections(store: Store) -> tuple[list[tuple[str, str]], set[str]]:
    """Recorded event corrections: pairs that must be one story, and events kept on their own."""
    rows = store.query(
        f"""SELECT ?c ?kind ?e WHERE {{ GRAPH <{CORRECTIONS_GRAPH}> {{
          ?c a ?kind ; kg:correctedEvent ?e . VALUES ?kind {{ kg:EventMerge kg:EventSplit }} }} }}"""
    ).rows
    merges: dict[str, list[str]] = defaultdict(list)
    alone = set()
    for r in rows:
        if r["kind"].value.endswith("EventMerge"):
            merges[r["c"].value].append(r["e"].value)
        else:
            alone.add(r["e"].value)
    pairs = [tuple(sorted(v)[:2]) for v in merges.values() if len(v) == 2]
    return [p for p in pairs if not set(p) & alone], alone


# ---------------------------------------------------------------------------------------- events


def story_iri(members: Iterable[str]) -> str:
    return f"{DATA_NS}story/event/{hashlib.sha1(min(members).encode()).hexdigest()[:16]}"


def _link_iri(a: str, b: str) -> str:
    return f"{DATA_NS}story/link/{hashlib.sha1(f'{a} {b}'.encode()).hexdigest()[:16]}"


def _score_new(new: list[EventRecord], others: list[EventRecord], alone: set[str]) -> dict:
    """Links of each new event to the others (new ones included) that meet it in the index."""
    by_key: dict[tuple[str, str], dict[tuple[str, int], list[EventRecord]]] = defaultdict(lambda: defaultdict(list))
    for e in others:
        when = _when(e.time, e.published)
        if when is not None:
            for key in _keys(e):
                by_key[key][when].append(e)
    links: dict[tuple[str, str], tuple[float, str]] = {}
    for e in new:
        when = _when(e.time, e.published)
        if e.iri in alone or when is None:
            continue
        seen = set()
        for key in _keys(e):
            nearby = (other for bucket, group in by_key[key].items() if _meets(when, bucket) for other in group)
            for other in nearby:
                if other.iri == e.iri or other.iri in seen or other.iri in alone:
                    continue
                seen.add(other.iri)
                score, evidence = pair_score(e, other)
                if score >= THRESHOLD:
                    links[tuple(sorted((e.iri, other.iri)))] = (score, "; ".join(evidence))
    return links


def _report_links(reports: list[EventRecord], asserted: list[EventRecord], alone: set[str]) -> dict:
    """For each report (an event its article does not assert), the asserted event of another article it
    scores best with, as (event, score, evidence): highest score, then smallest IRI, so the choice does
    not depend on the order articles arrived in."""
    report_iris = {r.iri for r in reports}
    best: dict[str, tuple] = {}
    for pair, (score, evidence) in _score_new(reports, asserted, alone).items():
        r, a = pair if pair[0] in report_iris else pair[::-1]
        if r in report_iris and a not in report_iris and (r not in best or (-score, a) < best[r][0]):
            best[r] = ((-score, a), a, score, evidence)
    return {r: (a, score, evidence) for r, (_, a, score, evidence) in best.items()}


def _update_events(store: Store, changed: list[str]) -> dict[str, int]:
    st = STORIES_GRAPH
    changed_set = set(changed)
    read = _event_records(store, graphs=changed)
    new = [e for e in read if e.asserted]  # only what an article asserts makes a story
    new_reports = [e for e in read if not e.asserted]  # the others may report on one
    new_iris = {e.iri for e in new}
    must, alone = _corrections(store)
    # 1. score the new events against the candidates the index gives (reports are indexed too: they are
    #    looked at again below, as a new asserted event may be what they report on)
    found = _event_records(store, events=_candidates(store, new, changed_set))
    candidates = {e.iri: e for e in found if e.asserted}
    met_reports = {e.iri for e in found if not e.asserted}
    links = _score_new(new, new + list(candidates.values()), alone)
    # 2. the stories that change: those of the changed articles' former events, of linked
    #    candidates, and of correction partners; their members and stored links are read
    former = _stored(
        store, f"SELECT ?e WHERE {{ VALUES ?a {{ $VALUES }} GRAPH <{st}> {{ ?a kg:storyEvent ?e }} }}", changed
    )
    linked = {x for pair in links for x in pair} - new_iris
    partners = {x for pair in must for x in pair if set(pair) & (new_iris | linked)}
    seeds = {r["e"].value for r in former} | linked | (partners - new_iris)
    canon = {
        r["c"].value
        for r in _stored(
            store, f"SELECT ?c WHERE {{ VALUES ?e {{ $VALUES }} GRAPH <{st}> {{ ?e kg:canonicalEvent ?c }} }}", seeds
        )
    }
    old_groups: dict[str, set[str]] = defaultdict(set)
    for r in _stored(
        store, f"SELECT ?e ?c WHERE {{ VALUES ?c {{ $VALUES }} GRAPH <{st}> {{ ?e kg:canonicalEvent ?c }} }}", canon
    ):
        old_groups[r["c"].value].add(r["e"].value)
    members = {e for group in old_groups.values() for e in group}
    old = {e for e in members | seeds if e.split("/event/", 1)[0] not in changed_set}
    records = {e.iri: e for e in new}
    records.update({k: v for k, v in candidates.items() if k in old})
    records.update({e.iri: e for e in _event_records(store, events=old - set(records)) if e.asserted})
    # links among the old members stay as stored
    stored_links = _stored(
        store,
        f"""SELECT ?l ?a ?b ?score ?evidence WHERE {{ VALUES ?a {{ $VALUES }} GRAPH <{st}> {{
          ?l kg:linkedEvent ?a , ?b ; kg:linkScore ?score ; kg:evidence ?evidence . FILTER(STR(?a) < STR(?b)) }} }}""",
        old,
    )
    for r in stored_links:
        a, b = r["a"].value, r["b"].value
        if a in records and b in records and not {a, b} & (alone | new_iris):  # new events were scored afresh
            links.setdefault((a, b), (float(r["score"].value), r["evidence"].value))
    for a, b in must:
        if a in records and b in records:
            links[(a, b)] = (1.0, "merged by a correction")
    groups = UnionFind(records)
    for a, b in links:
        groups.union(a, b)
    clusters = groups.groups()
    # a story whose members are exactly as before, none of them new, stays as stored; the others
    # are replaced with the recomputed ones
    before = {frozenset(g) for g in old_groups.values()}
    kept = {x for g in clusters.values() if frozenset(g) in before and not set(g) & new_iris for x in g}
    clusters = {root: g for root, g in clusters.items() if not set(g) <= kept}
    links = {pair: v for pair, v in links.items() if pair[0] not in kept}
    canon -= {c for c, g in old_groups.items() if g <= kept}
    # 3. reports: the changed articles' own, those on the stories replaced, and those a new asserted
    #    event meets in the index; each attaches to the story of the asserted event it scores best with
    again = _reports_on(store, canon) | met_reports
    story_of = {m: story_iri(g) for g in clusters.values() for m in g}
    reports, attached = _attach_reports(store, changed_set, read, again, story_of, alone, must)
    touched = (set(records) | {r["e"].value for r in former}) - kept
    ops = [f"DELETE WHERE {{ GRAPH <{st}> {{ <{c}> ?p ?o }} }}" for c in sorted(canon)]
    for e in sorted(touched):
        ops += [
            f"DELETE WHERE {{ GRAPH <{st}> {{ <{e}> kg:blockKey ?k }} }}",
            f"DELETE WHERE {{ GRAPH <{st}> {{ <{e}> kg:canonicalEvent ?c }} }}",
            f"DELETE WHERE {{ GRAPH <{st}> {{ <{e}> kg:reportsOn ?c }} }}",
            f"DELETE WHERE {{ GRAPH <{st}> {{ ?l kg:linkedEvent <{e}> ; ?p ?o }} }}",
        ]
    for e in sorted(reports - touched):  # reports of unchanged articles keep their index keys
        ops += [
            f"DELETE WHERE {{ GRAPH <{st}> {{ <{e}> kg:reportsOn ?c }} }}",
            f"DELETE WHERE {{ GRAPH <{st}> {{ ?l kg:linkedEvent <{e}> ; ?p ?o }} }}",
        ]
    ops += [f"DELETE WHERE {{ GRAPH <{st}> {{ <{a}> kg:storyEvent ?e }} }}" for a in changed]
    run_updates(store, ops)
    lines = []
    kg = KG_NS
    for group in clusters.values():
        group = sorted(group)
        iri = story_iri(group)
        recs = [records[g] for g in group]
        first = recs[0]
        articles = {m.article for m in recs}
        dates = sorted(m.published for m in recs if m.published)
        times = sorted(m.time for m in recs if m.time)
        lines += [
            f"<{iri}> <{_RDF_TYPE}> <{kg}CanonicalEvent> .",
            f"<{iri}> <{kg}eventType> <{kg}{first.type}> .",
            f"<{iri}> <{_LABEL}> {literal(first.type + ': ' + first.trigger)} .",
            f"<{iri}> <{kg}articleCount> {literal(str(len(articles)), _XSD + 'integer')} .",
        ]
        if times:
            lines.append(f"<{iri}> <{kg}time> {literal(times[0])} .")
        if dates:
            lines += [
                f"<{iri}> <{kg}firstReported> {literal(dates[0])} .",
                f"<{iri}> <{kg}lastReported> {literal(dates[-1])} .",
            ]
        lines += [f"<{m}> <{kg}canonicalEvent> <{iri}> ." for m in group]
        lines += [f"<{m.iri}> <{kg}blockKey> {literal(k)} ." for m in recs for k in _block_keys(m)]
    for report, (story, event, score, evidence) in sorted(attached.items()):
        links[tuple(sorted((report, event)))] = (score, evidence)
        lines.append(f"<{report}> <{kg}reportsOn> <{story}> .")
    lines += [f"<{r.iri}> <{kg}blockKey> {literal(k)} ." for r in new_reports for k in _block_keys(r)]
    for (a, b), (score, evidence) in sorted(links.items()):
        node = _link_iri(a, b)
        lines += [
            f"<{node}> <{_RDF_TYPE}> <{kg}EventLink> .",
            f"<{node}> <{kg}linkedEvent> <{a}> .",
            f"<{node}> <{kg}linkedEvent> <{b}> .",
            f"<{node}> <{kg}linkScore> {literal(str(score), _XSD + 'decimal')} .",
            f"<{node}> <{kg}evidence> {literal(evidence)} .",
        ]
    lines += [f"<{e.article}> <{kg}storyEvent> <{e.iri}> ." for e in new + new_reports]
    if lines:
        store.update(f"INSERT DATA {{ GRAPH <{st}> {{\n" + "\n".join(lines) + "\n} }")
    return {
        "events compared": len(new),
        "candidates": len(candidates),
        "stories touched": len(clusters),
        "linked across articles": sum(1 for g in clusters.values() if len({records[x].article for x in g}) > 1),
        "reports attached": len(attached),
    }


def _reports_on(store: Store, stories: Iterable[str]) -> set[str]:
    """The stored reports of these stories."""
    query = f"SELECT ?r WHERE {{ VALUES ?c {{ $VALUES }} GRAPH <{STORIES_GRAPH}> {{ ?r kg:reportsOn ?c }} }}"
    return {r["r"].value for r in _stored(store, query, stories)}


def _attach_reports(
    store: Store,
    changed: set[str],
    read: list[EventRecord],
    again: set[str],
    story_of: dict[str, str],
    alone: set[str],
    must: list[tuple[str, str]],
) -> tuple[set[str], dict[str, tuple[str, str, float, str]]]:
    """The reports placed (the changed articles' ones, in ``read``, and the stored ones to look at
    ``again``), and where each goes: report -> (story, asserted event, score, evidence). Each is scored
    against every asserted event the index gives for it and the changed articles' asserted events;
    a ``kg merge`` with an asserted event decides instead. ``story_of`` holds the recomputed stories'
    members; the story of any other asserted event is read as stored."""
    again = {r for r in again if r.split("/event/", 1)[0] not in changed}
    reports = [e for e in read if not e.asserted] + [e for e in _event_records(store, events=again) if not e.asserted]
    if not reports:
        return set(), {}
    pool = [e for e in read if e.asserted]
    pool += [e for e in _event_records(store, events=_candidates(store, reports, changed)) if e.asserted]
    best = _report_links(reports, pool, alone)
    report_iris = {r.iri for r in reports}
    for a, b in must:  # a correction puts a report with the asserted event it was merged with
        for r, other in ((a, b), (b, a)):
            if r in report_iris and other not in report_iris:
                best[r] = (other, 1.0, "merged by a correction")
    story_of = dict(story_of)
    rest = {a for a, _, _ in best.values()} - set(story_of)
    query = f"SELECT ?e ?c WHERE {{ VALUES ?e {{ $VALUES }} GRAPH <{STORIES_GRAPH}> {{ ?e kg:canonicalEvent ?c }} }}"
    story_of.update({r["e"].value: r["c"].value for r in _stored(store, query, rest)})
    return report_iris, {r: (story_of[a], a, score, why) for r, (a, score, why) in best.items() if a in story_of}


# ---------------------------------------------------------------------------------------- claims


def claim_words(text: str) -> set[str]:
    """The content words claims are compared by."""
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOPWORDS and len(w) > 2}


def same_claim(a: set[str], b: set[str]) -> bool:
    """Two contents say the same thing: their content words overlap with Jaccard >= CLAIM_SIMILARITY."""
    return bool(a and b) and len(a & b) / len(a | b) >= CLAIM_SIMILARITY


_STATEMENT = """?s kg:kind ?kind ; kg:content ?content ; kg:cueMention ?m . ?m kg:inArticle ?a .
            OPTIONAL { ?s kg:speaker ?speaker }
            OPTIONAL { ?s <https://schema.org/mentions> ?named }
            OPTIONAL { ?s kg:about ?report . ?report kg:author ?reportAuthor }"""


def _statements(store: Store, *, graphs: Iterable[str] = (), statements: Iterable[str] = ()) -> dict[str, dict]:
    found: dict[str, dict] = {}
    # per article graph, named as a constant (see _event_records); statements by IRI over all graphs
    selections = [f"BIND(<{g}> AS ?a) GRAPH <{g}> {{ {_STATEMENT.replace('?a', f'<{g}>')} }}" for g in sorted(graphs)]
    selections += [f"VALUES ?s {{ {v} }} {_STATEMENT}" for v in _chunks(statements)]
    for selection in selections:
        rows = store.query(f"SELECT ?s ?a ?speaker ?kind ?content ?named ?reportAuthor WHERE {{ {selection} }}").rows
        for r in rows:
            s = found.setdefault(
                r["s"].value,
                {
                    "iri": r["s"].value,
                    "article": r["a"].value,
                    "speaker": r["speaker"].value if "speaker" in r else None,
                    "kind": r["kind"].value,
                    "words": claim_words(r["content"].value),
                    "named": set(),
                    "about_author": r["reportAuthor"].value if "reportAuthor" in r else None,
                },
            )
            if "named" in r:
                s["named"].add(r["named"].value)
    return found


def _related(store: Store, new: dict[str, dict], changed: set[str]) -> set[str]:
    """Stored statements that could form a claim with, or answer, a new one: same speaker, or a shared actor."""
    actors = set()
    for s in new.values():
        actors |= s["named"] | ({s["speaker"]} if s["speaker"] else set()) | ({s["about_author"]} - {None})
    found = set()
    for v in _chunks(actors):
        for path in ("kg:speaker", "<https://schema.org/mentions>", "kg:about/kg:author"):
            rows = store.query(f"SELECT DISTINCT ?s WHERE {{ VALUES ?x {{ {v} }} ?s {path} ?x ; kg:kind ?k }}").rows
            found.update(r["s"].value for r in rows)
    return {s for s in found if s.split("/statement/", 1)[0] not in changed}


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
                if b["article"] != a["article"] and b["iri"] not in used and same_claim(a["words"], b["words"]):
                    group.append(b["iri"])
            if len(group) > 1:
                used.update(group)
                claims[f"{DATA_NS}story/claim/{hashlib.sha1(group[0].encode()).hexdigest()[:16]}"] = group
    responses = []
    claims_by_actor: dict[str, list[dict]] = defaultdict(list)
    for c in statements:
        if c["kind"] in {"claim", "finding", "accusation"}:
            for actor in c["named"] | ({c["speaker"]} if c["speaker"] else set()):
                claims_by_actor[actor].append(c)
    for d in statements:
        if d["kind"] not in {"denial", "criticism"}:
            continue
        seen = set()
        for actor in d["named"] | ({d["speaker"]} if d["speaker"] else set()) | ({d["about_author"]} - {None}):
            for c in claims_by_actor[actor]:
                if c["iri"] in seen or c["article"] == d["article"] or c["speaker"] == d["speaker"]:
                    continue
                seen.add(c["iri"])
                by_report = d["about_author"] is not None and d["about_author"] == c["speaker"]
                if by_report or len(d["words"] & c["words"]) >= 2:
                    responses.append((d["iri"], c["iri"]))
    return claims, sorted(responses)


def _update_claims(store: Store, changed: list[str]) -> dict[str, int]:
    st = STORIES_GRAPH
    changed_set = set(changed)
    new = _statements(store, graphs=changed)
    related = _related(store, new, changed_set)
    # speakers whose claims are recomputed: of the new statements, and of the changed articles' former ones
    # the changed articles' statements the stories graph holds (found by their IRIs, which start with the article's)
    held = store.query(
        f"""SELECT ?s ?sp WHERE {{ GRAPH <{st}> {{
          {{ ?c kg:claimStatement ?s ; kg:claimSpeaker ?sp }}
          UNION {{ ?s kg:respondsTo ?x }} UNION {{ ?x kg:respondsTo ?s }}
        }} }}"""
    ).rows
    former = [r for r in held if r["s"].value.split("/statement/", 1)[0] in changed_set]
    speakers = {s["speaker"] for s in new.values() if s["speaker"]} | {r["sp"].value for r in former if "sp" in r}
    old_claims = _stored(
        store,
        f"SELECT DISTINCT ?c ?x WHERE {{ VALUES ?sp {{ $VALUES }} "
        f"GRAPH <{st}> {{ ?c kg:claimSpeaker ?sp ; kg:claimStatement ?x }} }}",
        speakers,
    )
    same_speaker = {r["x"].value for r in old_claims}
    all_statements = dict(new)
    all_statements.update(_statements(store, statements=(related | same_speaker) - set(new)))
    claims, responses = claims_and_responses(list(all_statements.values()))
    claims = {c: m for c, m in claims.items() if all_statements[m[0]]["speaker"] in speakers}
    responses = [(d, c) for d, c in responses if d in new or c in new]
    # remove the former claims of these speakers and the former responses of the changed articles
    stale = {r["c"].value for r in old_claims}
    touched = {r["s"].value for r in former} | set(new)
    ops = [f"DELETE WHERE {{ GRAPH <{st}> {{ <{c}> ?p ?o }} }}" for c in sorted(stale)]
    for d in sorted(touched):
        ops += [
            f"DELETE WHERE {{ GRAPH <{st}> {{ <{d}> kg:respondsTo ?x }} }}",
            f"DELETE WHERE {{ GRAPH <{st}> {{ ?y kg:respondsTo <{d}> }} }}",
        ]
    run_updates(store, ops)
    kg = KG_NS
    lines = []
    for iri, group in claims.items():
        lines.append(f"<{iri}> <{_RDF_TYPE}> <{kg}Claim> .")
        lines.append(f"<{iri}> <{kg}claimSpeaker> <{all_statements[group[0]]['speaker']}> .")
        lines += [f"<{iri}> <{kg}claimStatement> <{s}> ." for s in group]
    lines += [f"<{d}> <{kg}respondsTo> <{c}> ." for d, c in responses]
    if lines:
        store.update(f"INSERT DATA {{ GRAPH <{st}> {{\n" + "\n".join(lines) + "\n} }")
    return {"claims": len(claims), "responses across articles": len(responses)}


# ---------------------------------------------------------------------------------------- entry points


def sync_stories(store: Store, written: list[str] | None = None) -> dict[str, int]:
    """Bring the stories graph up to date with the article graphs (a no-op when nothing changed);
    ``written``: the only article graphs changed since the last sync, when the caller knows them."""
    changed = changed_since(store, STORIES_GRAPH) if written is None else sorted(written)
    if not changed:
        return {}
    counts = {"articles": len(changed)}
    counts |= _update_events(store, changed)
    counts |= _update_claims(store, changed)
    record_taken(store, STORIES_GRAPH, changed)
    return counts


def story_counts(store: Store) -> dict[str, int]:
    """What the stories graph holds now."""
    row = store.query(
        f"""SELECT (COUNT(DISTINCT ?c) AS ?canonical) (COUNT(DISTINCT ?multi) AS ?linked)
                  (COUNT(DISTINCT ?report) AS ?reports)
                  (COUNT(DISTINCT ?claim) AS ?claims) (COUNT(DISTINCT ?r) AS ?responses) WHERE {{
          GRAPH <{STORIES_GRAPH}> {{
            {{ ?c a kg:CanonicalEvent OPTIONAL {{ ?c kg:articleCount ?n FILTER(?n > 1) BIND(?c AS ?multi) }} }}
            UNION {{ ?report kg:reportsOn ?story }}
            UNION {{ ?claim a kg:Claim }} UNION {{ ?r kg:respondsTo ?x }}
          }} }}"""
    ).rows[0]
    return {
        "canonical events": int(row["canonical"].value),
        "linked across articles": int(row["linked"].value),
        "reports not asserted": int(row["reports"].value),
        "claims": int(row["claims"].value),
        "statements answering another article": int(row["responses"].value),
    }


def rebuild_stories(store: Store) -> dict[str, int]:
    """Recompute the stories graph from every article graph (after changing the scoring, say)."""
    store.update(f"DROP SILENT GRAPH <{STORIES_GRAPH}>")
    return sync_stories(store)
