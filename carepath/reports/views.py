from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from carepath.core.views import staff_user
from carepath.reports import selectors
from carepath.reports.charts import bar_chart
from carepath.reports.filters import ReportFilterForm, filter_form


def index(request: HttpRequest) -> HttpResponse:
    """The reports a manager or quality coordinator can open, with the filter they will be made for."""
    user = staff_user(request)
    if not selectors.may_report(user):
        raise PermissionDenied()
    form = filter_form(user, request.GET)
    context = {"form": form, "reports": selectors.REPORTS.values(), "query": filter_query(form)}
    return render(request, "reports/index.html", context)


def report(request: HttpRequest, slug: str) -> HttpResponse:
    """One report: every table with its chart, and the voices beside the numbers."""
    user = staff_user(request)
    kind = selectors.report_kind(user, slug)
    form = filter_form(user, request.GET)
    built = None
    if form.is_valid():
        built = selectors.report_for(slug, user, form.report_filter())
    context = {
        "form": form,
        "kind": kind,
        "report": built,
        "tables": [(table, bar_chart(table)) for table in built.tables] if built else [],
        "query": filter_query(form),
    }
    return render(request, "reports/report.html", context)


def filter_query(form: ReportFilterForm) -> str:
    """The filter for links between report pages: only the form's own fields (ids and dates)."""
    return urlencode({name: form.data[name] for name in form.fields if form.data.get(name)})
