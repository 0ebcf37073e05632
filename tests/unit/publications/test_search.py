"""Full-text search with known answers, the same on SQLite (FTS5) and PostgreSQL (tsvector): stems, whole words,
odd input, filters, ranking order, and the index kept in step with every write."""
from __future__ import annotations

import re

import pytest

from debrief.extensions import db
from debrief.publications import search
from debrief.publications.search_index import MARK_START
from debrief.publications.service import update_question
from tests.support.publication_factories import create_case_study, create_issue

NO_QUESTIONS: dict = {}


def _matched(hit) -> list[str]:
    return [text for text, matched in hit.snippet if matched]


def _titles(results) -> list[str]:
    return [h.title for h in results.hits]


@pytest.fixture
def library(forces):
    issue1 = create_issue(number=1, theme="Restraint")
    issue2 = create_issue(number=2, theme="Custody")
    studies = {
        "exit": create_case_study(force=forces["A"], issue=issue1, title="Blocked fire exit", themes=["custody"],
                                  recommendations="Keep the exit clear and check it every shift.",
                                  questions={"officers_staff": ["Where is the nearest exit in your custody suite?"]}),
        "a_b": create_case_study(force=forces["A"], issue=issue1, title="Radio channel mix-up",
                                 themes=["call_handling"],
                                 recommendations="Use channel a_b for a firearms incident and a separate channel "
                                                 "for a search, as a rule. Log each x_ray request; a ray of x marks is "
                                                 "no use.", questions=NO_QUESTIONS),
        "restraint_many": create_case_study(
            force=forces["A"], issue=issue2, title="Prolonged restraint", themes=["use_of_force"],
            recommendations="Restraint training: restraint positions, restraint duration.", questions=NO_QUESTIONS),
        "restraint_once": create_case_study(
            force=forces["A"], issue=issue2, title="Handover at hospital", themes=["mental_health"],
            recommendations="Agree a handover protocol with the hospital, covering transport, waiting times, "
                            "escalation, the ambulance service's role, and when restraint may be needed at all.",
            questions=NO_QUESTIONS),
        "unicode": create_case_study(force=forces["A"], issue=issue2, title="Interpreter not booked",
                                     themes=["custody"], recommendations="Book an interpreter for the détenu "
                                     "before interview; “quoted” words and naïve assumptions.",
                                     questions=NO_QUESTIONS),
    }
    create_case_study(force=forces["A"], status="approved", title="Unpublished exit case",
                      recommendations="Exit routes must be clear.", questions=NO_QUESTIONS)
    return studies


def test_a_stem_finds_the_other_forms_of_the_word(library):
    results = search.search("exits")
    assert set(_titles(results)) == {"Blocked fire exit"}
    assert {h.kind for h in results.hits} == {"case_study", "recommendation", "question"}
    for hit in results.hits:
        assert [w.lower() for w in _matched(hit)] == ["exit"] * len(_matched(hit)) and _matched(hit)
    assert search.search("exiting").total == results.total == 3


def test_whole_words_only_and_a_joined_term_is_a_phrase(library):
    results = search.search("a_b", kinds=("recommendation",))
    assert _titles(results) == ["Radio channel mix-up"]
    pieces = results.hits[0].snippet
    # Only the term itself is marked, never every "a" (nor "a" inside "channel" or "firearms").
    marked = [text for text, matched in pieces if matched]
    assert marked and all(text in ("a_b", "a", "b") for text in marked)
    assert "".join(text for text, _ in pieces).count("a_b") == 1
    assert len(marked) <= 2
    # "chan" is not a word in any text: no partial-word matches.
    assert search.search("chan").total == 0
    assert search.search("firearm").total == 1  # but a stem is
    assert search.terms("a_b") == ["b"] and search.terms("x_ray") == ["x_ray"]
    # A joined term of real words is a phrase: those words, in that order, next to each other.
    (hit,) = search.search("x_ray", kinds=("recommendation",)).hits
    text = "".join(t for t, _ in hit.snippet)
    marked_at = [len("".join(t for t, _ in hit.snippet[:i])) for i, (t, m) in enumerate(hit.snippet) if m]
    assert sorted({w for t, m in hit.snippet if m for w in re.findall(r"[^\W_]+", t)}) == ["ray", "x"]
    if db.engine.dialect.name == "sqlite":
        # FTS5 marks the phrase where it matched; PostgreSQL's ts_headline marks the phrase's words wherever they are
        # (still whole words: never the "x" of "firearms x" nor a letter inside a word).
        assert all(text.find("x_ray") <= at < text.find("x_ray") + 5 for at in marked_at)
    assert search.search("ray_x").total == 0


@pytest.mark.parametrize("query", ['"', '""exit', "exit\"", "exit OR restraint", "exit AND", "NEAR(exit restraint)",
                                  "exit*", "-exit", "exit:", "(exit", "^exit", "exit'", "'; DROP TABLE case_study; --",
                                  "col:exit", "{exit}", "exit NOT", "EXIT"])
def test_odd_input_is_only_words(library, query):
    results = search.search(query)
    words = search.terms(query)
    if "exit" in words and len(words) == 1:
        assert set(_titles(results)) == {"Blocked fire exit"}, query
    else:
        # Operators are words like any other: "exit OR restraint" needs both, which no text has.
        assert all(h.title == "Blocked fire exit" for h in results.hits) or not results.hits, query


def test_near_and_or_are_words_not_operators(library):
    assert search.terms("exit NEAR restraint OR") == ["exit", "near", "restraint"]
    assert search.search("exit NEAR").total == 0
    assert search.search("the of and").total == 0 and search.terms("the of and") == []


def test_unicode_and_typographic_quotes(library):
    results = search.search("“détenu”")
    assert _titles(results) == ["Interpreter not booked"]
    assert _matched(results.hits[0]) == ["détenu"]
    assert _titles(search.search("naïve")) == ["Interpreter not booked"]


def test_ranking_puts_the_denser_match_first(library):
    results = search.search("restraint", kinds=("recommendation",))
    assert _titles(results) == ["Prolonged restraint", "Handover at hospital"]


def test_filters_by_theme_and_issue_and_only_published(library):
    assert _titles(search.search("restraint", kinds=("recommendation",), theme="mental_health")) == [
        "Handover at hospital"]
    assert search.search("exit", issue=2).total == 0
    assert search.search("exit", issue=1).total == 3
    assert "Unpublished exit case" not in _titles(search.search("exit"))


def test_snippet_text_is_plain_pieces_never_markup(forces):
    create_case_study(force=forces["A"], title="Markup", recommendations="<script>alert(1)</script> escalate "
                      "& <b>escalation</b>", questions=NO_QUESTIONS)
    hit = search.search("escalate").hits[0]
    assert "".join(t for t, _ in hit.snippet) == "<script>alert(1)</script> escalate & <b>escalation</b>"
    assert _matched(hit) == ["escalate", "escalation"]
    assert not any(MARK_START in t for t, _ in hit.snippet)


def test_every_write_is_indexed_in_its_transaction(library, people):
    from debrief.auth.roles import Role

    case = library["exit"]
    question = case.questions[0]
    case.status = "approved"  # editable for the service; unpublished, so out of the public results
    db.session.commit()
    assert search.search("suite").total == 0
    case.status = "published"
    db.session.commit()
    assert search.search("suite").total == 1
    # A question's change replaces its old text in the index: the old words no longer find it.
    case.status = "in_edit"
    db.session.commit()
    update_question(question, actor=people[("A", Role.LEARNING)], audience="officers_staff",
                    text="Who checks the corridor doors?")
    case.status = "published"
    db.session.commit()
    assert search.search("suite").total == 0
    assert search.search("corridor door").total == 1
    # A rolled-back write leaves the index as it was.
    case.recommendations = "Totally different words about ventilation."
    db.session.flush()
    db.session.rollback()
    assert search.search("ventilation").total == 0
    assert search.search("clear", kinds=("recommendation",)).total == 1
    # Deleting the case study takes its documents with it.
    db.session.delete(db.session.get(type(case), case.id))
    db.session.commit()
    assert search.search("exit").total == 0


def test_a_match_late_in_a_long_text_gets_its_own_snippet(forces):
    before = " ".join(f"word{n}" for n in range(400))
    after = " ".join(f"tail{n}" for n in range(200))
    create_case_study(force=forces["A"], title="Long chronology",
                      what_happened=f"{before} the ventilation failed. {after}", questions=NO_QUESTIONS)
    (hit,) = search.search("ventilated", kinds=("case_study",)).hits
    assert hit.snippet[0] == ("…", False) and hit.snippet[-1] == ("…", False)
    assert _matched(hit) == ["ventilation"]
    text = "".join(t for t, _ in hit.snippet)
    assert "word399 the ventilation failed. tail0" in text and "word0 " not in text
    assert 250 < len(text) < 450
