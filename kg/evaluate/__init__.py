"""``kg eval``: extraction scored against annotated gold articles.

:mod:`~kg.evaluate.scoring` scores each layer of extraction (precision, recall, F1, exact and overlap);
:mod:`~kg.evaluate.crossdoc` scores cross-document event coreference with the metrics of
:mod:`~kg.evaluate.coref` (MUC, B3, CEAF-e, CoNLL F1). Both read the pipeline's public functions only.
"""

from __future__ import annotations

from kg.evaluate.crossdoc import evaluate_crossdoc, format_crossdoc
from kg.evaluate.scoring import (
    LAYERS,
    Gold,
    Scores,
    count_gold,
    evaluate,
    format_table,
    load_relation_gold,
    score_article,
    worst_errors,
)

__all__ = [
    "LAYERS",
    "Gold",
    "Scores",
    "count_gold",
    "evaluate",
    "evaluate_crossdoc",
    "format_crossdoc",
    "format_table",
    "load_relation_gold",
    "score_article",
    "worst_errors",
]
