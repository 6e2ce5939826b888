"""Staff and citizens using Carepath at once: the load test's users (locust).

Each user signs in once, the real way: the login form with its CSRF token, then (staff) the
6-digit code of the authenticator that benchmarks/load/prepare.py gave them, computed here. After
signing in each user opens each of its pages once, then picks pages at random, waiting
CAREPATH_LOAD_WAIT seconds ("1,5" by default) between them.

- StaffUser: the dashboard, the case list, the page of a case they can see and, now and then, a
  progress note on a case of their own team (case workers only).
- PortalUser: their own file's home, goals, plan and notes pages.

Every page must answer 200, without a redirect: a redirect to the login page counts as a failure,
and so does a refused login (the user then stops).

The server is addressed as if through a TLS-terminating reverse proxy, as in production: each
request carries X-Forwarded-Proto: https (SECURE_PROXY_SSL_HEADER), posts carry the matching Origin,
and the Secure cookies that production settings set are sent back over the plain-HTTP connection.

Needs CAREPATH_LOAD_CREDENTIALS: the JSON file written by prepare.py. The numbers of users of each
kind are the numbers of logins in it (locust's fixed_count): run with -u staff + portal.
"""

import hashlib
import hmac
import json
import os
import random
import re
import time
from collections.abc import Callable
from http.cookiejar import Cookie
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from locust import HttpUser, between, task
from locust.exception import StopUser
from requests.cookies import RequestsCookieJar

CREDENTIALS = json.loads(Path(os.environ["CAREPATH_LOAD_CREDENTIALS"]).read_text(encoding="utf-8"))
WAIT_MIN, WAIT_MAX = (float(s) for s in os.environ.get("CAREPATH_LOAD_WAIT", "1,5").split(","))
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
NOTE_TEXT = "Load test: we talked about the next step and agreed to meet again next week."


def totp(key_hex: str, *, step: int = 30, digits: int = 6) -> str:
    """The code an authenticator app shows now for this key (RFC 6238 with SHA-1, as django-otp)."""
    counter = int(time.time()) // step
    mac = hmac.new(bytes.fromhex(key_hex), counter.to_bytes(8, "big"), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    value = int.from_bytes(mac[offset : offset + 4], "big") & 0x7FFFFFFF
    return str(value % 10**digits).zfill(digits)


class CarepathUser(HttpUser):
    abstract = True
    wait_time = between(WAIT_MIN, WAIT_MAX)
    logins: list[dict[str, Any]] = []  # each login is used by one user only (codes work once)

    def on_start(self) -> None:
        if not self.logins:
            raise StopUser()  # more users than logins: run with -u staff + portal
        self.login = self.logins.pop(0)
        origin = f"https://{urlsplit(self.host or '').netloc}"
        self.client.headers.update({"X-Forwarded-Proto": "https"})
        self.post_headers = {"Origin": origin}
        self.client.cookies = BrowserBehindTlsJar()
        self.sign_in()
        for page in self.tour():
            page()

    def tour(self) -> list[Any]:
        """The pages this kind of user opens once after signing in (StaffUser, PortalUser say which)."""
        raise NotImplementedError  # abstract: this base class is never run (`abstract = True`)

    def sign_in(self) -> None:
        """Sign in the way this kind of user does (StaffUser adds the two-step code)."""
        raise NotImplementedError  # abstract, as tour()

    def page(self, path: str, name: str) -> str:
        """GET a page that must answer 200 as it is: a redirect (to the login, say) is a failure."""
        with self.client.get(path, name=name, allow_redirects=False, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code} {response.headers.get('Location', '')}")
            return response.text or ""

    def post(self, path: str, name: str, fill: Callable[[], dict[str, str]], *, expect: str) -> bool:
        """Open the form at `path`, fill it in (once it is shown) and post it with its CSRF token; the
        answer must redirect to a URL starting with `expect`."""
        token = csrf_token(self.page(path, name=f"{name} (form)"))
        data = {"csrfmiddlewaretoken": token, **fill()}
        with self.client.post(path, data=data, name=name, headers=self.post_headers, allow_redirects=False,
                              catch_response=True) as response:
            location = response.headers.get("Location", "")
            if response.status_code != 302 or not location.startswith(expect):
                response.failure(f"{response.status_code}, to {location or 'nowhere'}")
                return False
            return True

    def password_step(self, *, next_url: str, expect: str) -> None:
        data = {"username": self.login["username"], "password": self.login["password"], "next": next_url}
        if not self.post(f"/accounts/login/?next={next_url}", "login", lambda: data, expect=expect):
            raise StopUser()


class StaffUser(CarepathUser):
    fixed_count = len(CREDENTIALS["staff"])
    logins = list(CREDENTIALS["staff"])

    def sign_in(self) -> None:
        self.password_step(next_url="/", expect="/accounts/two-factor/")
        key, step, digits = self.login["totp_key"], self.login["totp_step"], self.login["totp_digits"]

        def code() -> dict[str, str]:  # read off the app once the page asks for it, as a person does
            return {"code": totp(key, step=step, digits=digits), "next": "/"}

        if not self.post("/accounts/two-factor/?next=/", "two-step code", code, expect="/"):
            raise StopUser()

    def tour(self) -> list[Any]:
        return [self.dashboard, self.case_list, self.case_page, self.progress_note]

    @task(3)
    def dashboard(self) -> None:
        self.page("/", name="dashboard")

    @task(2)
    def case_list(self) -> None:
        self.page("/cases/", name="case list")

    @task(4)
    def case_page(self) -> None:
        self.page(f"/cases/{random.choice(self.login['cases'])}/", name="case page")

    @task(1)
    def progress_note(self) -> None:
        if not self.login["note_cases"]:
            return self.case_page()
        case_id = random.choice(self.login["note_cases"])
        self.post(f"/cases/{case_id}/notes/new/", "progress note", lambda: {"text": NOTE_TEXT},
                  expect=f"/cases/{case_id}/")


class PortalUser(CarepathUser):
    fixed_count = len(CREDENTIALS["portal"])
    logins = list(CREDENTIALS["portal"])

    def sign_in(self) -> None:
        self.home_path = f"/portal/{self.login['person_id']}/"
        self.password_step(next_url=self.home_path, expect=self.home_path)

    def tour(self) -> list[Any]:
        return [self.home, self.goals, self.plan, self.notes]

    @task(4)
    def home(self) -> None:
        self.page(self.home_path, name="portal home")

    @task(2)
    def goals(self) -> None:
        self.page(f"{self.home_path}goals/", name="portal goals")

    @task(2)
    def plan(self) -> None:
        self.page(f"{self.home_path}plan/", name="portal plan")

    @task(2)
    def notes(self) -> None:
        self.page(f"{self.home_path}notes/", name="portal notes")


class BrowserBehindTlsJar(RequestsCookieJar):
    """Keeps Secure cookies as sendable over this plain-HTTP connection: the browser's own connection,
    to the proxy, would be HTTPS, where it sends them."""

    def set_cookie(self, cookie: Cookie, *args: Any, **kwargs: Any) -> None:
        cookie.secure = False
        super().set_cookie(cookie, *args, **kwargs)


def csrf_token(html: str) -> str:
    found = CSRF_FIELD.search(html)
    return found.group(1) if found else ""
