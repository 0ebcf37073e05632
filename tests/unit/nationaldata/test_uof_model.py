"""The use-of-force model's bitmask layouts: frozen, covering the shared vocabularies, countable in SQL."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import case, func, select

from debrief import reference as ref
from debrief.nationaldata.importer import import_use_of_force
from debrief.extensions import db
from debrief.models.use_of_force import (
    CED_LEVEL_BITS, IMPACT_FACTOR_BITS, LOCATION_BITS, OUTCOME_BITS, REASON_BITS, TACTIC_BITS, UseOfForceRecord,
    bit_of, from_mask, has_code, month_of, to_mask,
)
from tests.support.factories import create_force

LAYOUTS = [
    (LOCATION_BITS, ref.LOCATION_TYPES), (IMPACT_FACTOR_BITS, ref.IMPACT_FACTORS), (REASON_BITS, ref.FORCE_REASONS),
    (OUTCOME_BITS, ref.OUTCOMES), (CED_LEVEL_BITS, ref.TASER_LEVELS), (TACTIC_BITS, ref.TACTICS),
]


@pytest.mark.parametrize(("bits", "vocab"), LAYOUTS)
def test_every_code_of_the_vocabulary_has_a_bit_that_fits_an_integer_column(bits, vocab):
    assert set(ref.codes(vocab)) <= set(bits)
    assert len(bits) == len(set(bits)) and len(bits) <= 31  # a signed 32-bit INTEGER on PostgreSQL


def test_masks_round_trip():
    assert bit_of(IMPACT_FACTOR_BITS, "weapon") == 1 and bit_of(IMPACT_FACTOR_BITS, "drugs") == 4
    mask = to_mask(REASON_BITS, ["prevent_escape", "protect_self"])
    assert mask == 1 | 1 << 11
    assert from_mask(REASON_BITS, mask) == ("protect_self", "prevent_escape")
    assert from_mask(OUTCOME_BITS, 0) == ()
    assert month_of(date(2024, 3, 9)) == 202403
    with pytest.raises(ValueError):
        bit_of(OUTCOME_BITS, "not_a_code")
    with pytest.raises(ValueError):
        to_mask(OUTCOME_BITS, ["arrested", "not_a_code"])
    assert to_mask(REASON_BITS, (c for c in ("protect_self", "prevent_escape"))) == mask  # any iterable
    assert to_mask(OUTCOME_BITS, ()) == 0


def test_flags_are_counted_in_one_pass_in_sql(app):
    force = create_force(code="AAA")
    import_use_of_force(Path(__file__).resolve().parents[2] / "data" / "uof_small.csv", force=force, today=date(2024, 3, 31))
    record = UseOfForceRecord
    columns = [func.sum(case((has_code(record.impact_factors, IMPACT_FACTOR_BITS, code), 1), else_=0))
               for code in IMPACT_FACTOR_BITS]
    counted = dict(zip(IMPACT_FACTOR_BITS, db.session.execute(select(*columns)).one(), strict=True))
    by_hand = dict.fromkeys(IMPACT_FACTOR_BITS, 0)
    for mask in db.session.scalars(select(record.impact_factors)):
        for code in from_mask(IMPACT_FACTOR_BITS, mask):
            by_hand[code] += 1
    assert counted == by_hand and sum(counted.values()) > 0
