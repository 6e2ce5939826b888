"""The catalogue as Open Referral HSDS 3.0 objects (plain dicts, ready for JSON).

Mapping (docs/hsds.md has the table): Organisation -> organization, Service -> service, a Unit that
delivers services -> location (with one service_at_location per service), a life domain -> an
attribute with a taxonomy term of the "Carepath life domains" taxonomy. Only fields the catalogue
really has are filled: no address, phone, e-mail or schedule is made up. A unit's leader (a staff
account) is never read here.

Derived text is in English whatever the request's language: it is data for other systems, and the
names and purposes typed into the catalogue are exported as typed.
"""

from collections.abc import Iterable
from typing import Any

from django.utils import translation

from carepath.core.choices import FunctionalLevel, LifeDomain
from carepath.directory import ids
from carepath.organisations.models import Organisation, Service, Unit

HSDS_VERSION = "3.0"
LIFE_DOMAIN_LINK_TYPE = "life_domain"
TAXONOMY_NAME = "Carepath life domains"

Json = dict[str, Any]


def api_root() -> Json:
    """The answer of GET / in the HSDS API ("getAPIMetaInformation")."""
    return {
        "version": HSDS_VERSION,
        "description": (
            "The service catalogue of this Carepath installation (organizations, services and the teams "
            "that deliver them) in Open Referral HSDS 3.0. Public: it holds no personal data."
        ),
    }


def organization(org: Organisation) -> Json:
    """The one-to-one fields of an organisation, as in a page of organizations or inside a service."""
    with translation.override("en"):
        kind = str(Organisation.Kind(org.kind).label)
    return {
        "id": ids.hsds_id(ids.ORGANIZATION, org.pk),
        "name": org.name,
        # HSDS requires a description; the catalogue has only the kind of body.
        "description": kind,
    }


def organization_full(org: Organisation) -> Json:
    """An organisation with its locations and (one-to-one fields of) its services.

    `org` comes from selectors.organisation_detail (services and service_units prefetched).
    """
    return {
        **organization(org),
        "locations": [location(unit, org) for unit in getattr(org, "service_units", [])],
        "services": [_service_fields(s, org) for s in org.services.all()],
    }


def service_summary(service: Service) -> Json:
    """A service in a page of services: its one-to-one fields and its organization."""
    return {**_service_fields(service, service.provider), "organization": organization(service.provider)}


def service_full(service: Service) -> Json:
    """A fully nested service (GET /services/{id})."""
    data = service_summary(service)
    data["attributes"] = [_life_domain_attribute(service, code) for code in _known_domains(service.life_domains)]
    data["service_at_locations"] = [_service_at_location(service)] if service.unit is not None else []
    return data


def location(unit: Unit, org: Organisation) -> Json:
    """A unit that delivers services, as an HSDS location.

    Carepath keeps no address or coordinates for a unit, so the location has a name and a
    description only; the organisation's country, when set, is told in the description because
    an HSDS address needs a street, a city and a postal code that the catalogue does not have.
    """
    description = f"{unit.name}, a team of {org.name}. Carepath keeps no street address for it."
    if org.country:
        description += f" Country: {org.country}."
    return {
        "id": ids.hsds_id(ids.LOCATION, unit.pk),
        "location_type": "physical",
        "organization_id": ids.hsds_id(ids.ORGANIZATION, org.pk),
        "name": unit.name,
        "description": description,
    }


def page(contents: Iterable[Json], *, total_items: int, page_number: int, per_page: int) -> Json:
    """The HSDS API "Page" object around a list of results."""
    items = list(contents)
    total_pages = max(1, -(-total_items // per_page))
    return {
        "total_items": total_items,
        "total_pages": total_pages,
        "page_number": page_number,
        "size": len(items),
        "first_page": page_number == 1,
        "last_page": page_number >= total_pages,
        "empty": not items,
        "contents": items,
    }


def _service_fields(service: Service, provider: Organisation) -> Json:
    return {
        "id": ids.hsds_id(ids.SERVICE, service.pk),
        "organization_id": ids.hsds_id(ids.ORGANIZATION, provider.pk),
        "name": service.name,
        "description": service.purpose,
        "status": "active" if service.is_active else "inactive",
        "eligibility_description": _eligibility(service),
    }


def _eligibility(service: Service) -> str:
    with translation.override("en"):
        low = str(FunctionalLevel(service.level_min).label)
        high = str(FunctionalLevel(service.level_max).label)
    return f"People whose functional level (an ICF qualifier, never a diagnosis) is from '{low}' to '{high}'."


def _known_domains(codes: Iterable[str]) -> list[str]:
    known = set(LifeDomain.values)
    return [code for code in codes if code in known]


def _taxonomy() -> Json:
    return {
        "id": ids.hsds_id(ids.TAXONOMY, "life-domains"),
        "name": TAXONOMY_NAME,
        "description": "The life domains by which Carepath groups goals and services.",
    }


def _life_domain_attribute(service: Service, code: str) -> Json:
    with translation.override("en"):
        label = str(LifeDomain(code).label)
    taxonomy = _taxonomy()
    term_id = ids.hsds_id(ids.TAXONOMY_TERM, f"life-domains:{code}")
    return {
        "id": ids.hsds_id(ids.ATTRIBUTE, f"{service.pk}:{code}"),
        "link_id": ids.hsds_id(ids.SERVICE, service.pk),
        "link_type": LIFE_DOMAIN_LINK_TYPE,
        "link_entity": "service",
        "taxonomy_term_id": term_id,
        "taxonomy_term": {
            "id": term_id,
            "code": code,
            "name": label,
            "description": f"Life domain: {label}.",
            "taxonomy": TAXONOMY_NAME,
            "taxonomy_id": taxonomy["id"],
            "taxonomy_detail": taxonomy,
        },
    }


def _service_at_location(service: Service) -> Json:
    unit = service.unit
    assert unit is not None
    return {
        "id": ids.hsds_id(ids.SERVICE_AT_LOCATION, service.pk),
        "service_id": ids.hsds_id(ids.SERVICE, service.pk),
        "location_id": ids.hsds_id(ids.LOCATION, unit.pk),
        "location": location(unit, unit.organisation),
    }
