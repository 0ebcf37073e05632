"""Fresh, migrated databases per test: a migrated template copied (SQLite) or cloned (PostgreSQL)."""
from __future__ import annotations

import itertools
import os
import shutil
from pathlib import Path

from tests.support.postgres import Cluster

_counter = itertools.count()


def backend() -> str:
    return os.environ.get("DEBRIEF_TEST_DB", "sqlite")


def upgrade_to_head(url: str) -> None:
    from flask_migrate import upgrade

    from debrief import create_app
    from debrief.extensions import db

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "TESTING": True})
    with app.app_context():
        upgrade()
        db.engine.dispose()


class DatabaseFactory:
    """Hands out empty databases at the migration head, cheaply."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.kind = backend()
        self.cluster: Cluster | None = None
        if self.kind == "postgresql":
            self.cluster = Cluster().start()
            self.cluster.execute("CREATE DATABASE debrief_template")
            upgrade_to_head(self.cluster.url("debrief_template"))
        elif self.kind == "sqlite":
            self.template = workdir / "template.sqlite"
            upgrade_to_head(f"sqlite:///{self.template}")
        else:
            raise RuntimeError(f"Unknown DEBRIEF_TEST_DB {self.kind!r}")

    def new_url(self) -> str:
        n = next(_counter)
        if self.cluster is not None:
            self.cluster.execute(f"CREATE DATABASE test_{n} TEMPLATE debrief_template")
            return self.cluster.url(f"test_{n}")
        path = self.workdir / f"test_{n}.sqlite"
        shutil.copyfile(self.template, path)
        return f"sqlite:///{path}"

    def empty_url(self) -> str:
        """A database with no tables at all, for migration tests."""
        n = next(_counter)
        if self.cluster is not None:
            self.cluster.execute(f"CREATE DATABASE empty_{n}")
            return self.cluster.url(f"empty_{n}")
        return f"sqlite:///{self.workdir / f'empty_{n}.sqlite'}"

    def close(self) -> None:
        if self.cluster is not None:
            self.cluster.stop()
