"""Two people joined by "&" are two people, not a business: "PC Chauhan & DC Stuart Lamb" read as one premises
("a business Lamb"), which left the second officer's surname and hid both ranks. A name joined by "&" with no rank or
title is still a business ("the Lamb & Flag")."""
from __future__ import annotations

import pytest

from debrief.anonymise import anonymise


@pytest.mark.parametrize(("text", "survive", "gone"), [
    ("Interview commenced, PC Chauhan & DC Stuart Lamb. Prepared", ("PC ", "& DC "), ("Chauhan", "Stuart", "Lamb")),
    ("PC SMITH & PC JONES ATTENDED", ("PC ", "& PC "), ("SMITH", "JONES")),
    ("Mr & Mrs Okafor came to the front desk", ("Mr & Mrs ",), ("Okafor",)),
])
def test_ranked_or_titled_people_joined_by_and_sign_keep_their_ranks(text, survive, gone):
    result = anonymise(text).text
    assert all(s in result for s in survive), result
    assert not any(g in result for g in gone), result
    assert "business" not in result


def test_a_name_joined_by_and_sign_without_a_rank_is_still_a_business():
    assert "Flag" not in anonymise("outside the Lamb & Flag on Mill St").text
