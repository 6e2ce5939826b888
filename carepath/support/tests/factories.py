"""Staff of two institutions and support records, built through the services (which encode and audit)."""

import datetime
from typing import Any

from django.utils import timezone

from carepath.accounts.models import Role, User
from carepath.organisations.models import Organisation
from carepath.support import services
from carepath.support.models import SupportRecord
from carepath.testing import factories as f


def municipality_staff() -> User:
    return f.UserFactory.create()


def food_bank_staff() -> User:
    return f.UserFactory.create(role=Role.PROVIDER_STAFF, unit__organisation__kind=Organisation.Kind.CHARITY)


def colleague_of(user: User) -> User:
    return f.UserFactory.create(unit=user.unit)


def support(by: User, **changes: Any) -> SupportRecord:
    values: dict[str, Any] = {
        "given_names": "Ana", "family_names": "Ferreira", "birth_date": datetime.date(1984, 6, 12),
        "address": "12 Mill Lane", "kind": "food", "given_on": timezone.localdate(),
    }
    return services.record_support(by=by, **{**values, **changes})
