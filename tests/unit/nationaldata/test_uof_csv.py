"""The use-of-force CSV reader: good rows, bad rows with numbers and reasons, headers, fingerprints, streaming."""

from __future__ import annotations

import csv
import io
from datetime import date, time
from pathlib import Path

import pytest

from debrief import reference as ref
from debrief.nationaldata.csv_reader import (
    FIRST_DATA_ROW,
    MissingColumnsError,
    RejectedRow,
    UofCsvError,
    UofRecord,
    batched,
    check_header,
    detect_encoding,
    open_uof_csv,
    read_uof_csv,
    row_fingerprint,
)
from debrief.nationaldata.synthetic import header

DATA = Path(__file__).resolve().parents[2] / "data"
TODAY = date(2024, 3, 31)  # the committed files end on this date
COLUMNS = header()
FLAG_PREFIXES = ("Incident Location:", "Impact Factor:", "Reason for Force:", "Outcome:")

# tests/data/uof_small.csv was written by
#   python bench/gen_uof.py --rows 200 --seed 2024 --bad-rows 3 --end-date 2024-03-31 --out tests/data/uof_small.csv
# Its three deliberately bad rows (numbered as a spreadsheet shows them, header = row 1):
#   row 48:  IncidentDate is 2023-02-30, a date that does not exist
#   row 122: Tactic 1 is "Lasso", not a tactic in the national list
#   row 188: SingleCrewed is "Maybe" instead of Yes or No
SMALL_BAD_ROWS = {
    48: "IncidentDate '2023-02-30' is not a real date (use YYYY-MM-DD or DD/MM/YYYY)",
    122: "Tactic 1 'Lasso' is not a known tactic",
    188: "SingleCrewed must be Yes or No, not 'Maybe'",
}


def base_row(changes: dict[str, str] | None = None) -> dict[str, str]:
    """A valid row: tactical communications on a man aged 18-34 in a street, arrested."""
    row = dict.fromkeys(COLUMNS, "")
    row.update({name: "No" for name in COLUMNS if name.startswith(FLAG_PREFIXES)})
    row.update({
        "IncidentDate": "2024-01-15", "IncidentTime": "22:30", "Incident Location: Street/Highway": "Yes",
        "Borough": "Camden", "AssaultedBySubject": "No", "MainDuty": "Response", "SingleCrewed": "No",
        "TrainedCED": "No", "CarryingCED": "No", "Tactic 1": "Tactical Communications", "Effective 1": "Yes",
        "SubjectAge": "18-34", "SubjectGender": "Male", "SubjectEthnicity": "White", "PhysicalDisability": "No",
        "MentalDisability": "No", "StaffInjured": "No", "SubjectInjured": "No", "Outcome: Arrested": "Yes",
    })
    row.update(changes or {})
    return row


def csv_text(rows: list[dict[str, str]], columns: list[str] | None = None) -> io.StringIO:
    columns = columns or COLUMNS
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(name, "") for name in columns])
    out.seek(0)
    return out


def read_all(fileobj, **kwargs) -> list[UofRecord | RejectedRow]:
    return list(read_uof_csv(fileobj, today=TODAY, **kwargs))


def only(rows: list[UofRecord | RejectedRow]) -> UofRecord | RejectedRow:
    assert len(rows) == 1
    return rows[0]


def test_small_file_reads_with_its_three_bad_rows() -> None:
    with open_uof_csv(DATA / "uof_small.csv") as f:
        reader = read_uof_csv(f, today=TODAY)
        results = list(reader)
    rejected = {r.row_number: r.reason for r in results if isinstance(r, RejectedRow)}
    assert rejected == SMALL_BAD_ROWS
    assert (reader.rows_read, reader.accepted, reader.rejected) == (200, 197, 3)
    assert reader.warnings == []
    assert [r.row_number for r in results] == list(range(FIRST_DATA_ROW, 202))
    assert str(next(r for r in results if isinstance(r, RejectedRow))).startswith("Row 48: IncidentDate")


def test_every_code_in_the_small_file_is_in_the_shared_vocabularies() -> None:
    with open_uof_csv(DATA / "uof_small.csv") as f:
        records = [r for r in read_uof_csv(f, today=TODAY) if isinstance(r, UofRecord)]
    vocab = {name: set(ref.codes(v)) for name, v in vars(ref).items() if name.isupper() and isinstance(v, tuple)}
    for r in records:
        assert date(2021, 3, 31) <= r.incident_date <= TODAY
        assert set(r.location_types) <= vocab["LOCATION_TYPES"] and len(r.location_types) == 1
        assert set(r.impact_factors) <= vocab["IMPACT_FACTORS"]
        assert set(r.reasons) <= vocab["FORCE_REASONS"] and r.reasons
        assert {code for code, _ in r.tactics} <= vocab["TACTICS"] and r.tactics
        assert set(r.ced_levels) <= vocab["TASER_LEVELS"]
        assert set(r.outcomes) <= vocab["OUTCOMES"] and r.outcomes
        assert r.main_duty in vocab["MAIN_DUTIES"]
        assert r.subject_age_band in vocab["AGE_BANDS"]
        assert r.subject_sex in vocab["SEXES"]
        assert r.subject_ethnicity in vocab["ETHNICITIES"]
        assert r.subject_conduct in vocab["SUBJECT_CONDUCT"]
        assert r.staff_injury_severity in vocab["INJURY_SEVERITIES"]
        assert r.subject_injury_severity in vocab["INJURY_SEVERITIES"]
        assert bool(r.ced_levels) == any(code == "taser" for code, _ in r.tactics)


def test_a_hand_made_row_maps_to_known_answers() -> None:
    row = base_row({
        "IncidentDate": "03/02/2024", "IncidentTime": "1899-12-30 23:05:00", "PrimaryConduct": "Active resistance",
        "Incident Location: Street/Highway": "No", "Incident Location: Dwelling": "Yes",
        "Impact Factor: Possesion of a weapon": "Yes", "Impact Factor: Alcohol": "Yes",
        "Reason for Force: Protect self": "Yes", "Reason for Force: Effect Arrest": "Yes",
        "MainDuty": "Dog handler duty", "SingleCrewed": "Yes", "TrainedCED": "Yes", "CarryingCED": "Yes",
        "AssaultedBySubject": "Yes",
        "Tactic 2": "CED (Taser) Drawn", "Effective 2": "No",
        "Tactic 3": "CED (Taser) Red-Dotted", "Effective 3": "",
        "Tactic 4": "Ground Restraint", "Effective 4": "Yes",
        "Tactic 20": "CED (Taser) Fired", "Tactic Effective 20": "Yes",
        "CED Drive Stun": "Yes",
        "SubjectAge": "0-10", "SubjectGender": "Female", "SubjectEthnicity": "Black (or Black British)",
        "MentalDisability": "Yes", "StaffInjured": "Yes", "StaffInjuryLevel": "Minor",
        "SubjectInjured": "Yes", "SubjectNatureOfInjury": "Death", "SubjectMedOffered": "Yes",
        "Outcome: Arrested": "No", "Outcome: Fatality": "Yes", "Outcome: Hospitalised": "Yes",
    })
    record = only(read_all(csv_text([row])))
    assert isinstance(record, UofRecord)
    assert record.row_number == 2
    assert record.incident_date == date(2024, 2, 3)
    assert record.incident_time == time(23, 5)
    assert record.location_types == ("dwelling",) and record.location_type == "dwelling"
    assert record.borough == "Camden"
    assert record.subject_conduct == "active_resistance"
    assert record.assaulted_by_subject is True
    assert record.impact_factors == ("weapon", "alcohol")
    assert record.reasons == ("protect_self", "effect_arrest")
    assert (record.main_duty, record.main_duty_raw) == ("dog_handler", "Dog handler duty")
    assert (record.single_crewed, record.trained_ced, record.carrying_ced) == (True, True, True)
    # Taser appears once, effective because one of its levels was; levels in the national order.
    assert record.tactics == (("tactical_communications", True), ("taser", True), ("ground_restraint", True))
    assert record.ced_levels == ("drawn", "red_dotted", "fired", "drive_stun")
    assert (record.subject_age_band, record.subject_sex, record.subject_ethnicity) == ("under_11", "female", "black")
    assert record.subject_ethnicity_basis == "perceived"
    assert (record.physical_disability, record.mental_disability) == (False, True)
    assert (record.staff_injured, record.staff_injury_severity) == (True, "minor")
    assert (record.subject_injured, record.subject_injury_severity) == (True, "fatal")
    assert (record.subject_medical_offered, record.subject_medical_provided) == (True, None)
    assert record.outcomes == ("hospitalised", "fatality")
    assert record.to_dict()["tactics"] == record.tactics


def test_blank_answers_are_unknown_not_no() -> None:
    record = only(read_all(csv_text([base_row({"SingleCrewed": "", "StaffInjured": "", "IncidentTime": ""})])))
    assert isinstance(record, UofRecord)
    assert record.single_crewed is None and record.incident_time is None and record.incident_at is None
    assert (record.staff_injured, record.staff_injury_severity) == (None, None)
    assert (record.subject_injured, record.subject_injury_severity) == (False, "none")


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"IncidentDate": "31/02/2023"}, "IncidentDate '31/02/2023' is not a real date (use YYYY-MM-DD or DD/MM/YYYY)"),
        ({"IncidentDate": ""}, "IncidentDate is blank"),
        ({"IncidentDate": "2024-04-01"}, "IncidentDate 2024-04-01 is in the future"),
        ({"IncidentTime": "25:00"}, "IncidentTime '25:00' is not a time of day (use HH:MM)"),
        ({"Tactic 2": "Lasso", "Effective 2": "Yes"}, "Tactic 2 'Lasso' is not a known tactic"),
        ({"Effective 3": "Yes"}, "Effective 3 is filled in but Tactic 3 is blank"),
        ({"Effective 1": "Sort of"}, "Effective 1 must be Yes or No, not 'Sort of'"),
        ({"Outcome: Arrested": "Maybe"}, "Outcome: Arrested must be Yes or No, not 'Maybe'"),
        ({"SubjectAge": "18-99"}, "SubjectAge '18-99' is not a known age band"),
        ({"SubjectEthnicity": "Martian"}, "SubjectEthnicity 'Martian' is not a known ethnicity"),
        ({"SubjectGender": "Robot"}, "SubjectGender 'Robot' is not a known gender"),
        ({"StaffInjuryLevel": "Severe"}, "StaffInjured is No but StaffInjuryLevel gives an injury"),
        (
            {"SubjectInjured": "Yes", "SubjectNatureOfInjury": "None"},
            "SubjectInjured is Yes but SubjectNatureOfInjury says no injury",
        ),
        (
            {"IncidentDate": "x", "SubjectAge": "old"},
            "IncidentDate 'x' is not a real date (use YYYY-MM-DD or DD/MM/YYYY); "
            "SubjectAge 'old' is not a known age band",
        ),
    ],
)
def test_bad_rows_are_rejected_with_a_reason(changes: dict[str, str], reason: str) -> None:
    rows = read_all(csv_text([base_row(), base_row(changes), base_row()]))
    assert [type(r) for r in rows] == [UofRecord, RejectedRow, UofRecord]
    assert rows[1].row_number == 3
    assert rows[1].reason == reason


def test_rows_of_the_wrong_width_and_blank_lines_keep_spreadsheet_numbers() -> None:
    text = csv_text([base_row()]).getvalue()
    good = text.splitlines()[1]
    short = "2024-01-15,22:30,Yes"
    lines = [text.splitlines()[0], good, "", short, good + ",,", good + ",surplus", good]
    rows = read_all(io.StringIO("\r\n".join(lines) + "\r\n"))
    assert [(r.row_number, type(r).__name__) for r in rows] == [
        (2, "UofRecord"), (4, "RejectedRow"), (5, "UofRecord"), (6, "RejectedRow"), (7, "UofRecord"),
    ]
    assert rows[1].reason == f"the row has 3 cells but the header has {len(COLUMNS)}"
    assert rows[3].reason == f"the row has {len(COLUMNS) + 1} cells but the header has {len(COLUMNS)}"


def test_missing_required_columns_stop_the_import_naming_them() -> None:
    # tests/data/uof_missing_column.csv: five generated rows with three required columns taken out.
    with open_uof_csv(DATA / "uof_missing_column.csv") as f, pytest.raises(MissingColumnsError) as caught:
        read_uof_csv(f)
    assert caught.value.missing == ("IncidentDate", "SubjectAge", "Outcome: Arrested")
    assert str(caught.value) == "The file is missing 3 required columns: IncidentDate, SubjectAge, Outcome: Arrested."


def test_a_tactic_without_its_effective_column_is_missing_a_column() -> None:
    with pytest.raises(MissingColumnsError, match=r"1 required column: Effective 5\.$"):
        check_header([name for name in COLUMNS if name != "Effective 5"])


def test_an_empty_file_and_a_repeated_column_are_refused() -> None:
    with pytest.raises(UofCsvError, match="empty"):
        read_uof_csv(io.StringIO(""))
    with pytest.raises(UofCsvError, match=r"'Borough' appears more than once \(columns \d+ and 272\)"):
        check_header([*COLUMNS, "borough"])


def test_unknown_extra_columns_are_ignored_with_a_warning() -> None:
    columns = [*COLUMNS, "Officer shoe size", ""]
    rows = [base_row({"Officer shoe size": "11"})]
    reader = read_uof_csv(csv_text(rows, columns), today=TODAY)
    assert reader.warnings == [
        "Column 272 ('Officer shoe size') is not part of the use-of-force layout and was ignored.",
        "Column 273 has no name and was ignored.",
    ]
    with_extra = only(list(reader))
    without = only(read_all(csv_text([base_row()])))
    assert isinstance(with_extra, UofRecord) and with_extra.fingerprint == without.fingerprint


def test_column_names_are_matched_loosely() -> None:
    renamed = {
        "Impact Factor: Possesion of a weapon": "Impact Factor: Possession of a weapon",
        "Tactic Effective 20": "Effective 20",
        "Incident Location: Open ground (e.g. park, car park, field)": "incident location: open ground",
        "SubjectAge": "subject age",
    }
    columns = [renamed.get(name, name) for name in COLUMNS]
    columns[0] = "\ufeff" + columns[0]  # a byte-order mark read as text
    row = {renamed.get(k, k): v for k, v in base_row({"Impact Factor: Possesion of a weapon": "Yes"}).items()}
    row["\ufeffIncidentDate"] = row["IncidentDate"]
    reader = read_uof_csv(csv_text([row], columns), today=TODAY)
    record = only(list(reader))
    assert reader.warnings == [] and isinstance(record, UofRecord)
    assert record.impact_factors == ("weapon",) and record.subject_age_band == "18_34"


def test_fingerprints_are_stable_and_tell_rows_apart() -> None:
    def prints(fileobj) -> list[str]:
        return [r.fingerprint for r in read_all(fileobj)]

    with open_uof_csv(DATA / "uof_small.csv") as f:
        first = prints(f)
    with open_uof_csv(DATA / "uof_small.csv") as f:
        assert prints(f) == first
    assert len(set(first)) == 200

    one = only(read_all(csv_text([base_row()])))
    assert one.fingerprint == row_fingerprint(base_row())
    changed = row_fingerprint(base_row({"IncidentTime": "22:31"}))
    assert changed != one.fingerprint
    # Column order, blank cells, case and spacing do not change a row's fingerprint.
    shuffled = dict(reversed(list(base_row({"Borough": "  CAMDEN "}).items())))
    assert row_fingerprint({**shuffled, "Notes": ""}) == one.fingerprint


def test_identical_rows_get_their_own_fingerprints_on_every_read() -> None:
    rows = [base_row(), base_row({"Borough": "Brent"}), base_row()]
    first = [r.fingerprint for r in read_all(csv_text(rows))]
    assert first[0] != first[2] and len(set(first)) == 3
    assert first[2] == row_fingerprint(base_row(), occurrence=1)
    assert [r.fingerprint for r in read_all(csv_text(rows))] == first


def test_reading_is_lazy_and_resumable() -> None:
    text = (DATA / "uof_small.csv").read_text(encoding="utf-8")
    source = io.StringIO(text, newline="")
    first = next(iter(read_uof_csv(source, today=TODAY)))
    assert first.row_number == 2 and source.tell() < len(text) // 10  # one row read, not the file

    everything = read_all(io.StringIO(text, newline=""))
    reader = read_uof_csv(io.StringIO(text, newline=""), today=TODAY, resume_after=100)
    resumed = list(reader)
    assert resumed[0].row_number == 101
    assert [r.fingerprint for r in resumed] == [r.fingerprint for r in everything[99:]]
    assert reader.rows_read == 101 and reader.last_row_number == 201


def test_batched() -> None:
    assert [len(b) for b in batched(range(2503), 1000)] == [1000, 1000, 503]
    assert list(batched([], 10)) == []
    with pytest.raises(ValueError):
        list(batched([1], 0))


def test_the_encoding_is_detected_while_streaming(tmp_path: Path) -> None:
    text = csv_text([base_row({"Borough": "Hénon £"})]).getvalue()
    cp1252 = tmp_path / "mps.csv"
    cp1252.write_bytes(text.encode("cp1252"))
    utf8 = tmp_path / "utf8.csv"
    utf8.write_bytes(text.encode("utf-8-sig"))
    assert detect_encoding(cp1252, chunk_size=64) == "cp1252"
    assert detect_encoding(utf8, chunk_size=64) == "utf-8-sig"
    for path in (cp1252, utf8):
        with open_uof_csv(path) as f:
            assert only(read_all(f)).borough == "Hénon £"
