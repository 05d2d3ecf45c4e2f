"""Record extraction quality per corpus, so that changes can be compared.

Usage: python benchmarks/quality.py [CORPUS_ROOT] [--markdown]

Runs ``kg eval`` on every ``CORPUS_ROOT/*/dev`` folder (default ``../shared/corpus``), prints the
tables, and appends one JSON line per corpus to ``benchmarks/quality.jsonl`` with the date, the git
commit and the scores. ``--markdown`` also prints the overlap-F1 table used in the README. Relation gold is read from
``benchmarks/relations-gold`` for the articles it covers.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

from kg.evaluate import LAYERS, evaluate, format_table, load_relation_gold

HERE = Path(__file__).resolve().parent


def _commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=HERE, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    root = Path(args[0]) if args else HERE.parent.parent / "shared" / "corpus"
    corpora = sorted(p for p in root.glob("*/dev") if p.is_dir())
    if not corpora:
        print(f"no */dev folders under {root}", file=sys.stderr)
        return 1
    rows = []
    relations = load_relation_gold(HERE / "relations-gold")
    with (HERE / "quality.jsonl").open("a", encoding="utf-8") as log:
        for dev in corpora:
            started = time.perf_counter()
            scores = evaluate([dev], relations=relations)
            seconds = time.perf_counter() - started
            name = dev.parent.name
            print(format_table(scores, title=f"{name} ({seconds:.1f} s)"), "\n")
            record = {
                "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                "commit": _commit(),
                "corpus": name,
                "seconds": round(seconds, 2),
                **scores.to_json(),
            }
            log.write(json.dumps(record) + "\n")
            rows.append((name, scores))
    if "--markdown" in argv:
        shown = [layer for layer in LAYERS if any(scores.files[layer] for _, scores in rows)]
        print("| corpus | docs | " + " | ".join(shown) + " |")
        print("|---|---|" + "---|" * len(shown))
        for name, scores in rows:
            cells = []
            for layer in shown:
                if scores.files[layer]:
                    e, o = scores.exact[layer], scores.overlap[layer]
                    cells.append(f"{o.f1:.2f} ({e.f1:.2f})")
                else:
                    cells.append("–")
            print(f"| {name} | {scores.documents} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
