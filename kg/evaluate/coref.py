"""Coreference scores: MUC, B-cubed, CEAF-e and the CoNLL F1 (their mean).

Key and response are lists of clusters (sets of mention ids). Mentions that appear on one side
only count as singletons on the other (the usual treatment of predicted mentions): they lower
B-cubed and CEAF-e precision or recall, and add no links to MUC.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class PRF:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def _muc_side(a: list[set], b: list[set]) -> float:
    """MUC recall of ``b`` against ``a``: links of ``a`` kept by ``b``'s partition."""
    where = {m: i for i, c in enumerate(b) for m in c}
    num = den = 0
    for cluster in a:
        if len(cluster) < 2:
            continue
        parts = {where.get(m, ("alone", m)) for m in cluster}
        num += len(cluster) - len(parts)
        den += len(cluster) - 1
    return num / den if den else 0.0


def muc(key: list[set], response: list[set]) -> PRF:
    return PRF(_muc_side(response, key), _muc_side(key, response))


def _b3_side(a: list[set], b: list[set]) -> float:
    where = {m: c for c in b for m in c}
    total = sum(len(c) for c in a)
    if not total:
        return 0.0
    score = 0.0
    for cluster in a:
        for m in cluster:
            other = where.get(m, {m})
            score += len(cluster & other) / len(cluster)
    return score / total


def b_cubed(key: list[set], response: list[set]) -> PRF:
    return PRF(_b3_side(response, key), _b3_side(key, response))


def ceaf_e(key: list[set], response: list[set]) -> PRF:
    """Entity-based CEAF: the best one-to-one alignment of clusters by phi4 similarity."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    if not key or not response:
        return PRF(0.0, 0.0)
    sim = np.zeros((len(key), len(response)))
    for i, k in enumerate(key):
        for j, r in enumerate(response):
            common = len(k & r)
            if common:
                sim[i, j] = 2 * common / (len(k) + len(r))
    rows, cols = linear_sum_assignment(-sim)
    total = float(sim[rows, cols].sum())
    return PRF(total / len(response), total / len(key))


def conll(key: list[set], response: list[set]) -> dict:
    scores = {"muc": muc(key, response), "b3": b_cubed(key, response), "ceafe": ceaf_e(key, response)}
    out = {name: s.to_json() for name, s in scores.items()}
    out["conll_f1"] = round(sum(s.f1 for s in scores.values()) / 3, 4)
    return out
