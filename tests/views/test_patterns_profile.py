"""The national data's profile rollup: built with the first rollup, new imports' counts added, and the same as a
rebuild from scratch; Who is subject to force reads it."""
from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from debrief.analytics import national_profile
from debrief.extensions import db
from debrief.models import UseOfForceProfileState, UseOfForceProfileSummary as P
from tests.support.patterns import national_rows


def _totals() -> list[tuple]:
    return db.session.execute(select(P.measure, P.code, P.grp, func.sum(P.records), func.sum(P.effective),
                                     func.sum(P.not_effective), func.sum(P.staff_injured), func.sum(P.subject_injured))
                              .group_by(P.measure, P.code, P.grp).order_by(P.measure, P.code, P.grp)).all()


def test_new_rows_are_added_and_match_a_rebuild(app, forces):
    national_rows(forces["A"], [dict(day=date(2026, 3, d), subject_ethnicity="white", subject_sex="male",
                                     mental_disability=d % 2 == 0, trained_ced=True, carrying_ced=True,
                                     staff_injured=d == 1, tactic_list=[("taser", True)]) for d in range(1, 5)])
    first = dict(((m, c, g), n) for m, c, g, n, *_ in _totals())
    assert first[("subject:ethnicity", "white", "")] == 4
    assert first[("subject:mental", "yes", "")] == 2 and first[("subject:mental", "no", "")] == 2
    assert first[("tactic", "taser", "carrying")] == 4
    # A later import: its rows are counted beside the earlier ones, not recounted.
    national_rows(forces["B"], [dict(day=date(2026, 4, 1), subject_ethnicity=None, trained_ced=False,
                                     tactic_list=[("baton_used", False)])])
    state = db.session.get(UseOfForceProfileState, 1)
    assert state.record_count == 5
    added = _totals()
    assert ("subject:ethnicity", "", "", 1, 0, 0, 0, 0) in added
    assert ("tactic", "baton_used", "not_trained", 1, 0, 1, 0, 0) in added
    assert ("tactic", "taser", "carrying", 4, 4, 0, 1, 0) in added
    national_profile.rebuild(db.session)
    db.session.commit()
    assert _totals() == added
    assert national_profile.ensure_fresh(db.session) is False  # nothing new
