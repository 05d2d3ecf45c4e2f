"""Check the relation gold files in this folder against the corpus they annotate.

Usage: python validate.py [CORPUS_ROOT]   (default: ../../../shared/corpus relative to this file,
i.e. /work/shared/corpus). Exits 1 if any check fails; prints counts by corpus and predicate.
"""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parents[2] / "shared" / "corpus"

# predicate -> (allowed subject types, allowed object types)
SIGNATURES = {
    "leader_of": ({"Person"}, {"Organization", "Place", "Group"}),
    "works_for": ({"Person"}, {"Organization", "Place"}),
    "member_of": ({"Person", "Organization"}, {"Organization", "Group"}),
    "part_of": ({"Organization"}, {"Organization", "Place"}),
    "based_in": ({"Organization"}, {"Place"}),
    "located_in": ({"Place"}, {"Place"}),
}


def main() -> int:
    errors: list[str] = []
    by_pred: collections.Counter = collections.Counter()
    by_corpus: collections.Counter = collections.Counter()
    articles: collections.Counter = collections.Counter()
    empty = 0
    for path in sorted(HERE.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        where = path.name
        if set(gold) != {"id", "corpus", "source_file", "relations"}:
            errors.append(f"{where}: keys {sorted(gold)}")
        if path.stem != gold["id"]:
            errors.append(f"{where}: file name does not match id {gold['id']!r}")
        if gold["corpus"] not in {"meantime", "gum-news"}:
            errors.append(f"{where}: corpus {gold['corpus']!r}")
        src = ROOT / gold["source_file"]
        if not src.is_file():
            errors.append(f"{where}: no source file {src}")
            continue
        doc = json.loads(src.read_text(encoding="utf-8"))
        if doc["id"] != gold["id"]:
            errors.append(f"{where}: source id {doc['id']!r} != {gold['id']!r}")
        if not gold["source_file"].startswith(gold["corpus"] + "/dev/"):
            errors.append(f"{where}: source_file {gold['source_file']!r} not in {gold['corpus']}/dev/")
        text = doc["text"]
        types = {e["name"]: e["type"] for e in doc["entities"]}
        articles[gold["corpus"]] += 1
        empty += not gold["relations"]
        seen = set()
        for i, rel in enumerate(gold["relations"]):
            tag = f"{where} #{i} {rel.get('subject')!r} {rel.get('predicate')} {rel.get('object')!r}"
            if set(rel) != {"subject", "predicate", "object", "evidence", "evidence_text"}:
                errors.append(f"{tag}: keys {sorted(rel)}")
                continue
            pred = rel["predicate"]
            if pred not in SIGNATURES:
                errors.append(f"{tag}: unknown predicate")
                continue
            for role in ("subject", "object"):
                if rel[role] not in types:
                    errors.append(f"{tag}: {role} is not an entity name of {gold['source_file']}")
            if rel["subject"] == rel["object"]:
                errors.append(f"{tag}: subject equals object")
            key = (rel["subject"], pred, rel["object"])
            if key in seen:
                errors.append(f"{tag}: duplicate triple")
            seen.add(key)
            start, end = rel["evidence"]
            if not (0 <= start < end <= len(text)) or text[start:end] != rel["evidence_text"]:
                errors.append(f"{tag}: text[{start}:{end}] = {text[start:end]!r} != {rel['evidence_text']!r}")
            subj_types, obj_types = SIGNATURES[pred]
            if types.get(rel["subject"]) not in subj_types or types.get(rel["object"]) not in obj_types:
                errors.append(
                    f"{tag}: types {types.get(rel['subject'])} -> {types.get(rel['object'])} do not fit {pred}"
                )
            by_pred[pred] += 1
            by_corpus[gold["corpus"]] += 1
    for e in errors:
        print("ERROR", e)
    total = sum(by_pred.values())
    print(f"articles: {sum(articles.values())} ({dict(articles)}), {empty} with no relation")
    print(f"relations: {total} ({dict(by_corpus)})")
    for pred in SIGNATURES:
        print(f"  {pred:11s} {by_pred[pred]}")
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
