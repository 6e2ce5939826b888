"""Assertions about form pages: what a refused post must show."""

import re
from collections.abc import Iterable

from django.http import HttpResponse
from django.utils.html import escape


def assert_form_error(
    response: HttpResponse, field: str | None, message: str, *, kept: Iterable[str] = (), status: int = 400
) -> None:
    """The page answers `status` with `message` in the error summary and beside `field` (None: the form as a whole).

    `kept` are pieces of the page's HTML that show what was typed, e.g. 'value="Rita Vaz"'.
    """
    assert response.status_code == status
    body = response.content.decode()
    shown = escape(message)
    summary = re.search(r'<div class="govuk-error-summary".*?</ul>', body, re.DOTALL)
    assert summary and shown in summary[0], f"{message!r} is not in the error summary"
    if field is not None:
        beside = re.search(rf'<p id="{field}-error" class="govuk-error-message">(.*?)</p>', body, re.DOTALL)
        assert beside and shown in beside[1], f"{message!r} is not beside the field {field!r}"
    for html in kept:
        assert html in body, f"the input {html!r} is not kept"
