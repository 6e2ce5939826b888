from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class RetentionRule(models.Model):
    """How long one record type is kept after the matter ended, and what happens then.

    The clock starts when the case closed, or, for a signal closed without a case, when it was
    closed. Nothing of a person with an open case (or a signal waiting for triage) is ever touched.
    """

    class RecordType(models.TextChoices):
        PERSON = "person", _("Person: names, date of birth, contact (and their portal account)")
        HOUSEHOLD = "household", _("Household: name and address")
        SIGNAL = "signal", _("Signal: who signalled and what they said")
        CASE = "case", _("Case: reason for closing")
        CONSENT = "consent", _("Consents and their scanned documents")
        ASSESSMENT = "assessment", _("Assessments: descriptions, strengths, resources")
        GOAL = "goal", _("Goals: the citizen's words and the goal")
        STEP = "step", _("Steps of the plan")
        ATTACHMENT = "attachment", _("Supports of steps: pictures, videos, easy-read texts")
        SAVINGS = "savings", _("Savings plans and deposits")
        AGREEMENT = "agreement", _("Agreements and agreed actions")
        REFERRAL = "referral", _("Referrals: message and reason for declining")
        NOTE = "note", _("Progress notes")
        EVALUATION = "evaluation", _("Evaluation moments: the citizen's words and comments")
        QUALITY_OF_LIFE = "quality_of_life", _("Quality-of-life ratings of evaluation moments")
        FOCUS_GROUP = "focus_group", _("Focus groups: impressions, recommendations, who else took part")
        FOCUS_GROUP_MATERIAL = "focus_group_material", _("Photos and videos reviewed in focus groups")
        WISH = "wish", _("Wishes written in the portal")
        PROXY = "proxy", _("Proxies given to relatives")
        MEETING = "meeting", _("Network meetings: agenda, minutes, decisions, who took part")
        SUPPORT = "support", _("Support register: material support given (counted from the day it was given)")
        OFFLINE_WRITE = "offline_write", _("Changes made offline on home visits, as they arrived")

    class Action(models.TextChoices):
        ANONYMISE = "anonymise", _("Anonymise: blank names and free text, delete files, keep the rest")
        ERASE = "erase", _("Erase: delete the records and their files")

    record_type = models.CharField(_("record type"), max_length=20, choices=RecordType.choices, unique=True)
    years_after_case = models.PositiveSmallIntegerField(_("years after the case closed"))
    years_after_signal = models.PositiveSmallIntegerField(
        _("years after a signal closed without a case"),
        null=True,
        blank=True,
        help_text=_("Only for records that exist before a case: persons, households, signals, proxies."),
    )
    action = models.CharField(_("then"), max_length=10, choices=Action.choices)
    why = models.TextField(_("why this period"), blank=True, help_text=_("The law or reason behind it."))

    class Meta:
        ordering = ["record_type"]
        verbose_name = _("retention rule")

    def __str__(self) -> str:
        return str(self.get_record_type_display())

    def clean(self) -> None:
        # Imported here: the specs import this model.
        from carepath.privacy.retention import SPECS

        spec = SPECS[self.RecordType(self.record_type)]
        if self.action == self.Action.ERASE and not spec.erasable:
            raise ValidationError(
                {"action": _("These records are referenced by the audit log: they can only be anonymised.")}
            )
        if self.action == self.Action.ANONYMISE and not spec.blank:
            raise ValidationError({"action": _("These records have nothing to blank: they can only be erased.")})
