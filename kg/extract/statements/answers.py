"""Statements in relation to each other and to reports: criticism of a report, and which earlier
finding, accusation or claim a denial answers."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.lexicon import CRITICAL_WORDS, REPORT_NOUNS
from kg.extract.statements.context import Context
from kg.extract.statements.reports import matching_report, report_for
from kg.model import Report, Statement


def relate(ctx: Context) -> None:
    for i, stmt in enumerate(ctx.statements):
        report = _report_in(ctx, stmt)
        if stmt.kind == "claim" and report is not None and _critical(stmt):
            stmt.kind = "criticism"
        if stmt.kind in {"criticism", "denial"} and report is not None and stmt.about is None:
            stmt.about = report.id
        if stmt.kind == "denial":
            stmt.responds_to = _answered(ctx, stmt, ctx.statements[:i], report)


def _report_in(ctx: Context, stmt: Statement) -> Report | None:
    """A report the statement is about: named in its content, or in its speaker ('critics of the report')."""
    spans = [(min(stmt.cue_span[0], stmt.content_span[0]), max(stmt.cue_span[1], stmt.content_span[1]))]
    if stmt.speaker_span and stmt.report is None:
        spans.append(stmt.speaker_span)
    tokens = [t for lo, hi in spans for t in ctx.doc.char_span(lo, hi, alignment_mode="expand") or []]
    for token in tokens:
        if token.lemma_.lower() not in REPORT_NOUNS:
            continue
        report = report_for(ctx, token)
        if report is None and _definite(token):
            report = matching_report(ctx, token.idx, None, None, None, False)
        if report is not None and report.author != stmt.speaker:
            return report
    return None


def _definite(token: Token) -> bool:
    return any(c.lower_ in {"the", "this", "that"} for c in token.children if c.dep_ == "det")


def _critical(stmt: Statement) -> bool:
    words = {w.strip('.,;:\u201c\u201d"').lower() for w in stmt.content.split()}
    return bool(words & CRITICAL_WORDS) or bool(words & {"not", "never", "n't"})


def _answered(ctx: Context, denial: Statement, earlier: list[Statement], report: Report | None) -> str | None:
    if report is not None:
        for stmt in earlier:
            if stmt.report == report.id and stmt.kind == "finding":
                return stmt.id
    best, best_score = None, 0.0
    own = _content_words(ctx, denial)
    for stmt in earlier:
        same_speaker = stmt.speaker == denial.speaker and (
            stmt.speaker is not None or stmt.speaker_text == denial.speaker_text
        )
        if stmt.kind not in {"finding", "accusation", "claim"} or same_speaker:
            continue
        score = len(own & _content_words(ctx, stmt))
        if denial.speaker and denial.speaker in ctx.index.in_span(*stmt.content_span):
            # what a report finds or an accuser says of the denier is what it denies; someone's
            # account that only names the denier needs words in common as well
            score += 1.5 if stmt.kind != "claim" else 0.75
        if stmt.kind != "claim":
            score += 0.5
        if score > best_score:
            best, best_score = stmt.id, score
    return best if best_score >= 2 else None


def _content_words(ctx: Context, stmt: Statement) -> set[str]:
    """The lemmas that can show two statements bear on one matter ("attacked", "attacking"):
    not function words ("that", "would")."""
    span = ctx.doc.char_span(*stmt.content_span, alignment_mode="expand")
    tokens = span if span is not None else []
    return {t.lemma_.lower() for t in tokens if t.is_alpha and len(t) > 2 and not t.is_stop}
