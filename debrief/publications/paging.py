"""Paging and filter helpers shared by the public magazine's lists and the force response pages (the pages
themselves are `listing.Page`)."""
from __future__ import annotations

from flask import url_for

from debrief.publications import listing, reading
from debrief.publications.filters import Filters




def pagination(page: listing.Page, endpoint: str, filters: Filters) -> dict | None:
    """govukPagination params for a paged list, keeping the filters in each link."""
    if page.pages <= 1:
        return None

    def href(n: int) -> str:
        return url_for(endpoint, **filters.as_args(), page=n)

    numbers = sorted({1, page.pages, *range(max(1, page.page - 2), min(page.pages, page.page + 2) + 1)})
    items, previous = [], 0
    for n in numbers:
        if n - previous > 1:
            items.append({"ellipsis": True})
        items.append({"number": n, "href": href(n), "current": n == page.page})
        previous = n
    params: dict = {"items": items}
    if page.page > 1:
        params["previous"] = {"href": href(page.page - 1)}
    if page.page < page.pages:
        params["next"] = {"href": href(page.page + 1)}
    return params


def issue_options() -> list[tuple[int, str]]:
    """(number, label) of each published issue, for the issue filter."""
    return [(n, f"Issue {n}") for n in reading.issue_numbers()]
