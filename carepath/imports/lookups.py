"""Finding what a row names by name: its case type, its unit, its case manager.

Loaded once per file, so that checking ten thousand rows costs a handful of queries.
"""

from collections import defaultdict

from django.utils.translation import gettext_lazy as _

from carepath.access.policy import AUTHORITY_ROLES
from carepath.accounts.models import User
from carepath.cases.models import CaseType
from carepath.imports.cells import Invalid
from carepath.imports.selectors import importable_units
from carepath.organisations.models import Organisation, Unit


class Lookups:
    def __init__(self, by: User) -> None:
        self.case_types = {case_type.name.casefold(): case_type for case_type in CaseType.objects.all()}
        self.units: dict[str, list[Unit]] = defaultdict(list)
        for unit in Unit.objects.select_related("organisation", "leader"):
            self.units[_key(unit.name)].append(unit)
            self.units[_key(f"{unit.organisation.name}: {unit.name}")].append(unit)
        self.allowed = set(importable_units(by).values_list("pk", flat=True))
        self._staff: dict[tuple[str, int], User | None] = {}

    def case_type(self, name: str) -> CaseType:
        found = self.case_types.get(name.strip().casefold())
        if found is None:
            known = ", ".join(sorted(case_type.name for case_type in self.case_types.values()))
            raise Invalid(
                _("Carepath has no case type of this name. The case types are: %(names)s.") % {"names": known}
            )
        return found

    def unit(self, name: str) -> Unit:
        """The unit by its name, or by "Organisation: Unit" when several organisations have one of that name."""
        found = self.units.get(_key(name), [])
        if not found:
            raise Invalid(_("Carepath has no unit of this name."))
        if len(found) > 1:
            raise Invalid(_("Several organisations have a unit of this name: write it as “Organisation: Unit”."))
        unit = found[0]
        if unit.organisation.kind != Organisation.Kind.AUTHORITY:
            raise Invalid(_("Cases belong to a unit of an authority; this unit belongs to a provider."))
        if unit.pk not in self.allowed:
            raise Invalid(_("You may not import into this unit: only its team leader or an administrator may."))
        return unit

    def case_manager(self, username: str, unit: Unit) -> User:
        """The named case worker or team leader of the unit's organisation; the unit's leader when none is named."""
        if not username:
            if unit.leader is None:
                raise Invalid(_("Name a case manager: the unit has no team leader to take the case."))
            return unit.leader
        key = (username.casefold(), unit.organisation_id)
        if key not in self._staff:
            self._staff[key] = User.objects.filter(
                username__iexact=username,
                is_active=True,
                role__in=AUTHORITY_ROLES,
                organisation_id=unit.organisation_id,
            ).first()
        found = self._staff[key]
        if found is None:
            raise Invalid(_("No active case worker or team leader of the unit's organisation has this user name."))
        return found


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()
