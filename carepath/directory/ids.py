"""Stable HSDS identifiers: a UUID 5 over one namespace and the kind and key of the record.

HSDS 3.0 wants every `id` to be a UUID. The catalogue's rows have integer keys, so each HSDS id is
`uuid5(NAMESPACE, "<kind>:<key>")`: the same row always gets the same id, across requests, restarts
and exports, and nothing new is stored. A UUID 5 cannot be turned back into the key, so the
selectors find a record by computing the ids of the (small) catalogue; see docs/hsds.md.

An installation that publishes next to other Carepath installations (a regional directory merging
several municipalities) sets CAREPATH_HSDS_NAMESPACE to its own UUID so that its ids differ from
theirs; the default is the same everywhere.
"""

import uuid

from django.conf import settings

# = uuid5(NAMESPACE_URL, "urn:carepath:hsds"), written out so that it never changes with the code around it.
DEFAULT_NAMESPACE = uuid.UUID("7844abd5-1216-5574-8877-a0906af8ff11")

ORGANIZATION = "organization"
SERVICE = "service"
LOCATION = "location"
SERVICE_AT_LOCATION = "service_at_location"
ATTRIBUTE = "attribute"
TAXONOMY = "taxonomy"
TAXONOMY_TERM = "taxonomy_term"


def namespace() -> uuid.UUID:
    configured = getattr(settings, "CAREPATH_HSDS_NAMESPACE", "")
    return uuid.UUID(str(configured)) if configured else DEFAULT_NAMESPACE


def hsds_id(kind: str, key: object) -> str:
    """The HSDS id of the record of `kind` with primary key (or code) `key`."""
    return str(uuid.uuid5(namespace(), f"{kind}:{key}"))
