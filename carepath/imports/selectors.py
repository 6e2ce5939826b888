"""Who may import a caseload, and into which units.

Importing creates people and cases for a unit, so it is the decision of whoever answers for the
unit's caseload: its team leader, or an administrator setting Carepath up for any authority.
Cases belong to an authority's unit, never to a provider's. The page is refused (403) to anyone
else; a unit the user may not import into is an error on the row that names it.
"""

from django.db.models import QuerySet

from carepath.accounts.models import Role, User
from carepath.organisations.models import Organisation, Unit

IMPORTING_ROLES = (Role.ADMINISTRATOR, Role.TEAM_LEADER)


def may_import(user: User) -> bool:
    """Whether the user may open the import page at all."""
    return user.is_authenticated and user.is_active and user.role in IMPORTING_ROLES


def importable_units(user: User) -> QuerySet[Unit]:
    """The authority units `user` may import cases into: any for an administrator, those they lead
    for a team leader, none for anyone else."""
    if not may_import(user):
        return Unit.objects.none()
    units = Unit.objects.filter(organisation__kind=Organisation.Kind.AUTHORITY)
    if user.role == Role.ADMINISTRATOR:
        return units
    return units.filter(leader_id=user.pk)
