"""The qualitative voice beside the numbers: citizens' own words and focus-group findings, never a name."""

from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from carepath.evaluations.models import EvaluationMoment
from carepath.goals.models import Goal
from carepath.learning.selectors import findings_for
from carepath.reports.scope import Scope
from carepath.reports.tables import Voice

QUOTES_OF_EACH_KIND = 5


@dataclass(frozen=True)
class Quoted:
    """Which record a quote came from, for the audit log (ids only)."""

    what: str
    object_id: int
    case_id: int
    person_id: int


def citizens_words(scope: Scope) -> tuple[list[Voice], list[Quoted]]:
    """The latest words of citizens at evaluation moments held in the period, and in goals set in it."""
    moments = (
        EvaluationMoment.objects.filter(case__in=scope.domain_cases.values("pk"), held_on__range=scope.period)
        .exclude(citizen_words="")
        .order_by("-held_on", "-pk")
        .values("pk", "case_id", "case__person_id", "held_on", "citizen_words")[:QUOTES_OF_EACH_KIND]
    )
    goals = (
        scope.goals.filter(created_at__gte=scope.start, created_at__lt=scope.end)
        .exclude(citizen_words="")
        .order_by("-created_at", "-pk")
        .values("pk", "case_id", "case__person_id", "life_domain", "citizen_words")[:QUOTES_OF_EACH_KIND]
    )
    domains = dict(Goal._meta.get_field("life_domain").choices or [])
    voices, quoted = [], []
    for m in moments:
        source = _("Evaluation moment, %(date)s") % {"date": date_format(m["held_on"] or "", "SHORT_DATE_FORMAT")}
        voices.append(Voice(text=m["citizen_words"].strip(), source=source))
        quoted.append(Quoted(EvaluationMoment._meta.label_lower, m["pk"], m["case_id"], m["case__person_id"]))
    for g in goals:
        source = _("A goal in their own words (%(domain)s)") % {"domain": domains.get(g["life_domain"], "")}
        voices.append(Voice(text=g["citizen_words"].strip(), source=source))
        quoted.append(Quoted(Goal._meta.label_lower, g["pk"], g["case_id"], g["case__person_id"]))
    return voices, quoted


def report_voices(scope: Scope) -> tuple[list[Voice], list[Quoted]]:
    """Citizens' words, then what focus groups with these citizens found in the same period."""
    voices, quoted = citizens_words(scope)
    findings = findings_for(scope.domain_cases, scope.date_from, scope.date_to)
    return voices + findings, quoted
