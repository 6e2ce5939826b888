from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from carepath.core.concurrency import Versioned
from carepath.organisations.authority import OfAuthority


class CaseType(models.Model):
    """A kind of case (e.g. child and family, adult disability) with its deadline rules."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("case type")

    def __str__(self) -> str:
        return self.name


class DeadlineRule(models.Model):
    """A legal or agreed time limit that starts when a signal of this case type arrives."""

    case_type = models.ForeignKey(
        CaseType, verbose_name=_("case type"), on_delete=models.CASCADE, related_name="deadline_rules"
    )
    label = models.CharField(_("what must be done"), max_length=200, help_text=_("e.g. Social information"))
    days = models.PositiveIntegerField(_("days after the signal arrives"))

    class Meta:
        ordering = ["days"]
        verbose_name = _("deadline rule")

    def __str__(self) -> str:
        return f"{self.label} ({self.days})"


class Signal(OfAuthority):
    """The signalling form: how a person's or household's situation reached the authority."""

    authority_from = "unit"
    authority_of_parent = "organisation_id"  # a unit's organisation is the authority

    class Status(models.TextChoices):
        NEW = "new", _("Waiting for triage")
        CASE_OPENED = "case_opened", _("Case opened")
        CLOSED = "closed", _("Closed without a case")

    class SignallerKind(models.TextChoices):
        CITIZEN = "citizen", _("The citizen")
        RELATIVE = "relative", _("A relative")
        SCHOOL = "school", _("School")
        HEALTH = "health", _("Health service")
        PROFESSIONAL = "professional", _("Other professional")
        POLICE = "police", _("Police")
        OTHER = "other", _("Other")

    received_at = models.DateTimeField(_("received at"))
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("received by"),
        on_delete=models.PROTECT,
        related_name="signals_received",
    )
    unit = models.ForeignKey(
        "organisations.Unit", verbose_name=_("responsible unit"), on_delete=models.PROTECT, related_name="signals"
    )
    case_type = models.ForeignKey(CaseType, verbose_name=_("case type"), on_delete=models.PROTECT)
    person = models.ForeignKey(
        "people.Person", verbose_name=_("person"), on_delete=models.PROTECT, related_name="signals"
    )
    household = models.ForeignKey(
        "people.Household",
        verbose_name=_("household"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="signals",
    )
    signaller_kind = models.CharField(_("who signals"), max_length=20, choices=SignallerKind.choices)
    signaller_name = models.CharField(_("name of who signals"), max_length=200, blank=True)
    signaller_contact = models.CharField(_("contact of who signals"), max_length=200, blank=True)
    problems = models.TextField(_("problems"))
    how_it_came_about = models.TextField(_("how the problems came about"), blank=True)
    who_intervened = models.TextField(_("who intervened"), blank=True)
    what_is_being_done = models.TextField(_("what is being done"), blank=True)
    other_professionals = models.TextField(_("other professionals involved"), blank=True)
    request = models.TextField(_("explanation of the request"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW)
    closed_reason = models.TextField(_("reason for closing"), blank=True)
    triaged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("triaged by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    triaged_at = models.DateTimeField(_("triaged at"), null=True, blank=True)

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("signal")
        indexes = [models.Index(fields=["unit", "status"])]

    def __str__(self) -> str:
        return _("Signal %(id)s") % {"id": self.pk}


class Case(OfAuthority, Versioned):
    authority_from = "unit"
    authority_of_parent = "organisation_id"  # a unit's organisation is the authority

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    class Outcome(models.TextChoices):
        GOALS_REACHED = "goals_reached", _("Goals reached")
        AUTONOMOUS = "autonomous", _("The person manages on their own")
        PARTLY = "partly", _("Goals partly reached")
        DECLINED = "declined", _("The person no longer wants the service")
        MOVED = "moved", _("Moved away")
        DIED = "died", _("Died")
        OTHER = "other", _("Other")

    signal = models.OneToOneField(Signal, verbose_name=_("signal"), on_delete=models.PROTECT, related_name="case")
    person = models.ForeignKey(
        "people.Person", verbose_name=_("person"), on_delete=models.PROTECT, related_name="cases"
    )
    household = models.ForeignKey(
        "people.Household",
        verbose_name=_("household"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cases",
    )
    case_type = models.ForeignKey(CaseType, verbose_name=_("case type"), on_delete=models.PROTECT)
    unit = models.ForeignKey(
        "organisations.Unit", verbose_name=_("responsible unit"), on_delete=models.PROTECT, related_name="cases"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    opened_at = models.DateTimeField(_("opened at"))
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    closure_reason = models.TextField(_("reason for closing"), blank=True)

    class Meta:
        ordering = ["-opened_at"]
        verbose_name = _("case")
        indexes = [
            # A unit's open (or closed) cases newest first: a team leader's caseload reads its page here.
            models.Index(fields=["unit", "status", "-opened_at", "-id"], name="cases_case_unit_newest_first"),
            # Newest-first lists across units (the keyset pages of a case worker's or provider's cases).
            models.Index(fields=["-opened_at", "-id"], name="cases_case_newest_first"),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_open(self) -> bool:
        return self.status == Case.Status.OPEN

    def get_absolute_url(self) -> str:
        return reverse("cases:case_detail", kwargs={"case_id": self.pk})

    @property
    def reference(self) -> str:
        # No name in references or URLs: a number is enough to find it and reveals nothing.
        return f"C-{self.pk:06d}"


class CaseTeamMember(OfAuthority):
    """A professional of any organisation working on the case; exactly one is case manager."""

    authority_from = "case"

    case = models.ForeignKey(Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="team")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("professional"),
        on_delete=models.PROTECT,
        related_name="case_memberships",
    )
    role_in_team = models.CharField(_("role in the team"), max_length=100, blank=True)
    is_case_manager = models.BooleanField(_("case manager"), default=False)
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        verbose_name = _("case team member")
        constraints = [
            models.UniqueConstraint(fields=["case", "user"], name="team_member_once_per_case"),
            models.UniqueConstraint(
                fields=["case"], condition=models.Q(is_case_manager=True), name="one_case_manager_per_case"
            ),
        ]

    def __str__(self) -> str:
        return str(self.user)


class Deadline(OfAuthority):
    """A time limit running from a signal (and then for its case); overdue ones show on dashboards."""

    authority_from = "signal"

    signal = models.ForeignKey(Signal, verbose_name=_("signal"), on_delete=models.CASCADE, related_name="deadlines")
    label = models.CharField(_("what must be done"), max_length=200)
    due_on = models.DateField(_("due on"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("done by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["due_on"]
        verbose_name = _("deadline")
        indexes = [models.Index(fields=["due_on", "done_on"])]

    def __str__(self) -> str:
        return f"{self.label}: {self.due_on}"
