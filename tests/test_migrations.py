"""The schema comes only from migrations: head matches the models, and every revision goes down and up."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from debrief.config import ROOT
from debrief.extensions import db
from debrief.publications.search_index import INDEX_TABLE


def _revisions() -> list[str]:
    script = ScriptDirectory(str(ROOT / "migrations"))
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def test_upgrade_head_matches_the_models(empty_app):
    upgrade()
    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True, "render_as_batch": True})
        diff = compare_metadata(ctx, db.metadata)
    # The search index is made by its migration and written by SQL, never from a model: an FTS5 virtual table (and
    # its shadow tables) cannot be one. It is left out by name, and only it.
    index_tables = [d for d in diff if d[0] == "remove_table" and d[1].name.startswith(INDEX_TABLE)]
    index_indexes = [d for d in diff if d[0] == "remove_index" and d[1].table.name == INDEX_TABLE]
    assert index_tables, "the migration no longer creates the search index"
    diff = [d for d in diff if d not in index_tables and d not in index_indexes]
    assert diff == []


def test_each_revision_downgrades_and_upgrades_again(empty_app):
    revisions = _revisions()
    assert revisions, "no migrations found"
    for n, rev in enumerate(revisions):
        upgrade(revision=rev)
        downgrade(revision=revisions[n - 1] if n else "base")
        upgrade(revision=rev)
    downgrade(revision="base")
    assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}


def test_migration_files_are_date_prefixed():
    names = [p.name for p in (ROOT / "migrations" / "versions").glob("*.py")]
    assert names and all(name[:10].replace("_", "").isdigit() for name in names)


def test_migrating_prints_no_info_lines_but_warnings_still_show(empty_app, capfd):
    # `make run` and `make test` printed about 30 "INFO [alembic.runtime.migration] Running upgrade" lines.
    import logging
    upgrade()
    out, err = capfd.readouterr()
    assert "Running upgrade" not in out + err and "INFO" not in out + err
    logging.getLogger("alembic.runtime.migration").warning("a migration's warning")
    out, err = capfd.readouterr()
    assert "a migration's warning" in err
