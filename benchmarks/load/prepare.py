"""Logins for the load test on a database that holds `carepath generate` data. Throwaway databases only.

Usage: DATABASE_URL=postgres://... .venv/bin/python benchmarks/load/prepare.py --out DIR/credentials.json
       [--staff 50] [--portal 200] [--seed S]

Staff: about one in ten are the synthetic municipality's team leaders (one per unit), one in five
provider staff, the rest case workers; each sees at least one open case. Staff sign in in two
steps, so each gets a confirmed authenticator with a fresh random key ("Load test authenticator");
the load test computes its codes. Their password is the generator's (CAREPATH_DEMO_PASSWORD or the demo default).

Portal: citizens with an open case that has goals get a portal account through
people.services.open_portal_account (audited, as a case worker would open it), all with one random
password chosen here.

The credentials file (user names, passwords, authenticator keys, and the ids of the cases and files
each may open) is written with mode 0600; keep it in a temporary folder and never commit it.
Running it again reuses the portal accounts, sets a new password and new authenticator keys.
"""

import argparse
import json
import os
import secrets
import sys
from collections.abc import Iterable, Iterator
from itertools import chain, zip_longest
from pathlib import Path
from typing import Any

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "carepath.settings.base")
    os.environ.setdefault("CAREPATH_DEBUG", "0")  # no query log in memory
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    import django

    django.setup()

from axes.models import AccessAttempt  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.db import transaction  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from carepath.access import policy  # noqa: E402
from carepath.accounts.models import Role, User  # noqa: E402
from carepath.cases.models import Case, CaseTeamMember  # noqa: E402
from carepath.demo.catalogue import demo_password  # noqa: E402
from carepath.organisations.models import Organisation  # noqa: E402
from carepath.people.services import open_portal_account  # noqa: E402

DEVICE_NAME = "Load test authenticator"
PORTAL_PREFIX = "load-portal-"
CASES_PER_USER = 20  # the case pages a staff user opens, among their most recent open cases
SYNTHETIC = "Synthetic municipality (seed "


def authority(seed: int | None) -> Organisation:
    """The synthetic municipality of `seed`, or the one with the most cases."""
    found = Organisation.objects.filter(kind=Organisation.Kind.AUTHORITY, name__startswith=SYNTHETIC)
    if seed is not None:
        found = found.filter(name=f"{SYNTHETIC}{seed})")
    org = max(found, key=lambda o: Case.objects.filter(unit__organisation=o).count(), default=None)
    if org is None:
        raise SystemExit("No synthetic municipality here: run `carepath generate --citizens N --seed S` first.")
    return org


def staff_logins(*, org: Organisation, count: int, password: str) -> list[dict[str, Any]]:
    """`count` staff of the municipality and its providers, each seeing at least one open case."""
    leaders = User.objects.filter(role=Role.TEAM_LEADER, unit__organisation=org).order_by("username")
    workers = User.objects.filter(role=Role.CASE_WORKER, organisation=org).order_by("username")
    # The generator names the providers after the municipality's seed: "Social services centres (seed S)".
    seed_suffix = org.name.removeprefix("Synthetic municipality")
    providers = Organisation.objects.filter(kind=Organisation.Kind.PROVIDER, name__endswith=seed_suffix)
    provider_staff = User.objects.filter(role=Role.PROVIDER_STAFF, organisation__in=providers).order_by("username")
    chosen: list[dict[str, Any]] = []
    sources = (  # about 1 in 10 team leaders (as many as there are), 1 in 5 provider staff, the rest case workers
        (leaders, max(1, count // 10)),
        (_by_unit(provider_staff), max(1, count // 5)),
        (_by_unit(workers), count),
    )
    for users, limit in sources:
        taken = 0
        for user in users:
            if len(chosen) == count or taken == limit:
                break
            login = _staff_login(user, password)
            if login["cases"]:
                chosen.append(login)
                taken += 1
    if len(chosen) < count:
        raise SystemExit(f"Only {len(chosen)} staff with open cases; generate more citizens.")
    return chosen


def _by_unit(users: Iterable[User]) -> Iterator[User]:
    """The users in turn from each unit, so every unit and provider takes part."""
    units: dict[int | None, list[User]] = {}
    for user in users:
        units.setdefault(user.unit_id, []).append(user)
    return (u for u in chain.from_iterable(zip_longest(*units.values())) if u is not None)


def _staff_login(user: User, password: str) -> dict[str, Any]:
    open_cases = policy.visible_cases(user).filter(status=Case.Status.OPEN)
    cases = list(open_cases.order_by("-opened_at", "-pk").values_list("pk", flat=True)[:CASES_PER_USER])
    # A light write: a progress note on an open case of the user's own team in their own organisation.
    own_team = CaseTeamMember.objects.filter(user=user).values("case_id")
    note_cases = list(
        open_cases.filter(pk__in=own_team, unit__organisation_id=user.organisation_id)
        .order_by("-opened_at", "-pk")
        .values_list("pk", flat=True)[:CASES_PER_USER]
    )
    return {"username": user.username, "password": password, "role": user.role, "cases": cases,
            "note_cases": note_cases, "pk": user.pk}


@transaction.atomic
def give_authenticators(logins: list[dict[str, Any]]) -> None:
    """A fresh, confirmed authenticator per login: the newest confirmed device is the one checked."""
    for login in logins:
        pk = login.pop("pk")
        TOTPDevice.objects.filter(user_id=pk, name=DEVICE_NAME).delete()
        device = TOTPDevice.objects.create(user_id=pk, name=DEVICE_NAME, confirmed=True)
        login["totp_key"] = device.key
        login["totp_step"], login["totp_digits"] = device.step, device.digits


@transaction.atomic
def portal_logins(*, org: Organisation, count: int, password: str) -> list[dict[str, Any]]:
    """`count` citizens with an open case that has goals, each with a portal account and `password`."""
    cases = (
        Case.objects.filter(unit__organisation=org, status=Case.Status.OPEN, goals__isnull=False)
        .select_related("person", "unit__leader")
        .distinct()
        .order_by("pk")
    )
    logins: list[dict[str, Any]] = []
    accounts: list[int] = []
    for case in cases.iterator(chunk_size=500):
        if len(logins) == count:
            break
        person = case.person
        account = User.objects.filter(person=person).first()
        if account is None:
            assert case.unit.leader is not None  # the generator gives each unit its team leader
            account, _link = open_portal_account(
                case=case, by=case.unit.leader, for_person=True, first_name=person.given_name,
                last_name=person.family_name, email="", username=f"{PORTAL_PREFIX}{person.pk}",
            )
        elif not account.username.startswith(PORTAL_PREFIX):
            continue  # someone else's account: leave it alone
        logins.append({"username": account.username, "password": password, "person_id": person.pk})
        accounts.append(account.pk)
    if len(logins) < count:
        raise SystemExit(f"Only {len(logins)} citizens with an open case and goals; generate more citizens.")
    # One hash for all: the server still checks it with the configured hasher at every login.
    User.objects.filter(pk__in=accounts).update(password=make_password(password), is_active=True)
    return logins


def prepare(*, staff: int, portal: int, seed: int | None = None) -> dict[str, Any]:
    """The logins, ready to use: staff with authenticators, citizens with portal accounts."""
    org = authority(seed)
    staff_password = demo_password()
    sample = User.objects.filter(role=Role.TEAM_LEADER, unit__organisation=org).first()
    if sample is None or not sample.check_password(staff_password):
        raise SystemExit("The staff password is not the generator's: set CAREPATH_DEMO_PASSWORD as at generation.")
    staff_list = staff_logins(org=org, count=staff, password=staff_password)
    give_authenticators(staff_list)
    portal_list = portal_logins(org=org, count=portal, password=secrets.token_urlsafe(18))
    # A lockout left by an earlier, failed run would refuse the login (django-axes).
    AccessAttempt.objects.filter(username__in=[login["username"] for login in chain(staff_list, portal_list)]).delete()
    return {"authority": org.name, "staff": staff_list, "portal": portal_list}


def write(credentials: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as out:
        json.dump(credentials, out, indent=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="Where to write the credentials (JSON, mode 0600).")
    parser.add_argument("--staff", type=int, default=50)
    parser.add_argument("--portal", type=int, default=200)
    parser.add_argument("--seed", type=int, default=None, help="The generated municipality (default: the largest).")
    args = parser.parse_args()
    credentials = prepare(staff=args.staff, portal=args.portal, seed=args.seed)
    write(credentials, args.out)
    roles: dict[str, int] = {}
    for login in credentials["staff"]:
        roles[login["role"]] = roles.get(login["role"], 0) + 1
    mix = ", ".join(f"{n} {role}" for role, n in sorted(roles.items()))
    print(f"{credentials['authority']}: {len(credentials['staff'])} staff ({mix}), "
          f"{len(credentials['portal'])} portal logins -> {args.out}")


if __name__ == "__main__":
    main()
