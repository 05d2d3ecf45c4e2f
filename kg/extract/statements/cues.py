"""What counts as a reporting cue: a verb of saying that reports here, rather than naming ("what it
called X"), intending ("to determine whether"), acting ("accepted the offer") or being hypothetical
("would find")."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.coref import PLACE_NOUNS
from kg.extract.lexicon import ASPECTUAL, CUE_KINDS, INTENTIONS, QUOTE_ONLY, REPORT_NOUNS, REPORT_OBJECT, UNREAL_MODALS
from kg.extract.statements.context import Context
from kg.extract.statements.quotes import quote_for


def is_cue(ctx: Context, token: Token) -> bool:
    """Whether a verb reports what someone says here, rather than naming, intending or acting."""
    lemma = token.lemma_.lower()
    if lemma not in CUE_KINDS or token.i in ctx.cue_tokens or ctx.in_quote(token.idx):
        return False
    if not (token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB")):
        return False
    deps = {c.dep_ for c in token.children}
    lowers = {c.lower_ for c in token.children}
    preps = {c.lower_ for c in token.children if c.dep_ == "prep"}
    if token.dep_ in {"amod", "csubj"}:
        return False
    # "by saying that ...", "reports stating that ...", "a statement denying that ...": a gerund
    # that governs a content clause reports speech; without one ("after saying goodbye") it does not
    reports_clause = token.tag_ == "VBG" and (
        "ccomp" in deps or quote_for(ctx, token) is not None or _object_with_clause(token)
    )
    if token.dep_ == "pcomp" and not reports_clause:
        return False
    if token.dep_ == "acl" and CUE_KINDS[lemma] != "call" and not reports_clause:
        return False
    if token.dep_ == "relcl" and not (_speaker_is_antecedent(token) or _quotes_after(ctx, token)):
        return False
    if lemma in QUOTE_ONLY and quote_for(ctx, token) is None and not described_as(ctx, token):
        return False
    if lemma in {"call", "ask"} and not (preps & {"for", "on"} or deps & {"xcomp", "ccomp"}):
        return False
    if lemma == "distance" and not lowers & {"itself", "himself", "herself", "themselves"}:
        return False
    if lemma == "charge" and "with" not in preps:
        return False
    if lemma == "fault" and "for" not in preps:
        return False  # "faulted the agency for ...", not "fault lines"
    if lemma == "accept" and not any(
        (c.dep_ == "ccomp" and any(m.lower_ == "that" for m in c.children)) or (c.dep_ == "xcomp" and c.tag_ == "VBG")
        for c in token.children
    ):
        return False  # "accepted the offer", "accepted to stay": no admission
    if lemma == "claim" and not deps & {"ccomp", "xcomp"} and _claims_a_place(ctx, token):
        return False  # "Israel claims Jerusalem": a claim to land, not something said
    if token.tag_ == "VBG" and token.dep_ in {"pobj", "pcomp"} and token.head.lower_ == "into":
        return False  # "tricks the chip into thinking that ...": the object is led to think, nobody says
    if not deps & {"ccomp", "dobj"} and any(_predicative(c) for c in token.children):
        return False  # "was found wet on a street", "found dead", "50 reported injured": how someone is, not a report
    if _question(ctx, token):
        return False  # "So what does AMD hope to gain?": the article asks, nobody states
    if lemma in REPORT_OBJECT and not deps & {"ccomp", "xcomp"} and not _verdict(token) and not _by_report(token):
        return False  # "police found weapons", "the software finds two servers": found, not a finding
    if "neg" in deps or _infinitive(token) or _inside_what_clause(token) or _noun_before_relative(ctx, token):
        return False
    marks = {c.lower_ for c in token.children if c.dep_ == "mark"}
    if marks & {"if", "unless"} or {"so", "that"} <= marks:
        return False  # "if found guilty", "unless he says otherwise", "so that it finds ...": a condition or a purpose
    if any(c.dep_ == "aux" and c.text in UNREAL_MODALS for c in token.children):
        return False  # "the inquiry would find ...", "he will announce ...": not said (yet)
    # "X was accused of ...", "it was reported that ...", "films are reported to want ...", "the names are
    # announced to be changed": a passive without its agent reports an accusation or a clause, by someone
    # the text does not name; "cases were reported to the police" does not, and "the sale is expected to
    # close in May" forecasts an event (its factuality says so), nobody's statement
    # a clause of its own: "residents were told that ...", "X is believed to have ...", not "the news was
    # announced, the index dipped" nor "they were found swimming" (found, not a finding)
    clause = any(
        (c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ in {"that", "whether"} for m in c.children))
        or (c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))
        for c in token.children
    )
    speech_passive = (
        (CUE_KINDS[lemma] in {"accusation", "criticism"} and lemma != "question")  # "was questioned": by police
        or (lemma in {"report", "say", "claim"} and bool(deps & {"ccomp", "xcomp"}))
        or (lemma not in INTENTIONS and clause)
    )
    expletive = any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in token.children) and "ccomp" in deps
    speech_passive = speech_passive or expletive
    return not (passive_without_agent(token) and not speech_passive)


def ends_headline(ctx: Context, token: Token) -> bool:
    """Whether the token is the last word of the headline ('... according to rebels, report')."""
    end = ctx.text.find("\n")
    return 0 < end and token.idx < end and not ctx.text[token.idx + len(token.text) : end].strip(" .!?")


def _claims_a_place(ctx: Context, verb: Token) -> bool:
    """'Israel claims Jerusalem', 'claim the eastern part of the city': land, not words."""
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        if obj.lemma_.lower() in {"part", "half", "rest", "most", "all", "parts"}:
            obj = next((p for c in obj.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj"), obj)
        eid = ctx.index.at(obj.idx, obj.idx + len(obj.text))
        place = eid is not None and ctx.index.by_id[eid].type == "Place"
        if place or obj.ent_type_ in {"GPE", "LOC"} or obj.lemma_.lower() in PLACE_NOUNS:
            return True
    return False


def bids(verb: Token) -> bool:
    """Whether the verb tells someone to do something: an object and an infinitive after it."""
    obj = any(c.dep_ in {"dobj", "dative"} and c.i > verb.i for c in verb.children)
    infinitive = any(
        c.dep_ in {"xcomp", "ccomp", "advcl"} and c.tag_ == "VB" and any(a.lower_ == "to" for a in c.children)
        for c in verb.children
    )
    return obj and infinitive


def _object_with_clause(verb: Token) -> bool:
    """'expressing their concern that the cardinal is playing politics': the object carries the clause."""
    return any(
        c.dep_ == "dobj"
        and any(
            g.dep_ in {"acl", "ccomp"} and any(m.dep_ == "mark" and m.lower_ == "that" for m in g.children)
            for g in c.children
        )
        for c in verb.children
    )


def _quotes_after(ctx: Context, token: Token) -> bool:
    """'a report, in which the agency states, "..."': a relative clause with a subject of its own
    that opens a direct quote reports it."""
    own = any(c.dep_ == "nsubj" and c.tag_ not in {"WDT", "WP"} for c in token.children)
    quote = quote_for(ctx, token) if own else None
    return quote is not None and quote[0] > token.idx


def described_as(ctx: Context, token: Token) -> tuple[int, int] | None:
    """'described the talks as "useful"': the object and what it is described as."""
    if token.lemma_.lower() != "describe":
        return None
    obj = next((c for c in token.children if c.dep_ == "dobj" and c.i > token.i), None)
    # the parser hangs the 'as' on the verb or on its object ("the response as 'chaotic'")
    heads = [token] + ([obj] if obj is not None else [])
    as_ = next((c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > token.i), None)
    if obj is None or as_ is None or not any(not c.is_punct for c in as_.children):
        return None
    return ctx.span(obj.left_edge.i, as_.right_edge.i + 1)


def _verdict(verb: Token) -> bool:
    """'found him guilty', 'found the firm liable': an object and what it was judged to be."""
    return any(c.dep_ == "dobj" for c in verb.children) and any(
        c.dep_ in {"oprd", "acomp", "ccomp"} and c.pos_ == "ADJ" for c in verb.children
    )


def _by_report(verb: Token) -> bool:
    """Whether a report or an inquiry is the verb's subject ("the study found", "an investigation by X
    has found"), directly or through the verb it is conjoined with."""
    current = verb
    while current.dep_ == "conj" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in current.children):
        current = current.head
    subject = next((c for c in current.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None and current.dep_ == "acl":
        subject = current.head  # "a study finding high levels"
    return subject is not None and subject.lemma_.lower() in REPORT_NOUNS


def _predicative(child: Token) -> bool:
    """An adjective or a bare participle saying how the object is: "dead", "injured", "wet"."""
    bare = not any(a.lower_ == "to" or a.dep_ in {"aux", "auxpass"} for a in child.children)  # not "having seen"
    return (child.dep_ in {"oprd", "acomp"} and child.pos_ == "ADJ") or (
        child.dep_ == "xcomp" and child.tag_ == "VBN" and bare
    )


def _question(ctx: Context, token: Token) -> bool:
    """Whether the cue's sentence is a question outside any quotation."""
    last = next((t for t in reversed(token.sent) if not (t.is_space or t.text in {'"', "\u201d", "\u2019", "'"})), None)
    return last is not None and last.text == "?" and not ctx.in_quote(last.idx) and not ctx.in_quote(token.idx)


def _noun_before_relative(ctx: Context, token: Token) -> bool:
    """'..., notes that don't have any conclusion': a 'that' right after the word that is the subject of
    the next verb makes a relative clause, so the word is a noun the parser took for a verb ('that'
    after a verb of saying opens a clause with a subject of its own)."""
    after = ctx.doc[token.i + 1] if token.i + 1 < len(ctx.doc) else None
    return after is not None and after.lower_ == "that" and after.tag_ == "WDT" and after.dep_ in {"nsubj", "nsubjpass"}


def _speaker_is_antecedent(token: Token) -> bool:
    """'analysts, who had forecast that ...' reports; 'the merger it said was planned' does not."""
    return any(c.dep_ == "nsubj" and c.lower_ in {"who", "which", "that"} for c in token.children)


def _infinitive(token: Token) -> bool:
    """'a hearing to determine whether ...', 'he would write to say he would ...': a purpose or a
    plan, not a report; 'they continue to demand ...', 'she went on to say ...' still report."""
    head = token.head
    phase = head.lemma_.lower() in ASPECTUAL or any(
        c.dep_ == "prt" and f"{head.lemma_.lower()} {c.lower_}" in ASPECTUAL for c in head.children
    )
    return (
        token.tag_ == "VB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        and token.dep_ in {"advcl", "acl", "relcl", "xcomp"}
        and not phase
    )


def passive_without_agent(token: Token) -> bool:
    children = {c.dep_ for c in token.children}
    return "auxpass" in children and "agent" not in children


def _inside_what_clause(token: Token) -> bool:
    """'what it called X', 'what they described as X': naming, not reporting."""
    return any(
        (c.dep_ == "dobj" and c.lower_ in {"what", "which"}) or (c.dep_ == "nsubj" and c.lower_ == "what")
        for c in token.children
    )
