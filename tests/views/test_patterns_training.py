"""Training needs: known answers for the evidence and the ranking, suppression of small numbers, no debrief or RCA
text on the page or in its exports, the CSVs and the briefing as HTML and a tagged PDF."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from debrief.analytics import training_needs, training_rank
from debrief.analytics.filters import PatternFilters
from debrief.analytics.tables import FEWER_THAN_5, csv_body
from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import RcaAction, RcaNode, Recommendation, RootCauseAnalysis
from tests.support.pages import get_page, sign_in
from tests.support.patterns import debrief_with, national_rows

RANGE = "from_month=3&from_year=2026&to_month=3&to_year=2026"
SECRET_TEXTS = ("Radio kept cutting out", "Taser recertification overdue", "Book Taser refresher", "Calmer talking")


@pytest.fixture
def data(people, forces):
    """Force A in March 2026: national Taser and handcuffing uses, three debriefs, one signed-off RCA."""
    a = forces["A"]
    national_rows(a, [dict(day=date(2026, 3, d), trained_ced=True, carrying_ced=True, staff_injured=d <= 4,
                           subject_injured=False, tactic_list=[("taser", d % 2 == 0)]) for d in range(1, 21)]
                  + [dict(day=date(2026, 3, d), trained_ced=False, carrying_ced=False, staff_injured=False,
                          subject_injured=d <= 2, tactic_list=[("non_compliant_handcuffing", False)])
                     for d in range(1, 7)])
    officer = people[("A", Role.OFFICER)]
    d1 = debrief_with(author=officer, occurred_at=datetime(2026, 3, 10, 10), tactics=[("taser", False)],
                      could_differ="More Taser refresher training would have helped.", why_differ="")
    debrief_with(author=officer, occurred_at=datetime(2026, 3, 11, 10), taser_trained=False, taser_carried=False,
                 tactics=[("unarmed_skills", False)], injuries=[("officer", "minor")],
                 could_differ="Radio kept cutting out.", why_differ="")
    debrief_with(author=officer, occurred_at=datetime(2026, 3, 12, 10),
                 could_differ="Calmer talking earlier; de-escalation training.", why_differ="")
    rca = RootCauseAnalysis(incident_id=d1.incident_id, force_id=a.id, lead_id=people[("A", Role.REVIEWER)].id,
                            started_on=date(2026, 3, 13), due_on=date(2026, 6, 5), status="signed_off",
                            signed_off_at=datetime(2026, 4, 1, 15))
    taser = RcaNode(kind="factor", label="Taser recertification overdue", category="education_training")
    rca.nodes = [RcaNode(kind="outcome", label="Outcome"), taser,
                 RcaNode(kind="factor", label="Radio battery flat", category="equipment_technology")]
    rca.recommendations = [Recommendation(text="Book Taser refresher courses", nodes=[taser], actions=[
        RcaAction(description="Book", owner="Training", due_on=date(2026, 5, 1), status="open")])]
    db.session.add(rca)
    db.session.commit()
    return forces


@pytest.fixture
def every_count_shown(app):
    app.config.update(PATTERNS_MIN_COUNT=1, PATTERNS_MIN_BASE=1, PATTERNS_SHOW_ZERO=True)


def _filters(forces) -> PatternFilters:
    return PatternFilters(month_from=202603, month_to=202603, today=date(2026, 12, 7), force_ids=(forces["A"].id,))


def test_the_evidence_and_ranking_have_known_answers(app, data):
    gathered = training_needs.gather(db.session, _filters(data))
    evidence = training_needs.topic_evidence(gathered)
    assert evidence["taser"] == {"not_effective": 11, "injuries": 4, "debriefs": 1, "factors": 1,
                                 "open_recommendations": 1}
    assert evidence["handcuffing"] == {"not_effective": 6, "injuries": 2, "debriefs": 0, "factors": 0,
                                       "open_recommendations": 0}
    assert evidence["unarmed"] == {"not_effective": 1, "injuries": 1, "debriefs": 0, "factors": 0,
                                   "open_recommendations": 0}
    assert evidence["equipment"]["debriefs"] == 1 and evidence["equipment"]["factors"] == 1
    assert evidence["communication"]["debriefs"] == 1
    everything = training_rank.ranking_table(evidence, training_rank.suppression.Policy(1, 1, True))
    top = training_rank.top_topics(everything)
    assert [(t.title, t.score) for t in top] == [
        ("Taser (conducted energy device)", 301.6), ("Equipment, radios and body-worn video", 83.3),
        ("Handcuffing", 61.9), ("Communication and de-escalation", 33.3),
        ("Unarmed skills and take-downs", 19.8)]
    # With the default policy the small counts are withheld and count as nothing: only the national
    # "not effective" figures of 11 and 6 remain (11 / 17 and 6 / 17 of that kind's total).
    default = training_rank.top_topics(training_rank.ranking_table(evidence))
    assert [(t.title, t.score) for t in default] == [("Taser (conducted energy device)", 64.7),
                                                     ("Handcuffing", 35.3)]
    assert dict(default[0].evidence)["Injuries in uses of its tactics"] == FEWER_THAN_5


def test_the_tables_count_by_training_and_topic(app, data):
    tables = training_needs.tables(training_needs.gather(db.session, _filters(data)))
    national = tables["training-effectiveness-national"][1]
    assert national.value("Taser (conducted energy device)", "Used, trained and carrying a Taser") == 20
    assert national.value("Taser (conducted energy device)",
                          "Effective, % of those recorded, trained and carrying a Taser") == 50.0
    assert national.value("Non-compliant handcuffing", "Not effective, not carrying a Taser") == 6
    injuries = tables["training-injuries-national"][1]
    assert injuries.value("Taser (conducted energy device)", "Officer or staff injured") == 4
    assert injuries.value("Non-compliant handcuffing", "Subject injury rate (%)") == 33.3
    debriefs = tables["training-debrief-topics"][1]
    assert debriefs.value("Taser (conducted energy device)", "Of which also mention training") == 1
    assert debriefs.value("Any answer mentioning training", "Debriefs raising it") == 2
    recs = tables["training-recommendations"][1]
    assert recs.value("Taser (conducted energy device)", "With an overdue action") == 1


@pytest.mark.parametrize("email", ["reviewer@aaa.example", "learning@aaa.example"])
def test_the_page_ranks_topics_and_shows_no_text(client, data, every_count_shown, email):
    sign_in(client, email)
    page = get_page(client, f"/patterns/training?{RANGE}&force={data['A'].id}")
    assert page.h1 == "Training needs"
    top = [li.find("strong").get_text() for li in page.html.select("#top-topics li")]
    assert top[:2] == ["Taser (conducted energy device)", "Equipment, radios and body-worn video"]
    assert "How the ranking works" in page.html.get_text()
    for text in SECRET_TEXTS:
        assert text not in page.response.get_data(as_text=True)


def test_small_numbers_are_withheld_on_the_page_and_in_the_csv(client, data):
    sign_in(client, "reviewer@aaa.example")
    page = get_page(client, f"/patterns/training?{RANGE}")
    cells = [td.get_text(strip=True) for td in page.html.select("#training-debrief-topics-table td")]
    assert "1" not in cells and FEWER_THAN_5 in cells
    response = client.get(f"/patterns/training/download/training-ranking.csv?{RANGE}")
    assert response.status_code == 200
    body = csv_body(response.get_data(as_text=True))
    assert body[0][:2] == ["Training topic", "Score (of 500)"]
    assert body[1][:3] == ["Taser (conducted energy device)", "64.7", "11"]
    assert client.get(f"/patterns/training/download/no-such.csv?{RANGE}").status_code == 404


def test_the_briefing_exports_as_html_and_tagged_pdf(client, data, every_count_shown):
    sign_in(client, "learning@aaa.example")
    html = client.get(f"/patterns/training/briefing.html?{RANGE}")
    assert html.status_code == 200 and "attachment" in html.headers["Content-Disposition"]
    text = html.get_data(as_text=True)
    assert "Training needs briefing" in text and "Taser (conducted energy device)" in text
    assert "<script" not in text and "http" not in text.split("<body>")[1]
    pdf = client.get(f"/patterns/training/briefing.pdf?{RANGE}")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
    import pypdfium2
    import pypdfium2.raw as raw

    document = pypdfium2.PdfDocument(pdf.data)
    assert raw.FPDFCatalog_IsTagged(document.raw)  # a StructTreeRoot, and MarkInfo: tagged like the magazine's
    assert document.get_metadata_dict()["Title"].startswith("Training needs briefing: ")
    assert "Taser (conducted energy device)" in document[0].get_textpage().get_text_range()
    document.close()
    for text_bytes in (t.encode() for t in SECRET_TEXTS):
        assert text_bytes not in html.data


def test_a_reviewer_follows_a_topic_count_to_its_incident(client, data, every_count_shown):
    sign_in(client, "reviewer@aaa.example")
    page = get_page(client, f"/patterns/training?{RANGE}")
    table = page.html.find("table", id="training-debrief-topics-table")
    rows = {tr.find("th").get_text(strip=True): tr for tr in table.find("tbody").find_all("tr")}
    assert rows["Any answer mentioning training"].find("a") is None  # no list behind a row of any topic
    listed = get_page(client, rows["Equipment, radios and body-worn video"].find("a")["href"])
    assert len(listed.html.select("#records-table tbody tr")) == 1
