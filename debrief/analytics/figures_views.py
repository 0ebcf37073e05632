"""Editing the reference figures behind the Patterns rates: officers and arrests per force and year, and each
force area's population shares. The national administrator edits every force's (they are published national
statistics, not a force's records); `flask --app debrief load-force-figures` and `load-force-population` load
them in bulk from CSV. The views join the Patterns blueprint where that blueprint lists its routes
(analytics/views.py), not by being imported.
"""
from __future__ import annotations

import math

from flask import flash, redirect, render_template, url_for
from flask_login import current_user
from debrief.form_base import BaseForm
from govuk_frontend_wtf.wtforms_widgets import GovCheckboxInput, GovSelect, GovSubmitInput, GovTextInput
from sqlalchemy import select
from wtforms import BooleanField, DecimalField, IntegerField, SelectChoice, SelectField, SubmitField
from wtforms.validators import InputRequired, NumberRange

from debrief.analytics.figures_service import save_population_share, save_year_figures
from debrief.analytics.force_figures import (DIMENSION_VOCABULARIES, SHARE_SLACK, changes, figures_for_year,
                                             figures_to_check, share_room)
from debrief.auth.roles import Permission
from debrief.extensions import db
from debrief.models import Force, ForcePopulationShare, ForceYearFigures
from debrief.security import requires

DIMENSION_TITLES = {"ethnicity": "Ethnicity", "age_band": "Age band", "sex": "Sex"}


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


class ShareField(DecimalField):
    """A percentage: "Enter ..." in the GOV.UK wording when it is not a number."""

    def process_formdata(self, valuelist):
        if valuelist:
            self.raw_data = valuelist
            try:
                self.data = float(valuelist[0].replace("%", "").strip())
                if not math.isfinite(self.data):
                    raise ValueError
            except ValueError:
                self.data = None
                raise ValueError("Enter the share as a number of per cent") from None


def _whole(label: str, low: int, high: int, what: str, *, grouped: bool = True) -> WholeNumberField:
    """A whole number from `low` to `high`; `grouped` writes the bounds with thousands separators (not years)."""
    bounds = f"{low:,} to {high:,}" if grouped else f"{low} to {high}"
    return WholeNumberField(label, widget=GovTextInput(), not_whole=f"Enter the {what} as a whole number", validators=[
        InputRequired(message=f"Enter the {what} as a whole number"),
        NumberRange(min=low, max=high, message=f"The {what} must be from {bounds}")])


def _force_field() -> SelectField:
    return SelectField("Force", widget=GovSelect(), choices=[], validate_choice=True,
                       validators=[InputRequired(message="Select the force")])


class FiguresForm(BaseForm):
    force = _force_field()
    year = _whole("Year", 2000, 2100, "year", grouped=False)
    officers = _whole("Police officers (headcount)", 1, 100_000, "number of officers")
    arrests = _whole("Arrests in the year", 0, 5_000_000, "number of arrests")
    # Asked for only when the figures look wrong (see force_figures.figures_to_check).
    confirm = BooleanField("I have checked these figures and they are right", widget=GovCheckboxInput())
    submit = SubmitField("Save figures", widget=GovSubmitInput())


class PopulationForm(BaseForm):
    area = _force_field()  # not `force`: both forms are on one page, and ids must differ
    group = SelectField("Group", widget=GovSelect(), validate_choice=True,
                        choices=[SelectChoice("", "Select a group"), *(
                            SelectChoice(f"{dim}:{c.code}", f"{DIMENSION_TITLES[dim]}: {c.label}")
                            for dim, vocab in DIMENSION_VOCABULARIES.items() for c in vocab)],
                        validators=[InputRequired(message="Select the group")])
    share = ShareField("Share of the force area's population (per cent)", widget=GovTextInput(),
                         validators=[InputRequired(message="Enter the share as a number of per cent"),
                                     NumberRange(min=0, max=100, message="The share must be from 0 to 100")])
    submit = SubmitField("Save share", widget=GovSubmitInput())


def _forces() -> list[Force]:
    return list(db.session.scalars(select(Force).order_by(Force.name)))


def _with_forces(form, forces: list[Force]):
    field = form.force if isinstance(form, FiguresForm) else form.area
    field.choices = [SelectChoice("", "Select a force"), *(SelectChoice(str(f.id), f.name) for f in forces)]
    return form


def _page(figures_form: FiguresForm, population_form: PopulationForm, forces: list[Force], to_check=()):
    names = {f.id: f.name for f in forces}
    held = [(names.get(f.force_id, ""), f) for f in db.session.scalars(
        select(ForceYearFigures).order_by(ForceYearFigures.force_id, ForceYearFigures.year.desc()))]
    held.sort(key=lambda pair: (pair[0], -pair[1].year))
    shares = db.session.scalars(select(ForcePopulationShare)).all()
    labels = {f"{dim}:{c.code}": f"{DIMENSION_TITLES[dim]}: {c.label}" for dim, vocab in DIMENSION_VOCABULARIES.items()
              for c in vocab}
    population = sorted(((names.get(s.force_id, ""), labels.get(f"{s.dimension}:{s.code}", s.code), s.share)
                         for s in shares), key=lambda row: (row[0], row[1]))
    return render_template("patterns/figures.html", form=figures_form, population_form=population_form,
                           held=held, population=population, to_check=to_check)


@requires(Permission.MANAGE_REFERENCE_FIGURES)
def figures():
    forces = _forces()
    form = _with_forces(FiguresForm(), forces)
    population_form = _with_forces(PopulationForm(formdata=None), forces)
    to_check: list[str] = []
    if form.validate_on_submit():
        force = db.session.get(Force, int(form.force.data))
        year, officers, arrests = form.year.data, form.officers.data, form.arrests.data
        before = figures_for_year(db.session, year).get(force.id)  # the year's, or the latest before it
        to_check = figures_to_check(before, officers, arrests)
        if to_check and not form.confirm.data:
            form.confirm.errors = [f"{to_check[0]}. Check the figures, and if they are right, tick the box to "
                                   "confirm them"]
        else:
            said = changes(before if before is not None and before.year == year else None, officers, arrests)
            save_year_figures(db.session, current_user._get_current_object(), force, year, officers, arrests)
            flash(f"{force.name}, {year}: {said}", "success")
            return redirect(url_for("patterns.figures"))
    return _page(form, population_form, forces, to_check)


@requires(Permission.MANAGE_REFERENCE_FIGURES)
def population():
    forces = _forces()
    form = _with_forces(FiguresForm(formdata=None), forces)
    population_form = _with_forces(PopulationForm(), forces)
    if population_form.validate_on_submit():
        force = db.session.get(Force, int(population_form.area.data))
        dimension, code = population_form.group.data.split(":", 1)
        share = float(population_form.share.data)
        held = {s.code: s.share for s in db.session.scalars(select(ForcePopulationShare).where(
            ForcePopulationShare.force_id == force.id, ForcePopulationShare.dimension == dimension))}
        room = share_room(held, code)
        if share > room + SHARE_SLACK:
            population_form.share.errors = [
                f"The {DIMENSION_TITLES[dimension].lower()} shares of {force.name} would add up to "
                f"{100 - room + share:.1f}%, and they cannot add up to more than 100%: the other groups hold "
                f"{100 - room:.1f}%, so this share can be at most {max(room, 0):.1f}"]
        else:
            save_population_share(db.session, current_user._get_current_object(), force, dimension, code, share)
            was = f" (was {held[code]:.1f}%)" if code in held else " (new)"
            flash(f"{force.name}, {_group_label(dimension, code)}: {share:.1f}%{was}", "success")
            return redirect(url_for("patterns.figures"))
    return _page(form, population_form, forces)


def _group_label(dimension: str, code: str) -> str:
    label = next(c.label for c in DIMENSION_VOCABULARIES[dimension] if c.code == code)
    return f"{DIMENSION_TITLES[dimension]}: {label}"

