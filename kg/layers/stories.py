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

Undated articles. An event with neither a normalised time nor an article date is indexed in an
"undated" bucket that meets only undated events; its time adds nothing to the score.

Claims and answers (every link across articles says why it exists, in a ``kg:StatementLink`` with its
rule, score, shared words and evidence). Statements are compared by their *specific* content words
(see :class:`Rarity`: rare among the store's statements, weighed by IDF). Statements of one speaker in
different articles whose content words overlap with Jaccard at least ``CLAIM_SIMILARITY``, sharing
``MIN_SHARED`` specific words and at most ``WINDOW_DAYS`` apart (when dated), are one claim. A denial or
criticism answers a claim, finding or accusation of another speaker in another article only when it
names that speaker or is about that speaker's report, or both tell of events of one story; and they
share ``MIN_SHARED`` specific words; and it comes on or after the claim and, unless it names the
claimant, within the window (kept in the graph, ``kg stories --rebuild --window``). How this stays
equal to a rebuild as the word counts change: :func:`_update_claims`.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from kg.layers.base import changed_since, chunks, iri_values, record_taken, replace_triples, run_updates
from kg.layers.corrections import event_corrections
from kg.layers.sparql import (
    ANSWERS,
    ANSWERS_OF,
    ARTICLE_GRAPHS,
    ARTICLE_TERMS,
    CLAIM_MEMBERS,
    CLAIM_MEMBERS_SHARING,
    CLAIM_SPEAKERS,
    CLAIMS_OF_SPEAKERS,
    DROP_STORIES,
    ENTRIES,
    EVENT_ENTRIES,
    EVENT_LINK_ENTRIES,
    EVENT_LINKS,
    EVENT_RECORD_PART,
    EVENT_RECORDS,
    EVENTS_OF_ARTICLES,
    FOR_NODES_PART,
    FORGET_ARTICLE_TERMS,
    FORGET_ENTRY,
    FORGET_STATEMENT_COUNT,
    FORGET_WINDOW,
    IN_ARTICLE_PART,
    INDEXED_UNDER,
    INDEXED_UNDER_PREFIX,
    LINKED_STATEMENTS,
    LINKED_STATEMENTS_SHARING,
    LINKS_OF_EVENTS,
    LINKS_OF_STATEMENTS,
    MEMBERS_OF_STORIES,
    PRESENT_ARTICLES,
    REPORTS_OF_STORIES,
    SENTENCES,
    STATEMENT_LINKS,
    STATEMENT_PAIRS,
    STATEMENT_RECORD_PART,
    STATEMENT_RECORDS,
    STATEMENTS_OF_KINDS_WITH,
    STATEMENTS_OF_STORIES,
    STATEMENTS_TELLING_OF,
    STATEMENTS_WITH,
    STORIES_OF_EVENTS,
    STORIES_OF_STATEMENTS,
    STORY_COUNTS,
    STORY_EVENT_LINKS,
    STORY_OF_EVENTS,
    STORY_SETTINGS,
    STORY_STATEMENT_LINKS,
    TERM_COUNTS,
    WORD_COUNTS,
    render,
)
from kg.match import (
    ANSWER_KINDS,
    CLAIM_KINDS,
    CLAIM_RULE,
    DAYS_APART,
    THRESHOLD,
    WINDOW_DAYS,
    EventRecord,
    Rarity,
    UnionFind,
    answer_link,
    claim_link,
    claim_words,
    day,
    pair_score,
)
from kg.model import EVENT_TYPES
from kg.rdf.graphs import STORIES_GRAPH
from kg.rdf.namespaces import DATA_NS, KG, KG_NS, RDF_TYPE, RDFS_LABEL
from kg.rdf.ntriples import XSD_DECIMAL, XSD_INTEGER, insert_data, iri, literal, stored, triple
from kg.store import Store
from kg.store.base import Term

_CHUNK = 300
_CLAIM_KINDS = " ".join(literal(k) for k in sorted(CLAIM_KINDS))  # as a SPARQL VALUES list
_ANSWER_KINDS = " ".join(literal(k) for k in sorted(ANSWER_KINDS))


def _chunks(items: Iterable[str], size: int = _CHUNK) -> Iterable[str]:
    """The IRIs, sorted, as VALUES terms in parts of ``size``."""
    return (iri_values(chunk) for chunk in chunks(sorted(items), size))


# ---------------------------------------------------------------------------------------- reading


def _selections(body: str, var: str, graphs: Iterable[str], nodes: Iterable[str], **params: str) -> list[str]:
    """WHERE clauses reading the template ``body`` for the nodes of each article graph, with the
    article (``$article``) named as a constant (Oxigraph plans GRAPH ?a with OPTIONALs badly), and for
    given nodes (``?var``) over all graphs, in chunks."""
    selections = [
        render(IN_ARTICLE_PART, graph=g, body=render(body, article=f"<{g}>", **params)) for g in sorted(graphs)
    ]
    body = render(body, article="?a", **params)
    return selections + [render(FOR_NODES_PART, var=var, values=v, body=body) for v in _chunks(nodes)]


def _event_records(store: Store, *, graphs: Iterable[str] = (), events: Iterable[str] = ()) -> list[EventRecord]:
    """Typed events of the given article graphs, or the given events, with what scoring needs and
    whether the article asserts them."""
    types = ", ".join(f"kg:{t}" for t in EVENT_TYPES)
    records: dict[str, EventRecord] = {}
    for selection in _selections(EVENT_RECORD_PART, "e", graphs, events, types=types):
        rows = store.query(render(EVENT_RECORDS, selection=selection)).rows
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
    if not (time or published):
        return ("undated", 0)
    when = day(time or published)
    return ("week", when.toordinal() // DAYS_APART) if when else None


def _meets(a: tuple[str, int] | None, b: tuple[str, int] | None) -> bool:
    """Whether events in these buckets can have compatible times (a superset of :func:`_time_score`)."""
    if a is None or b is None:
        return False
    if "undated" in (a[0], b[0]):
        return a[0] == b[0]  # an event of an undated article meets only those of undated articles
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
            if when[0] == "undated":
                keys.add(f"{t} {who} undated0")
                continue
            keys |= {f"{t} {who} week{w}" for w in (when[1] - 1, when[1], when[1] + 1)} | {f"{t} {who} coarse0"}
    found: set[str] = set()
    ordered = sorted(keys)
    for i in range(0, len(ordered), _CHUNK):
        values = " ".join(literal(k) for k in ordered[i : i + _CHUNK])
        rows = store.query(render(INDEXED_UNDER, values=values)).rows
        found.update(r["e"].value for r in rows)
    for t, who in sorted(coarse):
        rows = store.query(render(INDEXED_UNDER_PREFIX, prefix=literal(f"{t} {who} "))).rows
        found.update(r["e"].value for r in rows)
    return {e for e in found if e.split("/event/", 1)[0] not in exclude}


def _stored(store: Store, template: str, values: Iterable[str], **params: str) -> list[dict[str, Term]]:
    """The rows of a query template for IRIs (``$values``), asked in chunks."""
    out = []
    for v in _chunks(values):
        out += store.query(render(template, values=v, **params)).rows
    return out


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


@dataclass
class _EventsChange:
    """What one sync works out for the events of the changed articles, before anything is written: the
    stories recomputed (``clusters`` over ``records``, with their ``links``), those that replace stored
    ones (``canon``), the reports placed, and the events whose stored entries go."""

    changed: list[str]
    new: list[EventRecord]
    new_reports: list[EventRecord]
    candidates: int
    records: dict[str, EventRecord]
    links: dict[tuple[str, str], tuple[float, str]]
    clusters: dict[str, list[str]]
    canon: set[str]
    touched: set[str]
    reports: set[str]
    attached: dict[str, tuple[str, str, float, str]]

    def counts(self) -> dict[str, int]:
        articles = [{self.records[x].article for x in g} for g in self.clusters.values()]
        return {
            "events compared": len(self.new),
            "candidates": self.candidates,
            "stories touched": len(self.clusters),
            "linked across articles": sum(1 for a in articles if len(a) > 1),
            "reports attached": len(self.attached),
        }

    def moved(self) -> set[str]:
        """Events whose story may have changed: statements about them are looked at again."""
        return self.touched | self.reports | {x for g in self.clusters.values() for x in g}


def _update_events(store: Store, changed: list[str]) -> tuple[dict[str, int], set[str]]:
    """Bring the event stories in line with the changed articles: recompute what they touch, delete
    the stored entries that change, write the new ones."""
    change = _recompute_events(store, changed)
    replace_triples(store, STORIES_GRAPH, _event_entries(store, change), set(_event_triples(change)))
    return change.counts(), change.moved()


def _recompute_events(store: Store, changed: list[str]) -> _EventsChange:
    """Read the changed articles' events, score them against the candidates the index gives, and
    cluster them with the stored stories they touch (read only)."""
    changed_set = set(changed)
    read = _event_records(store, graphs=changed)
    new = [e for e in read if e.asserted]  # only what an article asserts makes a story
    new_iris = {e.iri for e in new}
    must, alone = event_corrections(store)
    # 1. score the new events against the candidates the index gives (reports are indexed too: they are
    #    looked at again below, as a new asserted event may be what they report on)
    found = _event_records(store, events=_candidates(store, new, changed_set))
    candidates = {e.iri: e for e in found if e.asserted}
    met_reports = {e.iri for e in found if not e.asserted}
    links = _score_new(new, new + list(candidates.values()), alone)
    # 2. the stories that change: those of the changed articles' former events, of linked
    #    candidates, and of correction partners; their members and stored links are read
    former = {r["e"].value for r in _stored(store, EVENTS_OF_ARTICLES, changed)}
    linked = {x for pair in links for x in pair} - new_iris
    partners = {x for pair in must for x in pair if set(pair) & (new_iris | linked)}
    seeds = former | linked | (partners - new_iris)
    canon = {r["c"].value for r in _stored(store, STORIES_OF_EVENTS, seeds)}
    old_groups: dict[str, set[str]] = defaultdict(set)
    for r in _stored(store, MEMBERS_OF_STORIES, canon):
        old_groups[r["c"].value].add(r["e"].value)
    members = {e for group in old_groups.values() for e in group}
    old = {e for e in members | seeds if e.split("/event/", 1)[0] not in changed_set}
    records = {e.iri: e for e in new}
    records.update({k: v for k, v in candidates.items() if k in old})
    records.update({e.iri: e for e in _event_records(store, events=old - set(records)) if e.asserted})
    # links among the old members stay as stored
    stored_links = _stored(store, LINKS_OF_EVENTS, old)
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
    return _EventsChange(
        changed=changed,
        new=new,
        new_reports=[e for e in read if not e.asserted],  # the others may report on one
        candidates=len(candidates),
        records=records,
        links=links,
        clusters=clusters,
        canon=canon,
        touched=(set(records) | former) - kept,
        reports=reports,
        attached=attached,
    )


def _event_entries(store: Store, change: _EventsChange) -> set[str]:
    """The stored entries that change, as N-Triples lines: replaced stories, and the index keys, story
    memberships, report attachments and links of the events touched, and which events each changed
    article held."""
    st = STORIES_GRAPH
    rows = _stored(store, ENTRIES, change.canon, graph=st)
    rows += _stored(store, EVENT_ENTRIES, change.touched, predicates="kg:blockKey kg:canonicalEvent kg:reportsOn")
    # reports of unchanged articles keep their index keys
    rows += _stored(store, EVENT_ENTRIES, change.reports - change.touched, predicates="kg:reportsOn")
    old = {triple(r["s"].value, r["p"].value, stored(r["o"])) for r in rows}
    rows = _stored(store, EVENT_LINK_ENTRIES, change.touched | change.reports)
    old.update(triple(r["l"].value, r["p"].value, stored(r["o"])) for r in rows)
    rows = _stored(store, EVENTS_OF_ARTICLES, change.changed)
    old.update(triple(r["a"].value, KG.storyEvent, iri(r["e"].value)) for r in rows)
    return old


def _event_triples(change: _EventsChange) -> list[str]:
    """The new entries: each recomputed story with its members and their index keys, the reports
    attached, the links with their score and evidence, and which events each changed article holds."""
    lines = []
    links = dict(change.links)
    for group in change.clusters.values():
        group = sorted(group)
        canonical = story_iri(group)
        recs = [change.records[g] for g in group]
        first = recs[0]
        articles = {m.article for m in recs}
        dates = sorted(m.published for m in recs if m.published)
        times = sorted(m.time for m in recs if m.time)
        lines += [
            triple(canonical, RDF_TYPE, iri(KG.CanonicalEvent)),
            triple(canonical, KG.eventType, iri(KG_NS + first.type)),
            triple(canonical, RDFS_LABEL, literal(first.type + ": " + first.trigger)),
            triple(canonical, KG.articleCount, literal(str(len(articles)), XSD_INTEGER)),
        ]
        if times:
            lines.append(triple(canonical, KG.time, literal(times[0])))
        if dates:
            lines += [
                triple(canonical, KG.firstReported, literal(dates[0])),
                triple(canonical, KG.lastReported, literal(dates[-1])),
            ]
        lines += [triple(m, KG.canonicalEvent, iri(canonical)) for m in group]
        lines += [triple(m.iri, KG.blockKey, literal(k)) for m in recs for k in _block_keys(m)]
    for report, (story, event, score, evidence) in sorted(change.attached.items()):
        links[tuple(sorted((report, event)))] = (score, evidence)
        lines.append(triple(report, KG.reportsOn, iri(story)))
    lines += [triple(r.iri, KG.blockKey, literal(k)) for r in change.new_reports for k in _block_keys(r)]
    for (a, b), (score, evidence) in sorted(links.items()):
        node = _link_iri(a, b)
        lines += [
            triple(node, RDF_TYPE, iri(KG.EventLink)),
            triple(node, KG.linkedEvent, iri(a)),
            triple(node, KG.linkedEvent, iri(b)),
            triple(node, KG.linkScore, literal(str(score), XSD_DECIMAL)),
            triple(node, KG.evidence, literal(evidence)),
        ]
    lines += [triple(e.article, KG.storyEvent, iri(e.iri)) for e in change.new + change.new_reports]
    return lines


def _reports_on(store: Store, stories: Iterable[str]) -> set[str]:
    """The stored reports of these stories."""
    return {r["r"].value for r in _stored(store, REPORTS_OF_STORIES, stories)}


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
    story_of.update({r["e"].value: r["c"].value for r in _stored(store, STORY_OF_EVENTS, rest)})
    return report_iris, {r: (story_of[a], a, score, why) for r, (a, score, why) in best.items() if a in story_of}


# ---------------------------------------------------------------------------------------- claims


def _statements(store: Store, *, graphs: Iterable[str] = (), statements: Iterable[str] = ()) -> dict[str, dict]:
    found: dict[str, dict] = {}
    for selection in _selections(STATEMENT_RECORD_PART, "s", graphs, statements):
        rows = store.query(render(STATEMENT_RECORDS, selection=selection)).rows
        for r in rows:
            s = found.setdefault(
                r["s"].value,
                {
                    "iri": r["s"].value,
                    "article": r["a"].value,
                    "published": r["published"].value if "published" in r else None,
                    "speaker": r["speaker"].value if "speaker" in r else None,
                    "kind": r["kind"].value,
                    "words": claim_words(r["content"].value),
                    "named": set(),
                    "about_author": r["reportAuthor"].value if "reportAuthor" in r else None,
                    "stories": set(),
                },
            )
            if "named" in r:
                s["named"].add(r["named"].value)
    return found


def _add_stories(store: Store, statements: dict[str, dict]) -> None:
    """Each statement's stories: those of the events it tells of."""
    for r in _stored(store, STORIES_OF_STATEMENTS, statements):
        statements[r["s"].value]["stories"].add(r["c"].value)


def _related(store: Store, focus: dict[str, dict], speakers: set[str]) -> set[str]:
    """Stored statements that could form a claim with, or answer, a statement in focus, or be answered by
    one: every statement of the same speaker (and of some other ``speakers``, whose claims are
    recomputed); the claims of an actor an answer in focus names or is about a report of; the answers
    naming a claimant in focus or about its report; and those sharing a story. Only these pairs can be
    linked (``answer_link``), so reading every statement of a much-named actor is not needed."""
    every = set(speakers) | {s["speaker"] for s in focus.values() if s["speaker"]}
    answered, claimants = set(), set()
    for s in focus.values():
        if s["kind"] in ANSWER_KINDS:
            answered |= s["named"] | ({s["about_author"]} - {None})
        if s["kind"] in CLAIM_KINDS and s["speaker"]:
            claimants.add(s["speaker"])
    asked = [
        (every, "kg:speaker", None),
        (answered - every, "kg:speaker", _CLAIM_KINDS),
        (claimants, "schema:mentions", _ANSWER_KINDS),
        (claimants, "kg:about/kg:author", _ANSWER_KINDS),
    ]
    found = set()
    for actors, path, kinds in asked:
        for v in _chunks(actors):
            if kinds is None:
                query = render(STATEMENTS_WITH, values=v, path=path)
            else:
                query = render(STATEMENTS_OF_KINDS_WITH, values=v, path=path, kinds=kinds)
            found.update(r["s"].value for r in store.query(query).rows)
    stories = {c for s in focus.values() for c in s["stories"]}
    found.update(r["s"].value for r in _stored(store, STATEMENTS_OF_STORIES, stories))
    return found - set(focus)


def claims_and_responses(
    statements: list[dict],
    rarity: Rarity,
    window: int = WINDOW_DAYS,
    focus: set[str] | None = None,
    kept: Iterable[tuple[str, str, float]] = (),
    kept_terms: dict[str, set[str]] | None = None,
) -> tuple[dict[str, tuple[list[str], set[str]]], list[tuple], list[tuple[str, str]]]:
    """Claims, links and the kept links that are no longer needed.

    A claim is one speaker's statements across articles that claim links join (a connected component),
    named after its smallest member, with the specific words any two of its members share (a later
    ingest that makes one of them more common decides the claim again). Of its links only a maximum
    spanning forest is kept: the strongest links that join every member (ties by IRI; scores are
    rounded, so a stored score read back orders as it was computed). So a wire story
    reprinted n times makes n - 1 claim links, not n(n - 1)/2, and a claim is explained by the links
    that hold it together. Links are (a, b, rule, score, shared words, evidence), with ``a`` answering
    ``b`` for answers. With ``focus``, only links with an end in it are scored; the stored claim links
    between other statements are ``kept`` (pairs of IRIs with their score) and ``kept_terms`` gives
    the words of their stored claims; the kept links the forest no longer takes are returned."""
    by_speaker: dict[str, list[dict]] = defaultdict(list)
    for s in statements:
        if s["speaker"]:
            by_speaker[s["speaker"]].append(s)
    claims: dict[str, tuple[list[str], set[str]]] = {}
    links: list[tuple] = []
    dropped: list[tuple[str, str]] = []
    speaker_of = {s["iri"]: s["speaker"] for s in statements}
    kept_by: dict[str, list[tuple[float, str, str, None]]] = defaultdict(list)
    for a, b, score in kept:
        kept_by[speaker_of[a]].append((-score, a, b, None))
    kept_terms = kept_terms or {}
    for speaker, items in by_speaker.items():
        items.sort(key=lambda s: s["iri"])
        edges: list[tuple] = list(kept_by[speaker])
        for a, b in _sharing_specific(items, rarity):
            if focus is not None and a["iri"] not in focus and b["iri"] not in focus:
                continue
            found = claim_link(a, b, rarity, window)
            if found:
                edges.append((-found[0], a["iri"], b["iri"], found))
        edges.sort(key=lambda e: e[:3])
        groups = UnionFind(s["iri"] for s in items)
        terms: dict[str, set[str]] = defaultdict(set)
        for _, a, b, found in edges:
            if found:
                terms[a].update(found[1])
            if groups.union(a, b):
                if found:
                    links.append((a, b, CLAIM_RULE, *found))
            elif found is None:
                dropped.append((a, b))
        for group in groups.groups().values():
            if len(group) > 1:
                group = sorted(group)
                words = set().union(*(terms.get(x, set()) | kept_terms.get(x, set()) for x in group))
                claims[f"{DATA_NS}story/claim/{hashlib.sha1(group[0].encode()).hexdigest()[:16]}"] = (group, words)
    # an answer needs the claimant named, a report of the claimant, or a shared story: each answer is
    # scored against the claims indexed under those only (all pairs would be quadratic in the store)
    by_claimant: dict[str, list[dict]] = defaultdict(list)
    by_story: dict[str, list[dict]] = defaultdict(list)
    for c in statements:
        if c["kind"] in CLAIM_KINDS:
            if c["speaker"]:
                by_claimant[c["speaker"]].append(c)
            for story in c["stories"]:
                by_story[story].append(c)
    for d in statements:
        if d["kind"] not in ANSWER_KINDS:
            continue
        met = {c["iri"]: c for x in d["named"] | {d["about_author"]} - {None} for c in by_claimant.get(x, ())}
        met.update((c["iri"], c) for story in d["stories"] for c in by_story.get(story, ()))
        for c in met.values():
            if focus is not None and d["iri"] not in focus and c["iri"] not in focus:
                continue
            found = answer_link(d, c, rarity, window)
            if found:
                score, shared, rule, why = found
                links.append((d["iri"], c["iri"], rule, score, shared, why))
    return claims, sorted(links), dropped


def _sharing_specific(items: list[dict], rarity: Rarity) -> list[tuple[dict, dict]]:
    """The pairs (in the order of ``items``) of one speaker's statements that share a specific word:
    a claim link needs MIN_SHARED of them, so the other pairs are not scored."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(items):
        for w in s["words"]:
            if rarity.specific(w):
                index[w].append(i)
    pairs = {(i, j) for group in index.values() for k, i in enumerate(group) for j in group[k + 1 :]}
    return [(items[i], items[j]) for i, j in sorted(pairs)]


def _statement_link_iri(a: str, b: str) -> str:
    return f"{DATA_NS}story/link/{hashlib.sha1(f'{a} {b} statements'.encode()).hexdigest()[:16]}"


def _term_iri(word: str) -> str:
    return f"{DATA_NS}story/term/{hashlib.sha1(word.encode()).hexdigest()[:16]}"


def _settings(store: Store) -> tuple[int, int]:
    """(statements counted, window in days) as the stories graph holds them."""
    rows = store.query(render(STORY_SETTINGS)).rows
    row = rows[0] if rows else {}
    return (int(row["n"].value) if "n" in row else 0), (int(row["w"].value) if "w" in row else WINDOW_DAYS)


def _frequencies(store: Store, words: Iterable[str] | None) -> dict[str, int]:
    """Stored statement counts of these words (of every word when ``words`` is None)."""
    if words is None:
        rows = store.query(render(WORD_COUNTS)).rows
        return {r["t"].value: int(r["n"].value) for r in rows}
    out = {}
    iris = {_term_iri(w): w for w in words}
    for r in _stored(store, TERM_COUNTS, iris):
        out[iris[r["x"].value]] = int(r["n"].value)
    return out


def _count_words(store: Store, changed: list[str], new: dict[str, dict]) -> tuple[Rarity, bool, set[str], set[str]]:
    """Update the word counts of the stories graph with the changed articles' statements (their former
    words are kept with each article as ``kg:statementTerms``) and return the rarity of words now,
    whether every link must be scored again (the rounded statement count changed, or a word became
    rarer: a pair turned down before could now pass), the words that became more common (links
    sharing them are checked again) and the articles whose former statements the layer had taken in
    (only theirs can be in stored links and gone now)."""
    st = STORIES_GRAPH
    rows = _stored(store, ARTICLE_TERMS, changed)
    delta: Counter = Counter()
    removed = 0
    had = set()
    for r in rows:
        delta.subtract(r["t"].value.split())
        removed += int(r["n"].value)
        if int(r["n"].value):
            had.add(r["a"].value)
    per_article: dict[str, list[str]] = defaultdict(list)
    count: Counter = Counter()
    for s in new.values():
        per_article[s["article"]] += sorted(s["words"])
        count[s["article"]] += 1
    for words in per_article.values():
        delta.update(words)
    delta = Counter({w: k for w, k in delta.items() if k})
    n_before, window = _settings(store)
    n = n_before - removed + len(new)
    before = _frequencies(store, delta)
    df = {w: before.get(w, 0) + k for w, k in delta.items()}
    ops = [render(FORGET_ARTICLE_TERMS, article=a) for a in changed]
    ops.append(render(FORGET_STATEMENT_COUNT))
    ops.append(render(FORGET_WINDOW))
    ops += [render(FORGET_ENTRY, graph=st, node=_term_iri(w)) for w in sorted(delta) if w in before]
    run_updates(store, ops)
    lines = [
        triple(st, KG.statementCount, literal(str(n), XSD_INTEGER)),
        triple(st, KG.windowDays, literal(str(window), XSD_INTEGER)),
    ]
    for a in sorted(r["g"].value for r in _stored(store, PRESENT_ARTICLES, changed)):  # not those removed
        lines += [
            triple(a, KG.statementTerms, literal(" ".join(per_article.get(a, [])))),
            triple(a, KG.statementCount, literal(str(count[a]), XSD_INTEGER)),
        ]
    for w, k in sorted(df.items()):
        if k > 0:
            t = _term_iri(w)
            lines += [triple(t, KG.term, literal(w)), triple(t, KG.statementCount, literal(str(k), XSD_INTEGER))]
    store.update(insert_data(st, lines))
    rounded = Rarity(n_before, {}).scale != Rarity(n, {}).scale
    rarer = any(k < 0 for k in delta.values())
    return Rarity(n, df), rounded or rarer, {w for w, k in delta.items() if k > 0}, had


def _article_graphs(store: Store) -> list[str]:
    rows = store.query(render(ARTICLE_GRAPHS)).rows
    return sorted(r["g"].value for r in rows)


def _stored_claims(
    store: Store, speakers: set[str], focus: set[str]
) -> tuple[list[dict[str, Term]], dict[str, set[str]]]:
    """The stored triples of some speakers' claims, and for each member out of focus the words of its
    claim (they stay valid for a claim none of whose members is in focus)."""
    old_claims = _stored(store, CLAIMS_OF_SPEAKERS, speakers)
    triples = _stored(store, ENTRIES, {r["c"].value for r in old_claims}, graph=STORIES_GRAPH)
    members: dict[str, set[str]] = defaultdict(set)
    words: dict[str, set[str]] = defaultdict(set)
    statement_p, term_p = str(KG.claimStatement), str(KG.claimTerm)
    for r in triples:
        if r["p"].value == statement_p:
            members[r["s"].value].add(r["o"].value)
        elif r["p"].value == term_p:
            words[r["s"].value].add(r["o"].value)
    return triples, {x: words[c] for c, xs in members.items() for x in xs if x not in focus}


def _update_claims(store: Store, changed: list[str], moved: set[str]) -> dict[str, int]:
    """Claims and answers across articles, kept current: the links with an end in *focus* are scored
    again, the others stay as stored. Focus: the changed articles' statements, those of stored links
    sharing a word that became more common (their score falls, and they may fail), and those telling
    of events whose story changed (``moved``), with every member of the claims of the changed
    articles' statements and of the claims two of whose members share a word now more common. A pair
    of other statements cannot change: its words did not become rarer (when any did, or when the
    rounded statement count changed, every statement is in focus, as in a rebuild), and its stories are
    as before. A claim link left out of the spanning forest of a claim none of whose members is in
    focus stays left out: the stronger links that replaced it are all still there. So the result
    equals a rebuild's."""
    st = STORIES_GRAPH
    changed_set = set(changed)
    new = _statements(store, graphs=changed)
    rarity, everything, commoner, had = _count_words(store, changed, new)
    _, window = _settings(store)
    if everything:
        graphs = _article_graphs(store)
        if set(graphs) - changed_set:
            new = _statements(store, graphs=graphs)
    # statements of stored links: with an end in a changed article the layer took in before (the
    # statement may be gone; an article new to it has only statements read above: a scan of every
    # link for those would cost what the store holds), or sharing a word now more common; and
    # statements telling of events whose story changed
    prefixes = " || ".join(f"STRSTARTS(STR(?s), {literal(a + '/statement/')})" for a in sorted(had))
    rows = store.query(render(LINKED_STATEMENTS, filter=prefixes)).rows if had else []
    former = {r["s"].value for r in rows}
    if not everything:
        # a claim keeps only a spanning forest of its links, so a link it left out may be needed now:
        # the claims two of whose members share a word now more common, and those of a changed
        # article's statements, are decided again whole (every member in focus)
        terms = [literal(w) for w in sorted(commoner)]
        for i in range(0, len(terms), _CHUNK):
            for template, var in ((LINKED_STATEMENTS_SHARING, "s"), (CLAIM_MEMBERS_SHARING, "x")):
                rows = store.query(render(template, values=" ".join(terms[i : i + _CHUNK]))).rows
                former.update(r[var].value for r in rows)
        former.update(r["s"].value for r in _stored(store, STATEMENTS_TELLING_OF, moved))
        mine = {x for x in former | set(new) if x.split("/statement/", 1)[0] in had}
        former.update(r["x"].value for r in _stored(store, CLAIM_MEMBERS, mine))
    gone = {s for s in former if s.split("/statement/", 1)[0] in changed_set and s not in new}
    focus = dict(new)
    focus.update(_statements(store, statements=former - set(new) - gone))
    _add_stories(store, focus)
    # every statement of a speaker in focus (and of the claims of gone statements) is read: claims are
    # the speaker's connected components, recomputed whole
    of_gone = {r["sp"].value for r in _stored(store, CLAIM_SPEAKERS, gone)}
    others = _statements(store, statements=_related(store, focus, of_gone) - gone)
    _add_stories(store, others)
    everyone = {**others, **focus}
    speakers = {s["speaker"] for s in focus.values() if s["speaker"]} | of_gone
    words = {w for s in everyone.values() for w in s["words"]}
    rarity = Rarity(rarity.n, _frequencies(store, words))
    # claim links between statements out of focus stay as stored (with the words of their claims) unless
    # the forest no longer takes them
    of_speakers = {s for s, v in everyone.items() if v["speaker"] in speakers}
    kept = [
        (r["a"].value, r["b"].value, float(r["score"].value))
        for r in _stored(store, STATEMENT_PAIRS, of_speakers - set(focus))
        if r["rule"].value == CLAIM_RULE and r["b"].value in of_speakers and r["b"].value not in focus
    ]
    triples, kept_terms = _stored_claims(store, speakers, set(focus))
    claims, links, dropped = claims_and_responses(list(everyone.values()), rarity, window, set(focus), kept, kept_terms)
    claims = {c: (group, words) for c, (group, words) in claims.items() if everyone[group[0]]["speaker"] in speakers}
    links = [
        x
        for x in links
        if (x[2] == CLAIM_RULE and everyone[x[0]]["speaker"] in speakers)
        or (x[2] != CLAIM_RULE and (x[0] in focus or x[1] in focus))
    ]
    # replace what is recomputed: claims of these speakers with their links, answers with an end in
    # focus or gone, kept links left out; only the triples that differ are written (most links rescored
    # keep their triples)
    old = {triple(r["s"].value, r["p"].value, stored(r["o"])) for r in triples}
    answering = set(focus) | gone
    recomputed = {r["l"].value for r in _stored(store, LINKS_OF_STATEMENTS, answering)}
    recomputed |= {_statement_link_iri(a, b) for a, b in dropped}
    rows = _stored(store, ENTRIES, recomputed, graph=st)  # each link's triples once, not once per end
    old.update(triple(r["s"].value, r["p"].value, stored(r["o"])) for r in rows)
    rows = _stored(store, ANSWERS_OF, answering)
    old.update(triple(r["a"].value, KG.respondsTo, iri(r["b"].value)) for r in rows)
    lines = []
    for claim, (group, words) in claims.items():
        lines.append(triple(claim, RDF_TYPE, iri(KG.Claim)))
        lines.append(triple(claim, KG.claimSpeaker, iri(everyone[group[0]]["speaker"])))
        lines += [triple(claim, KG.claimStatement, iri(s)) for s in group]
        lines += [triple(claim, KG.claimTerm, literal(w)) for w in sorted(words)]
    for a, b, rule, score, shared, why in links:
        node = _statement_link_iri(a, b)
        lines += [
            triple(node, RDF_TYPE, iri(KG.StatementLink)),
            triple(node, KG.linkedStatement, iri(a)),
            triple(node, KG.linkedStatement, iri(b)),
            triple(node, KG.linkRule, literal(rule)),
            triple(node, KG.linkScore, literal(str(score), XSD_DECIMAL)),
            triple(node, KG.evidence, literal(why)),
        ]
        lines += [triple(node, KG.sharedTerm, literal(w)) for w in shared]
        if rule != CLAIM_RULE:
            lines.append(triple(a, KG.respondsTo, iri(b)))
    replace_triples(store, st, old, set(lines))
    return {
        "claims": len(claims),
        "responses across articles": sum(1 for x in links if x[2] != CLAIM_RULE),
    }


# ---------------------------------------------------------------------------------------- entry points


def sync_stories(store: Store, written: list[str] | None = None) -> dict[str, int]:
    """Bring the stories graph up to date with the article graphs (a no-op when nothing changed);
    ``written``: the only article graphs changed since the last sync, when the caller knows them."""
    changed = changed_since(store, STORIES_GRAPH) if written is None else sorted(written)
    if not changed:
        return {}
    counts = {"articles": len(changed)}
    events, moved = _update_events(store, changed)
    counts |= events
    counts |= _update_claims(store, changed, moved)
    record_taken(store, STORIES_GRAPH, changed)
    return counts


def story_counts(store: Store) -> dict[str, int]:
    """What the stories graph holds now."""
    row = store.query(render(STORY_COUNTS)).rows[0]
    return {
        "canonical events": int(row["canonical"].value),
        "linked across articles": int(row["linked"].value),
        "reports not asserted": int(row["reports"].value),
        "claims": int(row["claims"].value),
        "statements answering another article": int(row["responses"].value),
    }


def rebuild_stories(store: Store, *, window: int | None = None) -> dict[str, int]:
    """Recompute the stories graph from every article graph (after changing the scoring, say);
    ``window``: the days an answer may come after what it answers (kept in the graph for later syncs;
    default the one held, else WINDOW_DAYS)."""
    window = _settings(store)[1] if window is None else window
    store.update(render(DROP_STORIES))
    store.update(insert_data(STORIES_GRAPH, [triple(STORIES_GRAPH, KG.windowDays, literal(str(window), XSD_INTEGER))]))
    return sync_stories(store)


# ---------------------------------------------------------------------------------------- explaining


def _sentences(store: Store, nodes: Iterable[str]) -> dict[str, dict]:
    """For events and statements: the article, its date and headline, and the sentence of the node's
    first mention (a statement's cue)."""
    out: dict[str, dict] = {}
    for r in _stored(store, SENTENCES, nodes):
        x, start = r["x"].value, int(r["mb"].value)
        if x in out and out[x]["at"] <= start:
            continue
        text = r["text"].value
        begin, end = (int(r["begin"].value), int(r["end"].value)) if "begin" in r else (start, start + 200)
        out[x] = {
            "at": start,
            "article": r["a"].value,
            "published": r["published"].value if "published" in r else "",
            "headline": r["headline"].value if "headline" in r else "",
            "sentence": " ".join(text[begin:end].split()),
            "content": r["content"].value if "content" in r else None,
        }
    return out


def explain_links(store: Store, story: str | None = None) -> list[dict]:
    """Every cross-article link of the stories graph (or of one story: its event links and reports,
    and the claim and answer links of statements telling of its events), each with its kind, rule,
    score, evidence and the two sides (node, article, date, headline, sentence)."""
    if story:
        event_rows = store.query(render(STORY_EVENT_LINKS, story=story)).rows
        statement_rows = store.query(render(STORY_STATEMENT_LINKS, story=story)).rows
    else:
        event_rows = store.query(render(EVENT_LINKS)).rows
        statement_rows = store.query(render(STATEMENT_LINKS)).rows
    links: dict[str, dict] = {}
    for r in event_rows:
        a, b = r["a"].value, r["b"].value
        links[r["l"].value] = {
            "link": r["l"].value,
            "kind": "event",
            "rule": "same event",
            "a": a,
            "b": b,
            "score": float(r["score"].value),
            "evidence": r["evidence"].value,
        }
    for r in statement_rows:
        a, b, rule = r["a"].value, r["b"].value, r["rule"].value
        kind = "claim" if rule == CLAIM_RULE else "answer"
        if r["l"].value in links:
            continue
        answering = store.query(render(ANSWERS, a=a, b=b)).boolean
        if kind == "claim" and a > b or kind == "answer" and not answering:
            a, b = b, a
        links[r["l"].value] = {
            "link": r["l"].value,
            "kind": kind,
            "rule": rule,
            "a": a,
            "b": b,
            "score": float(r["score"].value),
            "evidence": r["evidence"].value,
        }
    told = _sentences(store, {x for link in links.values() for x in (link["a"], link["b"])})
    out = []
    for link in sorted(links.values(), key=lambda x: (x["kind"], x["a"], x["b"])):
        link["sides"] = [told.get(link["a"], {}), told.get(link["b"], {})]
        out.append(link)
    return out


def format_links(links: list[dict]) -> str:
    """Links as text: one block per link, its rule, score and evidence, then both sides."""
    lines = []
    for i, link in enumerate(links, 1):
        role = ("answers", "answered") if link["kind"] == "answer" else ("", "")
        lines.append(f"[{i}] {link['kind']} link ({link['rule']}), score {link['score']:g}: {link['evidence']}")
        for side, node, label in zip(link["sides"], (link["a"], link["b"]), role, strict=True):
            where = f"{side.get('published') or 'undated'} {side.get('headline', '')[:70]}".strip()
            lines.append(f"    {label + ' ' if label else ''}{node.replace(DATA_NS, 'kgd:')} ({where})")
            lines.append(f"      {side.get('sentence', '')}")
            if side.get("content") and side["content"] not in side.get("sentence", ""):
                lines.append(f"      content: {' '.join(side['content'].split())}")
    return "\n".join(lines)
