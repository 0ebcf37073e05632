"""Names and streets typed in lower case inside mixed-case text (readers' feedback, hasty notes): a newcomer's walk
found "my mate dave smith lives on mill lane" kept whole in feedback the learning team reads."""
from __future__ import annotations

import pytest

from debrief.anonymise import anonymise


@pytest.mark.parametrize(("text", "gone"), [
    ("Good issue. my mate dave smith lives on mill lane and he agreed.", ("dave", "smith", "mill lane")),
    ("Good read. I know dave smith from mill lane.", ("dave", "smith", "mill lane")),
    ("The Custody Section was Useful. My neighbour jim o'neill said so.", ("jim", "neill")),
    ("1415 PNC check: reg keeper jason william price (no relation to caller).", ("jason", "william", "price")),
    ("Spoke to her. my mate dave said he saw it.", ("dave",)),
    ("He ran off acacia avenue and down past the shops.", ("acacia",)),
])
def test_lower_case_people_and_streets_in_mixed_text_go(text, gone):
    result = anonymise(text).text
    assert not any(g in result for g in gone), result


@pytest.mark.parametrize("text", [
    "He was driving a kia sportage on the main road at the time.",
    "Officers waited in the bus lane until he came over.",
    "We stayed til he calmed down, then the fella wi the dog left.",
    "We went on the ring road and then along the back lane to the van.",
    "I will mark it up and send it over to you later today.",
])
def test_ordinary_lower_case_words_stay(text):
    assert anonymise(text).text == text
