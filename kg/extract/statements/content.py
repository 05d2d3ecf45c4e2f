"""What a cue reports: the clause or the objects a reporting verb governs, cut where someone else's
words or the article's attribution begin."""

from __future__ import annotations

import re

from spacy.tokens import Token

from kg.extract.coref import PERSON_NOUNS
from kg.extract.events import EVENT_LEMMAS
from kg.extract.lexicon import (
    ADDRESSEE_VERBS,
    ALLEGATION_NOUNS,
    AUDIENCE_NOUNS,
    CONTENT_PREPOSITIONS,
    CUE_KINDS,
    DENIABLE_NOUNS,
    INTENTION_NOUNS,
    INTENTIONS,
    NEEDS_CLAUSE,
    REPORT_NOUNS,
    SUBORDINATORS,
    THING_PRONOUNS,
    VAGUE_OBJECTS,
)
from kg.extract.statements.context import Context
from kg.extract.statements.quotes import QUOTE_MARKS, cue_between
from kg.extract.statements.venues import is_statement_venue


def content_of(ctx: Context, verb: Token, lemma: str) -> tuple[int, int] | None:
    """The reported proposition: the clause, or the objects, the verb governs."""
    if any(c.i == verb.i + 1 and c.tag_ == "VBG" and c.lemma_.lower() in CUE_KINDS for c in verb.children):
        return None  # 'X tweeted saying, "..."': what is said is the participle's, one statement
    if verb.dep_ == "parataxis":
        head = verb.head
        left = ctx.span(head.left_edge.i, verb.left_edge.i) if head.left_edge.i < verb.left_edge.i else None
        right = (
            ctx.span(verb.right_edge.i + 1, head.right_edge.i + 1) if verb.right_edge.i < head.right_edge.i else None
        )
        sides = [x for x in (left, right) if x and x[1] - x[0] > 3]
        if sides:
            return (sides[0][0], sides[-1][1]) if len(sides) == 2 else sides[0]
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    comp = next((c for c in verb.children if c.dep_ in {"xcomp", "ccomp"} and c.i > verb.i), None)
    if comp is None and obj is not None:
        # "forecast the losses to exceed ...": the parser often reads the infinitive as a purpose clause
        comp = next(
            (
                c
                for c in verb.children
                if c.dep_ == "advcl" and c.left_edge.i == obj.right_edge.i + 1 and c.left_edge.lower_ == "to"
            ),
            None,
        )
        if comp is not None and CUE_KINDS.get(lemma) not in {"call", "accusation", "criticism"}:
            comp = comp if lemma in {"forecast", "expect", "estimate", "predict", "believe", "report"} else None
    if (
        obj is not None
        and comp is not None
        and (CUE_KINDS.get(lemma) in {"call", "accusation", "criticism"} or comp.dep_ in {"xcomp", "advcl"})
    ):
        return ctx.span(obj.left_edge.i, comp.right_edge.i + 1)
    passive = any(c.dep_ == "auxpass" for c in verb.children)  # "was discovered to have kept ..."
    clauses = [
        c
        for c in verb.children
        if (c.dep_ == "ccomp" or (c.dep_ == "xcomp" and (lemma not in NEEDS_CLAUSE - INTENTIONS or passive)))
        and c.pos_ in {"VERB", "AUX"}
        and lemma not in {"call", "ask"}
        # 'thought ..., adding: "..."': a quotation after another cue is that cue's
        and not (c.i > verb.i and ctx.in_quote(c.idx) and cue_between(ctx, verb, c.left_edge.idx))
    ]
    if not clauses and obj is not None and _addressee(ctx, obj, lemma):
        clauses = _clauses_on_addressee(obj)
    if (
        clauses
        and obj is not None
        and all(c.i < verb.i for c in clauses)
        and not _addressee(ctx, obj, lemma)
        and not any(ch in QUOTE_MARKS for ch in ctx.doc[clauses[0].left_edge.i : verb.i].text)
    ):
        # "The group is active in the north - it denies claims that ...": the parser took the clause
        # before for the verb's; what the verb reports is its own object, not an unquoted clause before
        clauses = []
    if clauses:
        marked = [c for c in clauses if any(m.dep_ == "mark" and m.is_alpha for m in c.children)]  # not a "["
        best = max(marked or clauses, key=lambda c: c.right_edge.i - c.left_edge.i)
        start, end = clause_span(ctx, best)
        if (
            obj is not None
            and obj.right_edge.i + 1 == best.left_edge.i
            and not any(c.dep_ in {"nsubj", "nsubjpass", "expl", "mark"} for c in best.children)
            and not _addressee(ctx, obj, lemma)
        ):
            start = obj.left_edge.idx  # "added the inquest would find ...": the object is the clause's subject
        # Two complements on one side usually mean the parser split one clause ("announced that
        # development ..., begun two years ago, has been pushed back"): take them together.
        same_side = [c for c in clauses if (c.i > verb.i) == (best.i > verb.i)]
        end = max(end, *(clause_span(ctx, c)[1] for c in same_side))
        if best.lemma_.lower() not in CUE_KINDS:  # another cue's clause ("..., claims X") is no one's content
            start = min(start, *(clause_span(ctx, c)[0] for c in same_side if c.lemma_.lower() not in CUE_KINDS))
        return start, max(end, _main_clause_after(ctx, verb, end))
    clause = _that_clause_under_prep(ctx, verb)
    if clause is not None:
        return clause
    if lemma in NEEDS_CLAUSE:
        return None
    parts = [
        c
        for c in verb.children
        if c.i > verb.i
        and (
            c.dep_ in {"dobj", "attr", "oprd", "xcomp", "ccomp", "dative"}
            or (c.dep_ == "prep" and c.lower_ in CONTENT_PREPOSITIONS)
        )
        and not is_statement_venue(c)
        and not _addressee(ctx, c, lemma)
        and not (c.dep_ == "prep" and any(o.ent_type_ in {"DATE", "TIME"} for o in c.children))
    ]
    if not parts and CUE_KINDS.get(lemma) in {"accusation", "criticism"}:
        parts = [p for p in [misplaced_charge(verb)] if p is not None]
    if not parts or (len(parts) == 1 and parts[0].lower_ in VAGUE_OBJECTS and CUE_KINDS.get(lemma) != "denial"):
        return None  # "when she says something": nothing said is reported ("denied everything" is a denial)
    parts += _coordinated_clauses(verb)
    if CUE_KINDS.get(lemma) == "denial" and not any(deniable(p, lemma) for p in parts):
        return None  # "denied his asylum application", "rejected the offer": a refusal, not a statement
    start = min(p.left_edge.i for p in parts)
    end = max(p.right_edge.i for p in parts) + 1
    return ctx.span(start, end)


def attributed_clause(ctx: Context, verb: Token) -> tuple[int, int] | None:
    """'The storm cut 40 lines, as reported by the Planet', 'As the firm stated on its website, the storm
    ...': a cue in an 'as' clause with no content of its own vouches for the clause it hangs on, when it
    names who speaks (not 'as expected') and that clause is no one else's speech."""
    head = verb.head
    if (
        verb.dep_ != "advcl"
        or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
        or not any(c.dep_ in {"nsubj", "agent"} for c in verb.children)
        or head.lemma_.lower() in CUE_KINDS
        or head.pos_ not in {"VERB", "AUX"}
    ):
        return None
    left = ctx.span(head.left_edge.i, verb.left_edge.i) if head.left_edge.i < verb.left_edge.i else None
    right = ctx.span(verb.right_edge.i + 1, head.right_edge.i + 1) if verb.right_edge.i < head.right_edge.i else None
    sides = [ctx.trimmed(*x) for x in (left, right) if x]
    sides = [x for x in sides if x[1] - x[0] > 3]
    if not sides:
        return None
    return (sides[0][0], sides[-1][1])


def _main_clause_after(ctx: Context, verb: Token, end: int) -> int:
    """'she went on to say that should the union return, she would not object': the parser took the
    clause after the comma for the sentence's main one and the speech for its complement; that clause
    is the rest of what was said. The end of the content with it (``end`` when there is none)."""
    top = verb
    while top.dep_ == "xcomp":
        top = top.head
    root = top.head
    if top.dep_ != "ccomp" or root.dep_ != "ROOT" or root.i < verb.i or root.lemma_.lower() in CUE_KINDS:
        return end
    after = next((t for t in ctx.doc[top.right_edge.i + 1 : root.i + 1] if not t.is_punct), None)
    if after is None or ctx.text[end : after.idx].strip() != ",":
        return end
    last = root.right_edge
    while last.i > root.i and last.is_punct:
        last = ctx.doc[last.i - 1]
    return last.idx + len(last.text)


def _clauses_on_addressee(obj: Token) -> list[Token]:
    """'told the Planet, which first reported it, that he had resigned': the parser hangs the verb's
    clause on whom it was told, as a second relative clause; one led by 'that' with a subject of its
    own is what was told."""
    return [
        c
        for c in obj.children
        if c.dep_ == "relcl"
        and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        and any(n.dep_ in {"nsubj", "nsubjpass"} and n.tag_ not in {"WDT", "WP"} for n in c.children)
    ]


def _coordinated_clauses(verb: Token) -> list[Token]:
    """'announced a new model, and that prices would fall': a clause with its own 'that' that the
    parser hung on the verb as a conjunct goes on with the objects; a clause led by 'that' cannot
    stand alone, so it is reported too."""
    return [
        c
        for c in verb.children
        if c.dep_ == "conj"
        and c.i > verb.i
        and any(m.dep_ == "mark" and m.lower_ in {"that", "whether"} for m in c.children)
    ]


def misplaced_charge(verb: Token) -> Token | None:
    """'was accused by the opposition of hiding losses': the parser hangs what the accusation is about
    on the agent; the 'of'/'for' phrase after the agent's noun is the verb's."""
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        for obj in (c for c in agent.children if c.dep_ == "pobj"):
            for prep in obj.children:
                if prep.dep_ == "prep" and prep.lower_ in {"of", "for", "over"} and prep.i > obj.i:
                    return prep
    return None


def deniable(token: Token, lemma: str) -> bool:
    """What a denial can bear on without a clause: a pronoun ("denied it"), a claim or report
    ("denied the allegations", "dismissed the report"), what the speaker is said to have done
    ("denied any wrongdoing", "denied having known", "denied the attack"), a proposal it rejects
    ("rejected the plan"), the same through a preposition."""
    if token.dep_ in {"ccomp", "xcomp"} or token.tag_ == "VBG":
        return True
    if token.dep_ == "prep":
        return any(deniable(c, lemma) for c in token.children if c.dep_ == "pobj")
    if token.pos_ == "PRON":  # "denied it", not "denied him bail"
        return token.dep_ != "dative" and token.lower_ in THING_PRONOUNS
    noun = token.lemma_.lower()
    return (
        noun in ALLEGATION_NOUNS | REPORT_NOUNS | DENIABLE_NOUNS
        or noun in EVENT_LEMMAS
        or (lemma != "deny" and noun in INTENTION_NOUNS)
    )


def _addressee(ctx: Context, token: Token, lemma: str) -> bool:
    """'told reporters', 'told the BBC': who was told, not what. Without a clause or a quote the
    verb reports no content."""
    if token.dep_ == "prep" and token.lower_ == "to":
        # "wrote to officials", "said to reporters": to whom, for any verb of saying
        return any(_someone(ctx, obj) for obj in token.children if obj.dep_ == "pobj")
    if lemma not in ADDRESSEE_VERBS or token.dep_ not in {"dobj", "dative"}:
        return False
    return (
        token.tag_ == "PRP"
        or token.lemma_.lower() in AUDIENCE_NOUNS
        or ctx.index.at(token.idx, token.idx + len(token.text)) is not None
    )


def _someone(ctx: Context, token: Token) -> bool:
    """A person or a body one can speak to: a pronoun, an audience, people, or a named actor."""
    if token.tag_ == "PRP" or token.lemma_.lower() in AUDIENCE_NOUNS | PERSON_NOUNS | {"official"}:
        return True
    eid = ctx.index.at(token.idx, token.idx + len(token.text))
    return eid is not None and ctx.index.by_id[eid].type != "Place"


def clause_span(ctx: Context, head: Token) -> tuple[int, int]:
    """The clause's words, starting after its complementizer ('that') when it has one."""
    start = head.left_edge.i
    marks = [c for c in head.children if c.dep_ == "mark" and c.lower_ in {"that", "whether", "if"} and c.i < head.i]
    if marks:
        start = marks[0].i + 1
    return ctx.span(start, head.right_edge.i + 1)


def _that_clause_under_prep(ctx: Context, verb: Token) -> tuple[int, int] | None:
    """'denied in a statement that ...': the parser often hangs the clause on 'statement'."""
    for child in verb.children:
        if is_statement_venue(child):
            for t in child.subtree:
                if t.dep_ in {"acl", "ccomp", "relcl"} and any(
                    c.dep_ == "mark" and c.lower_ == "that" for c in t.children
                ):
                    return _clause_without_conjuncts(ctx, t)
    return None


def _clause_without_conjuncts(ctx: Context, head: Token) -> tuple[int, int]:
    start = head.left_edge.i
    while ctx.doc[start].dep_ == "mark":
        start += 1
    end = head.right_edge.i + 1
    for child in head.children:
        if child.dep_ == "conj" and child.lemma_.lower() in CUE_KINDS:
            end = min(end, child.left_edge.i)
            cc = [c for c in head.children if c.dep_ == "cc" and c.i < child.i]
            if cc:
                end = min(end, cc[-1].i)
    return ctx.span(start, end)


def without_attribution(ctx: Context, content: tuple[int, int]) -> tuple[int, int]:
    """'said that Castro sends greetings according to the news agency': the source the article names
    for the report is not part of what was said."""
    m = re.search(r",?\s+according to\b", ctx.text[content[0] : content[1]])
    return ctx.trimmed(content[0], content[0] + m.start()) if m and m.start() > 0 else content


def before_other_speech(ctx: Context, verb: Token, content: tuple[int, int]) -> tuple[int, int]:
    """The content up to where someone else's words begin: 'asked whether Iran would talk, to
    which he replied "..."' ends before 'to which he replied'."""
    span = ctx.doc.char_span(*content, alignment_mode="expand")
    for t in span or []:
        if t.i != verb.i and t.i in ctx.cue_tokens and t.idx > content[0]:
            return ctx.trimmed(content[0], t.idx)  # another statement's cue: "..., claims X"
        if (
            t.i != verb.i
            and t.dep_ in {"relcl", "advcl", "conj", "pcomp"}
            # "revived after Boeing promised ...": a subordinate clause is part of what was said
            and not any(c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in t.children)
            and CUE_KINDS.get(t.lemma_.lower()) in {"claim", "denial", "criticism", "accusation"}
            and any(c.dep_ == "nsubj" and c.tag_ not in {"WDT", "WP"} for c in t.children)
            # "denied that ..., as the group had said" names whose words it answers: no other content
            and not any(c.dep_ == "mark" and c.lower_ == "as" for c in t.children)
            and t.left_edge.idx > content[0]
        ):
            # "..., an accusation the government denies": the appositive that introduces it goes too
            set_off = t.dep_ == "relcl" and ctx.doc[t.head.left_edge.i - 1].text == ","
            start = t.head.left_edge if set_off else t.head if t.dep_ == "pcomp" else t.left_edge
            return ctx.trimmed(content[0], max(start.idx, content[0]))
    return content


def inside_content(ctx: Context, offset: int) -> bool:
    return any(s.content_span[0] <= offset < s.content_span[1] for s in ctx.statements)


def without_preposition(ctx: Context, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    m = re.match(r"(of|for|about|over)\s+", ctx.text[start:end])
    return (start + m.end(), end) if m else span
