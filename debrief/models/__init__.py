"""Typed SQLAlchemy models, a file per entity; importing this registers them all."""
from debrief.models.analytics_summary import (
    DebriefSummary, DebriefSummaryChange, DebriefSummaryState, UseOfForceSummary, UseOfForceSummaryState,
)
from debrief.models.audit import AuditEvent
from debrief.models.base import utcnow
from debrief.models.debrief import Amendment, Debrief, DebriefTactic, Injury, TimelineEntry
from debrief.models.force import Force
from debrief.models.incident import Incident, IncidentOfficer, IncidentTheme, PublicPerson
from debrief.models.rca import (
    ChronologyEntry, RcaAction, RcaEvent, RcaLink, RcaNode, RcaRelease, Recommendation, RootCauseAnalysis,
)
from debrief.models.rca import RcaReportSection, RcaTeamMember
from debrief.models.publication import (
    Article, CaseStudy, CaseStudyEvent, ForceResponse, IssueFeedback, MagazineIssue, ReflectiveQuestion,
)
from debrief.models.signin import SignInAttempt
from debrief.models.use_of_force import UseOfForceImportRun, UseOfForceRecord, UseOfForceTactic
from debrief.models.user import User, UserRole
from debrief.models.wellbeing import SupportAcknowledgement
from debrief.models.debrief import ForceSubject
from debrief.models.force_figures import ForcePopulationShare, ForceYearFigures  # noqa: E402

__all__ = [
    "Article", "CaseStudy", "CaseStudyEvent", "ForceResponse", "IssueFeedback", "MagazineIssue",
    "ReflectiveQuestion",
    "Amendment", "AuditEvent", "ChronologyEntry", "Debrief", "DebriefSummary", "DebriefSummaryChange",
    "DebriefSummaryState", "DebriefTactic", "Force", "Incident",
    "IncidentOfficer", "IncidentTheme", "Injury", "PublicPerson", "RcaAction", "RcaEvent", "RcaLink", "RcaNode",
    "RcaRelease",
    "Recommendation", "RootCauseAnalysis", "SignInAttempt", "TimelineEntry", "UseOfForceImportRun", "UseOfForceRecord",
    "UseOfForceSummary", "UseOfForceSummaryState", "UseOfForceTactic", "User", "UserRole", "utcnow",
    "SupportAcknowledgement",
    "ForceSubject",
    "RcaReportSection", "RcaTeamMember",
    "ForcePopulationShare", "ForceYearFigures",
]
from debrief.models.reference_counter import ReferenceCounter  # noqa: E402

__all__ += ["ReferenceCounter"]
from debrief.models.mail import OutboxMessage, SubscribeAttempt, Subscriber  # noqa: E402

__all__ += ["OutboxMessage", "SubscribeAttempt", "Subscriber"]
from debrief.models.artefact import CachedArtefact  # noqa: E402

__all__ += ["CachedArtefact"]
from debrief.models.national_profile import (  # noqa: E402
    DebriefReflectionTopics, UseOfForceProfileState, UseOfForceProfileSummary,
)

__all__ += ["DebriefReflectionTopics", "UseOfForceProfileState", "UseOfForceProfileSummary"]
from debrief.models.content_version import ContentVersion  # noqa: E402

__all__ += ["ContentVersion"]
from debrief.models.submission import SubmissionToken  # noqa: E402

__all__ += ["SubmissionToken"]
