"""Every URL pattern of the project, and a concrete URL for each, built from the matrix's world."""

from collections.abc import Iterator
from dataclasses import dataclass

from django.contrib import admin
from django.db.models import Model
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from carepath.directory.ids import ORGANIZATION, SERVICE, hsds_id
from tests.authorization.world import World


@dataclass(frozen=True)
class Route:
    key: str  # the full route, e.g. "cases/<int:case_id>/": what the matrix is keyed by
    name: str | None  # with its namespace, e.g. "cases:case_detail"
    params: tuple[str, ...]


def all_routes() -> list[Route]:
    """Each distinct route once (a route registered twice is answered by the first)."""
    seen: dict[str, Route] = {}
    for route in _walk(get_resolver().url_patterns, "", None):
        seen.setdefault(route.key, route)
    return list(seen.values())


def _walk(patterns: list, prefix: str, namespace: str | None) -> Iterator[Route]:
    for p in patterns:
        if isinstance(p, URLResolver):
            inner = ":".join(n for n in (namespace, p.namespace) if n) or None
            yield from _walk(p.url_patterns, prefix + str(p.pattern), inner)
        elif isinstance(p, URLPattern):
            name = f"{namespace}:{p.name}" if namespace and p.name else p.name
            yield Route(prefix + str(p.pattern), name, tuple(p.pattern.regex.groupindex))


def _admin_models() -> dict[str, type[Model]]:
    """'admin:accounts_user_change' -> User, for every registered model and admin view."""
    names = {}
    for model in admin.site._registry:
        for view in ("changelist", "add", "history", "delete", "change"):
            names[f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}"] = model
    return names


def url_of(route: Route, world: World) -> str:
    """A real URL for the route, pointing at the world's objects."""
    if route.name is None:
        return _unnamed_admin_url(route)
    objects = {
        "case_id": world.case.pk,
        "signal_id": world.signal.pk,
        "deadline_id": world.deadline.pk,
        "consent_id": world.consent.pk,
        "goal_id": world.goal.pk,
        "step_id": world.step.pk,
        "attachment_id": world.attachment.pk,
        "savings_plan_id": world.savings_plan.pk,
        "evaluation_id": world.evaluation.pk,
        "referral_id": world.referral.pk,
        "person_id": world.case.person_id,
        # Stopping a proxy is tried on the expired one, so the other roles' answers do not depend on the order.
        "proxy_id": world.expired_proxy.pk if route.key.endswith("stop/") else world.proxy.pk,
        "uidb64": "MQ",
        "token": "set-password",
        "app_label": "accounts",
        "focus_group_id": world.focus_group.pk,
        "material_id": world.material.pk,
        "review_id": world.review.pk,
        "inquiry_id": world.inquiry.pk,
        "pilot_id": world.pilot.pk,
        "practice_id": world.practice.pk,
        "slug": "goal-attainment",
        "resource_type": "Goal",
        "resource_id": str(world.goal.pk),
        "hsds_service_id": hsds_id(SERVICE, world.referral.service_id),
        "hsds_organization_id": hsds_id(ORGANIZATION, world.referral.service.provider_id),
        "fmt": "pdf",
        "feed_token": world.feed_token,
        "meeting_id": world.meeting.pk if world.meeting else 0,
        "record_id": world.support_record.pk if world.support_record else 0,
        "match_id": world.support_match.pk if world.support_match else 0,
        "device_id": world.device.pk if world.device else 0,
        "write_id": world.offline_write.pk if world.offline_write else 0,
    }
    kwargs = {}
    for param in route.params:
        if param == "object_id":
            kwargs[param] = _first_pk(_admin_models().get(route.name))
        elif param == "content_type_id":
            from django.contrib.contenttypes.models import ContentType

            kwargs[param] = ContentType.objects.order_by("pk").values_list("pk", flat=True)[0]
        elif param == "id":  # the admin's password change of a user
            kwargs[param] = str(world.case.signal.received_by_id)
        else:
            kwargs[param] = objects[param]
    return reverse(route.name, kwargs=kwargs)


def _first_pk(model: type[Model] | None) -> str:
    first = model._default_manager.order_by("pk").values_list("pk", flat=True).first() if model else None
    return str(first or 0)


def _unnamed_admin_url(route: Route) -> str:
    """The admin's two unnamed routes: an object's short URL (redirects to its change page), and the catch-all."""
    assert route.key.startswith("admin/"), f"a route without a name outside the admin: {route.key}"
    if route.params == ("url",):
        return "/admin/no-such-page/"
    app_label, model_name = route.key.split("/")[1:3]
    model = next(m for m in admin.site._registry if (m._meta.app_label, m._meta.model_name) == (app_label, model_name))
    return f"/admin/{app_label}/{model_name}/{_first_pk(model)}/"
