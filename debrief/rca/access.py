"""Who is acting, and which RCA a request names: only the signed-in person's own force's, else 404.

The RCA comes with the incident, lead and signer joined; each collection a page reads (items, links, report, plan,
team, events, chronology, the incident's officers and debriefs) then costs one query, with the people in it by name
(their roles and a debrief's own answers are not loaded). Nothing is loaded one row at a time.
"""
from __future__ import annotations

from functools import cache

from flask import abort
from flask_login import current_user
from sqlalchemy import bindparam, inspect, select
from sqlalchemy.orm import joinedload, lazyload, load_only
from sqlalchemy.orm.attributes import set_committed_value

from debrief.auth.principal import SignedIn
from debrief.extensions import db
from debrief.models import (
    Debrief, Incident, IncidentOfficer, RcaEvent, RcaNode, RcaTeamMember, Recommendation, RootCauseAnalysis, User,
)


def current_actor() -> SignedIn:
    """The signed-in user (services take the actor as an argument; those that link them to a new record take
    auth.principal.acting_user())."""
    return current_user._get_current_object()


def _named(relationship):
    """A person shown by name: their force comes joined, their roles are not loaded."""
    return joinedload(relationship).lazyload(User.role_rows)


# A debrief's own answers: never shown on an RCA or review page that lists debriefs.
_DEBRIEF_CONTENT = (Debrief.subjects, Debrief.tactics, Debrief.injuries, Debrief.timeline, Debrief.amendments)


def incident_loads(path=None) -> list:
    """Options for an incident (itself, or at `path` under another entity) on the RCA and review pages: its
    collections load when a page reads them, each in one query, officers and debrief authors by name; a debrief's
    own answers, and the members of the public, only if read."""
    def step(strategy: str, rel):
        return getattr(path, strategy)(rel) if path is not None else globals()[strategy](rel)

    return [
        step("lazyload", Incident.theme_rows),
        step("lazyload", Incident.public),
        step("lazyload", Incident.officers).joinedload(IncidentOfficer.user).lazyload(User.role_rows),
        *(step("lazyload", Incident.debriefs).lazyload(rel) for rel in _DEBRIEF_CONTENT),
        step("lazyload", Incident.debriefs).lazyload(Debrief.incident),
        step("lazyload", Incident.debriefs).joinedload(Debrief.author).lazyload(User.role_rows),
        step("joinedload", Incident.reporter).lazyload(User.role_rows),
    ]


# The RCA's report sections and team come joined; its other collections load when a page reads them (one query
# each): a recommendation with its actions and the items it answers, an event with the person's name.
RCA_LOADS = (
    *incident_loads(joinedload(RootCauseAnalysis.incident)),
    _named(RootCauseAnalysis.lead),
    _named(RootCauseAnalysis.signed_off_by),
    lazyload(RootCauseAnalysis.recommendations).joinedload(Recommendation.actions),
    lazyload(RootCauseAnalysis.recommendations).joinedload(Recommendation.nodes),
    # Short lists every RCA page's layout or overview reads, joined to the RCA itself.
    joinedload(RootCauseAnalysis.sections),
    joinedload(RootCauseAnalysis.team).joinedload(RcaTeamMember.user).lazyload(User.role_rows),
    lazyload(RootCauseAnalysis.events).joinedload(RcaEvent.actor).lazyload(User.role_rows),
)


# For a page that shows the RCA's graph and its heading only (the graph page): the RCA with its incident and the
# person the layout names (who signed it off), joined; everything else loads only if read (a drawing not yet made,
# say). Who returned it is not shown there: the status says "Returned for changes" from the RCA's own columns.
_INCIDENT_HEADING = (Incident.id, Incident.reference, Incident.force_id, Incident.reporter_id)


def _by_name(relationship):
    """A person the page names, and nothing else of theirs."""
    return joinedload(relationship).options(load_only(User.id, User.name, User.force_id), lazyload("*"))


GRAPH_PAGE_LOADS = (
    lazyload("*"),
    joinedload(RootCauseAnalysis.incident).options(load_only(*_INCIDENT_HEADING), lazyload("*")),
    _by_name(RootCauseAnalysis.signed_off_by),
)


# For the overview: the RCA with its incident, the people it names (by name only) and its team joined; its history
# is service.history (one query of the columns shown); for the sign-off rule, the ids of the incident's officers and
# debriefs' authors (one query each) when read. The chronology and plan are counted, and the report's sections written
# found, by service.progress: none of them loaded.
def _overview_loads() -> tuple:
    incident = joinedload(RootCauseAnalysis.incident)
    return (
        lazyload("*"),
        incident.options(load_only(*_INCIDENT_HEADING), lazyload("*")),
        incident.lazyload(Incident.officers).lazyload("*"),
        incident.lazyload(Incident.debriefs).options(load_only(Debrief.author_id, Debrief.incident_id), lazyload("*")),
        *(_by_name(person) for person in (RootCauseAnalysis.lead, RootCauseAnalysis.signed_off_by,
                                          RootCauseAnalysis.returned_by)),
        joinedload(RootCauseAnalysis.team).options(lazyload("*"), _by_name(RcaTeamMember.user)),
    )


OVERVIEW_LOADS = _overview_loads()


@cache
def _rca_statement(loads: tuple):
    """The RCA by id with `loads`, built once per page kind (a reused statement skips SQLAlchemy's building)."""
    return select(RootCauseAnalysis).where(RootCauseAnalysis.id == bindparam("rca_id")).options(*loads)


def rca_of_force(rca_id: int, loads: tuple | None = None, *, graph: bool = True) -> RootCauseAnalysis:
    """The RCA of the signed-in user's force, with its items and links (unless `graph` is false: a page that shows
    only the graph's summary, service.graph_summary); another force's RCA looks as if it does not exist. `loads`:
    what comes with it (RCA_LOADS unless the page names less), one of this module's tuples."""
    rca = db.session.scalars(_rca_statement(loads or RCA_LOADS), {"rca_id": rca_id}).unique().first()
    if rca is None or rca.force_id != current_user.force_id:
        abort(404)
    if graph:
        load_graph(rca)
    return rca


@cache
def _graph_statement():
    return (select(RcaNode).where(RcaNode.rca_id == bindparam("rca_id")).order_by(RcaNode.id)
            .options(joinedload(RcaNode.links_out)))


def load_graph(rca: RootCauseAnalysis) -> None:
    """The RCA's items, each with the links out of it, in one statement: `rca.nodes` and `rca.links` are set from it
    (every RCA page reads both: the layout, the graph, the analysis)."""
    state = inspect(rca)
    if "nodes" not in state.unloaded and "links" not in state.unloaded:
        return
    nodes = db.session.scalars(_graph_statement(), {"rca_id": rca.id}).unique().all()
    set_committed_value(rca, "nodes", list(nodes))
    set_committed_value(rca, "links", sorted((link for node in nodes for link in node.links_out),
                                             key=lambda link: link.id))
