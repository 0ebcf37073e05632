"""The public magazine's queries, against a small published magazine whose answers are worked out by hand."""
from __future__ import annotations

from datetime import date

import pytest
from werkzeug.datastructures import MultiDict

from debrief.publications import factor_table, reading, response_log, search
from debrief.publications.filters import Filters
from tests.support.publication_factories import create_case_study, create_force_response, create_issue


@pytest.fixture
def magazine(forces):
    """Issue 1 (published): restraint (use of force; training, equipment; response) and a custody case.
    Issue 2 (published): a call-handling case. Issue 3 (draft): one case. One published case without an issue.
    One approved (unpublished) case in issue 2."""
    a, b = forces["A"], forces["B"]
    one = create_issue(number=1, theme="Use of force")
    restraint = create_case_study(
        force=a, issue=one, title="Restraint on a hot day", themes=["use_of_force", "mental_health"],
        factor_categories=["education_training", "equipment_technology"], operational_areas=["response"],
        recommendations="Forces should review 100% of prone restraint incidents_over two minutes.",
        questions={"officers_staff": ["How do you monitor breathing?"], "trainers": ["Is positional asphyxia taught?"]})
    cell = create_case_study(
        force=b, issue=one, title="Checks in the cell", themes=["custody"], factor_categories=["custody_environment"],
        operational_areas=["custody"], recommendations="Custody sergeants should rouse detained people every half hour.",
        questions={"call_handlers_custody": ["Who checks the checks?"]})
    two = create_issue(number=2, theme="Call handling")
    call = create_case_study(
        force=a, issue=two, title="A call graded too low", themes=["call_handling"],
        factor_categories=["control_room", "communication"], operational_areas=["control_room"],
        recommendations="Call handlers should ask about weapons and review the grading of a repeat call.",
        questions={"policy_makers_managers": ["How is call grading audited?"]})
    hidden = create_case_study(force=a, issue=two, status="approved", title="Not yet public",
                               themes=["use_of_force"], recommendations="Review restraint.")
    three = create_issue(number=3, status="draft", theme="Draft theme")
    drafted = create_case_study(force=a, issue=three, title="In a draft issue", themes=["use_of_force"],
                                recommendations="Review restraint in the draft.")
    loose = create_case_study(force=b, title="Published alone", themes=["road_traffic"],
                              factor_categories=["working_conditions"], operational_areas=["roads_policing"],
                              recommendations="Pursuit policy must be clear about restraint of vehicles.",
                              questions={})
    create_force_response(question=restraint.questions[0], force=b, response="We added breathing checks.",
                          done_on=date(2024, 5, 1))
    create_force_response(question=restraint.questions[0], force=a, response="Refresher training for all.",
                          done_on=date(2024, 4, 1))
    return dict(one=one, two=two, three=three, restraint=restraint, cell=cell, call=call, hidden=hidden,
                drafted=drafted, loose=loose)


def test_only_published_issues_and_case_studies_are_found(magazine):
    assert [i.number for i in reading.published_issues()] == [2, 1]
    assert reading.published_issue(3) is None
    assert reading.published_issue(1).theme == "Use of force"
    assert reading.published_case_study(magazine["restraint"].id).title == "Restraint on a hot day"
    assert reading.published_case_study(magazine["hidden"].id) is None   # not published
    assert reading.published_case_study(magazine["drafted"].id) is None  # published, but its issue is a draft
    assert reading.published_case_study(magazine["loose"].id) is not None
    assert [c.title for c in reading.issue_case_studies(magazine["two"])] == ["A call graded too low"]
    assert reading.issue_numbers() == [2, 1]


def test_questions_are_grouped_by_audience_in_order(magazine):
    groups = reading.questions_by_audience(magazine["restraint"])
    assert [(choice.code, [q.text for q in qs]) for choice, qs in groups] == [
        ("officers_staff", ["How do you monitor breathing?"]), ("trainers", ["Is positional asphyxia taught?"])]


def test_case_factor_table_rows_columns_and_ticks(magazine):
    table = factor_table.case_factor_table()
    assert [r.title for r in table.rows.items] == [
        "A call graded too low", "Restraint on a hot day", "Checks in the cell", "Published alone"]
    assert table.rows.total == 4
    columns = {g.key: [c.code for c in g.columns] for g in table.groups}
    # Only columns some published case study ticks, in vocabulary order.
    assert columns["themes"] == ["use_of_force", "custody", "mental_health", "road_traffic", "call_handling"]
    assert columns["operational_areas"] == ["response", "control_room", "custody", "roads_policing"]
    assert "custody_environment" in columns["factor_categories"]
    restraint = table.rows.items[1]
    assert restraint.issue_number == 1
    assert restraint.ticked("themes", "mental_health") and not restraint.ticked("themes", "custody")
    assert restraint.ticked("factor_categories", "equipment_technology")
    assert table.column_count == sum(len(v) for v in columns.values())


@pytest.mark.parametrize("args, titles", [
    ({"theme": "use_of_force"}, ["Restraint on a hot day"]),
    ({"theme": "custody"}, ["Checks in the cell"]),
    ({"category": "control_room"}, ["A call graded too low"]),
    ({"area": "roads_policing"}, ["Published alone"]),
    ({"issue": "1"}, ["Restraint on a hot day", "Checks in the cell"]),
    ({"issue": "3"}, []),                                   # a draft issue shows nothing
    ({"issue": "1", "theme": "custody"}, ["Checks in the cell"]),
    ({"theme": "not-a-theme"}, None),                      # unknown codes filter nothing
    ({"theme": "%"}, None),
])
def test_case_factor_table_filters(magazine, args, titles):
    filters = Filters.from_args(MultiDict(args))
    table = factor_table.case_factor_table(filters)
    if titles is None:
        assert not filters.active and table.rows.total == 4
    else:
        assert [r.title for r in table.rows.items] == titles


def test_a_code_never_matches_part_of_another(forces):
    # "custody" is a theme; "custody_environment" a category: filtering one list never matches text in another.
    create_case_study(force=forces["A"], title="Env only", themes=["other"], factor_categories=["custody_environment"])
    assert factor_table.case_factor_table(Filters(theme="custody")).rows.total == 0
    assert factor_table.case_factor_table(Filters(category="custody_environment")).rows.total == 1


def test_case_factor_table_pages(forces):
    for n in range(7):
        create_case_study(force=forces["A"], title=f"Case {n}", themes=["custody"])
    first = factor_table.case_factor_table(page=1, per_page=3)
    last = factor_table.case_factor_table(page=3, per_page=3)
    beyond = factor_table.case_factor_table(page=99, per_page=3)
    assert first.rows.total == 7 and first.rows.pages == 3
    assert [r.title for r in first.rows.items] == ["Case 0", "Case 1", "Case 2"]
    assert [r.title for r in last.rows.items] == ["Case 6"] and (last.rows.first_index, last.rows.last_index) == (7, 7)
    assert beyond.rows.page == 3


def test_force_response_log_lists_every_published_question_with_responses_by_force_name(magazine, forces):
    log = response_log.force_response_log()
    assert log.total == 4  # two in restraint, one in the cell case, one in the call case; none from hidden/draft
    assert [q.text for q in log.items] == ["How is call grading audited?", "How do you monitor breathing?",
                                           "Is positional asphyxia taught?", "Who checks the checks?"]
    breathing = log.items[1]
    assert [(r.force_name, r.response, r.done_on) for r in breathing.responses] == [
        ("Alphashire Police", "Refresher training for all.", date(2024, 4, 1)),
        ("Bravoshire Constabulary", "We added breathing checks.", date(2024, 5, 1))]
    assert breathing.case_study_title == "Restraint on a hot day" and breathing.issue_number == 1
    assert log.items[2].responses == ()


@pytest.mark.parametrize("filters, texts", [
    (Filters(issue=1), ["How do you monitor breathing?", "Is positional asphyxia taught?", "Who checks the checks?"]),
    (Filters(theme="call_handling"), ["How is call grading audited?"]),
    (Filters(audience="trainers"), ["Is positional asphyxia taught?"]),
    (Filters(issue=1, audience="call_handlers_custody"), ["Who checks the checks?"]),
    (Filters(issue=2, audience="trainers"), []),
])
def test_force_response_log_filters(magazine, filters, texts):
    assert [q.text for q in response_log.force_response_log(filters).items] == texts


def test_questions_for_force_shows_only_that_forces_response(magazine, forces):
    page = response_log.questions_for_force(forces["B"].id)
    by_text = {item["question"].text: item["response"] for item in page.items}
    assert by_text["How do you monitor breathing?"].response == "We added breathing checks."
    assert by_text["Who checks the checks?"] is None
    assert page.total == 4
    assert reading.published_question(magazine["restraint"].questions[0].id) is not None
    assert reading.published_question(magazine["hidden"].questions[0].id) is None
    assert reading.published_question(magazine["drafted"].questions[0].id) is None


@pytest.mark.parametrize("query, titles", [
    ("restraint", ["Restraint on a hot day", "Published alone"]),   # not the unpublished or draft ones
    ("RESTRAINT prone", ["Restraint on a hot day"]),              # every word, any case
    ("call grading", ["A call graded too low"]),                  # by stem: "grading" finds "graded"
    ("grad", []),                                                 # whole words: not a part of one
    ("100%", ["Restraint on a hot day"]),                         # % is not a wildcard: the word is 100
    ("%", []),
    ("_", []),
    ("incidents_over", ["Restraint on a hot day"]),               # joined words are a phrase
    ("restraint_incidents", ["Restraint on a hot day"]),
    ("incidents_prone", []),                                      # in that order
    ("sergeants weapons", []),                                    # both words must be in one case study
    ("", []),
])
def test_search_recommendations(magazine, query, titles):
    results = search.search(query, kinds=("recommendation",))
    assert sorted(h.title for h in results.hits) == sorted(titles)
    assert results.total == len(titles)


def test_search_snippet_marks_the_matched_words(magazine):
    (result,) = search.search("prone restraint", kinds=("recommendation",)).hits
    marked = [text.lower() for text, matched in result.snippet if matched]
    assert marked == ["prone", "restraint"]
    assert "".join(text for text, _ in result.snippet) == magazine["restraint"].recommendations


def test_search_terms():
    assert search.terms("  Prone, prone  restraint's  %_ ") == ["prone", "restraint"]  # the possessive 's is a stop word
    assert len(search.terms(" ".join(f"w{n}" for n in range(20)))) == search.MAX_TERMS
