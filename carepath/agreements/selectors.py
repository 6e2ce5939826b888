"""Reads of a case's agreement, from a case obtained through the access policy."""

from typing import Any

from carepath.agreements.models import AgreementVersion
from carepath.cases.models import Case


def history_of(case: Case) -> list[AgreementVersion]:
    """Every version of the agreement of `case`, newest first, with its actions."""
    return list(
        case.agreement_versions.select_related("accepted_by_staff").prefetch_related("actions").order_by("-number")
    )


def current_version(case: Case) -> AgreementVersion | None:
    """The version in force: the newest."""
    return case.agreement_versions.prefetch_related("actions").order_by("-number").first()


def actions_to_renegotiate(version: AgreementVersion | None) -> list[dict[str, Any]]:
    """The actions of `version` as rows of a new version, so that nothing is typed twice."""
    if version is None:
        return []
    return [{"who": a.who, "what": a.what, "by_when": a.by_when} for a in version.actions.all()]
