"""Debrief: learning from police incidents. create_app() builds the Flask application."""
from __future__ import annotations

from typing import Any, Mapping

from flask import Flask
from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader, PrefixLoader

from debrief.config import ROOT, Config, engine_options


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    base = Config()
    app = Flask(
        __name__,
        instance_path=base.INSTANCE_PATH,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
        # govuk-frontend's CSS refers to /assets/fonts/...
        static_url_path="/assets",
    )
    app.config.from_mapping(base.as_dict())
    if config:
        app.config.from_mapping(config)
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = engine_options(app.config["SQLALCHEMY_DATABASE_URI"],
                                                             app.config.get("SQLALCHEMY_ENGINE_OPTIONS") or {})

    app.jinja_loader = ChoiceLoader(
        [
            FileSystemLoader(str(ROOT / "templates")),
            PrefixLoader(
                {
                    "govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja"),
                    "govuk_frontend_wtf": PackageLoader("govuk_frontend_wtf"),
                }
            ),
        ]
    )
    app.jinja_env.autoescape = True

    _init_extensions(app)
    _register_blueprints(app)
    from debrief.database import init_database

    init_database(app)  # SQLite WAL + busy timeout, requests retried after a lock race
    _trust_proxies(app)

    from debrief.error_pages import init_errors
    from debrief.security import init_security
    from debrief.cli import init_cli
    from debrief.artefacts import init_artefacts
    from debrief.mail.cli import init_mail_cli
    from debrief.analytics.debrief_topics import watch_topics

    init_security(app)
    init_errors(app)
    init_cli(app)
    init_mail_cli(app)
    init_artefacts(app)  # drawings and PDFs shared by every worker and host, in the database
    watch_topics()  # each debrief's training topics, written with its answers (Training needs)
    from debrief.publications.page_cache import watch_magazine

    watch_magazine()  # every write to the magazine's content gives it a new version: its drawn pages are drawn again
    from debrief.once import init_app as init_once

    init_once(app)  # a create form sent twice lands where the first went
    return app


def _init_extensions(app: Flask) -> None:
    from govuk_frontend_wtf.main import WTFormsHelpers

    from debrief import models  # noqa: F401  (registers the tables)
    from debrief.extensions import csrf, db, login_manager, migrate

    db.init_app(app)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"), render_as_batch=True, compare_type=True)
    csrf.init_app(app)
    WTFormsHelpers(app)

    login_manager.init_app(app)
    login_manager.login_view = "auth.sign_in"
    login_manager.login_message = None
    login_manager.session_protection = "strong"

    from flask import session

    from debrief.auth.principal import load_signed_in

    @login_manager.user_loader
    def load_user(user_id: str):
        # Every page asks who is signed in and what they may do: one statement, read into a small immutable object.
        return load_signed_in(int(user_id), session.get("epoch", 0))

    from debrief.template_helpers import init_template_helpers

    init_template_helpers(app)


def _trust_proxies(app: Flask) -> None:
    """Behind TRUSTED_PROXIES reverse proxies, take the client's address and scheme from their X-Forwarded-* headers."""
    hops = int(app.config.get("TRUSTED_PROXIES") or 0)
    if hops > 0:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops, x_port=hops)


def _register_blueprints(app: Flask) -> None:
    from debrief.admin.views import bp as admin_bp
    from debrief.analytics.views import bp as patterns_bp
    from debrief.auth.views import bp as auth_bp
    from debrief.debriefs.views import bp as debriefs_bp
    from debrief.rca.views import bp as rca_bp
    from debrief.review.views import bp as review_bp
    from debrief.main.views import bp as main_bp
    from debrief.publications.public_views import bp as magazine_bp
    from debrief.publications.response_views import bp as responses_bp
    from debrief.publications.learning_views import bp as learning_bp
    from debrief.release.views import register as register_release

    app.register_blueprint(auth_bp)
    app.register_blueprint(main_bp)
    app.register_blueprint(admin_bp)
    app.register_blueprint(debriefs_bp)
    app.register_blueprint(review_bp)
    app.register_blueprint(rca_bp)
    app.register_blueprint(magazine_bp)
    app.register_blueprint(responses_bp)
    app.register_blueprint(learning_bp)
    register_release(app)  # the reviewer's release screen (endpoint rca.release) and the force's /released/
    app.register_blueprint(patterns_bp)
    from debrief.admin.national_views import bp as national_bp
    from debrief.publications.moderation_views import bp as moderation_bp
    from debrief.publications.withdrawal_views import bp as withdrawal_bp
    from debrief.wellbeing.views import bp as wellbeing_bp

    app.register_blueprint(national_bp)
    app.register_blueprint(moderation_bp)
    app.register_blueprint(withdrawal_bp)
    app.register_blueprint(wellbeing_bp)
    from debrief.debriefs.people_views import bp as debrief_people_bp
    app.register_blueprint(debrief_people_bp)
    from debrief.mail.views import bp as subscriptions_bp
    app.register_blueprint(subscriptions_bp)
