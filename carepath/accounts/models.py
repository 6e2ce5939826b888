from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CASE_WORKER = "case_worker", _("Case worker")
    PROVIDER_STAFF = "provider_staff", _("Provider staff")
    TEAM_LEADER = "team_leader", _("Team leader")
    QUALITY_COORDINATOR = "quality_coordinator", _("Quality coordinator")
    ADMINISTRATOR = "administrator", _("Administrator")
    CITIZEN = "citizen", _("Citizen or relative (portal only)")


STAFF_ROLES = tuple(r for r in Role if r is not Role.CITIZEN)


class User(AbstractUser):
    """A professional, or a citizen or relative using the portal.

    For staff, organisation and unit decide (with the access policy) what they see. A portal
    account may belong to a person (the citizen's own file) and may hold proxies for others.
    """

    role = models.CharField(_("role"), max_length=32, choices=Role.choices, default=Role.CASE_WORKER)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
    )
    unit = models.ForeignKey(
        "organisations.Unit",
        verbose_name=_("unit"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="staff",
    )

    person = models.OneToOneField(
        "people.Person",
        verbose_name=_("the citizen this portal account belongs to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="portal_account",
    )

    # The national eID's stable identifier for this person (the claim CAREPATH_OIDC_SUBJECT_CLAIM
    # names). Set by an administrator; an eID login finds the account by it and never creates one.
    eid_subject = models.CharField(
        _("eID subject"),
        max_length=255,
        null=True,
        blank=True,
        unique=True,
        help_text=_("The identifier the national eID gives this person. Leave empty if they do not log in with eID."),
    )

    @property
    def is_citizen(self) -> bool:
        return self.role == Role.CITIZEN

    def __str__(self) -> str:
        return self.get_full_name() or self.username
