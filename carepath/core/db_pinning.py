"""Read-your-own-writes with a read replica: when a request must read from the primary.

`db_routers.ReplicaRouter` sends reads to the replica unless this module says "primary": a
request that changes something (any method but GET, HEAD and OPTIONS) reads from the primary from
its first query; any other request from its first write on (the router calls `pin_to_primary`).
The answer lives in a context variable, so it belongs to one thread (WSGI) or one task (ASGI); the
middleware sets it afresh for every request and restores it afterwards, so a pin never carries
over to the next request served by the same worker. Outside a request (commands, tests) the first
write pins the rest of the run, which is what a command that reads back its own work needs.
A POST that changes nothing (a search, sent by POST to keep names out of URLs) is marked with
`@reads_only` and reads from the replica like a GET.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from django.http import HttpRequest, HttpResponse

View = TypeVar("View", bound=Callable[..., HttpResponse])

# Methods that by HTTP's rules change nothing; every other one may, so it reads what it changes
# from the primary from the start (its form checks, versions and locks included).
READING_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

_pinned: ContextVar[bool] = ContextVar("carepath_reads_from_primary", default=False)


def pin_to_primary() -> None:
    """From now on, in this request (or command), every read goes to the primary."""
    _pinned.set(True)


def pinned_to_primary() -> bool:
    return _pinned.get()


def reads_only(view: View) -> View:
    """Mark a view whose POST changes nothing, so that it may read from the replica like a GET.

    For searches sent by POST only to keep names out of URLs. Its audit entries pin nothing (the
    audit log is always on the primary); any other write pins the rest of the request as usual.
    """
    view.carepath_reads_only = True  # type: ignore[attr-defined]
    return view


@contextmanager
def pinning_scope(*, pinned: bool) -> Iterator[None]:
    """Start a fresh answer for one request (or one test), and put the old one back after it."""
    token = _pinned.set(pinned)
    try:
        yield
    finally:
        _pinned.reset(token)


class PinToPrimaryMiddleware:
    """Reads of a request that changes something come from the primary, as do reads after a write."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with pinning_scope(pinned=request.method not in READING_METHODS):
            return self.get_response(request)

    def process_view(self, request: HttpRequest, view: Callable[..., Any], args: Any, kwargs: Any) -> None:
        # Before the view only middleware ran, and what it writes (session, throttles, second step)
        # pins nothing: unpinning here forgets no write of this request.
        if getattr(view, "carepath_reads_only", False):
            _pinned.set(False)
