"""The REST API at /api/v1/ (django-ninja; OpenAPI at /api/v1/openapi.json). Each domain adds a router
in `carepath/api/routers/`; every read and write goes through the access policy and the audit log, as
in the UI."""

from ninja import NinjaAPI

from carepath.api import problems
from carepath.api.auth import TokenAuth
from carepath.api.routers import assessments, cases, consents, evaluations, goals, notes, people, plans, referrals

api = NinjaAPI(
    title="Carepath API",
    version="1",
    description="People, cases and their pathway. Authenticate with `Authorization: Bearer <token>` "
    "(`carepath token create USERNAME`). Errors are RFC 9457 problem details.",
    auth=TokenAuth(),
    urls_namespace="api",
    docs_url=None,  # no Swagger page: it would need scripts from outside; openapi.json serves any tool
)
problems.install(api)

for area in (cases, people, consents, assessments, goals, referrals, plans, notes, evaluations):
    api.add_router("/", area.router)
