"""Factuality: does the article itself assert that an event happened?

Attribution before assertion: an event the article only alleges, fears, plans, negates or asks
about is not a fact of the graph. Each trigger is judged in the terms of FactBank and MEANTIME
(certainty, polarity, future, special case) by walking from the trigger up its dependency path:
every governor on the way may put the event under a modal ("may", "will"), a negation ("not",
"failed to", "without"), an intention or expectation ("plans to", "is expected to"), a
condition ("if"), an attitude or allegation ("fears that", "accused of", "allegations that he
ordered"), or a question. A relative clause, an apposition or a participle modifying a noun is
the article's own description of that noun and ends the walk. What a statement's content
contains is reported by that statement (``Event.reported_by``), decided by the events stage.

The word lists name linguistic classes (modals, implicative verbs after Karttunen, verbs and nouns
of attitude, allegation and intention), not words seen in any corpus.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

from spacy.tokens import Doc, Token

from kg.extract.lexicon import ALLEGATION_NOUNS, INTENTION_NOUNS, reporting_nouns
from kg.model import Factuality

FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "would", "'d"})
POSSIBLE_AUX = frozenset({"may", "might", "could", "can", "ca"})
ABILITY_AUX = frozenset({"can", "ca"})  # ability, not time: "the plane can fly 9,000 miles"
OBLIGATION_AUX = frozenset({"should", "must", "ought", "need"})
NEGATIONS = frozenset({"not", "n't", "never", "no", "neither", "nor", "nobody", "nothing", "none"})
# Adverbs of likelihood and hearsay.
POSSIBLE_ADVERBS = frozenset("possibly perhaps maybe conceivably potentially".split())
PROBABLE_ADVERBS = frozenset("probably likely presumably".split())
HEARSAY_ADVERBS = frozenset("reportedly allegedly apparently purportedly supposedly seemingly ostensibly".split())
COUNTERFACTUAL_ADVERBS = frozenset({"nearly", "almost"})  # "nearly crashed": it did not
# Verbs whose infinitive complement happened if they did (implicatives): "managed to land".
IMPLICATIVE = frozenset(
    "manage begin start continue go come proceed happen get use dare bother remember resume keep succeed help".split()
)
# Causatives whose object did what they caused: "prompted the group to launch an inquiry", "forced
# them to flee".
CAUSATIVE = frozenset("prompt force cause lead compel drive make spur".split())
# Verbs whose complement did not happen if they did: "failed to land", "refused to pay".
NEGATIVE_IMPLICATIVE = frozenset("fail refuse decline neglect forget avoid refrain omit".split())
# Verbs whose complement is prevented: "barred the company from using the name".
PREVENTING = frozenset("prevent bar ban stop block prohibit forbid keep deter preclude".split())
# Verbs whose subject is an event that starts, goes on, ends or takes place.
OCCURRENCE_VERBS = frozenset(
    "begin start open commence resume continue end finish conclude occur happen proceed".split()
)
# Verbs of change whose "to" infinitive is the result reached ("rose 2% to close at ..."), not a purpose.
CHANGE_VERBS = frozenset(
    "fall rise drop climb slide plunge soar jump sink tumble slump rally rebound recover dip ease gain lose "
    "surge decline increase decrease grow shrink slip edge advance retreat".split()
)
# Verbs of intention, expectation, demand and proposal: their complement has not happened yet,
# whether a clause, an infinitive, an event noun as object or a "for" phrase ("called for a ceasefire").
INTENTION_VERBS = frozenset(
    "plan intend want wish aim seek hope expect anticipate await threaten promise pledge vow offer propose "
    "prepare schedule consider contemplate demand request urge call ask press push appeal order "
    "agree decide vote plot try attempt mean need require recommend suggest invite encourage "
    "allow permit enable authorize authorise approve".split()
)
# Of those, the ones whose passive subject is what is planned: "a hearing was scheduled".
PLANNED_PASSIVE = frozenset(
    "plan schedule propose expect intend order threaten demand request offer consider seek want".split()
)
# Verbs of attitude and belief: their clause is the holder's view.
ATTITUDE_VERBS = frozenset(
    "believe think fear suspect assume suppose presume doubt worry speculate imagine guess feel "
    "reckon estimate predict forecast project rumor rumour hear understand".split()
)
# Verbs of saying and allegation: their clause is the speaker's (statements cover most of them).
REPORTING_VERBS = frozenset(
    "say state tell claim assert allege report announce insist maintain argue contend testify write "
    "declare add note explain suggest confirm acknowledge admit warn indicate accuse charge blame "
    "indict sue prosecute convict discover".split()
)
# Of those, verbs of reporting and finding whose object is what they report: "GM posted a loss",
# "emails exposed the talks", "the report documented killings".
REPORTING_OBJECT_VERBS = frozenset(
    "report post announce confirm reveal expose document find cite describe disclose record detail "
    "uncover claim allege".split()
)
# Verbs whose passive tells hearsay about their subject: "an attack was reported".
HEARSAY_PASSIVE = frozenset("report allege claim rumor rumour".split())
# Verbs that put off or call off an event: "the flight was delayed", "they cancelled the vote".
POSTPONING_VERBS = frozenset("delay postpone defer reschedule".split())
CANCELLING_VERBS = frozenset("cancel scrap abandon veto".split())
SPEECH_AND_THOUGHT = REPORTING_VERBS | ATTITUDE_VERBS | INTENTION_VERBS
# Verbs whose "of/with/for" phrase names an alleged deed: "accused of killing", "charged with murder".
ALLEGING_VERBS = frozenset(
    "accuse charge suspect indict blame arrest detain investigate probe prosecute sue try convict "
    "sentence fine jail imprison question interrogate".split()
)
ALLEGING_PREPS = frozenset({"of", "with", "for", "over", "on"})
DENYING_VERBS = frozenset("deny dispute reject refute dismiss rebut contest".split())
# Verbs whose passive subject is the event they bear on: "a hearing was scheduled", "the vote was delayed".
OBJECT_AS_SUBJECT = PLANNED_PASSIVE | ATTITUDE_VERBS | DENYING_VERBS | POSTPONING_VERBS | CANCELLING_VERBS
# Verbs by which a plan or proposal says what it holds: "a plan that includes plant closures".
CONTENT_VERBS = frozenset(
    "include involve envisage envision foresee entail contain require call see mean cover".split()
)
# Verbs whose "for" phrase is asked for, not had: "filed for bankruptcy protection", "applied for asylum".
REQUEST_VERBS = frozenset("file apply petition bid campaign lobby plead pray wait prepare negotiate".split())
# Adjectives whose "for" phrase is still to come: "due for delivery", "ready for launch".
PENDING_ADJECTIVES = frozenset("due ready eligible scheduled set bound".split())
UNCERTAIN_NOUNS = frozenset("fear worry concern possibility risk danger chance prospect likelihood".split())
NEGATIVE_NOUNS = frozenset("denial absence lack failure refusal rejection".split())
# Adjectives before an event noun: "the planned merger", "the alleged killing", "a failed coup".
FUTURE_ADJECTIVES = frozenset(
    "planned proposed upcoming forthcoming future prospective intended scheduled pending expected "
    "impending imminent threatened would-be next".split()
)
POSSIBLE_ADJECTIVES = frozenset("possible potential likely probable feared hypothetical".split())
HEARSAY_ADJECTIVES = frozenset(
    "alleged suspected reported rumored rumoured claimed purported supposed apparent unconfirmed "
    "accused presumed".split()
)
NEGATIVE_ADJECTIVES = frozenset("failed foiled thwarted averted aborted cancelled canceled called-off".split())
# Words before a "to" complement that say how likely it is: "likely to", "expected to", "set to".
PROBABLE_WORDS = frozenset("likely expected poised set due bound expect appear seem".split())
PROBABLE_ATTITUDES = frozenset("believe think suspect assume presume suppose reckon".split())
# Prepositions that present their object as given: "after the loss", "since the crash".
FACTIVE_PREPS = frozenset({"after", "since", "following", "amid", "despite"})
SINGLING = frozenset({"first", "last", "only", "few", "second", "third"})
# Relations after which a clause describes its noun in the article's own voice.
OWN_VOICE = frozenset({"relcl", "appos", "parataxis"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
CONDITION_MARKS = frozenset({"if", "unless"})
# Prepositions that tie an event noun to a noun of allegation or intention: "fears of an attack".
NOUN_LINKS = frozenset({"of", "for", "about", "over", "that", "on", "against", "to"})


class FactualityJudge:
    """Judges the event triggers of one parsed article. ``holder_of`` names the entity a noun
    phrase refers to (or None), so that the holder of an attitude or allegation is recorded."""

    def __init__(self, holder_of: Callable[[Token], str | None]) -> None:
        self.holder_of = holder_of
        self._sentence_starts: tuple[Doc | None, list[int], int] = (None, [], -1)

    def _after_headline(self, token: Token) -> bool:
        """Whether a line break comes before the token's sentence. ``token.sent`` walks the sentences
        of the document from its start each time; their starts are listed once per document."""
        doc, starts, line_break = self._sentence_starts
        if doc is not token.doc:
            doc, starts, line_break = token.doc, [s.start_char for s in token.doc.sents], token.doc.text.find("\n")
            self._sentence_starts = (doc, starts, line_break)
        return 0 <= line_break < starts[bisect_right(starts, token.idx) - 1]

    def judge(self, token: Token) -> Factuality:
        f = Factuality()
        self._cues(token, f, own=True)
        if self._generic(token):
            self._set(f, "special", "generic", token.text)
        cur = token
        for _ in range(16):
            head = cur.head
            if head.i == cur.i:  # the root (spaCy makes a new Token object on each access: no 'is')
                if cur.sent.text.rstrip().rstrip("\"'”’)").endswith("?"):
                    self._set(f, "certainty", "underspecified", "?")
                break
            rel = cur.dep_
            if rel == "relcl" and self._content_clause(cur, head):
                rel = "acl"
            elif rel == "relcl" and head.lemma_.lower() in INTENTION_NOUNS and cur.lemma_.lower() in CONTENT_VERBS:
                cur = head  # "a plan that includes plant closures": what the plan includes is planned too
                self._set(f, "future", True, head.text)
                continue
            if rel == "pobj" and head.lower_ in FACTIVE_PREPS and not self._future_clause(head.head):
                break  # "after a $1.6 billion loss", "since the crash": given, not planned
            if rel in OWN_VOICE or (rel == "acl" and self._reduced_relative(cur) and head.pos_ in {"NOUN", "PROPN"}):
                break
            self._link(cur, head, rel, f, token)
            finite = cur.pos_ in {"VERB", "AUX"} and cur.tag_ in {"VBD", "VBZ", "VBP", "MD"}
            if rel in SUBJECTS and self._occurrence(head):
                # "the trial is set to begin", "the vote will take place": the subject is the event
                for t in self._xcomp_chain(head):
                    self._cues(t, f, own=False)
            # A subject, a finite conjunct or a reason clause has its own modality and polarity.
            if not (rel in SUBJECTS or (rel == "conj" and finite) or (rel == "advcl" and self._mark(cur) == "because")):
                self._cues(head, f, own=False)
            cur = head
        f.settle()
        return f

    # ------------------------------------------------------------------ cues on one word

    def _cues(self, token: Token, f: Factuality, *, own: bool) -> None:
        """Cues on ``token`` (its auxiliaries, negation, modifiers, mark) that bear on the trigger:
        the trigger itself (``own``) or a word governing it."""
        children = list(token.children)
        verbal = token.pos_ in {"VERB", "AUX"}
        for c in children:
            word = c.lower_
            if c.dep_ in {"aux", "auxpass"}:
                if word in FUTURE_AUX:
                    self._set(f, "future", True, c.text)
                elif word in POSSIBLE_AUX:
                    self._set(f, "certainty", "possible", c.text)
                    if word not in ABILITY_AUX:
                        self._set(f, "future", True, c.text)
                elif word in OBLIGATION_AUX:
                    self._set(f, "future", True, c.text)
            if c.dep_ == "neg" or (c.dep_ in {"advmod", "det", "preconj"} and word in NEGATIONS):
                if own or verbal:
                    self._set(f, "polarity", "negative", c.text)
            elif c.dep_ == "advmod":
                if word in COUNTERFACTUAL_ADVERBS and verbal and own:
                    self._set(f, "polarity", "negative", c.text)
                elif word in POSSIBLE_ADVERBS:
                    self._set(f, "certainty", "possible", c.text)
                elif word in PROBABLE_ADVERBS:
                    self._set(f, "certainty", "probable", c.text)
                elif word in HEARSAY_ADVERBS:
                    self._attribute(f, c.text, None)
            elif c.dep_ in {"amod", "compound"} and c.i < token.i and token.pos_ in {"NOUN", "PROPN"}:
                if word in FUTURE_ADJECTIVES:
                    self._set(f, "future", True, c.text)
                elif word in POSSIBLE_ADJECTIVES:
                    self._set(f, "certainty", "possible", c.text)
                elif word in HEARSAY_ADJECTIVES:
                    self._attribute(f, c.text, None)
                elif word in NEGATIVE_ADJECTIVES:
                    self._set(f, "polarity", "negative", c.text)
            elif c.dep_ == "acl" and own and c.tag_ == "VBN" and c.lemma_.lower() in POSTPONING_VERBS:
                self._set(f, "future", True, c.text)  # "test flight delayed after accident"
            elif c.dep_ == "acl" and own and c.tag_ == "VBN" and c.lemma_.lower() in CANCELLING_VERBS:
                self._set(f, "polarity", "negative", c.text)
            elif c.dep_ == "advcl" and self._mark(c) in CONDITION_MARKS:
                self._set(f, "special", "conditional", self._mark(c) or "if")
        if verbal and own and self._negative_subject(token):
            self._set(f, "polarity", "negative", "no")  # "No one was killed", "Nobody attacked"
        if verbal:
            when = any(c.dep_ == "advmod" and c.lower_ == "when" for c in children)
            mark = self._mark(token) or ("when" if when else None)
            if mark in CONDITION_MARKS or (mark == "when" and own and self._reduced(token)):
                self._set(f, "special", "conditional", mark)  # "if the talks fail", "when held in a certain way"
            elif mark == "whether":
                self._set(f, "certainty", "underspecified", mark)
            if self._infinitive(token):
                self._infinitive_cues(token, f)
            if any(c.dep_ == "xcomp" and c.lower_ == "going" for c in children) or (
                token.lower_ == "going" and any(c.dep_ == "xcomp" and self._infinitive(c) for c in children)
            ):
                self._set(f, "future", True, "going to")

    def _infinitive_cues(self, token: Token, f: Factuality) -> None:
        """A 'to' infinitive has not happened ("plans to buy", "is to face", "agreed to sell"), except
        under an implicative ("managed to land") or as the result of a change ("fell to close at")."""
        governor = token.head
        lemma = governor.lemma_.lower()
        passive_use = lemma == "use" and governor.tag_ == "VBN"  # "an index used to gauge": a purpose
        if token.dep_ == "xcomp" and (lemma in IMPLICATIVE or lemma in NEGATIVE_IMPLICATIVE) and not passive_use:
            return  # the negative ones are a link: the complement is negated
        if token.dep_ in {"xcomp", "ccomp"} and lemma in CAUSATIVE and governor.tag_ in {"VBD", "VBN", "VBZ"}:
            return
        if token.dep_ in {"advcl", "xcomp"} and lemma in CHANGE_VERBS:
            return
        if token.dep_ in {"acl", "relcl"} and self._singled_out(governor):
            return  # "the first model to be built of composites", "one of the few indexes to rise": it did
        self._set(f, "future", True, "to")
        if governor.lower_ in PROBABLE_WORDS or lemma in PROBABLE_WORDS:
            self._set(f, "certainty", "probable", governor.text)

    def _generic(self, token: Token) -> bool:
        """'Car bombs kill civilians', 'airliners are bought by the state': a simple present verb
        whose subject is a kind (a bare plural, or generic 'you' or 'one') tells what is generally so,
        not what happened. Headlines, which tell past events in the present, are left alone."""
        if token.pos_ != "VERB" or token.lemma_.lower() in SPEECH_AND_THOUGHT:
            return False
        aux = [c for c in token.children if c.dep_ in {"aux", "auxpass"}]
        if token.dep_ == "conj" and not aux and not any(c.dep_ in SUBJECTS for c in token.children):
            return self._generic(token.head)  # "are selected and purchased by the state"
        if token.tag_ in {"VBZ", "VBP"}:
            present = not aux
        elif token.tag_ == "VBN":
            present = len(aux) == 1 and aux[0].dep_ == "auxpass" and aux[0].tag_ in {"VBZ", "VBP"}
        else:
            return False
        if not present or not self._after_headline(token):
            return False
        verb = token
        while verb.dep_ == "conj" and not any(c.dep_ in SUBJECTS for c in verb.children):
            verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None:
            return False
        if subject.lower_ in {"you", "one"}:
            return True
        bare = not any(c.dep_ in {"det", "poss", "nummod"} for c in subject.children)
        return subject.tag_ == "NNS" and bare

    # ------------------------------------------------------------------ cues between two words

    def _link(self, cur: Token, head: Token, rel: str, f: Factuality, trigger: Token) -> None:
        """Cues in the relation ``rel`` of ``cur`` to its governor ``head`` on the way up from ``trigger``."""
        via = None  # the preposition between them: "accused of killing", "calls for a truce"
        if rel in {"pobj", "pcomp"} and head.dep_ == "prep":
            prep, head = head, head.head
            via = prep.lower_
            if via == "without" or (via in {"of", "than"} and prep.head.lower_ in {"instead", "rather"}):
                self._set(f, "polarity", "negative", prep.text)
                return
        lemma = head.lemma_.lower()
        if head.pos_ in {"VERB", "AUX", "ADJ"}:
            if rel not in {"ccomp", "xcomp", "dobj", "advcl", "oprd", "nsubjpass"} and via is None:
                return
            if rel == "nsubjpass" and lemma in HEARSAY_PASSIVE and cur.i == trigger.i:
                self._attribute(f, head.text, None)  # "one attack was reported": by whom, the text does not say
                return
            if rel == "nsubjpass" and lemma not in OBJECT_AS_SUBJECT:
                return  # "a hearing was scheduled", "an attack was feared": the passive subject is the object
            holder = None if self._passive(head) else self._subject(head)
            if (lemma in NEGATIVE_IMPLICATIVE and rel in {"xcomp", "dobj"}) or (lemma in PREVENTING and via == "from"):
                self._set(f, "polarity", "negative", head.text)
            elif lemma in DENYING_VERBS and (rel in {"ccomp", "dobj", "nsubjpass"} or via is not None):
                self._set(f, "polarity", "negative", head.text)
                self._attribute(f, head.text, holder)
            elif lemma in ALLEGING_VERBS and via in ALLEGING_PREPS:
                self._attribute(f, head.text, holder)
            elif (lemma in INTENTION_VERBS and (rel in {"ccomp", "xcomp", "dobj", "nsubjpass"} or via == "for")) or (
                via == "for" and (lemma in REQUEST_VERBS or (head.pos_ == "ADJ" and lemma in PENDING_ADJECTIVES))
            ):
                self._set(f, "future", True, head.text)
                if lemma in PROBABLE_WORDS:
                    self._set(f, "certainty", "probable", head.text)
            elif lemma in ATTITUDE_VERBS and rel in {"ccomp", "xcomp", "dobj", "nsubjpass"}:
                self._attribute(f, head.text, holder)
                if lemma in {"fear", "worry"}:
                    self._set(f, "future", True, head.text)
                elif lemma in PROBABLE_ATTITUDES:
                    self._set(f, "certainty", "probable", head.text)
                elif lemma == "doubt":
                    self._set(f, "certainty", "possible", head.text)
            elif lemma in POSTPONING_VERBS and rel in {"dobj", "nsubjpass"}:
                self._set(f, "future", True, head.text)
            elif lemma in CANCELLING_VERBS and rel in {"dobj", "nsubjpass"}:
                self._set(f, "polarity", "negative", head.text)
            elif (lemma in REPORTING_VERBS and rel in {"ccomp", "xcomp"}) or (
                lemma in REPORTING_OBJECT_VERBS and rel == "dobj" and cur.i == trigger.i
            ):
                self._attribute(f, head.text, holder)
        elif head.pos_ in {"NOUN", "PROPN"}:
            if rel == "compound" and lemma in INTENTION_NOUNS and via is None:
                self._set(f, "future", True, head.text)  # "a restructuring plan": planned, not done
                return
            if (via is None and rel not in {"acl", "ccomp"}) or (via is not None and via not in NOUN_LINKS):
                return
            if lemma in ALLEGATION_NOUNS:
                self._attribute(f, head.text, self._owner(head))
            elif lemma in INTENTION_NOUNS:
                self._set(f, "future", True, head.text)
                if lemma in UNCERTAIN_NOUNS:
                    self._set(f, "certainty", "possible", head.text)
            elif lemma in NEGATIVE_NOUNS:
                self._set(f, "polarity", "negative", head.text)
            elif via is None and lemma in reporting_nouns():
                self._attribute(f, head.text, self._owner(head))  # "the insistence that the vote was rigged"

    # ------------------------------------------------------------------ helpers

    @staticmethod
    def _set(f: Factuality, name: str, value: object, cue: str) -> None:
        if getattr(f, name) == Factuality.__dataclass_fields__[name].default:
            setattr(f, name, value)
        f.cue = f.cue or cue

    def _attribute(self, f: Factuality, cue: str, holder: Token | None) -> None:
        f.attributed = True
        f.cue = f.cue or cue
        if holder is not None and f.holder is None and f.holder_text is None:
            f.holder = self.holder_of(holder)
            f.holder_text = holder.doc[holder.left_edge.i : holder.right_edge.i + 1].text

    @staticmethod
    def _content_clause(verb: Token, noun: Token) -> bool:
        """'allegations he ordered his forces to fire', parsed as a relative clause, is the content
        of the allegation: no relative pronoun and no missing object."""
        lemma = noun.lemma_.lower()
        if lemma not in ALLEGATION_NOUNS and lemma not in INTENTION_NOUNS:
            return False
        relative = any(c.tag_ in {"WDT", "WP", "WP$", "WRB"} or c.lower_ == "that" for c in verb.children)
        return not relative and any(c.dep_ in {"dobj", "ccomp", "xcomp", "attr"} for c in verb.children)

    @staticmethod
    def _negative_subject(verb: Token) -> bool:
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None:
            return False
        return subject.lower_ in {"nobody", "nothing", "none", "noone"} or any(
            c.dep_ == "det" and c.lower_ == "no" for c in subject.children
        )

    @staticmethod
    def _reduced(verb: Token) -> bool:
        """A participle clause without subject or auxiliary: 'when held', 'once signed'."""
        return verb.tag_ in {"VBN", "VBG"} and not any(
            c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in verb.children
        )

    @staticmethod
    def _reduced_relative(verb: Token) -> bool:
        """'the crimes mentioned in the report': a past participle describing its noun, told as done.
        With a subject, an auxiliary or 'that' it is a clause of its own ('a statement that it had
        carried out'); an -ing participle happens when its clause does ('will receive a letter
        telling them')."""
        clause = any(c.dep_ in {"nsubj", "nsubjpass", "aux", "mark"} for c in verb.children)
        return verb.tag_ == "VBN" and not clause

    @staticmethod
    def _future_clause(verb: Token) -> bool:
        return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX | POSSIBLE_AUX for c in verb.children)

    @staticmethod
    def _singled_out(noun: Token) -> bool:
        """'the first', 'the only', 'one of the few', a superlative: an infinitive after these says
        what the thing did."""
        words = [noun, *noun.children]
        return any(t.lower_ in SINGLING or t.tag_ in {"JJS", "RBS"} or t.ent_type_ == "ORDINAL" for t in words)

    @staticmethod
    def _xcomp_chain(verb: Token) -> list[Token]:
        """The verb and the infinitives it governs: 'is set to begin' -> set, begin."""
        chain = [verb]
        while (nxt := next((c for c in chain[-1].children if c.dep_ == "xcomp"), None)) is not None:
            chain.append(nxt)
        return chain

    def _occurrence(self, verb: Token) -> bool:
        """Verbs whose subject is the event that takes place ("begin", "take place", "be held")."""
        for t in self._xcomp_chain(verb):
            lemma = t.lemma_.lower()
            if lemma in OCCURRENCE_VERBS or (lemma == "take" and any(c.lower_ == "place" for c in t.children)):
                return True
            if lemma == "hold" and self._passive(t):
                return True
        return False

    @staticmethod
    def _mark(token: Token) -> str | None:
        return next((c.lower_ for c in token.children if c.dep_ == "mark"), None)

    @staticmethod
    def _infinitive(token: Token) -> bool:
        """'to sign', 'to be signed'; not the perfect 'to have signed', which looks back."""
        aux = {c.lower_ for c in token.children if c.dep_ in {"aux", "auxpass"}}
        return "to" in aux and "have" not in aux and token.tag_ in {"VB", "VBN", "VBG"}

    @staticmethod
    def _passive(token: Token) -> bool:
        return any(c.dep_ in {"auxpass", "nsubjpass"} for c in token.children)

    @staticmethod
    def _subject(token: Token) -> Token | None:
        for t in (token, token.head if token.dep_ in {"conj", "xcomp", "advcl"} else token):
            subject = next((c for c in t.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                return subject
        return None

    @staticmethod
    def _owner(noun: Token) -> Token | None:
        """Whose allegation or claim: 'his allegations', 'allegations by the police'."""
        for c in noun.children:
            if c.dep_ == "poss":
                return c
            if c.dep_ == "prep" and c.lower_ == "by":
                return next((o for o in c.children if o.dep_ == "pobj"), None)
        return None
