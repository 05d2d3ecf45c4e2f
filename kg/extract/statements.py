"""Attributed statements and the reports they come from, read off the dependency parse.

Constructions: reporting verbs with a clause or object ("X said that ...", "X denied ...",
"X urged Y to ..."), participles that inherit their subject ("..., stating that ..."), direct
quotes with a cue outside them ("'...,' it said"), "according to X", headline forms ("X Says
..."), passive accusations ("X has been accused of ...") and reports as speakers ("the report
found", "a December 2024 report by X determined"). The speaker is resolved through pronouns and
descriptions; a finding of a report is attributed to the report's author and linked to the report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kg.extract.coref import PERSON_NOUNS, PLACE_NOUNS, PRONOUN_TYPES, EntityIndex, resolve
from kg.extract.events import EVENT_LEMMAS
from kg.extract.lexicon import ALLEGATION_NOUNS, DENIABLE_NOUNS, HEADLINE_CUES, INTENTION_NOUNS
from kg.extract.timex import normalise_time
from kg.model import Entity, Report, Statement
from kg.nlp import doc_text

# Reporting verbs by lemma and the kind of statement they make.
CUE_KINDS: dict[str, str] = {
    **dict.fromkeys(
        "say state tell add claim assert announce report explain note write insist maintain suggest argue "
        "confirm acknowledge admit predict warn declare reply respond comment testify stress emphasize "
        "emphasise indicate signal disclose mention observe recall caution tweet post cite "
        "estimate forecast promise vow pledge agree expect doubt counter retort concede express".split(),
        "claim",
    ),
    # ways of saying (VerbNet say-37.7, manner_speaking-37.3): they report with a clause or a quote
    **dict.fromkeys("remark answer recount joke quip exclaim shout yell scream whisper muse".split(), "claim"),
    **dict.fromkeys("continue read describe".split(), "claim"),
    "accept": "claim",  # "accepted that mistakes were made", "accepted exploiting loopholes": an admission
    **dict.fromkeys("anticipate envision envisage".split(), "claim"),
    **dict.fromkeys("plan intend want wish fear hope believe think".split(), "other"),
    **dict.fromkeys("find determine conclude establish document show reveal outline".split(), "finding"),
    **dict.fromkeys("deny reject dispute refute dismiss rebut contest".split(), "denial"),
    **dict.fromkeys("accuse allege blame charge".split(), "accusation"),
    **dict.fromkeys(
        "criticize criticise condemn denounce decry slam blast lambaste fault distance question".split(),
        "criticism",
    ),
    **dict.fromkeys("urge demand recommend appeal request press call ask".split(), "call"),
}
# Verbs that need a clause ("X believes that ..."), not just an object, to report something.
NEEDS_CLAUSE = frozenset(
    "believe think expect fear hope doubt agree plan intend want wish anticipate envision envisage promise "
    "vow pledge show reveal establish document "
    "stress observe recall indicate signal post add note explain maintain respond reply comment declare "
    "remark answer recount joke quip exclaim shout yell scream whisper muse".split()
)
# Verbs that report speech only next to a direct quote: '"...," she continued', 'the banner read: "..."',
# 'he described the scene: "..."' (and "described X as Y").
QUOTE_ONLY = frozenset("continue read describe".split())
# Passives that report someone's words: "X is quoted as saying", "X was heard telling ...".
QUOTED_AS = frozenset("quote cite hear record report film see".split())
# Conjunctions that make a clause part of another ("revived after Boeing promised ...").
SUBORDINATORS = frozenset("after before because since when while until if once unless as".split())
# Modals that make a speech act future or hypothetical: "will announce", "would find", "may claim"
# (lower case: "Will Tracy remarked" is a name).
UNREAL_MODALS = frozenset("will would may might could should shall 'll 'd wo".split())
# Verbs of phase: what they govern happens ("continue to demand", "began to accuse").
ASPECTUAL = frozenset("continue begin start keep resume".split())
# Verbs of intention and expectation report a plan with an infinitive ("expects to cut jobs").
INTENTIONS = frozenset("expect plan intend want wish anticipate hope fear".split())
ISSUE_VERBS = frozenset("issue release publish post put send give make".split())
# documents issued by someone: "X issued a statement denying ..." is X's denial
ISSUED_NOUNS = frozenset("statement release communique letter note message post declaration".split())
# Modifiers a comma sets off after a speaker's name: not part of the name.
SET_OFF = frozenset({"relcl", "acl", "amod", "advmod", "prep"})
# What someone says, issues or publishes: "according to Fiat's announcement" is Fiat speaking, and
# "figures released by NPD" is NPD.
UTTERANCE_NOUNS = ISSUED_NOUNS | frozenset(
    "announcement remark comment testimony word tweet speech figure data result finding document".split()
)
# Nouns of those who speak or of what carries words, beyond persons, reports and utterances: a
# participle after them ("a group saying ...", "a sign reading ...") is theirs.
SPEAKING_NOUNS = frozenset(
    "group organization organisation ministry agency company government council committee party union "
    "police army court newspaper paper website site magazine channel article story post message sign banner "
    "sentence passage text line headline caption resolution motion bill law decision ruling order verdict "
    "judgment book video email memo "
    "official expert critic resident witness source observer activist campaigner protester opponent "
    "lawyer doctor scientist researcher student worker people person man woman family parent victim".split()
)
QUOTE_MARKS = frozenset('"\u201c\u201d\u00ab\u00bb')
_THING_PRONOUNS = frozenset("it this that these those everything anything all something so".split())
REPORT_NOUNS = frozenset("report study investigation inquiry review analysis survey audit probe assessment".split())
CRITICAL_WORDS = frozenset(
    "misguided flawed biased wrong false baseless unfounded misleading one-sided inaccurate failed fails "
    "ignores ignored distorted lies lie absurd outrageous unacceptable predetermined".split()
)
# Reporting nouns and the kind of statement they introduce.
NOUN_CUES = {
    **dict.fromkeys(
        "announcement statement declaration claim assertion confirmation prediction forecast pledge promise "
        "warning admission".split(),
        "claim",
    ),
    **dict.fromkeys("allegation accusation".split(), "accusation"),
    "denial": "denial",
    "criticism": "criticism",
    "finding": "finding",
}
VENUES = frozenset(
    "statement interview post tweet letter speech memo release email conference briefing message filing "
    "broadcast editorial column blog video podcast hearing testimony "
    "twitter facebook instagram youtube weibo website site page account forum radio television tv "
    "tape recording camera".split()
)
STRIP_CHARS = " ,;:\u2014-\n\t"
GENERIC_PRONOUNS = frozenset({"one", "you"})
# Prepositions that bring what is said: "warned of", "spoke about", "warned Turkey against".
CONTENT_PREPOSITIONS = frozenset("of for from about on over to that against".split())
# Verbs whose object is who is told: "told reporters" says nothing without a clause or a quote.
ADDRESSEE_VERBS = frozenset("tell inform brief assure remind notify".split())
AUDIENCE_NOUNS = frozenset("reporter journalist audience crowd press media supporter lawmaker delegate people".split())
QUOTE_MAX_LINES = 6  # a quotation left open longer than this was opened by a stray mark


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Direct quotations as the text marks them, marks included. A quotation runs from its opening
    mark to its closing one, across sentences and lines; a line that opens with a mark while a
    quotation is open carries it on (news marks every paragraph of a long quotation that way). A
    quotation left open for more than a few lines was opened by a stray mark and quotes nothing.
    Straight marks pair up within a line first, so spacing around them never decides."""
    spans = _curly_quotes(text) + _straight_quotes(text)
    spans.sort()
    out: list[tuple[int, int]] = []
    for span in spans:
        if not out or span[0] >= out[-1][1]:
            out.append(span)
    return out


def _curly_quotes(text: str) -> list[tuple[int, int]]:
    spans, start, lines = [], None, 0
    for m in re.finditer(r"[\u201c\u201d\n]", text):
        c, i = m.group(), m.start()
        if c == "\u201c":
            if start is not None and lines and text[text.rfind("\n", 0, i) + 1 : i].strip() == "":
                continue  # a paragraph of the same quotation
            start, lines = i, 0
        elif c == "\u201d" and start is not None:
            spans.append((start, i + 1))
            start = None
        elif c == "\n" and start is not None:
            lines += 1
            if lines > QUOTE_MAX_LINES:
                start = None
    return spans


def _spaced(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isspace() and after.isspace()


def _straight_quotes(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    open_at, open_lines = None, 0
    offset = 0
    for line in text.split("\n"):
        marks = [offset + i for i, c in enumerate(line) if c == '"']
        if open_at is not None:
            open_lines += 1
            if marks and line[: marks[0] - offset].strip() == "":
                marks = marks[1:]  # the mark opening this paragraph continues the open quotation
            if marks:
                spans.append((open_at, marks[0] + 1))
                open_at, marks = None, marks[1:]
            elif open_lines > QUOTE_MAX_LINES:
                open_at = None
        if len(marks) % 2:
            # one mark too many: a stray one stands between spaces ('a " mark'); else the last opens
            # a quotation that goes on in the next lines
            stray = next((m for m in marks if _spaced(text, m)), None)
            if stray is not None:
                marks.remove(stray)
            else:
                open_at, open_lines, marks = marks[-1], 0, marks[:-1]
        for a, b in zip(marks[0::2], marks[1::2], strict=True):
            spans.append((a, b + 1))
        offset += len(line) + 1
    return [(a, b) for a, b in spans if text[a + 1 : b - 1].strip()]



@dataclass
class _ReportMention:
    report: Report
    span: Span


class StatementExtractor:
    def __init__(self, doc: Doc, entities: list[Entity], published: str | None) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.index = EntityIndex(entities, self.text)
        self.published = published
        self.statements: list[Statement] = []
        self.reports: list[Report] = []
        self.report_of_token: dict[int, Report] = {}
        self.quotes = quote_spans(self.text)
        self.index.quotes = self.quotes
        self.index.learn_titles(doc)
        self.index.learn_salience(doc)
        self.cue_tokens: set[int] = set()
        self.quotes_taken: set[tuple[int, int]] = set()  # one direct quote is one speech act
        self.ent_of = {i: e for e in doc.ents for i in range(e.start, e.end)}  # doc.ents is rebuilt per access

    # ------------------------------------------------------------------ helpers

    def span(self, start_token: int, end_token: int) -> tuple[int, int]:
        return self.doc[start_token].idx, self.doc[end_token - 1].idx + len(self.doc[end_token - 1].text)

    def trimmed(self, start: int, end: int) -> tuple[int, int]:
        while start < end and self.text[start] in STRIP_CHARS:
            start += 1
        while end > start and self.text[end - 1] in STRIP_CHARS:
            end -= 1
        return start, end

    def in_quote(self, char: int) -> tuple[int, int] | None:
        for s, e in self.quotes:
            if s < char < e:
                return s, e
        return None

    def phrase(self, token: Token) -> Span:
        return self.doc[token.left_edge.i : token.right_edge.i + 1]

    def add(self, **fields) -> Statement:
        fields.setdefault("report", None)
        start, end = self.trimmed(*fields["content_span"])
        if not fields.get("quote") and "\n" in self.text[start:end]:
            end = self.trimmed(start, self.text.index("\n", start))[1]
        if not fields.get("quote"):
            end = self._closing_mark(start, end)
            for qs, qe in self.quotes:
                # a quotation the content holds is said by this statement, unless another cue in the
                # content introduces it ('... with analyst David Strauss saying "..."')
                if start <= qs < end and not self._cue_between(start, qs, fields["cue_span"]):
                    self.quotes_taken.add(self.trimmed(qs + 1, qe - 1))
        fields["content_span"] = (start, end)
        fields["content"] = self.text[start:end]
        stmt = Statement(id=f"s{len(self.statements) + 1}", **fields)
        self.statements.append(stmt)
        if stmt.speaker or stmt.speaker_text:
            self.index.note_speaker(stmt.cue_span[0], stmt.speaker or f"?{stmt.speaker_text}")
        return stmt

    def _has_own_cue(self, quote: tuple[int, int]) -> bool:
        """Whether a cue verb follows the quotation in its own sentence ('"...," X said.')."""
        tail = self.doc.char_span(quote[1], quote[1] + 1, alignment_mode="expand")
        if tail is None:
            return False
        rest = self.doc[tail.start : tail.sent.end]
        return any(t.lemma_.lower() in CUE_KINDS and t.pos_ == "VERB" and t.idx > quote[1] for t in rest)

    def _cue_between(self, start: int, end: int, own: tuple[int, int]) -> bool:
        span = self.doc.char_span(start, end, alignment_mode="contract")
        return span is not None and any(
            t.lemma_.lower() in CUE_KINDS and t.pos_ == "VERB" and not own[0] <= t.idx < own[1] for t in span
        )

    def _closing_mark(self, start: int, end: int) -> int:
        """The end of a content with the mark that closes a quotation opened inside it ('he was
        "satisfied"', not 'he was "satisfied')."""
        marks = sum(self.text[start:end].count(m) for m in '"\u201c\u201d')
        m = re.match(r'[.,!?]?["\u201d]', self.text[end : end + 2])
        return end + m.end() if marks % 2 and m else end

    # ------------------------------------------------------------------ reports

    def report_for(self, noun: Token) -> Report | None:
        """A report noun phrase -> a Report, new or already seen (same author, no conflicting date)."""
        if noun.i in self.report_of_token:
            return self.report_of_token[noun.i]
        if noun.lemma_.lower() not in REPORT_NOUNS:
            return None
        phrase = self.phrase(noun)
        author = None
        date_text = None
        indefinite = any(c.lower_ in {"a", "an"} for c in noun.children if c.dep_ == "det")
        new = any(c.lower_ in {"new", "latest"} for c in noun.children)
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "by":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        author = resolve(self.phrase(obj), self.index)
            elif child.dep_ == "poss":
                author = resolve(self.phrase(child), self.index)
            elif child.dep_ == "acl" and child.lemma_ in {"publish", "release", "issue"}:
                date_text = self._date_in(child.subtree)
        date_text = self._date_in(t for t in phrase if t.i < noun.i) or date_text
        published = normalise_time(date_text, self.published) if date_text else None
        weak_author = any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in noun.children)
        existing = self._matching_report(
            noun.idx, None if weak_author else author, date_text, published, indefinite or new
        )
        if existing is not None:
            if date_text and not existing.published_text:
                existing.published_text = date_text
                existing.published = published or date_text
            if author and not existing.author:
                existing.author = author
            self.report_of_token[noun.i] = existing
            return existing
        if not (author or date_text or indefinite or new):
            return None
        report = Report(
            id=f"r{len(self.reports) + 1}",
            author=author,
            title=None,
            published=published or date_text,
            published_text=date_text,
            span=(phrase.start_char, phrase.end_char),
        )
        self.reports.append(report)
        self.report_of_token[noun.i] = report
        return report

    def _date_in(self, tokens) -> str | None:
        for t in tokens:
            if t.ent_type_ == "DATE":
                return self.ent_of[t.i].text
        return None

    def _matching_report(self, offset, author, date_text, published, fresh) -> Report | None:
        before = [r for r in reversed(self.reports) if r.span is None or r.span[0] < offset]
        candidates = [r for r in before if author is None or r.author in (None, author)]
        if date_text:
            for r in candidates:
                if r.published_text and (r.published_text == date_text or (published and r.published == published)):
                    return r
            if fresh:
                return None
            return next((r for r in candidates if not r.published_text), None)
        if fresh:
            return None
        return candidates[0] if candidates else None

    # ------------------------------------------------------------------ speakers

    def speaker_of(self, verb: Token, quote: tuple[int, int] | None = None) -> tuple[Token | None, bool]:
        """The subject token of a cue verb, climbing to the governing verb for participles and conjuncts.

        ``quote`` is the direct quote the verb reports, if any. The flag says whether the subject is
        the grammatical patient (passive voice).
        """
        if (
            verb.dep_ == "acl"
            and verb.head.pos_ in {"NOUN", "PROPN"}
            and self._can_speak(verb.head)
            and not (verb.head.lemma_.lower() in ISSUED_NOUNS and verb.head.dep_ in {"dobj", "nsubjpass"})
        ):
            # "reports stating that ...": the document speaks; "a statement (issued) denying that ..."
            # speaks for whoever issued it, found by climbing as for any participle
            return verb.head, False
        current = verb
        for _ in range(6):
            if current is not verb and current.lemma_.lower() in QUOTED_AS:
                # "X is quoted (in the paper) as saying ...", "the paper quoted X as saying ...": X speaks
                via_as = any(c.dep_ == "prep" and c.lower_ == "as" and c.i < verb.i for c in current.children)
                roles = {"nsubjpass", "dobj"} if via_as else {"nsubjpass"}
                quoted = next((c for c in current.children if c.dep_ in roles), None)
                if quoted is not None:
                    return quoted, False
            for child in self._subjects(current):
                if child.dep_ in {"nsubj", "csubj"}:
                    if child.lower_ in {"who", "which", "that"} and current.dep_ == "relcl":
                        return self._antecedent(current.head, child), False
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
                        return obj, False
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
            if current.dep_ in {"ROOT", "ccomp"} or current.head is current:
                # a reported clause has its own subject: 'he added the inquest would find ...' is not his finding
                return None, False
            current = current.head
        return None, False

    def _misparsed_subject(self, verb: Token) -> Token | None:
        """'TEPCO only conceded that ...' with 'TEPCO' parsed as an adverb, '... between Russia and
        the US, Boeing Vice President Scott Carson replied' with the name parsed as a conjunct: a name
        of an actor right before a verb that has no subject (adverbs aside) is its subject."""
        i = verb.i - 1
        while i >= verb.sent.start:
            token = self.doc[i]
            if self._actor(token) and (token.head.i == verb.i or token.dep_ in {"conj", "appos", "npadvmod", "dep"}):
                return token
            if not (token.dep_ in {"advmod", "aux", "neg"} and token.head.i == verb.i):
                return None
            i -= 1
        return None

    def _actor(self, token: Token) -> bool:
        eid = self.index.at(token.idx, token.idx + len(token.text))
        if eid is not None:
            return self.index.by_id[eid].type in {"Person", "Organization", "Group"}
        return token.ent_type_ in {"PERSON", "ORG"}

    def _can_speak(self, noun: Token) -> bool:
        """Whether a noun names someone or something that says things: an actor, a person, a group,
        a document. 'criticized last week's attack, saying ...': the attack says nothing."""
        lemma = noun.lemma_.lower()
        return (
            self.index.at(noun.idx, noun.idx + len(noun.text)) is not None
            or noun.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}
            or lemma in SPEAKING_NOUNS
            or lemma in PERSON_NOUNS | AUDIENCE_NOUNS | REPORT_NOUNS | UTTERANCE_NOUNS
        )

    def _subjects(self, verb: Token) -> list[Token]:
        """The verb's children, its subjects first; of two subjects ("National newspaper The Daily Star
        has suggested", a title the parser split from the name), the one that names an entity."""
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if len(subjects) > 1:
            named = [c for c in subjects if self.index.at(c.idx, c.idx + len(c.text))]
            subjects = sorted(named, key=lambda c: -c.i) + [c for c in subjects if c not in named]
        return subjects + [c for c in verb.children if c.dep_ != "nsubj"]

    def _antecedent(self, head: Token, relative: Token) -> Token:
        """What a relative pronoun refers to: the noun phrase right before it ("Lage and the minister
        José Balaguer, who adds ..." is Balaguer), where the parser hung the clause on an earlier one
        and the clause's verb is singular; a plural or past one may be about all the conjuncts."""
        while relative.lower_ in {"who", "whom"} and head.dep_ == "pobj" and self._not_a_person(head):
            head = head.head.head  # "a resident of Turkey, who ...", "X, a specialist with the ministry, who"
            if head.dep_ == "appos" and self._person(head.head):
                head = head.head
        before = self.doc[relative.i - 1] if relative.i > 0 else head
        if before.is_punct and before.i > 0:
            before = self.doc[before.i - 1]
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
        named = self.index.at(near.idx, near.idx + len(near.text))
        if link.i == head.i and near.i != head.i and named not in (None, self.index.at(head.idx, head.idx + 1)):
            return near
        return head

    def _not_a_person(self, token: Token) -> bool:
        """A place or an organisation inside a person's description: not who 'who' is."""
        eid = self.index.at(token.idx, token.idx + len(token.text))
        if eid is None or self.index.by_id[eid].type == "Person":
            return False
        above = token.head.head
        person = above.head if above.dep_ == "appos" else above  # "Ana Ruiz, a specialist with the ministry"
        return self.index.by_id[eid].type == "Place" or (
            above.pos_ in {"NOUN", "PROPN"} and (above.lemma_.lower() in PERSON_NOUNS or self._person(person))
        )

    def _person(self, token: Token) -> bool:
        eid = self.index.at(token.idx, token.idx + len(token.text))
        return eid is not None and self.index.by_id[eid].type == "Person"

    def speaker_fields(self, subject: Token | None, *, cue: Token | None = None) -> dict:
        if subject is None:
            return {"speaker": None, "speaker_text": None, "speaker_span": None}
        subject = self._named(subject)
        phrase = self._speaker_phrase(subject, cue)
        report = self.report_for(subject) if subject.lemma_.lower() in REPORT_NOUNS else None
        speaker = report.author if report else resolve(phrase, self.index)
        return {
            "speaker": speaker,
            "speaker_text": phrase.text,
            "speaker_span": (phrase.start_char, phrase.end_char),
            "report": report.id if report else None,
        }

    def _named(self, subject: Token) -> Token:
        """The name behind a subject, where the sentence gives one: who made an utterance ("according
        to Fiat's announcement"), or a named appositive ("Another automaker, General Motors, said",
        "The bank's CEO, Ken Lewis, said")."""
        maker = self._maker(subject) if subject.lemma_.lower() in UTTERANCE_NOUNS else None
        if maker is not None and resolve(self.doc[maker.left_edge.i : maker.i + 1], self.index):
            return maker
        if not subject.ent_type_:
            for child in subject.children:
                if child.dep_ == "appos" and child.i > subject.i and resolve(self.phrase(child), self.index):
                    return child
        return subject

    def _speaker_phrase(self, subject: Token, cue: Token | None) -> Span:
        """The subject's phrase cut to the speaker: without the cue and what it governs ("reports
        stating that ...", "analysts, who said that ..."), a trailing appositive ("Amnesty Israel, the
        organization's local chapter,"), what a comma sets off ("Patty Murray, who hails from ...",
        "the council, now in control"), and edge punctuation."""
        phrase = self.phrase(subject)
        end = phrase.end
        if cue is not None and phrase.start < cue.i < phrase.end:
            end = cue.left_edge.i
        for t in phrase:
            if t.i > subject.i and (t.dep_ == "relcl" or (t.dep_ == "npadvmod" and t.ent_type_ in {"DATE", "TIME"})):
                end = min(end, t.left_edge.i)  # "... Balaguer who adds that ...", "politicians this weekend"
        for child in subject.children:
            if child.i <= subject.i:
                continue
            if child.dep_ == "appos" or self._is_statement_venue(child):  # "Netanyahu in a tweet"
                end = min(end, child.left_edge.i)
            elif child.dep_ in SET_OFF and self.doc[child.left_edge.i - 1].text == ",":
                end = min(end, child.left_edge.i - 1)
        while end > phrase.start + 1 and (self.doc[end - 1].is_punct or self.doc[end - 1].dep_ == "case"):
            end -= 1
        start = phrase.start
        while start < end - 1 and self.doc[start].is_punct:
            start += 1
        return self.doc[start:end]

    def _maker(self, noun: Token) -> Token | None:
        """Who made an utterance or document: the agent of its participle ("figures released by
        NPD Group"), else its possessor ("Fiat's announcement")."""
        for acl in noun.children:
            if acl.dep_ == "acl" and acl.tag_ == "VBN":
                for agent in (c for c in acl.children if c.dep_ == "agent"):
                    obj = next((c for c in agent.children if c.dep_ == "pobj"), None)
                    if obj is not None:
                        return obj
        return next((c for c in noun.children if c.dep_ == "poss"), None)

    # ------------------------------------------------------------------ content

    def content_of(self, verb: Token, lemma: str) -> tuple[int, int] | None:
        """The reported proposition: the clause, or the objects, the verb governs."""
        if verb.dep_ == "parataxis":
            head = verb.head
            left = self.span(head.left_edge.i, verb.left_edge.i) if head.left_edge.i < verb.left_edge.i else None
            right = (
                self.span(verb.right_edge.i + 1, head.right_edge.i + 1)
                if verb.right_edge.i < head.right_edge.i
                else None
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
            return self.span(obj.left_edge.i, comp.right_edge.i + 1)
        clauses = [
            c
            for c in verb.children
            if (c.dep_ == "ccomp" or (c.dep_ == "xcomp" and lemma not in NEEDS_CLAUSE - INTENTIONS))
            and c.pos_ in {"VERB", "AUX"}
            and lemma not in {"call", "ask"}
        ]
        if (
            clauses
            and obj is not None
            and all(c.i < verb.i for c in clauses)
            and not self._addressee(obj, lemma)
            and not any(ch in QUOTE_MARKS for ch in self.doc[clauses[0].left_edge.i : verb.i].text)
        ):
            # "The group is active in the north - it denies claims that ...": the parser took the clause
            # before for the verb's; what the verb reports is its own object, not an unquoted clause before
            clauses = []
        if clauses:
            marked = [c for c in clauses if any(m.dep_ == "mark" for m in c.children)]
            best = max(marked or clauses, key=lambda c: c.right_edge.i - c.left_edge.i)
            start, end = self._clause(best)
            if (
                obj is not None
                and obj.right_edge.i + 1 == best.left_edge.i
                and not any(c.dep_ in {"nsubj", "nsubjpass", "expl", "mark"} for c in best.children)
                and not self._addressee(obj, lemma)
            ):
                start = obj.left_edge.idx  # "added the inquest would find ...": the object is the clause's subject
            # Two complements on one side usually mean the parser split one clause ("announced that
            # development ..., begun two years ago, has been pushed back"): take them together.
            same_side = [c for c in clauses if (c.i > verb.i) == (best.i > verb.i)]
            end = max(end, *(self.span(c.left_edge.i, c.right_edge.i + 1)[1] for c in same_side))
            return start, end
        clause = self._that_clause_under_prep(verb)
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
            and not self._is_statement_venue(c)
            and not self._addressee(c, lemma)
            and not (c.dep_ == "prep" and any(o.ent_type_ in {"DATE", "TIME"} for o in c.children))
        ]
        if not parts:
            return None
        if CUE_KINDS.get(lemma) == "denial" and not any(self._deniable(p, lemma) for p in parts):
            return None  # "denied his asylum application", "rejected the offer": a refusal, not a statement
        start = min(p.left_edge.i for p in parts)
        end = max(p.right_edge.i for p in parts) + 1
        return self.span(start, end)

    def _deniable(self, token: Token, lemma: str) -> bool:
        """What a denial can bear on without a clause: a pronoun ("denied it"), a claim or report
        ("denied the allegations", "dismissed the report"), what the speaker is said to have done
        ("denied any wrongdoing", "denied having known", "denied the attack"), a proposal it rejects
        ("rejected the plan"), the same through a preposition."""
        if token.dep_ in {"ccomp", "xcomp"} or token.tag_ == "VBG":
            return True
        if token.dep_ == "prep":
            return any(self._deniable(c, lemma) for c in token.children if c.dep_ == "pobj")
        if token.pos_ == "PRON":  # "denied it", not "denied him bail"
            return token.dep_ != "dative" and token.lower_ in _THING_PRONOUNS
        noun = token.lemma_.lower()
        return (
            noun in ALLEGATION_NOUNS | REPORT_NOUNS | DENIABLE_NOUNS
            or noun in EVENT_LEMMAS
            or (lemma != "deny" and noun in INTENTION_NOUNS)
        )

    def _addressee(self, token: Token, lemma: str) -> bool:
        """'told reporters', 'told the BBC': who was told, not what. Without a clause or a quote the
        verb reports no content."""
        if token.dep_ == "prep" and token.lower_ == "to":
            # "wrote to officials", "said to reporters": to whom, for any verb of saying
            return any(self._someone(obj) for obj in token.children if obj.dep_ == "pobj")
        if lemma not in ADDRESSEE_VERBS or token.dep_ not in {"dobj", "dative"}:
            return False
        return (
            token.tag_ == "PRP"
            or token.lemma_.lower() in AUDIENCE_NOUNS
            or self.index.at(token.idx, token.idx + len(token.text)) is not None
        )

    def _someone(self, token: Token) -> bool:
        """A person or a body one can speak to: a pronoun, an audience, people, or a named actor."""
        if token.tag_ == "PRP" or token.lemma_.lower() in AUDIENCE_NOUNS | PERSON_NOUNS | {"official"}:
            return True
        eid = self.index.at(token.idx, token.idx + len(token.text))
        return eid is not None and self.index.by_id[eid].type != "Place"

    def _clause(self, head: Token) -> tuple[int, int]:
        """The clause's words, starting after its complementizer ('that') when it has one."""
        start = head.left_edge.i
        marks = [
            c for c in head.children if c.dep_ == "mark" and c.lower_ in {"that", "whether", "if"} and c.i < head.i
        ]
        if marks:
            start = marks[0].i + 1
        return self.span(start, head.right_edge.i + 1)

    def _that_clause_under_prep(self, verb: Token) -> tuple[int, int] | None:
        """'denied in a statement that ...': the parser often hangs the clause on 'statement'."""
        for child in verb.children:
            if self._is_statement_venue(child):
                for t in child.subtree:
                    if t.dep_ in {"acl", "ccomp", "relcl"} and any(
                        c.dep_ == "mark" and c.lower_ == "that" for c in t.children
                    ):
                        return self._clause_without_conjuncts(t)
        return None

    def _clause_without_conjuncts(self, head: Token) -> tuple[int, int]:
        start = head.left_edge.i
        while self.doc[start].dep_ == "mark":
            start += 1
        end = head.right_edge.i + 1
        for child in head.children:
            if child.dep_ == "conj" and child.lemma_.lower() in CUE_KINDS:
                end = min(end, child.left_edge.i)
                cc = [c for c in head.children if c.dep_ == "cc" and c.i < child.i]
                if cc:
                    end = min(end, cc[-1].i)
        return self.span(start, end)

    def _is_statement_venue(self, token: Token) -> bool:
        if token.dep_ != "prep" or token.lower_ not in {"in", "on", "during", "at"}:
            return False
        return any(c.dep_ == "pobj" and c.lemma_.lower() in VENUES for c in token.children)

    # ------------------------------------------------------------------ constructions

    def is_cue(self, token: Token) -> bool:
        """Whether a verb reports what someone says here, rather than naming, intending or acting."""
        lemma = token.lemma_.lower()
        if lemma not in CUE_KINDS or token.i in self.cue_tokens or self.in_quote(token.idx):
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
            "ccomp" in deps or self._quote_for(token) is not None or self._object_with_clause(token)
        )
        if token.dep_ == "pcomp" and not reports_clause:
            return False
        if token.dep_ == "acl" and CUE_KINDS[lemma] != "call" and not reports_clause:
            return False
        if token.dep_ == "relcl" and not (self._speaker_is_antecedent(token) or self._quotes_after(token)):
            return False
        if lemma in QUOTE_ONLY and self._quote_for(token) is None and not self._described_as(token):
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
            (c.dep_ == "ccomp" and any(m.lower_ == "that" for m in c.children))
            or (c.dep_ == "xcomp" and c.tag_ == "VBG")
            for c in token.children
        ):
            return False  # "accepted the offer", "accepted to stay": no admission
        if lemma == "claim" and not deps & {"ccomp", "xcomp"} and self._claims_a_place(token):
            return False  # "Israel claims Jerusalem": a claim to land, not something said
        if "neg" in deps or self._infinitive(token) or self._inside_what_clause(token):
            return False
        if any(c.dep_ == "aux" and c.text in UNREAL_MODALS for c in token.children):
            return False  # "the inquiry would find ...", "he will announce ...": not said (yet)
        # "X was accused of ...", "it was reported that ...", "films are reported to want ...": a passive
        # without its agent reports an accusation or a clause; "cases were reported to the police" does not
        speech_passive = CUE_KINDS[lemma] in {"accusation", "criticism"} or (
            lemma in {"report", "say", "claim"} and bool(deps & {"ccomp", "xcomp"})
        )
        expletive = any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in token.children) and "ccomp" in deps
        speech_passive = speech_passive or expletive
        return not (self._passive_without_agent(token) and not speech_passive)

    def _ends_headline(self, token: Token) -> bool:
        end = self.text.find("\n")
        return 0 < end and token.idx < end and not self.text[token.idx + len(token.text) : end].strip(" .!?")

    def _claims_a_place(self, verb: Token) -> bool:
        """'Israel claims Jerusalem', 'claim the eastern part of the city': land, not words."""
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            if obj.lemma_.lower() in {"part", "half", "rest", "most", "all", "parts"}:
                obj = next((p for c in obj.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj"), obj)
            eid = self.index.at(obj.idx, obj.idx + len(obj.text))
            place = eid is not None and self.index.by_id[eid].type == "Place"
            if place or obj.ent_type_ in {"GPE", "LOC"} or obj.lemma_.lower() in PLACE_NOUNS:
                return True
        return False

    def _bids(self, verb: Token) -> bool:
        """Whether the verb tells someone to do something: an object and an infinitive after it."""
        obj = any(c.dep_ in {"dobj", "dative"} and c.i > verb.i for c in verb.children)
        infinitive = any(
            c.dep_ in {"xcomp", "ccomp", "advcl"} and c.tag_ == "VB" and any(a.lower_ == "to" for a in c.children)
            for c in verb.children
        )
        return obj and infinitive

    def _object_with_clause(self, verb: Token) -> bool:
        """'expressing their concern that the cardinal is playing politics': the object carries the clause."""
        return any(
            c.dep_ == "dobj"
            and any(
                g.dep_ in {"acl", "ccomp"} and any(m.dep_ == "mark" and m.lower_ == "that" for m in g.children)
                for g in c.children
            )
            for c in verb.children
        )

    def _quotes_after(self, token: Token) -> bool:
        """'a report, in which the agency states, "..."': a relative clause with a subject of its own
        that opens a direct quote reports it."""
        own = any(c.dep_ == "nsubj" and c.tag_ not in {"WDT", "WP"} for c in token.children)
        quote = self._quote_for(token) if own else None
        return quote is not None and quote[0] > token.idx

    def _described_as(self, token: Token) -> tuple[int, int] | None:
        """'described the talks as "useful"': the object and what it is described as."""
        if token.lemma_.lower() != "describe":
            return None
        obj = next((c for c in token.children if c.dep_ == "dobj" and c.i > token.i), None)
        as_ = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > token.i), None)
        if obj is None or as_ is None or not any(not c.is_punct for c in as_.children):
            return None
        return self.span(obj.left_edge.i, as_.right_edge.i + 1)

    def from_verbs(self) -> None:
        for token in self.doc:
            if not self.is_cue(token):
                continue
            lemma = token.lemma_.lower()
            quote = self._quote_for(token)
            if lemma in QUOTE_ONLY:
                described = self._described_as(token)
                quote = None if described else quote
                content = described or quote
            else:
                content = quote or self.content_of(token, lemma)
                if content is None and not self._passive_without_agent(token):
                    quote = content = self._quote_for(token, next_sentence=True)
                    if quote is not None and self._has_own_cue(quote):
                        quote = content = None  # 'screamed for help. "...," a resident said.
            if content is None:
                continue
            subject, passive = self.speaker_of(token, quote)
            if subject is None and not passive:
                subject = self._misparsed_subject(token)
            if subject is not None and subject.lower_ in GENERIC_PRONOUNS:
                continue  # "one must ask oneself ...", "you could say ...": nobody in particular speaks
            if subject is None and not self._passive_without_agent(token) and self._inside_content(token.idx):
                continue  # "he added the inquest would find ...": part of what he said, nobody's finding
            if subject is None and self._ends_headline(token):
                continue  # "... according to rebels, report": a label, not a verb
            fields = self.speaker_fields(None if passive else subject, cue=token)
            kind = CUE_KINDS[lemma]
            if lemma in {"tell", "warn"} and self._bids(token):
                kind = "call"  # "told the cardinal not to cut funding", "warned Turkey to hold back"
            if quote is None:
                first = self.doc.char_span(content[0], content[1], alignment_mode="expand")
                if first is not None and first[0].i in self.cue_tokens:
                    continue  # the parser took another statement's cue for this one's content
                content = self._before_other_speech(token, content)
                content = self._without_attribution(content)
            if kind in {"accusation", "criticism"} and quote is None:
                content = self._without_preposition(content)
            about = None
            if passive and subject is not None:
                about = resolve(self.phrase(subject), self.index)
            elif kind == "accusation":
                obj = next((c for c in token.children if c.dep_ == "dobj"), None)
                about = resolve(self.phrase(obj), self.index) if obj is not None else None
            if fields.get("report") and kind == "claim":
                kind = "finding"
            cue_end = token.idx + len(token.text)
            for child in token.children:
                if child.dep_ == "prt" or (lemma == "call" and child.dep_ == "prep" and child.i == token.i + 1):
                    cue_end = child.idx + len(child.text)
            if content[0] < cue_end < content[1]:  # "called on | the company to ...": the cue's words are not content
                content = self.trimmed(cue_end, content[1])
            self.cue_tokens.add(token.i)
            if quote is not None:
                self.quotes_taken.add(quote)
            self.add(
                cue=self.text[token.idx : cue_end],
                cue_span=(token.idx, cue_end),
                content_span=content,
                kind=kind,
                quote=quote is not None,
                about=about,
                **fields,
            )

    def _without_attribution(self, content: tuple[int, int]) -> tuple[int, int]:
        """'said that Castro sends greetings according to the news agency': the source the article names
        for the report is not part of what was said."""
        m = re.search(r",?\s+according to\b", self.text[content[0] : content[1]])
        return self.trimmed(content[0], content[0] + m.start()) if m and m.start() > 0 else content

    def _before_other_speech(self, verb: Token, content: tuple[int, int]) -> tuple[int, int]:
        """The content up to where someone else's words begin: 'asked whether Iran would talk, to
        which he replied "..."' ends before 'to which he replied'."""
        span = self.doc.char_span(*content, alignment_mode="expand")
        for t in span or []:
            if t.i != verb.i and t.i in self.cue_tokens and t.idx > content[0]:
                return self.trimmed(content[0], t.idx)  # another statement's cue: "..., claims X"
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
                set_off = t.dep_ == "relcl" and self.doc[t.head.left_edge.i - 1].text == ","
                start = t.head.left_edge if set_off else t.head if t.dep_ == "pcomp" else t.left_edge
                return self.trimmed(content[0], max(start.idx, content[0]))
        return content

    def _inside_content(self, offset: int) -> bool:
        return any(s.content_span[0] <= offset < s.content_span[1] for s in self.statements)

    def _without_preposition(self, span: tuple[int, int]) -> tuple[int, int]:
        start, end = span
        m = re.match(r"(of|for|about|over)\s+", self.text[start:end])
        return (start + m.end(), end) if m else span

    def _speaker_is_antecedent(self, token: Token) -> bool:
        """'analysts, who had forecast that ...' reports; 'the merger it said was planned' does not."""
        return any(c.dep_ == "nsubj" and c.lower_ in {"who", "which", "that"} for c in token.children)

    def _infinitive(self, token: Token) -> bool:
        """'a hearing to determine whether ...', 'he would write to say he would ...': a purpose or a
        plan, not a report; 'they continue to demand ...' still reports."""
        return (
            token.tag_ == "VB"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
            and token.dep_ in {"advcl", "acl", "relcl", "xcomp"}
            and token.head.lemma_.lower() not in ASPECTUAL
        )

    def _passive_without_agent(self, token: Token) -> bool:
        children = {c.dep_ for c in token.children}
        return "auxpass" in children and "agent" not in children

    def _inside_what_clause(self, token: Token) -> bool:
        """'what it called X', 'what they described as X': naming, not reporting."""
        return any(c.dep_ in {"dobj", "nsubj"} and c.lower_ in {"what", "which"} for c in token.children)

    def _quote_for(self, verb: Token, *, next_sentence: bool = False) -> tuple[int, int] | None:
        """The direct quote this verb introduces or closes: '"...," it said' or 'X said: "..."'; with
        ``next_sentence``, a quote that is a sentence of its own next to the cue's ('X said on Friday.
        "..."', '"...." X has claimed that ...'), which only a cue with no content of its own may take."""
        sent = verb.sent
        for qs, qe in self.quotes:
            inner = self.trimmed(qs + 1, qe - 1)
            if inner in self.quotes_taken:
                continue
            # a quote the cue opens with a colon or a comma is speech however short ('wrote: "Power to
            # the people!"'); elsewhere a few quoted words may be a scare-quoted phrase
            opened = verb.idx < qs and bool(re.search(r"[:,]\s*$", self.text[verb.idx : qs]))
            if not (opened or self._is_real_quote(*inner)):
                continue
            before = self.text[qe : verb.idx]
            # a quote ending its sentence ('... price."') followed by a capital starts a new one
            apart = self.text[inner[1] - 1 : inner[1]] in {".", "!", "?"} and bool(re.match(r"\s*[A-Z]", before))
            if (
                apart == next_sentence
                and sent.start_char - 3 <= qe <= verb.idx
                and (len(before) < 60 or self._only_subject_between(qe, verb))
                and not re.search(r"[.!?]\s", before)
                and not self._other_verb_between(qe, verb)
            ):
                return inner
            after = self.text[verb.idx + len(verb.text) : qs]
            ended = bool(re.search(r"[.!?]\s", after))
            if (
                ended == next_sentence
                and verb.idx < qs <= sent.end_char + 1
                and (":" in after or len(after) < 25 or self._only_venue_between(verb, qs))
                and not self._clause_opens_before(verb, qs)
            ):
                return inner
        return None

    def _clause_opens_before(self, verb: Token, start: int) -> bool:
        """'said he would not "stay silent"': the quote is the end of a clause whose first words stand
        before it, so the content is the clause."""
        for c in verb.children:
            if c.dep_ == "ccomp" and c.i > verb.i and c.left_edge.idx < start <= c.right_edge.idx:
                words = self.doc.char_span(c.left_edge.idx, start, alignment_mode="contract")
                if words is not None and any(t.is_alpha and t.dep_ != "mark" for t in words):
                    return True
            # 'called on Turkey "to continue ..."', 'urged EU states "to find ..."': whom the call is to
            addressee = c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "on")
            if CUE_KINDS.get(verb.lemma_.lower()) == "call" and addressee and verb.i < c.i and c.right_edge.idx < start:
                return True
        return False

    def _only_venue_between(self, verb: Token, start: int) -> bool:
        """'wrote on Twitter, a micro-blogging website, "..."': only where it was said stands between."""
        gap = self.doc.char_span(verb.idx + len(verb.text), start, alignment_mode="contract")
        venues = [c for c in verb.children if self._is_statement_venue(c)]
        inside = {t.i for c in venues for t in c.subtree}
        return gap is not None and bool(venues) and all(t.is_punct or t.i in inside for t in gap)

    def _other_verb_between(self, end: int, verb: Token) -> bool:
        """'"...." Annan said that he had noted ...': a verb between a quote and a cue closes the quote
        for it, so the quote is not the later cue's."""
        gap = self.doc.char_span(end, verb.idx, alignment_mode="contract")
        governors, t = set(), verb  # '"...," Jeffs can be heard saying': verbs the cue hangs on, not a reporter's
        while t.dep_ not in {"ccomp", "ROOT"} and t.head.i != t.i:
            t = t.head
            governors.add(t.i)
        return gap is not None and any(
            t.pos_ in {"VERB", "AUX"}
            and t.i not in governors
            and not (t.dep_ in {"aux", "auxpass", "neg"} and t.head.i in governors | {verb.i})
            for t in gap
        )

    def _only_subject_between(self, end: int, verb: Token) -> bool:
        """'"...", Deputy Minister for Housing and Social Affairs and Liberal politician Ana Lind said':
        between the quote and its cue stand only the words of the cue's subject (however the parser
        hung them), no other verb."""
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < verb.i), None)
        gap = self.doc.char_span(end, verb.idx, alignment_mode="contract")
        if subject is None or gap is None or subject.left_edge.idx < end:
            return False
        return not any(t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"aux", "auxpass"} or t.text in ".!?" for t in gap)

    def _is_real_quote(self, start: int, end: int) -> bool:
        """Quoted words that say something, not a scare-quoted phrase ("so-called 'peace plan'")."""
        words = self.text[start:end].split()
        if len(words) >= 8:
            return True
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span is not None and any(t.pos_ in {"VERB", "AUX"} and t.tag_ not in {"VBN", "VBG"} for t in span)

    def continued_quotes(self) -> None:
        """A quotation with no cue of its own right after the previous speaker's quotation ('"...,"
        she said. "..."', or a next paragraph that is only a quotation) goes on with that speaker."""
        quoted = sorted((s for s in self.statements if s.quote), key=lambda s: s.cue_span[0])
        cues = sorted(s.cue_span[0] for s in self.statements)
        for qs, qe in self.quotes:
            inner = self.trimmed(qs + 1, qe - 1)
            if inner in self.quotes_taken or not self._is_real_quote(*inner):
                continue
            if any(s.content_span[0] <= inner[0] < s.content_span[1] for s in self.statements):
                continue  # a quoted phrase inside what someone said: 'said it was an occasion "to ..."'
            # a paragraph that is only a quotation goes on with whoever spoke last in the paragraph
            # before, directly or not ('Bush said the plan would help.' / '"We will ..."')
            pool = self.statements if self._paragraph_of_its_own(qs, qe) else quoted
            before = [s for s in pool if max(s.cue_span[1], s.content_span[1]) <= qs and (s.speaker or s.speaker_text)]
            if not before:
                continue
            prev = max(before, key=lambda s: max(s.cue_span[1], s.content_span[1]))
            last = max(prev.cue_span[1], prev.content_span[1])
            sentence = self.doc.char_span(last - 1, last, alignment_mode="expand")
            gap_start = sentence.sent.end_char if sentence is not None else last
            own = self.doc.char_span(qs, qe, alignment_mode="expand")
            own_end = own[-1].sent.end_char if own is not None else qe
            # it opens a sentence, a paragraph or a stretch after the cue ('"...," she said, "..."'), not a
            # phrase inside a clause ('thanking France for pressuring Colombia to "think of ..."')
            opens = bool(re.search(r'(^|\n|[.!?:;,]["\u201d\u2019]?)[ \t]*$', self.text[max(0, qs - 4) : qs]))
            if not opens or self.text[gap_start:qs].strip() or any(last <= c < own_end for c in cues):
                continue
            self.quotes_taken.add(inner)
            self.add(
                speaker=prev.speaker,
                speaker_text=prev.speaker_text,
                speaker_span=prev.speaker_span,
                cue=prev.cue,
                cue_span=prev.cue_span,
                content_span=inner,
                kind=prev.kind,
                quote=True,
                report=prev.report,
                continues=prev.id,
            )
            quoted.append(self.statements[-1])

    def _paragraph_of_its_own(self, start: int, end: int) -> bool:
        """Whether the quotation marked ``start:end`` is all its paragraph (line) holds."""
        line_start = self.text.rfind("\n", 0, start) + 1
        line_end = self.text.find("\n", end)
        after = self.text[end : len(self.text) if line_end < 0 else line_end]
        return not self.text[line_start:start].strip() and not after.strip(STRIP_CHARS + ".")

    def issued_quotes(self) -> None:
        """'X issued a statement: "..."', 'X released a statement on the case: "..."': the quote is what
        X says; the verb and its object are the cue."""
        for noun in self.doc:
            verb = noun.head
            if (
                noun.lemma_.lower() not in ISSUED_NOUNS
                or noun.dep_ != "dobj"
                or verb.lemma_.lower() not in ISSUE_VERBS
                or self.in_quote(noun.idx)
                or verb.i in self.cue_tokens
            ):
                continue
            quote = self._quote_for(noun)
            if quote is None or quote[0] < noun.idx:
                continue
            subject, passive = self.speaker_of(verb)
            self.cue_tokens.add(verb.i)
            self.quotes_taken.add(quote)
            cue_end = noun.idx + len(noun.text)
            self.add(
                cue=self.text[verb.idx : cue_end],
                cue_span=(verb.idx, cue_end),
                content_span=quote,
                kind="claim",
                quote=True,
                **self.speaker_fields(None if passive else subject, cue=verb),
            )

    def from_nouns(self) -> None:
        """Reporting nouns: "the announcement by GM that it had filed", "GM's declaration of bankruptcy"."""
        for token in self.doc:
            kind = NOUN_CUES.get(token.lemma_.lower())
            if kind is None or token.pos_ != "NOUN" or self.in_quote(token.idx) or self._is_venue_noun(token):
                continue
            content = None
            for child in token.children:
                if child.dep_ in {"acl", "ccomp", "relcl"} and any(
                    c.dep_ == "mark" and c.lower_ == "that" for c in child.children
                ):
                    content = self._clause(child)
                elif child.dep_ == "prep" and child.lower_ == "of" and content is None:
                    obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if obj is not None:
                        content = self.span(obj.left_edge.i, obj.right_edge.i + 1)
            speaker_tok = None
            for child in token.children:
                if child.dep_ == "poss" or (
                    child.dep_ in {"compound", "nmod"} and self.index.at(child.idx, child.idx + 1)
                ):
                    speaker_tok = child
                elif child.dep_ == "prep" and child.lower_ == "by":
                    speaker_tok = next((c for c in child.children if c.dep_ == "pobj"), speaker_tok)
            if content is None or speaker_tok is None:
                continue
            fields = self.speaker_fields(speaker_tok)
            if fields["speaker"] is None:
                continue
            self.cue_tokens.add(token.i)
            self.add(
                cue=token.text,
                cue_span=(token.idx, token.idx + len(token.text)),
                content_span=content,
                kind=kind,
                quote=False,
                **fields,
            )

    def _is_venue_noun(self, token: Token) -> bool:
        """'said in a statement that ...': the verb reports; the noun only says where."""
        return token.dep_ == "pobj" and self._is_statement_venue(token.head)

    def according_to(self) -> None:
        for token in self.doc:
            if token.lower_ != "according" or token.i + 1 >= len(self.doc) or self.doc[token.i + 1].lower_ != "to":
                continue
            to = self.doc[token.i + 1]
            objs = [c for c in to.children if c.dep_ == "pobj"]
            if not objs:
                continue
            # "according to vice-president Carlos Lage": the parser may split the phrase into two objects
            named = [c for c in objs if self.index.at(c.idx, c.idx + len(c.text))]
            obj = (named or objs)[0]
            pp_start, pp_end = token.i, max(c.right_edge.i for c in objs) + 1
            sent = token.sent
            left = self.span(sent.start, pp_start) if pp_start > sent.start else None
            right = self.span(pp_end, sent.end) if pp_end < sent.end else None
            sides = [s for s in (left, right) if s and len(self.text[s[0] : s[1]].strip(STRIP_CHARS + ".")) > 3]
            if not sides:
                continue
            content = max(sides, key=lambda s: s[1] - s[0])
            if len(sides) == 2 and self._one_clause_around(sent, pp_start, pp_end):
                content = (left[0], right[1])  # "The president, according to X, looks forward to ...": one clause
            fields = self.speaker_fields(obj)
            self.add(
                cue="according to",
                cue_span=(token.idx, to.idx + len(to.text)),
                content_span=content,
                kind="finding" if fields.get("report") else "claim",
                quote=False,
                **fields,
            )

    def _one_clause_around(self, sent: Span, pp_start: int, pp_end: int) -> bool:
        """Whether the words before and after a parenthetical make one clause: a subject before it
        ('The president, according to X, looks forward'), or a second predicate after it ('Such
        levels kill within weeks, according to X, and are 250 times ...')."""
        if not any(t.pos_ in {"VERB", "AUX"} for t in self.doc[sent.start : pp_start]):
            return True
        after = [t for t in self.doc[pp_end : sent.end] if not t.is_punct]
        return bool(after) and after[0].pos_ == "CCONJ" and after[0].head.i < pp_start

    def headline(self) -> None:
        end = self.text.find("\n")
        if end < 0:
            return  # one line of text: no separate headline
        for token in self.doc:
            if token.idx >= end:
                break
            if token.lower_ not in HEADLINE_CUES or not token.is_title or token.i in self.cue_tokens or token.i == 0:
                continue
            if token.idx + len(token.text) >= end:
                continue
            speaker = self.index.at(self.doc[token.i - 1].idx, token.idx)
            if speaker is None:
                continue
            content = self.trimmed(token.idx + len(token.text), end)
            lemma = token.lower_.rstrip("s") if token.lower_ != "says" else "say"
            lemma = {"said": "say", "denie": "deny", "accuse": "accuse", "criticize": "criticize"}.get(lemma, lemma)
            start_tok = token.i - 1
            while (
                start_tok > 0 and self.index.at(self.doc[start_tok - 1].idx, self.doc[start_tok - 1].idx + 1) == speaker
            ):
                start_tok -= 1
            self.cue_tokens.add(token.i)
            self.add(
                speaker=speaker,
                speaker_text=self.text[self.doc[start_tok].idx : token.idx].strip(),
                speaker_span=(self.doc[start_tok].idx, token.idx - 1),
                cue=token.text,
                cue_span=(token.idx, token.idx + len(token.text)),
                content_span=content,
                kind=CUE_KINDS.get(lemma, "claim"),
                quote=False,
            )
            break

    def headline_inverted(self) -> None:
        """A headline that names its source after the words: 'Britain thinks Africans are barbaric,
        claims South African President', '..., says minister'."""
        end = self.text.find("\n")
        m = re.search(r",\s+(\w+)\s+([^,]{2,80})$", self.text[:end]) if end > 0 else None
        if m is None or m.group(1).lower() not in HEADLINE_CUES:
            return
        cue = self.doc.char_span(m.start(1), m.end(1))
        source = self.doc.char_span(m.start(2), m.end(2), alignment_mode="contract")
        if cue is None or source is None or len(source) > 6 or not any(t.pos_ in {"NOUN", "PROPN"} for t in source):
            return
        lemma = cue.text.lower()
        lemma = "say" if lemma in {"says", "said"} else lemma.rstrip("s").replace("denie", "deny")
        self.cue_tokens.add(cue[0].i)
        self.add(
            speaker=resolve(source, self.index),
            speaker_text=source.text,
            speaker_span=(source.start_char, source.end_char),
            cue=cue.text,
            cue_span=(cue.start_char, cue.end_char),
            content_span=(0, m.start()),
            kind=CUE_KINDS.get(lemma, "claim"),
            quote=False,
        )

    def headline_source(self) -> None:
        """A headline that names its source after a colon: 'Castro recovering after surgery: Cuban
        officials', 'Shelter to open: city council'. The colon is the cue."""
        end = self.text.find("\n")
        colon = self.text.rfind(": ", 0, end)
        if end < 0 or colon < 0 or any(s.cue_span[0] < end for s in self.statements):
            return
        source = self.doc.char_span(colon + 2, end, alignment_mode="contract")
        if source is None or not 0 < len(source) <= 4 or not self.text[colon + 2 : end].strip():
            return
        head = source.root
        speaker = resolve(source, self.index)
        nouns = PERSON_NOUNS | AUDIENCE_NOUNS | REPORT_NOUNS | {"official", "police", "government", "source"}
        typed = (
            speaker is not None
            and self.index.by_id[speaker].type in {"Person", "Organization", "Group"}
            and any(s > end for s, _ in self.index.by_id[speaker].mentions)  # named in the article too
        )
        if not (typed or (head.pos_ == "NOUN" and head.lemma_.lower() in nouns)):
            return
        self.add(
            speaker=speaker if typed else None,
            speaker_text=source.text,
            speaker_span=(source.start_char, source.end_char),
            cue=":",
            cue_span=(colon, colon + 1),
            content_span=(0, colon),
            kind="claim",
            quote=False,
        )

    # ------------------------------------------------------------------ relations between statements

    def relate(self) -> None:
        for i, stmt in enumerate(self.statements):
            report = self._report_in(stmt)
            if stmt.kind == "claim" and report is not None and self._critical(stmt):
                stmt.kind = "criticism"
            if stmt.kind in {"criticism", "denial"} and report is not None and stmt.about is None:
                stmt.about = report.id
            if stmt.kind == "denial":
                stmt.responds_to = self._answered(stmt, self.statements[:i], report)

    def _report_in(self, stmt: Statement) -> Report | None:
        """A report the statement is about: named in its content, or in its speaker ('critics of the report')."""
        spans = [(min(stmt.cue_span[0], stmt.content_span[0]), max(stmt.cue_span[1], stmt.content_span[1]))]
        if stmt.speaker_span and stmt.report is None:
            spans.append(stmt.speaker_span)
        tokens = [t for lo, hi in spans for t in self.doc.char_span(lo, hi, alignment_mode="expand") or []]
        for token in tokens:
            if token.lemma_.lower() not in REPORT_NOUNS:
                continue
            report = self.report_for(token)
            if report is None and self._definite(token):
                report = self._matching_report(token.idx, None, None, None, False)
            if report is not None and report.author != stmt.speaker:
                return report
        return None

    def _definite(self, token: Token) -> bool:
        return any(c.lower_ in {"the", "this", "that"} for c in token.children if c.dep_ == "det")

    def _critical(self, stmt: Statement) -> bool:
        words = {w.strip('.,;:\u201c\u201d"').lower() for w in stmt.content.split()}
        return bool(words & CRITICAL_WORDS) or bool(words & {"not", "never", "n't"})

    def _answered(self, denial: Statement, earlier: list[Statement], report: Report | None) -> str | None:
        if report is not None:
            for stmt in earlier:
                if stmt.report == report.id and stmt.kind == "finding":
                    return stmt.id
        best, best_score = None, 0.0
        own = self._content_words(denial)
        for stmt in earlier:
            same_speaker = stmt.speaker == denial.speaker and (
                stmt.speaker is not None or stmt.speaker_text == denial.speaker_text
            )
            if stmt.kind not in {"finding", "accusation", "claim"} or same_speaker:
                continue
            score = len(own & self._content_words(stmt))
            if denial.speaker and denial.speaker in self.index.in_span(*stmt.content_span):
                # what a report finds or an accuser says of the denier is what it denies; someone's
                # account that only names the denier needs words in common as well
                score += 1.5 if stmt.kind != "claim" else 0.75
            if stmt.kind != "claim":
                score += 0.5
            if score > best_score:
                best, best_score = stmt.id, score
        return best if best_score >= 2 else None

    def _content_words(self, stmt: Statement) -> set[str]:
        """The lemmas that can show two statements bear on one matter ("attacked", "attacking"):
        not function words ("that", "would")."""
        span = self.doc.char_span(*stmt.content_span, alignment_mode="expand")
        tokens = span if span is not None else []
        return {t.lemma_.lower() for t in tokens if t.is_alpha and len(t) > 2 and not t.is_stop}

    def pronouns_in_text_order(self) -> None:
        """Resolve pronoun speakers again with every speaker before them known: the passes find
        statements construction by construction, so 'According to analyst X, ...' was not yet a
        speaker when the verbs' pass met the '"...," he said' after it."""
        self.index.speakers = []
        for stmt in sorted(self.statements, key=lambda s: s.cue_span[0]):
            if stmt.speaker_span and stmt.report is None:
                phrase = self.doc.char_span(*stmt.speaker_span, alignment_mode="expand")
                if phrase is not None and phrase.root.tag_ == "PRP" and phrase.root.lower_ in PRONOUN_TYPES:
                    stmt.speaker = resolve(phrase, self.index)
            if stmt.speaker or stmt.speaker_text:
                self.index.note_speaker(stmt.cue_span[0], stmt.speaker or f"?{stmt.speaker_text}")

    def run(self) -> tuple[list[Statement], list[Report]]:
        self.headline()
        self.headline_inverted()
        self.from_verbs()
        self.issued_quotes()
        self.from_nouns()
        self.according_to()
        self.headline_source()
        self.pronouns_in_text_order()
        self.continued_quotes()
        self.statements.sort(key=lambda s: (s.cue_span[0], s.content_span[0]))
        renumber = {s.id: f"s{i + 1}" for i, s in enumerate(self.statements)}
        for s in self.statements:
            s.id = renumber[s.id]
            s.continues = renumber.get(s.continues or "")
        self.relate()
        for report in self.reports:
            report.findings = [s.id for s in self.statements if s.report == report.id]
        return self.statements, self.reports


def extract_statements(doc: Doc, entities: list[Entity], published: str | None = None):
    """Statements and reports of one parsed article."""
    return StatementExtractor(doc, entities, published).run()
