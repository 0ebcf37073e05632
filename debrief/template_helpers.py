"""Template globals: role-aware navigation and small filters."""
from __future__ import annotations

from datetime import datetime

from flask import Flask, request, url_for
from flask_login import current_user

from debrief.auth.roles import Permission

# (permission, endpoint, text): shown to whoever holds the permission, in this order.
NAVIGATION = [
    (Permission.FILE_DEBRIEF, "main.officer_home", "My debriefs"),
    (Permission.REVIEW_INCIDENTS, "main.reviewer_home", "Reviews"),
    (Permission.WORK_ON_CASE_STUDIES, "main.learning_home", "Case studies"),
    (Permission.MANAGE_USERS, "admin.users", "Users"),
    (Permission.VIEW_AUDIT, "admin.audit", "Audit log"),
]


def navigation_items() -> list[dict]:
    if not current_user.is_authenticated:
        return []
    items = []
    for permission, endpoint, text in NAVIGATION:
        if current_user.can(permission):
            href = url_for(endpoint)
            items.append({"href": href, "text": text, "active": request.path.startswith(href)})
    return items


def format_datetime(value: datetime | None) -> str:
    if value is None:
        return ""
    return value.strftime("%-d %B %Y at %H:%M")


def init_template_helpers(app: Flask) -> None:
    app.add_template_global(navigation_items, "navigation_items")
    app.add_template_filter(format_datetime, "datetime")
