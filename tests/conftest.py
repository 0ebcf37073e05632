"""Shared fixtures: a fresh migrated database and app per test, on SQLite or PostgreSQL (DEBRIEF_TEST_DB)."""
from __future__ import annotations

import gc
import os
import tempfile
from pathlib import Path

import pytest

# Set before the app is imported anywhere, so nothing is written under the real instance/.
_workdir = Path(tempfile.mkdtemp(prefix="debrief-tests-"))
os.environ["DEBRIEF_INSTANCE_PATH"] = str(_workdir / "instance")
os.environ.setdefault("SECRET_KEY", "test-secret-key-not-for-production")
os.environ.pop("DATABASE_URL", None)

from argon2.profiles import CHEAPEST  # noqa: E402

from debrief.auth import passwords  # noqa: E402
from debrief.auth.roles import Role  # noqa: E402
from debrief.extensions import db  # noqa: E402
from tests.support import compiled_once  # noqa: E402
from tests.support.apps import make_app  # noqa: E402
from tests.support.databases import DatabaseFactory  # noqa: E402
from tests.support.factories import create_user, one_user_per_role, two_forces  # noqa: E402
from tests.support.release_factories import named_people  # noqa: E402
from tests.support.shared_modules import SharedModules  # noqa: E402


passwords.use_parameters(CHEAPEST)
compiled_once.install()


def pytest_addoption(parser):
    parser.addoption("--database-tests-only", action="store_true",
                     help="run only the tests that use a database (the `databases` fixture, directly or through "
                          "`app`); the rest are deselected, and reported so. scripts/run-tests gives it to one of its "
                          "two runs: a test that never touches a database runs once, in the other.")
    parser.addoption("--share-modules-in", metavar="DIR", default=None,
                     help="with --shared-module: claim each shared module in DIR, which another run side by side is "
                          "given too, and run it only if this run claims it first (tests/support/shared_modules.py)")
    parser.addoption("--shared-module", action="append", default=[], metavar="PATH",
                     help="a test module (as in its test ids) that the runs given the same --share-modules-in share")


def pytest_collection_modifyitems(config, items):
    if config.getoption("database_tests_only"):
        free = [item for item in items if "databases" not in getattr(item, "fixturenames", ())]
        if free:
            config.hook.pytest_deselected(items=free)
            items[:] = [item for item in items if "databases" in getattr(item, "fixturenames", ())]
    if config.getoption("share_modules_in"):
        config._shared_modules = SharedModules(Path(config.getoption("share_modules_in")),
                                               set(config.getoption("shared_module")))
        config._shared_modules.order(items)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    shared = getattr(item.config, "_shared_modules", None)
    if shared is not None:
        shared.check(item)


def pytest_collection_finish(session):
    # The collected modules, the app's and the libraries' (hundreds of thousands of objects), live for the whole
    # run, yet the cyclic garbage collector walked them all again and again: a test builds an app, a database
    # session and pages, so it allocates enough to trigger many collections, and a full one costs tens of
    # milliseconds (half of creating an app). Frozen after collection, they are left out of every collection; the
    # youngest generation is collected every 10,000 allocations, not 700 (cycles made by a test are still freed).
    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, 20, 20)


def pytest_configure(config):
    config.addinivalue_line("markers", "template(name, fill, fixture=None): each test (that asks for `fixture`) "
                                       "starts from a copy of a database that fill() filled once "
                                       "(tests/support/databases.py)")


@pytest.fixture(scope="session")
def databases():
    factory = DatabaseFactory(_workdir)
    yield factory
    factory.close()


@pytest.fixture
def app(databases, request):
    # A test that asks for `demo_data` starts from a copy of a database seeded once with the demo, one that asks for
    # `people` from a copy of one holding the two forces and their people, made once by the same factories.
    # A module marked `template(name, fill)` starts each test from a copy of a database filled once by `fill()`
    # (with `fixture="data"`, only each test that asks for that fixture).
    names = request.fixturenames
    marker = request.node.get_closest_marker("template")
    if marker is not None and marker.kwargs.get("fixture", names[0]) not in names:
        marker = None
    if marker is not None:
        databases.add_template(*marker.args)
    app = make_app(databases.new_url(template=marker.args[0] if marker is not None else "demo" if "demo_data" in names
                                     else "people" if "people" in names else None))
    with app.app_context():
        yield app
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def empty_app(databases):
    """An app on a database with no tables (migration tests run Alembic on it)."""
    app = make_app(databases.empty_url())
    with app.app_context():
        yield app
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def demo_data(app, databases):
    """The demo data (`seed_demo()`, as `flask seed-demo` loads it) already in the test's database; its sign-ins."""
    return databases.demo_signins


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def forces(app):
    return two_forces()


@pytest.fixture
def people(forces):
    """One user per role in each of two forces, keyed like ('A', Role.ADMIN)."""
    return one_user_per_role(forces)


@pytest.fixture
def who(app):
    """The people, force and places of one incident (release_factories.named_people), for release tests."""
    return named_people()


@pytest.fixture
def learner(who):
    """A learning-team user in `who`'s force."""
    return create_user(force=who["force"], roles=[Role.LEARNING], name="Grace Okafor", email="grace@nsp.example")


@pytest.fixture(autouse=True)
def _fresh_drawing_cache():
    """Each test's database restarts ids, so a drawing cached under ("rca", 1, version) must not leak across."""
    from debrief.rca.render import render_cache
    from debrief.rca.service.summary import forget_kept
    from debrief.rca.views.graph import body_cache, fragment_cache

    kept = (render_cache, body_cache, fragment_cache)
    for cache in kept:
        cache.clear()
    forget_kept()
    yield
    for cache in kept:
        cache.clear()
    forget_kept()


@pytest.fixture(scope="session")
def smtp_server():
    """A real SMTP server (aiosmtpd) on 127.0.0.1, for the whole run; see tests/support/smtp.py."""
    from tests.support.smtp import SmtpServer

    with SmtpServer() as server:
        yield server


@pytest.fixture
def inbox(smtp_server, app):
    """The app sends to the test SMTP server; its inbox starts empty."""
    app.config.update(smtp_server.config())
    smtp_server.inbox.clear()
    return smtp_server.inbox
