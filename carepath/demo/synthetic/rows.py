"""A write buffer: rows get their primary key in Python, so children can point at parents before
anything is inserted, and each table is written parent-first with one prepared INSERT per batch.

bulk_create compiles every value of every row through the ORM, which took most of the time for
100,000 citizens; here a row is a plain record and each column is adapted once by the database
backend's own adapters (dates, aware datetimes, decimals), then sent with executemany.
"""

from collections.abc import Callable
from typing import Any

from django.core.management.color import no_style
from django.db import connection, models

from carepath.accounts.models import User
from carepath.agreements.models import AgreementAction, AgreementVersion
from carepath.assessments.models import Assessment
from carepath.audit import chain, log
from carepath.audit.models import AuditEvent
from carepath.cases.models import Case, CaseTeamMember, Deadline, Signal
from carepath.consents.models import Consent
from carepath.evaluations.models import EvaluationMoment, GoalAttainment
from carepath.goals.models import Goal
from carepath.notes.models import ProgressNote
from carepath.people.models import Household, Person
from carepath.plans.models import SavingsDeposit, SavingsPlan, Step, StepAttachment
from carepath.referrals.models import Referral, ReferralGoal

# Parents before children: the order in which a batch is written.
ORDER: tuple[type[models.Model], ...] = (
    Household, Person, Signal, Deadline, Case, CaseTeamMember, Consent, Assessment, Goal,
    AgreementVersion, AgreementAction, Referral, ReferralGoal, Step, StepAttachment, SavingsPlan,
    SavingsDeposit, ProgressNote, EvaluationMoment, GoalAttainment, AuditEvent,
)


class Row(dict[str, Any]):
    """One record by column attribute name (`case_id`, not `case`); changeable until written."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name: str, value: Any) -> None:
        self[name] = value

    @property
    def pk(self) -> int:
        return self["id"]  # type: ignore[no-any-return]


class _Table:
    """How to write one model: its columns, their defaults and the backend's value adapters."""

    def __init__(self, model: type[models.Model]) -> None:
        ops, quote = connection.ops, connection.ops.quote_name
        self.fields = [f for f in model._meta.concrete_fields]
        self.defaults = {f.attname: f.get_default() for f in self.fields}  # "" for text, else None
        self.adapters = [self._adapter(f, ops) for f in self.fields]
        columns = ", ".join(quote(str(f.column)) for f in self.fields)
        placeholders = ", ".join(["%s"] * len(self.fields))
        # Only quoted names from the model's metadata go into the text; values are parameters.
        self.sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608
        self.copy_sql = f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN"

    @staticmethod
    def _adapter(field: "models.Field[Any, Any]", ops: Any) -> Callable[[Any], Any] | None:
        if isinstance(field, models.DateTimeField):
            return ops.adapt_datetimefield_value  # type: ignore[no-any-return]
        if isinstance(field, models.DateField):
            return ops.adapt_datefield_value  # type: ignore[no-any-return]
        if isinstance(field, models.DecimalField):
            digits, places = field.max_digits, field.decimal_places
            return lambda value: ops.adapt_decimalfield_value(value, digits, places)
        return None

    def values(self, row: Row) -> list[Any]:
        out = []
        for field, adapt in zip(self.fields, self.adapters, strict=True):
            value = row[field.attname] if field.attname in row else self.defaults[field.attname]
            out.append(adapt(value) if adapt is not None and value is not None else value)
        return out


class Rows:
    """Collects rows per table and writes them in batches, in one transaction with the caller."""

    def __init__(self, batch_size: int) -> None:
        self.batch_size = batch_size
        self.tables = {model: _Table(model) for model in ORDER}
        self.next_pk = {model: (model._default_manager.aggregate(m=models.Max("pk"))["m"] or 0) + 1
                        for model in ORDER}
        self.pending: dict[type[models.Model], list[Row]] = {model: [] for model in ORDER}
        self.written: dict[type[models.Model], int] = dict.fromkeys(ORDER, 0)
        # Audit entries are chained in the order they are added (= id order), after the log's tail.
        self.audit_tail = log.locked_tail()

    def add(self, model: type[models.Model], **fields: Any) -> Row:
        """Queue one row, its primary key set; returns it so later steps can still change it."""
        pk = self.next_pk[model]
        self.next_pk[model] = pk + 1
        row = Row(fields, id=pk)
        self.pending[model].append(row)
        return row

    def audit(self, *, user_id: int, action: str, row: Row, what: str, at: Any,
              case_id: int | None, person_id: int | None, authority_id: int | None) -> None:
        """One audit entry for a record of the story, as the access policy would have written it
        (with the case's authority, which is not hashed)."""
        self.add(AuditEvent, at=at, user_id=user_id, action=action, what=what, object_id=row.pk,
                 case_id=case_id, person_id=person_id, authority_id=authority_id)

    def _chain_audit(self) -> None:
        prev = self.audit_tail
        for row in self.pending[AuditEvent]:
            row.prev_hash = prev
            row.hash = prev = chain.entry_hash(
                prev_hash=prev, at=row.at, user_id=row.user_id, action=row.action, what=row.what,
                object_id=row.object_id, case_id=row.case_id, person_id=row.person_id,
            )
        self.audit_tail = prev

    def flush(self) -> None:
        self._chain_audit()
        with connection.cursor() as cursor:
            for model in ORDER:
                rows, table = self.pending[model], self.tables[model]
                if rows and connection.vendor == "postgresql":
                    # PostgreSQL's bulk path: one COPY stream instead of a round trip per row.
                    with cursor.cursor.copy(table.copy_sql) as copy:
                        for row in rows:
                            copy.write_row(table.values(row))
                else:
                    for start in range(0, len(rows), self.batch_size):
                        batch = rows[start : start + self.batch_size]
                        cursor.executemany(table.sql, [table.values(r) for r in batch])
                self.written[model] += len(rows)
                self.pending[model] = []

    @staticmethod
    def reset_sequences() -> None:
        """PostgreSQL's sequences do not see explicit keys; move them past the rows just written."""
        statements = connection.ops.sequence_reset_sql(no_style(), [User, *ORDER])
        if statements:
            with connection.cursor() as cursor:
                for sql in statements:
                    cursor.execute(sql)
