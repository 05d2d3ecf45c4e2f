"""The scorer on small gold/prediction pairs whose right scores are known by hand."""

from __future__ import annotations

import json

import pytest

from kg.cli import main
from kg.evaluate.scoring import Gold, score_article
from kg.model import Article, Entity, Event, Extraction, Participant, Statement

TEXT = "Acme Corp said on Monday that rivals had copied its design. Acme plans to sue Beta Labs in Berlin."
#       0    5    10   15   20   25   30   35   40   45   50   55   60   65   70   75   80   85   90   95


def span(word: str, nth: int = 0) -> list[int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return [start, start + len(word)]


def gold(**layers) -> Gold:
    return Gold(
        id="t",
        text=TEXT,
        title=None,
        published=None,
        entities=layers.get("entities", []),
        events=layers.get("events", []),
        statements=layers.get("statements", []),
    )


def pred(**layers) -> Extraction:
    return Extraction(article=Article(text=TEXT, id="t"), **layers)


GOLD_ENTITIES = [
    {"name": "Acme Corp", "type": "Organization", "mentions": [span("Acme Corp"), span("Acme", 1)]},
    {"name": "Beta Labs", "type": "Organization", "mentions": [span("Beta Labs")]},
]


def f(counts) -> tuple[float, float, float]:
    return round(counts.precision, 3), round(counts.recall, 3), round(counts.f1, 3)


def test_perfect():
    p = pred(
        entities=[
            Entity(
                "organization/acme-corp",
                "Acme Corp",
                "Organization",
                ["Acme"],
                [tuple(m) for m in GOLD_ENTITIES[0]["mentions"]],
            ),
            Entity("organization/beta-labs", "Beta Labs", "Organization", [], [tuple(span("Beta Labs"))]),
        ]
    )
    s = score_article(gold(entities=GOLD_ENTITIES), p)
    for layer in ("entity mentions", "entities"):
        assert f(s.exact[layer]) == (1.0, 1.0, 1.0)
        assert f(s.overlap[layer]) == (1.0, 1.0, 1.0)


def test_empty_prediction():
    s = score_article(gold(entities=GOLD_ENTITIES), pred())
    assert f(s.exact["entities"]) == (0.0, 0.0, 0.0)
    assert (s.exact["entity mentions"].gold, s.exact["entity mentions"].pred) == (3, 0)


def test_partial():
    # One of two entities found, with one of its two mentions, plus one false alarm.
    p = pred(
        entities=[
            Entity("organization/acme-corp", "Acme Corp", "Organization", [], [tuple(span("Acme Corp"))]),
            Entity("place/berlin", "Berlin", "Place", [], [tuple(span("Berlin"))]),
        ]
    )
    s = score_article(gold(entities=GOLD_ENTITIES), p)
    assert f(s.exact["entities"]) == (0.5, 0.5, 0.5)
    # mentions: 1 of 2 predicted right, 1 of 3 gold found -> P .5, R .333, F1 .4
    assert f(s.exact["entity mentions"]) == (0.5, 0.333, 0.4)


def test_off_by_one_spans_match_only_by_overlap():
    start, end = span("Beta Labs")
    p = pred(entities=[Entity("organization/beta", "Beta", "Organization", [], [(start, end - 5)])])
    s = score_article(gold(entities=[GOLD_ENTITIES[1]]), p)
    assert f(s.exact["entity mentions"]) == (0.0, 0.0, 0.0)
    # tokens {Beta} vs {Beta, Labs}: Jaccard 0.5, at the threshold -> match
    assert f(s.overlap["entity mentions"]) == (1.0, 1.0, 1.0)
    # a span one character short of "Beta" still covers the token: overlap matches, exact does not
    p2 = pred(entities=[Entity("organization/x", "Bet", "Organization", [], [(start, start + 3)])])
    s2 = score_article(gold(entities=[GOLD_ENTITIES[1]]), p2)
    assert s2.exact["entity mentions"].tp == 0 and s2.overlap["entity mentions"].tp == 1


def test_duplicate_predictions_count_once():
    m = tuple(span("Beta Labs"))
    p = pred(
        entities=[
            Entity("organization/beta-labs", "Beta Labs", "Organization", [], [m]),
            Entity("organization/beta-labs-2", "Beta Labs", "Organization", [], [m]),
        ]
    )
    s = score_article(gold(entities=[GOLD_ENTITIES[1]]), p)
    assert f(s.exact["entities"]) == (0.5, 1.0, 0.667)
    assert f(s.exact["entity mentions"]) == (0.5, 1.0, 0.667)


def test_unannotated_layers_are_skipped():
    s = score_article(gold(entities=GOLD_ENTITIES), pred(events=[Event("v1", "Other", "sue", tuple(span("sue")))]))
    assert s.files["event triggers"] == 0 and s.exact["event triggers"].pred == 0
    assert s.files["statement cues"] == 0


def test_events_participants_and_time():
    g = gold(
        entities=GOLD_ENTITIES,
        events=[
            {
                "trigger": "sue",
                "span": span("sue"),
                "time": "2024-05",
                "participants": [{"entity": "Acme Corp", "role": "agent"}, {"entity": "Beta Labs", "role": "patient"}],
            },
            {"trigger": "copied", "span": span("copied"), "time": None, "participants": []},
        ],
    )
    p = pred(
        entities=[
            Entity("organization/acme-corp", "Acme Corp", "Organization", ["Acme"], [tuple(span("Acme Corp"))]),
            Entity("organization/beta-labs", "Beta Labs", "Organization", [], [tuple(span("Beta Labs"))]),
        ],
        events=[
            Event(
                "v1",
                "Other",
                "sue",
                tuple(span("sue")),
                time="2024-05",
                participants=[
                    Participant("organization/acme-corp", "agent"),
                    Participant("organization/beta-labs", "agent"),
                ],
            )
        ],
    )
    s = score_article(g, p)
    assert f(s.exact["event triggers"]) == (1.0, 0.5, 0.667)
    assert f(s.exact["event participants"]) == (0.5, 0.5, 0.5)  # Beta Labs has the wrong role
    assert f(s.exact["event time"]) == (1.0, 1.0, 1.0)


def test_statements_content_containment_and_speaker():
    g = gold(
        entities=GOLD_ENTITIES,
        statements=[
            {
                "speaker": "Acme Corp",
                "speaker_span": span("Acme Corp"),
                "cue": "said",
                "cue_span": span("said"),
                "content": "copied",
                "content_span": span("copied"),
            }
        ],
    )
    content = span("rivals had copied its design")
    right = Statement(
        "s1",
        "organization/acme-corp",
        "Acme Corp",
        "said",
        tuple(span("said")),
        "rivals had copied its design",
        tuple(content),
    )
    ents = [Entity("organization/acme-corp", "Acme Corp", "Organization", [], [tuple(span("Acme Corp"))])]
    s = score_article(g, pred(entities=ents, statements=[right]))
    assert f(s.exact["statement cues"]) == (1.0, 1.0, 1.0)
    assert f(s.exact["statement content"]) == (0.0, 0.0, 0.0)  # spans differ
    assert f(s.overlap["statement content"]) == (1.0, 1.0, 1.0)  # but the prediction contains the gold core
    assert f(s.overlap["statement speaker"]) == (1.0, 1.0, 1.0)
    wrong = Statement("s1", None, "someone", "said", tuple(span("said")), "x", tuple(content))
    s = score_article(g, pred(entities=ents, statements=[wrong]))
    assert f(s.overlap["statement speaker"]) == (0.0, 0.0, 0.0)


def test_cli_eval_on_written_gold(runner, tmp_path):
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    doc = {
        "id": "g1",
        "title": None,
        "published": None,
        "text": "The United Nations said on Monday that aid had reached Sudan.",
        "entities": [
            {"name": "United Nations", "type": "Organization", "mentions": [[4, 18]]},
            {"name": "Sudan", "type": "Place", "mentions": [[55, 60]]},
        ],
        "events": [],
        "statements": [],
    }
    (gold_dir / "g1.json").write_text(json.dumps(doc))
    result = runner.invoke(main, ["eval", str(gold_dir), "--format", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["documents"] == 1
    assert out["layers"]["entities"]["exact"]["recall"] == 1.0
    assert "event triggers" not in out["layers"]
    table = runner.invoke(main, ["eval", str(gold_dir), "--errors", "3"])
    assert "entities" in table.stdout and "overlap" in table.stdout


@pytest.mark.parametrize("content", ["{broken", '{"no": "text"}'])
def test_cli_eval_bad_gold(runner, tmp_path, content):
    (tmp_path / "bad.json").write_text(content)
    result = runner.invoke(main, ["eval", str(tmp_path)])
    assert result.exit_code == 1 and "bad.json" in result.output and "Traceback" not in result.output


def test_mention_attachment():
    # "Acme" (second mention) is put on the wrong entity; "Beta Labs" is not found at all.
    p = pred(
        entities=[
            Entity("organization/acme-corp", "Acme Corp", "Organization", [], [tuple(span("Acme Corp"))]),
            Entity("organization/other", "Other", "Organization", [], [tuple(span("Acme", 1))]),
        ]
    )
    s = score_article(gold(entities=GOLD_ENTITIES), p)
    counts = s.exact["mention attachment"]
    assert (counts.tp, counts.pred, counts.gold) == (1, 2, 3)
    assert f(counts)[:2] == (0.5, 0.333)


def test_entity_types_and_one_node_per_entity():
    # Acme is split over two nodes (its second mention on another), Beta Labs is typed a person.
    p = pred(
        entities=[
            Entity("organization/acme-corp", "Acme Corp", "Organization", [], [tuple(span("Acme Corp"))]),
            Entity("organization/acme", "Acme", "Organization", [], [tuple(span("Acme", 1))]),
            Entity("person/beta-labs", "Beta Labs", "Person", [], [tuple(span("Beta Labs"))]),
        ]
    )
    s = score_article(gold(entities=GOLD_ENTITIES), p)
    types, nodes = s.exact["entity types"], s.exact["one node per entity"]
    assert (types.tp, types.pred, types.gold) == (1, 2, 2)
    assert (nodes.tp, nodes.pred, nodes.gold) == (1, 2, 2)


def test_relations_are_scored_where_relation_gold_exists(tmp_path, runner):
    """A gold article of one's own with relation gold beside it: right, wrong and missing relations."""
    import json

    from kg.cli import main

    text = "Board news\n\nMaria Keller heads Oxfam Germany. Tom Hall of Eurasia Group met her in Berlin."
    names = {
        "Maria Keller": "Person",
        "Oxfam Germany": "Organization",
        "Tom Hall": "Person",
        "Eurasia Group": "Organization",
    }
    entities = [{"name": n, "type": t, "mentions": [[text.index(n), text.index(n) + len(n)]]} for n, t in names.items()]
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "board.json").write_text(json.dumps({"id": "board", "text": text, "entities": entities}))
    rel = tmp_path / "rel"
    rel.mkdir()
    relations = [
        {"subject": "Maria Keller", "predicate": "leader_of", "object": "Oxfam Germany"},
        {"subject": "Tom Hall", "predicate": "works_for", "object": "Eurasia Group"},
        {"subject": "Tom Hall", "predicate": "member_of", "object": "Oxfam Germany"},  # not stated: kg must miss it
    ]
    (rel / "board.json").write_text(json.dumps({"id": "board", "relations": relations}))
    result = runner.invoke(main, ["eval", str(gold), "--relations", str(rel), "--format", "json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)["layers"]["relations"]["overlap"]
    assert (scores["tp"], scores["gold"]) == (2, 3) and scores["pred"] == 2


def test_pronoun_speakers_are_scored_from_coreference_where_statements_are_not_annotated():
    # a corpus with coreference and no statements (GUM): a statement kg gives a pronoun speaker is
    # right when the pronoun's gold entity is the speaker kg resolved it to
    entities = [{**GOLD_ENTITIES[0], "mentions": [*GOLD_ENTITIES[0]["mentions"], span("its")]}, GOLD_ENTITIES[1]]
    ents = [
        Entity("organization/acme-corp", "Acme Corp", "Organization", [], [tuple(span("Acme Corp"))]),
        Entity("organization/beta-labs", "Beta Labs", "Organization", [], [tuple(span("Beta Labs"))]),
    ]

    def stmt(speaker):
        return Statement(
            "s1", speaker, "its", "design", tuple(span("design")), "x", (0, 1), speaker_span=tuple(span("its"))
        )

    right = score_article(gold(entities=entities), pred(entities=ents, statements=[stmt("organization/acme-corp")]))
    assert f(right.overlap["speaker pronoun"]) == (1.0, 1.0, 1.0)
    wrong = score_article(gold(entities=entities), pred(entities=ents, statements=[stmt("organization/beta-labs")]))
    assert f(wrong.overlap["speaker pronoun"]) == (0.0, 0.0, 0.0)
    unresolved = score_article(gold(entities=entities), pred(entities=ents, statements=[stmt(None)]))
    assert f(unresolved.overlap["speaker pronoun"]) == (0.0, 0.0, 0.0)


def test_a_name_nested_in_a_gold_description_is_no_split():
    """The gold may count a description that holds another name ("Chicago firm") as a mention of an
    entity, and the name inside it as a mention of its own; kg's node for that name is not a split."""
    text = "Chicago firm Vexo cut jobs. Vexo said Chicago was costly."
    at = {w: [text.index(w), text.index(w) + len(w)] for w in ("Chicago firm", "Vexo", "Chicago")}
    second = lambda w: [text.index(w, at[w][1]), text.index(w, at[w][1]) + len(w)]  # noqa: E731
    golds = [
        {"name": "Vexo", "type": "Organization", "mentions": [at["Chicago firm"], at["Vexo"], second("Vexo")]},
        {"name": "Chicago", "type": "Place", "mentions": [at["Chicago"], second("Chicago")]},
    ]
    g = Gold(id="v", text=text, title=None, published=None, entities=golds, events=[], statements=[])

    def scored(chicago_mentions):
        p = Extraction(
            article=Article(text=text, id="v"),
            entities=[
                Entity("organization/vexo", "Vexo", "Organization", [], [tuple(at["Vexo"]), tuple(second("Vexo"))]),
                Entity("place/chicago", "Chicago", "Place", [], [tuple(m) for m in chicago_mentions]),
            ],
        )
        return score_article(g, p).exact["one node per entity"]

    nodes = scored([at["Chicago"], second("Chicago")])
    assert (nodes.tp, nodes.gold) == (2, 2)
    # without the gold's own mention of Chicago inside the description, "Chicago" there splits Vexo
    golds[1]["mentions"] = [second("Chicago")]
    nodes = scored([at["Chicago"], second("Chicago")])
    assert (nodes.tp, nodes.gold) == (1, 2)
