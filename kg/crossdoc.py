"""Cross-document event coreference: which event mentions in different articles are one event.

The method, documented so results can be checked:

1. Articles are grouped into *stories* by average-linkage clustering of their TF-IDF vectors of
   content lemmas (nouns, proper nouns, verbs, numbers; names count twice): groups merge while the
   mean cosine similarity between their articles is at least ``DOC_THRESHOLD``.
2. Mentions the extraction found to be one event within an article (``Event.mentions``) are one
   chain. Within a story, two event mentions of different articles corefer when they share a
   trigger key (the same type from the taxonomy, for typed events, or the same ``trigger_key``: the
   lemma with its nominalisation undone and its synonym family applied, so "shooting"/"shot" and
   "arrest"/"nab" meet) and nothing conflicts: no different normalised times, no conflicting places
   (as stories judge them, ``kg.stories.places_conflict``), no disjoint agents, and a speech act
   only with one of its speakers (named, or the head of the speaker phrase: "police") or one
   reporting the same claim (``kg.stories.same_claim``). Chains are the connected components.

The *lemma baseline* used for comparison puts all mentions with the same trigger lemma in one
chain, across all articles given to it.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from kg.clusters import UnionFind
from kg.stories import claim_words, places_conflict, same_claim

DOC_THRESHOLD = 0.05
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "NUM"})
# Event words news uses for one happening: a trigger in a family keys as the family's first word.
EVENT_FAMILIES = [
    "die death dead pass perish fatality kill killing",
    "injure injury wound hurt",
    "arrest capture detain detention nab apprehend custody",
    "steal rob robbery theft snatch burgle burglary loot heist",
    "damage destroy destruction devastate wreck raze",
    "find discover discovery locate uncover",
    "shoot shooting gunfire gun shot",
    "hit strike",
    "foil thwart",
    "fix patch plug repair",
    "acquire acquisition buy purchase takeover",
    "dismiss sack oust",
    "earthquake quake tremor temblor",
    "explode explosion blast detonate detonation",
    "resign resignation quit",
    "appoint appointment name nominate nomination hire",
    "crash collide collision",
    "burn burning blaze",
    "enter admit check",
    "win victory",
    "defeat beat",
    "say tell state",
    "release issue launch unveil",
    "attempt try bid",
]
FAMILY = {word: family.split()[0] for family in EVENT_FAMILIES for word in family.split()}
# Nominalisations whose verb suffix rules cannot recover.
NOMINALISATIONS = {
    "election": "elect",
    "invasion": "invade",
    "arrival": "arrive",
    "departure": "depart",
    "loss": "lose",
    "sale": "sell",
    "growth": "grow",
    "flight": "fly",
    "trial": "try",
}


@dataclass
class EventMention:
    id: str
    doc: str
    lemma: str
    type: str = "Other"
    time: str | None = None
    place: str | None = None
    agents: frozenset[str] = field(default_factory=frozenset)
    said: frozenset[str] = field(default_factory=frozenset)  # a speech act's content words
    event: str | None = None  # the extracted event it belongs to: mentions of one event in one article


def content_lemmas(doc) -> Counter:
    """Content lemma counts, names twice: two stories of one kind (two earthquakes, two arrests)
    share their vocabulary and differ in their places and people."""
    bag: Counter = Counter()
    for t in doc:
        if t.pos_ in CONTENT_POS and not t.is_stop and re.search(r"\w", t.text):
            bag[t.lemma_.lower()] += 2 if t.pos_ == "PROPN" or t.ent_type_ else 1
    return bag


def story_groups(bags: dict[str, Counter], threshold: float = DOC_THRESHOLD) -> dict[str, int]:
    """Article id -> story number: average-linkage clustering of TF-IDF vectors, merging groups while
    their mean cosine similarity is at least ``threshold``. Average linkage, unlike connected
    components of similar pairs, does not chain two stories of one topic together through a few
    articles that mention both."""
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage

    docs = sorted(bags)
    if len(docs) < 2:
        return {d: 0 for d in docs}
    n = len(docs)
    df = Counter(term for bag in bags.values() for term in bag)
    vocab = {t: i for i, t in enumerate(sorted(df))}
    matrix = np.zeros((n, len(vocab)))
    for i, d in enumerate(docs):
        for t, c in bags[d].items():
            matrix[i, vocab[t]] = c * math.log((1 + n) / (1 + df[t]))
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    matrix = matrix / np.where(norms > 0, norms, 1.0)
    # cosine distance of an empty (all-zero) vector is undefined; give it its own dimension
    empty = norms[:, 0] == 0
    if empty.any():
        matrix = np.hstack([matrix, np.diag(empty.astype(float))[:, empty]])
    labels = fcluster(linkage(matrix, method="average", metric="cosine"), t=1 - threshold, criterion="distance")
    first: dict[int, int] = {}
    for label in labels:
        first.setdefault(label, len(first))
    return {d: first[label] for d, label in zip(docs, labels, strict=True)}


def trigger_key(lemma: str) -> str:
    """What two triggers must share to name one event: the synonym family, else the lemma with a
    nominal "-ing" and a final "e" removed ("bombing" and "bomb", "firing" and "fire" meet)."""
    if lemma in FAMILY:
        return FAMILY[lemma]
    word = NOMINALISATIONS.get(lemma, lemma)
    if word.endswith("ing") and len(word) > 5:
        word = word[:-3]
        if word[-1] == word[-2] and word[-1] not in "lsfz":  # "stabbing" -> "stab"
            word = word[:-1]
    return word.rstrip("e") if len(word) > 3 else word


def _conflict(a: EventMention, b: EventMention) -> bool:
    if a.time and b.time and not (a.time.startswith(b.time) or b.time.startswith(a.time)):
        return True
    if places_conflict(a.place, b.place):
        return True
    if "Statement" in (a.type, b.type):  # one speech act: one speaker, or one claim (as stories compare them)
        return not (a.agents & b.agents or same_claim(a.said, b.said))
    return bool(a.agents and b.agents and not a.agents & b.agents)


def event_chains(mentions: list[EventMention], story_of: dict[str, int]) -> list[set[str]]:
    """Chains of coreferent event mentions (the method in the module docstring)."""
    chains = UnionFind(m.id for m in mentions)
    first_of: dict[str, str] = {}
    for m in mentions:  # what the extraction already found to be one event within an article
        if m.event is not None:
            chains.union(first_of.setdefault(m.event, m.id), m.id)
    blocks: dict[tuple, list[EventMention]] = defaultdict(list)
    for m in mentions:
        story = story_of.get(m.doc, m.doc)
        blocks[(story, trigger_key(m.lemma))].append(m)
        if m.type not in {"Other", "Statement"}:
            blocks[(story, m.type)].append(m)
    for block in blocks.values():
        block.sort(key=lambda m: m.id)
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                if a.doc != b.doc and not _conflict(a, b):
                    chains.union(a.id, b.id)
    return [set(group) for group in chains.groups().values()]


def lemma_baseline(mentions: list[EventMention]) -> list[set[str]]:
    chains: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        chains[m.lemma].add(m.id)
    return list(chains.values())


TOPIC_PATTERN = r"^[a-z-]+?-(\d+)-"


def _topic(doc_id: str, pattern: str) -> str:
    m = re.match(pattern, doc_id)
    return m.group(1) if m else "all"


def _spans(ev) -> list[tuple[int, int]]:
    """Every mention of an extracted event in its article (the trigger first)."""
    spans = [tuple(ev.span)] + [tuple(s) for s in ev.mentions or []]
    return list(dict.fromkeys(spans))


def _predicted_id(doc_id: str, span: tuple[int, int], gold_spans: list[tuple], tokens, taken: set[str]) -> str:
    """A predicted mention's id: that of the gold mention it overlaps (token Jaccard >= 0.5), so the
    metrics see one mention, else its own; a second prediction on one gold mention is one of its own."""
    anchor = next((s for s in gold_spans if tokens.jaccard(span, s) >= 0.5), span)
    mid = f"{doc_id}:{anchor[0]}-{anchor[1]}"
    if mid in taken:
        mid = f"{doc_id}:{span[0]}-{span[1]}:pred"
    taken.add(mid)
    return mid


def _mention(mid: str, doc_id: str, lemma: str, ev=None, agents=frozenset(), said=frozenset()) -> EventMention:
    """A mention with what kg extracted for the event it belongs to (if any)."""
    if ev is None:
        return EventMention(mid, doc_id, lemma)
    return EventMention(mid, doc_id, lemma, ev.type, ev.time, ev.place, agents, said, f"{doc_id}:{ev.id}")


def _speech_acts(doc, x) -> dict[tuple[int, int], tuple[str | None, frozenset[str]]]:
    """Cue span -> who spoke (the head lemma of the speaker phrase: "the local police" -> police)
    and the content words of what was said, for every statement."""
    return {
        tuple(s.cue_span): (
            _root_lemma(doc, tuple(s.speaker_span)) if s.speaker_span else None,
            frozenset(claim_words(s.content)),
        )
        for s in x.statements
    }


def _root_lemma(doc, span: tuple[int, int]) -> str:
    s = doc.char_span(span[0], span[1], alignment_mode="expand")
    return s.root.lemma_.lower() if s is not None and len(s) else doc.text[span[0] : span[1]].lower()


def evaluate_crossdoc(paths, *, topic_pattern: str = TOPIC_PATTERN) -> dict:
    """Cross-document event coreference against gold ``chain`` ids (ECB+), on gold and on predicted
    mentions, for our method and the lemma baseline; scores pooled over topics."""
    from kg.coref_metrics import conll
    from kg.evaluate import _Tokens, gold_files, load_gold
    from kg.extract import extract_docs
    from kg.model import Article

    golds = [g for g in (load_gold(p) for p in gold_files(paths)) if any(e.get("chain") for e in g.events)]
    if not golds:
        from kg.errors import InputError

        raise InputError("no gold events with cross-document 'chain' ids (ECB+ has them)")
    articles = (Article(text=g.text, title=g.title or "", id=g.id) for g in golds)
    key: dict[str, set[str]] = defaultdict(set)
    gold_mentions: list[EventMention] = []
    predicted: list[EventMention] = []
    bags: dict[str, dict[str, Counter]] = defaultdict(dict)
    entity_data = _EntityData()
    for gold, (doc, x) in zip(golds, extract_docs(articles), strict=True):
        topic = _topic(gold.id, topic_pattern)
        bags[topic][gold.id] = content_lemmas(doc)
        tokens = _Tokens(gold.text)
        entity_data.add(topic, gold, doc, x, tokens)
        names = {e.id: e.name for e in x.entities}
        speech = _speech_acts(doc, x)
        ours = []
        for ev in x.events:
            agents = {names.get(p.entity, p.entity) for p in ev.participants if p.role == "agent"}
            speaker, said = speech.get(tuple(ev.span), (None, frozenset()))
            if speaker:  # a speech act: its speaker, named or not ("police")
                agents.add(speaker)
            ours.append((ev, frozenset(agents), said))
        for item in gold.events:
            span = tuple(item["span"])
            mid = f"{gold.id}:{span[0]}-{span[1]}"
            key[f"{topic}:{item['chain']}"].add(mid)
            match = next((o for o in ours if any(tokens.jaccard(span, tuple(s)) >= 0.5 for s in _spans(o[0]))), None)
            gold_mentions.append(_mention(mid, gold.id, _root_lemma(doc, span), *(match or (None,))))
        taken: set[str] = set()
        gold_spans = [tuple(i["span"]) for i in gold.events]
        # ECB+ keeps one mention per chain and document, the first: so does the prediction
        for ev, agents, said_words in ours:
            span = min(_spans(ev))
            mid = _predicted_id(gold.id, span, gold_spans, tokens, taken)
            predicted.append(_mention(mid, gold.id, _root_lemma(doc, span), ev, agents, said_words))
    story_of = {}
    for topic, topic_bags in bags.items():
        for doc_id, story in story_groups(topic_bags).items():
            story_of[doc_id] = f"{topic}:{story}"
    key_chains = list(key.values())
    results: dict = {"entities": _entity_results(entity_data)}
    for setting, mentions in (("gold mentions", gold_mentions), ("predicted mentions", predicted)):
        by_topic: dict[str, list[EventMention]] = defaultdict(list)
        for m in mentions:
            by_topic[_topic(m.doc, topic_pattern)].append(m)
        ours_chains = [c for ms in by_topic.values() for c in event_chains(ms, story_of)]
        lemma_chains = [c for ms in by_topic.values() for c in lemma_baseline(ms)]
        results[setting] = {"kg": conll(key_chains, ours_chains), "lemma baseline": conll(key_chains, lemma_chains)}
    return {"documents": len(golds), "gold chains": len(key_chains), "doc threshold": DOC_THRESHOLD, **results}


@dataclass
class _EntityData:
    """Entity mentions for cross-document scoring. kg's chains are its canonical keys (type and
    normalised name, the same in every article of a topic); the baseline puts mentions with the
    same head lemma in one chain."""

    key: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    gold: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))  # id -> (kg, lemma)
    predicted: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))

    def add(self, topic: str, gold, doc, x, tokens) -> None:
        ours = [(tuple(span), e.id) for e in x.entities for span in e.mentions]
        gold_spans = [
            (tuple(span), ent["chain"]) for ent in gold.entities if ent.get("chain") for span in ent["mentions"]
        ]
        for span, chain in gold_spans:
            mid = f"{gold.id}:{span[0]}-{span[1]}"
            self.key[f"{topic}:{chain}"].add(mid)
            match = next((k for s, k in ours if tokens.jaccard(span, s) >= 0.5), None)
            ours_key = f"{topic}:{match}" if match else f"{mid}:alone"
            self.gold[mid].append((ours_key, f"{topic}:{_root_lemma(doc, span)}"))
        taken: set[str] = set()
        for span, k in ours:
            mid = _predicted_id(gold.id, span, [s for s, _ in gold_spans], tokens, taken)
            self.predicted[mid].append((f"{topic}:{k}", f"{topic}:{_root_lemma(doc, span)}"))


def _entity_results(data: _EntityData) -> dict:
    from kg.coref_metrics import conll

    key_chains = list(data.key.values())
    out = {"gold chains": len(key_chains)}
    for setting, mentions in (("gold mentions", data.gold), ("predicted mentions", data.predicted)):
        ours: dict[str, set[str]] = defaultdict(set)
        lemma: dict[str, set[str]] = defaultdict(set)
        for mid, [(k, lem), *_] in mentions.items():
            ours[k].add(mid)
            lemma[lem].add(mid)
        out[setting] = {
            "kg": conll(key_chains, list(ours.values())),
            "lemma baseline": conll(key_chains, list(lemma.values())),
        }
    return out


def format_crossdoc(result: dict) -> str:
    lines = []
    for title, part in (("event", result), ("entity", result["entities"])):
        chains = part["gold chains"]
        lines.append(f"cross-document {title} coreference: {result['documents']} documents, {chains} gold chains")
        header = f"{'mentions':20} {'method':16} {'MUC F1':>7} {'B3 F1':>7} {'CEAF-e F1':>9} {'CoNLL F1':>9}"
        lines += [header, "-" * len(header)]
        for setting in ("gold mentions", "predicted mentions"):
            for method, s in part[setting].items():
                lines.append(
                    f"{setting:20} {method:16} {s['muc']['f1']:7.3f} {s['b3']['f1']:7.3f} {s['ceafe']['f1']:9.3f} "
                    f"{s['conll_f1']:9.3f}"
                )
        lines.append("")
    return "\n".join(lines).rstrip()
