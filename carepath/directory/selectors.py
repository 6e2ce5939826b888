"""Reading the service catalogue for the HSDS export.

The catalogue holds no personal data (privacy.registry.NO_PERSONAL_DATA), so nothing here goes
through the access policy and nothing is audited. What must never leave is the one link to people:
a unit's leader, a staff account. No query here selects or prefetches it.
"""

from django.db.models import Count, Prefetch, Q, QuerySet

from carepath.directory import ids
from carepath.organisations.models import Organisation, Service, Unit


def services(*, search: str = "", organization_id: str = "") -> QuerySet[Service]:
    """The catalogue's services with what one HSDS service needs, in a stable order."""
    qs = Service.objects.select_related("provider", "unit", "unit__organisation").order_by("name", "pk")
    if search:
        qs = qs.filter(Q(name__icontains=search) | Q(purpose__icontains=search))
    if organization_id:
        organisation = find_organisation(organization_id)
        qs = qs.filter(provider=organisation) if organisation else qs.none()
    return qs


def organisations(*, search: str = "") -> QuerySet[Organisation]:
    qs = Organisation.objects.order_by("name", "pk")
    if search:
        qs = qs.filter(name__icontains=search)
    return qs


def organisation_detail(organisation: Organisation) -> Organisation:
    """One organisation with its services and the units that deliver them (two more queries)."""
    return (
        Organisation.objects.filter(pk=organisation.pk)
        .prefetch_related(
            Prefetch("services", queryset=Service.objects.select_related("unit").order_by("name", "pk")),
            Prefetch(
                "units",
                queryset=Unit.objects.annotate(n=Count("services")).filter(n__gt=0).order_by("name", "pk"),
                to_attr="service_units",
            ),
        )
        .get()
    )


def find_service(hsds_id: str) -> Service | None:
    pk = _pk_of(ids.SERVICE, hsds_id, Service.objects.values_list("pk", flat=True))
    return services().filter(pk=pk).first() if pk is not None else None


def find_organisation(hsds_id: str) -> Organisation | None:
    pk = _pk_of(ids.ORGANIZATION, hsds_id, Organisation.objects.values_list("pk", flat=True))
    return Organisation.objects.filter(pk=pk).first() if pk is not None else None


def _pk_of(kind: str, hsds_id: str, pks: QuerySet) -> int | None:
    """The key whose UUID 5 is `hsds_id`: a UUID 5 cannot be reversed, so compute the catalogue's.

    A catalogue has hundreds of rows, not millions; one query of keys and a hash each.
    """
    wanted = hsds_id.lower()
    return next((pk for pk in pks.iterator() if ids.hsds_id(kind, pk) == wanted), None)
