import pytest

from carepath.accounts.models import User
from carepath.audit.models import AuditEvent
from carepath.cases.models import Case
from carepath.testing import factories as f


@pytest.fixture
def case(db) -> Case:
    return f.CaseFactory.create()


@pytest.fixture
def worker(case: Case) -> User:
    """The case worker who manages the case."""
    return case.signal.received_by


@pytest.fixture
def audit_mark(db):
    """A function giving the audit entries written since the fixture was made, as (action, what, object, case)."""
    start = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0

    def written() -> list[tuple[str, str, int | None, int | None]]:
        rows = AuditEvent.objects.filter(pk__gt=start).order_by("pk")
        return list(rows.values_list("action", "what", "object_id", "case_id"))

    return written
