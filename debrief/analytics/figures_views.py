"""Editing the reference figures (officers, arrests per force and year) behind the Patterns rates.

Until a national administrator role exists, a force administrator (MANAGE_USERS) edits their own force's
figures; every force's are loaded with `flask --app debrief load-force-figures`. The view joins the Patterns
blueprint where that blueprint lists its routes (analytics/views.py), not by being imported.
"""
from __future__ import annotations

from flask import redirect, render_template, url_for
from flask_login import current_user
from debrief.form_base import BaseForm
from govuk_frontend_wtf.wtforms_widgets import GovSubmitInput, GovTextInput
from sqlalchemy import select
from wtforms import IntegerField, SubmitField
from wtforms.validators import InputRequired, NumberRange

from debrief.analytics.force_figures import FiguresRow, save_figures
from debrief.audit import record
from debrief.auth.roles import Permission
from debrief.extensions import db
from debrief.models import ForceYearFigures
from debrief.security import requires


class WholeNumberField(IntegerField):
    """An integer field whose "not a number" message is the field's own (commas allowed: 15,000)."""

    def __init__(self, *args, not_whole: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.not_whole = not_whole

    def process_formdata(self, valuelist):
        if valuelist:
            self.raw_data = valuelist
            try:
                self.data = int(valuelist[0].replace(",", "").strip())
            except ValueError:
                self.data = None
                raise ValueError(self.not_whole) from None


def _whole(label: str, low: int, high: int, what: str) -> WholeNumberField:
    return WholeNumberField(label, widget=GovTextInput(), not_whole=f"Enter the {what} as a whole number", validators=[
        InputRequired(message=f"Enter the {what} as a whole number"),
        NumberRange(min=low, max=high, message=f"The {what} must be from {low:,} to {high:,}")])


class FiguresForm(BaseForm):
    year = _whole("Year", 2000, 2100, "year")
    officers = _whole("Police officers (headcount)", 1, 100_000, "number of officers")
    arrests = _whole("Arrests in the year", 0, 5_000_000, "number of arrests")
    submit = SubmitField("Save figures", widget=GovSubmitInput())


@requires(Permission.MANAGE_USERS)
def figures():
    me = current_user._get_current_object()
    form = FiguresForm()
    if form.validate_on_submit():
        save_figures(db.session, [FiguresRow(me.force.code, form.year.data, form.officers.data, form.arrests.data)])
        record("patterns.figures_saved", actor=me, force_id=me.force_id, year=form.year.data,
               officers=form.officers.data, arrests=form.arrests.data)
        db.session.commit()
        return redirect(url_for("patterns.figures"))
    held = list(db.session.scalars(select(ForceYearFigures).where(ForceYearFigures.force_id == me.force_id)
                                   .order_by(ForceYearFigures.year.desc())))
    return render_template("patterns/figures.html", form=form, held=held)
