"""Attributed statements and the reports they come from, read off the dependency parse.

Constructions: reporting verbs with a clause or object ("X said that ...", "X denied ...",
"X urged Y to ..."), participles that inherit their subject ("..., stating that ..."), direct
quotes with a cue outside them ("'...,' it said"), "according to X", headline forms ("X Says
..."), passives without an agent ("X has been accused of ...", "it was announced that ..."),
reporting nouns ("the mayor's claim that ...") and reports as speakers ("the report found", "a
December 2024 report by X determined"). The speaker is resolved through pronouns and
descriptions; a finding of a report is attributed to the report's author and linked to the report.

One module per concern: ``quotes`` (quotation marks, which quote a cue takes), ``cues`` (what counts
as a reporting cue), ``content`` (what a cue reports), ``speakers`` (who speaks), ``reports``
(reports as speakers), ``constructions``, ``nouns`` and ``headlines`` (the passes that find statements),
``answers`` (which statement answers which); ``context`` holds what the passes share.
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.coref import EntityIndex
from kg.extract.statements.answers import relate
from kg.extract.statements.constructions import according_to, continued_quotes, from_verbs, issued_quotes
from kg.extract.statements.context import Context
from kg.extract.statements.headlines import headline, headline_inverted, headline_source
from kg.extract.statements.nouns import from_nouns
from kg.extract.statements.quotes import quote_spans
from kg.extract.statements.speakers import pronouns_in_text_order
from kg.model import Entity, Report, Statement
from kg.nlp import doc_text

__all__ = ["extract_statements", "quote_spans"]


def extract_statements(
    doc: Doc, entities: list[Entity], published: str | None = None
) -> tuple[list[Statement], list[Report]]:
    """Statements and reports of one parsed article."""
    text = doc_text(doc)
    index = EntityIndex(entities, text)
    quotes = quote_spans(text)
    index.quotes = quotes
    index.learn_titles(doc)
    index.learn_salience(doc)
    ctx = Context(doc=doc, text=text, index=index, published=published, quotes=quotes)
    headline(ctx)
    headline_inverted(ctx)
    from_verbs(ctx)
    issued_quotes(ctx)
    from_nouns(ctx)
    according_to(ctx)
    headline_source(ctx)
    pronouns_in_text_order(ctx)
    continued_quotes(ctx)
    ctx.statements.sort(key=lambda s: (s.cue_span[0], s.content_span[0]))
    renumber = {s.id: f"s{i + 1}" for i, s in enumerate(ctx.statements)}
    for s in ctx.statements:
        s.id = renumber[s.id]
        s.continues = renumber.get(s.continues or "")
    relate(ctx)
    for report in ctx.reports:
        report.findings = [s.id for s in ctx.statements if s.report == report.id]
    return ctx.statements, ctx.reports
