"""Streaming reader and validator for use-of-force CSV files in the MPS open-data layout (no whole-file load)."""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from operator import itemgetter
from pathlib import Path
from typing import TextIO, TypeVar

from debrief import reference as ref
from debrief.nationaldata import columns as cols
from debrief.nationaldata import values as vals
from debrief.nationaldata.columns import MissingColumnsError, UofCsvError, UofHeader, check_header
from debrief.nationaldata.fingerprint import hash_payload, payload, row_fingerprint

__all__ = [
    "FIRST_DATA_ROW", "MissingColumnsError", "RejectedRow", "UofCsvError", "UofCsvReader", "UofHeader",
    "UofRecord", "batched", "check_header", "detect_encoding", "neutralise_cells", "open_uof_csv", "read_uof_csv",
    "row_fingerprint",
]

# Rows are numbered as a spreadsheet shows them: the header is row 1, the first data row is row 2,
# and a blank line still counts as a row.
FIRST_DATA_ROW = 2

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class UofRecord:
    """One officer's use of force on one subject, in reference.py codes. Tuples keep reference order."""

    row_number: int
    fingerprint: str
    incident_date: date
    incident_time: time | None
    location_types: tuple[str, ...]  # LOCATION_TYPES; usually one
    borough: str | None
    subject_conduct: str | None  # SUBJECT_CONDUCT, when the file has PrimaryConduct
    assaulted_by_subject: bool | None
    impact_factors: tuple[str, ...]  # IMPACT_FACTORS
    reasons: tuple[str, ...]  # FORCE_REASONS
    main_duty: str | None  # MAIN_DUTIES
    main_duty_raw: str | None  # as published, since forces word it differently
    single_crewed: bool | None
    trained_ced: bool | None
    carrying_ced: bool | None
    tactics: tuple[tuple[str, bool | None], ...]  # (TACTICS code, effective), each tactic once, in file order
    ced_levels: tuple[str, ...]  # TASER_LEVELS
    subject_age_band: str | None  # AGE_BANDS
    subject_sex: str | None  # SEXES
    subject_ethnicity: str | None  # ETHNICITIES
    subject_ethnicity_basis: str  # ETHNICITY_BASES: the national data records the officer's perception
    physical_disability: bool | None
    mental_disability: bool | None
    staff_injured: bool | None
    staff_injury_severity: str | None  # INJURY_SEVERITIES
    staff_medical_provided: bool | None
    subject_injured: bool | None
    subject_injury_severity: str | None  # INJURY_SEVERITIES
    subject_medical_offered: bool | None
    subject_medical_provided: bool | None
    outcomes: tuple[str, ...]  # OUTCOMES

    @property
    def location_type(self) -> str | None:
        return self.location_types[0] if self.location_types else None

    @property
    def incident_at(self) -> datetime | None:
        return datetime.combine(self.incident_date, self.incident_time) if self.incident_time else None

    def to_dict(self) -> dict[str, object]:
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass(frozen=True, slots=True)
class RejectedRow:
    """A row the importer refuses, with every problem found in it."""

    row_number: int
    reason: str
    fingerprint: str | None = None

    def __str__(self) -> str:
        return f"Row {self.row_number}: {self.reason}"


_AGE = vals.ValueLookup.for_vocab(ref.AGE_BANDS, vals.AGE_ALIASES)
_SEX = vals.ValueLookup.for_vocab(ref.SEXES, vals.SEX_ALIASES)
_ETHNICITY = vals.ValueLookup.for_vocab(ref.ETHNICITIES, vals.ETHNICITY_ALIASES)
_INJURY = vals.ValueLookup.for_vocab(ref.INJURY_SEVERITIES, vals.INJURY_ALIASES)
_CONDUCT = vals.ValueLookup.for_vocab(ref.SUBJECT_CONDUCT, vals.CONDUCT_ALIASES)
_TACTIC = vals.ValueLookup(vals.TACTIC_TABLE)
_LEVEL_ORDER = {code: i for i, code in enumerate(ref.codes(ref.TASER_LEVELS))}
_SINGLE_COLUMNS = (
    cols.INCIDENT_DATE, cols.INCIDENT_TIME, cols.BOROUGH, cols.PRIMARY_CONDUCT, cols.ASSAULTED, cols.MAIN_DUTY,
    cols.SINGLE_CREWED, cols.TRAINED_CED, cols.CARRYING_CED, cols.SUBJECT_AGE, cols.SUBJECT_GENDER,
    cols.SUBJECT_ETHNICITY, cols.PHYSICAL_DISABILITY, cols.MENTAL_DISABILITY, cols.STAFF_INJURED,
    cols.STAFF_INJURY_LEVEL, cols.STAFF_MED_PROVIDED, cols.SUBJECT_INJURED, cols.SUBJECT_INJURY,
    cols.SUBJECT_MED_OFFERED, cols.SUBJECT_MED_PROVIDED, cols.FIREARMS_AIMED, cols.FIREARMS_FIRED,
)


class UofCsvReader:
    """Reads a use-of-force CSV one row at a time, yielding UofRecord or RejectedRow.

    Open the file with newline="" (open_uof_csv does). The header is checked on construction, so
    MissingColumnsError comes before any row is read; `warnings` lists ignored columns.
    `resume_after` skips rows up to and including that row number, to carry on an import that
    stopped (they are still hashed, so repeated rows keep their fingerprints). Dates after `today`
    (default: the real today) are rejected. Counters: rows_read, accepted, rejected, last_row_number.
    """

    def __init__(self, fileobj: TextIO, *, today: date | None = None, resume_after: int = 1) -> None:
        self._rows = csv.reader(fileobj)
        self._encoding = (getattr(fileobj, "encoding", None) or "utf-8").lower()
        try:
            header_cells = next(self._rows)
        except StopIteration:
            raise UofCsvError("The file is empty: its first row must name the columns.") from None
        except UnicodeDecodeError as error:
            raise UofCsvError(f"Row 1 is not in the file's text encoding ({error.reason}).") from error
        self._refuse_undecoded("".join(header_cells), 1)
        self.header = check_header(header_cells)
        self.warnings: list[str] = list(self.header.warnings)
        self.last_row_number = 1
        self.rows_read = self.accepted = self.rejected = 0
        self._today = today or date.today()
        self._resume_after = resume_after
        self._seen: dict[int, int] = {}
        self._width = len(header_cells)
        pos = self.header.positions
        # Fingerprints cover the known columns only, in key order, so an added column still matches.
        ignored = set(self.header.unknown_columns)
        known = sorted((key, i) for key, i in pos.items() if i not in ignored)
        self._known_prefixes = [f"{key}\x1f" for key, _ in known]
        self._known_cells = itemgetter(*(i for _, i in known))
        self._index = {name: pos.get(cols.column_key(name)) for name in _SINGLE_COLUMNS}

        def flag_columns(mapping: dict[str, str]) -> list[tuple[int, str, str]]:
            return [(pos[cols.column_key(name)], code, name) for name, code in mapping.items()]

        self._locations = flag_columns(cols.LOCATION_COLUMNS)
        self._impacts = flag_columns(cols.IMPACT_FACTOR_COLUMNS)
        self._reasons = flag_columns(cols.REASON_COLUMNS)
        self._outcomes = flag_columns(cols.OUTCOME_COLUMNS)
        self._slots = [(n, pos[f"tactic{n}"], pos[f"effective{n}"]) for n in self.header.tactic_slots]
        self._ced = [
            (i, cols.CED_LEVEL_COLUMNS[key], header_cells[i].strip())
            for key, i in pos.items() if key in cols.CED_LEVEL_COLUMNS
        ]

    def __iter__(self) -> Iterator[UofRecord | RejectedRow]:
        row_number = self.last_row_number
        while True:
            try:
                cells = next(self._rows)
            except StopIteration:
                return
            except csv.Error as error:
                raise UofCsvError(f"Row {row_number + 1} cannot be read as CSV: {error}.") from error
            except UnicodeDecodeError as error:
                raise UofCsvError(
                    f"Row {row_number + 1} is not in the file's text encoding ({error.reason}): "
                    "save the file as UTF-8, or import it as Windows-1252."
                ) from error
            row_number += 1
            self.last_row_number = row_number
            joined = "".join(cells)
            if not joined.isascii():
                self._refuse_undecoded(joined, row_number)
            if not joined.strip():
                continue  # blank lines and rows of empty cells carry nothing
            result: UofRecord | RejectedRow
            # Trailing empty cells are common in spreadsheet exports; missing or extra values are not.
            if len(cells) < self._width or "".join(cells[self._width :]).strip():
                if row_number <= self._resume_after:
                    continue
                result = RejectedRow(row_number, f"the row has {len(cells)} cells but the header has {self._width}")
            else:
                fingerprint = self._fingerprint(cells)  # hashed even when skipped, to count repeats
                if row_number <= self._resume_after:
                    continue
                result = self._normalise(cells, row_number, fingerprint)
            self.rows_read += 1
            if isinstance(result, UofRecord):
                self.accepted += 1
            else:
                self.rejected += 1
            yield result

    def _refuse_undecoded(self, text: str, row_number: int) -> None:
        """A byte the encoding could not decode (kept as a lone surrogate by open_uof_csv) stops the import here."""
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            byte = next(ord(ch) - 0xDC00 for ch in text if "\udc80" <= ch <= "\udcff")
            if self._encoding.startswith("utf"):
                raise UofCsvError(
                    f"Row {row_number} is not valid UTF-8 (byte 0x{byte:02X}), though the rest of the file is "
                    "UTF-8, so it was not read as Windows-1252: correct that row, or save the file as UTF-8 again."
                ) from None
            raise UofCsvError(
                f"Row {row_number} holds byte 0x{byte:02X}, which is not a character in the file's encoding "
                f"({self._encoding}): correct that row, or save the file as UTF-8."
            ) from None

    def _fingerprint(self, cells: list[str]) -> str:
        text = payload(self._known_prefixes, self._known_cells(cells))
        digest, hexdigest = hash_payload(text, 0)
        key = int.from_bytes(digest[:8], "big")  # 64 bits are plenty to count repeats, in less memory
        occurrence = self._seen.get(key, 0)
        self._seen[key] = occurrence + 1
        return hash_payload(text, occurrence)[1] if occurrence else hexdigest

    def _normalise(self, cells: list[str], row_number: int, fingerprint: str) -> UofRecord | RejectedRow:
        problems: list[str] = []
        index_of = self._index

        def cell(name: str) -> str:
            index = index_of[name]
            return cells[index].strip() if index is not None else ""

        def yes_no(name: str, raw: str | None = None) -> bool | None:
            answer = vals.yes_no(cell(name) if raw is None else raw)
            if answer is vals.MISSING:
                problems.append(f"{name} must be Yes or No, not '{(raw or cell(name)).strip()}'")
                return None
            return answer  # type: ignore[return-value]

        def coded(name: str, lookup: vals.ValueLookup[str], what: str) -> str | None:
            raw = cell(name)
            code = lookup(raw)
            if code is vals.MISSING:
                problems.append(f"{name} '{raw}' is not a known {what}")
                return None
            return code  # type: ignore[return-value]

        def flags(columns: list[tuple[int, str, str]]) -> tuple[str, ...]:
            found = []
            for index, code, name in columns:
                raw = cells[index]
                if raw == "Yes" or (raw and raw != "No" and yes_no(name, raw)):  # exact cells skip the lookup
                    found.append(code)
            return tuple(found)

        incident_date = _parse_date(cell(cols.INCIDENT_DATE), self._today, problems)
        incident_time = _parse_time(cell(cols.INCIDENT_TIME), problems)
        tactics, levels = self._tactics(cells, problems, yes_no)
        for index, level, name in self._ced:
            if cells[index] and yes_no(name, cells[index]) and level not in levels:
                levels.append(level)
        if levels and "taser" not in tactics:
            tactics["taser"] = None  # CED columns say Taser was used though no Tactic N cell does
        for name, code in ((cols.FIREARMS_AIMED, "firearm_aimed"), (cols.FIREARMS_FIRED, "firearm_fired")):
            if yes_no(name) and code not in tactics:
                tactics[code] = None
        staff_injured = yes_no(cols.STAFF_INJURED)
        staff_level = coded(cols.STAFF_INJURY_LEVEL, _INJURY, "injury level")
        staff_severity = _severity(staff_injured, staff_level, cols.STAFF_INJURED, cols.STAFF_INJURY_LEVEL, problems)
        subject_injured = yes_no(cols.SUBJECT_INJURED)
        subject_level = coded(cols.SUBJECT_INJURY, _INJURY, "injury level")
        subject_severity = _severity(
            subject_injured, subject_level, cols.SUBJECT_INJURED, cols.SUBJECT_INJURY, problems
        )
        main_duty_raw = cell(cols.MAIN_DUTY) or None
        record = UofRecord(
            row_number=row_number,
            fingerprint=fingerprint,
            incident_date=incident_date,  # type: ignore[arg-type]  # a None date is a problem, below
            incident_time=incident_time,
            location_types=flags(self._locations),
            borough=cell(cols.BOROUGH) or None,
            subject_conduct=coded(cols.PRIMARY_CONDUCT, _CONDUCT, "subject conduct"),
            assaulted_by_subject=yes_no(cols.ASSAULTED),
            impact_factors=flags(self._impacts),
            reasons=flags(self._reasons),
            main_duty=vals.main_duty_code(main_duty_raw) if main_duty_raw else None,
            main_duty_raw=main_duty_raw,
            single_crewed=yes_no(cols.SINGLE_CREWED),
            trained_ced=yes_no(cols.TRAINED_CED),
            carrying_ced=yes_no(cols.CARRYING_CED),
            tactics=tuple(tactics.items()),
            ced_levels=tuple(sorted(levels, key=_LEVEL_ORDER.__getitem__)),
            subject_age_band=coded(cols.SUBJECT_AGE, _AGE, "age band"),
            subject_sex=coded(cols.SUBJECT_GENDER, _SEX, "gender"),
            subject_ethnicity=coded(cols.SUBJECT_ETHNICITY, _ETHNICITY, "ethnicity"),
            subject_ethnicity_basis="perceived",
            physical_disability=yes_no(cols.PHYSICAL_DISABILITY),
            mental_disability=yes_no(cols.MENTAL_DISABILITY),
            staff_injured=staff_injured,
            staff_injury_severity=staff_severity,
            staff_medical_provided=yes_no(cols.STAFF_MED_PROVIDED),
            subject_injured=subject_injured,
            subject_injury_severity=subject_severity,
            subject_medical_offered=yes_no(cols.SUBJECT_MED_OFFERED),
            subject_medical_provided=yes_no(cols.SUBJECT_MED_PROVIDED),
            outcomes=flags(self._outcomes),
        )
        if problems:
            return RejectedRow(row_number, "; ".join(problems), fingerprint)
        return record

    def _tactics(self, cells: list[str], problems: list[str], yes_no) -> tuple[dict[str, bool | None], list[str]]:
        """Tactic N / Effective N pairs as {code: effective}; a tactic listed twice is effective if either was."""
        tactics: dict[str, bool | None] = {}
        levels: list[str] = []
        for n, t_index, e_index in self._slots:
            raw, raw_effective = cells[t_index], cells[e_index]
            if not raw and not raw_effective:
                continue
            effective = yes_no(f"Effective {n}", raw_effective)
            found = _TACTIC(raw)
            if found is None:
                if effective is not None:
                    problems.append(f"Effective {n} is filled in but Tactic {n} is blank")
                continue
            if found is vals.MISSING:
                problems.append(f"Tactic {n} '{raw.strip()}' is not a known tactic")
                continue
            code, level = found  # type: ignore[misc]
            if level and level not in levels:
                levels.append(level)
            if code not in tactics:
                tactics[code] = effective
            elif effective is True or tactics[code] is True:
                tactics[code] = True
            elif effective is False:
                tactics[code] = False
        return tactics, levels


def _parse_date(raw: str, today: date, problems: list[str]) -> date | None:
    if not raw:
        problems.append(f"{cols.INCIDENT_DATE} is blank")
        return None
    text = raw.split()[0].split("T")[0]  # "2023-04-01 00:00:00" as spreadsheets export dates
    try:
        if "/" in text:
            day, month, year = (int(part) for part in text.split("/"))
            parsed = date(year, month, day)
        else:
            parsed = date.fromisoformat(text)
    except ValueError:
        problems.append(f"{cols.INCIDENT_DATE} '{raw}' is not a real date (use YYYY-MM-DD or DD/MM/YYYY)")
        return None
    if parsed > today:
        problems.append(f"{cols.INCIDENT_DATE} {parsed.isoformat()} is in the future")
        return None
    return parsed


def _parse_time(raw: str, problems: list[str]) -> time | None:
    if not raw:
        return None
    text = raw.split()[-1]  # spreadsheets sometimes export "1899-12-30 14:05:00"
    try:
        parts = [int(part) for part in text.split(":")]
        if len(parts) not in (2, 3):
            raise ValueError(text)
        return time(*parts)
    except ValueError:
        problems.append(f"{cols.INCIDENT_TIME} '{raw}' is not a time of day (use HH:MM)")
        return None


def _severity(injured: bool | None, level: str | None, flag: str, column: str, problems: list[str]) -> str | None:
    """The injury severity, "none" when the flag says No; a flag and a level that disagree are a problem."""
    if injured is False:
        if level not in (None, "none"):
            problems.append(f"{flag} is No but {column} gives an injury")
        return "none"
    if injured is True and level == "none":
        problems.append(f"{flag} is Yes but {column} says no injury")
    return level


def read_uof_csv(fileobj: TextIO, *, today: date | None = None, resume_after: int = 1) -> UofCsvReader:
    """Start reading a use-of-force CSV; iterate the result for UofRecord and RejectedRow."""
    return UofCsvReader(fileobj, today=today, resume_after=resume_after)


# A character of two, three or four bytes as UTF-8 writes it: rare in a Windows-1252 file.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_NOT_CSV = ("The file is not a CSV text file: it holds binary data{what}. Open it in a spreadsheet and "
            "save it as \"CSV UTF-8 (comma delimited)\", then import that file.")


def _refuse_non_text(first: bytes) -> None:
    """UofCsvError for a file that is not 8-bit text: UTF-16/32 (a BOM, or every other byte NUL), or binary."""
    if first.startswith(b"PK\x03\x04"):
        raise UofCsvError(_NOT_CSV.format(what=" (a zip file: an .xlsx workbook?)"))
    if first.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise UofCsvError("The file is UTF-32 text. Save it as \"CSV UTF-8 (comma delimited)\" and import that file.")
    odd, even, quarter = first[1::2].count(0), first[0::2].count(0), len(first) // 4
    if first.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (
        quarter and ((odd > quarter and even < quarter // 5) or (even > quarter and odd < quarter // 5))
    ):
        raise UofCsvError("The file is UTF-16 text (as Excel's \"Unicode text\" saves it), not UTF-8. "
                          "Save it as \"CSV UTF-8 (comma delimited)\" and import that file.")
    if b"\x00" in first:
        raise UofCsvError(_NOT_CSV.format(what=""))


def detect_encoding(path: str | Path, chunk_size: int = 1 << 20) -> str:
    """'utf-8-sig' when the file is UTF-8, else 'cp1252' (as the MPS publishes); UofCsvError when not text.

    A file with a UTF-8 byte-order mark or UTF-8 characters in it counts as UTF-8 even when a stray byte
    does not decode: the reader then refuses that row by number, rather than the whole file being read
    as Windows-1252 into mojibake. Reads the file in chunks, so a large file is never held in memory.
    """
    decoder = codecs.getincrementaldecoder("utf-8")()
    valid, looks_utf8 = True, False
    with open(path, "rb") as raw:
        first = raw.read(chunk_size)
        _refuse_non_text(first)
        looks_utf8 = first.startswith(codecs.BOM_UTF8)
        chunk = first
        while chunk:
            if b"\x00" in chunk:
                raise UofCsvError(_NOT_CSV.format(what=""))
            if valid:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    valid = False
            looks_utf8 = looks_utf8 or _UTF8_MULTIBYTE.search(chunk) is not None
            chunk = raw.read(chunk_size)
        if valid:
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                valid = False
    return "utf-8-sig" if valid or looks_utf8 else "cp1252"


def open_uof_csv(path: str | Path, encoding: str | None = None) -> TextIO:
    """Open a CSV for UofCsvReader: newline="" as the csv module needs, the encoding detected if not given.

    Bytes the encoding cannot decode are kept as lone surrogates, so the reader refuses them with the
    row they are in (a decoder reading ahead in blocks would report the wrong row).
    """
    return open(path, newline="", encoding=encoding or detect_encoding(path), errors="surrogateescape")


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cells(cells: Iterable[object]) -> list[object]:
    """Cells for a CSV a person will open in a spreadsheet: any text that would start a formula gets a
    leading apostrophe, so it shows as text and never runs (CSV injection)."""
    return [f"'{cell}" if isinstance(cell, str) and cell.startswith(_FORMULA_STARTS) else cell for cell in cells]


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of up to `size` items, for committing an import in batches (itertools.batched is 3.12+)."""
    if size < 1:
        raise ValueError("size must be at least 1")
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
