"""Matching rules: when two events from different articles are one real-world event, when two
statements are one claim, and when a statement answers another. Pure functions of plain records,
shared by the stories layer (:mod:`kg.layers.stories`, which finds the candidates and keeps the
results) and by whatever scores or explains those decisions.

Events: same type, compatible times, a shared participant or place, no conflicting places (and, when
neither article is dated, the same trigger), and

    0.35 same type + 0.25 time (same day 1, containing interval 0.6, from publication dates 0.4)
    + 0.25 participant overlap (Jaccard) + 0.15 same place + 0.10 same trigger lemma >= THRESHOLD

Statements are compared by their specific content words (:class:`Rarity`).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from datetime import date

THRESHOLD = 0.6
DAYS_APART = 7
CLAIM_SIMILARITY = 0.5
WINDOW_DAYS = 90  # an answer comes at most this many days after what it answers (unless it names the claimant)
MIN_SHARED = 2  # specific words two statements must share to be one claim, or an answer to the other
RARE_MIN, RARE_SHARE = 5, 0.01  # a word is specific when at most max(5, 1% of the statements) have it
ANSWER_KINDS = frozenset({"denial", "criticism"})
CLAIM_KINDS = frozenset({"claim", "finding", "accusation"})
CLAIM_RULE = "same claim"
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
    asserted: bool = True  # told by the article as a fact (kg:asserted); else a report, never a story member


def day(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def time_score(a: EventRecord, b: EventRecord) -> tuple[float, str] | None:
    """How well two events' times agree, or None when they conflict."""
    if a.time and b.time:
        if a.time == b.time:
            return 1.0, f"same time {a.time}"
        if a.time.startswith(b.time) or b.time.startswith(a.time):
            return 0.6, f"compatible times {a.time} / {b.time}"
        return None
    da, db = day(a.time or a.published), day(b.time or b.published)
    if da and db and abs((da - db).days) <= DAYS_APART:
        return 0.4, "reported within a week"
    if not (a.time or a.published or b.time or b.published):
        return 0.0, "both undated"  # nothing to compare: the time adds nothing, and conflicts with nothing
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
    timing = time_score(a, b)
    shared = a.participants & b.participants
    same_place = bool(a.place and a.place == b.place)
    if timing is None or not (shared or same_place) or places_conflict(a.place, b.place):
        return 0.0, []
    if not timing[0] and timing[1] == "both undated" and a.trigger.lower() != b.trigger.lower():
        return 0.0, []  # nothing says when: "convicted" and "sentenced" of one man are two rulings
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


_SPACY_STOP: frozenset[str] | None = None


def _stop_words() -> frozenset[str]:
    global _SPACY_STOP
    if _SPACY_STOP is None:
        try:
            from spacy.lang.en.stop_words import STOP_WORDS
        except ImportError:  # pragma: no cover - spaCy is a dependency
            STOP_WORDS = set()
        _SPACY_STOP = frozenset(STOP_WORDS) | STOPWORDS
    return _SPACY_STOP


def claim_words(text: str) -> set[str]:
    """The content words statements are compared by: lower-cased words of three letters or more,
    neither a stop word nor a bare number."""
    stop = _stop_words()
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2 and w not in stop and not w.isdigit()}


def same_claim(a: set[str], b: set[str]) -> bool:
    """Two contents say the same thing: their content words overlap with Jaccard >= CLAIM_SIMILARITY."""
    return bool(a and b) and len(a & b) / len(a | b) >= CLAIM_SIMILARITY


@dataclass
class Rarity:
    """How rare each content word is among the store's statements: ``n`` statements, ``df`` the number
    of statements whose content has the word. The IDF is ``ln(N / df)`` with N the statement count
    rounded down to a power of two (so that it changes only when the store doubles, and links can be
    kept current without rescoring every stored pair; see :mod:`kg.layers.stories`); a word is *specific*
    when at most ``max(RARE_MIN, RARE_SHARE * N)`` statements have it."""

    n: int
    df: dict[str, int]
    # answers by the words two contents share, kept for this Rarity: a claim repeated in many articles
    # is scored once per pair of its copies, and a sync scores hundreds of thousands of pairs
    _evidence: dict[frozenset[str], tuple[float, list[str]]] = field(default_factory=dict, repr=False, compare=False)
    _idf: dict[str, float] = field(default_factory=dict, repr=False, compare=False)

    @property
    def scale(self) -> int:
        return 1 << (self.n.bit_length() - 1) if self.n > 0 else 0

    def specific(self, word: str) -> bool:
        return self.df.get(word, 0) <= max(RARE_MIN, RARE_SHARE * self.scale)

    def idf(self, word: str) -> float:
        found = self._idf.get(word)
        if found is None:
            found = self._idf[word] = (
                max(0.0, math.log(self.scale / max(1, self.df.get(word, 0)))) if self.scale else 0.0
            )
        return found

    def evidence(self, a: set[str], b: set[str]) -> tuple[float, list[str]]:
        """The specific words two contents share, rarest first, and the sum of their IDF."""
        both = frozenset(a & b)
        found = self._evidence.get(both)
        if found is None:
            shared = sorted((w for w in both if self.specific(w)), key=lambda w: (-self.idf(w), w))
            found = self._evidence[both] = (round(sum(self.idf(w) for w in shared), 3), shared)
        return found[0], list(found[1])


def _days(a: str | None, b: str | None) -> int | None:
    """Days from publication date ``a`` to ``b`` (None when either is unknown)."""
    da, db = day(a), day(b)
    return (db - da).days if da and db else None


def claim_link(a: dict, b: dict, rarity: Rarity, window: int) -> tuple[float, list[str], str] | None:
    """Whether two statements of one speaker in different articles are one claim, as (score, shared
    specific words, evidence): at most ``window`` days apart (when both dates are known), content words
    overlapping with Jaccard >= CLAIM_SIMILARITY, and at least MIN_SHARED specific words shared."""
    if a["article"] == b["article"] or not a["speaker"] or a["speaker"] != b["speaker"]:
        return None
    days = _days(a["published"], b["published"])
    if (days is not None and abs(days) > window) or not same_claim(a["words"], b["words"]):
        return None
    score, shared = rarity.evidence(a["words"], b["words"])
    if len(shared) < MIN_SHARED:
        return None
    jaccard = len(a["words"] & b["words"]) / len(a["words"] | b["words"])
    when = "dates unknown" if days is None else f"{abs(days)} days apart"
    why = f"same speaker {_short(a['speaker'])}; {when}; word overlap {jaccard:.2f}; {_terms(shared, rarity)}"
    return score, shared, why


def answer_link(d: dict, c: dict, rarity: Rarity, window: int) -> tuple[float, list[str], str, str] | None:
    """Whether statement ``d`` (a denial or criticism) answers ``c`` (a claim, finding or accusation of
    another speaker in another article), as (score, shared specific words, rule, evidence). It needs
    evidence that both are about one matter: ``d`` names ``c``'s speaker, or is about a report by
    that speaker, or both are told of events of one story (canonical event); and their contents share
    at least MIN_SHARED specific words; and ``d`` is published on or after ``c`` and, unless it names
    ``c``'s speaker, within ``window`` days of it."""
    if d["kind"] not in ANSWER_KINDS or c["kind"] not in CLAIM_KINDS or d["article"] == c["article"]:
        return None
    if c["speaker"] and c["speaker"] == d["speaker"]:
        return None
    names = bool(c["speaker"]) and c["speaker"] in d["named"]
    report = bool(c["speaker"]) and d["about_author"] == c["speaker"]
    stories = d["stories"] & c["stories"]
    if names:
        rule = f"answer: names the claimant {_short(c['speaker'])}"
    elif report:
        rule = f"answer: about a report of the claimant {_short(c['speaker'])}"
    elif stories:
        rule = f"answer: same story {_short(min(stories))}"
    else:
        return None
    days = _days(c["published"], d["published"])
    if days is not None and days < 0:
        return None  # an answer never comes before what it answers
    if not (names or report) and (days is None or days > window):
        return None
    score, shared = rarity.evidence(d["words"], c["words"])
    if len(shared) < MIN_SHARED:
        return None
    when = "dates unknown" if days is None else f"{days} days later"
    return score, shared, rule, f"{rule}; {when}; {_terms(shared, rarity)}"


def _short(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def _terms(shared: list[str], rarity: Rarity) -> str:
    return "shared words " + ", ".join(f"{w} ({rarity.idf(w):.1f})" for w in shared)


class UnionFind:
    """Items linked pairwise, grouped into clusters whatever the order of the links (connected
    components): stories and claims are the clusters of their links."""

    def __init__(self, items: Iterable[Hashable] = ()) -> None:
        self.parent: dict[Hashable, Hashable] = {x: x for x in items}

    def find(self, x: Hashable) -> Hashable:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: Hashable, b: Hashable) -> bool:
        """Join the clusters of ``a`` and ``b``; the smaller root names the result (deterministic).
        Whether they were apart (a link that joins two clusters belongs to a spanning forest)."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        self.parent[max(ra, rb)] = min(ra, rb)
        return True

    def groups(self) -> dict[Hashable, list[Hashable]]:
        out: dict[Hashable, list[Hashable]] = defaultdict(list)
        for x in self.parent:
            out[self.find(x)].append(x)
        return dict(out)
