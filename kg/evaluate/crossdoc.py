"""Cross-document coreference on ECB+: scores exactly what ``kg ingest`` builds.

Events. The articles of each topic are mapped to RDF as ingest writes them and put in a store of
their own, and the stories graph is built from them by :func:`kg.stories.rebuild_stories`, the same
code that every ``kg ingest`` runs (pair scoring, blocking by index keys, connected components,
reports attached with ``kg:reportsOn``). A predicted mention is an extracted event (its first
mention in the article, as ECB+ keeps one mention per chain and document); its chain is its
canonical event (a member or a report of it), else the event on its own, so mentions the extraction
put in one event within an article stay together. A gold mention takes the chain of the extracted
event that overlaps it (token Jaccard >= 0.5), else is a singleton.

Entities. kg's chains are its canonical keys (type and normalised name, the entity IRI the store
uses in every article). The baselines put all mentions with the same lemma (events: the trigger's,
entities: the head's) of one topic in one chain.
"""

from __future__ import annotations

import re
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field

TOPIC_PATTERN = r"^[a-z-]+?-(\d+)-"


def _topic(doc_id: str, pattern: str) -> str:
    m = re.match(pattern, doc_id)
    return m.group(1) if m else "all"


def lemma_baseline(mentions: list[tuple[str, str]]) -> list[set[str]]:
    """(mention id, lemma) of one topic -> one chain per lemma."""
    chains: dict[str, set[str]] = defaultdict(set)
    for mid, lemma in mentions:
        chains[lemma].add(mid)
    return list(chains.values())


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


def _root_lemma(doc, span: tuple[int, int]) -> str:
    s = doc.char_span(span[0], span[1], alignment_mode="expand")
    return s.root.lemma_.lower() if s is not None and len(s) else doc.text[span[0] : span[1]].lower()


def story_chains(extractions: list) -> dict[str, str]:
    """Event IRI -> chain id (its canonical event, else itself) for the articles of one topic, as
    ``kg ingest`` builds the stories graph from them: each article written as ingest writes it into
    a store of their own, then the stories graph built by the same code."""
    from kg.layers.stories import rebuild_stories
    from kg.rdf.graphs import STORIES_GRAPH
    from kg.rdf.iris import article_iri
    from kg.rdf.mapping import extraction_to_ntriples
    from kg.store import open_store

    with tempfile.TemporaryDirectory(prefix="kg-crossdoc-") as where, open_store(where) as store:
        for x in extractions:
            store.replace_graph(str(article_iri(x.article.id)), extraction_to_ntriples(x)[0])
        rebuild_stories(store)
        rows = store.query(
            f"""SELECT ?e ?c WHERE {{ GRAPH <{STORIES_GRAPH}> {{
                  VALUES ?in {{ kg:canonicalEvent kg:reportsOn }} ?e ?in ?c }} }}"""
        ).rows
    return {r["e"].value: r["c"].value for r in rows}


def evaluate_crossdoc(paths, *, topic_pattern: str = TOPIC_PATTERN) -> dict:
    """Cross-document event and entity coreference against gold ``chain`` ids (ECB+), on gold and on
    predicted mentions, for what kg builds and the lemma baseline; scores pooled over topics."""
    from kg.evaluate.coref import conll
    from kg.evaluate.scoring import Tokens, gold_files, load_gold
    from kg.extract import extract_docs
    from kg.model import Article
    from kg.rdf.iris import local_iri

    golds = [g for g in (load_gold(p) for p in gold_files(paths)) if any(e.get("chain") for e in g.events)]
    if not golds:
        from kg.errors import InputError

        raise InputError("no gold events with cross-document 'chain' ids (ECB+ has them)")
    articles = (Article(text=g.text, title=g.title or "", published=g.published, id=g.id) for g in golds)
    key: dict[str, set[str]] = defaultdict(set)
    # per setting: (mention id, topic, event IRI or None, lemma)
    mentions: dict[str, list[tuple[str, str, str | None, str]]] = {"gold mentions": [], "predicted mentions": []}
    by_topic: dict[str, list] = defaultdict(list)
    entity_data = _EntityData()
    for gold, (doc, x) in zip(golds, extract_docs(articles), strict=True):
        topic = _topic(gold.id, topic_pattern)
        by_topic[topic].append(x)
        tokens = Tokens(gold.text)
        entity_data.add(topic, gold, doc, x, tokens)
        iri = {ev.id: str(local_iri(x.article.id, "event", ev.id)) for ev in x.events}
        for item in gold.events:
            span = tuple(item["span"])
            mid = f"{gold.id}:{span[0]}-{span[1]}"
            key[f"{topic}:{item['chain']}"].add(mid)
            match = next((ev for ev in x.events if any(tokens.jaccard(span, s) >= 0.5 for s in _spans(ev))), None)
            mentions["gold mentions"].append((mid, topic, iri[match.id] if match else None, _root_lemma(doc, span)))
        taken: set[str] = set()
        gold_spans = [tuple(i["span"]) for i in gold.events]
        for ev in x.events:
            span = min(_spans(ev))
            mid = _predicted_id(gold.id, span, gold_spans, tokens, taken)
            mentions["predicted mentions"].append((mid, topic, iri[ev.id], _root_lemma(doc, span)))
    chain_of: dict[str, str] = {}
    for extractions in by_topic.values():
        chain_of |= story_chains(extractions)
    key_chains = list(key.values())
    results: dict = {"entities": _entity_results(entity_data)}
    linked = 0
    for setting, items in mentions.items():
        ours: dict[str, set[str]] = defaultdict(set)
        lemmas: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for mid, topic, event, lemma in items:
            ours[chain_of.get(event, event) if event else mid].add(mid)
            lemmas[topic].append((mid, lemma))
        lemma_chains = [c for ms in lemmas.values() for c in lemma_baseline(ms)]
        results[setting] = {}
        for method, chains in (("kg", list(ours.values())), ("lemma baseline", lemma_chains)):
            results[setting][method] = conll(key_chains, chains) | {"links": link_precision(key_chains, chains)}
        if setting == "predicted mentions":
            linked = sum(len(c) for c in ours.values() if len({m.rsplit(":", 1)[0] for m in c}) > 1)
    return {
        "documents": len(golds),
        "gold chains": len(key_chains),
        "predicted mentions in a story": linked,
        **results,
    }


def link_precision(key: list[set[str]], response: list[set[str]]) -> dict:
    """Of the pairs of gold mentions in different documents that a response puts in one chain, how
    many gold puts in one chain: the precision of cross-document links (a wrong link between two
    articles is worse than a missing one)."""
    chain = {m: i for i, c in enumerate(key) for m in c}
    pairs = right = 0
    for c in response:
        ms = sorted(m for m in c if m in chain)
        for i, a in enumerate(ms):
            for b in ms[i + 1 :]:
                if a.split(":", 1)[0] != b.split(":", 1)[0]:
                    pairs += 1
                    right += chain[a] == chain[b]
    return {"pairs": pairs, "right": right, "precision": right / pairs if pairs else None}


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
    from kg.evaluate.coref import conll

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
        if title == "event":
            header += f" {'links across docs (right)':>26}"
        lines += [header, "-" * len(header)]
        for setting in ("gold mentions", "predicted mentions"):
            for method, s in part[setting].items():
                line = (
                    f"{setting:20} {method:16} {s['muc']['f1']:7.3f} {s['b3']['f1']:7.3f} {s['ceafe']['f1']:9.3f} "
                    f"{s['conll_f1']:9.3f}"
                )
                if "links" in s:
                    p = s["links"]["precision"]
                    line += f" {s['links']['pairs']:>13} ({'-' if p is None else f'{p:.3f}'})".rjust(27)
                lines.append(line)
        if title == "event":
            lines.append(
                f"({result['predicted mentions in a story']} predicted mentions in a story of several articles)"
            )
        lines.append("")
    return "\n".join(lines).rstrip()
