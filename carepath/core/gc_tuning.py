"""Python's garbage collector in a server worker: the objects of a warm worker are frozen once.

A worker holds about 210,000 objects that live as long as it does (modules, classes, compiled
templates, URL patterns, translation catalogues). Python's full collection walks all of them: at a
million citizens one case-page request in a hundred or two waited 100-130 ms for it
(`benchmarks/profile_page.py case --breakdown`, docs/performance.md). After the worker's first
requests, when those objects exist, `gc.freeze()` moves them out of the collector's sight; a full
collection then walks only what was made since, in 2-3 ms. Nothing frozen is garbage (a collection
runs first) and frozen objects are still freed by reference counting; only a cycle among them that
became garbage later would stay, and these objects live as long as the worker anyway. Memory per
worker in the load test: 245 MB at most and 145 at the end with it, 244 and 144-145 the evening
before without it (docs/performance.md).

Done once, after the response of the `WARM_AFTER_REQUESTS`th request has gone out. Installed by
`carepath/wsgi.py` (the server) and by the benchmarks, which measure what a worker does.
"""

import gc
import itertools
from typing import Any

from django.core.signals import request_finished

WARM_AFTER_REQUESTS = 20
_seen = itertools.count(1)


def freeze() -> None:
    """Collect what is garbage now, then freeze every object left."""
    gc.collect()
    gc.freeze()


def _freeze_when_warm(sender: Any, **kwargs: Any) -> None:
    if next(_seen) == WARM_AFTER_REQUESTS:
        request_finished.disconnect(_freeze_when_warm)
        freeze()


def install() -> None:
    request_finished.connect(_freeze_when_warm)
