"""The label of every code an audit event records (a role, a status, an email's kind, a Patterns page...), each taken
from the one place that code is defined, so the audit log says "Root-cause analysis awaiting sign-off" and never
"rca awaiting sign off". audit/describe.py names which detail reads which vocabulary."""
from __future__ import annotations

from collections.abc import Mapping

from debrief import reference as ref
from debrief.analytics.filters import SOURCE_LABELS
from debrief.audit.categories import CATEGORY_LABELS
from debrief.analytics.pages import FIGURE_BY_KEY, PAGE_BY_KEY
from debrief.auth.roles import ROLE_LABELS
from debrief.debriefs.steps import STEP_BY_SLUG
from debrief.mail.messages import KIND_LABELS as EMAIL_KIND_LABELS
from debrief.models.mail import SubscriberStatus
from debrief.models.publication import RECOMMENDATION_STANCE_LABELS
from debrief.models.rca import ACTION_STATUS_LABELS, LEVELS, Strength
from debrief.models.use_of_force import IMPORT_RUN_STATUS_LABELS
from debrief.nationaldata.importer import ALL_OR_NOTHING, BATCHED
from debrief.publications import workflow
from debrief.rca import framework
from debrief.rca.downloads import DOWNLOAD_LABELS
from debrief.rca.graph import KIND_NAMES
from debrief.rca.report_sections import SECTION_HEADINGS


def _vocab(vocabulary: ref.Vocabulary) -> dict[str, str]:
    return {choice.code: choice.label for choice in vocabulary}


def _text(labels: Mapping) -> dict[str, str]:
    """Enum-keyed labels keyed by the stored text, as the audit's JSON holds them."""
    return {str(code): label for code, label in labels.items()}


ROLES = _text(ROLE_LABELS)
AUDIT_CATEGORIES = dict(CATEGORY_LABELS)
EMAIL_KINDS = dict(EMAIL_KIND_LABELS)
CASE_STUDY_STATUSES = _text(workflow.STATUS_LABELS)
CASE_STUDY_STEPS = {t.action: t.label for t in workflow.TRANSITIONS}
ACTION_STATUSES = _text(ACTION_STATUS_LABELS)
STRENGTHS = {str(s): s.label for s in Strength}
RCA_LEVELS = {level: level.capitalize() for level in LEVELS}
RCA_SECTIONS = dict(SECTION_HEADINGS)
GRAPH_ITEMS = dict(KIND_NAMES)
FACTOR_CATEGORIES = {c.code: c.name for c in framework.CATEGORIES} | {framework.UNCATEGORISED:
                                                                         framework.UNCATEGORISED_NAME}
DEBRIEF_STEPS = {slug: step.title for slug, step in STEP_BY_SLUG.items()}
DEBRIEF_KINDS = _vocab(ref.DEBRIEF_KINDS)
AUDIENCES = _vocab(ref.QUESTION_AUDIENCES)
STANCES = _text(RECOMMENDATION_STANCE_LABELS)
SUBSCRIPTION_STATUSES = {SubscriberStatus.PENDING.value: "Waiting for the reader to confirm",
                         SubscriberStatus.CONFIRMED.value: "Confirmed"}
IMPORT_STATUSES = _text(IMPORT_RUN_STATUS_LABELS)
IMPORT_MODES = {ALL_OR_NOTHING: "All or nothing", BATCHED: "Kept in batches as committed"}
PATTERNS_PAGES = {"overview": "Patterns overview"} | {key: page.title for key, page in PAGE_BY_KEY.items()}
PATTERNS_FIGURES = {key: spec.title for key, spec in FIGURE_BY_KEY.items()} | {
    "network-pairs": "What tends to go wrong together", "training-briefing-html": "Training briefing (web page)",
    "training-briefing-pdf": "Training briefing (PDF)"}
SOURCES = dict(SOURCE_LABELS)
THEMES = _vocab(ref.INCIDENT_TYPES)
POPULATION_DIMENSIONS = {"ethnicity": "Ethnicity", "age_band": "Age band", "sex": "Sex"}
POPULATION_GROUPS = _vocab(ref.ETHNICITIES) | _vocab(ref.AGE_BANDS) | _vocab(ref.SEXES)
RCA_DOWNLOADS = dict(DOWNLOAD_LABELS)
# What a refused request was answered with (error_pages.py records the status).
REFUSALS = {"403": "Refused: not allowed (403)", "404": "Refused as not found (404)", "400": "Refused: bad request (400)"}
