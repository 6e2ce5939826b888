"""How busy a service is: places taken (accepted referrals of open cases) and its waiting list
(pending referrals).

Counting them reads every referral the service ever had, which grows with the years: at a million
citizens a service has tens of thousands, and counting them beside each referral took most of the
case page's time (issue 6). The figures inform a choice (where to refer, whom to accept next), where
seconds-old figures serve as well as live ones. So each service's figures are kept in Django's cache
for LOAD_SECONDS, and a referral's own writes forget them (`forget`), so whoever changes a service's
load sees the change at once. With the default per-process cache another application process may
show figures up to LOAD_SECONDS old; a shared cache (CACHES) makes them one.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Q

from carepath.cases.models import Case
from carepath.referrals.models import Referral

LOAD_SECONDS = 30
IN_SERVICE = Q(status=Referral.Status.ACCEPTED, case__status=Case.Status.OPEN)
WAITING = Q(status=Referral.Status.PENDING)


@dataclass(frozen=True)
class Load:
    in_service: int
    waiting: int


def _key(service_id: int) -> str:
    return f"carepath:service-load:{service_id}"


def loads(service_ids: Iterable[int]) -> dict[int, Load]:
    """The load of each service: from the cache, the missing ones counted in one query."""
    wanted = sorted(set(service_ids))
    if not wanted:
        return {}
    cached = cache.get_many([_key(pk) for pk in wanted])
    found = {pk: cached[_key(pk)] for pk in wanted if _key(pk) in cached}
    missing = [pk for pk in wanted if pk not in found]
    if missing:
        counted = {pk: Load(0, 0) for pk in missing}
        rows = (
            Referral.objects.filter(WAITING | IN_SERVICE, service_id__in=missing)
            .order_by()
            .values("service_id")
            .annotate(in_service=Count("pk", filter=IN_SERVICE), waiting=Count("pk", filter=WAITING))
        )
        for row in rows:
            counted[row["service_id"]] = Load(row["in_service"], row["waiting"])
        cache.set_many({_key(pk): load for pk, load in counted.items()}, LOAD_SECONDS)
        found.update(counted)
    return found


def forget(*service_ids: int) -> None:
    """After a write that changes a service's load: count it again next time."""
    cache.delete_many([_key(pk) for pk in service_ids])
