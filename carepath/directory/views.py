"""The Open Referral HSDS 3.0 API over the service catalogue, at /api/hsds/.

Public and read-only: the catalogue holds no personal data, so no token is asked for and nothing is
audited (docs/hsds.md). Paths and the "Page" object follow the HSDS API specification.
"""

import uuid
from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from carepath.api.problems import problem
from carepath.directory import hsds, selectors

M = TypeVar("M", bound=Model)
View = Callable[..., HttpResponse]

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200


def get_only(view: View) -> View:
    """GET (and HEAD) only; anything else is a 405 problem. Nothing here changes state, so no CSRF check."""

    @csrf_exempt
    @wraps(view)
    def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if request.method not in ("GET", "HEAD"):
            response = problem(405, "The HSDS export is read-only: use GET.")
            response["Allow"] = "GET, HEAD"
            return response
        return view(request, *args, **kwargs)

    return wrapper


@get_only
def api_root(request: HttpRequest) -> HttpResponse:
    return JsonResponse(hsds.api_root())


@get_only
def service_list(request: HttpRequest) -> HttpResponse:
    paging = _paging(request)
    if isinstance(paging, HttpResponse):
        return paging
    page_number, per_page = paging
    qs = selectors.services(
        search=request.GET.get("search", "").strip(),
        organization_id=request.GET.get("organization_id", "").strip(),
    )
    return _page(qs, hsds.service_summary, page_number, per_page)


@get_only
def service_detail(request: HttpRequest, hsds_service_id: uuid.UUID) -> HttpResponse:
    service = selectors.find_service(str(hsds_service_id))
    if service is None:
        return problem(404, "No service with this id.")
    return JsonResponse(hsds.service_full(service))


@get_only
def organization_list(request: HttpRequest) -> HttpResponse:
    paging = _paging(request)
    if isinstance(paging, HttpResponse):
        return paging
    page_number, per_page = paging
    qs = selectors.organisations(search=request.GET.get("search", "").strip())
    return _page(qs, hsds.organization, page_number, per_page)


@get_only
def organization_detail(request: HttpRequest, hsds_organization_id: uuid.UUID) -> HttpResponse:
    organisation = selectors.find_organisation(str(hsds_organization_id))
    if organisation is None:
        return problem(404, "No organization with this id.")
    return JsonResponse(hsds.organization_full(selectors.organisation_detail(organisation)))


def _paging(request: HttpRequest) -> tuple[int, int] | HttpResponse:
    """`page` (from 1) and `per_page` (1 to MAX_PER_PAGE) from the query, or a 400 problem."""
    try:
        page_number = int(request.GET.get("page", "1"))
        per_page = int(request.GET.get("per_page", str(DEFAULT_PER_PAGE)))
    except ValueError:
        return problem(400, "page and per_page must be whole numbers.")
    if page_number < 1 or not 1 <= per_page <= MAX_PER_PAGE:
        return problem(400, f"page must be 1 or more; per_page from 1 to {MAX_PER_PAGE}.")
    return page_number, per_page


def _page(qs: QuerySet[M], to_json: Callable[[M], hsds.Json], page_number: int, per_page: int) -> HttpResponse:
    total = qs.count()
    start = (page_number - 1) * per_page
    contents = [to_json(row) for row in qs[start : start + per_page]]
    return JsonResponse(hsds.page(contents, total_items=total, page_number=page_number, per_page=per_page))
