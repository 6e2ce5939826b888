import gc
import itertools

import pytest
from django.core.signals import request_finished

from carepath.core import gc_tuning


@pytest.fixture
def fresh_worker(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(gc_tuning, "_seen", itertools.count(1))
    # Only the freeze listens: Django's own receivers would close database connections.
    monkeypatch.setattr(request_finished, "receivers", [])
    gc.unfreeze()
    yield
    gc.unfreeze()  # give the test process's objects back to the collector


def test_a_worker_freezes_its_objects_once_after_its_first_requests(fresh_worker: None):
    gc_tuning.install()
    for _ in range(gc_tuning.WARM_AFTER_REQUESTS - 1):
        request_finished.send(sender=None)
    assert gc.get_freeze_count() == 0
    request_finished.send(sender=None)
    frozen = gc.get_freeze_count()
    assert frozen > 1000
    gc.unfreeze()
    for _ in range(gc_tuning.WARM_AFTER_REQUESTS * 2):
        request_finished.send(sender=None)
    assert gc.get_freeze_count() == 0  # once: later requests freeze nothing


def test_freezing_keeps_no_garbage(fresh_worker: None):
    class Node:
        pass

    garbage = Node()
    garbage.self = garbage  # type: ignore[attr-defined]  # a cycle only the collector frees
    del garbage
    gc_tuning.freeze()
    assert not any(type(o).__name__ == "Node" for o in gc.get_objects())
