"""Compare forces, known answers: rates per 1,000 officers and arrests, the national figure, similar forces,
and the reference figures' CSV loader and command."""
from __future__ import annotations

import io
from datetime import date

import pytest

from debrief.errors import ServiceError
from debrief.analytics import compare, suppression
from debrief.analytics.filters import PatternFilters
from debrief.analytics.force_figures import read_figures, save_figures
from debrief.extensions import db
from tests.support.factories import create_force
from tests.support.patterns import national_rows

CSV = "force_code,year,officers,arrests\nAAA,2026,\"2,000\",12000\nBBB,2026,1000,6000\nCCC,2025,1900,9000\n"


@pytest.fixture
def three(forces):
    c = create_force(code="CCC", name="Charlieshire Police")
    save_figures(db.session, read_figures(io.StringIO(CSV)))
    db.session.commit()
    national_rows(forces["A"], [dict(day=date(2026, 3, 1 + d % 28), assaulted=d < 10) for d in range(30)])
    national_rows(forces["B"], [dict(day=date(2026, 4, 1 + d), assaulted=False) for d in range(12)])
    return forces["A"], forces["B"], c


def _filters(**kwargs) -> PatternFilters:
    return PatternFilters(month_from=202601, month_to=202612, today=date(2027, 1, 5), **kwargs)


def test_every_force_side_by_side_with_rates_and_the_national_figure(three):
    table = compare.compare_table(db.session, _filters())
    assert [row[0] for row in table.rows] == ["Alphashire Police", "Bravoshire Constabulary", "Charlieshire Police",
                                              compare.NATIONAL]
    assert table.value("Alphashire Police", "Uses of force") == 30
    assert table.value("Alphashire Police", "Uses of force per 1,000 officers") == 15.0
    assert table.value("Alphashire Police", "Uses of force per 1,000 arrests") == 2.5
    assert table.value("Alphashire Police", "Officers and staff assaulted per 1,000 officers") == 5.0
    assert table.value("Bravoshire Constabulary", "Uses of force per 1,000 officers") == 12.0
    # Charlieshire has only 2025 figures: its latest earlier year is used.
    assert table.value("Charlieshire Police", "Officers") == 1900
    assert table.value(compare.NATIONAL, "Uses of force") == 42
    assert table.value(compare.NATIONAL, "Uses of force per 1,000 officers") == round(42_000 / 4900, 1)
    shown = suppression.apply(table)
    assert shown.value("Charlieshire Police", "Uses of force") == suppression.FEWER_THAN_5  # 0
    assert shown.value("Charlieshire Police", "Uses of force per 1,000 officers") == suppression.WITHHELD
    assert shown.value("Alphashire Police", "Uses of force per 1,000 officers") == 15.0


def test_one_force_beside_the_national_figure_and_the_forces_most_like_it(three):
    a, b, c = three
    half = PatternFilters(month_from=202601, month_to=202606, today=date(2027, 1, 5), force_ids=(a.id,))
    table = compare.compare_table(db.session, half)
    assert [row[0] for row in table.rows] == ["Alphashire Police", "Charlieshire Police", "Bravoshire Constabulary",
                                              compare.NATIONAL]
    assert table.value("Alphashire Police", "Arrests in the months chosen") == 6000  # half a year's 12,000
    assert table.value("Alphashire Police", "Uses of force per 1,000 arrests") == 5.0
    assert compare.most_similar({1: 2000, 2: 1000, 3: 1900}, 1) == [3, 2]


def test_the_figures_csv_is_checked_row_by_row():
    with pytest.raises(ServiceError, match="Row 3"):
        read_figures(io.StringIO("force_code,year,officers,arrests\nAAA,2026,10,10\nBBB,twenty,1,1\n"))
    with pytest.raises(ServiceError, match="no arrests column"):
        read_figures(io.StringIO("force_code,year,officers\nAAA,2026,10\n"))


def test_the_command_loads_and_replaces_figures_and_refuses_an_unknown_force(forces, app, tmp_path):
    from sqlalchemy import select

    from debrief.models import ForceYearFigures

    path = tmp_path / "figures.csv"
    path.write_text("force_code,year,officers,arrests\nAAA,2026,100,900\n")
    runner = app.test_cli_runner()
    assert "Loaded the figures of 1 force-year" in runner.invoke(args=["load-force-figures", str(path)]).output
    path.write_text("force_code,year,officers,arrests\naaa,2026,120,950\n")
    runner.invoke(args=["load-force-figures", str(path)])
    held = db.session.scalars(select(ForceYearFigures)).all()
    assert [(f.year, f.officers, f.arrests) for f in held] == [(2026, 120, 950)]
    path.write_text("force_code,year,officers,arrests\nZZZ,2026,1,1\n")
    result = runner.invoke(args=["load-force-figures", str(path)])
    assert result.exit_code != 0 and "No force has the code 'ZZZ'" in result.output
