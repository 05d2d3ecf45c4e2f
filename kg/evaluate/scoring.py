"""``kg eval``: extraction quality against annotated gold articles.

Gold files follow the shared corpus format (one JSON file per article with ``text``,
``entities``, ``events`` and ``statements``). Each layer is scored by precision, recall and F1,
micro-averaged over the corpus, in two modes:

- **exact**: spans are equal (entities: a predicted name or alias equals the gold name or the
  text of a gold mention, after normalisation);
- **overlap**: token-level Jaccard of the two spans >= 0.5 (for statement content, also when the
  predicted content contains the gold content, since some corpora annotate only its core).

Matching is one-to-one and greedy, best pairs first. A layer a gold file leaves empty is not
annotated there and is skipped for that file, not counted as zero.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError
from kg.model import Article, Extraction
from kg.names import normalise

OVERLAP = 0.5
LAYERS = (
    "entity mentions",
    "entities",
    "mention attachment",
    "entity types",
    "one node per entity",
    "event triggers",
    "event participants",
    "event time",
    "asserted events",
    "not asserted events",
    "event polarity",
    "event future",
    "statement cues",
    "statement content",
    "statement speaker",
    "speaker named",
    "speaker pronoun",
    "speaker description",
    "pronoun attachment",
    "relations",
)
PRONOUNS = frozenset("i me my we us our he him his she her it its they them their".split())
_TOKEN = re.compile(r"\w+|[^\w\s]")


@dataclass
class Gold:
    id: str
    text: str
    title: str | None
    published: str | None
    entities: list[dict]
    events: list[dict]
    statements: list[dict]
    path: str = ""
    relations: list[dict] | None = None  # None: not annotated (relation gold lives beside the corpus)


@dataclass
class Counts:
    tp: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.pred += other.pred
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict:
        return {
            "tp": self.tp,
            "pred": self.pred,
            "gold": self.gold,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Miss:
    """An unmatched gold item (a miss) or predicted item (a false alarm), for ``--errors``."""

    layer: str
    kind: str  # "miss" or "false alarm"
    doc: str
    text: str
    sentence: str


@dataclass
class Scores:
    exact: dict[str, Counts] = field(default_factory=lambda: {layer: Counts() for layer in LAYERS})
    overlap: dict[str, Counts] = field(default_factory=lambda: {layer: Counts() for layer in LAYERS})
    files: dict[str, int] = field(default_factory=lambda: {layer: 0 for layer in LAYERS})
    errors: list[Miss] = field(default_factory=list)
    documents: int = 0

    def add(self, other: Scores) -> None:
        for layer in LAYERS:
            self.exact[layer].add(other.exact[layer])
            self.overlap[layer].add(other.overlap[layer])
            self.files[layer] += other.files[layer]
        self.errors.extend(other.errors)
        self.documents += other.documents

    def to_json(self) -> dict:
        return {
            "documents": self.documents,
            "overlap_threshold": OVERLAP,
            "layers": {
                layer: {
                    "files": self.files[layer],
                    "exact": self.exact[layer].to_json(),
                    "overlap": self.overlap[layer].to_json(),
                }
                for layer in LAYERS
                if self.files[layer]
            },
        }


# --------------------------------------------------------------------------- reading gold


def load_gold(path: Path) -> Gold:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not a readable gold JSON file ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise InputError(f"{path}: a gold file needs a 'text' field (see the corpus README)")
    return Gold(
        id=str(data.get("id") or path.stem),
        text=data["text"],
        title=data.get("title"),
        published=data.get("published"),
        entities=data.get("entities") or [],
        events=data.get("events") or [],
        statements=data.get("statements") or [],
        path=str(path),
    )


def gold_files(paths: Iterable[str | Path]) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(path.rglob("*.json")))
        elif path.is_file():
            files.append(path)
        else:
            raise InputError(f"{path}: no such file or directory")
    if not files:
        raise InputError("no gold .json files found in " + ", ".join(map(str, paths)))
    return files


# --------------------------------------------------------------------------- span matching


class Tokens:
    """Token positions of one text, to compare spans by the tokens they cover."""

    def __init__(self, text: str) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for m in _TOKEN.finditer(text):
            self.starts.append(m.start())
            self.ends.append(m.end())

    def ids(self, span: tuple[int, int]) -> set[int]:
        lo = bisect.bisect_right(self.ends, span[0])
        hi = bisect.bisect_left(self.starts, span[1])
        return set(range(lo, hi))

    def jaccard(self, a: tuple[int, int], b: tuple[int, int]) -> float:
        ta, tb = self.ids(a), self.ids(b)
        union = ta | tb
        return len(ta & tb) / len(union) if union else 0.0


def _match(
    golds: list, preds: list, score: Callable[[object, object], float], threshold: float
) -> list[tuple[int, int]]:
    """One-to-one greedy matching of the best-scoring pairs at or above ``threshold``."""
    pairs = []
    for i, g in enumerate(golds):
        for j, p in enumerate(preds):
            s = score(g, p)
            if s >= threshold:
                pairs.append((s, i, j))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_g, used_p, out = set(), set(), []
    for _, i, j in pairs:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


# --------------------------------------------------------------------------- scoring one article


class _Scorer:
    def __init__(self, gold: Gold, pred: Extraction) -> None:
        self.gold, self.pred = gold, pred
        self.tokens = Tokens(gold.text)
        self.scores = Scores(documents=1)

    def sentence(self, span: tuple[int, int]) -> str:
        text = self.gold.text
        start = max(text.rfind("\n", 0, span[0]), text.rfind(". ", 0, span[0]) + 1, 0)
        end = min(x for x in (text.find("\n", span[1]), text.find(". ", span[1]) + 1, len(text)) if x > 0)
        snippet = text[start:end].strip()
        return snippet[:300]

    def overlap(self, a, b) -> float:
        j = self.tokens.jaccard(tuple(a), tuple(b))
        return j if j >= OVERLAP else 0.0

    def exact(self, a, b) -> float:
        return 1.0 if tuple(a) == tuple(b) else 0.0

    def record(self, layer: str, golds: list, preds: list, exact, overlap, describe) -> list[tuple[int, int]]:
        """Score one layer in both modes; keep the overlap-mode misses and false alarms."""
        self.scores.files[layer] += 1
        exact_matches = _match(golds, preds, exact, 1e-9)
        self.scores.exact[layer].add(Counts(len(exact_matches), len(preds), len(golds)))
        matches = _match(golds, preds, overlap, 1e-9)
        self.scores.overlap[layer].add(Counts(len(matches), len(preds), len(golds)))
        found_g = {i for i, _ in matches}
        found_p = {j for _, j in matches}
        for i, g in enumerate(golds):
            if i not in found_g:
                self.scores.errors.append(Miss(layer, "miss", self.gold.id, *describe(g)))
        for j, p in enumerate(preds):
            if j not in found_p:
                self.scores.errors.append(Miss(layer, "false alarm", self.gold.id, *describe(p)))
        return matches

    def describe_span(self, item) -> tuple[str, str]:
        span = tuple(item)
        return self.gold.text[span[0] : span[1]], self.sentence(span)

    def run(self) -> Scores:
        entity_map = self.entities() if self.gold.entities else {}
        if self.gold.events:
            self.events(entity_map)
        if self.gold.statements:
            self.statements(entity_map)
        elif self.gold.entities:
            self.pronoun_speakers(entity_map)
        if self.gold.relations is not None:
            self.relations(entity_map)
        return self.scores

    def relations(self, entity_map: dict[str, str]) -> None:
        """A predicted relation is right when its predicate is the gold one and its subject and
        object are the entities matched to the gold subject and object. Only relations between
        entities matched to gold entities are scored."""
        gold = [(r["subject"], r["predicate"], r["object"]) for r in self.gold.relations or []]
        # The gold can only name entities of its own list: a relation between entities it does not
        # have (a namesake kg split off, a place the corpus did not keep) is neither right nor wrong.
        known = set(entity_map.values())
        preds = [(r.subject, r.predicate, r.object) for r in self.pred.relations if {r.subject, r.object} <= known]

        def same(g, p) -> float:
            return float(g[1] == p[1] and entity_map.get(g[0]) == p[0] and entity_map.get(g[2]) == p[2])

        names = {e.id: e.name for e in self.pred.entities}

        def describe(t) -> tuple[str, str]:
            if t in gold:
                return f"{t[0]} -{t[1]}-> {t[2]}", ""
            return f"{names.get(t[0], t[0])} -{t[1]}-> {names.get(t[2], t[2])}", ""

        self.record("relations", gold, preds, same, same, describe)

    def entities(self) -> dict[str, str]:
        gold_mentions = [tuple(m) for e in self.gold.entities for m in e["mentions"]]
        pred_mentions = [tuple(m) for e in self.pred.entities for m in e.mentions]
        self.record("entity mentions", gold_mentions, pred_mentions, self.exact, self.overlap, self.describe_span)

        def names(entity: dict) -> set[str]:
            out = {normalise(entity["name"])}
            out |= {normalise(self.gold.text[s:e]) for s, e in entity["mentions"]}
            return out

        gold_names = [names(e) for e in self.gold.entities]

        def exact(gi, pe) -> float:
            pred_names = {normalise(n) for n in [pe.name, *pe.aliases]}
            return 1.0 if pred_names & gold_names[gi] else 0.0

        def overlap(gi, pe) -> float:
            best = 0.0
            for gm in self.gold.entities[gi]["mentions"]:
                for pm in pe.mentions:
                    best = max(best, self.overlap(gm, pm))
            return max(best, exact(gi, pe))

        def describe(item) -> tuple[str, str]:
            if isinstance(item, int):
                ent = self.gold.entities[item]
                return f"{ent['name']} ({ent['type']})", self.sentence(tuple(ent["mentions"][0]))
            return f"{item.name} ({item.type})", self.sentence(tuple(item.mentions[0]))

        matches = self.record(
            "entities", list(range(len(self.gold.entities))), self.pred.entities, exact, overlap, describe
        )
        self.attachment(matches)
        self.types_and_nodes(matches)
        return {self.gold.entities[i]["name"]: self.pred.entities[j].id for i, j in matches}

    def attachment(self, matches: list[tuple[int, int]]) -> None:
        """Of the gold mentions some predicted mention covers, the share attached to the right entity
        (precision), and of all gold mentions (recall)."""
        aligned = dict(matches)
        owner = [(tuple(m), j) for j, e in enumerate(self.pred.entities) for m in e.mentions]
        counts, pronouns = Counts(), Counts()
        for i, ent in enumerate(self.gold.entities):
            for gm in ent["mentions"]:
                pronoun = self.gold.text[gm[0] : gm[1]].lower() in PRONOUNS
                hits = [j for pm, j in owner if self.overlap(gm, pm)]
                for c, applies in ((counts, True), (pronouns, pronoun)):
                    if applies:
                        c.gold += 1
                        c.pred += bool(hits)
                        c.tp += bool(hits) and aligned.get(i) in hits
        for layer, c in (("mention attachment", counts), ("pronoun attachment", pronouns)):
            if c.gold:
                self.scores.files[layer] += 1
                self.scores.exact[layer].add(c)
                self.scores.overlap[layer].add(c)

    def types_and_nodes(self, matches: list[tuple[int, int]]) -> None:
        """'entity types': of the gold entities matched, the share kg gives the gold type (accuracy:
        precision = recall). 'one node per entity': of the gold entities some predicted mention covers,
        the share whose named mentions (pronouns aside) all fall to one predicted entity, each mention
        to the one whose mention overlaps it most (the matched entity on a tie), leaving out predicted
        mentions that match a gold mention of another entity better (a name nested in the mention)."""
        preds = self.pred.entities
        typed = Counts(
            sum(self.gold.entities[i]["type"] == preds[j].type for i, j in matches), len(matches), len(matches)
        )
        aligned = dict(matches)
        owner = [(tuple(m), j) for j, e in enumerate(preds) for m in e.mentions]
        gold_owner = [(tuple(m), i) for i, e in enumerate(self.gold.entities) for m in e["mentions"]]

        def elsewhere(i: int, gm: tuple[int, int], pm: tuple[int, int]) -> bool:
            # "U.S." inside the gold mention "U.S. automaker" of GM is the gold's own mention of the
            # US: a predicted mention that matches another entity's gold mention better is that one's
            score = self.tokens.jaccard(gm, pm)
            return any(k != i and self.tokens.jaccard(om, pm) > score for om, k in gold_owner)

        nodes = Counts()
        for i, ent in enumerate(self.gold.entities):
            found = set()
            for gm in ent["mentions"]:
                if self.gold.text[gm[0] : gm[1]].lower() in PRONOUNS:
                    continue
                near = [(pm, j) for pm, j in owner if self.tokens.jaccard(tuple(gm), pm) >= OVERLAP]
                candidates = [(pm, j) for pm, j in near if not elsewhere(i, tuple(gm), pm)]
                best = max(
                    ((self.tokens.jaccard(tuple(gm), pm), j == aligned.get(i), j) for pm, j in candidates),
                    default=None,
                )
                if best is not None and best[0] >= OVERLAP:
                    found.add(best[2])
            if found:
                nodes.add(Counts(len(found) == 1, 1, 1))
        for layer, c in (("entity types", typed), ("one node per entity", nodes)):
            if c.gold:
                self.scores.files[layer] += 1
                self.scores.exact[layer].add(c)
                self.scores.overlap[layer].add(c)

    def events(self, entity_map: dict[str, str]) -> None:
        golds = self.gold.events
        preds = self.pred.events
        matches = self.record(
            "event triggers",
            [tuple(g["span"]) for g in golds],
            [tuple(p.span) for p in preds],
            self.exact,
            self.overlap,
            self.describe_span,
        )
        gold_parts = [
            (i, entity_map.get(p["entity"], "gold:" + p["entity"]), p["role"])
            for i, g in enumerate(golds)
            for p in g.get("participants", [])
        ]
        event_of = {j: i for i, j in matches}
        pred_parts = [(event_of.get(j, -1 - j), p.entity, p.role) for j, e in enumerate(preds) for p in e.participants]
        pred_parts += [(event_of.get(j, -1 - j), e.place, "place") for j, e in enumerate(preds) if e.place]
        if any(g.get("participants") for g in golds):

            def same(a, b) -> float:
                return 1.0 if a == b else 0.0

            def describe(t) -> tuple[str, str]:
                event = golds[t[0]] if t[0] >= 0 else preds[-1 - t[0]]
                span = tuple(event["span"]) if isinstance(event, dict) else event.span
                return f"{self.gold.text[span[0] : span[1]]} -{t[2]}-> {t[1]}", self.sentence(span)

            self.record("event participants", gold_parts, pred_parts, same, same, describe)
        gold_timed = [i for i, g in enumerate(golds) if g.get("time")]
        if gold_timed:
            pred_timed = [j for j, p in enumerate(preds) if p.time]

            def time_ok(i, j) -> float:
                return 1.0 if event_of.get(j) == i and preds[j].time == golds[i]["time"] else 0.0

            self.scores.files["event time"] += 1
            matched = _match(gold_timed, pred_timed, time_ok, 1.0)
            for mode in ("exact", "overlap"):
                getattr(self.scores, mode)["event time"].add(Counts(len(matched), len(pred_timed), len(gold_timed)))
        self.factuality([(golds[i]["factuality"], preds[j]) for i, j in matches if golds[i].get("factuality")])

    def factuality(self, pairs: list[tuple[dict, object]]) -> None:
        """On matched events whose gold has factuality: 'asserted events' precision is the share of
        what kg asserts that the gold asserts; 'not asserted events' recall the share of the gold's
        not asserted events that kg does not assert; polarity and future are scored as accuracy
        (precision = recall) where the gold specifies them."""
        if not pairs:
            return
        layers = {
            "asserted events": Counts(
                sum(g["asserted"] and p.factuality.asserted for g, p in pairs),
                sum(p.factuality.asserted for _, p in pairs),
                sum(g["asserted"] for g, _ in pairs),
            ),
            "not asserted events": Counts(
                sum(not g["asserted"] and not p.factuality.asserted for g, p in pairs),
                sum(not p.factuality.asserted for _, p in pairs),
                sum(not g["asserted"] for g, _ in pairs),
            ),
        }
        polar = [
            (g["polarity"] == "NEG", p.factuality.polarity == "negative")
            for g, p in pairs
            if g["polarity"] != "UNDERSPECIFIED"
        ]
        future = [(g["time"] == "FUTURE", p.factuality.future) for g, p in pairs if g["time"] != "UNDERSPECIFIED"]
        for layer, items in (("event polarity", polar), ("event future", future)):
            right = sum(a == b for a, b in items)
            layers[layer] = Counts(right, len(items), len(items))
        for layer, counts in layers.items():
            self.scores.files[layer] += 1
            self.scores.exact[layer].add(counts)
            self.scores.overlap[layer].add(counts)

    def statements(self, entity_map: dict[str, str]) -> None:
        golds = [g for g in self.gold.statements if g.get("cue_span")]
        preds = self.pred.statements
        self.record(
            "statement cues",
            [tuple(g["cue_span"]) for g in golds],
            [tuple(p.cue_span) for p in preds],
            self.exact,
            self.overlap,
            self.describe_span,
        )

        def content_overlap(g, p) -> float:
            gs, ps = tuple(g["content_span"]), tuple(p.content_span)
            contains = ps[0] <= gs[0] and gs[1] <= ps[1]
            return max(self.overlap(gs, ps), 0.5 if contains else 0.0)

        def content_exact(g, p) -> float:
            return self.exact(g["content_span"], p.content_span)

        def describe(item) -> tuple[str, str]:
            if isinstance(item, dict):
                span = tuple(item["content_span"])
                who = item.get("speaker") or "?"
                return f"{who} {item.get('cue')}: {self.gold.text[span[0] : span[1]]}", self.sentence(span)
            return f"{item.speaker or item.speaker_text} {item.cue}: {item.content}", self.sentence(item.cue_span)

        all_golds = self.gold.statements
        self.record("statement content", all_golds, preds, content_exact, content_overlap, describe)

        def speaker_ok(g, p) -> bool:
            if g.get("speaker") and p.speaker and entity_map.get(g["speaker"]) == p.speaker:
                return True
            gs, ps = g.get("speaker_span"), p.speaker_span
            if not g.get("speaker") and not gs:
                return p.speaker is None
            return bool(gs and ps and self.tokens.jaccard(tuple(gs), tuple(ps)) >= OVERLAP)

        self.record(
            "statement speaker",
            all_golds,
            preds,
            lambda g, p: content_exact(g, p) if speaker_ok(g, p) else 0.0,
            lambda g, p: content_overlap(g, p) if speaker_ok(g, p) else 0.0,
            describe,
        )
        self.speaker_kinds(golds, preds, speaker_ok)

    def pronoun_speakers(self, entity_map: dict[str, str]) -> None:
        """Where the gold annotates coreference but no statements (GUM): the statements kg finds
        with a pronoun speaker ("he said") that the gold gives as a mention of an entity are scored
        as 'speaker pronoun', right when kg resolved the pronoun to that entity (accuracy)."""
        c = Counts()
        for p in self.pred.statements:
            span = p.speaker_span
            if not span or self.gold.text[span[0] : span[1]].lower() not in PRONOUNS:
                continue
            owner = next(
                (
                    e["name"]
                    for e in self.gold.entities
                    if any(self.tokens.jaccard(tuple(m), tuple(span)) >= OVERLAP for m in e["mentions"])
                ),
                None,
            )
            if owner is not None:
                right = p.speaker is not None and entity_map.get(owner) == p.speaker
                c.add(Counts(int(right), 1, 1))
                if not right:
                    words = f"{self.gold.text[span[0] : span[1]]} {p.cue} (gold: {owner})"
                    self.scores.errors.append(Miss("speaker pronoun", "miss", self.gold.id, words, self.sentence(span)))
        if c.gold:
            self.scores.files["speaker pronoun"] += 1
            self.scores.exact["speaker pronoun"].add(c)
            self.scores.overlap["speaker pronoun"].add(c)

    def speaker_kinds(self, golds: list[dict], preds: list, speaker_ok) -> None:
        """Speaker accuracy on statements whose cue kg found, by how the gold speaker is given: a
        name, a pronoun ("he said") or a description ("the company said"). Scored as accuracy."""
        cues = _match([tuple(g["cue_span"]) for g in golds], [tuple(p.cue_span) for p in preds], self.overlap, 1e-9)
        counts = {kind: Counts() for kind in ("named", "pronoun", "description")}
        for i, j in cues:
            g = golds[i]
            if not g.get("speaker_span"):
                continue
            words = self.gold.text[g["speaker_span"][0] : g["speaker_span"][1]]
            if words.lower() in PRONOUNS:
                kind = "pronoun"
            elif g.get("speaker") and any(w[:1].isupper() for w in words.split()):
                kind = "named"
            else:
                kind = "description"
            ok = speaker_ok(g, preds[j])
            counts[kind].add(Counts(int(ok), 1, 1))
        for kind, c in counts.items():
            if c.gold:
                layer = f"speaker {kind}"
                self.scores.files[layer] += 1
                self.scores.exact[layer].add(c)
                self.scores.overlap[layer].add(c)


def score_article(gold: Gold, pred: Extraction) -> Scores:
    return _Scorer(gold, pred).run()


def load_relation_gold(folder: str | Path) -> dict[str, list[dict]]:
    """Relation gold by article id: one JSON file per article with ``id`` and ``relations``
    (subject and object as the corpus file's entity names; see benchmarks/relations-gold)."""
    out = {}
    for path in sorted(Path(folder).glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            out[str(data["id"])] = list(data["relations"])
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as exc:
            raise InputError(f"{path}: not a relation gold file ({exc})") from None
    if not out:
        raise InputError(f"{folder}: no relation gold files (*.json) there")
    return out


def evaluate(
    paths: Iterable[str | Path],
    *,
    on_file: Callable[[], None] = lambda: None,
    relations: dict[str, list[dict]] | None = None,
) -> Scores:
    """Extract every gold article's text and score the result against its annotations;
    ``relations`` adds relation gold by article id."""
    from kg.extract import extract_many

    golds = [load_gold(p) for p in gold_files(paths)]
    for gold in golds:
        if relations and gold.id in relations:
            gold.relations = relations[gold.id]
    articles = (Article(text=g.text, title=g.title or "", published=g.published, id=g.id) for g in golds)
    total = Scores()
    for gold, extraction in zip(golds, extract_many(articles), strict=True):
        total.add(score_article(gold, extraction))
        on_file()
    return total


def count_gold(paths: Iterable[str | Path]) -> int:
    return len(gold_files(paths))


def format_table(scores: Scores, *, title: str = "") -> str:
    lines = []
    if title:
        lines.append(title)
    header = f"{'layer':20} {'files':>5} {'gold':>6} {'pred':>6} | {'exact P':>7} {'R':>6} {'F1':>6} | " + (
        f"{'overlap P':>9} {'R':>6} {'F1':>6}"
    )
    lines += [header, "-" * len(header)]
    for layer in LAYERS:
        if not scores.files[layer]:
            continue
        e, o = scores.exact[layer], scores.overlap[layer]
        lines.append(
            f"{layer:20} {scores.files[layer]:>5} {o.gold:>6} {o.pred:>6} | "
            f"{e.precision:>7.3f} {e.recall:>6.3f} {e.f1:>6.3f} | {o.precision:>9.3f} {o.recall:>6.3f} {o.f1:>6.3f}"
        )
    lines.append(f"({scores.documents} documents; overlap = token Jaccard >= {OVERLAP})")
    return "\n".join(lines)


def worst_errors(scores: Scores, n: int) -> Iterator[Miss]:
    """Up to ``n`` misses and ``n`` false alarms per layer, the most frequent texts first."""
    from collections import Counter

    for layer in LAYERS:
        for kind in ("miss", "false alarm"):
            items = [m for m in scores.errors if m.layer == layer and m.kind == kind]
            freq = Counter(m.text.lower() for m in items)
            items.sort(key=lambda m: (-freq[m.text.lower()], m.doc))
            seen: set[str] = set()
            shown = 0
            for m in items:
                if m.text.lower() in seen:
                    continue
                seen.add(m.text.lower())
                yield m
                shown += 1
                if shown >= n:
                    break
