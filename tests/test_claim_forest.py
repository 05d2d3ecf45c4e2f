"""A claim keeps the strongest links that join its statements (a maximum spanning forest), not every
pair: a statement reprinted by five outlets is one claim of five statements held by four links. Kept
current one article at a time, after an article is replaced or removed, it is what a rebuild computes."""

from __future__ import annotations

from kg.ingest import ingest_articles, prepare
from kg.layers import sync_layers
from kg.layers.stories import claims_and_responses, rebuild_stories
from kg.match import CLAIM_RULE, Rarity
from kg.model import Article, Entity, Extraction, Report, Statement
from kg.rdf.iris import article_iri
from kg.store import open_store

HEADLINE = "Harbour dredging to cost millions"
DREDGING = (
    "The Tarvik Port Authority said on Tuesday that dredging the northern harbour would cost 40 million "
    "euros and close the ferry berths for two winters."
)
VARIANT = (
    "The Tarvik Port Authority said that dredging the northern harbour would cost 40 million euros and "
    "close the ferry berths for two winters, angering island residents."
)
FEES = "The Tarvik Port Authority also said that berth fees for cruise ships would double from March."


def _article(n: int, text: str, day: int = 1) -> Article:
    return Article(
        title=HEADLINE,
        text=f"{HEADLINE}\n\n{text}",
        url=f"https://outlet{n}.example.org/harbour",
        published=f"2024-03-{day:02d}",
    )


ARTICLES = [
    _article(1, f"{DREDGING} {FEES}", 1),
    _article(2, DREDGING, 2),
    _article(3, f"{VARIANT} {FEES}", 2),
    _article(4, DREDGING, 3),
    _article(5, VARIANT, 4),
]


def _stories(store) -> set[str]:
    return {line for line in store.dump("nq").decode().splitlines() if "/graph/stories>" in line}


def _equals_rebuild(store) -> set[str]:
    before = _stories(store)
    rebuild_stories(store)
    assert _stories(store) == before
    return before


def _claims(store) -> dict[str, tuple[set[str], set[tuple[str, str]]]]:
    """Each claim's statements and the claim links between them."""
    members = store.query("SELECT ?c ?s WHERE { ?c a kg:Claim ; kg:claimStatement ?s }").rows
    links = store.query(
        "SELECT ?a ?b WHERE { ?l kg:linkRule ?r ; kg:linkedStatement ?a , ?b "
        "FILTER(?r = 'same claim' && STR(?a) < STR(?b)) }"
    ).rows
    out: dict[str, tuple[set[str], set[tuple[str, str]]]] = {}
    for r in members:
        out.setdefault(r["c"].value, (set(), set()))[0].add(r["s"].value)
    for r in links:
        [claim] = [c for c, (ms, _) in out.items() if r["a"].value in ms]
        assert r["b"].value in out[claim][0]
        out[claim][1].add((r["a"].value, r["b"].value))
    return out


def _is_tree(members: set[str], links: set[tuple[str, str]]) -> bool:
    reached, todo = set(), [min(members)]
    while todo:
        x = todo.pop()
        if x not in reached:
            reached.add(x)
            todo += [b for a, b in links if a == x] + [a for a, b in links if b == x]
    return reached == members and len(links) == len(members) - 1


def test_a_reprinted_statement_is_one_claim_held_by_a_spanning_tree(tmp_path):
    with open_store(tmp_path / "store") as store:
        ingest_articles(ARTICLES, store)
        claims = _claims(store)
        sizes = sorted(len(ms) for ms, _ in claims.values())
        assert sizes == [2, 5]  # the dredging statement in five articles, the fees in two
        for members, links in claims.values():
            assert _is_tree(members, links)  # 4 links for 5 statements (every pair: 10)
        terms = store.query("SELECT ?t WHERE { ?c a kg:Claim ; kg:claimTerm ?t }").rows
        assert {"dredging", "harbour"} <= {r["t"].value for r in terms}
        _equals_rebuild(store)


def test_one_article_at_a_time_in_any_order_equals_a_rebuild(tmp_path):
    graphs = []
    for name, order in (("forward", ARTICLES), ("backward", ARTICLES[::-1]), ("mixed", ARTICLES[2:] + ARTICLES[:2])):
        with open_store(tmp_path / name) as store:
            for article in order:
                ingest_articles([article], store)
            graphs.append(_equals_rebuild(store))
    assert graphs[0] == graphs[1] == graphs[2]


def test_a_replaced_and_a_removed_article_leave_what_a_rebuild_computes(tmp_path):
    with open_store(tmp_path / "store") as store:
        for article in ARTICLES:
            ingest_articles([article], store)
        # the third article now quotes the authority on something else: its statements leave both claims
        other = _article(3, "The Tarvik Port Authority said that a new pilot boat would arrive from Gdansk in June.", 2)
        assert ingest_articles([other], store).updated == 1
        _equals_rebuild(store)
        assert sorted(len(ms) for ms, _ in _claims(store).values()) == [4]
        store.update(f"DROP GRAPH <{article_iri(ARTICLES[1].id)}>")
        sync_layers(store)
        _equals_rebuild(store)
        [(members, links)] = _claims(store).values()
        assert len(members) == 3 and _is_tree(members, links)


def _statement(iri: str, words: str) -> dict:
    return {
        "iri": iri,
        "article": iri.split("/")[0],
        "kind": "claim",
        "speaker": "port",
        "words": set(words.split()),
        "published": "2024-03-01",
        "named": set(),
        "about_author": None,
        "stories": set(),
    }


def test_the_strongest_links_are_kept_and_ties_go_by_iri():
    same = "dredging harbour cost euros ferry berths winters"
    statements = [_statement(f"a{i}/s", same) for i in range(4)]
    statements.append(_statement("a9/s", same + " angering island residents"))
    rarity = Rarity(1000, {w: 2 for w in (same + " angering island residents").split()})
    claims, links, dropped = claims_and_responses(statements, rarity)
    [(members, words)] = claims.values()
    assert len(members) == 5 and words == set(same.split()) and dropped == []
    claim_links = [(a, b) for a, b, rule, *_ in links if rule == CLAIM_RULE]
    # the four copies tie: each joins the first; the variant (lower overlap, same shared words) too
    assert claim_links == [("a0/s", "a1/s"), ("a0/s", "a2/s"), ("a0/s", "a3/s"), ("a0/s", "a9/s")]


# ------------------------------------------------ claims decided again whole, on article graphs built by hand

PORT, RAIL = "organization/tarvik-port-authority", "organization/ostmark-rail-company"
NAMES = {PORT: "Tarvik Port Authority", RAIL: "Ostmark Rail Company"}


def _said(
    store, aid: str, said: list[tuple[str, str]], *, kind: str = "claim", day: int = 1, report_by: str | None = None
) -> None:
    """An article graph of statements ("X said that CONTENT."), each (speaker key, content), of one kind,
    written and taken in by the derived layers; the same id replaces the article. With ``report_by``,
    the article tells of a report by that actor first, and its statements are about the report."""
    text, entities, statements, reports = "Harbour works\n\n", {}, [], []

    def mention(key: str, at: int) -> None:
        entities.setdefault(key, Entity(key, NAMES[key], "Organization")).mentions.append((at, at + len(NAMES[key])))

    if report_by:
        mention(report_by, len(text))
        text += f"{NAMES[report_by]} published a report. "
        reports.append(Report("r1", report_by, "Report", None))
    for i, (speaker, content) in enumerate(said):
        name = NAMES[speaker]
        mention(speaker, len(text))
        cue = len(text) + len(name) + 1
        start = cue + len("said that ")
        text += f"{name} said that {content}. "
        for key, named in NAMES.items():  # actors the content names
            if named in content:
                mention(key, start + content.index(named))
        span = (start, start + len(content))
        about = "r1" if report_by else None
        statements.append(Statement(f"s{i}", speaker, name, "said", (cue, cue + 4), content, span, kind, about=about))
    article = Article(text=text, id=aid, published=f"2024-03-{day:02d}")
    extraction = Extraction(article, entities=list(entities.values()), statements=statements, reports=reports)
    item = prepare([], extraction)
    store.replace_graph(item.graph, item.ntriples)
    sync_layers(store)


def _fill(store, n: int) -> None:
    """Statements of another speaker on other matters, so that the words below stay specific."""
    for i in range(n):
        _said(store, f"fill{i}", [(RAIL, f"sleeper{i} trains to resort{i} would run every hour")])


def test_a_member_leaving_a_claim_decides_the_rest_again(tmp_path):
    """Four copies of one statement: the forest is a star around the first. Its article is written again
    with another speaker and the same words (no word count changes): the other three stay one claim."""
    with open_store(tmp_path / "store") as store:
        _fill(store, 12)
        ids = sorted(f"copy{i}" for i in range(4))
        for aid in ids:
            _said(store, aid, [(PORT, "dredging the northern harbour would close the ferry berths")])
        centre = min(ids, key=lambda aid: str(article_iri(aid)))
        [(_, links)] = _claims(store).values()
        ends = [(a.split("/statement/")[0], b.split("/statement/")[0]) for a, b in links]
        assert all(str(article_iri(centre)) in pair for pair in ends)  # a star around the first
        _said(store, centre, [(RAIL, "dredging the northern harbour would close the ferry berths")])
        before = _stories(store)
        rebuild_stories(store)
        assert _stories(store) == before
        [(members, links)] = _claims(store).values()
        assert len(members) == 3 and _is_tree(members, links)


def test_a_word_becoming_common_decides_its_claim_again(tmp_path):
    """One speaker's four statements u, p, q, v: the forest is the path u-p-q-v, p and q sharing 'tariff',
    u and v 'island' (a word of a third statement, so weaker). When 'tariff' becomes common, p-q is the
    weakest link of the cycle and u-v, between two statements nothing else put in focus, replaces it."""
    common = "harbour dredging ferry berths"
    with open_store(tmp_path / "store") as store:
        _fill(store, 11)
        _said(store, "island", [(RAIL, "island sleeper trains would stop")])
        for aid, words in (
            ("u", "winter island"),
            ("p", "winter tariff"),
            ("q", "tariff pilots"),
            ("v", "pilots island"),
        ):
            _said(store, aid, [(PORT, f"{common} {words}")])
        path = {
            tuple(sorted((str(article_iri(a)), str(article_iri(b))))) for a, b in (("u", "p"), ("p", "q"), ("q", "v"))
        }
        [(_, links)] = _claims(store).values()
        assert {(a.split("/statement/")[0], b.split("/statement/")[0]) for a, b in links} == path
        for i in range(4):  # 16 statements before, 20 after: the IDF scale stays 16
            _said(store, f"tariff{i}", [(RAIL, f"tariff{i} tariff fares for route{i}")])
        before = _stories(store)
        rebuild_stories(store)
        assert _stories(store) == before
        [(_, links)] = _claims(store).values()
        ends = {tuple(sorted((a.split("/statement/")[0], b.split("/statement/")[0]))) for a, b in links}
        assert tuple(sorted((str(article_iri("u")), str(article_iri("v"))))) in ends


KESSEL = "rail crews ignored cracked viaduct girders near Kessel"


def _answers_equal_a_rebuild(store) -> None:
    before = _stories(store)
    assert any("#respondsTo>" in line for line in before)
    rebuild_stories(store)
    assert _stories(store) == before


def test_a_denial_naming_the_claimant_answers_a_stored_claim(tmp_path):
    """The denial comes later and names the port authority: its stored accusation is read as a claim
    it may answer, though nothing else about the port authority is in focus."""
    with open_store(tmp_path / "store") as store:
        _fill(store, 12)
        _said(store, "claim", [(PORT, KESSEL)], kind="accusation", day=2)
        _said(
            store,
            "denial",
            [(RAIL, f"the Tarvik Port Authority lies: nobody {KESSEL.split(' ', 2)[2]}")],
            kind="denial",
            day=5,
        )
        _answers_equal_a_rebuild(store)


def test_a_stored_denial_about_a_report_answers_a_later_finding(tmp_path):
    """The denial of the port authority's report is stored first; the finding ingested after it is in
    focus, and the denial is read as an answer about a report of its claimant."""
    with open_store(tmp_path / "store") as store:
        _fill(store, 12)
        _said(store, "denial", [(RAIL, f"nobody {KESSEL.split(' ', 2)[2]}")], kind="denial", day=5, report_by=PORT)
        _said(store, "claim", [(PORT, KESSEL)], kind="finding", day=2)
        _answers_equal_a_rebuild(store)
