"""What a report is computed over: organisation, unit, service, life domain and period.

The filter travels in the address as ids and dates only, never as a name or anything personal.
"""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from carepath.access import policy
from carepath.accounts.models import User
from carepath.core.choices import LifeDomain
from carepath.core.forms import Form
from carepath.organisations.models import Organisation, Service, Unit


@dataclass(frozen=True)
class ReportFilter:
    date_from: datetime.date
    date_to: datetime.date
    organisation: Organisation | None = None
    unit: Unit | None = None
    service: Service | None = None
    life_domain: str = ""

    @property
    def days(self) -> int:
        return (self.date_to - self.date_from).days + 1

    def previous(self) -> "ReportFilter":
        """The same filter over the period of the same length just before this one."""
        date_to = self.date_from - datetime.timedelta(days=1)
        return replace(self, date_from=date_to - datetime.timedelta(days=self.days - 1), date_to=date_to)

    def describe(self) -> str:
        """The filter in words, printed above every report and on every export."""
        parts = [
            _("From %(from)s to %(to)s")
            % {"from": date_format(self.date_from, "DATE_FORMAT"), "to": date_format(self.date_to, "DATE_FORMAT")}
        ]
        if self.organisation is not None:
            parts.append(_("organisation: %(name)s") % {"name": self.organisation.name})
        if self.unit is not None:
            parts.append(_("unit: %(name)s") % {"name": self.unit.name})
        if self.service is not None:
            parts.append(_("service: %(name)s") % {"name": self.service.name})
        if self.life_domain:
            parts.append(_("life domain: %(name)s") % {"name": LifeDomain(self.life_domain).label})
        return "; ".join(parts)


def a_year_before(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def default_period() -> tuple[datetime.date, datetime.date]:
    """The last 12 months, up to and including today."""
    today = timezone.localdate()
    return a_year_before(today) + datetime.timedelta(days=1), today


class ReportFilterForm(Form):
    organisation = forms.ModelChoiceField(
        label=gettext_lazy("Organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=gettext_lazy("Every organisation I report on"),
    )
    unit = forms.ModelChoiceField(
        label=gettext_lazy("Unit"),
        queryset=Unit.objects.none(),
        required=False,
        empty_label=gettext_lazy("Every unit"),
    )
    service = forms.ModelChoiceField(
        label=gettext_lazy("Service"),
        queryset=Service.objects.none(),
        required=False,
        empty_label=gettext_lazy("Every service"),
    )
    life_domain = forms.ChoiceField(
        label=gettext_lazy("Life domain"),
        choices=[("", gettext_lazy("Every life domain")), *LifeDomain.choices],
        required=False,
    )
    date_from = forms.DateField(label=gettext_lazy("From"), required=False)
    date_to = forms.DateField(label=gettext_lazy("To"), required=False)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisations, units, services = filter_choices(user)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["service"].queryset = services  # type: ignore[attr-defined]
        date_from, date_to = default_period()
        self.fields["organisation"].initial = user.organisation_id
        self.fields["date_from"].initial = date_from
        self.fields["date_to"].initial = date_to

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_from > date_to:
            raise ValidationError({"date_to": _("The end of the period must be on or after its start.")})
        return cleaned

    def report_filter(self) -> ReportFilter:
        """The filter of a valid form; empty dates fall back to the last 12 months."""
        data = self.cleaned_data
        default_from, default_to = default_period()
        return ReportFilter(
            date_from=data.get("date_from") or default_from,
            date_to=data.get("date_to") or default_to,
            organisation=data.get("organisation"),
            unit=data.get("unit"),
            service=data.get("service"),
            life_domain=data.get("life_domain") or "",
        )


def filter_choices(user: User) -> tuple[QuerySet[Organisation], QuerySet[Unit], QuerySet[Service]]:
    """The organisations, units and services a user can narrow their reports to: their own and those
    their reportable cases touch (responsible unit, referred service). Names of teams, not people."""
    cases = policy.reportable_cases(user).values("pk")
    own = Q(pk=user.organisation_id) if user.organisation_id else Q(pk__in=[])
    organisations = Organisation.objects.filter(
        own | Q(units__cases__in=cases) | Q(services__referrals__case__in=cases)
    ).distinct()
    units = (
        Unit.objects.filter(Q(organisation_id=user.organisation_id) | Q(cases__in=cases))
        .select_related("organisation")
        .distinct()
    )
    services = (
        Service.objects.filter(Q(provider_id=user.organisation_id) | Q(referrals__case__in=cases))
        .select_related("provider")
        .distinct()
    )
    return organisations, units, services


def filter_from(user: User, data: Mapping[str, Any] | None) -> ReportFilter:
    """The filter for raw GET-like data (an empty mapping gives the defaults); ValidationError if invalid."""
    form = filter_form(user, data)
    if not form.is_valid():
        raise ValidationError(form.errors.as_data())  # type: ignore[arg-type]
    return form.report_filter()


def filter_form(user: User, data: Mapping[str, Any] | None) -> ReportFilterForm:
    """A bound form; without data it is bound to the defaults (the user's organisation, the last 12 months)."""
    if not data:
        date_from, date_to = default_period()
        data = {"organisation": user.organisation_id or "", "date_from": date_from, "date_to": date_to}
    return ReportFilterForm(data, user=user)
