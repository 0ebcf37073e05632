"""What a hostile newcomer's walk through the forms found that the hostile-input crawl misses: each a class fixed and
checked here with the inputs that showed it."""
from __future__ import annotations

from werkzeug.datastructures import MultiDict

from debrief.auth.roles import Role
from tests.support.pages import Page, get_page, post_form, sign_in


def _about(client, url: str, **fields) -> Page:
    data = MultiDict({"csrf_token": get_page(client, url).csrf_token(), "occurred_time": "23:30", "near_miss": "no",
                      "location_type": "street", "place": "High Street", "summary": "A struggle.",
                      "themes": "use_of_force", "continue": "1"})
    for name, value in fields.items():
        data.setlist(name, value if isinstance(value, list) else [value])
    response = client.post(url, data=data)
    assert response.status_code == 200, response.status_code
    return Page(response)


def test_a_refused_incident_date_gets_one_clear_error_and_the_times_are_not_checked_against_it(client, people):
    # 31 12 9999 with "ended after midnight" was a 500 (the end time was put on the day after the calendar's last).
    sign_in(client, people[("A", Role.OFFICER)].email)
    url = post_form(client, "/debriefs/new", {"kind": "hot"}).response.headers["Location"] + "/about"
    page = _about(client, url, occurred_date=["31", "12", "9999"], ended_time="00:10", ended_next_day="y")
    assert page.error_summary() == ["The date of the incident must be today or in the past"]
    assert [i["value"] for i in page.html.select("#occurred_date input")] == ["31", "12", "9999"]  # kept as typed
    assert page.html.find("input", attrs={"name": "ended_time"})["value"] == "00:10"
    page = _about(client, url, occurred_date=["1", "1", "0001"], ended_time="00:10", ended_next_day="y")
    assert page.error_summary() == ["The date of the incident must be on or after 1 January 2000"]
    page = _about(client, url, occurred_date=["1", "1", "2099"])
    assert page.error_summary() == ["The date of the incident must be today or in the past"]  # not the time as well
