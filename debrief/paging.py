"""The one ?page= rule of every paginated page: no ?page= is page 1; a page that is not a whole number (?page=abc,
?page=1.5) is no page at all (404); a page before the first or past the last (?page=0, ?page=99) sends the reader to
the first or the last page with the address corrected (302), never a silent page 1 under a wrong address."""
from __future__ import annotations

import re

from flask import abort, redirect, request, url_for
from werkzeug.wrappers import Response

# Digits only, with an optional minus: "-1" and "0" are numbers before the first page, not garbage.
_WHOLE_NUMBER = re.compile(r"-?[0-9]{1,9}")


def requested_page() -> int:
    """The ?page= asked for, as a number (possibly before the first page, or past the last); 404 when it is not a
    whole number."""
    text = request.args.get("page")
    if text is None:
        return 1
    if not _WHOLE_NUMBER.fullmatch(text.strip()):
        abort(404)
    return int(text)


def within(page: int) -> int:
    """The page to read while the number of pages is not yet known: never before the first."""
    return max(1, page)


def correct_page(page: int, pages: int) -> Response | None:
    """A redirect to the first or the last page when `page` is outside 1..`pages` (keeping the other arguments), or
    None when it is one of the pages. Only a GET is sent elsewhere: a refused form shown again stays where it is."""
    pages = max(1, pages)
    if 1 <= page <= pages or request.method != "GET":
        return None
    args = {k: kept for k, v in request.args.lists() if (kept := [x for x in v if x])}  # empty filters dropped
    target = 1 if page < 1 else pages
    if target == 1:
        args.pop("page", None)
    else:
        args["page"] = [str(target)]
    return redirect(url_for(request.endpoint, **(request.view_args or {}), **args))
