"""Fresh, migrated databases per test: a migrated template copied (SQLite) or cloned (PostgreSQL).

Two more templates are filled once per run, the first time a test asks for them, so the tests that start from them
copy them instead of filling them again each time: "demo" holds the demo data (`seed_demo()`, as `flask seed-demo`
loads it) and "people" the suite's two forces with one user per role (the `people` fixture's factories).
A test module can add its own the same way (`add_template`, through the `template` marker in tests/conftest.py): data
that each of its tests starts from and may change, made once and copied per test instead of made again per test."""
from __future__ import annotations

import itertools
import os
import shutil
from concurrent.futures import Future, ThreadPoolExecutor
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


def _fill(url: str, fill):
    """Run `fill()` in an app on the database at `url`, as a test's own call would, and return what it returns."""
    from debrief.extensions import db
    from tests.support.apps import make_app

    app = make_app(url)
    with app.app_context():
        made = fill()
        db.session.commit()
        db.session.remove()
        db.engine.dispose()
    return made


def _demo():
    from debrief.demo import seed_demo

    return seed_demo()


def _people():
    from tests.support.factories import one_user_per_role, two_forces

    one_user_per_role(two_forces())


FILLS = {"demo": _demo, "people": _people}


class DatabaseFactory:
    """Hands out empty databases at the migration head, or holding the demo data, cheaply."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.kind = backend()
        self.cluster: Cluster | None = None
        self.filled: dict[str, object] = {}  # template name -> what filling it returned
        self.fills = dict(FILLS)
        self.demo_signins = None  # what seed_demo() returned when the demo template was seeded
        self._ahead: dict[str, Future] = {}  # PostgreSQL: source database -> its next copy, being made
        self._background = ThreadPoolExecutor(max_workers=1, thread_name_prefix="database-copies")
        if self.kind == "postgresql":
            self.cluster = Cluster().start()
            self.cluster.execute("CREATE DATABASE debrief_template")
            upgrade_to_head(self.cluster.socket_url("debrief_template"))
        elif self.kind == "sqlite":
            self.template = workdir / "template.sqlite"
            upgrade_to_head(f"sqlite:///{self.template}")
        else:
            raise RuntimeError(f"Unknown DEBRIEF_TEST_DB {self.kind!r}")

    def add_template(self, name: str, fill) -> None:
        """A template made (the first time a test asks for it) by running `fill()` on an empty database at the head;
        what `fill()` returns (ids, not records: its session is gone) is kept in `filled[name]`."""
        if self.fills.setdefault(name, fill) is not fill:
            raise ValueError(f"Two different fills for the template {name!r}")

    def new_url(self, *, template: str | None = None) -> str:
        """A fresh database at the head: empty, or holding exactly what the named template's fill makes."""
        if template is not None and template not in self.filled:
            self._make_template(template)
        if self.cluster is not None:
            return self.cluster.socket_url(self._copy_of(f"debrief_{template or 'template'}"))
        n = next(_counter)
        path = self.workdir / f"test_{n}.sqlite"
        shutil.copyfile(self.workdir / f"{template}.sqlite" if template else self.template, path)
        return f"sqlite:///{path}"

    def _copy_of(self, source: str) -> str:
        """The name of a new copy of the PostgreSQL database `source`. Copying one (CREATE DATABASE ... TEMPLATE) is
        most of a short test's set-up on PostgreSQL, so the next copy of the same source is made in the background
        while the test runs; it is taken here when it is ready (a run ends with at most one unused copy a source)."""
        ahead = self._ahead.pop(source, None)
        name = ahead.result() if ahead is not None else self._create_copy(source)
        self._ahead[source] = self._background.submit(self._create_copy, source)
        return name

    def _create_copy(self, source: str) -> str:
        name = f"test_{next(_counter)}"
        self.cluster.execute(f"CREATE DATABASE {name} TEMPLATE {source}")
        return name

    def _make_template(self, name: str) -> None:
        if self.cluster is not None:
            self.cluster.execute(f"CREATE DATABASE debrief_{name} TEMPLATE debrief_template")
            self.filled[name] = _fill(self.cluster.socket_url(f"debrief_{name}"), self.fills[name])
        else:
            path = self.workdir / f"{name}.sqlite"
            shutil.copyfile(self.template, path)
            self.filled[name] = _fill(f"sqlite:///{path}", self.fills[name])
            # Every connection is closed, so the write-ahead log is checkpointed into the file copied per test.
            assert not Path(f"{path}-wal").exists()
        if name == "demo":
            self.demo_signins = self.filled[name]

    def empty_url(self) -> str:
        """A database with no tables at all, for migration tests."""
        n = next(_counter)
        if self.cluster is not None:
            self.cluster.execute(f"CREATE DATABASE empty_{n}")
            return self.cluster.socket_url(f"empty_{n}")
        return f"sqlite:///{self.workdir / f'empty_{n}.sqlite'}"

    def close(self) -> None:
        self._background.shutdown(wait=True, cancel_futures=True)
        if self.cluster is not None:
            self.cluster.stop()
