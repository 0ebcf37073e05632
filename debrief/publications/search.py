"""Full-text search of the published magazine: recommendations, case studies and reflective questions.

One interface, two engines (search_index.py says how each stores the index): SQLite's FTS5 with the porter stemmer,
PostgreSQL's `english` text search with a GIN index. Both match whole words by their stem ("exits" finds "exit"),
need every term, rank by relevance (bm25 / ts_rank with length normalisation) and mark the matches in the text.

A query is reduced to terms before either engine sees it: runs of letters and digits, joined by `_`, `'` or `-` into
one term that must match as a phrase ("x_ray" is the phrase "x ray", never "x" alone; "a_b" is "b", as "a" is a
stop word). Nothing a reader types reaches a
query language: each term is a quoted FTS5 string or a `phraseto_tsquery` parameter, so quotes, operators, NEAR,
AND, OR and brackets are only words. English stop words are dropped on both engines alike (PostgreSQL ignores them),
so a query of only "the and of" asks for nothing.

Snippets come back as (text, matched) pieces for the template to escape: the database marks matches with two
private-use characters that stored texts never contain (search_index strips them), and nothing is rendered |safe.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from sqlalchemy import select, text

from debrief.extensions import db
from debrief.models import CaseStudy
from debrief.publications.filters import codes_of, escape_like
from debrief.publications.reading import visible_case_study
from debrief.publications.search_index import CASE_SHIFT, INDEX_TABLE, KIND_SHIFT, KINDS, MARK_END, MARK_START

MAX_TERMS = 8
LIMIT = 50
# The search page's own examples: each finds something in the demo's published issue, on the magazine search and on
# the recommendations search alike (tests/views/test_search_examples.py searches them there), so trying one shows
# what search does. EXAMPLE is the hint under the box; STEM_EXAMPLE is typed, and finds the second word too.
EXAMPLE = "mental health"
STEM_EXAMPLE = ("checks", "check")
SNIPPET_WIDTH = 320

_TERM = re.compile(r"[^\W_]+(?:[_'’-][^\W_]+)*", re.UNICODE)
_PART = re.compile(r"[^\W_]+", re.UNICODE)
# PostgreSQL's english stop words (snowball), which its parser drops; dropped here too so both engines agree.
STOP_WORDS = frozenset("""i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she
her hers herself it its itself they them their theirs themselves what which who whom this that these those am is are
was were be been being have has had having do does did doing a an the and but if or because as until while of at by
for with about against between into through during before after above below to from up down in out on off over under
again further then once here there when where why how all any both each few more most other some such no nor not only
own same so than too very s t can will just don should now""".split())


def terms(query: str) -> list[str]:
    """The distinct search terms of a query, lower-cased, in order, at most MAX_TERMS; a term made only of stop
    words is left out, and stop words at either end of a joined term are dropped."""
    seen: list[str] = []
    for term in _TERM.findall((query or "").lower()):
        parts = _PART.findall(term)
        while parts and parts[0] in STOP_WORDS:  # as PostgreSQL does: "over_incidents" is "incidents"
            parts.pop(0)
        while parts and parts[-1] in STOP_WORDS:
            parts.pop()
        if not parts:
            continue
        if len(parts) < len(_PART.findall(term)):
            term = " ".join(parts)
        if term not in seen:
            seen.append(term)
    return seen[:MAX_TERMS]


@dataclass(frozen=True)
class Hit:
    kind: str                 # "case_study", "recommendation", "question"
    case_study_id: int
    question_id: int | None
    title: str
    issue_number: int | None
    themes: tuple[str, ...]
    snippet: tuple[tuple[str, bool], ...]  # (text, matched) pieces


@dataclass(frozen=True)
class Results:
    hits: list[Hit]
    total: int
    terms: list[str]


@cache
def _public_case_ids(dialect_name: str) -> str:
    """SQL selecting the ids of the public case studies: the one rule (reading.visible_case_study), compiled once for
    each database, so the search's own SQL can never drift from what every other public page shows."""
    dialect = db.session.get_bind().dialect
    assert dialect.name == dialect_name
    statement = select(CaseStudy.id).where(visible_case_study())
    return " ".join(str(statement.compile(dialect=dialect, compile_kwargs={"literal_binds": True})).split())


def _case_filter(theme: str | None, issue: int | None) -> tuple[str, dict]:
    """SQL selecting the ids of the public case studies that pass the filters."""
    sql = [_public_case_ids(db.session.get_bind().dialect.name)]
    params: dict = {}
    if theme:
        # As filters.has_code (analytics.sql.json_has): the JSON array's text holds the quoted code (codes are checked by the caller).
        sql.append("CAST(case_study.themes AS TEXT) LIKE :theme ESCAPE '\\'")
        params["theme"] = f'%"{escape_like(theme)}"%'
    if issue is not None:
        sql.append("case_study.issue_id IN (SELECT id FROM magazine_issue WHERE number = :issue)")
        params["issue"] = issue
    return " AND ".join(sql), params


def search(query: str, *, theme: str | None = None, issue: int | None = None,
           kinds: tuple[str, ...] = KINDS, limit: int = LIMIT) -> Results:
    """The published documents matching every term of `query`, most relevant first: (first `limit` hits, total)."""
    found = terms(query)
    if not found:
        return Results([], 0, found)
    cases, params = _case_filter(theme, issue)
    kinds = tuple(k for k in KINDS if k in kinds) or KINDS
    if db.session.get_bind().dialect.name == "postgresql":
        filtered = theme is not None or issue is not None
        rows, total = _search_postgresql(found, cases, params, kinds, limit, filtered)
    else:
        rows, total = _search_sqlite(found, cases, params, kinds, limit)
    return Results(_hits(rows), total, found)


def _search_sqlite(found, cases, params, kinds, limit):
    # Each term one FTS5 string (a phrase of its tokens); side by side they must all match. Case study and kind are
    # read from the rowid (search_index.doc_id), so no row's stored content is read until the page of hits.
    params = {**params, "match": " ".join('"' + t.replace('"', '""') + '"' for t in found)}
    kind_codes = ", ".join(str(KINDS.index(k)) for k in kinds)
    matching = (f"FROM {INDEX_TABLE} WHERE {INDEX_TABLE} MATCH :match AND (rowid >> {CASE_SHIFT}) IN ({cases}) "
                f"AND ((rowid >> {KIND_SHIFT}) & 3) IN ({kind_codes})")
    total = db.session.execute(text(f"SELECT count(*) {matching}"), params).scalar() or 0
    ids = list(db.session.scalars(text(f"SELECT rowid {matching} ORDER BY rank, rowid LIMIT :limit"),
                                  {**params, "limit": limit}))
    if not ids:
        return [], total
    marked = dict(db.session.execute(text(
        f"SELECT rowid, highlight({INDEX_TABLE}, 3, '{MARK_START}', '{MARK_END}') FROM {INDEX_TABLE} "
        f"WHERE {INDEX_TABLE} MATCH :match AND rowid IN ({', '.join(str(int(i)) for i in ids)})"),
        {"match": params["match"]}).all())
    return [(KINDS[(i >> KIND_SHIFT) & 3], i & ((1 << KIND_SHIFT) - 1), i >> CASE_SHIFT, marked.get(i, ""))
            for i in ids], total


# ts_headline parses and stems every word it is given, and the snippet is only a window of SNIPPET_WIDTH characters
# from a little before the first match: so it is given a part of a long text, from WINDOW_BEFORE characters before the
# first word that starts with one of the query's stems (a regular expression finds it without parsing) to WINDOW
# characters on. A part with no match after all (a stem that is not the start of its word: "bodi" of "body") is marked
# again in full.
WINDOW_BEFORE, WINDOW = 150, 600  # the snippet starts about SNIPPET_WIDTH // 3 before the match


def _search_postgresql(found, cases, params, kinds, limit, filtered):
    params = {**params, **{f"t{i}": t for i, t in enumerate(found)}}
    # Written out in each place (not joined from a CTE), so the planner sees a constant and uses the GIN index.
    q = "(" + " && ".join(f"phraseto_tsquery('english', :t{i})" for i in range(len(found))) + ")"
    options = f"'HighlightAll=true, StartSel={MARK_START}, StopSel={MARK_END}'"
    # One statement: the matches are found and ranked once, on the stored tsvector (kept in the row, not in TOAST: see
    # the migration 2026_12_07_search_inline_tsvector), counted from that, and only the page of hits is marked.
    # Unfiltered, nearly every case study is public: rank every match, then keep the public ones (a join of the narrow
    # ranked rows; joining first carries every match's tsvector through a hash). Filtered by theme or issue, few are:
    # keep those first and rank only them.
    kind_list = ", ".join(f"'{k}'" for k in kinds)
    # The driver prepares a statement run often; PostgreSQL's generic plan for it would parse the query's terms again
    # for every row it ranks. A custom plan, for the rest of this transaction, folds them into constants once.
    db.session.execute(text("SET LOCAL plan_cache_mode = force_custom_plan"))
    ranked = f"SELECT d.doc_id, d.kind, d.ref_id, d.case_study_id, ts_rank(d.tsv, {q}, 1) AS r FROM {INDEX_TABLE} d"
    if filtered:
        ctes = (f"v AS MATERIALIZED ({ranked} WHERE d.tsv @@ {q} AND d.kind IN ({kind_list}) "
                f"AND d.case_study_id IN ({cases})) ")
    else:
        ctes = (f"m AS MATERIALIZED ({ranked} WHERE d.tsv @@ {q} AND d.kind IN ({kind_list})), "
                f"v AS MATERIALIZED (SELECT m.* FROM m WHERE m.case_study_id IN ({cases})) ")
    # The headline marks the query's words wherever they are (as it did a phrase's), so it is given them as words
    # alone: checking phrases costs ts_headline more than parsing.
    words = "replace(CAST(plainto_tsquery('english', :all) AS TEXT), ' & ', ' | ')::tsquery"
    stems = (f"'\\m(' || (SELECT string_agg(l, '|') FROM unnest(tsvector_to_array(to_tsvector('english', :all))) l "
             "WHERE l ~ '^[[:alnum:]]+$') || ')'")
    rows = db.session.execute(text(
        f"WITH {ctes}"
        f"SELECT h.kind, h.ref_id, h.case_study_id, ts_headline('english', substr(s.body, w.start, {WINDOW}), {words}, "
        f"{options}), h.total, h.doc_id, w.start "
        "FROM (SELECT v.*, (SELECT count(*) FROM v) AS total FROM v ORDER BY v.r DESC, v.doc_id LIMIT :limit) h "
        f"JOIN {INDEX_TABLE} s ON s.doc_id = h.doc_id CROSS JOIN LATERAL (SELECT CASE WHEN char_length(s.body) <= "
        f"{WINDOW} THEN 1 ELSE greatest(1, regexp_instr(s.body, {stems}, 1, 1, 0, 'i') - {WINDOW_BEFORE}) END "
        "AS start) w "
        "ORDER BY h.r DESC, h.doc_id"),
        {**params, "all": " ".join(found), "limit": limit}).all()
    total = rows[0][4] if rows else 0
    missed = [row[5] for row in rows if MARK_START not in row[3]]
    marked = {}
    if missed:
        marked = dict(db.session.execute(text(
            f"SELECT doc_id, ts_headline('english', body, {words}, {options}) FROM {INDEX_TABLE} "
            f"WHERE doc_id IN ({', '.join(str(int(i)) for i in missed)})"), {"all": " ".join(found)}).all())
    return [(kind, ref_id, cid, marked[doc]) if doc in marked else (kind, ref_id, cid, head, start > 1)
            for kind, ref_id, cid, head, _, doc, start in rows], total


def _hits(rows) -> list[Hit]:
    ids = sorted({row[2] for row in rows})
    cases = {}
    if ids:
        marks = ", ".join(f":c{i}" for i in range(len(ids)))
        for cid, title, number, themes in db.session.execute(text(
                "SELECT c.id, c.title, m.number, c.themes FROM case_study c "
                f"LEFT JOIN magazine_issue m ON m.id = c.issue_id WHERE c.id IN ({marks})"),
                {f"c{i}": v for i, v in enumerate(ids)}):
            cases[cid] = (title, number, tuple(sorted(codes_of(themes))))
    hits = []
    for kind, ref_id, cid, marked, *cut in rows:
        title, number, themes = cases[cid]
        pieces = snippet(marked or "")
        if cut and cut[0] and pieces[:1] != (("…", False),):  # a part from within the text: the snippet says so
            pieces = (("…", False), *pieces)
        hits.append(Hit(kind=kind, case_study_id=cid, question_id=ref_id if kind == "question" else None,
                        title=title, issue_number=number, themes=themes, snippet=pieces))
    return hits


def snippet(marked: str, width: int = SNIPPET_WIDTH) -> tuple[tuple[str, bool], ...]:
    """A window of about `width` characters around the first match of a marked text, as (text, matched) pieces."""
    first = marked.find(MARK_START)
    start = max(0, first - width // 3) if first > 0 else 0
    if start:
        space = marked.rfind(" ", 0, start)
        start = space + 1 if space > 0 else start
        # Never start inside a marked match.
        if marked.rfind(MARK_START, 0, start) > marked.rfind(MARK_END, 0, start):
            start = marked.rfind(MARK_START, 0, start)
    end = start + width
    if end < len(marked):
        # Never cut a marked match in two: carry on to its end.
        if marked.rfind(MARK_START, 0, end) > marked.rfind(MARK_END, 0, end):
            end = marked.find(MARK_END, end) + 1
        else:
            space = marked.find(" ", end)
            end = space if space > 0 else end
    pieces: list[tuple[str, bool]] = [("…", False)] if start else []
    for n, part in enumerate(re.split(f"[{MARK_START}{MARK_END}]", marked[start:end])):
        if part:
            pieces.append((part, n % 2 == 1))
    if end < len(marked):
        pieces.append(("…", False))
    return tuple(pieces)
