"""The support register: material support an institution gave, and what of it leaves the institution.

`SupportRecord` holds the clear text and stays with its institution. `SupportEncoding` is what
leaves it (the record's opaque `link_key`, the kind, the month and a keyed Bloom-filter encoding;
docs/privacy-linkage.md). `SupportMatch` pairs two encodings of different institutions;
`SupportReview` is one institution's account of the conversation a match led to.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from carepath.core.concurrency import Versioned
from carepath.linkage.encoding import BYTES


class SupportKind(models.TextChoices):
    """Coarse on purpose: the kind is sent to the matcher in clear (docs/privacy-linkage.md)."""

    FOOD = "food", _("Food")
    CLOTHING = "clothing", _("Clothing")
    MONEY = "money", _("Money")
    HOUSING = "housing", _("Housing or rent")
    ENERGY = "energy", _("Energy bills")
    HOUSEHOLD = "household", _("Household goods")
    OTHER = "other", _("Other")


class SupportRecord(Versioned):
    """Support an institution gave to someone, as the institution recorded it. Seen by its staff only."""

    class Source(models.TextChoices):
        FORM = "form", _("Form")
        IMPORT = "import", _("CSV import")

    institution = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("institution"), on_delete=models.PROTECT, related_name="+"
    )
    given_names = models.CharField(_("given names"), max_length=100)
    family_names = models.CharField(_("family names"), max_length=100)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    kind = models.CharField(_("kind of support"), max_length=16, choices=SupportKind.choices)
    given_on = models.DateField(_("given on"))
    amount = models.DecimalField(_("amount"), max_digits=10, decimal_places=2, null=True, blank=True)
    unit = models.CharField(_("unit"), max_length=20, blank=True, help_text=_("For example EUR or parcels."))
    place = models.CharField(_("place"), max_length=200, blank=True)
    note = models.TextField(_("note"), blank=True)
    # Only when the institution already has the person in a case it may see (services.record_support checks).
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("person in Carepath"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    link_key = models.UUIDField(_("link key"), default=uuid.uuid4, unique=True, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"))
    source = models.CharField(_("source"), max_length=8, choices=Source.choices, default=Source.FORM)

    class Meta:
        verbose_name = _("support record")
        verbose_name_plural = _("support records")
        indexes = [models.Index(fields=["institution", "-recorded_at", "-id"], name="support_register_newest")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.given_on:%Y-%m-%d}"

    @property
    def period(self) -> str:
        return f"{self.given_on:%Y-%m}"


class SupportEncoding(models.Model):
    """What leaves the institution for one support record: no name, date of birth or address."""

    link_key = models.UUIDField(_("link key"), unique=True)
    institution = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("institution"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("kind of support"), max_length=16, choices=SupportKind.choices)
    period = models.CharField(_("month"), max_length=7, help_text=_("YYYY-MM"))
    clk = models.BinaryField(_("encoding"), max_length=BYTES)
    encoded_at = models.DateTimeField(_("encoded at"))

    class Meta:
        verbose_name = _("support encoding")
        verbose_name_plural = _("support encodings")

    def __str__(self) -> str:
        return f"{self.kind} {self.period}"


class SupportMatch(models.Model):
    """Two encodings of different institutions, same kind and month, alike enough to be one person."""

    left_key = models.UUIDField(_("first record's link key"))
    right_key = models.UUIDField(_("second record's link key"))
    left_institution = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("first institution"), on_delete=models.PROTECT, related_name="+"
    )
    right_institution = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("second institution"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("kind of support"), max_length=16, choices=SupportKind.choices)
    period = models.CharField(_("month"), max_length=7)
    score = models.FloatField(_("similarity"))
    found_at = models.DateTimeField(_("found at"))

    class Meta:
        verbose_name = _("support match")
        verbose_name_plural = _("support matches")
        constraints = [models.UniqueConstraint(fields=["left_key", "right_key"], name="support_match_once")]

    def __str__(self) -> str:
        return f"{self.kind} {self.period} ({self.score:.2f})"

    def side_of(self, institution_id: int | None) -> tuple[uuid.UUID, int]:
        """The link key of `institution_id`'s own record and the other institution's id."""
        if self.left_institution_id == institution_id:
            return self.left_key, self.right_institution_id
        return self.right_key, self.left_institution_id


class SupportReview(Versioned):
    """One institution's account of a match: a conversation about fairness, never a sanction."""

    class Outcome(models.TextChoices):
        NOT_SAME = "not_same", _("Not the same person")
        COMPLEMENTS = "complements", _("Same person: the support complements each other, nothing changes")
        AGREED = "agreed", _("Same person: we agreed with the person how the support is shared")
        PERSON_CHOSE = "person_chose", _("Same person: the person chose where to receive this support")
        NOT_TALKED = "not_talked", _("Not talked about yet")

    # The outcomes that follow a conversation with the person: what was said is written down.
    SAME_PERSON = (Outcome.COMPLEMENTS, Outcome.AGREED, Outcome.PERSON_CHOSE)

    match = models.ForeignKey(
        SupportMatch, verbose_name=_("match"), on_delete=models.CASCADE, related_name="reviews"
    )
    institution = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("institution"), on_delete=models.PROTECT, related_name="+"
    )
    record = models.ForeignKey(
        SupportRecord, verbose_name=_("own support record"), on_delete=models.CASCADE, related_name="reviews"
    )
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices)
    conversation = models.TextField(_("the conversation"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reviewed by"), on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("reviewed at"))

    class Meta:
        verbose_name = _("support match review")
        verbose_name_plural = _("support match reviews")
        constraints = [models.UniqueConstraint(fields=["match", "institution"], name="support_review_once")]
