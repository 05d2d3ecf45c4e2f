"""Events: what happened, who did it to whom, where, when and how many.

Triggers are verbs and event nouns. A small lexicon types them with the taxonomy of
``ontology/kg.ttl`` (Attack, Killing, HostageTaking, ...); other eventualities are kept as
``Other`` so that timelines and counts see everything the text reports. Participants come from
the dependency parse (subject and object, passive "by", possessives and "on/against" for event
nouns), the place from locative prepositions, the time from date expressions attached to the
trigger, normalised against the publication date. Events inside a statement's content are
``reported_by`` that statement rather than asserted. Mentions of one event are merged.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from kg.extract.coref import EntityIndex, resolve
from kg.extract.factuality import FactualityJudge
from kg.extract.quantities import quantity_of
from kg.extract.timex import normalise_time
from kg.model import Entity, Event, Factuality, Participant, Quantity, Statement
from kg.nlp import doc_text

EVENT_LEMMAS: dict[str, str] = {
    **dict.fromkeys(
        "attack assault bomb bombing shelling shell raid ambush invade invasion infiltration infiltrate "
        "offensive airstrike shooting massacre storm".split(),
        "Attack",
    ),
    **dict.fromkeys("kill killing murder slay execute execution assassinate assassination".split(), "Killing"),
    **dict.fromkeys("kidnap kidnapping abduct abduction hostage-taking".split(), "HostageTaking"),
    **dict.fromkeys("release free freeing".split(), "Release"),
    **dict.fromkeys("war".split(), "MilitaryCampaign"),
    **dict.fromkeys("publish publication".split(), "Publication"),
    **dict.fromkeys("interview".split(), "Interview"),
    **dict.fromkeys("investigate investigation probe inquiry review examine".split(), "Investigation"),
    **dict.fromkeys("arrest detain detention apprehend".split(), "Arrest"),
    **dict.fromkeys("rule ruling verdict convict conviction acquit acquittal sentence judgment".split(), "Ruling"),
    **dict.fromkeys("elect election referendum reelect re-elect".split(), "Election"),
    **dict.fromkeys("agreement treaty accord ceasefire truce sign".split(), "Agreement"),
    **dict.fromkeys("protest demonstrate demonstration rally march riot".split(), "Protest"),
}
# Lexicon lemmas whose noun reading is not an event ("political rule", "a free press", "an unexploded
# bomb": the weapon, while bombing and the verb are attacks).
NOUN_NOT_EVENT = frozenset({"rule", "free", "sentence", "march", "storm", "shell", "review", "sign", "bomb"})
MILITARY_NOUNS = frozenset({"campaign", "operation", "offensive"})
MARKET_WORDS = frozenset("market stock share index price dollar euro bond oil gold currency trading investor".split())
ISSUED_RELEASES = frozenset("press news official public developer product software beta".split())
DOCUMENT_NOUNS = frozenset(
    "report study statement video videos data figures findings results document documents evidence album "
    "book paper list survey".split()
)
PEOPLE_NOUNS = frozenset("hostage hostages prisoner prisoners detainee detainees captive captives people".split())
LIGHT_VERBS = frozenset("be have do get become seem".split())
# Deverbal nouns end like this; the list below keeps out common ones that name things, not events.
EVENT_SUFFIXES = ("tion", "sion", "ment", "ance", "ence", "ure", "ing", "ysis")
NOT_EVENT_NOUNS = frozenset(
    "nation organization organisation information population position station institution foundation "
    "government department apartment document equipment instrument parliament management environment "
    "statement president resident agreement evidence audience science sentence experience intelligence "
    "independence conference difference reference culture nature future structure feature temperature "
    "picture furniture literature legislature thing building morning evening ceiling king spring string "
    "something nothing anything everything during including according being meaning ring wing offspring "
    "clothing funding housing training spending question section region religion opinion million billion "
    "version mission commission television vision tension pension portion ration fraction faction "
    "minister ministry edition location direction jurisdiction constitution association union nation's "
    "percentage lawyer advance chance balance distance finance insurance substance alliance province "
    "evidence presence science silence violence sequence consequence".split()
)
EXTRA_EVENT_NOUNS = frozenset(
    "attack war crash deal sale sales loss losses rise fall drop increase decline growth cut cuts merger bid "
    "launch visit talks meeting summit trial vote bankruptcy bailout layoff layoffs shooting earthquake fire "
    "flood storm accident collapse crisis campaign strike arrest death deaths murder recession flight "
    "event events offer plan plans debate scandal fight battle conflict clash clashes raid siege blockade "
    "attempt move decision change reform sanctions purchase acquisition takeover hearing process "
    "production delivery deliveries cease-fire release interview".split()
)
PLACE_PREPS = frozenset({"in", "on", "at", "near", "across", "inside", "outside", "throughout"})
TIME_PREPS = frozenset({"on", "in", "at", "during", "since", "until", "by", "before", "after", "from"})
SUB_EVENT_PREPS = frozenset({"in", "during"})
UMBRELLA_TYPES = frozenset({"Attack", "MilitaryCampaign"})
# Verbs whose subject undergoes the change rather than causing it ("the index fell").
UNACCUSATIVE = frozenset(
    "fall drop rise surge decline climb slide plunge soar jump sink tumble slump rally rebound dip ease "
    "increase decrease grow shrink close open end finish arrive die collapse crash occur happen".split()
)
# Verbs that carry a noun event as their object and whose subject is that event's agent: "Hamas
# launched an attack", "GM reported losses", "Airbus made an offer", "the two sides signed an agreement".
SUPPORT_VERBS = frozenset(
    "launch start begin wage conduct carry mount stage lead "
    "report post record make hold sign reach announce unveil complete submit issue give deliver "
    "file seal strike conclude".split()
)


@dataclass
class _Mention:
    token: Token
    type: str
    span: tuple[int, int]
    participants: list[Participant] = field(default_factory=list)
    place: str | None = None
    time: str | None = None
    time_text: str | None = None
    quantities: list[Quantity] = field(default_factory=list)
    reported_by: str | None = None
    factuality: Factuality = field(default_factory=Factuality)


class EventExtractor:
    def __init__(self, doc: Doc, entities: list[Entity], statements: list[Statement], published: str | None):
        self.doc = doc
        self.text = doc_text(doc)
        self.index = EntityIndex(entities)
        self.entity_types = {e.id: e.type for e in entities}
        self.statements = statements
        self.published = published
        self.cue_starts = {st.cue_span[0] for st in statements}
        # doc.ents is rebuilt on each access: index it once
        self.ent_of = {i: e for e in doc.ents for i in range(e.start, e.end)}
        dates = {e.text for e in self.ent_of.values() if e.label_ == "DATE"}
        self.known_dates = [v for text in dates if (v := normalise_time(text)) and len(v) == 10]
        self._types: dict[int, str | None] = {}
        self.judge = FactualityJudge(lambda t: next(iter(self.entity_of(t)), None))
        self.entity_tokens = {
            t.i
            for e in entities
            for s, end in e.mentions
            for t in (doc.char_span(s, end, alignment_mode="expand") or [])
        }

    # ------------------------------------------------------------------ triggers

    def event_type(self, token: Token) -> str | None:
        """The taxonomy type of a trigger, ``Other`` for an untyped eventuality, None for no event."""
        if token.i not in self._types:
            self._types[token.i] = self._event_type(token)
        return self._types[token.i]

    def _event_type(self, token: Token) -> str | None:
        lemma = token.lemma_.lower()
        if token.i in self.entity_tokens:
            return None
        if lemma == "rally" and any(t.lemma_.lower() in MARKET_WORDS for t in token.sent):
            return "Other"  # "markets rally", "a four-day rally in stocks": prices, not people
        if token.pos_ == "VERB":
            if lemma in LIGHT_VERBS or token.dep_ == "amod":
                return None
            if lemma == "take" and any(c.lower_ in {"hostage", "hostages", "captive"} for c in token.children):
                return "HostageTaking"
            if lemma == "release":
                return self._release_type(token)
            if lemma == "free" and any(c.dep_ == "prt" for c in token.children):
                return "Other"  # "frees up memory"
            if lemma == "demonstrate" and any(c.dep_ in {"dobj", "ccomp"} for c in token.children):
                return "Other"  # "demonstrated the new phone", "demonstrated that ...": showing, not protesting
            if lemma == "rule" and not any(c.dep_ in {"ccomp", "prep"} for c in token.children):
                return "Other"
            if lemma == "sign" and not any(c.dep_ == "dobj" for c in token.children):
                return "Other"
            if lemma == "accord" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
                # "according to X": attribution, not an event (and no agreement)
                return None
            return EVENT_LEMMAS.get(lemma, "Statement" if token.idx in self.cue_starts else "Other")
        if token.pos_ not in {"NOUN", "PROPN"} or token.pos_ == "PROPN" and lemma not in EVENT_LEMMAS:
            return None
        if lemma in MILITARY_NOUNS and any(
            c.lemma_.lower() in {"military", "army", "air", "ground"} for c in token.children
        ):
            return "MilitaryCampaign"
        if lemma == "strike":
            weapon = any(c.lower_ in {"air", "missile", "drone", "military"} for c in token.children)
            target = any(c.dep_ == "prep" and c.lower_ in {"at", "on", "against"} for c in token.children)
            return "Attack" if weapon or target else "Protest"
        if lemma in NOUN_NOT_EVENT:
            return None
        if lemma == "release" and any(c.lower_ in ISSUED_RELEASES for c in token.children if c.i < token.i):
            return "Publication"  # "a press release", "developer releases": issued, nobody freed
        if lemma in EVENT_LEMMAS:
            return EVENT_LEMMAS[lemma]
        if lemma in EXTRA_EVENT_NOUNS:
            return "Other"
        if len(lemma) > 5 and lemma.endswith(EVENT_SUFFIXES) and lemma not in NOT_EVENT_NOUNS and token.tag_ != "NNP":
            return "Other"
        return None

    def _release_type(self, token: Token) -> str:
        objects = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
        for obj in objects:
            lemma = obj.lemma_.lower()
            if lemma in DOCUMENT_NOUNS:
                return "Publication"
            if (
                lemma in PEOPLE_NOUNS
                or self.entity_types.get(self.index.at(obj.idx, obj.idx + len(obj.text)) or "") == "Person"
            ):
                return "Release"
        if any(c.dep_ == "nsubjpass" and c.lower_ in {"all", "most", "some", "they", "who"} for c in token.children):
            return "Release"
        return "Other"

    def trigger_span(self, token: Token, type_: str) -> tuple[int, int]:
        if type_ == "HostageTaking" and token.pos_ == "VERB":
            hostage = next(
                (c for c in token.children if c.lower_ in {"hostage", "hostages", "captive"} and c.i > token.i), None
            )
            if hostage is not None:
                return token.idx, hostage.idx + len(hostage.text)
        return token.idx, token.idx + len(token.text)

    # ------------------------------------------------------------------ arguments

    def entity_of(self, token: Token) -> list[str]:
        """Entities a noun phrase refers to, one per conjunct ("Hamas and Islamic Jihad")."""
        out = []
        for t in [token, *[c for c in token.children if c.dep_ == "conj"]]:
            found = self.index.at(t.idx, t.idx + len(t.text))
            if found is None:
                found = (
                    resolve(self.doc[t.left_edge.i : t.right_edge.i + 1], self.index)
                    if t.pos_ in {"PRON", "NOUN", "PROPN"}
                    else None
                )
            if found is not None and found not in out:
                out.append(found)
        return out

    def arguments(self, token: Token, mention: _Mention) -> None:
        roles: list[tuple[str, Token]] = []
        passive = any(c.dep_ == "auxpass" for c in token.children)
        for child in token.children:
            dep = child.dep_
            if token.pos_ == "VERB":
                if dep == "nsubj":
                    roles.append(("patient" if token.lemma_.lower() in UNACCUSATIVE else "agent", child))
                elif dep == "nsubjpass":
                    roles.append(("patient", child))
                elif dep == "dobj":
                    roles.append(("patient", child))
                elif dep == "dative":
                    roles.append(("beneficiary", child))
                elif dep == "agent" and passive:
                    roles += [("agent", c) for c in child.children if c.dep_ == "pobj"]
            else:
                if dep == "compound" and child.i < token.i and self._is_place(child):
                    roles.append(("place", child))  # "the Darfa attack": where, not who
                elif dep in {"poss", "compound"} and child.i < token.i:
                    roles.append(("agent", child))
                elif dep == "prep" and child.lower_ == "by":
                    roles += [("agent", c) for c in child.children if c.dep_ == "pobj"]
                elif dep == "prep" and child.lower_ in {"on", "against", "of"}:
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            roles.append(("place" if self._is_place(obj) else "patient", obj))
            if dep == "prep" and child.lower_ in PLACE_PREPS:
                for obj in child.children:
                    if obj.dep_ == "pobj" and self._is_place(obj):
                        roles.append(("place", obj))
            if dep == "prep" and child.lower_ == "with" and token.pos_ == "VERB":
                roles += [("instrument", c) for c in child.children if c.dep_ == "pobj"]
        if token.pos_ == "VERB" and not any(r in {"agent", "patient"} and t.dep_ == "nsubj" for r, t in roles):
            inherited = self._inherited_subject(token)
            if inherited is not None:
                role = "patient" if token.lemma_.lower() in UNACCUSATIVE or passive else "agent"
                roles.append((role, inherited))
        if (
            token.pos_ != "VERB"
            and token.dep_ == "dobj"
            and token.head.pos_ == "VERB"
            and token.head.lemma_.lower() in SUPPORT_VERBS
            and not any(r == "agent" for r, _ in roles)
        ):
            roles += [("agent", c) for c in token.head.children if c.dep_ == "nsubj"]
        if token.pos_ != "VERB" and self.event_type(token) in UMBRELLA_TYPES:
            governor = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "with" else token.head
            while governor.pos_ == "NOUN" and governor.dep_ == "pobj" and governor.head.dep_ == "prep":
                governor = governor.head.head  # "responded to the massacre with a campaign", "with" misattached
            # "launched an attack" is taken by the support-verb rule above; "in an attack with drones" here
            if not any(r == "agent" for r, _ in roles) and governor.pos_ == "VERB" and token.dep_ == "pobj":
                roles += [("agent", c) for c in governor.children if c.dep_ == "nsubj"]
            roles += [
                ("place", t)
                for t in self._own_phrase(token)
                if t.dep_ == "pobj" and t.head.lower_ in PLACE_PREPS and self._is_place(t)
            ]
        for role, tok in roles:
            found = self.entity_of(tok) or self._group_behind(tok)
            for entity in found:
                if role == "place":
                    mention.place = mention.place or entity
                elif not any(p.entity == entity for p in mention.participants):
                    mention.participants.append(Participant(entity, role))
            if role in {"patient", "agent"} and token.pos_ == "VERB":
                q = quantity_of(tok)
                if q is not None:
                    mention.quantities.append(q)

    def _group_behind(self, token: Token) -> list[str]:
        """'Gunmen from the Red Dawn Front', 'members of the militia': the organisation they belong to."""
        if token.pos_ != "NOUN":
            return []
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in {"from", "of"}:
                for obj in child.children:
                    found = self.entity_of(obj) if obj.dep_ == "pobj" else []
                    if found and self.entity_types.get(found[0]) in {"Organization", "Group"}:
                        return found
        return []

    def _inherited_subject(self, token: Token) -> Token | None:
        """Conjuncts and controlled infinitives share their governor's subject ("plans to assemble")."""
        current = token
        for _ in range(3):
            if current.dep_ not in {"conj", "xcomp", "advcl"} or current.head is current:
                return None
            current = current.head
            subject = next((c for c in current.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subject is not None:
                return subject if subject.dep_ == "nsubj" else None
        return None

    def _own_phrase(self, token: Token):
        """The trigger's dependents, without descending into other events' phrases."""
        stack = list(token.children)
        while stack:
            t = stack.pop()
            yield t
            if t.pos_ == "VERB" and t.dep_ not in {"acl", "pcomp", "xcomp"}:
                continue
            if t.pos_ == "NOUN" and self.event_type(t) not in {None, "Other"}:
                continue
            stack.extend(t.children)

    def _is_place(self, token: Token) -> bool:
        entity = self.index.at(token.idx, token.idx + len(token.text))
        return entity is not None and self.entity_types.get(entity) == "Place"

    def timing(self, token: Token, mention: _Mention) -> None:
        """A date attached to the trigger: "on Oct. 7, 2023", "in December", "the Oct. 7 massacre"."""
        for child in token.children:
            if child.dep_ == "prep":
                if child.lower_ not in TIME_PREPS:
                    continue
                heads = [c for c in child.children if c.dep_ == "pobj"]
            elif child.dep_ in {"nmod", "compound"} or (child.dep_ in {"npadvmod", "tmod"} and token.pos_ == "VERB"):
                heads = [child]
            else:
                continue
            for head in heads:
                for t in [head, *[c for c in head.children if c.dep_ in {"compound", "nummod", "nmod", "amod"}]]:
                    if t.ent_type_ != "DATE":
                        continue
                    ent = self.ent_of[t.i]
                    value = normalise_time(ent.text, self.published, known=self.known_dates)
                    mention.time_text = ent.text
                    if value:
                        mention.time = value
                        return

    # ------------------------------------------------------------------ assembly

    def anchor_to_publication(self, mentions: list[_Mention]) -> None:
        """What a news article reports without a date of its own happened when it was published: a
        finite past or present-tense verb in the headline or lead, a speech act ("said") anywhere,
        and a present-tense verb anywhere ("the index rises"); never a reported or future one. A past
        tense verb further down ("the company was founded") may be any time before."""
        if not self.published:
            return
        sentences = list(self.doc.sents)
        lead_end = sentences[min(len(sentences) - 1, 2)].end_char if sentences else 0
        for m in mentions:
            t = m.token
            anywhere = m.type == "Statement" or t.tag_ in {"VBZ", "VBP"}
            if m.time or m.time_text or t.pos_ != "VERB" or not m.factuality.asserted:
                continue
            if t.idx >= lead_end and not anywhere:
                continue
            finite = t.tag_ in {"VBD", "VBZ", "VBP"} or (
                t.tag_ == "VBN" and any(c.dep_ in {"aux", "auxpass"} and c.lemma_ == "have" for c in t.children)
            )
            if finite:
                m.time = self.published

    def factuality(self, m: _Mention) -> Factuality:
        """The trigger's factuality; a statement's content and a date after publication also make
        it not asserted."""
        f = self.judge.judge(m.token)
        if m.time and self.published and m.time[: len(self.published)] > self.published[: len(m.time)]:
            f.future = True
            f.cue = f.cue or m.time_text
        if m.reported_by:
            f.attributed = True
            st = next(s for s in self.statements if s.id == m.reported_by)
            f.cue = f.cue or st.cue
            if f.holder is None and f.holder_text is None:
                f.holder, f.holder_text = st.speaker, st.speaker_text
        f.settle()
        return f

    def reported_by(self, start: int) -> str | None:
        best = None
        for st in self.statements:
            s, e = st.content_span
            if self._in_passive_subject(st, start):
                continue
            if s <= start < e and (best is None or e - s < best[1] - best[0]):
                best = (s, e, st.id)
        return best[2] if best else None

    def _in_passive_subject(self, st: Statement, start: int) -> bool:
        """'The attack, which began at dawn, is reported to have killed 100': a passive cue's content
        starts with its subject, which the article itself presents; what is reported comes after the
        cue (and the cue itself is the act of saying)."""
        if not st.content_span[0] <= start < st.cue_span[1] or st.cue_span[0] < st.content_span[0]:
            return False
        cue = self.doc.char_span(*st.cue_span, alignment_mode="expand")
        return cue is not None and any(c.dep_ == "auxpass" for c in cue.root.children)

    def run(self) -> list[Event]:
        mentions: list[_Mention] = []
        for token in self.doc:
            type_ = self.event_type(token)
            if type_ is None:
                continue
            m = _Mention(token=token, type=type_, span=self.trigger_span(token, type_))
            self.arguments(token, m)
            self.timing(token, m)
            m.reported_by = self.reported_by(m.span[0])
            m.factuality = self.factuality(m)
            mentions.append(m)
        self.anchor_to_publication(mentions)
        clusters = self.merge(mentions)
        events = []
        for i, cluster in enumerate(clusters, 1):
            # An event is asserted only through a mention the article asserts, and then takes its
            # participants, place, time and figures from such mentions alone: an alleged or planned
            # mention of the same event never makes it a fact nor adds to it.
            asserted = [m for m in cluster if m.factuality.asserted]
            told = asserted or cluster
            first = told[0]
            participants: list[Participant] = []
            for m in told:
                participants += [p for p in m.participants if all(p.entity != q.entity for q in participants)]
            events.append(
                Event(
                    id=f"v{i}",
                    type=first.type,
                    trigger=self.text[first.span[0] : first.span[1]],
                    span=first.span,
                    time=next((m.time for m in told if m.time), None),
                    time_text=next((m.time_text for m in told if m.time_text), None),
                    place=next((m.place for m in told if m.place), None),
                    participants=participants,
                    quantities=[q for m in told for q in m.quantities],
                    reported_by=first.reported_by,
                    mentions=sorted(m.span for m in cluster),
                    factuality=first.factuality,
                )
            )
        self.link_sub_events(clusters, events)
        return events

    def merge(self, mentions: list[_Mention]) -> list[list[_Mention]]:
        """Mentions of one event become one cluster: same type (and lemma, for untyped events),
        both asserted or reported by the same statement, and no conflicting time or agent."""
        clusters: list[list[_Mention]] = []
        # only clusters of the same type (and lemma, for untyped events) can take a mention
        by_key: dict[tuple[str, str], list[list[_Mention]]] = defaultdict(list)
        for m in mentions:
            key = (m.type, m.token.lemma_.lower() if m.type == "Other" else "")
            target = next((c for c in by_key[key] if self._compatible(c, m)), None)
            if target is None:
                clusters.append([m])
                by_key[key].append(clusters[-1])
            else:
                target.append(m)
        return clusters

    def _compatible(self, cluster: list[_Mention], m: _Mention) -> bool:
        head = cluster[0]
        if head.type != m.type or m.type == "Statement":
            return False
        same_status = any(
            x.reported_by == m.reported_by and x.factuality.asserted == m.factuality.asserted for x in cluster
        )
        if m.type == "Other" and (head.token.lemma_.lower() != m.token.lemma_.lower() or not same_status):
            return False
        if (
            m.token.pos_ == "NOUN"
            and head.token.pos_ == "NOUN"
            and (m.token.tag_ == "NNS") != (head.token.tag_ == "NNS")
        ):
            return False
        times = {x.time for x in cluster if x.time}
        if m.time and times and not any(t.startswith(m.time) or m.time.startswith(t) for t in times):
            return False
        agents = {p.entity for x in cluster for p in x.participants if p.role == "agent"}
        mine = {p.entity for p in m.participants if p.role == "agent"}
        if agents and mine and not agents & mine:
            return False
        places = {x.place for x in cluster if x.place}
        if m.place and places and m.place not in places and m.type not in UMBRELLA_TYPES:
            return False
        figures = {(q.what, q.value) for x in cluster for q in x.quantities if not (q.approx or q.lower_bound)}
        if any(q.what == what and q.value != value for q in m.quantities for what, value in figures):
            return False  # "killing 5 people" and "killing 7 people": two events
        if same_status:
            return True
        # Across asserted and reported mentions, only on evidence: a shared time, agent or place, or a
        # definite reference ("the attack") back to an event already named.
        definite = any(
            c.dep_ in {"det", "poss"} and c.lower_ in {"the", "this", "that", "its", "their"} for c in m.token.children
        )
        return bool((m.time and m.time in times) or agents & mine or (m.place and m.place in places) or definite)

    def link_sub_events(self, clusters: list[list[_Mention]], events: list[Event]) -> None:
        """'killed in the Hamas attack': the killing is part of the attack; conjuncts share the link."""
        event_at = {m.token.i: ev for cluster, ev in zip(clusters, events, strict=True) for m in cluster}
        for cluster, ev in zip(clusters, events, strict=True):
            if ev.type in UMBRELLA_TYPES:
                continue
            for m in cluster:
                parent = self._umbrella_of(m.token, event_at)
                if parent is None and m.token.dep_ == "conj":
                    sibling = event_at.get(m.token.head.i)
                    parent = next((e for e in events if sibling and e.id == sibling.part_of), None)
                if parent is not None and parent.id != ev.id:
                    ev.part_of = parent.id
                    break

    def _umbrella_of(self, token: Token, event_at: dict[int, Event]) -> Event | None:
        if token.dep_ == "advcl" and token.tag_ == "VBG":  # "attacked the market, killing 12 people"
            parent = event_at.get(token.head.i)
            if parent is not None and parent.type in UMBRELLA_TYPES:
                return parent
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in SUB_EVENT_PREPS:
                for obj in child.children:
                    parent = event_at.get(obj.i)
                    if parent is not None and parent.type in UMBRELLA_TYPES:
                        return parent
        return None


def extract_events(doc: Doc, entities: list[Entity], statements: list[Statement], published: str | None = None):
    return EventExtractor(doc, entities, statements, published).run()
