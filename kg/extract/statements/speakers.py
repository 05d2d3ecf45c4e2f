"""Who speaks: the subject of a cue (through participles, conjuncts, relative pronouns and passives),
the name behind a description, the phrase cut to the speaker, pronouns resolved in text order."""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Span, Token

from kg.extract.coref import PERSON_NOUNS, PRONOUN_TYPES, resolve
from kg.extract.lexicon import (
    AUDIENCE_NOUNS,
    ISSUED_NOUNS,
    QUOTED_AS,
    REPORT_NOUNS,
    SET_OFF,
    SPEAKING_NOUNS,
    UTTERANCE_NOUNS,
)
from kg.extract.statements.content import misplaced_charge
from kg.extract.statements.context import Context
from kg.extract.statements.reports import report_for
from kg.extract.statements.venues import is_statement_venue


def speaker_of(ctx: Context, verb: Token, quote: tuple[int, int] | None = None) -> tuple[Token | None, bool]:
    """The subject token of a cue verb, climbing to the governing verb for participles and conjuncts.

    ``quote`` is the direct quote the verb reports, if any. The flag says whether the subject is
    the grammatical patient (passive voice).
    """
    if (
        verb.dep_ == "acl"
        and verb.head.pos_ in {"NOUN", "PROPN"}
        and can_speak(ctx, verb.head)
        and not (verb.head.lemma_.lower() in ISSUED_NOUNS and verb.head.dep_ in {"dobj", "nsubjpass"})
    ):
        # "reports stating that ...": the document speaks; "a statement (issued) denying that ..."
        # speaks for whoever issued it, found by climbing as for any participle
        return verb.head, False
    if (
        (verb.tag_ == "VBN" or (verb.tag_ == "VBD" and _opens_sentence(verb) and verb.head.i > verb.i))
        and verb.dep_ in {"advcl", "acl", "dep"}
        and not any(c.dep_ in {"aux", "auxpass", "agent", "nsubj", "nsubjpass"} for c in verb.children)
    ):
        # "..., expected to rise to 57%", "plans announced in January": a participle without an
        # auxiliary is passive; what it hangs on is expected or announced, by someone not named;
        # "Asked whether ..., X said": X was asked (the parser reads the opening participle as a past)
        return None, True
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is not None and not any(c.dep_ == "nsubjpass" for c in verb.children):
        # "..., as reported by the Planet": the agent speaks, not the subject of the clause above
        by = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if by is not None:
            return by, False
    current = verb
    for _ in range(6):
        if current is not verb and current.lemma_.lower() in QUOTED_AS:
            # "X is quoted (in the paper) as saying ...", "the paper quoted X as saying ...": X speaks
            via_as = any(c.dep_ == "prep" and c.lower_ == "as" and c.i < verb.i for c in current.children)
            roles = {"nsubjpass", "dobj"} if via_as else {"nsubjpass"}
            quoted = next((c for c in current.children if c.dep_ in roles), None)
            if quoted is not None:
                return quoted, False
        quoted_subject = False
        for child in _subjects(ctx, current):
            if child.dep_ in {"nsubj", "csubj"}:
                if ctx.in_quote(child.idx) and not ctx.in_quote(verb.idx):
                    # 'told AFP: "We have recorded ...", adding that ...': a cue outside the quote
                    # hangs on a verb inside it; the speaker is found above the quote, not in it
                    quoted_subject = True
                    break
                if child.lower_ in {"who", "which", "that"} and current.dep_ == "relcl":
                    return _antecedent(ctx, current.head, child), False
                inner = next((c for c in child.children if c.dep_ == "nsubj"), None)
                if child.dep_ == "nsubj" and child.tag_ in {"VBZ", "VBD", "VBP"} and inner is not None:
                    # a misparsed headline conjunct: "Apple releases SDK, announces update"
                    return inner, False
                return child, False
        for child in current.children:
            if child.dep_ == "nsubjpass" and current is verb:
                agent = next((c for c in current.children if c.dep_ == "agent"), None)
                if agent is not None:
                    obj = next((c for c in agent.children if c.dep_ == "pobj"), None)
                    return (None if _place_beside_actor(ctx, obj, child) else obj), False
                stray = stray_agent(ctx, verb)
                if stray is not None:
                    return next(c for c in stray.children if c.dep_ == "pobj"), False
                return child, True
        if current is verb and quote is not None:
            # '"...," said analyst Chris Weafer commenting on it': the quote is what was said, so a
            # gerund clause after the cue outside it holds the misparsed speaker, not the content
            for child in verb.children:
                inner = next((c for c in child.children if c.dep_ == "nsubj"), None)
                if (
                    child.i > verb.i
                    and child.tag_ == "VBG"
                    and inner is not None
                    and inner.i < child.i
                    and not quote[0] <= child.idx < quote[1]
                ):
                    return inner, False
        if (current.dep_ in {"ROOT", "ccomp"} and not quoted_subject) or current.head is current:
            # a reported clause has its own subject: 'he added the inquest would find ...' is not his finding
            return None, False
        current = current.head
    return None, False


def _opens_sentence(token: Token) -> bool:
    """Whether only spaces, punctuation and its own conjunction ("When asked ...") stand before the
    token in its sentence or line."""
    start = token.sent.start
    for i in range(token.i - 1, start - 1, -1):
        if "\n" in token.doc[i].text:
            start = i + 1
            break
    before = token.doc[start : token.i]
    return all(
        t.is_space or t.is_punct or (t.head.i == token.i and (t.dep_ == "mark" or t.tag_ == "WRB")) for t in before
    )


def _place_beside_actor(ctx: Context, agent: Token | None, subject: Token) -> bool:
    """'X is reported by the Denver, Colorado based paper saying ...': the parser may take the place
    that opens a description for the agent. A place that reports a person or an organisation is
    rather such a misparse than the speaker; a wrong speaker is worse than none."""
    if agent is None:
        return False
    eid = ctx.index.at(agent.idx, agent.idx + len(agent.text))
    return eid is not None and ctx.index.by_id[eid].type == "Place" and _actor(ctx, subject)


def stray_agent(ctx: Context, verb: Token) -> Token | None:
    """'He was urged to resign by his party': the parser hangs the passive cue's agent on the
    infinitive, which is active and so has none; a 'by' phrase there naming someone who speaks is the
    cue's agent ('expected to rise by 5%' names nobody)."""
    if not any(c.dep_ == "auxpass" for c in verb.children) or any(c.dep_ == "agent" for c in verb.children):
        return None
    for comp in (c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i):
        if any(c.dep_ == "auxpass" for c in comp.children):
            continue
        for prep in comp.children:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep.lower_ == "by" else None
            if obj is not None and prep.i > comp.i and not obj.like_num and can_speak(ctx, obj):
                return prep
    return None


def misparsed_subject(ctx: Context, verb: Token) -> Token | None:
    """'TEPCO only conceded that ...' with 'TEPCO' parsed as an adverb, '... between Russia and
    the US, Boeing Vice President Scott Carson replied' with the name parsed as a conjunct: a name
    of an actor right before a verb that has no subject (adverbs aside) is its subject."""
    i = verb.i - 1
    while i >= verb.sent.start:
        token = ctx.doc[i]
        if _actor(ctx, token) and (token.head.i == verb.i or token.dep_ in {"conj", "appos", "npadvmod", "dep"}):
            return token
        if not (token.dep_ in {"advmod", "aux", "neg"} and token.head.i == verb.i):
            return None
        i -= 1
    return None


def fronted_subject(ctx: Context, verb: Token) -> Token | None:
    """'According to a report in the Post, an internal memo showed ...', 'In a press conference on
    Monday, Jane Doe, the chief executive, outlined ...': the parser reads the subject as an appositive
    inside the phrase that opens the sentence, so the finite verb after it has none. The first noun
    set off by a comma that runs to the end of that phrase, right before the verb, is its subject."""
    if (
        verb.dep_ != "ROOT"
        or verb.tag_ not in {"VBD", "VBZ", "VBP"}
        or any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in verb.children)
    ):
        return None
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.i < verb.i):
        between = ctx.doc[prep.right_edge.i + 1 : verb.i]
        if not all(t.is_punct for t in between):
            continue
        for token in prep.subtree:
            if (
                token.dep_ == "appos"
                and token.right_edge.i == prep.right_edge.i
                and ctx.doc[token.left_edge.i - 1].text == ","
                and can_speak(ctx, token)
            ):
                return token
    return None


def split_conjunct_subject(ctx: Context, verb: Token) -> Token | None:
    """'X did not respond - stating "... ." and concluded that ...': a quote split the sentence, so
    the conjunct verb the next part opens with ('and', 'but') has no subject; it shares the one of
    the clause before the quote."""
    sent = verb.sent
    first = next((t for t in sent if not t.is_punct), None)
    if first is None or first.dep_ != "cc" or first.head.i != verb.i or verb.dep_ != "ROOT":
        return None
    for _ in range(8):
        if sent.start == 0:
            return None
        sent = ctx.doc[sent.start - 1].sent
        words = [t for t in sent if t.is_alpha]
        if not words or all(ctx.in_quote(t.idx) for t in words):
            continue
        subject = next((c for c in sent.root.children if c.dep_ == "nsubj"), None)
        return subject if subject is not None and subject.tag_ not in {"EX"} else None
    return None


def _actor(ctx: Context, token: Token) -> bool:
    eid = ctx.index.at(token.idx, token.idx + len(token.text))
    if eid is not None:
        return ctx.index.by_id[eid].type in {"Person", "Organization", "Group"}
    return token.ent_type_ in {"PERSON", "ORG"}


def can_speak(ctx: Context, noun: Token) -> bool:
    """Whether a noun names someone or something that says things: an actor, a person, a group,
    a document. 'criticized last week's attack, saying ...': the attack says nothing."""
    lemma = noun.lemma_.lower()
    return (
        ctx.index.at(noun.idx, noun.idx + len(noun.text)) is not None
        or noun.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}
        or lemma in SPEAKING_NOUNS
        or lemma in PERSON_NOUNS | AUDIENCE_NOUNS | REPORT_NOUNS | UTTERANCE_NOUNS
    )


def _subjects(ctx: Context, verb: Token) -> list[Token]:
    """The verb's children, its subjects first; of two subjects ("National newspaper The Daily Star
    has suggested", a title the parser split from the name), the one that names an entity."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) > 1:
        named = [c for c in subjects if ctx.index.at(c.idx, c.idx + len(c.text))]
        subjects = sorted(named, key=lambda c: -c.i) + [c for c in subjects if c not in named]
    return subjects + [c for c in verb.children if c.dep_ != "nsubj"]


def _antecedent(ctx: Context, head: Token, relative: Token) -> Token:
    """What a relative pronoun refers to: the noun phrase right before it ("Lage and the minister
    José Balaguer, who adds ..." is Balaguer), where the parser hung the clause on an earlier one
    and the clause's verb is singular; a plural or past one may be about all the conjuncts."""
    while relative.lower_ in {"who", "whom"} and head.dep_ == "pobj" and _not_a_person(ctx, head):
        head = head.head.head  # "a resident of Turkey, who ...", "X, a specialist with the ministry, who"
        if head.dep_ == "appos" and _person(ctx, head.head):
            head = head.head
    before = ctx.doc[relative.i - 1] if relative.i > 0 else head
    if before.is_punct and before.i > 0:
        before = ctx.doc[before.i - 1]
    clause = relative.head
    singular = clause.tag_ == "VBZ" or any(
        c.dep_ in {"aux", "auxpass"} and c.lower_ in {"has", "is", "was", "does"} for c in clause.children
    )
    if not singular:
        return head  # "Bank of America and JPMorgan, who announced ...": both, as the parser has it
    if before.i == head.i or before.pos_ not in {"PROPN", "NOUN"} or not head.left_edge.i <= before.i:
        return head
    near = before
    while near.dep_ in {"compound", "flat"} and near.head.i > near.i:
        near = near.head
    link = near
    while link.i != head.i and link.dep_ in {"conj", "appos"}:
        link = link.head  # only a conjunct or an appositive of the head, never a noun inside it
    named = ctx.index.at(near.idx, near.idx + len(near.text))
    if link.i == head.i and near.i != head.i and named not in (None, ctx.index.at(head.idx, head.idx + 1)):
        return near
    return head


def _not_a_person(ctx: Context, token: Token) -> bool:
    """A place or an organisation inside a person's description: not who 'who' is."""
    eid = ctx.index.at(token.idx, token.idx + len(token.text))
    if eid is None or ctx.index.by_id[eid].type == "Person":
        return False
    above = token.head.head
    person = above.head if above.dep_ == "appos" else above  # "Ana Ruiz, a specialist with the ministry"
    return ctx.index.by_id[eid].type == "Place" or (
        above.pos_ in {"NOUN", "PROPN"} and (above.lemma_.lower() in PERSON_NOUNS or _person(ctx, person))
    )


def _person(ctx: Context, token: Token) -> bool:
    eid = ctx.index.at(token.idx, token.idx + len(token.text))
    return eid is not None and ctx.index.by_id[eid].type == "Person"


def speaker_fields(ctx: Context, subject: Token | None, *, cue: Token | None = None, until: int | None = None) -> dict:
    """A statement's speaker fields for a subject token: the entity (a report's author where the
    subject is a report), the words and their span, and the report. ``until``: the token where the
    speaker's words end at the latest (the parser may run them into the next clause's subject)."""
    if subject is None:
        return {"speaker": None, "speaker_text": None, "speaker_span": None}
    subject = _named(ctx, subject)
    phrase = _speaker_phrase(ctx, subject, cue)
    if until is not None and phrase.start < until < phrase.end:
        phrase = ctx.doc[phrase.start : until]
        while len(phrase) > 1 and phrase[-1].is_punct:
            phrase = phrase[:-1]
    report = report_for(ctx, subject) if subject.lemma_.lower() in REPORT_NOUNS else None
    speaker = report.author if report else resolve(phrase, ctx.index)
    return {
        "speaker": speaker,
        "speaker_text": phrase.text,
        "speaker_span": (phrase.start_char, phrase.end_char),
        "report": report.id if report else None,
    }


def _named(ctx: Context, subject: Token) -> Token:
    """The name behind a subject, where the sentence gives one: who made an utterance ("according
    to Fiat's announcement"), or a named appositive ("Another automaker, General Motors, said",
    "The bank's CEO, Ken Lewis, said")."""
    maker = _maker(subject) if subject.lemma_.lower() in UTTERANCE_NOUNS else None
    if maker is not None and resolve(ctx.doc[maker.left_edge.i : maker.i + 1], ctx.index):
        return maker
    if not subject.ent_type_:
        for child in subject.children:
            if child.dep_ == "appos" and child.i > subject.i and resolve(ctx.phrase(child), ctx.index):
                return child
    return subject


def _speaker_phrase(ctx: Context, subject: Token, cue: Token | None) -> Span:
    """The subject's phrase cut to the speaker: without the cue and what it governs ("reports
    stating that ...", "analysts, who said that ..."), a trailing appositive ("Amnesty Israel, the
    organization's local chapter,"), what a comma sets off ("Patty Murray, who hails from ...",
    "the council, now in control"), and edge punctuation."""
    phrase = ctx.phrase(subject)
    end = phrase.end
    if cue is not None and phrase.start < cue.i < phrase.end:
        end = cue.left_edge.i
    charge = misplaced_charge(cue) if cue is not None else None
    if charge is not None and phrase.start < charge.i < end:
        end = charge.i  # "accused by the opposition | of hiding losses"
    for t in phrase:
        if t.i > subject.i and (t.dep_ == "relcl" or (t.dep_ == "npadvmod" and t.ent_type_ in {"DATE", "TIME"})):
            end = min(end, t.left_edge.i)  # "... Balaguer who adds that ...", "politicians this weekend"
    for child in subject.children:
        if child.i <= subject.i:
            continue
        if child.dep_ == "appos" or is_statement_venue(child):  # "Netanyahu in a tweet"
            end = min(end, child.left_edge.i)
        elif child.dep_ in SET_OFF and ctx.doc[child.left_edge.i - 1].text == ",":
            end = min(end, child.left_edge.i - 1)
    while end > phrase.start + 1 and (ctx.doc[end - 1].is_punct or ctx.doc[end - 1].dep_ == "case"):
        end -= 1
    start = phrase.start
    while start < end - 1 and ctx.doc[start].is_punct:
        start += 1
    return ctx.doc[start:end]


def _maker(noun: Token) -> Token | None:
    """Who made an utterance or document: the agent of its participle ("figures released by
    NPD Group"), whom it is from or by ("a statement from Acme", "a tweet by the mayor"), else its
    possessor ("Fiat's announcement")."""
    for acl in noun.children:
        if acl.dep_ == "acl" and acl.tag_ == "VBN":
            for agent in (c for c in acl.children if c.dep_ == "agent"):
                obj = next((c for c in agent.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    return obj
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in {"from", "by"} and prep.i > noun.i:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return next((c for c in noun.children if c.dep_ == "poss"), None)


def pronouns_in_text_order(ctx: Context) -> None:
    """Resolve pronoun speakers again with every speaker before them known: the passes find
    statements construction by construction, so 'According to analyst X, ...' was not yet a
    speaker when the verbs' pass met the '"...," he said' after it."""
    ctx.index.speakers = []
    speaking = {s.speaker_span[0] for s in ctx.statements if s.speaker_span}
    # 'He refused to testify. In that statement, he mentioned ...': a he or she subject outside
    # quotes carries on who is in view, resolved in text order like the speakers
    people = [
        (t.idx, t)
        for t in ctx.doc
        if t.dep_ in {"nsubj", "nsubjpass"}
        and t.tag_ == "PRP"
        and t.lower_ in {"he", "she"}
        and t.idx not in speaking
        and not ctx.in_quote(t.idx)
    ]
    said = [(s.cue_span[0], s) for s in ctx.statements]
    for _, item in sorted(people + said, key=lambda pair: pair[0]):
        if isinstance(item, Token):
            eid = resolve(ctx.doc[item.i : item.i + 1], ctx.index)
            bisect.insort(ctx.index.subjects, (item.idx, eid or f"?{item.lower_}"))
            continue
        stmt = item
        if stmt.speaker_span and stmt.report is None:
            phrase = ctx.doc.char_span(*stmt.speaker_span, alignment_mode="expand")
            if phrase is not None and phrase.root.tag_ == "PRP" and phrase.root.lower_ in PRONOUN_TYPES:
                stmt.speaker = resolve(phrase, ctx.index, exclude=named_in(ctx, stmt.content_span))
        # a statement whose speaker the text does not give ("?") still ends the run of the one before
        ctx.index.note_speaker(stmt.cue_span[0], stmt.speaker or f"?{stmt.speaker_text or ''}")


def named_in(ctx: Context, span: tuple[int, int]) -> frozenset[str]:
    """The people a statement's content names by name: 'He said, "Andy Warhol was ..."' and 'he said
    Smith would ...' are not said by Warhol or Smith (a name inside the clause is not who the pronoun
    above it is). Organisations are left out: they name themselves ('it said the Church would ...')."""
    content = ctx.text[span[0] : span[1]]
    out = set()
    for eid, entity in ctx.index.by_id.items():
        if entity.type != "Person":
            continue
        for name in {entity.name, *entity.aliases}:
            if name[:1].isupper() and re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", content):
                out.add(eid)
                break
    return frozenset(out)
