"""Fetch a page, check its status, parse its HTML, say what its form would send; sign in through the real form with CSRF on."""
from __future__ import annotations

from bs4 import BeautifulSoup
from flask.testing import FlaskClient
from werkzeug.datastructures import MultiDict

from tests.support.factories import PASSWORD


class Page:
    def __init__(self, response) -> None:
        self.response = response
        self.status = response.status_code
        self.html = BeautifulSoup(response.get_data(as_text=True), "html.parser")

    @property
    def title(self) -> str:
        return self.html.title.get_text(strip=True) if self.html.title else ""

    @property
    def h1(self) -> str:
        tag = self.html.find("h1")
        return tag.get_text(" ", strip=True) if tag else ""

    def text(self) -> str:
        return self.html.get_text(" ", strip=True)

    def error_summary(self) -> list[str]:
        box = self.html.select_one(".govuk-error-summary")
        return [a.get_text(strip=True) for a in box.select("a")] if box else []

    def csrf_token(self) -> str | None:
        field = self.html.find("input", attrs={"name": "csrf_token"})
        return field["value"] if field else None


def form_data(page: Page, **changes) -> MultiDict:
    """What the browser would send from the page's form, with `changes` typed over it."""
    form = page.html.select_one("main form[method=post]")
    data = MultiDict()
    for field in form.select("input, select, textarea"):
        name, kind = field.get("name"), field.get("type", "")
        if not name or (kind in ("checkbox", "radio") and not field.has_attr("checked")):
            continue
        if field.name == "select":
            chosen = field.select_one("option[selected]")
            data.add(name, chosen["value"] if chosen else "")
        elif field.name == "textarea":
            data.add(name, field.get_text())
        else:
            data.add(name, field.get("value", ""))
    for name, value in changes.items():
        data.setlist(name, value if isinstance(value, list) else [value])
    return data


def get_page(client: FlaskClient, url: str, *, status: int = 200) -> Page:
    response = client.get(url)
    assert response.status_code == status, f"GET {url}: {response.status_code}, expected {status}"
    return Page(response)


def post_form(client: FlaskClient, url: str, data: dict, *, status: int | None = None,
              form_page: str | None = None, follow: bool = False) -> Page:
    """Post like a browser: take the CSRF token from the form page first."""
    token = get_page(client, form_page or url).csrf_token()
    assert token, f"No CSRF token on {form_page or url}"
    response = client.post(url, data={**data, "csrf_token": token}, follow_redirects=follow)
    if status is not None:
        assert response.status_code == status, f"POST {url}: {response.status_code}, expected {status}"
    return Page(response)


def sign_in(client: FlaskClient, email: str, password: str = PASSWORD) -> Page:
    page = post_form(client, "/sign-in", {"email": email, "password": password})
    assert page.status == 302, f"Sign-in as {email} failed: {page.status} {page.error_summary()}"
    return page
