"""Who is subject to force, known answers: shares beside the population's, rate ratios against White, flags."""
from __future__ import annotations

import io
from datetime import date

from debrief.analytics import demographics as dm, suppression
from debrief.analytics.filters import PatternFilters
from debrief.analytics.force_figures import read_population, save_population
from debrief.analytics.tables import FEWER_THAN_5, WITHHELD
from debrief.extensions import db
from tests.support.patterns import national_rows

POPULATION = ("force_code,dimension,code,share_percent\n"
              "AAA,ethnicity,white,80\nAAA,ethnicity,black,5\nAAA,ethnicity,asian,10\n"
              "BBB,ethnicity,white,60\nBBB,ethnicity,black,20\nBBB,ethnicity,asian,10\n")


def _rows(n: int, **values) -> list[dict]:
    return [dict(day=date(2026, 3, 1 + k % 28), **values) for k in range(n)]


def test_shares_beside_the_population_and_the_rate_ratio_against_white(forces):
    a, b = forces["A"], forces["B"]
    save_population(db.session, read_population(io.StringIO(POPULATION)))
    db.session.commit()
    national_rows(a, _rows(40, subject_ethnicity="white", mental_disability=True)
                  + _rows(20, subject_ethnicity="black", mental_disability=False) + _rows(3, subject_ethnicity="asian")
                  + _rows(12, subject_age_band="18_34", subject_sex="male"))
    national_rows(b, _rows(30, subject_ethnicity="white"))
    one = PatternFilters(month_from=202601, month_to=202606, today=date(2026, 7, 1), force_ids=(a.id,))
    table = dm.dimension_table(db.session, one, "ethnicity")
    label = {c.code: c.label for c in dm.ref.ETHNICITIES}
    assert table.value(label["black"], dm.USES) == 20
    assert table.value(label["black"], dm.SHARE) == round(100 * 20 / 75, 1)
    assert table.value(label["black"], dm.POPULATION) == 5.0
    # (20 / 5) / (40 / 80) = 8: force was used eight times as often on Black people, for their share.
    assert table.value(label["black"], dm.RATIO) == 8.0
    assert table.value(label["asian"], dm.RATIO) is None  # 3 uses: too few for a ratio
    assert table.value(dm.NOT_RECORDED, dm.USES) == 12
    shown = suppression.apply(table)
    assert shown.value(label["asian"], dm.USES) == FEWER_THAN_5
    assert shown.value(label["asian"], dm.SHARE) == WITHHELD
    # Both forces: each population share weighted by the force's records (A 75, B 30).
    both = dm.dimension_table(db.session, PatternFilters(month_from=202601, month_to=202606,
                                                         today=date(2026, 7, 1)), "ethnicity")
    assert both.value(label["white"], dm.POPULATION) == round((80 * 75 + 60 * 30) / 105, 1)
    assert both.value(label["white"], dm.USES) == 70
    flags = dm.flags_table(db.session, one)
    assert flags.rows[0] == ["Mental health condition", 40, 20, 15, round(100 * 40 / 60, 1)]
