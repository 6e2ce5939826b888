"""Seed 002: the same family receives food support from several institutions while others get none.

The municipality and the Rivertown Food Bank each keep a support register. Ana Ferreira is recorded
at both in the same month, with her family name mistyped at the food bank; matching the encodings
finds the pair, and both institutions see it on /support/matches/ as a reason to talk.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from carepath.cases.models import Case
from carepath.demo.world import World
from carepath.support import matching, services
from carepath.support.models import SupportKind


def support_register(w: World, tomas_case: Case) -> None:
    municipality, food_bank = w.users["teamleader"], w.users["foodbank"]
    today = timezone.localdate()
    first = today.replace(day=1)
    born, home = datetime.date(1984, 6, 12), "12 Mill Lane, Rivertown"
    services.record_support(
        by=municipality, given_names="Ana", family_names="Ferreira", kind=SupportKind.FOOD, given_on=first,
        amount=Decimal("60.00"), unit="EUR", place="Town hall, social desk",
        note="Food vouchers for the family of four.", birth_date=born, address=home,
    )
    services.record_support(
        by=municipality, given_names="Tomas", family_names="Vaitkus", birth_date=tomas_case.person.birth_date,
        kind=SupportKind.ENERGY, given_on=first, amount=Decimal("45.00"), unit="EUR",
        place="Town hall, social desk", person=tomas_case.person,
    )
    services.record_support(
        by=municipality, given_names="Marek", family_names="Kowalczyk", birth_date=datetime.date(1961, 2, 3),
        address="3 Station Road, Rivertown", kind=SupportKind.FOOD, given_on=first, amount=Decimal("40.00"),
        unit="EUR", place="Town hall, social desk",
    )
    services.record_support(
        by=food_bank, given_names="Ana", family_names="Fereira", kind=SupportKind.FOOD, given_on=today,
        amount=Decimal("2"), unit="parcels", place="Food bank, Church Street", birth_date=born, address=home,
    )
    services.record_support(
        by=food_bank, given_names="Yusuf", family_names="Demir", birth_date=datetime.date(1979, 11, 23),
        address="7 Bridge Street, Rivertown", kind=SupportKind.FOOD, given_on=today, amount=Decimal("1"),
        unit="parcels", place="Food bank, Church Street",
    )
    services.record_support(
        by=food_bank, given_names="Lina", family_names="Berg", kind=SupportKind.CLOTHING, given_on=today,
        place="Food bank, Church Street", note="Winter coats for two children.",
    )
    matching.run()
