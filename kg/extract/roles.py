"""Titles and the roles they name: "chief executive" leads, "vice president" and "finance director"
serve, "spokesman" works for, "captain" and "shadow chancellor" are members. Kept apart from the
constructions that find titles (relations.py), so that the word lists can be read on their own.
"""

from __future__ import annotations

PART_NOUNS = frozenset(
    "chapter branch affiliate subsidiary unit wing arm division section bureau office department "
    "ministry agency franchise member".split()
)
LEADER_NOUNS = frozenset(
    "leader head chief president chairman chairwoman chairperson director ceo commander secretary-general "
    "general-secretary boss chair premier king queen emperor governor mayor chancellor publisher".split()
)
# Leaders of a firm or a body: second to one ("vice president") or heading a part of it ("director of
# exhibits at the University"), they work for it. A "leader" or "commander" of a wing is in a party or an army.
STAFF_LEADER_NOUNS = frozenset("head chief president chairman chairwoman chairperson director ceo boss chair".split())
# The leaders a place has: "French president X" leads France, a "French director" does not.
PLACE_LEADER_NOUNS = frozenset(
    "leader president premier king queen emperor governor mayor chancellor monarch sultan emir".split()
)
MEMBER_NOUNS = frozenset(
    "member lawmaker legislator mp senator delegate player captain goalkeeper defender midfielder striker "
    "musician singer vocalist guitarist bassist drummer keyboardist frontman".split()
)
WORK_NOUNS = frozenset(
    "spokesman spokeswoman spokesperson official employee reporter correspondent photographer editor "
    "analyst researcher lawyer adviser advisor economist engineer executive manager officer staffer "
    "minister diplomat ambassador envoy representative coach worker doctor professor campaigner curator "
    "instructor attorney treasurer cfo coo cto counsel consul lecturer columnist negotiator scientist journalist "
    "writer partner consultant nurse surgeon physician teacher pilot strategist historian designer producer "
    "presenter investigator trader broker banker".split()
)
# Who works for a place (its government): "Afghan Ambassador X", "France's interior minister X".
PLACE_WORK_NOUNS = frozenset(
    "minister ambassador diplomat envoy consul spokesman spokeswoman spokesperson official representative "
    "secretary coach adviser advisor".split()
)
ROLE_NOUNS = LEADER_NOUNS | MEMBER_NOUNS | WORK_NOUNS | PLACE_WORK_NOUNS
# Words a title has besides its role noun: "Chief Operating Officer", "interior and overseas
# minister", "Shadow Home Secretary", "associate professor".
TITLE_MODIFIERS = frozenset(
    "chief executive deputy vice senior associate assistant acting interim prime foreign interior home "
    "defence defense finance health justice education trade economy overseas shadow general financial "
    "operating managing principal press state national first supreme high lead cabinet".split()
)
# What a director heads the whole of: "executive director", "managing director", "director general".
HEADING_DIRECTOR = frozenset("executive managing general".split())
# A role said to be over ("former chief executive") states no relation.
ENDED = frozenset("former ex then late onetime erstwhile previous retired".split())
# A second in command serves; "vice president" does not lead.
SECONDS = frozenset("vice deputy assistant associate".split())


def title_role(words: list[str]) -> tuple[str, str] | None:
    """The role a title names, as (kind, role noun), kind one of leader, member, work, part.

    'chief executive', 'prime minister' and 'secretary general' lead; 'chief financial officer',
    'vice president' and 'head coach' do not; coordinated titles ("chairman and chief operating
    officer") lead when one of them does.

    >>> title_role(["chief", "financial", "officer"])
    ('work', 'officer')
    """
    roles = []
    segment: list[str] = []
    for word in [*words, "and"]:
        if word not in {"and", "&", ","}:
            segment.append(word)
            continue
        if segment:
            roles.append(segment_role(segment))
        segment = []
    roles = [r for r in roles if r is not None]
    return next((r for r in roles if r[0] == "leader"), roles[0] if roles else None)


def segment_role(words: list[str]) -> tuple[str, str] | None:
    """The role one title without conjunctions names ('chief operating officer'), if any."""
    words = [w for w in words if w != "-"]
    if not words:
        return None
    noun, mods = words[-1], set(words[:-1])
    if noun == "general" and len(words) > 1:
        # "attorney general", "director general"; a "secretary general" may or may not lead: staff
        noun, mods = words[-2], set(words[:-2]) | {"general"}
    if noun == "secretary" and "press" in mods:
        return ("work", "spokesperson")  # a press secretary speaks for the organisation or the state
    if "shadow" in mods:
        return ("member", noun)  # "Labour's shadow chancellor": the opposition party's, not the state's
    leads = (
        noun in LEADER_NOUNS
        or (noun == "minister" and bool({"prime", "first"} & mods))
        or (noun == "executive" and "chief" in mods)
        or (noun == "officer" and {"chief", "executive"} <= mods)
        or (noun == "leader" and "supreme" in mods)
    )
    if leads and noun == "head" and mods:
        leads = False  # "head coach" names no leader noun of its own; "head" alone does
    if leads and noun == "director" and mods - HEADING_DIRECTOR:
        return ("work", noun)  # a "finance director" runs a department; a "managing director" runs the firm
    if leads:
        return ("work" if mods & SECONDS else "leader", noun)
    if noun in MEMBER_NOUNS:
        return ("member", noun)
    if noun in WORK_NOUNS or noun in PLACE_WORK_NOUNS:
        return ("work", noun)
    if noun in PART_NOUNS:
        return ("part", noun)
    return None
