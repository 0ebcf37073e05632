"""How the evaluation scores a gold span: every word that could say who or where must be replaced."""
from debrief.anonymise.entities import Entity, Result
from debrief.anonymise.evaluate import evaluate


def _report(text: str, gold: tuple[str, str], replaced: list[str], *, unchanged: bool = False):
    """Score one passage where the anonymiser replaced exactly the substrings `replaced` (or, `unchanged`, marked
    them as entities but wrote them back as they were)."""
    label, span = gold
    start = text.index(span)
    entities = []
    for part in replaced:
        i = text.index(part)
        entities.append(Entity(i, i + len(part), label, part if unchanged else "[redacted]"))
    record = {"id": "t", "text": text, "gold": [{"start": start, "end": start + len(span), "label": label}]}
    return evaluate([record], anonymiser=lambda r: Result(source=r["text"], text=r["text"], entities=tuple(entities))).score(label)


def test_a_leftover_article_or_cue_word_is_not_a_leak_but_strict_counts_it():
    score = _report("Met at the Cawdor Arms later.", ("PLACE", "the Cawdor Arms"), ["Cawdor Arms"])
    assert (score.covered, score.strict) == (1, 0)
    score = _report("Logged as log 1762 by control.", ("REFERENCE", "log 1762"), ["1762"])
    assert (score.covered, score.strict) == (1, 0)
    score = _report("seen by dc 2241 at the door", ("COLLAR", "dc 2241"), ["2241"])  # a rank says who no more
    assert (score.covered, score.strict) == (1, 0)


def test_a_leftover_place_word_is_a_leak_even_if_it_is_an_ordinary_word():
    score = _report("Seen in Send Marsh at noon.", ("PLACE", "Send Marsh"), ["Send"])
    assert (score.covered, score.strict) == (0, 0)
    score = _report("Drove to READING via BRAY.", ("PLACE", "READING"), ["BRAY"])
    assert score.covered == 0


def test_a_leftover_initial_is_a_leak_even_when_it_spells_an_article():
    score = _report("Spoke to A Bello outside.", ("PERSON", "A Bello"), ["Bello"])
    assert score.covered == 0


def test_a_part_replaced_word_is_a_leak():
    score = _report("Taken to Alum Rock.", ("PLACE", "Alum Rock"), ["Alum Ro"])
    assert score.covered == 0


def test_an_entity_written_back_unchanged_catches_nothing():
    score = _report("Moved there in 2023 with family.", ("DATE", "2023"), ["2023"], unchanged=True)
    assert (score.covered, score.predicted) == (0, 0)
